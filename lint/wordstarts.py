"""Scanning a draft with a regex only where one of its matches can start.

Most rule patterns start at a word boundary with one of a few words: ``(?<!\\w)(?:slam|
blast|lash ...)``. Python's ``re`` cannot skip ahead for such a pattern, least of all
under IGNORECASE: it tries every alternative at every character, and that cost a draft
more than everything else the bias rules do. This module reads the pattern once and, when
it can prove two things:

1. every match starts where a word starts (after ``\\b``, ``^`` or a lookbehind that
   excludes word characters), and
2. every match starts with one of a set of literal prefixes (``slam``, ``blast``, ...),

it looks those prefixes up in an index of the draft's words and runs ``regex.match`` at
just those word starts, in order, exactly as ``finditer`` would have found them. Anything
it cannot prove (character classes, backreferences, ``re.ASCII``, prefixes that are not
plain ASCII words) falls back to ``regex.finditer``: results are the same either way, only
the speed differs. Words with non-ASCII letters are always tried, because case-insensitive
matching can equate letters there that ``str.lower`` does not ("İ" and "i").

Reading a pattern needs the parse tree ``re.compile`` builds, which ``re`` does not make
public (``re._parser``). It is used only behind a fallback: the reader checks itself on
known patterns before it is trusted, any failure to read a pattern means "unknown", and
"unknown" means a plain ``finditer``. So a Python whose parser differs costs speed, never
a finding (the tests run both paths on every shipped pattern and compare the matches).
Measured on 300 real news drafts (173,000 words, BBC and PTC, one process): 7.8 s of CPU
with the reader, 8.7 s with every scan plain, so it saves about a tenth of a run.
"""
from __future__ import annotations

import bisect
import re
from itertools import compress
from operator import not_
from typing import TYPE_CHECKING, Iterator, NamedTuple

from . import diskcache
from .text import tokens as text_tokens
from .text.lazyre import LazyAlternation

try:  # the parser behind re.compile (Python 3.11+); without it every scan is a plain one
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover
    _p = None

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

_RUN = re.compile(r"\w+")
_ASCII_WORD = re.compile(r"[A-Za-z0-9_]+")
_MAX_SET = 12  # a character class of at most this many characters still gives prefixes


class _Unknown(Exception):
    """The pattern's possible starts cannot be read off it."""


def _excludes_word_char(sub: list) -> bool:
    """``sub`` (a lookbehind's body) is one character class that contains ``\\w``."""
    if len(sub) != 1:
        return False
    op, av = sub[0]
    if op is _c.IN:
        return all(o is not _c.NEGATE for o, _a in av) and any(o is _c.CATEGORY and a is _c.CATEGORY_WORD for o, a in av)
    return op is _c.CATEGORY and av is _c.CATEGORY_WORD


def _class_chars(av: list) -> list[str]:
    """The characters of a small class ("[Pp]", "[0-3]", "\\d"), or [] for any other class.
    ``\\d`` stands for the ASCII digits: other digits are in non-ASCII words, which are
    always tried."""
    chars: list[str] = []
    for op, a in av:
        if op is _c.LITERAL:
            chars.append(chr(a))
        elif op is _c.RANGE and a[1] - a[0] < _MAX_SET:
            chars.extend(chr(c) for c in range(a[0], a[1] + 1))
        elif op is _c.CATEGORY and a is _c.CATEGORY_DIGIT:
            chars.extend("0123456789")
        else:
            return []
    return chars if len(chars) <= _MAX_SET else []


def _literal_run(items: list, i: int) -> str:
    out = []
    while i < len(items) and items[i][0] is _c.LITERAL:
        out.append(chr(items[i][1]))
        i += 1
    return "".join(out)


def _starts(items: list, anchored: bool, depth: int = 0) -> set[str]:
    """Literal prefixes every match of ``items`` begins with, each at a word start."""
    if depth > 40:
        raise _Unknown
    i = 0
    while i < len(items):
        op, av = items[i]
        if op is _c.AT:
            if av in (_c.AT_BOUNDARY, _c.AT_BEGINNING, _c.AT_BEGINNING_STRING):
                anchored = True  # a word start, provided a word character follows
            else:
                raise _Unknown
        elif op is _c.ASSERT_NOT:
            direction, sub = av
            if direction < 0 and _excludes_word_char(list(sub.data)):
                anchored = True
        elif op is _c.ASSERT:
            pass  # zero-width: neither consumes nor anchors
        elif op is _c.LITERAL:
            if not anchored:
                raise _Unknown
            return {_literal_run(items, i)}
        elif op is _c.IN:
            chars = _class_chars(av)
            if not anchored or not chars:
                raise _Unknown
            rest = _literal_run(items, i + 1)
            return {ch + rest for ch in chars}
        elif op is _c.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            if add_flags & (_c.SRE_FLAG_ASCII | _c.SRE_FLAG_LOCALE):
                raise _Unknown
            return _starts([*sub.data, *items[i + 1:]], anchored, depth + 1)
        elif op is _c.ATOMIC_GROUP:
            return _starts([*av.data, *items[i + 1:]], anchored, depth + 1)
        elif op is _c.BRANCH:
            out: set[str] = set()
            for alt in av[1]:
                out |= _starts([*alt.data, *items[i + 1:]], anchored, depth + 1)
            return out
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            low, _high, sub = av
            first = _starts(list(sub.data), anchored, depth + 1)
            return first if low >= 1 else first | _starts(items[i + 1:], anchored, depth + 1)
        else:
            raise _Unknown
        i += 1
    raise _Unknown  # the rest can match the empty string


