"""``invisible-characters``: characters that show nothing but change what the text is.

A zero-width space pasted inside a word splits it for every search and spell check while
the editor sees one word; a bidirectional control can reorder what a reader sees; a soft
hyphen inside a word hides it from a search. Each run of such characters is one finding.
Zero-width and soft-hyphen characters between letters are deleted by ``--fix`` (safe: the
word reads the same); directional controls are only reported, since right-to-left text may
need them. A zero-width joiner inside an emoji sequence is part of the emoji and is left
alone.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from ..document import Document
from ..findings import Finding
from ..rule import Rule

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u180e"
_SOFT_HYPHEN = "\u00ad"
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
_RUN = re.compile(f"[{_ZERO_WIDTH}{_SOFT_HYPHEN}{_BIDI}]+")


def _emoji_side(ch: str) -> bool:
    return bool(ch) and (unicodedata.category(ch) == "So" or "\ufe00" <= ch <= "\ufe0f" or ord(ch) >= 0x1F000)


class InvisibleCharacters(Rule):
    """Characters that show nothing but change the text: zero-width spaces and joiners,
    soft hyphens, text-direction marks. The message names the characters."""

    kind = "invisible-characters"
    params: dict = {}
    uses_message = False

    def check(self, doc: Document) -> Iterable[Finding]:
        text = doc.text
        if text.isascii():
            return
        for m in _RUN.finditer(text):
            start, end = m.span()
            if start == 0 and m.group() == "\ufeff":
                continue  # a byte order mark at the very start is the file's, not the copy's
            before = text[start - 1] if start else ""
            after = text[end] if end < len(text) else ""
            if m.group() == "\u200d" and (_emoji_side(before) or _emoji_side(after)):
                continue  # joins an emoji sequence
            if not doc.prose[start - 1:start].strip() and not doc.prose[end:end + 1].strip() and start:
                # between two non-prose characters (code, URLs, markup): not copy
                if not (before.isalnum() or after.isalnum()):
                    continue
            names = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'UNNAMED')}" for c in dict.fromkeys(m.group()))
            lo = start
            while lo > 0 and text[lo - 1].isalnum():
                lo -= 1
            hi = end
            while hi < len(text) and text[hi].isalnum():
                hi += 1
            word = text[lo:start] + text[end:hi]
            where = f" inside '{word}'" if start > lo and hi > end else (f" next to '{word}'" if word else "")
            directional = any(c in _BIDI for c in m.group())
            yield self.finding(doc, start, end, message=f"invisible character{'s' if end - start > 1 else ''} "
                               f"({names}){where}: it {'can reorder what readers see' if directional else 'splits the word for searches and spell checks'}",
                               fix=None if directional else "")
