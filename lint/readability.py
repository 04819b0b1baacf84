"""Readability statistics of a draft: words, sentences, syllables, Flesch scores.

The formulas are the classic ones textstat implements: Flesch reading ease (Flesch,
1948) and the Flesch-Kincaid grade level (Kincaid et al., 1975). Counts come from the
parsed document rather than from re-splitting the raw text, so "U.S." does not end a
sentence, Markdown markup and front matter are not words, and headlines (which are not
sentences) are left out.

Syllables are counted with a fast rule-based estimator (vowel groups corrected for
silent endings and common English spellings). textstat 0.7.13 counts English syllables
with CMUdict through nltk, which costs about 0.4 s to import and downloads the
dictionary from the internet on first use; newslint must start fast and work offline,
so textstat is used only when a config asks for it (``settings: {readability:
{syllables: textstat}}``) and falls back to the estimator when it cannot run.
"""
from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from itertools import chain
from typing import TYPE_CHECKING, Callable, Iterable, NamedTuple

from . import sharedmemo
from .text import tokens as text_tokens


if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

# Words: letters and digits with inner apostrophes, hyphens, periods and digit separators.
WORD = re.compile(r"[^\W_](?:[\w’'.,-]*[^\W_])?")
_LETTERS = re.compile(r"[^a-z]")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")

# Adjustments to the vowel-group count (after a final silent "e" is dropped): each one that
# applies adds or takes one. Plain letter sequences are tested with ``in`` and ``endswith``
# (many times faster than a regex search; a word is counted once per run, but a run meets
# tens of thousands of words); the rest are patterns.
_SUBTRACT_IN = ("cial", "tia", "cius", "cious", "giu", "ion", "iou")
# Patterns with the plain letters a word must end with (or hold) for them to match: the
# cheap test rules out most words before the search.
_SUBTRACT = tuple((tail, re.compile(p)) for tail, p in (
    (("es",), r"[aeiouy][^aeiouycgsxzd]es$"),  # makes, times: the e of -es is silent
    (("ed",), r"[^aeiouytd]ed$"),  # raised, killed: -ed is not a syllable after most consonants
    (("ment", "ments", "ful", "less", "ness"), r"[aeiouy][^aeiouy]e(?:ment|ments|ful|less|ness)$"),  # statement, hopeful: a silent inner e
    (("man", "men", "person", "people"), r"[aeiouy][^aeiouy]es(?:man|men|woman|women|person|people)$"),  # spokesman
))
_ADD_IN = ("ia", "riet", "dien", "iu", "io", "ii", "tiat", "ayo")
_ADD = tuple((part, re.compile(p)) for part, p in (
    ("", r"[aeiou]{3}"), ("lien", r"[^l]lien"), ("coa", r"^coa[dglx]."), ("ua", r"[^gq]ua[^auieo]"),
))

_EXCEPTIONS = {
    "every": 2, "everything": 3, "everyone": 3, "evening": 2, "business": 2, "businesses": 3,
    "family": 3, "different": 3, "interest": 3, "several": 3, "chocolate": 3, "vegetable": 4,
    "police": 2, "people": 2, "because": 2, "create": 2, "created": 3, "being": 2, "doing": 2,
    "going": 2, "seeing": 2, "ukraine": 2, "europe": 2, "eu": 2, "uk": 2, "us": 1, "un": 2,
    "said": 1, "says": 1, "fire": 1, "hour": 1, "hours": 1, "our": 1, "prime": 1, "minister": 3,
    "queue": 1, "whole": 1, "where": 1, "there": 1, "here": 1, "were": 1, "more": 1, "before": 2,
    "therefore": 2, "somewhere": 2, "anywhere": 3, "one": 1, "once": 1, "none": 1, "done": 1,
    "gone": 1, "some": 1, "come": 1, "become": 2, "someone": 2, "lives": 1, "gives": 1,
    "moves": 1, "lives'": 1, "years": 1, "year": 1, "area": 3, "idea": 3, "media": 3,
    "military": 4, "february": 4, "january": 4, "million": 2, "billion": 2, "trillion": 2,
    "percent": 2, "naive": 2, "poem": 2, "quiet": 2, "science": 2,
}


