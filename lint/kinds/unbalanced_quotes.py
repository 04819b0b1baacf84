"""``unbalanced-quotes``: a double quotation opened and never closed, or closed and never opened."""
from __future__ import annotations

from typing import Iterator

from ..text.lazyre import lazy
from ..document import Document
from ..findings import Finding
from ..rule import Rule
from .unbalanced_brackets import _blocks_with

# Written as alternatives that each open with a literal (not ``[“”"]|’’|‘‘``): re then
# skips in C to the next of these characters instead of trying every one.
_QUOTE_MARK = lazy(r'“|”|"|’’|‘‘')


class UnbalancedQuotes(Rule):
    """A paragraph that opens a double quotation and never closes it (unless the next
    paragraph reopens it: the newspaper convention for a quote that runs on), or closes
    one it never opened. The message may use ``{side}`` and ``{other}`` (opening, closing)."""

    kind = "unbalanced-quotes"
    params: dict = {}

    def check(self, doc: Document) -> Iterator[Finding]:
        blocks = doc.blocks
        prose = doc.prose
        marked = _blocks_with(prose, blocks, _QUOTE_MARK)
        for n, b in enumerate(blocks):
            if n not in marked:
                continue  # no quotation mark in it: nothing opened or closed
            seg = prose[b.start:b.end]
            opens: list[int] = []
            stray: list[int] = []
            # Published copy mixes its marks: “...", "...”, and ’’ typed for ”. Any
            # opening mark is closed by any closing one; a straight mark closes an open
            # quotation, else opens one at the start of a word.
            for m in _QUOTE_MARK.finditer(seg):  # the marks only: walking every character is slow
                i, ch = m.start(), m.group()
                before = seg[i - 1] if i > 0 else " "
                if ch == '"':
                    if opens:
                        opens.pop()
                    elif before.isdigit():
                        continue  # an inch mark: 34" screen
                    elif before.isspace() or before in "([—–-":
                        opens.append(i)
                    else:
                        stray.append(i)
                elif ch in ("“", "‘‘"):
                    opens.append(i)
                elif opens:
                    opens.pop()
                else:
                    stray.append(i)
            nxt = blocks[n + 1] if n + 1 < len(blocks) else None
            runs_on = nxt is not None and prose[nxt.start:nxt.end].lstrip()[:1] in ("“", '"')
            if opens and not runs_on:
                i = b.start + opens[-1]
                yield self.finding(doc, i, i + 1, side="opening", other="closing")
            for i in stray:
                # A paragraph that continues a running quotation may close it without opening.
                prev = blocks[n - 1] if n > 0 else None
                if prev is not None and prose[b.start:b.end].lstrip()[:1] in ("“", '"'):
                    continue
                if prev is not None and b.start + i > b.start and ("“" in prose[prev.start:prev.end]):
                    continue
                yield self.finding(doc, b.start + i, b.start + i + 1, side="closing", other="opening")
