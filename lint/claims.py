"""Checkable claims in a draft: counts, dates of events, names, ages, quotes, prison terms.

Shared by the consistency rules (one draft contradicting itself) and ``newslint compare``
(several drafts or wire versions of one story disagreeing). Extraction is deliberately
conservative: a claim is only taken when its shape is unambiguous ("31 prisoners were
freed", "Smith was arrested on March 3"), because a consistency checker that guesses
produces false alarms, and those get it switched off.
"""
from __future__ import annotations

import bisect
import functools
import math
import re
from itertools import compress
from operator import le, not_
from typing import TYPE_CHECKING, NamedTuple

from .datetext import date_matches, mentions
from .text.distance import osa
from .text.lazyre import lazy

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document
    from .wordstarts import WordStarts

# ------------------------------------------------------------------ numbers
_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_VAGUE = {"dozens": (24, 100), "scores": (40, 200), "hundreds": (200, 1000), "thousands": (2000, 1_000_000)}

_UNIT_RE = "|".join(sorted(_UNITS, key=len, reverse=True))
_TENS_RE = "|".join(_TENS)
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:million|billion))?"
    rf"|(?:{_TENS_RE})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?"
    rf"|(?:a|one|two|three|four|five|six|seven|eight|nine)\s+(?:hundred|thousand|million)"
    rf"|(?:{_UNIT_RE})|a\s+dozen|dozens|scores|hundreds|thousands"
)

