"""What a draft says about known people: mentions, titles before them, modifiers, time context.

One :class:`Analysis` per document and fact base, shared by every fact rule (cached on
the document), so a draft is tokenised and scanned once however many fact rules run.
"""
from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

from ..datetext import MONTHS, WEEKDAYS, find_dates
from .index import FormEntry, NameIndex, TitleEntry
from .model import FactBase, Office, Person
from .text import PARTICLES, TokenColumns, near_limit, token_columns
from ..text.distance import osa
from ..text.lazyre import lazy

if TYPE_CHECKING:  # pragma: no cover
    from ..document import Document

# Words before a title that change what it claims.
PAST = {"former", "ex", "then", "late", "onetime", "erstwhile", "previous", "deposed", "ousted", "toppled",
        "retired", "emeritus", "fallen", "slain", "assassinated", "jailed", "impeached", "disgraced", "exiled"}
FUTURE = {"future", "incoming", "would-be", "designate", "elect", "presumptive", "next", "prospective", "likely"}
OTHER_OFFICE = {"deputy", "vice", "acting", "interim", "caretaker", "assistant", "shadow", "co", "first",
                "lady", "honorary", "opposition", "party", "senate", "regional", "provincial", "state",
                "associate", "junior", "senior", "foreign", "finance", "defence", "defense", "transitional",
                "self-declared", "self-proclaimed", "exiled", "rival", "parallel", "de", "facto"}
CURRENT = {"outgoing", "sitting", "incumbent", "current", "new", "now", "longtime", "long-time", "embattled",
           "newly", "elected", "re-elected", "reelected", "veteran", "beleaguered", "populist", "conservative",
           "liberal", "socialist", "centrist", "nationalist", "authoritarian"}
DETERMINERS = {"the", "a", "an", "this", "that", "his", "her", "their", "our", "its", "whose"}

_JOIN_GAP = lazy(r"\.?[ \t\u00a0]+(?:\n[ \t\u00a0]*)?|\.?\n[ \t\u00a0]*")
_HONORIFIC = {"mr", "mrs", "ms", "mx", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "rev", "father",
              "sister", "brother", "cardinal", "bishop", "archbishop", "sheikh", "judge", "justice", "chief",
              "general", "gen", "admiral", "colonel", "senator", "sen", "governor", "gov", "rep", "representative",
              "ambassador", "envoy", "minister", "secretary", "mayor", "speaker", "leader", "king", "queen", "prince",
              "princess", "pope", "emperor", "president", "chancellor", "premier"}
_DOTTED = {"jr", "sr", "st", "gen", "sen", "rep", "gov", "dr", "mr", "mrs", "ms", "lt", "col", "sgt", "capt", "pres", "prof"}
_WEEKDAY_KEYS = {w for w in WEEKDAYS} | {"today", "tonight", "yesterday", "tomorrow"}
_PLACE_WORDS = {"st", "saint", "san", "santa", "fort", "lake", "mount", "mt", "port", "cape", "camp"}
_ALLOWED_NEXT = set(WEEKDAYS) | set(MONTHS) | {"on", "in", "at", "and", "but", "or", "of", "for", "to", "as", "by"}


class TitleMatch(NamedTuple):
    start: int
    end: int
    tok_start: int
    entry: TitleEntry
    text: str
    embedded: bool = False

    @property
    def short(self) -> bool:
        return not self.entry.long


@dataclass
class Mention:
    person: Person
    start: int  # the name (the title, if any, is in ``title``)
    end: int
    tok_start: int
    tok_end: int
    text: str
    kind: str  # name | alias | misspelling | surname
    entry: FormEntry | None = None
    title: TitleMatch | None = None
    modifier: str | None = None  # past | future | other | current
    modifier_word: str = ""
    modifier_start: int | None = None
    weak: bool = False
    guess: bool = False  # a bare surname read as the only known person with it

    @property
    def span_start(self) -> int:
        """Where the claim starts: the modifier, else the title, else the name."""
        if self.modifier_start is not None:
            return self.modifier_start
        return self.title.start if self.title else self.start


