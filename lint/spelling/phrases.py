"""Fixed phrases from other languages that English copy uses as English ("summa cum
laude", "terra nullius", "sub judice", "je ne sais quoi"), and reduplications whose halves
are no words alone ("namby-pamby").

Their words are no slips however strange they look alone ("judice" is one letter from
"juice"), so a word the speller would report is left alone when the text around it is one
of the phrases in ``rules/spelling/phrases.txt``: words in that order, in any case, with
or without diacritics, separated by spaces, hyphens or an apostrophe ("coup d'état").
"""
from __future__ import annotations

import functools
import re

from .keys import fold

_TOKEN = re.compile(r"[^\W\d_]+")
# What may stand between two words of a phrase.
_SEPARATOR = re.compile(r"[ \t\n\-‐‑'’]+\Z")
#: How far around a word the phrase holding it is looked for (characters).
_REACH = 60


@functools.lru_cache(maxsize=1)
def phrase_index() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each word of a listed phrase, with the phrases (as folded words) it appears in."""
    from .lexicon import data_dir

    index: dict[str, list[tuple[str, ...]]] = {}
    for line in (data_dir() / "phrases.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        words = tuple(fold(w) for w in _TOKEN.findall(line))
        if len(words) < 2:
            continue
        for w in set(words):
            index.setdefault(w, []).append(words)
    return {w: tuple(ps) for w, ps in index.items()}


def in_phrase(text: str, start: int, end: int) -> bool:
    """Whether the word at ``text[start:end]`` is part of a listed phrase there."""
    phrases = phrase_index().get(fold(text[start:end]))
    if not phrases:
        return False
    lo, hi = max(0, start - _REACH), min(len(text), end + _REACH)
    tokens = [(m.start(), m.end(), fold(m.group())) for m in _TOKEN.finditer(text, lo, hi)]
    here = next((i for i, t in enumerate(tokens) if t[0] == start), None)
    if here is None:
        return False
    for words in phrases:
        for k, w in enumerate(words):
            if w != tokens[here][2]:
                continue
            first = here - k
            if first < 0 or first + len(words) > len(tokens):
                continue
            run = tokens[first:first + len(words)]
            if all(t[2] == w2 for t, w2 in zip(run, words)) and all(
                    _SEPARATOR.match(text, a[1], b[0]) for a, b in zip(run, run[1:])):
                return True
    return False