#: Words whose count is remembered before the memo starts afresh (checked once a draft).
SYLLABLE_MEMO_SIZE = 200_000

# Every word's count, by the word as written. A plain dict: the body's words are looked up
# with C-level ``map(memo.__getitem__, ...)`` once the draft's new words are counted (a
# thousand drafts hold half a million words but only some 35,000 distinct ones). Its size
# is kept in bounds by _memo_for. The estimator is the same in every process, so the
# workers of a --jobs run pass each other their counts (see lint.sharedmemo).
_MEMO: dict[str, int] = {}
sharedmemo.share("syllables", _MEMO)

# The adjustments below that test how a word ends, all in one tuple: a word that ends with
# none of them (most words) skips those tests with one ``endswith``.
# What every part of _SUBTRACT_IN and _ADD_IN holds (an "i" before a vowel, or "ayo"):
# a word without it holds none of them (tests/test_hot_paths.py checks each part has it).
_ANY_PART = re.compile(r"i[aeiou]|ayo")
_TAILS = ("sia", "ely", "ism", "dnt", "ea", *(t for tails, _rx in _SUBTRACT for t in tails))


def syllables(word: str) -> int:
    """Estimated syllables of one word (numbers count one per digit group, at least 1)."""
    n = _MEMO.get(word)
    if n is None:
        n = _MEMO[word] = _estimate(word)
    return n


def _estimate(word: str) -> int:
    w = word.lower().replace("’", "'")
    known = _EXCEPTIONS.get(w)
    if known is not None:
        return known
    if not w.isalpha():  # (most words are letters only: the tests below are for the rest)
        if not any(map(str.isalpha, w)):
            return max(1, len(re.findall(r"\d+", w)))
        if "-" in w:
            return sum(syllables(part) for part in w.split("-") if part)
    if not w.isascii() or not w.isalpha():
        w = _LETTERS.sub("", w)
    if len(w) <= 3:
        return 1
    count = 0
    if w[-1] == "e" and not w.endswith(("ee", "ye")):
        w = w[:-1]
        if w[-1] == "l" and w[-2] not in "aeiouy":
            count += 1  # table, people: the silent e leaves a syllabic l
    count += len(_VOWEL_GROUPS.findall(w))
    # Each part of _SUBTRACT_IN the word holds takes one, each of _ADD_IN adds one (most
    # words hold none: one search rules them all out).
    if _ANY_PART.search(w):
        count += sum(map(w.__contains__, _ADD_IN)) - sum(map(w.__contains__, _SUBTRACT_IN))
    if w.endswith(_TAILS):
        if w.endswith("sia"):
            count -= 1
        if len(w) >= 4 and w.endswith("ely"):
            count -= 1
        for tail, rx in _SUBTRACT:
            if w.endswith(tail) and rx.search(w):
                count -= 1
        if w.endswith("ism"):
            count += 1
        if w.endswith("dnt"):
            count += 1
        if len(w) >= 4 and w.endswith("ea"):
            count += 1
    if w.startswith("mc"):
        count += 1
    for part, rx in _ADD:
        if part in w and rx.search(w):
            count += 1
    return max(1, count)


def _textstat_counter() -> Callable[[str], int] | None:
    """textstat's syllable counter, when it is installed and can run offline."""
    try:
        import textstat  # noqa: PLC0415 - optional, slow to import

        textstat.syllable_count("test")
    except Exception as exc:  # LookupError (no CMUdict), OSError, ImportError...
        if not getattr(_textstat_counter, "warned", False):
            _textstat_counter.warned = True  # type: ignore[attr-defined]
            sys.stderr.write(f"newslint: warning: textstat cannot count syllables here ({type(exc).__name__});"
                             " using the built-in estimator\n")
        return None
    return textstat.syllable_count


class Stats(NamedTuple):
    """Readability of one draft's body text (headlines excluded)."""

    words: int
    sentences: int
    paragraphs: int
    syllables: int
    reading_ease: float
    grade_level: float
    average_sentence_words: float
    longest_sentence_words: int
    longest_sentence_line: int | None
    longest_paragraph_words: int
    desk: str | None = None

    def as_dict(self) -> dict:
        return self._asdict()


