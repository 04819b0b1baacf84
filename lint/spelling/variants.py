"""British and American spellings of the same word ("colour"/"color").

Both are correct English, so a variant is never a spelling error: it is a style finding
when it does not match the variety the newsroom writes (``language:`` in the config).
Data: ``rules/spelling/variants.tsv`` (see tools/build_spelling_data.py): each pair with
the varieties whose SCOWL dictionary lists each form, so Canadian copy keeps "colour"
and "organize", and -ize spellings are left alone in British copy (Oxford spelling),
as are American forms that are also British words ("program", "check", "jail").
Without a configured variety nothing is a variant here: a draft's own spellings decide,
and mixing them is the consistency rule's finding.
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


# Whether any rule above can apply: one match instead of eight for most words.
_ANY_RULE = re.compile("|".join(f"(?:{p.pattern})" for p, _ in _TO_US + _TO_GB))


def variety(language: str | None) -> str | None:
    """The SCOWL dictionary a configured language is judged by: ``us``, ``gb``, ``ca``,
    ``au``; None when no language is configured (each draft's own spelling stands).
    Irish, Indian, South African and other Commonwealth English follow British spelling;
    New Zealand follows Australian."""
    if not language:
        return None
    lang = language.lower()
    if lang.startswith("en-us"):
        return "us"
    if lang.startswith("en-ca"):
        return "ca"
    if lang.startswith(("en-au", "en-nz")):
        return "au"
    return "gb"


class Variants:
    def __init__(self, rows: list[tuple[str, ...]]) -> None:
        self.us: dict[str, str] = {}  # British -> American
        self.gb: dict[str, str] = {}  # American -> British, only where unambiguous
        # Pair -> (varieties that accept the British form, those that accept the American).
        self._accept: dict[tuple[str, str], tuple[frozenset[str], frozenset[str]]] = {}
        for row in rows:
            uk, us, flags = row[0], row[1], row[2] if len(row) > 2 else ""
            self.us[uk] = us
            if len(row) > 4 and (row[3] or row[4]):
                self._accept[uk, us] = (frozenset(row[3].split()), frozenset(row[4].split()))
            else:  # a row without dictionary columns: what its flags say
                also_british = {"gb", "au", "ca"} if "a" in flags or "z" in flags else set()
                self._accept[uk, us] = (frozenset({"gb", "au", "ca"}), frozenset({"us"} | also_british))
            if "z" not in flags and "a" not in flags:
                self.gb.setdefault(us, uk)
        self._american = frozenset(self.us.values())

    def is_pair_member(self, word: str) -> bool:
        """True when ``word`` is one spelling of a British/American pair ("ax", "axe")."""
        return word in self.us or word in self._american

    def derive(self, word: str, lexicon: "Lexicon") -> tuple[str, bool] | None:
        """For a word not in the lexicon, its other-variety spelling when that one is
        known: ``(spelling, word_is_british)``, e.g. ``("monetize", True)``."""
        if not _ANY_RULE.match(word):
            return None
        for rules, british in ((_TO_US, True), (_TO_GB, False)):
            for pattern, repl in rules:
                if pattern.match(word):
                    other = pattern.sub(repl, word)
                    if other != word and other in lexicon:
                        return other, british
        return None

    def preferred(self, word: str, language: str | None) -> str | None:
        """The spelling ``language`` prefers for a lowercase ``word``, when its dictionary
        lacks ``word`` and lists the other form; None otherwise."""
        v = variety(language)
        if v is None:
            return None
        us = self.us.get(word)
        if us is not None:
            uk_ok, us_ok = self._accept[word, us]
            if v not in uk_ok and v in us_ok:
                return us
        uk = self.gb.get(word)
        if uk is not None:
            uk_ok, us_ok = self._accept[uk, word]
            if v not in us_ok and v in uk_ok:
                return uk
        return None


@functools.lru_cache(maxsize=1)
def default_variants() -> Variants:
    from .. import diskcache

    path = data_dir() / "variants.tsv"

    def build() -> Variants:
        rows = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                rows.append(tuple((line.split("\t") + ["", ""])[:5]))
        return Variants(rows)

    # parsing the table is ~20 ms of a cold run; the parsed form loads in a few
    return diskcache.derived("variants", (path, __file__), build, Variants)