# Qualifiers and the interval they turn a number N into.
_QUALIFIERS = [
    (r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of", "at-least"),
    (r"more\s+than|over|upwards\s+of|in\s+excess\s+of|(?:just|well)\s+over", "more-than"),
    (r"nearly|almost|close\s+to|just\s+under|not\s+quite", "nearly"),
    (r"about|around|some|roughly|approximately|an\s+estimated|estimated|an?\s+approximate|or\s+so", "about"),
    (r"up\s+to|as\s+many\s+as|at\s+most|no\s+more\s+than|a\s+maximum\s+of", "up-to"),
    (r"fewer\s+than|less\s+than|under", "fewer-than"),
]
_QUAL_RE = "|".join(f"(?P<q{i}>{p})" for i, (p, _) in enumerate(_QUALIFIERS))

# Nouns that are counted but are not a set of things (durations, units, money).
_NOT_COUNTED = frozenset("""
    second seconds minute minutes hour hours day days week weeks month months year years decade decades
    century centuries percent per cent percentage points point times time degrees degree km kilometres
    kilometers kilometre kilometer miles mile metres meters metre meter feet foot inches inch yards kg
    kilograms kilogram pounds pound tons tonnes ton tonne litres liters gallons barrels dollars dollar
    euros euro cents yen rubles roubles pence acres hectares square cubic mph km/h of and or to in on at
    for from by with the a an than as is are was were be been has have had that which who this these
    those it its their his her our your my more less most least other others another times-a
    a.m p.m am pm bn m k
""".split())
_IRREGULAR = {"people": "person", "persons": "person", "children": "child", "men": "man", "women": "woman",
              "police": "police officer", "staff": "staff", "personnel": "personnel", "crew": "crew member",
              "troops": "soldier", "soldiers": "soldier", "lives": "person", "civilians": "civilian",
              "fatalities": "person", "casualties": "casualty", "deaths": "person", "bodies": "body"}
# Adjectives that stand for "people who were ...": "25 dead", "40 injured".
_EVENT_ADJECTIVES = {"dead": "killed", "killed": "killed", "injured": "injured", "wounded": "injured",
                     "hurt": "injured", "missing": "missing", "detained": "arrested", "arrested": "arrested"}

# Events counts are given for, by the words that report them.
_EVENT_WORDS = {
    "killed": "killed", "kill": "killed", "kills": "killed", "killing": "killed", "dead": "killed",
    "died": "killed", "die": "killed", "dying": "killed", "deaths": "killed", "death": "killed",
    "perished": "killed", "fatalities": "killed", "lives": "killed",
    "injured": "injured", "injuring": "injured", "wounded": "injured", "wounding": "injured", "hurt": "injured",
    "injuries": "injured", "hospitalized": "injured", "hospitalised": "injured",
    "missing": "missing", "unaccounted": "missing",
    "arrested": "arrested", "arresting": "arrested", "arrests": "arrested", "detained": "arrested",
    "detaining": "arrested", "detentions": "arrested", "jailed": "jailed", "imprisoned": "jailed",
    "freed": "freed", "freeing": "freed", "released": "freed", "releasing": "freed", "release": "freed",
    "pardoned": "freed", "pardoning": "freed", "pardons": "freed",
    "evacuated": "evacuated", "evacuating": "evacuated", "displaced": "displaced", "fled": "displaced",
    "rescued": "rescued", "rescuing": "rescued", "charged": "charged", "indicted": "charged",
    "convicted": "convicted", "sentenced": "sentenced", "executed": "executed", "deported": "deported",
    "kidnapped": "kidnapped", "abducted": "kidnapped", "taken": None, "hostage": "kidnapped",
    "hostages": "kidnapped", "fired": "fired", "laid": "laid off", "dismissed": "fired",
    "sacked": "fired", "elected": "elected", "infected": "infected",
}
# Sentences that report a changing figure or contrast periods do not restate one count.
_UPDATE = lazy(
    r"\b(?:rose|risen|rising|climbed|climbing|increased|increasing|jumped|grew|fell|fallen|dropped|up\s+from|"
    r"down\s+from|revised|earlier|initially|originally|previously|at\s+first|so\s+far|since|"
    r"brought\s+the|bringing\s+the|total(?:led|ed|s)?|in\s+all|a\s+further|another|more\s+than\s+doubled|"
    r"last\s+(?:year|month|week)|previous|compared\s+with|compared\s+to|versus|than\s+in|"
    r"(?:19|20)\d\d|January|February|March|April|June|July|August|September|October|November|December)\b",
    re.I,
)
_PARTIAL = frozenset("other more new additional further remaining extra excess first last next former".split())
# "an extra 30,000 deaths": an addition to some other figure, not a restatement of it.
_PARTIAL_BEFORE = lazy(r"\b(?:other|another|remaining|additional|further|extra|excess|first|last|next|latest|only)\s+$",
                       re.I)
_DEFINITE = lazy(r"(?:\b(?:the|all|all\s+the|these|those)\s+)$", re.I)
_BEFORE_SKIP = lazy(
    r"(?:[$£€#]|\bNo\.|\bpage|\bflight|\broute|\broom|\bnumber|\bchapter|\barticle|\bsection|\bat|\baged?|"
    r"\bages|\bfrom|\bbetween|\bto|\bby|\bof|\bin|\bBoeing|\bAirbus)\s*$",
    re.I,
)

# The number comes first in the pattern (no lookbehind, no optional qualifier in front), so
# that ``re`` can skip quickly to the next digit or number word; the character before it and
# a qualifier ("at least") are looked at afterwards.
_COUNT = lazy(
    rf"(?P<num>{NUMBER})(?P<more>\s+or\s+more|\s+or\s+so|-plus)?(?P<tail>(?:\s+[a-z][a-z'’-]*){{1,3}})\b",
    re.I,
)
_QUAL_BEFORE = lazy(rf"(?:^|(?<=\s))(?:{_QUAL_RE})\s+$", re.I)
_TOLL = lazy(
    rf"\b(?:death|casualty)\s+toll\s+(?:of|at|stood\s+at|stands\s+at|is|was|reached)\s+(?:(?P<qual>{_QUAL_RE})\s+)?"
    rf"(?P<num>{NUMBER})\b",
    re.I,
)
_WORD = lazy(r"[A-Za-z][A-Za-z'’-]*")
_TOKEN = lazy(r"[0-9]+|[A-Za-z]+")
_RUN = lazy(r"\w+")
_NUMBER_WORDS = frozenset([*_UNITS, *_TENS, "a", "dozen", "dozens", "hundreds", "thousands", "scores"])
_NUMBER_WORDS_NOT_A = _NUMBER_WORDS - {"a"}  # "a" starts a count only before "dozen", "hundred"...
_A_MAGNITUDE = lazy(r"\s+(?:hundred|thousand|million|dozen)", re.I)
_YEAR_LIKE = lazy(r"(?:1[89]|20|21)\d\d")
_NOT_A_COUNT_AFTER = lazy(
    r"\s*(?:%|percent\b|per\s+cent\b|[-–](?:year|month|day|week|hour)|:\d|\s*[ap]\.?m\b|st\b|nd\b|rd\b|th\b|-\d|–\d)",
    re.I,
)
_FIRST_WORD = lazy(r"\w")


# number_value's shapes, compiled once (re.fullmatch looks a pattern string up each call).
_FIGURE = re.compile(r"(\d+(?:\.\d+)?)(?:\s+(million|billion))?")
_UNITS_OF = re.compile(r"(a|one|two|three|four|five|six|seven|eight|nine)\s+(hundred|thousand|million)")
_TENS_AND = re.compile(rf"({_TENS_RE})(?:[- ](\w+))?")


def number_value(text: str) -> tuple[float, float, float] | None:
    """(value, low, high) of a numeral; vague words and round number words give a range."""
    t = " ".join(text.lower().replace(",", "").split())
    if t in _VAGUE:
        lo, hi = _VAGUE[t]
        return float(lo), float(lo), float(hi)
    if t == "a dozen":
        return 12.0, 10.0, 14.0
    m = _FIGURE.fullmatch(t)
    if m:
        v = float(m.group(1)) * (_SCALES[m.group(2)] if m.group(2) else 1)
        if m.group(2) or "." in m.group(1):  # "1.2 million" is rounded
            return v, v * 0.95, v * 1.05
        return v, v, v
    m = _UNITS_OF.fullmatch(t)
    if m:
        v = float((1 if m.group(1) == "a" else _UNITS[m.group(1)]) * _SCALES[m.group(2)])
        return v, v * 0.9, v * 1.1
    m = _TENS_AND.fullmatch(t)
    if m:
        v = float(_TENS[m.group(1)] + (_UNITS.get(m.group(2) or "zero", 0)))
        if m.group(2):
            return v, v, v
        return v, v * 0.9, v * 1.1  # "thirty prisoners" is how a round figure is written
    if t in _UNITS:
        v = float(_UNITS[t])
        return v, v, v
    return None


def _interval(kind: str | None, value: float, low: float, high: float) -> tuple[float, float]:
    if kind == "at-least":
        return value, math.inf
    if kind == "more-than":
        return value + 0.5, math.inf
    if kind == "nearly":
        return value * 0.85, value
    if kind == "about":
        return min(low, value * 0.9), max(high, value * 1.1)
    if kind == "up-to":
        return 0, value
    if kind == "fewer-than":
        return 0, value - 0.5
    return low, high


def _qualifier(m: re.Match) -> str | None:
    for i, (_p, name) in enumerate(_QUALIFIERS):
        if m.group(f"q{i}"):
            return name
    return None


def noun_lemma(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "xes", "zes", "ches", "shes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


class Count(NamedTuple):
    """A number of things: '31 prisoners were freed' -> 31, prisoner, freed."""

    start: int  # the number phrase, qualifier included
    end: int
    text: str  # the whole phrase as written ("at least 25 dead")
    value: float
    low: float
    high: float
    qualifier: str | None
    noun: str  # lemma: "prisoner", "person"
    event: str | None  # "killed", "freed", ... or None
    definite: bool  # "the 31 prisoners": refers back to a set already counted
    revisable: bool  # in a sentence about a changing figure or another period, or a part of a set

    def agrees(self, other: "Count") -> bool:
        return self.low <= other.high and other.low <= self.high

    def describe(self) -> str:
        return self.text

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.noun, self.event)


def _is_counted_noun(word: str, value: float) -> bool:
    w = word.lower()
    if w in _NOT_COUNTED or w in _EVENT_ADJECTIVES:
        return w in _EVENT_ADJECTIVES
    if w in _IRREGULAR:
        return True
    if value == 1:
        return len(w) > 2
    return w.endswith("s") and not w.endswith(("ss", "us", "'s", "’s")) and len(w) > 3


def _event_near(prose: str, start: int, end: int, sent_start: int, sent_end: int) -> str | None:
    """The event word reporting a count: up to five words after it in its clause, or three before."""
    after = prose[end:sent_end]
    clause = re.split(r"[;:,(—–]|\s-\s|\band\s+(?=\d)|\bbut\b|\bwhile\b|\bwhereas\b", after, maxsplit=1)[0]
    for w in _WORD.findall(clause)[:5]:
        ev = _EVENT_WORDS.get(w.lower())
        if ev:
            return ev
    before = prose[sent_start:start]
    before = re.split(r"[;:,(—–]", before)[-1]
    words = _WORD.findall(before)[-3:]
    for w in reversed(words):
        ev = _EVENT_WORDS.get(w.lower())
        if ev:
            return ev
    return None


def dates_in(doc: "Document") -> list:
    """Every date mention in the prose (cached on the document)."""
    return doc.derived("dates", lambda: list(mentions(date_matches(doc))))


def counts(doc: "Document") -> list[Count]:
    """Counts of things in the draft's prose, in text order (headlines included)."""
    return doc.derived("counts", lambda: _counts(doc))


def _number_starts(doc: "Document") -> list[int]:
    """Where the tokens of _TOKEN that can start a count begin, in order: digit runs and
    number words ("a" only before dozen/hundred/...).

    Found from the draft's word index rather than by tokenising every sentence: a word of
    only letters or only digits is one token; a word mixing them (or with an underscore or
    a non-ASCII letter) is split by _TOKEN as a sentence scan would split it.
    """
    from . import wordstarts

    index = wordstarts.word_starts(doc)
    prose = doc.prose
    out: list[int] = [p for p in index.exactly("a") if _A_MAGNITUDE.match(prose, p + 1)]
    for word in _NUMBER_WORDS_NOT_A.intersection(index.distinct()):  # (a draft has few of them)
        out += index.exactly(word)
    mixed: list[int] = list(index.always)
    for word, p in _not_alpha(index):
        (out if word.isdigit() else mixed).append(p)
    for p in mixed:
        run = _RUN.match(prose, p)
        for t in _TOKEN.finditer(prose, p, run.end()):
            lower = t.group().lower()
            if lower[0].isdigit() or (lower in _NUMBER_WORDS and (lower != "a" or _A_MAGNITUDE.match(prose, t.end()))):
                out.append(t.start())
    out.sort()
    return out


def _not_alpha(index: "WordStarts") -> list[tuple[str, int]]:
    """``index.not_alpha()`` (the ASCII words with a digit or an underscore, as (lower-case
    word, offset)), in some order, found mostly by bisection: the keys are sorted, and
    those before "a" all start with a digit or an underscore; of the others, usually all
    letters, one test of them joined tells whether any has one."""
    keys, starts = index.keys, index.starts
    lo = bisect.bisect_left(keys, "a")
    out = list(zip(keys[:lo], starts[:lo]))
    rest = keys[lo:]
    if not "".join(rest).isalpha():
        out += [(keys[i], starts[i]) for i in compress(range(lo, len(keys)), map(not_, map(str.isalpha, rest)))]
    return out


def _counts(doc: "Document") -> list[Count]:
    prose = doc.prose
    date_spans = [(d.start, d.end) for d in dates_in(doc)]
    out: list[Count] = []
    starts = _number_starts(doc)
    sentences = doc.sentences
    date_spans.sort()
    for s in (sentences[k] for k in _sentences_with_counts(doc, starts)):
        found: list[Count] = []
        pos = s.start
        # From number to number (the sentence's other words cannot start a count).
        for k in range(bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end)):
            t_start = starts[k]
            if t_start < pos:
                continue
            m = _COUNT.match(prose, t_start, s.end)
            if m is None:
                continue
            pos = m.end("num")
            c = _count_from(m, prose, s.start, s.end, date_spans, False)
            if c is not None:
                found.append(c)
                pos = c.end
        if prose.find("toll", s.start, s.end) >= 0:
            for m in _TOLL.finditer(prose, s.start, s.end):
                parsed = number_value(m.group("num"))
                if parsed is None:
                    continue
                qual = _qualifier(m) if m.group("qual") else None
                lo, hi = _interval(qual, *parsed)
                found.append(Count(m.start("num") if not qual else m.start("qual"), m.end("num"),
                                   prose[m.start():m.end()].strip(), parsed[0], lo, hi, qual, "person", "killed",
                                   True, False))
        if found:
            if _may_update(doc, s.start, s.end) and _UPDATE.search(prose, s.start, s.end):
                # a changing figure: keep, but do not compare
                found = [c._replace(revisable=True) for c in found]
            out.extend(found)
    out.sort(key=lambda c: c.start)
    return out


