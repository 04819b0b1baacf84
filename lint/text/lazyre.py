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


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """``re.compile(pattern, flags)``, done the first time the pattern is used."""
    return LazyPattern(pattern, flags)
