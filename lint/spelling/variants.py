"""British and American spellings of the same word ("colour"/"color").

Both are correct English, so a variant is never a spelling error: it is a style finding
when it does not match the variant the newsroom writes (``language: en-US`` or
``en-GB``). Data: ``rules/spelling/variants.tsv`` (see tools/build_spelling_data.py).
In en-GB, -ize spellings are left alone (Oxford spelling is British too), and so are
American forms that are also British words with another sense ("program", "check").
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from .lexicon import data_dir

if TYPE_CHECKING:  # pragma: no cover
    from .lexicon import Lexicon

# Regular British <-> American endings, for words the table does not list: a British
# form whose American form is a known word ("monetise" -> "monetize"), and back.
_TO_US = [
    (re.compile(r"^(\w{3,})is(e|ed|es|ing|ation|ations|er|ers|able)$"), r"\1iz\2"),
    (re.compile(r"^(\w{2,})ys(e|ed|es|ing)$"), r"\1yz\2"),
    (re.compile(r"^(\w{3,}[^aeiou])our(s|ed|ing|ite|ites|able|ably|er|ers|ful|less)?$"), r"\1or\2"),
    (re.compile(r"^(\w{3,}[aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),
    (re.compile(r"^(\w{3,})(t|b)re(s|d)?$"), r"\1\2er\3"),
]
_TO_GB = [
    (re.compile(r"^(\w{3,})iz(e|ed|es|ing|ation|ations|er|ers|able)$"), r"\1is\2"),
    (re.compile(r"^(\w{3,}[^aeiou])or(s|ed|ing|ite|ites|able|ably|ful|less)?$"), r"\1our\2"),
    (re.compile(r"^(\w{3,}[aeiou])l(ed|ing|er|ers)$"), r"\1ll\2"),
]


class Variants:
    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        self.us: dict[str, str] = {}  # British -> American
        self.gb: dict[str, str] = {}  # American -> British, only where unambiguous
        for uk, us, flags in rows:
            self.us[uk] = us
            if "z" not in flags and "a" not in flags:
                self.gb.setdefault(us, uk)

    def derive(self, word: str, lexicon: "Lexicon") -> tuple[str, bool] | None:
        """For a word not in the lexicon, its other-variety spelling when that one is
        known: ``(spelling, word_is_british)``, e.g. ``("monetize", True)``."""
        for rules, british in ((_TO_US, True), (_TO_GB, False)):
            for pattern, repl in rules:
                if pattern.match(word):
                    other = pattern.sub(repl, word)
                    if other != word and other in lexicon:
                        return other, british
        return None

    def preferred(self, word: str, language: str) -> str | None:
        """The spelling ``language`` prefers for a lowercase ``word``, when it differs."""
        if language.lower().startswith("en-gb"):
            return self.gb.get(word)
        if language.lower().startswith("en-us"):
            return self.us.get(word)
        return None


@functools.lru_cache(maxsize=1)
def default_variants() -> Variants:
    rows = []
    for line in (data_dir() / "variants.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            uk, us, flags = (line.split("\t") + ["", ""])[:3]
            rows.append((uk, us, flags))
    return Variants(rows)
