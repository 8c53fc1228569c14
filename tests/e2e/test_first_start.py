"""The first start of the app on an empty default store loads the bundled seed corpus."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

CURATOR = Path(sys.executable).with_name("curator")


def test_first_start_seeds_the_default_store_and_renders(tmp_path: Path, seeds_dir: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "CURATOR_DB"}
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               QT_QPA_PLATFORM="offscreen")
    shot = tmp_path / "shot.png"
    result = subprocess.run([str(CURATOR), "--screenshot", str(shot)], capture_output=True, text=True, env=env,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert image.width() >= 800 and image.height() >= 500

    db = tmp_path / "data" / "article-curator" / "curator.db"
    assert db.exists()
    listing = subprocess.run([str(CURATOR), "--db", f"sqlite:///{db}", "list"], capture_output=True, text=True,
                             env=env, timeout=120)
    names = sorted(line.split("\t")[2] for line in listing.stdout.splitlines())
    assert names == sorted(p.name for p in seeds_dir.iterdir())

    # A second start must not import the seeds again.
    subprocess.run([str(CURATOR), "--screenshot", str(shot)], capture_output=True, env=env, timeout=300, check=True)
    again = subprocess.run([str(CURATOR), "--db", f"sqlite:///{db}", "list"], capture_output=True, text=True,
                           env=env, timeout=120)
    assert len(again.stdout.splitlines()) == 5