@functools.lru_cache(maxsize=1)
def _update_heads() -> dict[str, list[tuple[str, ...]]] | None:
    """The words every match of _UPDATE starts with (whole lower-case words, in a row), by
    the first; None when the pattern's first words are not known that way."""
    from . import wordstarts

    heads = wordstarts.heads(_UPDATE)
    if not heads or not all(h and all(whole for _w, whole in h) for h in heads):
        return None
    out: dict[str, list[tuple[str, ...]]] = {}
    for h in heads:
        out.setdefault(h[0][0], []).append(tuple(w for w, _whole in h[1:]))
    return out


def _may_update(doc: "Document", lo: int, hi: int) -> bool:
    """False only when ``_UPDATE.search(doc.prose, lo, hi)`` finds nothing: no words of the
    sentence in a row are a head of the pattern (see :func:`lint.wordstarts.heads`). A match
    starts a ``\\w+`` word and its head's words follow one another, so they are words of the
    draft's word index in a row; a sentence ending inside a word (which the search would
    read as cut there) or holding a word with other than ASCII letters (where ignoring case
    reaches past ASCII: "ſ", "K") is left to the search."""
    from . import wordstarts

    heads = _update_heads()
    prose = doc.prose
    if heads is None or (hi < len(prose) and _in_word(prose[hi - 1]) and _in_word(prose[hi])):
        return True
    index = wordstarts.word_starts(doc)
    places, words = index.places, index.words
    p = bisect.bisect_left(places, lo)
    q = bisect.bisect_left(places, hi, p)
    if index.odd and any(k in index.odd for k in range(p, q)):
        return True
    for k in compress(range(p, q), map(heads.__contains__, words[p:q])):
        for rest in heads[words[k]]:
            if k + len(rest) < q and tuple(words[k + 1:k + 1 + len(rest)]) == rest:
                return True
    return False