def _read(pattern: str, flags: int, at_start: bool) -> set[str]:
    """The literal prefixes of ``pattern``'s matches; empty when they cannot be read."""
    try:
        return _starts(list(_p.parse(pattern, flags).data), at_start)
    except Exception:  # _Unknown, re.error, RecursionError, or a parser unlike 3.11's
        return set()


_READER_OK: bool | None = None


def _reader_works() -> bool:
    """Whether this Python's parse trees read as expected (checked once per process)."""
    global _READER_OK
    if _READER_OK is None:
        _READER_OK = _p is not None and all(
            _read(pattern, flags, False) == want for pattern, flags, want in (
                (r"(?<!\w)(?:slam(?:s|med)?|Blast)", re.I, {"slam", "Blast"}),
                (r"\b[Pp]resident-elect\b", 0, {"President-elect", "president-elect"}),
                (r"(?<!\w)(?:read|)\s*more", 0, set()),  # may start with a space: unreadable
                (r"spread", 0, set()),  # not anchored at a word start
            ))
    return _READER_OK


# (pattern, flags, at_start) -> prefixes. Reading a pattern costs about half of compiling
# it, so what was read is kept in the disk cache for the next run; a pattern whose
# prefixes are known and absent from a draft is then never even compiled.
_PREFIXES = diskcache.Memo("prefixes", (diskcache.source_stamp(__file__),))


def prefixes(regex: "re.Pattern | object", at_start: bool = False) -> tuple[str, ...] | None:
    """Lower-case ASCII word prefixes that every match of ``regex`` starts a word with,
    shortest kept ("claim" covers "claims"); None when that cannot be proved.

    ``regex`` is a compiled pattern or anything with its ``pattern`` and ``flags`` (a lazy
    pattern is not compiled for this). ``at_start``: the match is known to start a word
    (``fullmatch`` on a line that starts with one), so no anchor is needed.
    """
    pattern, flags = getattr(regex, "pattern", None), getattr(regex, "flags", 0)
    key = (pattern, flags, at_start)
    if key in _PREFIXES:
        return _PREFIXES.get(key)
    found = _prefixes_of(pattern, flags, at_start)
    if isinstance(pattern, str):
        _PREFIXES.set(key, found)
    return found


def _prefixes_of(pattern: object, flags: int, at_start: bool) -> tuple[str, ...] | None:
    """:func:`prefixes`, read afresh."""
    if not isinstance(pattern, str) or flags & re.ASCII or not _reader_works():
        return None
    words = set()
    for s in _read(pattern, flags, at_start):
        m = _ASCII_WORD.match(s)
        if m is None or not s.isascii():
            return None
        words.add(m.group().lower())
    if not words:
        return None
    return tuple(sorted(w for w in words if not any(v != w and w.startswith(v) for v in words)))


def head_key(text: str) -> str | None:
    """What a match that must start at the beginning of ``text`` is looked up by: its first
    word in lower case, "" when it does not open with a word (no prefix can match), or None
    when that word has non-ASCII letters (anything may match; see the module's note)."""
    m = _RUN.match(text)
    if m is None:
        return ""
    word = m.group()
    return word.lower() if word.isascii() else None


def may_open(regex: "re.Pattern | object", text: str) -> bool:
    """False only when ``regex.match(text)`` (and so ``fullmatch``) must fail: every match
    of ``regex`` starts a word with one of its known prefixes (:func:`prefixes`, read with
    ``at_start``) and ``text``'s first word starts with none of them. Lets a line test skip
    (and never compile) a pattern whose first words the line does not open with."""
    pre = prefixes(regex, at_start=True)
    if pre is None:
        return True
    head = head_key(text)
    return head is None or head.startswith(pre)


