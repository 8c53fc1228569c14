"""The window's modules load without the heavy libraries only some commands need.

pyarrow (the Hugging Face export) and datasketch (which loads scipy; near-duplicate signatures)
added ~90 MB of resident memory and over a second to every start when they were imported at
module level; they are imported where they are used.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("pyarrow", "datasketch", "scipy", "pandas", "jieba", "spacy")


def test_opening_the_window_modules_loads_no_heavy_library() -> None:
    code = (
        "import sys\n"
        "import gui.main_window, gui.app, gui.cli\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                         timeout=120, check=True)
    assert out.stdout.strip() == ""