def _in_word(c: str) -> bool:
    return c.isalnum() or c == "_"  # what \w matches


def _sentences_with_counts(doc: "Document", starts: list[int]) -> list[int]:
    """Indexes of the sentences that can hold a count: those with a number (one of
    ``starts``) or "toll" in them. The others, most of a draft, are not read."""
    sentences = doc.sentences
    firsts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    if not all(map(le, ends[:-1], firsts[1:])):  # overlapping sentences: read them all
        return list(range(len(sentences)))
    found = set()
    for p in starts:
        k = bisect.bisect_right(firsts, p) - 1
        if k >= 0 and p < ends[k]:
            found.add(k)
    prose = doc.prose
    p = prose.find("toll")
    while p >= 0:
        k = bisect.bisect_right(firsts, p) - 1
        if k >= 0 and p + 4 <= ends[k]:
            found.add(k)
        p = prose.find("toll", p + 1)
    return sorted(found)


def _count_from(m: re.Match, prose: str, s_start: int, s_end: int, date_spans: list, revisable: bool) -> Count | None:
    num = m.group("num")
    before = prose[m.start() - 1] if m.start() > s_start else " "
    if before.isalnum() or before in "_$£€.,-":
        return None  # inside a word or a figure: "B52", "$5", "3.5"
    num_start, num_end = m.span("num")
    # In a date: date_spans are sorted and do not overlap, so only the last one starting
    # at or before the number can hold it.
    k = bisect.bisect_right(date_spans, (num_start, math.inf)) - 1
    if k >= 0 and num_start < date_spans[k][1]:
        return None
    if _YEAR_LIKE.fullmatch(num):  # a year, not a count
        return None
    if _NOT_A_COUNT_AFTER.match(prose[num_end:num_end + 12]):
        return None
    parsed = number_value(num)
    if parsed is None:
        return None
    value, low, high = parsed
    # The counted noun is one of the next three words, after at most two modifiers
    # ("31 political prisoners"); "two of them" and "5 percent" are not counts. (Read
    # before the words in front of the number: most numbers count no noun.)
    tail = list(_WORD.finditer(m.group("tail")))
    noun = noun_end = None
    for i, w in enumerate(tail):
        word = w.group()
        if _is_counted_noun(word, value):
            noun, noun_end = word, m.start("tail") + w.end()
            break
        if word.lower() in _NOT_COUNTED or word.lower() in _EVENT_WORDS or i == 2:
            return None
    if noun is None:
        return None
    # A qualifier ends in white space just before the number: without that, no search.
    q = _QUAL_BEFORE.search(prose, max(s_start, m.start() - 24), m.start()) \
        if m.start() > s_start and prose[m.start() - 1].isspace() else None
    start = q.start() if q else num_start
    if _BEFORE_SKIP.search(prose[max(s_start, start - 12):start]):
        return None
    # "the other two members", "five new cases", "another 3 people": a part or an addition.
    partial = any(w.group().lower() in _PARTIAL for w in tail[:i]) or bool(
        _PARTIAL_BEFORE.search(prose[max(s_start, start - 16):start]))
    qual = _qualifier(q) if q else None
    if m.group("more"):
        qual = "at-least" if "more" in m.group("more") or "plus" in m.group("more") else "about"
    lo, hi = _interval(qual, value, low, high)
    lemma = noun_lemma(noun)
    event = _EVENT_ADJECTIVES.get(noun.lower())
    if event is not None:
        lemma = "person"
    else:
        event = _event_near(prose, start, noun_end, s_start, s_end)
        if noun.lower() in ("deaths", "fatalities", "lives"):
            event = "killed"
    definite = bool(_DEFINITE.search(prose[max(s_start, start - 12):start]))
    text = prose[start:noun_end].strip()
    return Count(start, noun_end, text, value, lo, hi, qual, lemma, event, definite, revisable or partial)


