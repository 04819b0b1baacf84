"""The compiled index over a fact base: name forms, titles, surnames and near-miss keys.

Lookup is by token: a dictionary from the first token of every written form (name,
alias, misspelling) to the forms that start with it, longest first. Scanning a draft
is one pass over its tokens with a dictionary lookup each, whatever the number of
people in the base (no loop over people per sentence).
"""
from __future__ import annotations

import re
from typing import NamedTuple
from collections import defaultdict

from .model import FactBase, Person
from .text import PARTICLES, ROMAN, SUFFIXES, deletes, near_limit, norm, tokens_of
from ..text.distance import osa


class FormEntry(NamedTuple):
    person: str
    kind: str  # name | alias | misspelling
    form: str  # the name as written in the pack, without an embedded title
    keys: tuple[str, ...]  # keys of every token, embedded title included
    caps: tuple[bool, ...]  # the form's token is capitalised, so the draft's must be too
    upper: tuple[bool, ...] = ()  # the form's token is ALL CAPS ("XIV", "AMLO")
    title_len: int = 0  # leading tokens that are an office title ("Pope" in "Pope Francis")
    title_offices: tuple[str, ...] = ()
    full: str = ""  # the whole form as written

    @property
    def weak(self) -> bool:
        """A one-word name ("Francis") that may be an ordinary word or another person's name."""
        return len(self.keys) - self.title_len == 1 and self.kind == "name"


class TitleEntry(NamedTuple):
    keys: tuple[str, ...]
    long: tuple[str, ...]  # offices with this as a full title
    short: tuple[str, ...]  # offices with this as a short title


