"""``consistency-spelling-variants``: American and British spellings mixed in one draft."""
from __future__ import annotations

import functools
import re
from bisect import bisect_left
from itertools import compress
from operator import and_, not_
from pathlib import Path
from typing import Iterable

from ..text.lazyre import lazy
from ..document import Document
from ..findings import Finding
from ..rule import Rule
from ..text.matching import match_case
from ..text.tokens import tokens

_WORD = lazy(r"[A-Za-z]+(?:['’][A-Za-z]+)?")


# Pairs in the variant list that say nothing about a draft's spelling: British forms that
# are standard American too (surprise, dialogue, judgement), and unrelated words that
# happen to pair up (outer/outré, timbers/timbres).
_NEUTRAL = frozenset("""
    surprise surprises surprised surprising surprisingly dialogue dialogues catalogue catalogues catalogued
    synagogue synagogues prologue prologues epilogue epilogues monologue monologues demagogue demagogues
    travelogue travelogues pedagogue pedagogues analogue analogues acknowledgement acknowledgements
    judgement judgements ageing axe outer outre timbre timbres timbers ombre omber lustring lustering
    accoutring accoutering routeing routing licensed licensing license licenses meter meters jail jails
""".split())
_ISE = lazy(r"(?:is|ys)(?:e|es|ed|ing|ation|ations|er|ers|able)$")


@functools.lru_cache(maxsize=1)
def variants() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """British -> (American, flags) and American -> (British, flags), from the spelling data.

    Flags: ``z`` an -ise/-ize pair (Oxford British spelling also uses -ize); ``a`` the
    American form is also a British word (licence/license), so it says nothing.
    """
    from .. import diskcache
    from ..packs import rules_dir

    path = Path(rules_dir()) / "spelling" / "variants.tsv"

    def build() -> tuple[dict, dict]:
        uk: dict[str, tuple[str, str]] = {}
        us: dict[str, tuple[str, str]] = {}
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError:
            return uk, us
        for line in lines:
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            british, american = parts[0].strip().lower(), parts[1].strip().lower()
            flags = parts[2].strip() if len(parts) > 2 else ""
            if british and american and british != american:
                uk.setdefault(british, (american, flags))
                us.setdefault(american, (british, flags))
        return uk, us

    return diskcache.derived("consistency-variants", (path, __file__), build, tuple)


@functools.lru_cache(maxsize=1)
def _word_sets() -> tuple[frozenset[str], frozenset[str]]:
    """The British and the American forms of :func:`variants` as sets."""
    uk, us = variants()
    return frozenset(uk), frozenset(us)


@functools.lru_cache(maxsize=1)
def _telling() -> frozenset[str]:
    """The forms that can put a word on one side: both sides' forms but the neutral ones."""
    uk_words, us_words = _word_sets()
    return (uk_words | us_words) - _NEUTRAL


def _present(doc: Document) -> set[str]:
    """``set(map(str.lower, _WORD.findall(doc.prose)))``, read off the token table: a
    match of _WORD (ASCII letters, an apostrophe inside) lies within one token and is
    found there as in the prose, so each distinct token is scanned once, not every word."""
    return set(map(str.lower, _WORD.findall("\n".join(set(tokens(doc).texts)))))


def _mixed(words: "set[str] | frozenset[str]", uk_words: frozenset[str], us_words: frozenset[str]) -> bool:
    """Whether ``words`` hold a British form and an American form that is not also British.
    A subset of words that are not mixed is not mixed either."""
    return not words.isdisjoint(uk_words) and bool((words & us_words) - uk_words)


_LETTERS = re.compile("[A-Za-z]+")


def _candidates(doc: Document) -> set[str]:
    """A superset of ``_present(doc) & _telling()``, from the draft's word index.

    A match of _WORD without an apostrophe (every telling form is letters only) is a run of
    ASCII letters: either a whole ``\\w+`` word (one of the index's distinct words) or part of
    one with a digit, an underscore or a letter beyond ASCII next to it (the index's words
    that are not ASCII letters only), whose letter runs are added."""
    from .. import wordstarts

    index = wordstarts.word_starts(doc)
    telling = _telling()
    found = set(telling.intersection(index.distinct()))
    keys = index.keys
    # The keys are sorted: those before "a" start with a digit or an underscore.
    lo = bisect_left(keys, "a")
    others = keys[:lo]
    rest = keys[lo:]
    if not "".join(rest).isalpha():
        others += [k for k in rest if not k.isalpha()]
    others += index.odd.values()
    if others:
        found.update(telling.intersection(map(str.lower, _LETTERS.findall(" ".join(others)))))
    return found


