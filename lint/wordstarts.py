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
just those word starts, in order, exactly as ``finditer`` would have found them. Where it
can read more, a match's first words and the words after them (its heads: "the" then
"ukraine", see below), it tries only the places where those words stand. Anything
it cannot prove (character classes, backreferences, ``re.ASCII``, prefixes that are not
plain ASCII words) falls back to ``regex.finditer``: results are the same either way, only
the speed differs. Words with non-ASCII letters are always tried, because case-insensitive
matching can equate letters there that ``str.lower`` does not ("İ" and "i").

Reading a pattern needs the parse tree ``re.compile`` builds, which ``re`` does not make
public (``re._parser``). It is used only behind a fallback: both readers (prefixes and
heads) check themselves on known patterns before they are trusted, any failure to read a
pattern means "unknown", and "unknown" means a plain ``finditer``. So a Python whose parser
differs costs speed, never a finding (the tests run both paths on every shipped pattern
and compare the matches, and a whole run's findings). Measured on 1,000 real news drafts
(590,000 words, BBC and PTC, one process, 2026-12-07): 7.0-8.8 s of CPU with the readers,
11.6-12.3 s with every scan plain, so they save about a third of a run.
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
    """Whether this Python's parse trees read as expected, by both readers: the prefixes
    (:func:`_read`) and the heads of several words (:func:`_heads_in`). Checked once per
    process; when it fails, every scan is a plain one."""
    global _READER_OK
    if _READER_OK is None:
        _READER_OK = False  # while checking: the head reader must not ask again
        _READER_OK = _p is not None and all(
            _read(pattern, flags, False) == want for pattern, flags, want in (
                (r"(?<!\w)(?:slam(?:s|med)?|Blast)", re.I, {"slam", "Blast"}),
                (r"\b[Pp]resident-elect\b", 0, {"President-elect", "president-elect"}),
                (r"(?<!\w)(?:read|)\s*more", 0, set()),  # may start with a space: unreadable
                (r"spread", 0, set()),  # not anchored at a word start
            )) and all(
            _heads_as_set(_heads_in(pattern, flags, False)) == want for pattern, flags, want in (
                (r"\bthe\s+ukraine\b", re.I, {(("the", True), ("ukraine", True))}),
                (r"\b(?:the\s+)?best\b", re.I, {(("best", True),), (("the", True), ("best", True))}),
                (r"\bdon['’]t\s+know\b", re.I, {(("don", True), ("t", True), ("know", True))}),
                (r"^read\s+more", re.I | re.M, {(("read", True), ("more", False))}),
                (r"(?<!\w)(?:read|)\s*more", re.I, None),
                (r"spread\s+more", 0, None),
            ))
    return _READER_OK


def _heads_as_set(heads: tuple | None) -> set | None:
    return None if heads is None else set(heads)


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


# ---------------------------------------------------------------- heads: whole words
#
# A prefix says little when it is short: "the" is the start of "they", "there", "theory",
# and a pattern for "the Ukraine" was tried at all of them, and at every "the" besides.
# A head says more: the words a match must start with, in order, each either whole
# ("the", followed in the pattern by a space, a hyphen or ``\b``, so the draft's word must
# be exactly "the") or a prefix ("slam" in "slam(?:s|med)?", where the word may go on).
# Words after the first are the draft's next words: the pattern puts only non-word
# characters (at least one) between them, so no other word can come in between. A draft
# position is tried when its words fit one of the heads, looked up by the head's rarest
# word ("ukraine" rather than "the").

#: The most words of a head worth reading, and the most heads a pattern may have before
#: its heads are read shorter (a long alternation of phrases).
_MOST_WORDS = 3
_MOST_HEADS = 400
_MOST_STEPS = 20_000
# Characters that match only non-word characters, in any case (checked by a test against
# every character): ASCII punctuation and spaces, and the typographic marks patterns use.
_GAP_CHARS = frozenset(chr(c) for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")) | set("’‘“”—–")
_END = object()  # an item that ends a reading: what follows cannot be read


class _TooMany(Exception):
    """A pattern has more heads than are worth listing at this length."""


def _gap_class(av: list) -> bool:
    """A character class that matches only non-word characters: ``\\s``, ``\\W``, ``[- ]``."""
    for op, a in av:
        if op is _c.LITERAL:
            if chr(a) not in _GAP_CHARS:
                return False
        elif op is _c.CATEGORY:
            if a not in (_c.CATEGORY_SPACE, _c.CATEGORY_NOT_WORD):
                return False
        else:
            return False  # NEGATE, ranges
    return True


def _gap_item(item: tuple) -> bool:
    """An item that matches one non-word character."""
    op, av = item
    if op is _c.LITERAL:
        return chr(av) in _GAP_CHARS
    return op is _c.IN and _gap_class(av)


def _word_chars(item: tuple) -> list[str] | None:
    """The ASCII word characters a one-character item may match, or None."""
    op, av = item
    if op is _c.LITERAL:
        ch = chr(av)
        return [ch] if ch.isascii() and (ch.isalnum() or ch == "_") else None
    if op is _c.IN:
        chars = _class_chars(av)
        if chars and all(ch.isascii() and (ch.isalnum() or ch == "_") for ch in chars):
            return chars
    return None


class _HeadReader:
    """Reads a parse tree into heads (see above); one reading per pattern and length."""

    def __init__(self, most_words: int) -> None:
        self.most_words = most_words
        self.heads: set[tuple[tuple[str, bool], ...]] = set()
        self.steps = 0

    def finish(self, words: tuple, cur: str) -> None:
        head = (*words, (cur, False)) if cur else words
        if not head:
            raise _Unknown  # nothing read: the match may start anywhere
        self.heads.add(head)
        if len(self.heads) > _MOST_HEADS:
            raise _TooMany

    def walk(self, items: list, i: int, words: tuple, cur: str, state: str, anchored: bool) -> None:
        """Read ``items[i:]``. ``state``: "start" (nothing matched yet), "word" (inside the
        word ``cur``), "closed" (a whole word just ended), "gap" (non-word characters after one)."""
        while True:
            self.steps += 1
            if self.steps > _MOST_STEPS:
                raise _TooMany
            if i >= len(items):
                return self.finish(words, cur)
            item = items[i]
            if item is _END:
                return self.finish(words, cur)
            op, av = item
            if op is _c.AT:
                if state == "start":
                    if av not in (_c.AT_BOUNDARY, _c.AT_BEGINNING, _c.AT_BEGINNING_STRING):
                        raise _Unknown
                    anchored = True
                elif av is _c.AT_BOUNDARY and state == "word":
                    words, cur, state = (*words, (cur, True)), "", "closed"  # the word ends here
                elif av is not _c.AT_BOUNDARY:
                    return self.finish(words, cur)
            elif op is _c.ASSERT_NOT:
                direction, sub = av
                if _excludes_word_char(list(sub.data)):
                    if direction < 0 and state == "start":
                        anchored = True
                    elif direction > 0 and state == "word":
                        words, cur, state = (*words, (cur, True)), "", "closed"
            elif op is _c.ASSERT:
                pass  # zero-width: neither consumes nor anchors
            elif op is _c.SUBPATTERN:
                _group, add_flags, _del_flags, sub = av
                if add_flags & (_c.SRE_FLAG_ASCII | _c.SRE_FLAG_LOCALE):
                    if state == "start":
                        raise _Unknown
                    return self.finish(words, cur)
                items, i = [*sub.data, *items[i + 1:]], 0
                continue
            elif op is _c.ATOMIC_GROUP:
                items, i = [*av.data, *items[i + 1:]], 0
                continue
            elif op is _c.BRANCH:
                rest = items[i + 1:]
                for alt in av[1]:
                    self.walk([*alt.data, *rest], 0, words, cur, state, anchored)
                return None
            elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
                low, high, sub = av
                body = list(sub.data)
                rest = items[i + 1:]
                if len(body) == 1 and _gap_item(body[0]) and state != "start":
                    # Spaces or dashes: one of them stands for the run.
                    if low == 0:
                        self.walk(rest, 0, words, cur, state, anchored)
                    return self.walk([body[0], *rest], 0, words, cur, state, anchored)
                if low == 0:
                    self.walk(rest, 0, words, cur, state, anchored)
                    if state == "start":
                        pass  # the body still has to be read: it may be where every match starts
                self.walk([*body, *(rest if high == 1 else [_END])], 0, words, cur, state, anchored)
                return None
            else:
                chars = _word_chars(item)
                if chars is not None:
                    if state == "start" and not anchored:
                        raise _Unknown
                    if state == "closed":
                        return self.finish(words, cur)  # a word right after a whole word: no match
                    if len(chars) > 1:
                        for ch in chars:
                            self.walk(items, i + 1, words, cur + ch, "word", anchored)
                        return None
                    cur, state = cur + chars[0], "word"
                elif _gap_item(item):
                    if state == "start":
                        raise _Unknown
                    if state == "word":
                        words, cur = (*words, (cur, True)), ""
                    state = "gap"
                else:
                    if state == "start":
                        raise _Unknown
                    return self.finish(words, cur)
                if len(words) >= self.most_words:
                    return self.finish(words, "")
            i += 1


def _simplest(heads: set) -> tuple:
    """The heads, less those another head already covers (every draft position that fits
    the one fits the other), in a stable order."""
    def covers(a: tuple, b: tuple) -> bool:  # a's condition follows from b's
        if len(a) > len(b):
            return False
        for (wa, ea), (wb, eb) in zip(a, b):
            if ea and not (eb and wa == wb):
                return False
            if not ea and not wb.startswith(wa):
                return False
        return True
    ordered = sorted(heads, key=lambda h: (len(h), h))
    kept: list = []
    for h in ordered:
        if not any(covers(k, h) for k in kept):
            kept.append(h)
    return tuple(kept)


def _read_heads(pattern: object, flags: int, at_start: bool) -> tuple | None:
    """The heads of ``pattern``'s matches, read afresh; None when they cannot be read."""
    if not isinstance(pattern, str) or flags & re.ASCII or not _reader_works():
        return None
    return _heads_in(pattern, flags, at_start)


def _heads_in(pattern: str, flags: int, at_start: bool) -> tuple | None:
    """:func:`_read_heads` without the check that the reader can be trusted (the check
    itself uses it)."""
    try:
        tree = list(_p.parse(pattern, flags).data)
    except Exception:
        return None
    for most in range(_MOST_WORDS, 0, -1):
        reader = _HeadReader(most)
        try:
            reader.walk(tree, 0, (), "", "start", at_start)
        except _TooMany:
            continue
        except Exception:  # _Unknown, RecursionError, or a parser unlike 3.11's
            return None
        return _simplest({tuple((w.lower(), e) for w, e in h) for h in reader.heads})
    # Too many heads even one word long (dates: every number and month): the prefixes
    # the plain reader finds, none of them known to be whole.
    found = _prefixes_of(pattern, flags, at_start)
    return tuple(((p, False),) for p in found) if found is not None else None


class Node(NamedTuple):
    """A step of a :class:`Plan`: the tags of the heads that end here, and the next words
    (whole, by word; or prefixes) with their steps."""

    tags: tuple
    whole: dict  # word -> Node
    prefixed: tuple  # ((prefix, Node), ...)


class Plan(NamedTuple):
    """A pattern's heads as a tree of words, for lookup. A head's tag is the number of the
    alternation's part it belongs to (0 for a whole pattern)."""

    root: Node
    firsts: frozenset  # the whole first words (root.whole's keys)
    later: int  # the most words after the first in any head
    heads: tuple  # ((head, tag), ...)
    long_firsts: frozenset  # the whole first words of heads of two words or more ...
    long_prefixes: tuple  # ... and their first-word prefixes


def _node(tagged: list) -> Node:
    """The tree of ``tagged`` (head, tag) pairs, from their first words on."""
    tags = sorted({tag for head, tag in tagged if not head})
    whole: dict[str, list] = {}
    prefixed: dict[str, list] = {}
    for head, tag in tagged:
        if head:
            (word, is_whole) = head[0]
            (whole if is_whole else prefixed).setdefault(word, []).append((head[1:], tag))
    return Node(tuple(tags), {w: _node(v) for w, v in whole.items()},
                tuple((p, _node(v)) for p, v in sorted(prefixed.items())))


def _plan(tagged: list) -> Plan:
    """``tagged``: (head, tag) pairs."""
    root = _node(tagged)
    long = [h[0] for h, _t in tagged if len(h) > 1]
    return Plan(root, frozenset(root.whole), max((len(h) - 1 for h, _t in tagged), default=0), tuple(tagged),
                frozenset(w for w, e in long if e), tuple(sorted({w for w, e in long if not e})))


# (pattern, flags, at_start) -> Plan, or () when the heads cannot be read.
_HEADS = diskcache.Memo("heads", (diskcache.source_stamp(__file__),))


def heads(regex: "re.Pattern | object", at_start: bool = False) -> tuple | None:
    """The heads every match of ``regex`` starts with (see above): a tuple of heads, each a
    tuple of (lower-case ASCII word, whole) pairs; None when that cannot be proved."""
    plan = plan_of(regex, at_start)
    return tuple(h for h, _t in plan.heads) if plan is not None else None


def plan_of(regex: "re.Pattern | object", at_start: bool = False) -> Plan | None:
    """:func:`heads`, arranged for lookup (a :class:`Plan`); kept in the disk cache."""
    pattern, flags = getattr(regex, "pattern", None), getattr(regex, "flags", 0)
    key = (pattern, flags, at_start)
    found = _HEADS.get(key)
    if found is None:
        hd = _read_heads(pattern, flags, at_start)
        found = _plan([(h, 0) for h in hd]) if hd is not None else ()
        if isinstance(pattern, str):
            _HEADS.set(key, found)
    return found or None


# id(regex) -> (regex, the memo read, its plan): the rules ask for the plans of the same
# patterns at every draft; this spares building the memo's key each time.
_PLAN_BY_ID: dict[int, tuple] = {}
#: Entries at most in each memo keyed by a pattern object's id (here and in lint.parts): an
#: entry keeps its pattern alive (so that the id is not reused), and a server that reloads
#: its packs makes new pattern objects each time. A full memo starts afresh.
MOST_PATTERNS = 4096


def _plan_of_pattern(regex: "re.Pattern | object") -> Plan | None:
    """:func:`plan_of` (not ``at_start``), remembered by the pattern object."""
    entry = _PLAN_BY_ID.get(id(regex))
    if entry is None or entry[0] is not regex or entry[1] is not _HEADS:
        if len(_PLAN_BY_ID) >= MOST_PATTERNS:
            _PLAN_BY_ID.clear()
        entry = _PLAN_BY_ID[id(regex)] = (regex, _HEADS, plan_of(regex))
    return entry[2]


class WordStarts:
    """Where the draft's words (``\\w+`` runs) start, looked up by lower-case prefix.

    The ASCII words are kept sorted by their lower-case form (``keys``, with ``starts``
    beside them and their places in the text in ``order``), so the words with a prefix are
    one slice, found by bisection; ``words`` holds every word's lower-case form in text
    order, so a word's neighbours can be read. Words with other letters are kept apart
    (``always``, and ``odd``: their text by place; see the module's note)."""

    __slots__ = ("keys", "starts", "always", "order", "words", "places", "odd", "_distinct")

    def __init__(self, starts: list[int], texts: list[str]) -> None:
        joined = "\n".join(texts)
        # Lowering never makes or removes a line break, so the split keeps the count even
        # where a non-ASCII word's length changes.
        words = joined.lower().split("\n") if texts else []
        if joined.isascii():
            odd: dict[int, str] = {}
            ascii_places: "range | list[int]" = range(len(words))
        else:
            ascii_ = list(map(str.isascii, texts))
            odd = {i: texts[i] for i in compress(range(len(texts)), map(not_, ascii_))}
            ascii_places = list(compress(range(len(texts)), ascii_))
        # A stable sort: a word's starts stay in text order.
        order = sorted(ascii_places, key=words.__getitem__)
        self.keys: list[str] = list(map(words.__getitem__, order))
        self.starts: list[int] = list(map(starts.__getitem__, order))
        self.order = order
        self.words = words
        self.places = starts
        self.odd = odd
        self.always: list[int] = [starts[i] for i in odd]
        self._distinct: "set[str] | None" = None

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

    def _span(self, word: str, whole: bool) -> tuple[int, int]:
        """The slice of ``keys`` that are ``word`` (``whole``) or start with it."""
        keys = self.keys
        lo = bisect.bisect_left(keys, word)
        # Every key is ASCII \w, below "\x7f": the keys with the prefix end before this.
        return lo, bisect.bisect_right(keys, word, lo) if whole else bisect.bisect_left(keys, word + "\x7f", lo)

    def _ends(self, node: Node, i: int, out: set) -> None:
        """Add to ``out`` the tags of the heads under ``node`` that the words from place
        ``i`` on may complete."""
        out.update(node.tags)
        if i >= len(self.words) or not (node.whole or node.prefixed):
            return
        text = self.odd.get(i)
        if text is None:
            word = self.words[i]
            nxt = node.whole.get(word)
            if nxt is not None:
                self._ends(nxt, i + 1, out)
            for p, nxt in node.prefixed:
                if word.startswith(p):
                    self._ends(nxt, i + 1, out)
            return
        for w, nxt in node.whole.items():
            if _may_start(text, w) and len(text) == len(w):
                self._ends(nxt, i + 1, out)
        for p, nxt in node.prefixed:
            if _may_start(text, p):
                self._ends(nxt, i + 1, out)

    def _chunks(self, plan: Plan, sort_out: bool = False, loose: bool = False) -> Iterator[tuple[list[int], tuple]]:
        """The places (word numbers) where a match of ``plan``'s pattern may start, in
        chunks of (places, tags). A place a non-ASCII word makes possible is tried against
        the heads only with ``sort_out`` (to know its tags); otherwise it is simply kept
        (with ``loose``, as ``sort_out`` otherwise, it is kept with every tag)."""
        root = plan.root
        found = [(self._span(w, True), root.whole[w]) for w in plan.firsts.intersection(self.distinct())]
        for p, node in root.prefixed:
            span = self._span(p, False)
            if span[0] < span[1]:
                found.append((span, node))
        order, ends, words, odd = self.order, self._ends, self.words, self.odd
        for (lo, hi), node in found:
            places = order[lo:hi]
            if node.tags:
                yield places, node.tags
                if not sort_out:
                    continue  # every place is taken already
            if node.whole or node.prefixed:
                # Most places fail on the next word: a set lookup and a prefix test, before
                # the walk that reads the words after it.
                nexts, pres = node.whole, tuple(p for p, _n in node.prefixed)
                last = len(words) - 1
                if odd:
                    places = [k for k in places if k < last and (
                        words[k + 1] in nexts or words[k + 1].startswith(pres) or k + 1 in odd)]
                else:
                    places = [k for k in places if k < last and (words[k + 1] in nexts or words[k + 1].startswith(pres))]
                for k in places:
                    tags: set = set()
                    ends(node, k + 1, tags)
                    if tags:
                        yield [k], tuple(tags)
        if odd:
            # A non-ASCII word may be any of a head's words (see the module's note): tried
            # as the first, and the words before it as the first of a longer head.
            every = tuple(sorted({t for _h, t in plan.heads})) if loose else ()
            for k in odd:
                for d in range(plan.later + 1):
                    i = k - d
                    if i < 0:
                        break
                    if not sort_out or loose:
                        if d == 0 or i in odd or words[i] in plan.long_firsts or words[i].startswith(plan.long_prefixes):
                            yield [i], every if loose else (0,)
                        continue
                    tags = set()
                    ends(root, i, tags)
                    if tags:
                        yield [i], tuple(tags)

    def distinct(self) -> "set[str]":
        """The draft's ASCII words in lower case, as a set."""
        found = self._distinct
        if found is None:
            found = self._distinct = set(self.keys)
        return found

    def starting(self, plan: Plan) -> list[int]:
        """Offsets, in order, where a match of ``plan``'s pattern may start."""
        places: list[int] = []
        chunks = 0
        for chunk, _tag in self._chunks(plan):
            places += chunk
            chunks += 1
        if chunks > 1:
            places = set(places)
        return list(map(self.places.__getitem__, sorted(places)))

    def tagged(self, plan: Plan, loose: bool = False) -> dict[int, set[int]]:
        """Each place where a match of ``plan``'s pattern may start, with its tags (with
        ``loose``, a place a non-ASCII word makes possible has every tag: cheaper, for a
        caller that only needs to rule tags out)."""
        out: dict[int, set[int]] = {}
        for chunk, tags in self._chunks(plan, sort_out=True, loose=loose):
            for k in chunk:
                out.setdefault(k, set()).update(tags)
        return out

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


def part_plan(regex: LazyAlternation) -> Plan | None:
    """The heads of every part of ``regex`` in one :class:`Plan`, each tagged with its
    part's number; None unless every part's heads are known."""
    key = (regex.pattern, regex.flags, "parts")
    found = _HEADS.get(key)
    if found is None:
        tagged = []
        for i, part in enumerate(regex.parts):
            hd = _read_heads(part, regex.flags, False)
            if hd is None:
                tagged = None
                break
            tagged += [(h, i) for h in hd]
        found = _plan(tagged) if tagged is not None else ()
        _HEADS.set(key, found)
    return found or None


def _finditer_parts(doc: "Document", regex: LazyAlternation, plan: Plan) -> Iterator[re.Match] | None:
    """The whole alternation's matches, found by trying, at each possible start, only the
    parts that can begin there, first part first; None when the whole pattern should be
    compiled instead (many parts needed, or many drafts scanned)."""
    regex.scans += 1
    if regex.scans > MOST_PART_SCANS:
        return None
    index = word_starts(doc)
    by_place = index.tagged(plan)
    if len(set().union(*by_place.values())) - regex.parts_compiled() > MOST_PARTS:
        return None
    places = index.places
    return _run_plan(doc.prose, regex, [(places[k], sorted(by_place[k])) for k in sorted(by_place)])


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
    """False only when no match of ``regex`` can start in ``doc.prose[lo:hi]``: its heads
    are known and no word there starts one. Lets a rule skip (and never compile) a context
    pattern whose first words are absent from the sentence."""
    plan = _plan_of_pattern(regex)
    if plan is None:
        return True
    starts = doc.derived(("word-heads", regex.pattern, regex.flags), lambda: word_starts(doc).starting(plan))
    k = bisect.bisect_left(starts, lo)
    return k < len(starts) and starts[k] < hi


# id(regexes) -> (regexes, Plan or None, numbers of the regexes whose heads are unknown)
_GROUP_PLANS: dict[int, tuple] = {}


def _group_plan(regexes: tuple) -> tuple["Plan | None", frozenset]:
    """The heads of all of ``regexes`` in one :class:`Plan`, each tagged with its regex's
    number, and the numbers of the regexes whose heads are unknown (read once per tuple)."""
    entry = _GROUP_PLANS.get(id(regexes))
    if entry is None or entry[0] is not regexes:
        if len(_GROUP_PLANS) >= MOST_PATTERNS:
            _GROUP_PLANS.clear()
        tagged: list = []
        unknown = []
        for k, rx in enumerate(regexes):
            plan = plan_of(rx)
            if plan is None:
                unknown.append(k)
            else:
                tagged += [(h, k) for h, _t in plan.heads]
        entry = _GROUP_PLANS[id(regexes)] = (regexes, _plan(tagged) if tagged else None, frozenset(unknown))
    return entry[1], entry[2]


def may_match_some(doc: "Document", regexes: tuple, lo: int, hi: int) -> "set[int] | frozenset[int]":
    """The numbers of the regexes in ``regexes`` that :func:`may_match_in` does not rule out
    in ``doc.prose[lo:hi]``, found with one pass over the draft's words for all of them (a
    rule's exception patterns are asked about together, at every hit)."""
    plan, unknown = _group_plan(regexes)
    if plan is None:
        return unknown

    def compute() -> tuple:
        index = word_starts(doc)
        by_place = index.tagged(plan, loose=True)
        places = index.places
        order = sorted(by_place)
        return regexes, [places[k] for k in order], [by_place[k] for k in order]

    key = ("group-heads", id(regexes))
    found = doc.derived(key, compute)
    if found[0] is not regexes:  # (another tuple of the same id, once this one was freed)
        found = doc._derived[key] = compute()
    offsets, tags = found[1], found[2]
    a = bisect.bisect_left(offsets, lo)
    b = bisect.bisect_left(offsets, hi, a)
    if a == b:
        return unknown
    return set(unknown).union(*tags[a:b])


def finditer(doc: "Document", regex: re.Pattern) -> Iterator[re.Match]:
    """The matches of ``regex.finditer(doc.prose)``, found by trying only possible starts."""
    if isinstance(regex, LazyAlternation) and not regex.is_compiled:
        parts = part_plan(regex)
        if parts is not None:
            found = _finditer_parts(doc, regex, parts)
            if found is not None:
                yield from found
                return
    plan = _plan_of_pattern(regex)
    prose = doc.prose
    if plan is None:
        yield from regex.finditer(prose)
        return
    match = regex.match
    after = 0
    for pos in word_starts(doc).starting(plan):
        if pos < after:
            continue
        m = match(prose, pos)
        if m is not None:
            # Every possible start begins with a literal, so no match is empty and the
            # next one starts at or after this one's end, as in finditer.
            yield m
            after = m.end()