@dataclass
class Analysis:
    doc: "Document"
    base: FactBase
    date: _dt.date
    tokens: TokenColumns  # indexing and slicing give Token (see lint.facts.text)
    mentions: list[Mention] = field(default_factory=list)
    by_person: dict[str, list[Mention]] = field(default_factory=dict)
    covered: set[int] = field(default_factory=set)  # token indices inside a mention or its title
    helper: "_Analyser | None" = None

    @property
    def index(self) -> NameIndex:
        return self.base.index


def analyse(doc: "Document", base: FactBase) -> Analysis:
    """The analysis of ``doc`` against ``base``, computed once and cached on the document."""
    date = doc.date or _dt.date.today()
    return doc.derived(("facts", id(base), date), lambda: _Analyser(doc, base, date).run())


# ---------------------------------------------------------------------------
class _Analyser:
    def __init__(self, doc: "Document", base: FactBase, date: _dt.date) -> None:
        self.doc = doc
        self.base = base
        self.index = base.index
        self.date = date
        self.prose = doc.prose
        cols = token_columns(doc)
        self.tokens = cols
        # The columns themselves, read directly where every token (or every capitalised
        # one) is looked at: no Token made, whole-draft scans in C (``map``, ``compress``).
        self.starts, self.ends, self.texts = cols.starts, cols.ends, cols.texts
        self.keys, self.full_ends, self.hyphens = cols.keys, cols.full_ends, cols.hyphens
        self.sent_starts = [s.start for s in doc.sentences]
        self.heading_spans = [(b.start, b.end) for b in doc.blocks if b.kind == "heading"]
        self._capitalised: list[int] | None = None

    def capitalised(self) -> list[int]:
        """Indexes of the tokens that start with a capital letter (computed once)."""
        if self._capitalised is None:
            # A token's text is never empty: its first character is ``text[0]``.
            firsts = map(itemgetter(0), self.texts)
            self._capitalised = list(compress(range(len(self.texts)), map(str.isupper, firsts)))
        return self._capitalised

    def _sentence_index(self, offset: int) -> int:
        return bisect.bisect_right(self.sent_starts, offset) - 1

    def in_heading(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.heading_spans)

    def sentence_start(self, i: int) -> bool:
        """Token ``i`` is the first word of its sentence (so its capital says nothing)."""
        if i == 0:
            return True
        starts = self.starts
        if self._sentence_index(starts[i]) != self._sentence_index(starts[i - 1]):
            return True
        gap = self.prose[self.full_ends[i - 1]:starts[i]]
        return bool(re.search(r"[.!?:;]\s*[\"“‘'(]?\s*$|\n\s*\n", gap))

    def gap(self, i: int) -> str:
        """Text between token ``i`` and token ``i + 1``."""
        return self.prose[self.full_ends[i]:self.starts[i + 1]]

    def joined(self, i: int, possessive: bool = False) -> bool:
        """Tokens ``i`` and ``i + 1`` belong to one name or title (space, an initial's dot, hyphen).

        ``possessive`` allows "Germany's Chancellor" (titles), never "Trump's Donald" (names)."""
        starts = self.starts
        if i + 1 >= len(starts):
            return False
        full_end = self.full_ends[i]
        if full_end != self.ends[i] and not possessive:
            return False
        if self.hyphens[i + 1]:
            return True
        g = self.prose[full_end:starts[i + 1]]
        if g == " ":
            return True  # the common case, settled without the pattern
        if not g or not _JOIN_GAP.fullmatch(g):
            return False
        if "." in g:
            return len(self.texts[i]) == 1 or self.keys[i] in _DOTTED
        return True

    # ------------------------------------------------------------------
    def run(self) -> Analysis:
        a = Analysis(self.doc, self.base, self.date, self.tokens)
        a.helper = self
        self.a = a
        self._full_forms()
        self._resolve_weak()
        self._surnames()
        a.mentions.sort(key=lambda m: m.start)
        for m in a.mentions:
            a.by_person.setdefault(m.person.id, []).append(m)
        # The analysis keeps its helper; a reference back would be a cycle, and a cycle
        # keeps the draft (its blocks, sentences, analyses) alive until the next garbage
        # collection instead of freeing it when the run lets go of it.
        del self.a
        return a

    def _match(self, i: int, e: FormEntry) -> int | None:
        n = len(e.keys)
        keys, texts = self.keys, self.texts
        if i + n > len(keys):
            return None
        # Every word's key first (the cheap test that fails most often), then case and joins.
        for k in range(n):
            if keys[i + k] != e.keys[k]:
                return None
        for k in range(n):
            text = texts[i + k]
            if e.caps[k] and not text[:1].isupper():
                return None
            if k < n - 1 and not self.joined(i + k):
                return None
            if (e.caps[k] and len(text) > 1 and text.isupper() and not e.upper[k]
                    and not self.in_heading(self.starts[i + k])):
                return None  # "XI" is a numeral, not Xi; ALL CAPS names only in headlines
        return i + n

    def _boundary_ok(self, i: int, j: int) -> bool:
        """The match is not part of a longer name ("Donald Trump Jr.", "Leo XIII", "St. Francis")."""
        toks = self.tokens
        if toks[i].hyphen_before:
            return False  # "anti-Trump", "pro-Lukashenko": not a mention as a person
        if j < len(toks) and not self.in_heading(toks[j].start):
            nxt = toks[j]
            if (nxt.text[:1].isupper() and nxt.key not in _ALLOWED_NEXT and self.joined(j - 1)
                    and not nxt.hyphen_before and not self.sentence_start(j)):
                return False
        if i > 0 and toks[i - 1].key in _PLACE_WORDS and self.joined(i - 1):
            return False
        return True

    def _full_forms(self) -> None:
        first = self.index.first
        # Only tokens that start a known form can start a mention; most tokens don't.
        starts = list(compress(range(len(self.keys)), map(first.__contains__, self.keys)))
        done = 0  # tokens before this are inside a mention already
        keys, last = self.keys, len(self.keys) - 1
        starting = self.index.starting
        for i in starts:
            if i < done:
                continue
            hit = None
            for e in starting(keys[i], keys[i + 1] if i < last else None):
                j = self._match(i, e)
                if j is None:
                    continue
                if not self._boundary_ok(i, j):
                    break
                hit = (e, j)
                break
            if hit is not None:
                e, j = hit
                self._add(i, j, e)
                done = j

    def _add(self, i: int, j: int, e: FormEntry | None, person: Person | None = None, kind: str | None = None,
             weak: bool = False) -> Mention:
        toks = self.tokens
        person = person or self.base.people[e.person]
        name_i = i + (e.title_len if e else 0)
        m = Mention(person, toks[name_i].start, toks[j - 1].end, name_i, j,
                    self.prose[toks[name_i].start:toks[j - 1].end], kind or (e.kind if e else "surname"), e,
                    weak=weak or bool(e and e.weak))
        if e and e.title_len:
            longer = self._title_before(name_i)
            if longer is not None and longer.tok_start < i:
                m.title = longer  # "Japanese Emperor Akihito": the full title, not the alias's "Emperor"
            else:
                te = self.index.titles[e.keys[:e.title_len]]
                m.title = TitleMatch(toks[i].start, toks[name_i - 1].end, i, te,
                                     self.prose[toks[i].start:toks[name_i - 1].end], embedded=True)
        else:
            m.title = self._title_before(name_i)
        self._modifier(m)
        self.a.mentions.append(m)
        lo = m.title.tok_start if m.title else name_i
        self.a.covered.update(range(lo, j))
        return m

    def _title_before(self, i: int) -> TitleMatch | None:
        toks = self.tokens
        all_keys = self.keys
        if i == 0 or all_keys[i - 1] not in self.index.title_last_words or not self.joined(i - 1):
            return None  # every title ends with one of a few words ("president", "chancellor")
        if self.gap(i - 1).startswith(".") and not self.texts[i - 1].isupper():
            return None
        for n in range(min(self.index.max_title, i), 0, -1):
            lo = i - n
            keys = tuple(all_keys[lo:i])
            entry = self.index.titles.get(keys)
            if entry is None:
                continue
            if any(not self.joined(k, possessive=True) for k in range(lo, i - 1)):
                continue
            if lo > 0 and self.hyphens[lo] and all_keys[lo - 1] not in ("ex", "then", "former"):
                continue  # "President-elect" is read elsewhere; "Vice-President" is its own title
            return TitleMatch(toks[lo].start, toks[i - 1].end, lo, entry, self.prose[toks[lo].start:toks[i - 1].end])
        return None

    def _modifier(self, m: Mention) -> None:
        toks = self.tokens
        lo = m.title.tok_start if m.title else m.tok_start
        if lo == 0:
            return
        prev = toks[lo - 1]
        hyphen = toks[lo].hyphen_before
        adjacent = hyphen or re.fullmatch(r"[ \t\u00a0]+\n?[ \t]*|\n", self.gap(lo - 1) or "") is not None
        if not adjacent:
            return
        word = prev.key
        kind = None
        if word in PAST:
            kind = "past"
        elif word in FUTURE or (hyphen and word in ("would", "to")):
            kind = "future"
        elif word in OTHER_OFFICE:
            kind = "other"
        elif word in CURRENT:
            kind = "current"
        elif word == "time" and lo >= 2 and toks[lo - 2].key in ("one",):
            kind, prev = "past", toks[lo - 2]
        if kind is None:
            # "Senate President X", "Party Chairman X": an unknown compound title
            if m.title and m.title.short and prev.text[:1].isupper() and not self.sentence_start(lo - 1) \
                    and prev.key not in DETERMINERS and not hyphen and prev.full_end == prev.end:
                m.modifier = "other"
                m.modifier_word = prev.text
            return
        m.modifier = kind
        m.modifier_word = prev.text
        m.modifier_start = prev.start
        # "the late", "the former": include the article only in the word, not the span
        if kind == "past" and lo >= 2 and toks[lo - 2].key in PAST:
            m.modifier_start = toks[lo - 2].start

    def _resolve_weak(self) -> None:
        """One-word names count only after a title or when the person is named in full elsewhere."""
        strong = {m.person.id for m in self.a.mentions if not m.weak}
        keep = []
        for m in self.a.mentions:
            if m.weak and not (m.title or m.person.id in strong):
                lo = m.tok_start
                self.a.covered.difference_update(range(lo, m.tok_end))
                continue
            keep.append(m)
        self.a.mentions = keep

    def _surnames(self) -> None:
        """Bare surnames of people named in the draft, and "President Trump"-style title + surname."""
        toks = self.tokens
        idx = self.index
        mentioned: dict[tuple[str, ...], set[str]] = {}
        for m in self.a.mentions:
            if m.kind == "misspelling":
                continue
            for s in idx.surnames.get(m.person.id, ()):
                mentioned.setdefault(s, set()).add(m.person.id)
        # A surname's first word is what every lookup below needs to find first.
        # (The base's set, some 1,400 words, is copied only when a mentioned person's
        # surname adds a first word: rarely.)
        more_firsts = {k[0] for k in mentioned}.difference(idx.surname_firsts)
        firsts = idx.surname_firsts | more_firsts if more_firsts else idx.surname_firsts
        # ... and the number of words of the surnames that start with it, so only those
        # lengths are looked up ("Trump": one word, not also two, three and four).
        lengths = idx.surname_lengths
        more_lengths: dict[str, set[int]] = {}
        for k in mentioned:
            more_lengths.setdefault(k[0], set()).add(len(k))
        done = 0  # tokens before this are inside a surname just found
        caps = self.capitalised()
        all_keys = self.keys
        for i in compress(caps, map(firsts.__contains__, map(all_keys.__getitem__, caps))):
            if i < done or i in self.a.covered:
                continue
            hit = None
            title_done, title = False, None
            own, more = lengths.get(all_keys[i], ()), more_lengths.get(all_keys[i], ())
            for n in range(min(idx.max_surname, len(toks) - i), 0, -1):
                if n not in own and n not in more:
                    continue
                keys = tuple(all_keys[i:i + n])
                if keys not in idx.surname_index and keys not in mentioned:
                    continue
                if any(k in self.a.covered for k in range(i, i + n)):
                    continue
                if n > 1 and any(not self.joined(k) for k in range(i, i + n - 1)):
                    continue
                people = mentioned.get(keys)
                guess = False
                if people is None or len(people) != 1:
                    if not title_done:
                        title, title_done = self._title_before(i), True
                    cands = idx.surname_index.get(keys, set())
                    if title is not None:
                        offs = set(title.entry.long) | set(title.entry.short)
                        people = {p for p in cands if any(t.office in offs for t in self.base.people[p].terms)}
                    elif len(cands) == 1 and n == 1 and idx.distinctive_surname(keys[0]):
                        people, guess = cands, True  # "Trump" alone: the only known person of that name
                    else:
                        continue
                    if len(people) != 1:
                        continue
                hit = (n, next(iter(people)), guess)
                break
            if hit is None:
                continue
            n, pid, guess = hit
            j = i + n
            if not self._surname_context_ok(i, j):
                continue
            m = self._add(i, j, None, person=self.base.people[pid], kind="surname")
            m.guess = guess
            done = j

    def _surname_context_ok(self, i: int, j: int) -> bool:
        toks = self.tokens
        if not self._boundary_ok(i, j):
            return False
        if i > 0 and toks[i - 1].key in DETERMINERS and re.fullmatch(r"\s+", self.gap(i - 1)):
            return False  # "the Moon", "a Park"
        if j < len(toks) and toks[j].text[:1].isdigit():
            return False  # "May 5"
        if toks[i].key in MONTHS or toks[i].key in WEEKDAYS:
            return False
        if i > 0 and self.joined(i - 1) and toks[i - 1].text[:1].isupper() and not self.sentence_start(i - 1):
            # "Melania Trump", "Hunter Biden": another first name makes another person
            if self._title_before(i) is None and toks[i - 1].key not in _DOTTED and toks[i - 1].key not in _HONORIFIC:
                return False
        return True


