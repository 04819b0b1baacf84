"""``substitution``: flag a term and suggest the word to use instead."""
from __future__ import annotations

import re
from typing import Iterable

from ..document import Document
from ..findings import Finding
from ..rule import BOOLEAN, MAPPING, STRING, Param, Rule
from ..text import matching
from ..rule import LAZY_REGEXES, checked, rule_alternation
from ..text.lazyre import LazyPattern


class Substitution(Rule):
    """Flags a term and suggests the word to use instead, keeping the match's
    capitalization ("Kiev" -> "Kyiv"). The message may use ``{match}`` and ``{suggestion}``."""

    kind = "substitution"
    params = {
        "swap": Param(MAPPING, "mapping of term (word, phrase, or regex with 'regex: true') to a replacement or a list of them",
                      required=True),
        "regex": Param(BOOLEAN, "treat the keys of 'swap' as regular expressions", default=False),
        "ignorecase": Param(BOOLEAN, "match regardless of case", default=True),
        "exceptions": Param(LAZY_REGEXES, "regexes; a hit overlapping one of their matches is left alone", default=(), type="regex or list of regexes"),
        "scope": Param(STRING, "text (anywhere), or sentence, line, block: the whole unit must match", default="text",
                       choices=matching.SCOPES),
        "safe": Param(BOOLEAN, "--fix may apply the replacement when there is exactly one", default=False),
    }

    def setup(self) -> None:
        o = self.options
        flags = re.IGNORECASE if o["ignorecase"] else 0
        self._entries: list[tuple[LazyPattern, tuple[str, ...]]] = []
        self._literal: dict[str, tuple[str, ...]] = {}
        for term, repl in o["swap"].items():
            repls = (repl,) if isinstance(repl, str) else tuple(str(r) for r in repl)
            if o["regex"]:
                self._entries.append((checked(term, flags), repls))  # compiled only on a hit
            else:
                self._literal[self._key(term)] = repls
        if o["regex"]:
            parts = [rx.pattern for rx, _ in self._entries]
            source = "|".join(f"(?:{p})" for p in parts)
        else:
            source, parts = matching.terms_alternation(o["swap"])
        self._regex = rule_alternation(source, parts, flags)

    def _key(self, text: str) -> str:
        """Terms match across runs of spaces and either apostrophe; so does the lookup."""
        key = " ".join(text.split()).replace("’", "'")
        return key.lower() if self.options["ignorecase"] else key

    def check(self, doc: Document) -> Iterable[Finding]:
        for start, end in matching.find(doc, self._regex, self.options["scope"]):
            if matching.excepted(doc, start, end, self.options["exceptions"]):
                continue
            text = doc.text[start:end]
            repls = self._replacements(text)
            suggestions = tuple(matching.match_case(r, text) for r in repls)
            fix = suggestions[0] if self.options["safe"] and len(suggestions) == 1 else None
            yield self.finding(doc, start, end, suggestions=suggestions, fix=fix)

    def _replacements(self, text: str) -> tuple[str, ...]:
        if not self.options["regex"]:
            return self._literal.get(self._key(text), ())
        for rx, repls in self._entries:
            if rx.fullmatch(text):
                return repls
        return ()
