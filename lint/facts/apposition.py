"""Titles written after a known person's name.

"Angela Merkel, the German chancellor, said", "Sergei Lavrov, the country's foreign
minister,", "Merz, who leads the government,", "Kristalina Georgieva, head of the IMF,".
Each is read as a claim that the person holds an office, tied to the offices the fact
base knows. Only closed phrases are read (the title ends at a comma, a full stop, a
semicolon, a bracket or a dash), so "the chancellor until May" or "the chancellor whose
coalition fell" are never taken for a plain title; and a phrase is tied only to offices
the person has held at some time, so an unknown office is never judged.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from .analysis import CURRENT, FUTURE, OTHER_OFFICE, PAST
from ..text.lazyre import lazy

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import Analysis, Mention
    from .model import Office

_OPEN = lazy(r",[ \t\u00a0]+\Z")
_CLOSE = lazy(r"\s*(?:[,;.)\]:!?]|[ \t\u00a0]*[—–]|\s+-\s)")
_MAX_TOKENS = 10
_COUNTRY_WORDS = {"country", "nation", "state", "kingdom", "republic", "government's", "bloc", "alliance"}
_NOW = {"now", "currently", "still", "also"}
_LEAD_VERBS = {"leads", "heads", "runs", "chairs", "helms"}
_HEAD_NOUNS = {"head", "chief", "leader", "chair", "chairman", "chairwoman", "chairperson"}
# Short titles of the offices that lead a government, and of those that lead a country.
_GOVERNMENT = {"prime minister", "chancellor", "premier", "taoiseach", "pm", "federal chancellor"}
_COUNTRY = _GOVERNMENT | {"president", "king", "queen", "emperor", "federal president", "grand duke"}


class PostTitle(NamedTuple):
    """A title after a name: the words after the comma and the offices they name."""

    mention: "Mention"
    start: int  # first word after the comma
    end: int  # last word of the phrase
    offices: tuple["Office", ...]
    modifier: str | None  # past | future | other | current | None
    modifier_word: str
    form: str  # apposition | relative | head-of
    title_start: int = -1  # where the title's own words start ("German chancellor"), for appositions


def post_titles(a: "Analysis") -> list[PostTitle]:
    """Titles after the names of known people in the draft (computed once per analysis)."""
    return a.doc.derived(("post-titles", id(a)), lambda: _Reader(a).run())


class _Reader:
    def __init__(self, a: "Analysis") -> None:
        self.a = a
        self.toks = a.tokens
        self.prose = a.doc.prose

    def run(self) -> list[PostTitle]:
        out = []
        for m in self.a.mentions:
            if m.kind == "misspelling":
                continue
            pt = self._after(m)
            if pt is not None:
                out.append(pt)
        return out

    def _after(self, m: "Mention") -> PostTitle | None:
        toks, prose = self.toks, self.prose
        j = m.tok_end
        if j >= len(toks) or toks[j - 1].full_end != toks[j - 1].end:
            return None  # "Scholz's successor"
        if not _OPEN.search(prose, toks[j - 1].end, toks[j].start):
            return None
        if prose[toks[j - 1].end:toks[j].start].count(",") != 1:
            return None
        k = j
        while True:
            if k - j >= _MAX_TOKENS or k >= len(toks):
                return None
            nxt = toks[k + 1].start if k + 1 < len(toks) else len(prose)
            gap = prose[toks[k].full_end:nxt]
            if gap and any(c in gap for c in "\"“”‘’'\n"):
                if k + 1 >= len(toks) and _CLOSE.match(gap):
                    break
                return None  # a quotation or a new block: not a plain aside
            if _CLOSE.match(gap) or k + 1 >= len(toks):
                break
            k += 1
        body = toks[j:k + 1]
        if body[-1].full_end != body[-1].end:
            return None  # "the chancellor's office"
        keys = [t.key for t in body]
        if keys[0] == "who":
            return self._relative(m, body)
        if keys[0] == "the" and len(keys) > 2 and keys[1] in _HEAD_NOUNS and keys[2] == "of":
            return self._head_of(m, body, body[3:])
        if len(keys) > 1 and keys[0] in _HEAD_NOUNS and keys[1] == "of":
            return self._head_of(m, body, body[2:])
        return self._apposition(m, body, "apposition")

    # ------------------------------------------------------------------
    def _apposition(self, m, body, form: str) -> PostTitle | None:
        index = self.a.index
        words = list(body)
        modifier, modifier_word = None, ""
        if words and words[0].key == "then":
            modifier, modifier_word = "past", words[0].text
            words = words[1:]
        if words and words[-1].key in ("elect", "designate") and words[-1].hyphen_before:
            modifier, modifier_word = "future", words[-1].text
            words = words[:-1]
        if not words:
            return None
        first = 0
        if words[0].key in ("the", "its", "his", "her", "their"):
            first = 1
        title_at = None
        for lo in range(first, len(words)):
            keys = tuple(t.key for t in words[lo:])
            entry = index.titles.get(keys)
            if entry is not None:
                title_at = (lo, entry)
                break
        if title_at is None:
            return None
        lo, entry = title_at
        if first == 0 and lo == 0 and not entry.long:
            return None  # a bare short title with no article: "Scholz, Chancellor" is too loose
        for t in words[first:lo]:
            kind = _word_kind(t)
            if kind is None:
                return None
            if kind == "country":
                continue
            if _rank(kind) > _rank(modifier):
                modifier, modifier_word = kind, t.text
        offices = _offices(self.a, m, entry)
        if not offices:
            return None
        return PostTitle(m, body[0].start, body[-1].end, offices, modifier, modifier_word, form, words[lo].start)

    def _relative(self, m, body) -> PostTitle | None:
        keys = [t.key for t in body]
        i = 1
        while i < len(keys) and keys[i] in _NOW:
            i += 1
        if i >= len(keys):
            return None
        if keys[i] == "is" or (keys[i] == "s" and body[i].start == body[i - 1].full_end):
            rest = body[i + 1:]
            while rest and rest[0].key in _NOW:
                rest = rest[1:]
            if not rest:
                return None
            pt = self._apposition(m, rest, "relative")
            return pt._replace(start=body[0].start) if pt else None
        if keys[i] in _LEAD_VERBS:
            return self._head_of(m, body, body[i + 1:], form="relative")
        return None

    def _head_of(self, m, body, org, form: str = "head-of") -> PostTitle | None:
        keys = [t.key for t in org]
        if keys and keys[0] == "the":
            keys, org = keys[1:], org[1:]
        if not keys or len(keys) > 5:
            return None
        person_offices = [self.a.base.offices[o] for o in dict.fromkeys(t.office for t in m.person.terms)]
        country = [t.key for t in org if t.full_end != t.end or t.text[:1].isupper()]
        last = keys[-1]
        if last == "government" or last in _COUNTRY_WORDS or (len(org) == 1 and org[0].text[:1].isupper()
                                                              and _is_country(self.a, org[0].key)):
            wanted = _GOVERNMENT if last == "government" else _COUNTRY
            found = [o for o in person_offices if {s.lower() for s in o.short_titles} & wanted
                     and not any(w in " ".join(o.titles).lower() for w in ("vice", "deputy", "acting", "interim"))]
            if country and last not in _COUNTRY_WORDS | {"government"}:
                found = [o for o in found if _names_country(o, country)]
            elif country:
                cw = [k for k in country if k not in ("country", "nation")]
                if cw:
                    found = [o for o in found if _names_country(o, cw)]
        else:
            want = tuple(keys)
            found = [o for o in person_offices if any(_contains(_title_keys(t), want) for t in o.titles)]
        if len({o.id for o in found}) != len(found) or not found:
            return None
        return PostTitle(m, body[0].start, body[-1].end, tuple(found), None, "", form)


def _rank(kind: str | None) -> int:
    return {None: 0, "current": 1, "other": 2, "future": 3, "past": 4}[kind]


def _word_kind(t) -> str | None:
    """What a word between the article and the title says: a modifier, a country, or nothing known."""
    k = t.key
    if t.full_end != t.end:  # "the country's", "Germany's"
        return "country" if k in _COUNTRY_WORDS or t.text[:1].isupper() else None
    if k in PAST:
        return "past"
    if k in FUTURE:
        return "future"
    if k in OTHER_OFFICE:
        return "other"
    if k in CURRENT:
        return "current"
    return None


def _offices(a: "Analysis", m: "Mention", entry) -> tuple:
    """The offices a title names for this person: a full title's offices when the person held
    one of them; a short title's offices only among those the person held."""
    held = {t.office for t in m.person.terms}
    ids = [o for o in entry.long if o in held] or [o for o in entry.short if o in held]
    return tuple(a.base.offices[o] for o in dict.fromkeys(ids))


def _title_keys(title: str) -> tuple[str, ...]:
    from .text import key_tuple

    return key_tuple(title)


def _contains(seq: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return any(seq[i:i + n] == part for i in range(len(seq) - n + 1))


def _names_country(o: "Office", words: list[str]) -> bool:
    text = " ".join([*o.titles, o.country or ""]).lower()
    return all(re.search(rf"\b{re.escape(w)}", text) for w in words)


def _is_country(a: "Analysis", key: str) -> bool:
    return any(key in " ".join(o.titles).lower().split() for o in a.base.offices.values() if o.country) or any(
        (o.country or "").lower() == key for o in a.base.offices.values())