# ------------------------------------------------------------------ names
# A capital letter not after a word character, apostrophe or hyphen
# (``(?<![\w’'-])[A-ZÀ-ÖØ-Þ]...``), written with the capital first and the test of the
# character before it after it (a lookbehind over both): a pattern that opens with a
# character class lets ``re`` skip in C to the next capital, where one that opens with a
# lookbehind is tried at every character (a quarter of a second on a thousand drafts).
_CAP = lazy(r"[A-ZÀ-ÖØ-Þ](?<![\w’'-].)[a-zß-öø-ÿ]+(?:[-’'][A-ZÀ-ÖØ-Þa-zß-öø-ÿ][a-zß-öø-ÿ]+)*(?![\w])")
_NOT_NAMES = frozenset("""
    The A An And But Or If When While After Before Since As At In On Of For From By With Without To Into Onto
    He She It They We You I His Her Its Their Our Your This That These Those There Here Then Than Also
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December Mr Mrs Ms Dr Prof Sir President Minister Senator
    However Meanwhile Still Yet Although Though Because Where What Who Why How According
""".split())


class Word(NamedTuple):
    start: int
    end: int
    text: str
    initial: bool  # first word of its sentence
    first_name: str | None  # the capitalised word just before it, if any ("Sviatlana")
    before_name: bool = False  # a capitalised word follows it: used as a first name ("Sandro Magister")