# ---------------------------------------------------------------------------
# Time context of a sentence
_PAST_MARKERS = lazy(
    r"\b(?:at the time|at that time|back then|in those days|then-|"
    r"when (?:he|she|they) (?:was|were|served|led|took)|while (?:he|she|they) (?:was|were|served)|"
    r"(?:during|throughout|(?:the )?(?:end|start|beginning|rest|remainder) of|for (?:most|much) of|in) "
    r"(?:his|her|their) (?:time|tenure|term|terms|presidency|premiership|chancellorship|papacy|reign|"
    r"administration|government|years in office|time in office)|"
    r"years? (?:earlier|before|ago)|decades? (?:earlier|ago)|a decade ago|"
    r"served as|had served|was then|were then|once served|in (?:his|her) (?:first|second) term|"
    r"previous(?:ly)?|formerly|in the (?:19|20)\d0s|since (?:the )?(?:19|20)\d\d|"
    # A span of the tenure counted out: "in his entire eight years in the White House".
    # (Counted years or terms only: "in his first months in office" is a term-stage claim.)
    r"(?:in|during|throughout|over|for) (?:his|her|their) (?:(?:entire|whole|full|"
    r"two|three|four|five|six|seven|eight|nine|ten|\d+)\s+){1,2}(?:years|terms)\b|"
    # The narrative is anchored at the start of the term: "a week after taking office",
    # "after Mr. Trump was elected". ("before taking office" is itself a window phrase.)
    r"(?:after|upon) (?:taking|assuming) (?:office|power)|"
    r"after (?:[\w.’']+\s+){1,3}?(?:was|were) (?:first )?(?:elected|sworn in|inaugurated))",
    re.I,
)
_YEAR = lazy(r"(?<![\w$£€.,-])((?:19|20)\d\d)(?![\w%-]|,\d)")