class WordStarts:
    """Where the draft's words (``\\w+`` runs) start, looked up by lower-case prefix.

    The ASCII words are kept sorted by their lower-case form (``keys``, with ``starts``
    beside them), so the words with a prefix are one slice, found by bisection; words with
    other letters are kept apart (``always``: see the module's note)."""

    __slots__ = ("keys", "starts", "always")

    def __init__(self, starts: list[int], texts: list[str]) -> None:
        joined = "\n".join(texts)
        if joined.isascii():
            always: list[int] = []
        else:
            ascii_ = list(map(str.isascii, texts))
            always = list(compress(starts, map(not_, ascii_)))
            starts, texts = list(compress(starts, ascii_)), list(compress(texts, ascii_))
            joined = "\n".join(texts)
        keys = joined.lower().split("\n") if texts else []  # ASCII: lowering keeps lengths
        # A stable sort: a word's starts stay in text order.
        order = sorted(range(len(keys)), key=keys.__getitem__)
        self.keys: list[str] = list(map(keys.__getitem__, order))
        self.starts: list[int] = list(map(starts.__getitem__, order))
        self.always = always

    @classmethod
    def of(cls, text: str) -> "WordStarts":
        """The index of any text, scanned afresh."""
        found = list(_RUN.finditer(text))
        return cls(list(map(_START, found)), list(map(_GROUP, found)))

    def starting_with(self, prefixes: tuple[str, ...]) -> list[int]:
        """Offsets of words that start with one of ``prefixes`` (and of non-ASCII words)."""
        out = list(self.always)
        keys, starts = self.keys, self.starts
        n = len(keys)
        left = bisect.bisect_left
        for p in prefixes:
            lo = left(keys, p)
            if lo < n and keys[lo].startswith(p):
                # Every key is ASCII \w, below "\x7f": the keys with the prefix end before this.
                out += starts[lo:left(keys, p + "\x7f", lo)]
        out.sort()
        return out

    def exactly(self, word: str) -> list[int]:
        """Offsets of the ASCII words that are ``word`` (lower case) in any case, in order."""
        keys = self.keys
        lo = bisect.bisect_left(keys, word)
        return self.starts[lo:bisect.bisect_right(keys, word, lo)]

    def not_alpha(self) -> list[tuple[str, int]]:
        """The ASCII words with a digit or an underscore, as (lower-case word, offset)."""
        keys, starts = self.keys, self.starts
        return [(keys[i], starts[i]) for i in compress(range(len(keys)), map(not_, map(str.isalpha, keys)))]


_START, _GROUP = re.Match.start, re.Match.group


def _from_tokens(doc: "Document") -> WordStarts:
    """The word-start index read off the document's token table: a token of letters and
    digits only is one ``\\w+`` run; the others are split within their spans. Only an
    underscore (a word character no token starts or ends with) makes runs of its own, so
    prose with one is scanned afresh."""
    prose = doc.prose
    if "_" in prose:
        return WordStarts.of(prose)
    table = text_tokens.tokens(doc)
    starts, texts = table.starts, table.texts
    odd = table.not_alnum()
    if odd:
        starts, texts = list(starts), list(texts)
        for i in reversed(odd):
            found = list(_RUN.finditer(prose, starts[i], table.ends[i]))
            starts[i:i + 1] = map(_START, found)
            texts[i:i + 1] = map(_GROUP, found)
    return WordStarts(starts, texts)


def word_starts(doc: "Document") -> WordStarts:
    return doc.derived("word-starts", lambda: _from_tokens(doc))


#: A rule's alternation is compiled whole, rather than term by term, when a draft needs
#: more than this many of its terms not compiled yet ...
MOST_PARTS = 6
#: ... or once this many drafts were scanned term by term: a long run is faster with the
#: whole pattern, compiled once.
MOST_PART_SCANS = 16


def part_prefixes(regex: LazyAlternation) -> tuple[tuple[str, ...], ...] | None:
    """The prefixes of each part of ``regex`` (see :func:`prefixes`); None unless every
    part's are known."""
    key = (regex.pattern, regex.flags, "parts")
    if key in _PREFIXES:
        return _PREFIXES.get(key)
    found = []
    for part in regex.parts:
        pre = _prefixes_of(part, regex.flags, False)
        if pre is None:
            found = None
            break
        found.append(pre)
    result = tuple(found) if found is not None else None
    _PREFIXES.set(key, result)
    return result