def capitalised_words(doc: "Document") -> list[Word]:
    """Capitalised words of the body, with whether they start a sentence and the name before them."""
    return doc.derived("capitalised-words", lambda: _capitalised_words(doc))


def _capitalised_words(doc: "Document") -> list[Word]:
    prose = doc.prose
    out: list[Word] = []
    append = out.append
    new = tuple.__new__  # the named tuple's own __new__ is a Python function: slower
    for s in doc.sentences:
        found = list(_CAP.finditer(prose, s.start, s.end))
        if not found:
            continue
        first_word = _FIRST_WORD.search(prose, s.start, s.end)
        opening = first_word.start() if first_word else s.start
        starts, ends, texts = list(map(_START, found)), list(map(_END, found)), list(map(_GROUP, found))
        named = [t not in _NOT_NAMES for t in texts]
        last = len(found) - 1
        for i, start in enumerate(starts):
            end = ends[i]
            # The name just before, or a name just after: only white space between.
            first = texts[i - 1] if i and named[i - 1] and prose[ends[i - 1]:start].isspace() else None
            before = i < last and named[i + 1] and prose[end:starts[i + 1]].isspace()
            append(new(Word, (start, end, texts[i], start <= opening, first, before)))
    return out


_START, _END, _GROUP = re.Match.start, re.Match.end, re.Match.group


def capitalised_forms(doc: "Document") -> tuple[dict[str, None], set[str]]:
    """The distinct texts of :func:`capitalised_words` in order of first use (a dict used
    as an ordered set), and those of them used other than as the first word of a
    sentence. Found with one C-level scan a sentence, without a :class:`Word` for every
    capitalised word: most drafts need no more to show that no name is spelled two ways."""
    return doc.derived("capitalised-forms", lambda: _capitalised_forms(doc))


def _capitalised_forms(doc: "Document") -> tuple[dict[str, None], set[str]]:
    prose = doc.prose
    findall, match, first_word = _CAP.findall, _CAP.match, _FIRST_WORD.search
    order: dict[str, None] = {}
    later: set[str] = set()
    for s in doc.sentences:
        found = findall(prose, s.start, s.end)
        if not found:
            continue
        order.update(dict.fromkeys(found))
        # Only the first match can be the sentence's first word: a capitalised word starts
        # with a letter, so none starts before the first word character.
        opening = first_word(prose, s.start, s.end)
        if opening is not None and match(prose, opening.start(), s.end) is not None:
            later.update(found[1:])
        else:
            later.update(found)
    return order, later


_DEMONYM_ENDINGS = ("s", "n", "i", "a", "es", "an", "ns", "ian", "ese", "'s", "’s", "e")
# Endings that make another word of the same stem: Democrat/Democratic, German/Germany.
_SUFFIXES = frozenset("""
    s es n ns an ans ian ians i is a ae e y ic ics ical ism ist ists ite ites al ial ed er ers ing ion ions
    ive ives ity ese ish o os us um ry ar ary ie ies ly ment ments ness ship ity ation ations
""".split()) | {""}


