"""The words of a draft's prose, found once and shared by every module that reads words.

A token is a maximal run of letters and digits joined by inner apostrophes, periods,
hyphens (``-``, ``‐``, ``‑``), en dashes and invisible characters (zero-width spaces, soft
hyphens...): ``[^\\W_](?:[\\w'’.\\-‐‑–…]*[^\\W_])?``. That is the widest word any reader
of the prose needs. The narrower words other modules use (plain words, the fact matcher's
name tokens, the ``\\w+`` runs of the word-start index) never cross a token's edges (a
name token may take the closing period of "U.S."), so each is read off the table: a
token of letters and digits only (97 in 100 in real news copy) is already such a word,
and only the few others are split again, within their own span. (A word character no
token starts or ends with, the underscore, is the exception: readers that must see it
scan prose that has one afresh.)

The table is three parallel lists (starts, ends, texts), built with C-level calls (one
``re.split``, a running sum of lengths, slices) rather than a Python loop per word: a draft has hundreds of words and every rule pass used
to pay for its own scan of them.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, compress
from operator import not_
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..document import Document

#: Characters that show nothing (zero-width space, joiner, non-joiner, word joiner, soft
#: hyphen, stray byte-order mark); a word is read across them.
INVISIBLE = "\u200b\u200c\u200d\u2060\u00ad\ufeff"
#: What may stand inside a token between its letters and digits, besides ``\\w``.
INNER = "'’.-‐‑–" + INVISIBLE
TOKEN = re.compile(r"[^\W_](?:[\w'’.\-‐‑–" + INVISIBLE + r"]*[^\W_])?")
# TOKEN's matches, found faster: runs of letters and digits joined by runs of the inner
# characters (and the underscore, which a token may hold but not start or end with). The
# runs are taken whole, never given back (possessive), so the scanner does not back off the
# greedy ``[\w...]*`` one character at a time to find the token's last letter. The two
# agree on every text (tests/test_text_tokens.py checks them against each other).
_SCAN = re.compile(r"[^\W_]++(?:[_" + INNER.replace("-", "\\-") + r"]++[^\W_]++)*+")
# Split at the tokens, keeping them: [gap, token, gap, token, ..., gap]. The running sum of
# the pieces' lengths gives every token's start and end without a match object per token.
_SPLIT = re.compile("(" + _SCAN.pattern + ")")
# What the document's plain words (``[^\W_](?:[\w'’.-]*[^\W_])?``) do not join across.
_NOT_IN_WORD = "‐‑–" + INVISIBLE
_NOT_IN_WORD_CHAR = re.compile("[" + _NOT_IN_WORD + "]")
_WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")



class Tokens:
    """The prose's tokens as parallel lists, in text order."""

    __slots__ = ("prose", "starts", "ends", "texts", "_not_alnum", "_words", "_cols")

    def __init__(self, prose: str) -> None:
        pieces = _SPLIT.split(prose)
        offsets = list(accumulate(map(len, pieces)))  # [start, end, start, end, ..., len(prose)]
        self.prose = prose
        self.starts: list[int] = offsets[0:-1:2]
        self.ends: list[int] = offsets[1::2]
        self.texts: list[str] = pieces[1::2]
        self._not_alnum: list[int] | None = None
        self._words: list[tuple[int, int, str]] | None = None
        self._cols: tuple[list[int], list[int], list[str]] | None = None

    def __len__(self) -> int:
        return len(self.texts)

    def not_alnum(self) -> list[int]:
        """Indexes of the tokens that are not letters and digits only (apostrophes,
        periods, hyphens, dashes or invisible characters inside): the ones a narrower
        word definition may split."""
        if self._not_alnum is None:
            self._not_alnum = list(compress(range(len(self.texts)), map(not_, map(str.isalnum, self.texts))))
        return self._not_alnum

    def words(self) -> list[tuple[int, int, str]]:
        """The plain words as (start, end, text): tokens, split at en dashes, the rarer
        hyphens and invisible characters (which only the speller reads across)."""
        if self._words is None:
            self._words = list(zip(*self.word_columns()))
        return self._words

    def word_columns(self) -> tuple[list[int], list[int], list[str]]:
        """:meth:`words` as three parallel lists (starts, ends, texts): the token table's
        own lists when no token is split (most drafts), without a tuple per word."""
        if self._cols is None:
            split = self._with_not_in_word()
            if not split:
                self._cols = (self.starts, self.ends, self.texts)
            else:
                starts: list[int] = []
                ends: list[int] = []
                texts: list[str] = []
                done = 0
                for i in split:
                    starts += self.starts[done:i]
                    ends += self.ends[done:i]
                    texts += self.texts[done:i]
                    for m in _WORD.finditer(self.prose, self.starts[i], self.ends[i]):
                        starts.append(m.start())
                        ends.append(m.end())
                        texts.append(m.group())
                    done = i + 1
                starts += self.starts[done:]
                ends += self.ends[done:]
                texts += self.texts[done:]
                self._cols = (starts, ends, texts)
        return self._cols

    def _with_not_in_word(self) -> list[int]:
        """Indexes of the tokens with a character that plain words do not join across,
        in order: found where those characters are in the prose (most drafts have none,
        and most en dashes stand between words, not inside a token)."""
        out: list[int] = []
        starts, ends = self.starts, self.ends
        for m in _NOT_IN_WORD_CHAR.finditer(self.prose):
            i = bisect_right(starts, m.start()) - 1
            if i >= 0 and m.start() < ends[i] and (not out or out[-1] != i):
                out.append(i)
        return out

    def word_texts(self) -> list[str]:
        """The texts of :meth:`words`, in order."""
        return self.word_columns()[2]


def tokens(doc: "Document") -> Tokens:
    """The document's token table, built once."""
    return doc.derived("tokens", lambda: Tokens(doc.prose))


def words(doc: "Document") -> list[tuple[int, int, str]]:
    """The document's plain words as (start, end, text) (see :meth:`Tokens.words`)."""
    return tokens(doc).words()


def word_columns(doc: "Document") -> tuple[list[int], list[int], list[str]]:
    """The document's plain words as parallel lists (starts, ends, texts)."""
    return tokens(doc).word_columns()


def word_texts(doc: "Document") -> list[str]:
    """The texts of the document's plain words, in order."""
    return tokens(doc).word_texts()