def part_openers(regex: LazyAlternation) -> tuple[tuple[str, ...] | None, ...]:
    """For each part of ``regex``, the prefixes a match of it that starts a line starts
    with (:func:`prefixes` with ``at_start``), None for a part whose are unknown."""
    key = (regex.pattern, regex.flags, "part-openers")
    if key in _PREFIXES:
        return _PREFIXES.get(key)
    found = tuple(_prefixes_of(part, regex.flags, True) for part in regex.parts)
    _PREFIXES.set(key, found)
    return found


def _may_start(word: str, prefix: str) -> bool:
    """Whether a match that begins with ``prefix`` may begin ``word`` (a word of the draft):
    its ASCII letters must agree with the prefix; any other letter might equal it under
    IGNORECASE ("İ" and "i") or ``\\d`` (other digits)."""
    if len(word) < len(prefix):
        return False
    for ch, want in zip(word, prefix):
        if ch.isascii() and ch.lower() != want:
            return False
    return True


class _PartIndex(NamedTuple):
    union: tuple[str, ...]  # the shortest prefixes, for the word-start index
    lengths: tuple[int, ...]  # the lengths of all prefixes, longest first
    by_prefix: dict[str, tuple[int, ...]]  # prefix -> the parts that may start with it


def _part_index(parts: tuple[tuple[str, ...], ...]) -> _PartIndex:
    by_prefix: dict[str, list[int]] = {}
    for i, pre in enumerate(parts):
        for p in pre:
            by_prefix.setdefault(p, []).append(i)
    union = set(by_prefix)
    union = {w for w in union if not any(v != w and w.startswith(v) for v in union)}
    return _PartIndex(tuple(sorted(union)), tuple(sorted({len(p) for p in by_prefix}, reverse=True)),
                      {p: tuple(sorted(set(v))) for p, v in by_prefix.items()})


def _finditer_parts(doc: "Document", regex: LazyAlternation,
                    parts: tuple[tuple[str, ...], ...]) -> Iterator[re.Match] | None:
    """The whole alternation's matches, found by trying, at each possible start, only the
    parts that can begin there, first part first; None when the whole pattern should be
    compiled instead (many parts needed, or many drafts scanned)."""
    regex.scans += 1
    if regex.scans > MOST_PART_SCANS:
        return None
    if regex.index is None:
        regex.index = _part_index(parts)
    index: _PartIndex = regex.index
    prose = doc.prose
    plan = []
    wanted: set[int] = set()
    for pos in word_starts(doc).starting_with(index.union):
        word = _RUN.match(prose, pos).group()
        if word.isascii():
            key = word.lower()
            found: set[int] = set()
            for n in index.lengths:
                hit = index.by_prefix.get(key[:n]) if n <= len(key) else None
                if hit:
                    found.update(hit)
            which = sorted(found)
        else:
            which = [i for i, pre in enumerate(parts) if any(_may_start(word, p) for p in pre)]
        if which:
            plan.append((pos, which))
            wanted.update(which)
    if len(wanted) - regex.parts_compiled() > MOST_PARTS:
        return None
    return _run_plan(prose, regex, plan)


def _run_plan(prose: str, regex: LazyAlternation, plan: list) -> Iterator[re.Match]:
    after = 0
    for pos, which in plan:
        if pos < after:
            continue
        for i in which:
            m = regex.part(i).match(prose, pos)
            if m is not None:
                yield m  # never empty: every part starts with a literal
                after = m.end()
                break


def may_match_in(doc: "Document", regex: "re.Pattern | object", lo: int, hi: int) -> bool:
    """False only when no match of ``regex`` can start in ``doc.prose[lo:hi]``: its
    prefixes are known and no word there starts with one. Lets a rule skip (and never
    compile) a context pattern whose first words are absent from the sentence."""
    pre = prefixes(regex)
    if pre is None:
        return True
    starts = doc.derived(("word-starts-with", pre), lambda: word_starts(doc).starting_with(pre))
    k = bisect.bisect_left(starts, lo)
    return k < len(starts) and starts[k] < hi


def finditer(doc: "Document", regex: re.Pattern) -> Iterator[re.Match]:
    """The matches of ``regex.finditer(doc.prose)``, found by trying only possible starts."""
    if isinstance(regex, LazyAlternation) and not regex.is_compiled:
        parts = part_prefixes(regex)
        if parts is not None:
            found = _finditer_parts(doc, regex, parts)
            if found is not None:
                yield from found
                return
    pre = prefixes(regex)
    prose = doc.prose
    if pre is None:
        yield from regex.finditer(prose)
        return
    match = regex.match
    after = 0
    for pos in word_starts(doc).starting_with(pre):
        if pos < after:
            continue
        m = match(prose, pos)
        if m is not None:
            # Every possible start begins with a literal, so no match is empty and the
            # next one starts at or after this one's end, as in finditer.
            yield m
            after = m.end()
