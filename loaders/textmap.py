"""Text that remembers where each of its characters came from.

Normalisation deletes and replaces characters; a ``MappedText`` keeps, for each
character, its offset in the original text, so that a normalised sentence can always be
quoted as published.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import chain, compress


@dataclass(frozen=True)
class MappedText:
    text: str
    offsets: tuple[int, ...]

    def __post_init__(self) -> None:
        if len(self.text) != len(self.offsets):
            raise ValueError("a MappedText needs one offset per character")

    @classmethod
    def from_original(cls, original: str, start: int = 0, end: int | None = None) -> MappedText:
        end = len(original) if end is None else end
        return cls(original[start:end], tuple(range(start, end)))

    @classmethod
    def join(cls, pieces: Iterable[MappedText]) -> MappedText:
        pieces = list(pieces)
        # (chain, not a generator over every offset: a report's paragraphs are joined whole)
        return cls("".join(p.text for p in pieces), tuple(chain.from_iterable(p.offsets for p in pieces)))

    def __len__(self) -> int:
        return len(self.text)

    def __getitem__(self, index: slice) -> MappedText:
        return MappedText(self.text[index], self.offsets[index])

    def span(self) -> tuple[int, int]:
        """The original extent: from the first character's offset to just past the last."""
        if not self.offsets:
            raise ValueError("an empty MappedText has no span")
        return self.offsets[0], self.offsets[-1] + 1

    def strip(self, chars: str | None = None) -> MappedText:
        stripped = self.text.lstrip(chars)
        left = len(self.text) - len(stripped)
        right = len(stripped.rstrip(chars))
        return self[left : left + right]

    def map_chars(self, rule: Callable[[str, int, str], str | None]) -> MappedText:
        """Apply ``rule(text, index, char)`` to each character: it returns the
        replacement character or None to delete it."""
        chars: list[str] = []
        offsets: list[int] = []
        text = self.text
        for i, ch in enumerate(text):
            new = rule(text, i, ch)
            if new is None:
                continue
            if len(new) != 1:
                raise ValueError("a character rule replaces one character with one character")
            chars.append(new)
            offsets.append(self.offsets[i])
        return MappedText("".join(chars), tuple(offsets))

    def delete_spans(self, spans: Iterable[tuple[int, int]]) -> MappedText:
        """Remove the characters in the given [start, end) index ranges."""
        keep = [True] * len(self.text)
        for start, end in spans:
            if 0 <= start <= end <= len(keep):
                keep[start:end] = [False] * (end - start)  # a slice at once, as the loop below does
            else:
                for i in range(start, end):
                    keep[i] = False
        return MappedText("".join(compress(self.text, keep)), tuple(compress(self.offsets, keep)))
