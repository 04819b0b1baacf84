"""``doubled-punctuation``: ",,", ";;", "::" and two full stops that are not an ellipsis."""
from __future__ import annotations

from typing import Iterator

from ..text.lazyre import lazy
from ..document import Document
from ..findings import Finding
from ..rule import Rule

# Two commas, semicolons or colons not next to another of .,;: (``(?<![.,;:])([,;:])\1(?![.,;:])``),
# or two full stops not next to a third (``(?<![.])\.\.(?![.])``). Written as one mark
# doubled, then the tests of its neighbours, so that the pattern opens with a character
# class and ``re`` skips in C from mark to mark instead of trying every character.
_DOUBLED_MARK = lazy(r"([,;:.])\1(?<![.,;:][,;:]{2})(?<!\.\.\.)(?:(?<=[,;:])(?![.,;:])|(?<=\.)(?!\.))")


class DoubledPunctuation(Rule):
    """Two commas, semicolons, colons or full stops in a row (an ellipsis is left alone).
    The message may use ``{mark}``; ``--fix`` keeps one mark."""

    kind = "doubled-punctuation"
    params: dict = {}

    def check(self, doc: Document) -> Iterator[Finding]:
        if not any(pair in doc.prose for pair in (",,", ";;", "::", "..")):
            return  # every match is one of these pairs: the usual draft needs no scan
        for m in _DOUBLED_MARK.finditer(doc.prose):
            if doc.text[m.start():m.end()] != m.group():
                continue
            # "..." written as two dots at the end of a line is still a typo; a URL or a path
            # is not prose (already blanked).
            mark = m.group()[0]
            yield self.finding(doc, m.start(), m.end(), suggestions=(mark,), fix=mark, mark=mark)
