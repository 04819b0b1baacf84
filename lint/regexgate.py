"""One scan that says whether any of several regexes can match a text.

Rules that try a list of patterns over the whole draft (fact-pack phrases, generic window
phrases) ask the gate first: when the union of the patterns finds nothing, none of them
would, and the list is skipped. When it finds something, every pattern runs exactly as
before, so results never change. For the thirteen case-sensitive fact-pack phrases, one
scan of the union cost a seventh of the thirteen scans; :meth:`AnyOf.found_in` also tries
the union only at the word starts it can begin at (:mod:`lint.wordstarts`).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from .text.lazyre import LazyAlternation

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

# Scoped inline flags a pattern's own flags can be written as inside a union.
_SCOPED = ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"), (re.VERBOSE, "x"), (re.ASCII, "a"))
_HANDLED = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.ASCII | re.UNICODE
# Backreferences and conditionals would point at another pattern's group inside a union.
_BACKREF = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")
# A group's name: two patterns may use the same one ("what"), which a union cannot hold.
# The gate only asks whether anything matches, so a named group becomes a plain one.
_NAMED_GROUP = re.compile(r"(?<!\\)\(\?P<\w+>")


class AnyOf:
    """``AnyOf(patterns).search(text)``: False only when no pattern matches ``text``.

    Patterns that cannot join a union (backreferences, flags that cannot be scoped) make
    the gate answer True whenever they are present, so a gate is never wrong, only less
    useful. The union is compiled on first use.
    """

    __slots__ = ("_sources", "_always", "_union", "_built", "_alternation")

    def __init__(self, patterns: Iterable[re.Pattern | object]) -> None:
        sources: list[str] = []
        always = False
        for p in patterns:
            pattern, flags = getattr(p, "pattern", None), getattr(p, "flags", 0)
            if not isinstance(pattern, str) or flags & ~_HANDLED or _BACKREF.search(pattern):
                always = True
                continue
            scoped = "".join(letter for flag, letter in _SCOPED if flags & flag)
            pattern = _NAMED_GROUP.sub("(", pattern)
            sources.append(f"(?{scoped}:{pattern})" if scoped else f"(?:{pattern})")
        self._sources = sources
        self._always = always
        self._union: re.Pattern | None = None
        self._built = False
        self._alternation: LazyAlternation | None = None

    def _build(self) -> None:
        self._built = True
        if not self._sources:
            return
        try:
            self._union = re.compile("|".join(self._sources))
        except re.error:  # e.g. two patterns naming a group alike: no gate, run them all
            self._always = True

    def _gate(self) -> re.Pattern | None | bool:
        """The union, None when there is nothing to match, True when any text may match."""
        if not self._built:
            self._build()
        return True if self._always else self._union

    def search(self, text: str) -> bool:
        gate = self._gate()
        return gate is True or (gate is not None and gate.search(text) is not None)

    def found_in(self, doc: "Document") -> bool:
        """``search(doc.prose)``, trying only the word starts a match can begin at, and
        compiling only the patterns whose first words the draft holds."""
        if self._always or not self._sources:
            return self._always
        from . import wordstarts

        if self._alternation is None:
            # Each source is a whole pattern: the union matches wherever one of them does.
            self._alternation = LazyAlternation("|".join(self._sources), self._sources)
        try:
            return next(wordstarts.finditer(doc, self._alternation), None) is not None
        except re.error:  # the union cannot be compiled (see _build): run them all
            self._always = True
            return True