class Unit(NamedTuple):
    """A sentence or paragraph with its word count, for the rules."""

    start: int
    end: int
    words: int
    syllables: int


def flesch_reading_ease(words: int, sentences: int, syllables_: int) -> float:
    if not words or not sentences:
        return 0.0
    return round(206.835 - 1.015 * (words / sentences) - 84.6 * (syllables_ / words), 1)


def flesch_kincaid_grade(words: int, sentences: int, syllables_: int) -> float:
    if not words or not sentences:
        return 0.0
    return round(0.39 * (words / sentences) + 11.8 * (syllables_ / words) - 15.59, 1)


def desk_of(doc: "Document") -> str | None:
    desk = doc.metadata.get("desk") if isinstance(doc.metadata, dict) else None
    return str(desk).strip().lower() if desk not in (None, "") else None


# Where the document's tokens (lint.text.tokens) and WORD's words may differ: a comma between
# two word characters (WORD reads "1,000" as one word, the token table as two) and the
# dashes and invisible characters a token is read across but a word is not. A sentence
# without one has exactly its tokens as words. The pattern opens with a character class
# (the comma's neighbours are tested after it) so that ``re`` can skip ahead in C.
_NOT_TOKENS = re.compile(r"[,‐‑–" + text_tokens.INVISIBLE + r"](?:(?<=[\w’'.,-],)(?=[\w’'.,-])|(?<!,))")


class _Sentence(NamedTuple):
    paragraph: int  # index in the body's blocks
    start: int
    end: int
    words: list[str]


def _body_words(doc: "Document") -> list[_Sentence]:
    """The body's sentences with words (headings, article parts such as bylines and
    captions, page furniture and reader comments left out), with those words. Cached.

    The words are ``WORD.findall`` of the sentence, read off the token table where that is
    the same (no token crosses the sentence's edges and nothing in it is read differently:
    see _NOT_TOKENS) and scanned afresh elsewhere."""
    return doc.derived("body-words", lambda: _read_body_words(doc))


def _read_body_words(doc: "Document") -> list[_Sentence]:
    prose = doc.prose
    body = doc.body_blocks  # no headings, bylines, captions, page furniture or reader comments
    starts = [b.start for b in body]
    table = text_tokens.tokens(doc)
    t_starts, t_ends, t_texts = table.starts, table.ends, table.texts
    odd = [m.start() for m in _NOT_TOKENS.finditer(prose)]
    findall = WORD.findall
    new = tuple.__new__  # the named tuple's own __new__ is a Python function: slower
    out: list[_Sentence] = []
    for s in doc.sentences:
        i = bisect_right(starts, s.start) - 1
        if i < 0 or not (body[i].start <= s.start < body[i].end):
            continue
        start, end = s.start, s.end
        a = bisect_left(t_starts, start)
        b = bisect_left(t_starts, end, a)
        if (a and t_ends[a - 1] > start) or (b and t_ends[b - 1] > end) or \
                (odd and bisect_left(odd, start) < bisect_left(odd, end)):
            words = findall(prose, start, end)
        else:
            words = t_texts[a:b]
        if words:
            out.append(new(_Sentence, (i, start, end, words)))
    return out


def body_counts(doc: "Document") -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    """The body's sentences and paragraphs as (start, end, words): what the length rules
    need, without syllables. Cached."""
    return doc.derived("body-counts", lambda: _body_counts(doc))


def _body_counts(doc: "Document") -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    body = doc.body_blocks
    sentences = []
    totals = [0] * len(body)
    for s in _body_words(doc):
        n = len(s.words)
        sentences.append((s.start, s.end, n))
        totals[s.paragraph] += n
    paragraphs = [(b.start, b.end, w) for b, w in zip(body, totals) if w]
    return sentences, paragraphs


