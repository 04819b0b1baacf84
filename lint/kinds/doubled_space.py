"""``doubled-space``: two or more spaces between words inside a line."""
from __future__ import annotations

from typing import Iterator

from ..text.lazyre import lazy
from ..document import Document
from ..findings import Finding
from ..rule import Rule

_DOUBLE_SPACE = lazy(r"(?<=[^\W_])[ ]{2,}(?=[^\W_])")


class DoubledSpace(Rule):
    """Two or more spaces between words inside a line; not after a full stop, where some
    writers put two on purpose, and not where markup was removed. ``--fix`` keeps one space."""

    kind = "doubled-space"
    params: dict = {}

    def check(self, doc: Document) -> Iterator[Finding]:
        prose, text = doc.prose, doc.text
        if "  " not in text:
            return
        for m in _DOUBLE_SPACE.finditer(text):
            s, e = m.start(), m.end()
            if prose[s - 1] != text[s - 1] or prose[e] != text[e]:
                continue  # next to removed markup
            if doc.sentence_at(s) is None:
                continue
            yield self.finding(doc, s, e, suggestions=(" ",), fix=" ")
