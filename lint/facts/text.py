"""Tokens and normalisation for matching names and titles (edit distance: :mod:`lint.text.distance`).

Names and titles are matched token by token. A token is a word (letters and digits,
with inner apostrophes) or a dotted abbreviation (``U.S.``, ``J.D.``). Hyphens split
tokens but are remembered, so ``Jean-Claude`` and ``ex-Chancellor`` both work.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import compress, repeat
from operator import not_
from typing import TYPE_CHECKING, NamedTuple

from ..text import tokens as text_tokens
from ..text.lazyre import lazy

if TYPE_CHECKING:  # pragma: no cover
    from ..document import Document
    from ..wordstarts import WordStarts

_TOKEN = lazy(r"(?:[^\W\d_]\.){2,}|[^\W_]\w*(?:['’]\w+)*")


class Token(NamedTuple):
    # A named tuple rather than a frozen dataclass: a draft has thousands of tokens and
    # a frozen dataclass's __init__ costs several times a tuple's.
    start: int
    end: int  # end of the word without a possessive 's
    text: str  # as written (without the possessive)
    key: str  # normalised: accents stripped, case folded, dots dropped
    full_end: int  # end including a possessive 's
    hyphen_before: bool  # joined to the previous token by a hyphen


def strip_accents(s: str) -> str:
    if s.isascii():
        return s
    decomposed = unicodedata.normalize("NFKD", s)
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    return out.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O").replace("đ", "d")


@lru_cache(maxsize=65536)
def norm(word: str) -> str:
    """The key a token is matched by: no accents, no dots, curly apostrophes straightened, folded."""
    return strip_accents(word).replace("’", "'").replace(".", "").casefold()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    out: list[Token] = []
    append = out.append
    new = tuple.__new__  # the named tuple's own __new__ is a Python function: slower
    prev_end = -1
    for m in _TOKEN.finditer(text, start, end):
        s, full_end = m.span()
        word = m.group()
        e = full_end
        if word[-1] in "sS" and len(word) > 3 and word[-2] in "'’":
            word = word[:-2]
            e -= 2
        hyphen = s == prev_end + 1 and prev_end >= 0 and text[prev_end] in "-‐‑"
        append(new(Token, (s, e, word, norm(word), full_end, hyphen)))
        prev_end = full_end
    return out


def prose_tokens(doc: "Document") -> list[Token]:
    """``tokenize(doc.prose)``, read off the document's token table (:mod:`lint.text.tokens`)
    rather than scanned again, and kept on the document."""
    return doc.derived("fact-tokens", lambda: list(token_columns(doc)))


def token_columns(doc: "Document") -> "TokenColumns":
    """The same tokens as :func:`prose_tokens`, as parallel lists (kept on the document)."""
    return doc.derived("fact-token-columns", lambda: _columns(doc))


def _columns(doc: "Document") -> "TokenColumns":
    from .. import wordstarts

    table = text_tokens.tokens(doc)
    # Without an underscore the draft's word index is read off the same table (its words
    # are the table's tokens, those not letters and digits only split into their runs):
    # its lower-case words are the keys of the plain tokens, already made.
    return _from_table(table, None if "_" in table.prose else wordstarts.word_starts(doc))


_new = tuple.__new__


class TokenColumns:
    """A draft's tokens as parallel lists, one per :class:`Token` field.

    A draft has hundreds of tokens and the fact rules look closely at a few dozen of them
    (capitalised words and their neighbours): whole-draft scans read the lists with C-level
    ``map``/``compress`` calls, and a :class:`Token` is made only when one is asked for
    (``cols[i]``, ``cols[i:j]``, iteration), so most are never made at all."""

    __slots__ = ("starts", "ends", "texts", "keys", "full_ends", "hyphens")

    def __init__(self, starts: list[int], ends: list[int], texts: list[str], keys: list[str],
                 full_ends: list[int], hyphens: list[bool]) -> None:
        self.starts, self.ends, self.texts, self.keys = starts, ends, texts, keys
        self.full_ends, self.hyphens = full_ends, hyphens

    @classmethod
    def of(cls, tokens: list[Token]) -> "TokenColumns":
        if not tokens:
            return cls([], [], [], [], [], [])
        return cls(*map(list, zip(*tokens)))

    def __len__(self) -> int:
        return len(self.starts)

    def _zip(self, part: slice | None = None):
        cols = (self.starts, self.ends, self.texts, self.keys, self.full_ends, self.hyphens)
        return zip(*cols) if part is None else zip(*(c[part] for c in cols))

    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(map(_new, repeat(Token), self._zip(i)))
        return _new(Token, (self.starts[i], self.ends[i], self.texts[i], self.keys[i], self.full_ends[i],
                            self.hyphens[i]))

    def __iter__(self):
        return map(_new, repeat(Token), self._zip())


def _from_table(table: "text_tokens.Tokens", index: "WordStarts | None" = None) -> TokenColumns:
    """The columns of ``table``'s prose; ``index``, when given, is the word index read off
    this table (:func:`lint.wordstarts.word_starts` of prose without an underscore)."""
    prose = table.prose
    # A token of letters and digits only is one token here too, without a possessive or
    # a hyphen before it: read as it is, then the others are split in their spans.
    texts, ends, starts = table.texts, table.ends, table.starts
    keys = _index_keys(table, index) if index is not None else None
    if keys is None:
        # One case fold of all the words joined (sequential work in C); the few words with
        # other than ASCII letters get the full ``norm`` (accents stripped) after.
        joined = "\n".join(texts)
        keys = joined.casefold().split("\n") if texts else []
        if not joined.isascii():
            for i in compress(range(len(texts)), map(not_, map(str.isascii, texts))):
                keys[i] = norm(texts[i])
    split = table.not_alnum()
    if "_" in prose:
        # An underscore is a word character here: a table token with one after it (past
        # any dots, apostrophes or hyphens) may run on into it ("snake_ case"). Split too.
        split = sorted({*split, *_before_underscore(table)})
    if not split:
        # The table's lists are shared read-only; only a split needs copies.
        return TokenColumns(starts, ends, texts, keys, ends, [False] * len(texts))
    starts, ends, texts = list(starts), list(ends), list(texts)
    full_ends, hyphens = list(ends), [False] * len(texts)
    n = len(prose)
    inner = _INNER
    for i in reversed(split):
        end = ends[i]
        while end < n and prose[end] in inner:
            end += 1  # the closing period of "U.S." (or an underscore) is part of the token here
        if end > ends[i] and "_" in prose[ends[i]:end]:
            found = tokenize(prose, starts[i], end)  # "a’b'_": the shapes _split makes may run on
        else:
            found = _split(prose, starts[i], end, texts[i])
        here = slice(i, i + 1)
        starts[here], ends[here], texts[here], keys[here], full_ends[here], hyphens[here] = (
            zip(*found) if found else ((),) * 6)
    return TokenColumns(starts, ends, texts, keys, full_ends, hyphens)


def _index_keys(table: "text_tokens.Tokens", index: "WordStarts") -> list[str] | None:
    """The keys of the table's tokens of letters and digits only (those of the others are
    made when they are split), from the word index's lower-case words: there each such
    token is one word, and each other token is the words of its ``\\w+`` runs. Lower case
    is the case fold of ASCII; a word with other letters gets the full ``norm``. None when
    the index does not line up with the table."""
    words, places = index.words, index.places
    texts, ends = table.texts, table.ends
    keys: list[str] = []
    r = done = 0  # the next word of the index; the next token of the table
    left = bisect_left
    for j in table.not_alnum():
        keys += words[r:r + j - done]  # the plain tokens before token j, one word each
        keys.append("")  # token j's key is made when it is split
        r = left(places, ends[j], r + j - done)  # past token j's runs
        done = j + 1
    keys += words[r:]
    if len(keys) != len(texts) or len(places) != len(words):
        return None
    if index.odd:
        starts = table.starts
        for q in index.odd:
            i = bisect_right(starts, places[q]) - 1
            if keys[i]:  # (a token that is split has no key yet)
                keys[i] = norm(texts[i])
    return keys


# What a table token may be followed by that a token here may take in. Past the run of these
# after a table token comes no letter or digit (the table would have taken the run and it
# in), so no token here runs across the run's end: a split within it is a fresh tokenize.
_INNER = text_tokens.INNER + "_"


def _before_underscore(table: "text_tokens.Tokens") -> list[int]:
    """Indexes of the table tokens followed by a run of :data:`_INNER` with an underscore."""
    prose, ends = table.prose, table.ends
    out = []
    n = len(prose)
    p = prose.find("_")
    while p >= 0:
        q = r = p
        while q > 0 and prose[q - 1] in _INNER:
            q -= 1
        while r < n and prose[r] in _INNER:
            r += 1  # the rest of the run: its other underscores lead back to the same token
        i = bisect_left(ends, q)
        if i < len(ends) and ends[i] == q:
            out.append(i)
        p = prose.find("_", r)
    return out


def _split(prose: str, start: int, end: int, text: str) -> list[Token]:
    """``tokenize(prose, start, end)`` for a table token ``text`` at ``start`` (``end`` may
    take in the dots, apostrophes or hyphens after it), with the two common shapes of
    news copy made directly: one apostrophe inside ("O'Neill", "Trump's", "don’t": one
    token, its possessive cut) and one ASCII hyphen inside ("well-known": two tokens, the
    second joined by the hyphen). A table token starts and ends with a letter or digit, so
    nothing after it in ``end`` starts a token of its own."""
    plain = text.replace("’", "'")
    if plain.count("'") == 1 and plain.replace("'", "").isalnum():
        word = text
        e = full_end = start + len(text)
        if word[-1] in "sS" and len(word) > 3 and word[-2] in "'’":
            word = word[:-2]
            e -= 2
        return [_new(Token, (start, e, word, norm(word), full_end, False))]
    if text.count("-") == 1:
        head, _, tail = text.partition("-")
        if head.isalnum() and tail.isalnum():
            mid = start + len(head)
            return [_new(Token, (start, mid, head, norm(head), mid, False)),
                    _new(Token, (mid + 1, mid + 1 + len(tail), tail, norm(tail), mid + 1 + len(tail), True))]
    return tokenize(prose, start, end)


def words(phrase: str) -> list[str]:
    """The token texts of a name or title as written in a pack."""
    return [t.text for t in tokenize(phrase)]


def norm_phrase(phrase: str) -> str:
    return " ".join(norm(w) for w in words(phrase))


def key_tuple(phrase: str) -> tuple[str, ...]:
    return tuple(norm(w) for w in words(phrase))


def near_limit(word: str) -> int:
    """How many edits a misspelling of ``word`` may be: 1, or 2 for long words."""
    n = len(word)
    if n < 4:
        return 0
    if n < 7:
        return 1
    return 2


def deletes(word: str) -> set[str]:
    """Single-deletion variants (for a symmetric-delete near-miss index)."""
    return {word[:i] + word[i + 1:] for i in range(len(word))}


ROMAN = lazy(r"^(?=[MDCLXVI])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")
SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "v"}
PARTICLES = {"von", "van", "der", "den", "de", "da", "di", "du", "dos", "das", "del", "della", "la", "le",
             "bin", "ibn", "al", "el", "ter", "ten", "zu", "y", "e", "st"}
HONORIFICS = {"sir", "dame", "lord", "lady", "baroness", "baron", "prince", "princess", "king", "queen",
              "pope", "emperor", "sheikh", "dr", "mr", "mrs", "ms", "mx", "prof", "rev", "emperor emeritus"}


@lru_cache(maxsize=65536)
def tokens_of(phrase: str) -> tuple[Token, ...]:
    """``tokenize`` for the short, often repeated strings of a fact pack (cached)."""
    return tuple(tokenize(phrase))
