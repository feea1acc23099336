"""What a build or removal tells its caller: :class:`BuildSummary`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from loaders import LoaderError


@dataclass
class BuildSummary:
    loaded: int = 0
    towns: Counter = field(default_factory=Counter)  # reports loaded per town
    districts: dict[str, str] = field(default_factory=dict)  # town → district
    errors: list[LoaderError] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    replaced: list[tuple[str, str, str]] = field(default_factory=list)  # (source, old id, new id)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (source, how the text was read)
    removed: list[str] = field(default_factory=list)  # report ids
    rederived_towns: int = 0
    reports_in_store: int = 0
    entities: int = 0
    claims: int = 0

    @property
    def failed(self) -> bool:
        return bool(self.errors)

    def describe(self) -> str:
        """The build in one line: "5 reports across 4 towns of 宝山区 (5 in the store)".

        >>> BuildSummary(loaded=2, towns=Counter({"庙行镇": 2}), districts={"庙行镇": "宝山区"}, reports_in_store=2).describe()
        '2 reports across 1 town of 宝山区 (2 in the store)'
        >>> BuildSummary(reports_in_store=5, errors=[LoaderError("a.txt", "empty file")]).describe()
        'no report loaded (5 in the store; 1 failed)'
        """
        failed = f"; {len(self.errors)} failed" if self.errors else ""
        if not self.loaded:
            return f"no report loaded ({self.reports_in_store} in the store{failed})"
        districts = sorted(set(self.districts.values()))
        # A corpus from many counties is counted, not listed.
        where = "、".join(districts) if len(districts) <= 3 else f"{len(districts)} counties"
        return (
            f"{_count(self.loaded, 'report')} across {_count(len(self.towns), 'town')} of {where or '-'} "
            f"({self.reports_in_store} in the store{failed})"
        )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