def sentence_span(doc: "Document", offset: int) -> tuple[int, int]:
    s = doc.sentence_at(offset)
    if s is None:
        b = doc.block_at(offset)
        return (b.start, b.end) if b else (max(0, offset - 200), min(len(doc.prose), offset + 200))
    return s.start, s.end


def past_context(doc: "Document", offset: int) -> bool:
    lo, hi = sentence_span(doc, offset)
    return _PAST_MARKERS.search(doc.prose, lo, hi) is not None


def mentioned_times(doc: "Document", offset: int, article: _dt.date,
                    exclude: tuple[int, int] | None = None) -> list[tuple[_dt.date, _dt.date]]:
    """Periods the sentence names explicitly: full dates (a day) and bare years (the year)."""
    lo, hi = sentence_span(doc, offset)
    out: list[tuple[_dt.date, _dt.date]] = []
    covered: list[tuple[int, int]] = []
    for d in find_dates(doc.prose, lo, hi):
        if d.year is None:
            # "On Jan. 10": the last such day before the article, or the next one after it
            for y in (article.year - 1, article.year, article.year + 1):
                day = d.resolve(y)
                if day is not None and article - _dt.timedelta(days=366) <= day <= article + _dt.timedelta(days=366):
                    out.append((day, day))
            covered.append((d.start, d.end))
            continue
        day = d.resolve(None)
        if day is not None:
            out.append((day, day))
            covered.append((d.start, d.end))
    for m in _YEAR.finditer(doc.prose, lo, hi):
        if any(s <= m.start() < e for s, e in covered):
            continue
        if exclude and exclude[0] <= m.start() < exclude[1]:
            continue
        y = int(m.group(1))
        if 1900 <= y <= article.year + 1:
            out.append((_dt.date(y, 1, 1), _dt.date(y, 12, 31)))
    # "last year"
    if re.search(r"\blast year\b", doc.prose[lo:hi], re.I):
        y = article.year - 1
        out.append((_dt.date(y, 1, 1), _dt.date(y, 12, 31)))
    return out


