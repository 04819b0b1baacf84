"""``existence``: flag words, phrases or patterns wherever they occur in prose."""
from __future__ import annotations

import re
from typing import Iterable

from ..document import Document
from ..findings import Finding
from ..rule import BOOLEAN, STRING, STRINGS, Param, ParamError, Rule
from ..text import matching
from ..rule import LAZY_REGEXES


class Existence(Rule):
    """Flags words, phrases or regular expressions wherever they occur in the prose (or only
    where a whole sentence, line or block matches). The message may use ``{match}`` and
    ``{suggestion}``."""

    kind = "existence"
    params = {
        "tokens": Param(STRINGS, "words or phrases, matched as whole words (spaces match any run of white space; "
                        "' matches curly apostrophes too)", default=()),
        "patterns": Param(LAZY_REGEXES, "regular expressions (Python syntax)", default=(), type="regex or list of regexes"),
        "ignorecase": Param(BOOLEAN, "match regardless of case", default=True),
        "exceptions": Param(LAZY_REGEXES, "regexes; a hit overlapping one of their matches is left alone", default=(), type="regex or list of regexes"),
        "scope": Param(STRING, "text (anywhere), or sentence, line, block: the whole unit must match", default="text",
                       choices=matching.SCOPES),
        "suggest": Param(STRINGS, "suggestions to show with every finding", default=()),
    }

    def setup(self) -> None:
        o = self.options
        self._regex = matching.compile_terms(o["tokens"], o["patterns"], o["ignorecase"])
        if self._regex is None:
            raise ParamError("needs 'tokens' or 'patterns'")

    @property
    def regex(self) -> re.Pattern:
        return self._regex

    def check(self, doc: Document) -> Iterable[Finding]:
        for start, end in matching.find(doc, self._regex, self.options["scope"]):
            if matching.excepted(doc, start, end, self.options["exceptions"]):
                continue
            yield self.finding(doc, start, end, suggestions=self.options["suggest"])
