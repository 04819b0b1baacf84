"""The ``caps-run`` rule kind."""
from __future__ import annotations

import re
from typing import Iterable

from lint.rule import NUMBER, Param, Rule

_CAPS_WORD = r"[A-Z][A-Z'’-]+"


class CapsRun(Rule):
    """Flags ``min-words`` or more consecutive words in capitals."""

    kind = "caps-run"
    params = {"min-words": Param(NUMBER, "how many capitalised words in a row make shouting", default=3)}

    def setup(self) -> None:
        n = int(self.options["min-words"])
        # Acronyms are short; shouting is a run of them, so a run of n words is needed.
        self._regex = re.compile(rf"(?<![\w.]){_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{{n - 1},}}(?![\w.])")

    def check(self, doc) -> Iterable:
        for m in self._regex.finditer(doc.prose):
            yield self.finding(doc, m.start(), m.end(), suggestions=(m.group().capitalize(),))