def _suffix_variants(a: str, b: str) -> bool:
    """True when two words share a stem and differ only in an English ending."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return any(a[k:] in _SUFFIXES and b[k:] in _SUFFIXES for k in range(n, 3, -1))


def variant_pair(a: str, b: str) -> bool:
    """True when two capitalised words look like one name spelled two ways.

    Same first letter, close in spelling (one edit for names up to eight letters, two for
    longer), and not a plural, possessive or demonym of each other ("Kenya"/"Kenyan",
    "Texas"/"Texan", "Russia"/"Russian").
    """
    if a == b or a[0].lower() != b[0].lower():
        return False
    short = min(len(a), len(b))
    if short < 5:
        return False
    la, lb = a.lower(), b.lower()
    if la == lb:
        return False  # a case difference ("McDonald"/"Mcdonald") is a different problem
    longer, shorter = (la, lb) if len(la) > len(lb) else (lb, la)
    if longer[:-1] == shorter and longer[-1] == longer[-2]:
        return True  # a doubled last letter: Zelensky, Zelenskyy
    if la.startswith(lb) and la[len(lb):] in _DEMONYM_ENDINGS or lb.startswith(la) and lb[len(la):] in _DEMONYM_ENDINGS:
        return False
    if _suffix_variants(la, lb):
        return False
    if len(la) == len(lb) and la[:-1] == lb[:-1] and {la[-1], lb[-1]} <= set("snaie"):
        return False
    limit = 1 if short <= 8 else 2
    return osa(la, lb, limit) <= limit


@functools.lru_cache(maxsize=1)
def _name_tools():
    """The fact base's helpers for known people, when available."""
    try:
        from .facts import known_name_words, name_near_miss

        return known_name_words, name_near_miss
    except Exception:  # pragma: no cover - the facts package is optional here
        return None


@functools.lru_cache(maxsize=1)
def _lexicon():
    try:
        from .spelling.lexicon import default_lexicon

        return default_lexicon()
    except Exception:  # pragma: no cover - the word list is optional here
        return None


def dictionary_word(word: str) -> bool | None:
    """Whether the word list knows the word (None when there is no word list)."""
    lx = _lexicon()
    if lx is None:
        return None
    try:
        return lx.zipf(word.lower()) is not None
    except Exception:  # pragma: no cover
        return None


def known_person_word(word: str, settings=None) -> bool:
    """True when the fact base knows this word as part of a person's name (or a near miss of one)."""
    tools = _name_tools()
    if tools is None:
        return False
    known, near = tools
    try:
        return word in known(settings) or near(word, settings) is not None
    except Exception:
        return False


# ------------------------------------------------------------------ dates of events
_EVENTS_FOR_DATES = {
    "arrested": "arrest", "arrest": "arrest", "detained": "arrest", "detention": "arrest",
    "born": "birth", "birth": "birth", "died": "death", "death": "death", "killed": "death",
    "elected": "election", "sentenced": "sentencing", "sentencing": "sentencing", "convicted": "conviction",
    "conviction": "conviction", "released": "release", "release": "release", "freed": "release",
    "resigned": "resignation", "resignation": "resignation", "inaugurated": "inauguration",
    "inauguration": "inauguration", "appointed": "appointment", "appointment": "appointment",
    "married": "wedding", "wedding": "wedding", "charged": "charge", "indicted": "charge",
    "kidnapped": "kidnapping", "abducted": "kidnapping", "disappeared": "disappearance",
    "disappearance": "disappearance", "executed": "execution", "execution": "execution",
    "deported": "deportation", "extradited": "extradition", "pardoned": "pardon",
}
_EVENT_DATE = lazy(
    r"(?P<name>(?:[A-ZÀ-Þ][\w’'-]+\s+){0,3}[A-ZÀ-Þ][\w’'-]+?)(?P<poss>['’]s)?(?:,\s+\d{1,3},)?\s+"
    r"(?:who\s+)?(?:(?:was|were|had\s+been|has\s+been|is|got)\s+)?(?:(?:first|later|finally|briefly)\s+)?"
    r"(?P<event>" + "|".join(sorted(_EVENTS_FOR_DATES, key=len, reverse=True)) + r")\b"
    r"(?P<gap>[^.;:!?]{0,40}?)\b(?:on|in|since)?\s*$",
)


class EventDate(NamedTuple):
    """'Smith was arrested on March 3' -> (arrest, Smith, 3 March)."""

    start: int  # the date
    end: int
    text: str  # the date as written
    event: str
    subject: str  # the surname (last word of the name)
    month: int
    day: int
    year: int | None

    def same_day(self, other: "EventDate") -> bool:
        if (self.month, self.day) != (other.month, other.day):
            return False
        return self.year is None or other.year is None or self.year == other.year

    @property
    def key(self) -> tuple[str, str]:
        return (self.event, self.subject)


def event_dates(doc: "Document") -> list[EventDate]:
    """Dates given for a named person's arrest, birth, death, release... in the draft."""
    return doc.derived("event-dates", lambda: _event_dates(doc))