_RECENT = lazy(
    r"\b(?:today|tonight|yesterday|this (?:week|weekend|month|morning|afternoon|evening)|last (?:week|weekend|night)|"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?(?! *,? *(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.? *\d)|"
    r"earlier this (?:week|month)|recently|hours? (?:ago|earlier)|days? ago|now|currently)\b",
)
_PAST_ROLE_BEFORE = lazy(
    r"\b(?:under|served (?:under|with)|advis[eo]r to|aides? to|spokes(?:man|woman|person) for|appointed by|nominated by|"
    r"named by|picked by|chosen by|administration of|government of|era of|tenure of|term of|reign of|"
    r"papacy of|presidency of|days of|time of|"
    # "a former finance director for President Barack Obama": a job held under that president.
    r"former\s+(?:[\w-]+\s+){1,3}?(?:for|to|with|under))\s+(?:the\s+)?(?:then-)?$",
    re.I,
)
_PAST_VERB_AFTER = lazy(r"(?:['’]s?\s+\w+)?\s+(?:was|were|had)\b", re.I)


def recent_marker(doc: "Document", offset: int) -> re.Match | None:
    lo, hi = sentence_span(doc, offset)
    return _RECENT.search(doc.prose, lo, hi)


def historical_reference(doc: "Document", title_start: int, name_end: int) -> bool:
    """The title is used for the time the person held the office, not for the present:
    "adviser to President Barack Obama", "under Chancellor Merkel", "President Obama was briefed"."""
    before = doc.prose[max(0, title_start - 60):title_start]
    if _PAST_ROLE_BEFORE.search(before):
        return True
    if _PAST_VERB_AFTER.match(doc.prose, name_end) and recent_marker(doc, title_start) is None:
        return True
    return False


def near_names(a: Analysis, i: int, j: int) -> list[tuple[Person, str, int]]:
    """Known people whose name the capitalised tokens ``i:j`` nearly spell: ``(person, form, edits)``."""
    idx = a.index
    keys = tuple(a.helper.keys[i:j])
    out: list[tuple[Person, str, int]] = []
    if len(keys) < 2 or keys in idx.correct_forms:
        return out
    # first name exact, the rest near
    for pid, rest_keys, rest_texts in idx.by_first.get(keys[0], ()):
        if len(rest_keys) != len(keys) - 1:
            continue
        total = 0
        ok = True
        for k, (got, want) in enumerate(zip(keys[1:], rest_keys)):
            if got == want:
                continue
            lim = near_limit(want)
            if got[:1] != want[:1]:
                lim = min(lim, 1)  # a slip on the first letter is the one slip in the word
            if lim == 0:
                ok = False
                break
            d = osa(got, want, lim)
            if d > lim:
                ok = False
                break
            total += d
        if ok and total:
            out.append((a.base.people[pid], " ".join((a.helper.texts[i], *rest_texts)), total))
    return out


def first_name_near(a: Analysis, i: int, j: int) -> list[tuple[Person, str, int]]:
    """Known people with the same surname whose first name is one edit away ("Kier Starmer")."""
    idx = a.index
    keys = tuple(a.helper.keys[i:j])
    out = []
    if len(keys) < 2:
        return out
    for pid, first_key, first_text in idx.by_rest.get(keys[1:], ()):
        if first_key == keys[0] or len(first_key) < 4 or first_key[:1] != keys[0][:1]:
            continue
        d = osa(keys[0], first_key, 1)
        if d == 1:
            rest = " ".join(a.helper.texts[i + 1:j])
            out.append((a.base.people[pid], f"{first_text} {rest}", d))
    return out


def office_list(base: FactBase, m: Mention) -> list[Office]:
    """The offices a title before a mention can mean for that person.

    A full title ("German Chancellor") names its office. A short title ("Chancellor")
    means whichever office with that short title the person has ever held; when they
    never held one, the title cannot be judged (it may be an office the base does not know).
    """
    if m.title is None:
        return []
    person_offices = {t.office for t in m.person.terms}
    if m.title.entry.long:
        return [base.offices[o] for o in m.title.entry.long]
    return [base.offices[o] for o in m.title.entry.short if o in person_offices]


def capitalised_runs(a: Analysis) -> list[tuple[int, int]]:
    """Runs of 2-5 joined capitalised tokens (lower-case particles allowed inside) not in a mention."""
    runs = []
    an = a.helper
    keys, texts = an.keys, an.texts
    covered = a.covered
    done = 0  # tokens before this are in a run already
    n = len(keys)
    caps = an.capitalised()
    is_cap = set(caps)
    for i in caps:
        # A run needs a capitalised word or a particle right after its first word; most
        # capitalised words are followed by neither, and the loop below would stop at once.
        if i + 1 >= n or (i + 1 not in is_cap and keys[i + 1] not in PARTICLES):
            continue
        if i < done:
            continue
        text = texts[i]
        if i in covered or text.isupper() and len(text) > 1:
            continue
        j = i + 1
        # The next token's shape is tested before how it is joined (the costlier test):
        # most capitalised words are followed by a lowercase word that is no particle.
        while j < n and j - i < 5 and j not in covered:
            tj = texts[j]
            if tj[:1].isupper() and not (tj.isupper() and len(tj) > 1):
                if not an.joined(j - 1):
                    break
                j += 1
            elif keys[j] in PARTICLES and tj.islower():
                if not an.joined(j - 1):
                    break
                p = j
                while p < n and keys[p] in PARTICLES and texts[p].islower() and an.joined(p):
                    p += 1
                if p < n and p > j and texts[p][:1].isupper() and p not in covered and p - i < 5:
                    j = p + 1
                else:
                    break
            else:
                break
        if j - i >= 2:
            runs.append((i, j))
        done = j
    return runs
