"""``furniture``: page furniture found by its shape (see :mod:`lint.furniture`).

Each rule reports one shape (``navigation``, ``button``, ``appeal``, ``cookie-notice``,
``comments``, ``related-links``, ``footer``, ``author-bio``) as one finding per piece, with
a span over the whole piece. With ``safe: true`` the finding carries a fix that deletes the
piece's lines, so ``--fix`` removes a whole appeal block in one edit.
"""
from __future__ import annotations

from typing import Iterable

from ..document import Document
from ..findings import Finding
from ..furniture import SHAPES
from ..rule import BOOLEAN, STRING, Param, Rule


class Furniture(Rule):
    """Web page furniture of one ``shape`` pasted into the copy (a cookie notice, a menu,
    an author box...), found by its shape rather than its words. The message may use
    ``{lines}`` (how many lines), ``{size}`` (the same in words: "1 line", "3 lines") and
    ``{first}`` (its opening words)."""

    kind = "furniture"
    params = {
        "shape": Param(STRING, "the shape of page furniture to report", required=True, choices=SHAPES),
        "safe": Param(BOOLEAN, "--fix may delete the whole piece (its lines and their line breaks)", default=False),
    }

    def check(self, doc: Document) -> Iterable[Finding]:
        shape = self.options["shape"]
        text = doc.text
        for piece in doc.furniture.pieces:
            if piece.shape != shape:
                continue
            start, end, fix = piece.start, piece.end, None
            if self.options["safe"]:
                # Delete the lines whole: from the start of the first to the start of the
                # line after the last, so no empty line is left where the piece was.
                line_start = text.rfind("\n", 0, start) + 1
                if not doc.prose[line_start:start].strip():  # only markup before it
                    start = line_start
                if text.startswith("\r\n", end):
                    end += 2
                elif end < len(text) and text[end] in "\r\n":
                    end += 1
                fix = ""
            first = text[piece.start:piece.end].split("\n", 1)[0].strip()
            yield self.finding(doc, start, end, fix=fix, lines=piece.lines,
                               size=f"{piece.lines} line" if piece.lines == 1 else f"{piece.lines} lines",
                               first=first if len(first) <= 60 else first[:57] + "...")