def _event_dates(doc: "Document") -> list[EventDate]:
    prose = doc.prose
    out: list[EventDate] = []
    for d in dates_in(doc):
        s = doc.sentence_at(d.start)
        lo = s.start if s is not None else max(0, d.start - 120)
        before = prose[lo:d.start]
        before = re.split(r"[;:]", before)[-1]
        # Every match has one of the event words in it, as written (the pattern is
        # case-sensitive): without one, the pattern is not even compiled.
        if not any(w in before for w in _EVENTS_FOR_DATES):
            continue
        m = _EVENT_DATE.search(before)
        if m is None:
            continue
        name_words = [w for w in m.group("name").split() if w not in _NOT_NAMES]
        if not name_words:
            continue
        if "," in m.group("gap") and not m.group("gap").strip().startswith(","):
            continue  # "arrested Smith, who ... on May 2": the date may be another clause's
        out.append(EventDate(d.start, d.end, prose[d.start:d.end], _EVENTS_FOR_DATES[m.group("event").lower()],
                             name_words[-1], d.month, d.day, d.year))
    return out


# ------------------------------------------------------------------ ages, quotes, prison terms
_NAME = r"(?P<name>[A-ZÀ-Þ][\w’'-]+(?:\s+[A-ZÀ-Þ][\w’'-]+){0,3})"
_AGE_AFTER = lazy(_NAME + r",\s+(?:aged\s+)?(?P<age>\d{1,3}),")
_AGE_BEFORE = lazy(r"\b(?P<age>\d{1,3})-year-old\s+(?:[a-z][\w-]*\s+){0,3}?" + _NAME)
_SAID_AFTER = lazy(r"^\s*,?\s*(?:said|says|told\s+\w+(?:\s+\w+)?|added|wrote|insisted)\s+" + _NAME
                         + r"|^\s*,?\s*" + _NAME.replace("name", "name2")
                         + r"\s+(?:said|says|told|added|wrote|insisted)\b")
_SAID_BEFORE = lazy(_NAME + r"\s+(?:said|says|told\s+\w+(?:\s+\w+)?|added|wrote)\s*[:,]?\s*$")
_TERM = lazy(
    r"\bsentenced\s+(?:[A-Z][\w’'-]+\s+)?to\s+(?P<num>" + NUMBER + r")\s+(?P<unit>years?|months?)"
    r"|\b(?P<num2>" + NUMBER + r")-(?P<unit2>year|month)\s+(?:prison\s+|jail\s+)?(?:sentence|term)",
    re.I,
)


class Mention(NamedTuple):
    """A fact about a named person: an age, a quotation, a prison term."""

    start: int
    end: int
    subject: str  # surname
    value: str  # "45", the quoted words, "10 years"
    full_name: str = ""


def _surname(name: str) -> str | None:
    words = [w for w in name.split() if w not in _NOT_NAMES]
    return words[-1] if words else None


def ages(doc: "Document") -> list[Mention]:
    out = []
    prose = doc.prose
    for rx in (_AGE_AFTER, _AGE_BEFORE):
        for m in rx.finditer(prose):
            name = m.group("name")
            sn = _surname(name)
            age = int(m.group("age"))
            if sn and 0 < age < 125:
                out.append(Mention(m.start("age"), m.end("age"), sn, str(age), name))
    out.sort(key=lambda x: x.start)
    return out


def quotes(doc: "Document") -> list[Mention]:
    """Direct quotations attributed to a named speaker ('..., Smith said')."""
    out = []
    prose, text = doc.prose, doc.text
    for q in doc.quotes:
        words = text[q.start:q.end].strip("\"“”‘’' ")
        if len(words.split()) < 3:
            continue  # a scare-quoted word or a title, not a quotation
        speaker = None
        s = doc.sentence_at(q.start)
        after = prose[q.end:(s.end if s else q.end + 80) + 1]
        m = _SAID_AFTER.search(after)
        if m:
            speaker = m.group("name") or m.group("name2")
        else:
            before = prose[(s.start if s else max(0, q.start - 80)):q.start]
            m = _SAID_BEFORE.search(before)
            if m:
                speaker = m.group("name")
        sn = _surname(speaker) if speaker else None
        if sn:
            out.append(Mention(q.start, q.end, sn, " ".join(words.split()), speaker or ""))
    return out


def prison_terms(doc: "Document") -> list[Mention]:
    out = []
    prose = doc.prose
    for m in _TERM.finditer(prose):
        num = m.group("num") or m.group("num2")
        unit = (m.group("unit") or m.group("unit2")).lower().rstrip("s")
        parsed = number_value(num)
        if parsed is None:
            continue
        s = doc.sentence_at(m.start())
        lead = prose[(s.start if s else max(0, m.start() - 120)):m.start()]
        names = [w for w in _CAP.findall(lead) if w not in _NOT_NAMES]
        subject = names[-1] if names else ""
        value = f"{parsed[0]:g} {unit}{'s' if parsed[0] != 1 else ''}"
        out.append(Mention(m.start(), m.end(), subject, value))
    return out

