"""Gazetteer matching: the names of a report's surroundings (counties of its city,
townships of its county, villages of its township), rivers, indicators and named metro
lines, each list found in a text by one Aho–Corasick pass."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import ahocorasick

from loaders.gazetteer import gazetteer


@cache
def _local_names(town: str | None, district: str | None) -> tuple[tuple[str, str], ...]:
    """(name, class) of the divisions a report of this town speaks of by name: the
    counties of its city, the townships of its county, the villages of its township."""
    g = gazetteer()
    code = g.locate(town, district)
    if code is None:
        return ()
    names: dict[str, str] = {}
    county = code[:6]
    city = g.divisions[county].parent if county in g.divisions else None
    if city:
        names.update({d.name: "District" for d in g.counties(city)})
    names.update({d.name: "Town" for d in g.townships(county) if len(d.name) >= 3})
    if len(code) == 9:
        names.update({v.name: "Village" for v in g.villages(code)})
    return tuple(names.items())


class _Literals:
    """A fixed list of names with what each stands for, and those of them that occur in
    a text, in the list's order: one Aho–Corasick pass instead of a search per name (a
    town's surroundings are hundreds of names). The order is kept because it decides
    between equal mentions later (the first one found stays)."""

    def __init__(self, items: Iterable[tuple[str, str]]) -> None:
        self._automaton = ahocorasick.Automaton()
        for rank, (name, value) in enumerate(dict(items).items()):
            self._automaton.add_word(name, (rank, name, value))
        if len(self._automaton):
            self._automaton.make_automaton()

    def occurring(self, text: str) -> list[tuple[str, str]]:
        """(name, what it stands for) of each name found in ``text``."""
        if not len(self._automaton):
            return []
        return [(name, value) for _, name, value in sorted({found for _, found in self._automaton.iter(text)})]


@cache
def _local_literals(town: str | None, district: str | None) -> _Literals:
    return _Literals(_local_names(town, district))


@cache
def _gazetteer_literals() -> tuple[_Literals, _Literals, _Literals]:
    """The rivers' (folded) spellings, the indicators' aliases and the named metro lines'
    (numbered lines are found by number)."""
    g = gazetteer()
    lines = {alias: line for alias, line in g.lines.items() if "号线" not in alias}
    return _Literals(g.rivers.items()), _Literals(g.indicators.items()), _Literals(lines.items())
