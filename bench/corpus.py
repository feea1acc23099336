"""A deterministic corpus of work reports recombined from the five sample reports, for
benchmarks: each report is a sample with its town and district renamed to a real town
of 上海 (from the national gazetteer, so places resolve), its years shifted, and some
of its projects renamed per town. A town gets a run of consecutive years from one
sample, so each report's review follows up the plan of the year before; project names
kept unrenamed recur across towns.

    .venv/bin/python bench/corpus.py 100 /tmp/corpus-100
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "data" / "reports").glob("*.txt"))
GAZETTEER = ROOT / "loaders" / "data" / "gazetteers" / "china_divisions.tsv"
YEARS_PER_TOWN = 10
# Names in the samples that a town may call by its own name (each kept in some towns).
RENAMABLE = ("智力产业园", "1876产业园区", "朗香公园", "翔韵公园", "结构绿地", "呼兰路", "环上大", "南大", "美兰湖")
PREFIXES = "东西南北新中前后上下"
_YEAR = re.compile(r"(?<![0-9])(20[0-4][0-9])(?=\s*年)")


def shanghai_towns() -> list[tuple[str, str]]:
    """(district, town) of every 镇 of 上海, in code order."""
    counties, towns = {}, []
    for line in GAZETTEER.read_text("utf-8").splitlines():
        if line.startswith("#") or line.startswith("code\t"):
            continue
        code, name, level, parent, kind = (line.split("\t") + [""] * 5)[:5]
        if level == "county" and code.startswith("31"):
            counties[code] = name
        elif level == "township" and parent in counties and kind == "town":
            towns.append((counties[parent], name))
    return towns


def _sample_place(text: str) -> tuple[str, str]:
    # The samples' own towns, all of 宝山区.
    return "宝山区", re.search(r"庙行镇|大场镇|罗店镇|高境镇", text).group()


def recombine(text: str, district: str, town: str, shift: int, renames: dict[str, str]) -> str:
    old_district, old_town = _sample_place(text)
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    for old, new in renames.items():
        text = text.replace(old, new)
    text = text.replace(old_town, town).replace(old_town.removesuffix("镇"), town.removesuffix("镇"))
    return text.replace(old_district, district).replace(old_district.removesuffix("区"), district.removesuffix("区"))


def generate(count: int, folder: Path, seed: int = 16) -> list[Path]:
    """Write ``count`` reports into ``folder`` (the same files for the same arguments)."""
    rng = random.Random(seed)
    towns = shanghai_towns()
    rng.shuffle(towns)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    texts = [p.read_text("utf-8") for p in SAMPLES]
    for index in range(count):
        t, year = divmod(index, YEARS_PER_TOWN)
        district, town = towns[t % len(towns)]
        sample = t % len(texts)
        town_rng = random.Random(f"{seed}/{t}")
        renames = {name: town_rng.choice(PREFIXES) + name for name in RENAMABLE if town_rng.random() < 0.5}
        text = recombine(texts[sample], district, town, year - 1 - (t // len(towns)) * YEARS_PER_TOWN, renames)
        path = folder / f"{index:05d}_{town}_{SAMPLES[sample].stem[:3]}.txt"
        path.write_text(text, "utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    print(f"wrote {len(generate(n, out))} reports to {out}")