def _places(doc: Document, words: set[str]) -> list[tuple[int, int, str]]:
    """The matches of _WORD whose lower case is in ``words``, as (start, end, text) in text
    order. A token of ASCII letters only is one match; only the other tokens are scanned."""
    table = tokens(doc)
    texts, starts, ends = table.texts, table.starts, table.ends
    n = len(texts)
    lower = "\n".join(texts).lower().split("\n")  # one call; no token holds a line break
    plain = list(map(str.isalpha, texts))
    if not doc.prose.isascii():
        plain = list(map(and_, plain, map(str.isascii, texts)))
    out = [(starts[i], ends[i], texts[i]) for i in compress(range(n), map(words.__contains__, lower)) if plain[i]]
    prose = doc.prose
    for i in compress(range(n), map(not_, plain)):
        for m in _WORD.finditer(prose, starts[i], ends[i]):
            if m.group().lower() in words:
                out.append((m.start(), m.end(), m.group()))
    out.sort()
    return out


@functools.lru_cache(maxsize=4096)
def _real_ize(ise: str, ize: str) -> bool:
    """True when the -ize form is an ordinary spelling (organize), not a rare one (expertize)."""
    from .. import claims

    lx = claims._lexicon()
    if lx is None:
        return True
    z_ise, z_ize = lx.zipf(ise), lx.zipf(ize)
    return z_ize is not None and (z_ise is None or z_ize >= z_ise - 12)


class ConsistencySpellingVariants(Rule):
    """American and British spellings mixed in one draft ("color" ... "colour", and
    "-ise" against "-ize"); the minority side is flagged, with the other spelling
    suggested. Only when no language variety is configured (with one, the spelling
    rules report every word of the other variety). The message may use ``{style}``,
    ``{other_style}`` and ``{examples}``."""

    kind = "consistency-spelling-variants"
    params: dict = {}

    def check(self, doc: Document) -> Iterable[Finding]:
        if self.settings.language:
            # A configured variety says which side is wrong: spelling.variant reports
            # every word of the other one, so counting sides here would only repeat it.
            return
        uk, us = variants()
        if not uk:
            return
        # British-only forms (colour), -ise forms (organise: British), American-only forms
        # (color) and -ize forms (organize: American, and Oxford British too).
        uk_words, us_words = _word_sets()
        # The draft's words that can tell a side. A word of a British form counts on the
        # British side and one of an American form only; without both, nothing is mixed
        # (the usual case, decided without a scan of the draft's words).
        if not _mixed(_candidates(doc), uk_words, us_words):
            return  # (decided on a superset of the words: no scan of the draft's words)
        hits = _present(doc) & _telling()
        if not _mixed(hits, uk_words, us_words):
            return
        groups: dict[str, list[tuple[int, int, str, str]]] = {"uk": [], "ise": [], "us": [], "ize": []}
        for start, end, word in _places(doc, hits):
            lower = word.lower()
            if lower in _NEUTRAL:
                continue
            if lower in uk:
                other, flags = uk[lower]
                if other in _NEUTRAL:
                    continue
                if "z" in flags:  # -ise (British) against -ize (American, and Oxford British)
                    if not _ISE.search(lower) or not _real_ize(lower, other):
                        continue  # judgement, ageing: Oxford spelling; expertise: no -ize form
                    group = "ise"
                else:
                    group = "uk"
            elif lower in us:
                other, flags = us[lower]
                if "a" in flags or other in _NEUTRAL:
                    continue  # also a British word (license the verb): says nothing
                if "z" in flags:
                    if not _ISE.search(other) or not _real_ize(other, lower):
                        continue
                    group = "ize"
                else:
                    group = "us"
            else:
                continue
            if word[0].isupper() and not _sentence_initial(doc, start):
                continue  # a proper noun: Labour Party, Pearl Harbor, World Health Organization
            groups[group].append((start, end, word, other))
        reported: set[int] = set()
        british = groups["uk"] + groups["ise"]
        for side_a, side_b, labels in ((british, groups["us"], ("British", "American")),
                                       (groups["ise"], groups["ize"], ("-ise", "-ize"))):
            if not side_a or not side_b:
                continue
            if len(side_a) != len(side_b):
                a_is_minority = len(side_a) < len(side_b)
            else:  # a tie: American is taken for the draft's own (two spellings, one each)
                a_is_minority = True
            minority, majority = (side_a, side_b) if a_is_minority else (side_b, side_a)
            style, other_style = labels if a_is_minority else labels[::-1]
            examples = ", ".join(f"'{w}'" for w in sorted({w for _s, _e, w, _o in majority})[:3])
            for start, end, word, other in minority:
                if start in reported:
                    continue
                reported.add(start)
                yield self.finding(doc, start, end, suggestions=(match_case(other, word),), style=style,
                                   other_style=other_style, examples=examples)


def _sentence_initial(doc: Document, offset: int) -> bool:
    s = doc.sentence_at(offset)
    if s is None:
        return True
    return not any(c.isalnum() for c in doc.prose[s.start:offset])
