"""Tokens and normalisation for matching names and titles (edit distance: :mod:`lint.text.distance`).

Names and titles are matched token by token. A token is a word (letters and digits,
with inner apostrophes) or a dotted abbreviation (``U.S.``, ``J.D.``). Hyphens split
tokens but are remembered, so ``Jean-Claude`` and ``ex-Chancellor`` both work.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from itertools import repeat
from typing import TYPE_CHECKING, NamedTuple

from ..text import tokens as text_tokens
from ..text.lazyre import lazy

if TYPE_CHECKING:  # pragma: no cover
    from ..document import Document

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
    return doc.derived("fact-tokens", lambda: _from_table(text_tokens.tokens(doc)))


_new = tuple.__new__


def _from_table(table: "text_tokens.Tokens") -> list[Token]:
    prose = table.prose
    if "_" in prose:
        return tokenize(prose)  # an underscore may join a token to what follows it: rare
    # A token of letters and digits only is one token here too, without a possessive or
    # a hyphen before it: built in C for all, then the others are split in their spans.
    texts, ends = table.texts, table.ends
    joined = "\n".join(texts)
    # ASCII words need no accents stripped: one casefold of them all (the others' keys are
    # made again below).
    keys = joined.casefold().split("\n") if joined.isascii() and texts else list(map(norm, texts))
    out = list(map(_new, repeat(Token), zip(table.starts, ends, texts, keys, ends, repeat(False))))
    n = len(prose)
    inner = text_tokens.INNER
    for i in reversed(table.not_alnum()):
        end = ends[i]
        while end < n and prose[end] in inner:
            end += 1  # the closing period of "U.S." is part of the token here
        out[i:i + 1] = tokenize(prose, table.starts[i], end)
    return out


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
