"""Long drafts are linted in bounded pieces, so memory and time stay proportional to a piece.

A news draft is a few thousand words; the per-document analyses (sentences, quotations,
names, counts) are built for that. A draft longer than :data:`PIECE_CHARS` (a book, an
archive pasted into one file) is cut at paragraph breaks into pieces of about that size,
each linted as a document of its own at the whole draft's article date, and the findings
are put back at their offsets in the whole text. What is lost at a cut: consistency across
pieces (a name spelled one way in the first piece and another in the third) and an inline
``newslint-disable`` that is not closed within its piece.
"""
from __future__ import annotations

import bisect
from typing import Iterator, NamedTuple

PIECE_CHARS = 200_000  # about 30,000 words: far above any article, far below a memory problem


class Piece(NamedTuple):
    start: int
    text: str


def cut(text: str, size: int = PIECE_CHARS) -> list[Piece]:
    """``text`` in pieces of at most about ``size`` characters, cut after a blank line where
    there is one, else after a line break, else after a space; never before a ``---`` line
    (a later piece must not begin with what reads as front matter)."""
    pieces: list[Piece] = []
    start = 0
    n = len(text)
    while n - start > size:
        end = _cut_point(text, start, start + size)
        pieces.append(Piece(start, text[start:end]))
        start = end
    pieces.append(Piece(start, text[start:]))
    return pieces


def _cut_point(text: str, lo: int, hi: int) -> int:
    floor = lo + (hi - lo) // 2  # cut in the second half of the window, so pieces stay large
    for sep in ("\n\n", "\n", " "):
        i = text.rfind(sep, floor, hi)
        while i != -1 and text.startswith("---", i + len(sep)):
            i = text.rfind(sep, floor, i)
        if i != -1:
            return i + len(sep)
    return hi


class LineIndex:
    """Line and column (1-based, code points) of offsets into a whole text."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        i = text.find("\n")
        while i != -1:
            self.starts.append(i + 1)
            i = text.find("\n", i + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


class Quotes(NamedTuple):
    """What ``--fix`` needs of a long draft: its text and where its quotations are."""

    text: str
    quotes: list


def shifted(spans, by: int) -> Iterator:
    for s in spans:
        yield s._replace(start=s.start + by, end=s.end + by)
