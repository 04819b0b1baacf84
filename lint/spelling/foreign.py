"""Text that is not English: a whole draft, a sentence in it, or a phrase inside a sentence.

A speller that checks German copy against an English word list reports most of its words;
one that checks "res ipsa loquitur" reports the Latin. The signal here is cheap and needs
no language model: English prose is dense with a few function words ("the", "of", "and",
"is", "that" make about a fifth of any English text), while a passage in another language
has almost none of them and many words the English word list does not know.

It is asked only about sentences that hold a spelling finding, so English drafts (most of
them, with no finding or a few) cost nothing.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable, Sequence

# English function words that are not also common words of the languages news quotes
# most (French, German, Spanish, Portuguese, Italian, Latin, Dutch): "in", "a", "die",
# "also", "was" and "de" are left out for that reason.
ENGLISH_FUNCTION_WORDS = frozenset(
    """the of and to is that for it with as be by this are have from not but they his
    were has had their which would will been there who what when or we you he she its
    than our more about into after could should them these those then can your my
    him her us any some such only other over just how why where while because being
    does did doing an at on if""".split()
)

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Where a quoted or bracketed passage starts or ends inside a sentence.
_SEGMENT_BREAK = re.compile(r"[\"“”«»()\[\]—–:;]")

#: A passage is judged when it has at least this many words.
MIN_WORDS = 4
#: ... and is not English when under this share of its words are English function words
FUNCTION_SHARE = 0.12
#: ... and at least this share of its lowercase words are unknown to the English list.
UNKNOWN_SHARE = 0.3
#: A draft whose foreign passages hold at least this share of its words is not English.
DRAFT_SHARE = 0.5


def not_english(words: Sequence[str], known: Callable[[str], bool]) -> bool:
    """True when a passage's ``words`` read as another language than English."""
    if len(words) < MIN_WORDS:
        return False
    lowered = [w.lower() for w in words]
    function = sum(1 for w in lowered if w in ENGLISH_FUNCTION_WORDS)
    if function >= FUNCTION_SHARE * len(words):
        return False
    plain = [w for w, low in zip(words, lowered) if w[:1].islower() and len(w) >= 3]
    if not plain:
        return False
    unknown = sum(1 for w in plain if not known(w.lower().replace("’", "'")))
    return unknown >= UNKNOWN_SHARE * len(plain)


def foreign_spans(text: str, start: int, end: int, known: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Foreign passages in ``text[start:end]`` (one sentence): the whole sentence, or the
    quoted, bracketed or dash-set segments of it that are not English."""
    words = _TOKEN.findall(text, start, end)
    if not_english(words, known):
        return [(start, end)]
    out = []
    cuts = [start, *(m.start() for m in _SEGMENT_BREAK.finditer(text, start, end)), end]
    if len(cuts) > 2:
        for a, b in zip(cuts, cuts[1:]):
            if not_english(_TOKEN.findall(text, a, b), known):
                out.append((a, b))
    return out


def words_in(text: str, spans: Iterable[tuple[int, int]]) -> int:
    return sum(len(_TOKEN.findall(text, a, b)) for a, b in spans)


def count_words(text: str) -> int:
    return len(_TOKEN.findall(text))
