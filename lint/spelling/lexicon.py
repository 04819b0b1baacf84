"""The word list: which words exist and how common they are.

Data: ``rules/spelling/words.tsv`` (built by ``tools/build_spelling_data.py``; sources
and licences in ``rules/spelling/LICENSES.md``). Frequencies are Zipf values times ten
(log10 of occurrences per billion words): 70 for "the", 30 for "accommodation"-like
words, under 15 for rare ones.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Iterable, Iterator

from .keys import fold, skeleton
from .table import Table


def data_dir() -> Path:
    """``rules/spelling`` next to the package (installed with the wheel)."""
    from ..packs import rules_dir

    return rules_dir() / "spelling"


class Lexicon:
    """Words with frequencies, grouped by :func:`lint.spelling.keys.skeleton`.

    ``extra`` adds accepted words (a newsroom's vocabulary) at a given frequency.
    """

    def __init__(self, table: Table, extra: Iterable[str] = (), extra_zipf: int = 30,
                 common: dict[str, int] | None = None) -> None:
        self._table = table
        #: The most frequent words (x10 Zipf >= COMMON_ZIPF) in a plain dict, for the checks
        #: that run on every word (run-together words, names that look like words).
        self.common: dict[str, int] = common if common is not None else {}
        self._extra: dict[str, list[tuple[str, int]]] = {}
        self._cache: dict[str, list[tuple[str, int]]] = {}
        for word in extra:
            w = word.lower()
            self._extra.setdefault(skeleton(fold(w)), []).append((w, extra_zipf))

    def group(self, key: str) -> list[tuple[str, int]]:
        """Words whose skeleton key is ``key``, most frequent first."""
        got = self._cache.get(key)
        if got is not None:
            return got
        line = self._table.get(key)
        out: list[tuple[str, int]] = []
        if line:
            for item in line.split(" "):
                w, _, z = item.rpartition(":")
                out.append((w, int(z)))
        if key in self._extra:
            out = sorted(out + self._extra[key], key=lambda wz: -wz[1])
        self._cache[key] = out
        return out

    def zipf(self, word: str) -> int | None:
        """Frequency of a lowercase word (x10 Zipf), or None when unknown.

        A word written without its diacritics ("cafe") or with them ("café") matches
        either spelling in the list.
        """
        folded = fold(word)
        best = None
        for w, z in self.group(skeleton(folded)):
            if w == word:
                return z
            if best is None and fold(w) == folded:
                best = z
        return best

    def __contains__(self, word: str) -> bool:
        return self.zipf(word) is not None

    def words(self, keys: Iterable[str]) -> Iterator[tuple[str, int]]:
        for key in keys:
            yield from self.group(key)


#: Frequency (x10 Zipf) from which a word counts as common: about the 8,000 most frequent.
COMMON_ZIPF = 40


@functools.lru_cache(maxsize=1)
def default_table() -> Table:
    return Table.load(data_dir() / "words.tsv")


@functools.lru_cache(maxsize=1)
def default_common() -> dict[str, int]:
    """The common words, from ``common.txt`` (lines ``<zipf*10> <word> <word> ...``)."""
    out: dict[str, int] = {}
    text = (data_dir() / "common.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        z, _, words = line.partition(" ")
        out.update(dict.fromkeys(words.split(), int(z)))
    return out


def default_lexicon(extra: Iterable[str] = ()) -> Lexicon:
    return Lexicon(default_table(), extra, common=default_common())
