"""Importing the cleaning code stays cheap: heavy tables load on first use, not at import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def test_import_loads_no_heavy_tables() -> None:
    code = (
        "import sys\n"
        "from pipeline.cleaning import clean\n"
        "import pipeline.cleaning.pipeline\n"
        "heavy = [m for m in ('opencc', 'pypinyin', 'jieba', 'yaml', 'dateutil', 'lxml') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_simplified_text_never_loads_converters() -> None:
    code = (
        "import sys\n"
        "from pipeline.cleaning import clean\n"
        "clean('江西省商务厅发布消息，今年以来全省签约项目持续增长。', 'text')\n"
        "print(','.join(m for m in ('opencc', 'pypinyin', 'jieba') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "opencc"  # only its dictionary files, to count Traditional characters
