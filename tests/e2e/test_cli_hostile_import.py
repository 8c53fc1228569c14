"""End-to-end (issue 10, part B): the ``curator import`` command on hostile folders says what it
did with every file, on one line each, and never prints a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CURATOR = Path(sys.executable).with_name("curator")
BODY = "景德镇高新区对接大湾区产业推介会在深圳举办，签约项目143个。"


def run(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    # Strict UTF-8 output: a lone surrogate (an undecodable file name) printed as is would crash.
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    return subprocess.run([str(CURATOR), "--db", db, *args], capture_output=True, text=True, env=env, timeout=300)


def test_hostile_folder(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'e2e.db'}"
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"\xb0\xb8\xc0\xfd.txt"), "wb") as fh:  # GBK bytes in a UTF-8 system
        fh.write(BODY.encode())
    (folder / "nul.txt").write_bytes((BODY + "\x00尾。").encode())
    (folder / "bomb.md").write_text(
        "---\na: &a [哈哈哈哈]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
        "title: *f\n---\n" + BODY + "炸弹。\n", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0\n", encoding="utf-8")
    (folder / "passwd.txt").symlink_to(secret)

    result = run("import", str(folder), db=db)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1  # the link was not followed: a failure the user must see
    assert "Imported 3, duplicates skipped 0, failed 1." in result.stdout
    assert f"failed: {folder / 'passwd.txt'}: not followed: a link to a file outside" in result.stdout
    assert "imported with a warning:" in result.stdout and "not expanded" in result.stdout
    assert "NUL character(s) stored as U+FFFD" in result.stdout
    listing = run("list", db=db).stdout
    assert "\ufffd\ufffd\ufffd\ufffd.txt" in listing

    again = run("import", str(folder), db=db)  # reruns work (on main every rerun aborted again)
    assert "Imported 0, duplicates skipped 3, failed 1." in again.stdout and "Traceback" not in again.stderr

    named = run("import", str(folder / "passwd.txt"), db=db)  # naming the file itself imports it
    assert named.returncode == 0 and "Imported 1," in named.stdout
