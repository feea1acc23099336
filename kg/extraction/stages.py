"""The stages a project goes through (立项 … 竣工), lowest first, as
``kg/extraction/data/milestones.tsv`` lists them: what a promise's milestone and a
progress statement's reached stage are ranked by. Kept apart from
:mod:`kg.extraction.claims` and :mod:`kg.extraction.milestones` so that a read command (``kg trace``) names a stage without
importing the claim reader and its segmenter.

>>> stage_of(0).english
'work carried on'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.resources import data_rows


@dataclass(frozen=True)
class Stage:
    rank: int
    milestone: str
    english: str
    pattern: re.Pattern


@cache
def ladder() -> tuple[Stage, ...]:
    """The project stages, lowest first, from ``kg/extraction/data/milestones.tsv``."""
    rows = [Stage(int(row[0]), row[1], row[2], re.compile(row[3])) for row in data_rows("kg.extraction", "milestones.tsv")]
    return tuple(sorted(rows, key=lambda s: s.rank))


CARRIED_ON = Stage(0, "推进", "work carried on", re.compile(r"$^"))


def stage_of(rank: int) -> Stage:
    return next((s for s in ladder() if s.rank == rank), CARRIED_ON)


__all__ = ["CARRIED_ON", "Stage", "ladder", "stage_of"]