def _memo_for(counter: Callable[[str], int], words: Iterable[str]) -> Callable[[str], int]:
    """A counter as fast as a dict lookup for ``words``: the built-in estimator's memo,
    with any of them not in it yet counted first (each distinct word once)."""
    if counter is not syllables:
        return counter
    if len(_MEMO) > SYLLABLE_MEMO_SIZE:
        _MEMO.clear()  # an archive of drafts must not grow the process
    memo = _MEMO
    for w in set(words).difference(memo):
        memo[w] = _estimate(w)
    return memo.__getitem__


def body_syllables(doc: "Document", counter: Callable[[str], int] = syllables) -> int:
    """The syllables of the body's words. Cached."""
    return doc.derived(("body-syllables", counter), lambda: _body_syllables(doc, counter))


def _body_syllables(doc: "Document", counter: Callable[[str], int]) -> int:
    words = list(chain.from_iterable(s.words for s in _body_words(doc)))
    return sum(map(_memo_for(counter, words), words))


def body_units(doc: "Document", counter: Callable[[str], int] = syllables) -> tuple[list[Unit], list[Unit]]:
    """The body's sentences and paragraphs (see :func:`_body_words`), with word and
    syllable counts. Cached."""
    return doc.derived(("body-units", counter), lambda: _body_units(doc, counter))


def _body_units(doc: "Document", counter: Callable[[str], int]) -> tuple[list[Unit], list[Unit]]:
    found = _body_words(doc)
    count = _memo_for(counter, chain.from_iterable(s.words for s in found))
    body = doc.body_blocks
    sentences: list[Unit] = []
    totals = [[0, 0] for _ in body]  # words and syllables per paragraph, summed from its sentences
    for s in found:
        w, syl = len(s.words), sum(map(count, s.words))
        sentences.append(Unit(s.start, s.end, w, syl))
        totals[s.paragraph][0] += w
        totals[s.paragraph][1] += syl
    paragraphs = [Unit(b.start, b.end, w, syl) for b, (w, syl) in zip(body, totals) if w]
    return sentences, paragraphs


def document_stats(doc: "Document", counter: Callable[[str], int] | None = None) -> Stats:
    sentences, paragraphs = body_units(doc, counter or syllables)
    words = sum(u.words for u in paragraphs)
    syl = sum(u.syllables for u in paragraphs)
    n = len(sentences)
    longest = max(sentences, key=lambda u: u.words, default=None)
    return Stats(
        words=words,
        sentences=n,
        paragraphs=len(paragraphs),
        syllables=syl,
        reading_ease=flesch_reading_ease(words, n, syl),
        grade_level=flesch_kincaid_grade(words, n, syl),
        average_sentence_words=round(words / n, 1) if n else 0.0,
        longest_sentence_words=longest.words if longest else 0,
        longest_sentence_line=doc.line_col(longest.start)[0] if longest else None,
        longest_paragraph_words=max((u.words for u in paragraphs), default=0),
        desk=desk_of(doc),
    )


def combined_stats(parts: "list[tuple[Stats, int]]") -> Stats:
    """The statistics of a draft linted in pieces: each piece's, with the lines before it."""
    words = sum(s.words for s, _ in parts)
    n = sum(s.sentences for s, _ in parts)
    syl = sum(s.syllables for s, _ in parts)
    longest, before = max(parts, key=lambda p: p[0].longest_sentence_words)
    return Stats(
        words=words,
        sentences=n,
        paragraphs=sum(s.paragraphs for s, _ in parts),
        syllables=syl,
        reading_ease=flesch_reading_ease(words, n, syl),
        grade_level=flesch_kincaid_grade(words, n, syl),
        average_sentence_words=round(words / n, 1) if n else 0.0,
        longest_sentence_words=longest.longest_sentence_words,
        longest_sentence_line=longest.longest_sentence_line + before if longest.longest_sentence_line else None,
        longest_paragraph_words=max(s.longest_paragraph_words for s, _ in parts),
        desk=parts[0][0].desk,
    )


def counter_for(section: dict) -> Callable[[str], int]:
    """The syllable counter a config's ``readability`` settings ask for."""
    if section.get("syllables") == "textstat":
        return _textstat_counter() or syllables
    return syllables