class NameIndex:
    def __init__(self, base: FactBase) -> None:
        self.base = base
        # --- titles
        titles: dict[tuple[str, ...], tuple[list[str], list[str]]] = {}
        for o in base.offices.values():
            for t in o.titles:
                k = tuple(tok.key for tok in tokens_of(t))
                if k:
                    titles.setdefault(k, ([], []))[0].append(o.id)
            for t in o.short_titles:
                k = tuple(tok.key for tok in tokens_of(t))
                if k:
                    titles.setdefault(k, ([], []))[1].append(o.id)
        self.titles: dict[tuple[str, ...], TitleEntry] = {
            k: TitleEntry(k, tuple(dict.fromkeys(lo)), tuple(dict.fromkeys(sh))) for k, (lo, sh) in titles.items()
        }
        self.max_title = max((len(k) for k in self.titles), default=0)
        self.title_words = frozenset(w for k in self.titles for w in k)
        self.title_last_words = frozenset(k[-1] for k in self.titles)
        # --- forms
        self.first: dict[str, list[FormEntry]] = defaultdict(list)
        self.correct_forms: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for person, form, kind in base.iter_forms():
            for entry in self._entries(person, form, kind):
                self.first[entry.keys[0]].append(entry)
                if kind != "misspelling":
                    self.correct_forms[entry.keys[entry.title_len:]].add(person.id)
        for k in self.first:
            # longest first; correct forms before misspellings of the same length
            self.first[k].sort(key=lambda e: (-len(e.keys), e.kind == "misspelling"))
        # Known people win: a "misspelling" that is somebody's correct name is not one.
        for k, entries in self.first.items():
            self.first[k] = [e for e in entries if not (e.kind == "misspelling" and e.keys[e.title_len:] in self.correct_forms)]
        # --- surnames, first names, words
        self.surnames: dict[str, tuple[tuple[str, ...], ...]] = {}
        self.surname_index: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self.surname_text: dict[tuple[str, str], str] = {}
        self.by_first: dict[str, list[tuple[str, tuple[str, ...], tuple[str, ...]]]] = defaultdict(list)
        self.by_rest: dict[tuple[str, ...], list[tuple[str, str, str]]] = defaultdict(list)
        words: set[str] = set()
        for p in base.people.values():
            sn = self._surnames(p)
            self.surnames[p.id] = sn
            for s in sn:
                self.surname_index[s].add(p.id)
            for form in self._correct_name_parts(p):
                toks = tokens_of(form)
                for t in toks:
                    if len(t.text) >= 2:
                        words.add(t.text)  # "Leyen", and also "von", "myung" of "Jae-myung"
                for hyphenated in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)+", form):
                    words.add(hyphenated)  # "Jae-myung", "Jean-Pierre"
                if len(toks) >= 2:
                    keys = tuple(t.key for t in toks)
                    texts = tuple(t.text for t in toks)
                    self.by_first[keys[0]].append((p.id, keys[1:], texts[1:]))
                    self.by_rest[keys[1:]].append((p.id, keys[0], texts[0]))
        # The last word of every name's rest: a run of words can be a slip in a first name
        # (``by_rest``) only if one of its words is one of these.
        self.rest_lasts = frozenset(k[-1] for k in self.by_rest)
        self.max_surname = max((len(k) for k in self.surname_index), default=1)
        self.surname_firsts = frozenset(k[0] for k in self.surname_index)
        lengths: dict[str, set[int]] = defaultdict(set)
        for k in self.surname_index:
            lengths[k[0]].add(len(k))
        self.surname_lengths: dict[str, frozenset[int]] = {k: frozenset(v) for k, v in lengths.items()}
        self.words = frozenset(words)
        self.word_keys = frozenset(norm(w) for w in words)
        self._deletes: dict[str, set[str]] | None = None
        self._first_keys: frozenset[str] | None = None
        # One-word surnames by deletion neighbourhood: a surname and each of its one-letter
        # deletions lead to it, so a slip anywhere in a word, the first letter included
        # ("Elensky", "Herz"), is found with a handful of lookups instead of a scan of
        # every name. Built here so the pickled index carries it.
        near: dict[str, set[str]] = defaultdict(set)
        for s in self.surname_index:
            if len(s) == 1 and len(s[0]) >= 4 and s[0].isalpha():
                near[s[0]].add(s[0])
                for v in deletes(s[0]):
                    near[v].add(s[0])
        self.surname_near = {k: tuple(sorted(v)) for k, v in near.items()}
        # context words per person: countries and title words of their offices
        self.context: dict[str, frozenset[str]] = {}
        for p in base.people.values():
            ctx: set[str] = set()
            for o in base.offices_of(p.id):
                for t in (*o.titles, o.country or ""):
                    for tok in tokens_of(t):
                        if tok.text[:1].isupper() and tok.key not in _GENERIC_TITLE_WORDS:
                            ctx.add(tok.key)
            self.context[p.id] = frozenset(ctx)

    # ------------------------------------------------------------------ building
    def _entries(self, person: Person, form: str, kind: str) -> list[FormEntry]:
        toks = tokens_of(form)
        if not toks:
            return []
        keys = tuple(t.key for t in toks)
        caps = tuple(t.text[:1].isupper() for t in toks)
        upper = tuple(t.text.isupper() and len(t.text) > 1 for t in toks)
        title_len, offices = 0, ()
        # An alias that starts with a title the person held ("Pope Francis", "King Charles III")
        # is split so the title is judged at the article date, but only when the rest is itself
        # a name of the person.
        person_offices = {t.office for t in person.terms}
        other_forms = {tuple(t.key for t in tokens_of(f)) for f in person.forms if f != form}
        for n in range(min(len(keys) - 1, self.max_title), 0, -1):
            entry = self.titles.get(keys[:n])
            if entry is None:
                continue
            offs = tuple(o for o in (*entry.long, *entry.short) if o in person_offices)
            if offs and keys[n:] in other_forms:
                title_len, offices = n, offs
                break
        name_part = form if not title_len else form[toks[title_len].start:]
        return [FormEntry(person.id, kind, name_part, keys, caps, upper, title_len, offices, form)]

    def _correct_name_parts(self, p: Person) -> list[str]:
        out = []
        for f in p.forms:
            toks = tokens_of(f)
            keys = tuple(t.key for t in toks)
            if keys and keys[0] in _HONORIFIC_KEYS or (len(keys) > 1 and keys[:1] in self.titles):
                continue
            out.append(f)
        return out

    def _surnames(self, p: Person) -> tuple[tuple[str, ...], ...]:
        found: list[tuple[str, ...]] = []
        for s in p.surnames:
            found.append(tuple(t.key for t in tokens_of(s)))
        name_toks = tokens_of(p.name)
        if len(name_toks) > 1 and ROMAN.match(name_toks[-1].text):
            return tuple(found)  # a regnal name ("Charles III", "Leo XIV") has no surname
        forms = self._correct_name_parts(p)
        toks_list = [tokens_of(f) for f in forms]
        surname_first = any(
            len(toks) >= 2 and toks[-1].hyphen_before and toks[-1].text[:1].islower() for toks in toks_list
        )
        for toks in toks_list:
            cut = next((n for n, t in enumerate(toks) if t.text == "of"), None)
            if cut:
                toks = toks[:cut]  # "Carl XVI Gustaf of Sweden": a country is no surname
            toks = [t for t in toks if t.key not in SUFFIXES and not ROMAN.match(t.text)] if len(toks) > 1 else toks
            if not toks:
                continue
            if len(toks) == 1:
                if any(ROMAN.match(t.text) for t in tokens_of(p.name)) and toks[0].key == norm(p.name.split()[0]):
                    continue  # "Leo" of "Leo XIV" is not a surname
                if toks[0].text != p.name or len(toks[0].text) >= 4:
                    found.append((toks[0].key,))
                continue
            if surname_first:
                found.append((toks[0].key,))
                continue
            # the last hyphen-joined run, with lower-case particles before it
            i = len(toks) - 1
            while i > 0 and toks[i].hyphen_before:
                i -= 1
            while i > 1 and toks[i - 1].key in PARTICLES and toks[i - 1].text[:1].islower():
                i -= 1
            found.append(tuple(t.key for t in toks[i:]))
        return tuple(dict.fromkeys(s for s in found if s and not (len(s) == 1 and len(s[0]) < 2)))

    def distinctive_surname(self, key: str) -> bool:
        """A one-word surname that names one person and is not also a common name or word."""
        from .surnames import COMMON_SURNAMES

        if self._first_keys is None:
            self._first_keys = frozenset(self.by_first) | frozenset(
                norm(p.name.split()[0]) for p in self.base.people.values())
        return (len(key) >= 5 and key not in COMMON_SURNAMES and key not in self._first_keys
                and key not in PARTICLES and key not in _NOT_SURNAMES)

    # ------------------------------------------------------------------ queries
    def starting(self, key: str, next_key: str | None) -> list[FormEntry]:
        """``first[key]`` (in its order) without the forms of two or more words whose second
        word is not ``next_key`` (the key of the token after, None at the end): forms a
        draft's tokens cannot spell there. A common first word ("To" of "To Lam") is met
        thousands of times and followed by the rest of a form almost never."""
        table = self.__dict__.setdefault("_first_by_next", {})
        by_next = table.get(key)
        if by_next is None:
            entries = self.first[key]
            seconds = {e.keys[1] for e in entries if len(e.keys) > 1}
            by_next = table[key] = {s: [e for e in entries if len(e.keys) == 1 or e.keys[1] == s] for s in seconds}
            by_next[None] = [e for e in entries if len(e.keys) == 1]
        found = by_next.get(next_key)
        return by_next[None] if found is None else found

    def title_at(self, keys: tuple[str, ...]) -> TitleEntry | None:
        return self.titles.get(keys)

    def near_surnames(self, key: str) -> list[tuple[str, int]]:
        """Known one-word surnames that ``key`` is a slip from: ``(surname, edits)``, closest first.

        A slip that changes the first letter counts only when it is the one edit
        ("Elensky" for "Zelensky"); otherwise two edits are allowed in long surnames.
        """
        memo = self.__dict__.setdefault("_near_memo", {})
        got = memo.get(key)
        if got is None:
            if len(memo) >= 65536:
                memo.clear()  # bounded: a long run meets many capitalised words
            got = memo[key] = self._near_surnames(key)
        return got

    def _near_surnames(self, key: str) -> list[tuple[str, int]]:
        near = self.surname_near
        # The word and its one-letter deletions, looked up with C-level calls: most
        # capitalised words of a draft lead to no surname at all.
        found = list(filter(None, map(near.get, (key, *deletes(key)))))
        if not found:
            return []
        cands: set[str] = set().union(*found)
        out = []
        for c in cands:
            if c == key:
                continue
            limit = min(near_limit(c), near_limit(key))
            if c[:1] != key[:1]:
                limit = min(limit, 1)
            if limit == 0:
                continue
            d = osa(key, c, limit)
            if d <= limit:
                out.append((c, d))
        out.sort(key=lambda x: (x[1], x[0]))
        return out

    def near_word(self, word: str) -> str | None:
        """The known name word ``word`` is a near-miss of, if exactly one is close enough."""
        if len(word) < 4 or not word[:1].isupper() or word in self.words:
            return None
        key = norm(word)
        if key in self.word_keys:
            return None
        limit = near_limit(word)
        if limit == 0:
            return None
        if self._deletes is None:
            d: dict[str, set[str]] = defaultdict(set)
            for w in self.words:
                if len(w) >= 4 and w[:1].isupper() and "-" not in w:
                    k = norm(w)
                    d[k].add(w)
                    for v in deletes(k):
                        d[v].add(w)
            self._deletes = d
        cands: set[str] = set()
        for v in {key, *deletes(key)}:
            cands |= self._deletes.get(v, set())
        best: list[tuple[int, str]] = []
        for c in cands:
            ck = norm(c)
            if ck[:1] != key[:1]:
                continue
            dist = osa(key, ck, limit)
            if dist <= min(limit, near_limit(c)):
                best.append((dist, c))
        if not best:
            return None
        best.sort()
        if len(best) > 1 and best[0][0] == best[1][0] and norm(best[0][1]) != norm(best[1][1]):
            return None
        return best[0][1]


_GENERIC_TITLE_WORDS = {
    "president", "chancellor", "prime", "minister", "premier", "pope", "king", "queen", "emperor",
    "secretary", "general", "vice", "press", "chief", "leader", "monarch", "chairperson", "chairman",
    "of", "the", "state", "high", "representative", "crown", "prince", "federal", "pm", "envoy",
    "special", "commission", "council", "parliament", "house", "white", "foreign", "affairs", "policy",
    "security", "union", "top", "diplomat", "interim", "acting", "for", "and", "emeritus", "republic",
    # words of country names that name no country on their own ("Manchester United")
    "united", "states", "kingdom", "south", "north", "east", "west", "central", "new", "great",
    "democratic", "people's", "peoples", "islamic", "arab", "federated", "independent",
}
_NOT_SURNAMES = {"union", "house", "council", "state", "states", "china", "india", "japan", "congress", "kremlin"}
_HONORIFIC_KEYS = {"sir", "dame", "lord", "lady", "baroness", "baron", "prince", "princess", "sheikh", "emperor"}
