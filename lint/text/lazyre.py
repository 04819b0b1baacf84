"""Regular expressions compiled on first use: the one lazy-regex helper.

``re.compile`` parses a pattern and generates its matcher in Python, about a millisecond
for a pattern of the size rule packs use. A one-page pre-commit run needs only a fraction
of the patterns newslint carries (most context patterns matter only once a rule has found
something, and most page-residue patterns only once a paragraph looks like residue), so
patterns that a run may not need are written ``lazy(...)`` and compiled the first time
one of their methods is used. Pack patterns are validated when the pack loads
(:func:`lint.rule.checked`) and compiled here later. Not a rule kind.
"""
from __future__ import annotations

import re
from typing import Any

# What a pattern offers; copied onto the lazy object once compiled, so later calls cost a
# plain attribute lookup instead of a trip through ``__getattr__``.
_FORWARDED = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split",
              "scanner", "groups", "groupindex")


class LazyPattern:
    """A pattern that compiles itself on first use; behaves like ``re.Pattern``.

    ``pattern`` and ``flags`` are known without compiling (:mod:`lint.wordstarts` reads
    them to decide whether a draft can match at all).
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = int(flags)

    @property
    def compiled(self) -> re.Pattern:
        rx = self.__dict__.get("_compiled")
        if rx is None:
            rx = re.compile(self.pattern, self.flags)
            self.__dict__["_compiled"] = rx
            for name in _FORWARDED:
                self.__dict__[name] = getattr(rx, name)
        return rx

    @property
    def is_compiled(self) -> bool:
        return "_compiled" in self.__dict__

    def __getattr__(self, name: str) -> Any:  # only reached before the first compile
        if name.startswith("__") or name == "_compiled":
            raise AttributeError(name)
        return getattr(self.compiled, name)

    def __reduce__(self) -> tuple:  # pickled as its source: bound methods do not pickle
        return (LazyPattern, (self.pattern, self.flags))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyPattern):
            return (self.pattern, self.flags) == (other.pattern, other.flags)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


class LazyAlternation(LazyPattern):
    """A rule's main pattern, an alternation of terms, compiled whole or one term at a time.

    ``parts`` are standalone patterns such that, at any position, the whole pattern
    matches exactly what the first part that matches there matches. That holds for
    ``head(?:a|b|c)tail`` and the parts ``head(?:a)tail``, ``head(?:b)tail``, ... when the
    head matches in at most one way (an assertion such as ``(?<!\\w)``, or nothing): ``re``
    tries the alternatives in order, each followed by the tail. A one-page draft usually
    holds the first words of only a few of a rule's terms, so :func:`lint.wordstarts.finditer`
    compiles and tries only those parts (:meth:`part`) where they can start, and a run never
    pays for compiling the rest. Parts name their groups (``m.lastgroup`` says which term
    matched): numbered groups would differ from the whole pattern's.
    """

    def __init__(self, pattern: str, parts: tuple[str, ...] | list[str], flags: int = 0) -> None:
        super().__init__(pattern, flags)
        self.parts = tuple(parts)
        self._parts: dict[int, LazyPattern] = {}
        self.scans = 0  # drafts scanned part by part (lint.wordstarts)
        self.index: Any = None  # lint.wordstarts' index of the parts' prefixes

    def part(self, i: int) -> LazyPattern:
        """Part ``i`` as a pattern of its own."""
        rx = self._parts.get(i)
        if rx is None:
            rx = self._parts[i] = LazyPattern(self.parts[i], self.flags)
        return rx

    def parts_compiled(self) -> int:
        return sum(1 for rx in self._parts.values() if rx.is_compiled)

    def __reduce__(self) -> tuple:
        return (LazyAlternation, (self.pattern, self.parts, self.flags))


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """``re.compile(pattern, flags)``, done the first time the pattern is used."""
    return LazyPattern(pattern, flags)
