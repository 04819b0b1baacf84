"""``unbalanced-brackets``: a "(" or "[" without its match in the same paragraph (or in the
next one, when a quotation runs on into it)."""
from __future__ import annotations

import bisect
import re
from operator import le
from typing import Iterator

from ..text.lazyre import lazy
from ..document import Document
from ..findings import Finding
from ..rule import Rule

_BRACKET = lazy(r"[()\[\]]")


class UnbalancedBrackets(Rule):
    """A "(" or "[" without its match in the same paragraph, or the other way round; list
    labels ("a)") and emoticons are left alone. The message may use ``{mark}`` and ``{other}``."""

    kind = "unbalanced-brackets"
    params: dict = {}

    def check(self, doc: Document) -> Iterator[Finding]:
        pairs = {")": "(", "]": "["}
        prose = doc.prose
        blocks = list(doc.blocks)
        carried: list[tuple[str, int]] = []  # absolute positions
        marked = _blocks_with(prose, blocks, _BRACKET)
        for n, b in enumerate(blocks):
            if not carried and n not in marked:
                continue  # no bracket in it and none carried into it: nothing to report
            stack: list[tuple[str, int]] = carried
            carried = []
            seg = prose[b.start:b.end]
            for m in _BRACKET.finditer(seg):
                i, ch = m.start(), m.group()
                if ch in "([":
                    stack.append((ch, b.start + i))
                elif ch in ")]":
                    if stack and stack[-1][0] == pairs[ch]:
                        stack.pop()
                        continue
                    # List labels "a)", "1)" and emoticons ":)" are not brackets.
                    before = seg[max(0, i - 3):i]
                    if re.search(r"(?:^|\s)\w$", seg[max(0, i - 2):i] if i >= 2 else " " + seg[:i]) or \
                            before.endswith((":", ";", ":-", ";-")):
                        continue
                    yield self.finding(doc, b.start + i, b.start + i + 1, mark=ch, other=pairs[ch])
            if stack and n + 1 < len(blocks) and _quote_runs_on(prose, blocks[n + 1].start, blocks[n + 1].end):
                # A quotation that runs on opens its next paragraph with a fresh mark; an
                # aside opened inside it may close there.
                carried = stack
                continue
            for ch, i in stack:
                yield self.finding(doc, i, i + 1, mark=ch, other=")" if ch == "(" else "]")


def _blocks_with(prose: str, blocks: list, mark: "re.Pattern") -> set[int] | range:
    """Indexes of the blocks that a match of ``mark`` in the prose touches (every block
    when blocks are not in order, one after another)."""
    starts = [b.start for b in blocks]
    ends = [b.end for b in blocks]
    if not all(map(le, ends[:-1], starts[1:])):
        return range(len(blocks))
    found = set()
    for m in mark.finditer(prose):
        start, end = m.span()
        k = max(0, bisect.bisect_right(starts, start) - 1)
        while k < len(blocks) and starts[k] < end:
            if ends[k] > start:
                found.add(k)
            k += 1
    return found


def _quote_runs_on(prose: str, start: int, end: int) -> bool:
    return prose[start:end].lstrip()[:1] in "\"“'‘"
