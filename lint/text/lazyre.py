"""Regular expressions checked when a pack loads but compiled on first use.

The bias kinds carry many context patterns (exceptions, idioms, complements) that only
matter once a term has been found. Compiling them all at start-up cost more than the rest
of a pre-commit run on a one-page draft, so they are *validated* when the pack loads (syntax
and catastrophic backtracking, exactly as :func:`lint.rule.compile_regex` does) and
*compiled* the first time a rule needs them. Not a rule kind.
"""
from __future__ import annotations

import re
from typing import Any

from .. import regexcache
from ..rule import TRUSTED_PATTERNS, ParamError, _strings, validate_regex


class LazyPattern:
    """A validated pattern that compiles itself on first use; behaves like ``re.Pattern``."""

    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern | None = None

    @property
    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = regexcache.compile(self.pattern, self.flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:  # search, match, finditer, ...
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


def checked(pattern: str, flags: int = 0) -> LazyPattern:
    """Validate ``pattern`` now (syntax, backtracking risk); compile it later."""
    validate_regex(pattern, flags)
    return LazyPattern(pattern, flags)


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """A trusted (built-in) pattern compiled on first use, without validation."""
    return LazyPattern(pattern, flags)


def rule_pattern(source: str, flags: int = 0) -> re.Pattern | LazyPattern:
    """A rule's main regex, joined from parts that were validated one by one.

    For the packs newslint ships it is compiled on first use: a draft that holds none of
    the words a pattern starts with never needs it (see :mod:`lint.wordstarts`). For any
    other pack it is compiled now, so a pattern that only fails once joined (two parts
    naming a group alike) is reported when the pack loads.
    """
    if TRUSTED_PATTERNS.get():
        return LazyPattern(source, flags)
    try:
        return regexcache.compile(source, flags)
    except re.error as exc:
        raise ParamError(f"bad regular expression: {exc}") from None


def _lazy_regexes(value: Any) -> tuple[LazyPattern, ...]:
    return tuple(checked(p) for p in _strings(value))


#: Param converter: a string or list of strings, validated now and compiled on first use.
LAZY_REGEXES = _lazy_regexes
