"""Rebuild resources/countries_iso3166.txt: the Simplified Chinese names of the ISO 3166-1 countries.

Source: the Debian package ``iso-codes`` (its ISO 3166-1 table, /usr/share/iso-codes/json/iso_3166-1.json,
and the zh_CN translation catalogue iso_3166-1.mo). Each country's official and common name are kept
(莫桑比克; 大韩民国 with 韩国). Left out: China's own divisions (CN, HK, MO, TW: the division table has
them) and names shorter than three characters, which are often ordinary words or fragments of other
words (中非 in 中非合作 is China–Africa); the hand-kept regions.txt lists the short names that matter.
Usage: python scripts/build_countries.py > resources/countries_iso3166.txt  (apt-get install iso-codes)
"""

from __future__ import annotations

import gettext
import json
from pathlib import Path

TABLE = Path("/usr/share/iso-codes/json/iso_3166-1.json")
LOCALES = "/usr/share/locale"
SKIP = {"CN", "HK", "MO", "TW"}
MIN_LEN = 3

HEADER = """\
# Countries by their Simplified Chinese names (ISO 3166-1). Source: the Debian package iso-codes (the
# ISO 3166-1 table and its zh_CN translation). Rebuild: scripts/build_countries.py (it says what is left
# out: China's own divisions and names shorter than three characters).
# Format: name [TAB alias, alias ...], as regions.txt."""


def build() -> str:
    tr = gettext.translation("iso_3166-1", LOCALES, languages=["zh_CN"])
    rows = []
    for c in json.loads(TABLE.read_text(encoding="utf-8"))["3166-1"]:
        if c["alpha_2"] in SKIP:
            continue
        names = []
        for key in ("common_name", "name", "official_name"):
            if key in c:
                zh = tr.gettext(c[key]).strip()
                if zh != c[key] and len(zh) >= MIN_LEN and "、" not in zh and zh not in names:
                    names.append(zh)
        if names:
            rows.append(names[0] + ("\t" + ",".join(names[1:]) if names[1:] else ""))
    return HEADER + "\n" + "\n".join(sorted(rows)) + "\n"


if __name__ == "__main__":
    print(build(), end="")
