"""How cleaning and extraction scale with the size of one HTML page (a benchmark that prints figures).

One page is built from the synthetic corpus's articles (varied names, places, figures and damage),
each as a ``<section>`` of ``<p>`` lines, until it reaches the size asked for. Each size runs in its
own process, so its peak memory is its own::

    python -m pipeline.bench.large_html 1 4            # sizes in MB; prints CPU s, s/MB and peak MB
    python -m pipeline.bench.large_html --repeated 1 4 # one article repeated instead of many

Cost must grow linearly: the seconds per MB (and the peak memory per MB) should stay flat as the
size grows. (issue 10: a 20 MB page took 358 s; 4 MB 10 s, 8 MB 27.5 s.)
"""

from __future__ import annotations

import html
import re
import resource
import subprocess
import sys
import time

from pipeline.bench.corpus import make_article

_FRONT = re.compile(r"\A\s*---\n.*?\n---\n", re.S)
_TAGS = re.compile(r"<[^>]*>")


def large_html(size_bytes: int, seed: int = 0, *, repeated: bool = False) -> str:
    """A well-formed HTML page of about ``size_bytes`` UTF-8 bytes: many different articles, or
    (``repeated``) one article over and over, as a page that repeats a block does (the same
    names and figures thousands of times: the other way a per-name cost can grow)."""
    parts = ["<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>大型页面</title></head>\n<body>\n"]
    size = len(parts[0].encode())
    index = 0
    while size < size_bytes:
        text, _kinds, _encoding, _suffix = make_article(seed, index)
        index = index if repeated else index + 1
        body = _FRONT.sub("", text)
        lines = [ln.strip() for ln in _TAGS.sub("\n", body).split("\n")]
        section = "<section>\n" + "".join(
            f"<p>{html.escape(ln, quote=False)}</p>\n" for ln in lines if ln
        ) + "</section>\n"
        parts.append(section)
        size += len(section.encode())
    parts.append("</body></html>\n")
    return "".join(parts)


def measure(size_mb: float, *, repeated: bool = False) -> tuple[float, float]:
    """(CPU seconds, peak resident MB) of reading, cleaning and extracting one page of ``size_mb`` MB."""
    from pipeline.ingest import read_bytes
    from pipeline.process import process

    data = large_html(int(size_mb * 1024 * 1024), repeated=repeated).encode()
    doc = read_bytes(data, source_name="large.html", source_path="/large.html")
    # CPU time, not wall time: the figure must not depend on what else the machine is running.
    start = time.process_time()
    process(doc)
    seconds = time.process_time() - start
    return seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> int:
    repeated = "--repeated" in argv
    argv = [a for a in argv if a != "--repeated"]
    if argv[:1] == ["--one"]:
        seconds, peak = measure(float(argv[1]), repeated=repeated)
        print(f"{seconds:.3f} {peak:.1f}")
        return 0
    sizes = [float(a) for a in argv] or [1.0, 4.0]
    print(f"{'MB':>6} {'CPU s':>9} {'s/MB':>7} {'peak MB':>8}   ({'one article repeated' if repeated else 'varied'})")
    for mb in sizes:
        cmd = [sys.executable, "-m", "pipeline.bench.large_html", "--one", str(mb), *(["--repeated"] * repeated)]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.split()
        seconds, peak = float(out[0]), float(out[1])
        print(f"{mb:6.2f} {seconds:9.2f} {seconds / mb:7.2f} {peak:8.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
