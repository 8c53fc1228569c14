"""Rebuild resources/countries_iso3166.txt: the Simplified Chinese names of the ISO 3166-1 countries.

Source: the Debian package ``iso-codes`` (its ISO 3166-1 table, /usr/share/iso-codes/json/iso_3166-1.json,
and the zh_CN translation catalogue iso_3166-1.mo). Each country's official and common name are kept
(莫桑比克; 大韩民国 with 韩国). Left out: China's own divisions (CN, HK, MO, TW: the division table has
them); a two-character name that starts with 中, which reads as China and another (中非合作 is
China–Africa); and a two-character name that is also an ethnic group's (朝鲜族, 蒙古族: the people,
not the country; the extraction's list of ethnic groups says which). Other two-character names
(刚果, 秘鲁) are kept: where one is the seam of two words (增加纳税 holds 加纳), extraction's seam test
drops it, as for every two-character place.
Usage: python scripts/build_countries.py > resources/countries_iso3166.txt  (apt-get install iso-codes)
"""

from __future__ import annotations

import gettext
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from pipeline.extraction.lexicons import is_ethnic_group

TABLE = Path("/usr/share/iso-codes/json/iso_3166-1.json")
LOCALES = "/usr/share/locale"
SKIP = {"CN", "HK", "MO", "TW"}
MIN_LEN = 2

HEADER = """\
# Countries by their Simplified Chinese names (ISO 3166-1). Source: the Debian package iso-codes (the
# ISO 3166-1 table and its zh_CN translation). Rebuild: scripts/build_countries.py (it says what is left
# out: China's own divisions, 中非 and other two-character names that start with 中, and names that are
# also an ethnic group's, 朝鲜 and 蒙古).
# Format: name [TAB alias, alias ...], as regions.txt."""


def _kept(name: str) -> bool:
    """Whether a name reads as the country wherever it is written (see the module's docstring)."""
    return len(name) > 2 or not (name.startswith("中") or is_ethnic_group(name))


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
                if zh != c[key] and len(zh) >= MIN_LEN and "、" not in zh and zh not in names and _kept(zh):
                    names.append(zh)
        if names:
            rows.append(names[0] + ("\t" + ",".join(names[1:]) if names[1:] else ""))
    return HEADER + "\n" + "\n".join(sorted(rows)) + "\n"


if __name__ == "__main__":
    print(build(), end="")
