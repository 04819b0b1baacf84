"""One scan that says whether any of several regexes can match a text.

Scanning a draft costs ``re`` about the same per character whatever the pattern, so ten
patterns scanned one by one cost ten times one scan of their union. Rules that try a list
of patterns over the whole draft (fact-pack phrases, generic window phrases) ask the gate
first: when the union finds nothing, none of the patterns would, and the list is skipped.
When it finds something, every pattern runs exactly as before, so results never change.
"""
from __future__ import annotations

import re
from typing import Iterable

from . import regexcache

# Scoped inline flags a pattern's own flags can be written as inside a union.
_SCOPED = ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"), (re.VERBOSE, "x"), (re.ASCII, "a"))
_HANDLED = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.ASCII | re.UNICODE
# Numbered backreferences would point at another pattern's group inside a union.
_BACKREF = regexcache.compile(r"\\[1-9]|\(\?P=")


class AnyOf:
    """``AnyOf(patterns).search(text)``: False only when no pattern matches ``text``.

    Patterns that cannot join a union (backreferences, flags that cannot be scoped) make
    the gate answer True whenever they are present, so a gate is never wrong, only less
    useful. The union is compiled on first use.
    """

    __slots__ = ("_sources", "_always", "_union", "_built")

    def __init__(self, patterns: Iterable[re.Pattern | object]) -> None:
        sources: list[str] = []
        always = False
        for p in patterns:
            pattern, flags = getattr(p, "pattern", None), getattr(p, "flags", 0)
            if not isinstance(pattern, str) or flags & ~_HANDLED or _BACKREF.search(pattern):
                always = True
                continue
            scoped = "".join(letter for flag, letter in _SCOPED if flags & flag)
            sources.append(f"(?{scoped}:{pattern})" if scoped else f"(?:{pattern})")
        self._sources = sources
        self._always = always
        self._union: re.Pattern | None = None
        self._built = False

    def _build(self) -> None:
        self._built = True
        if not self._sources:
            return
        try:
            self._union = regexcache.compile("|".join(self._sources))
        except re.error:  # e.g. two patterns naming a group alike: no gate, run them all
            self._always = True

    def search(self, text: str) -> bool:
        if self._always:
            return True
        if not self._built:
            self._build()
            if self._always:
                return True
        return self._union is not None and self._union.search(text) is not None
