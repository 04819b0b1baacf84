"""The word list: which words exist and how common they are.

Data: ``rules/spelling/words.tsv`` (built by ``tools/build_spelling_data.py``; sources
and licences in ``rules/spelling/LICENSES.md``). Frequencies are Zipf values times ten
(log10 of occurrences per billion words): 70 for "the", 30 for "accommodation"-like
words, under 15 for rare ones.
"""
from __future__ import annotations

import functools
import re
from operator import add, itemgetter
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
                 common: "Common | None" = None) -> None:
        self._table = table
        self._common = common
        #: The most frequent words (x10 Zipf >= COMMON_ZIPF) in a plain dict, for the checks
        #: that run on every word (run-together words, names that look like words).
        self.common: dict[str, int] = dict(common.words) if common is not None else {}
        self._common_extra: dict[str, list[tuple[str, int]]] = {}
        self._extra: dict[str, list[tuple[str, int]]] = {}
        self._cache: dict[str, list[tuple[str, int]]] = {}
        self._queries = 0
        self._all_keys: frozenset[str] | None = None
        self._frequent: dict[str, int] | None = None
        self._near_indexes: dict[int, dict[str, int]] = {}
        self._zipf_memo: dict[str, int | None] = {}
        for word in extra:
            w = word.lower()
            self._extra.setdefault(skeleton(fold(w)), []).append((w, extra_zipf))
            if extra_zipf >= COMMON_ZIPF:
                self.common[w] = extra_zipf
                self._common_extra.setdefault(skeleton(fold(w)), []).append((w, extra_zipf))

    def group(self, key: str) -> list[tuple[str, int]]:
        """Words whose skeleton key is ``key``, most frequent first."""
        got = self._cache.get(key)
        if got is not None:
            return got
        line = self._table.get(key)
        out: list[tuple[str, int]] = []
        if line:
            columns = _columns(line)
            if columns is not None:
                out = list(zip(*columns))
            else:  # a word with a colon of its own (none in today's list): item by item
                for item in line.split(" "):
                    w, _, z = item.rpartition(":")
                    out.append((w, int(z)))
        if key in self._extra:
            out = sorted(out + self._extra[key], key=lambda wz: -wz[1])
        self._cache[key] = out
        return out

    def group_columns(self, key: str) -> tuple[list[str], list[int]]:
        """:meth:`group` as two lists, words and frequencies, most frequent first: read
        straight off the table line, without the pairs, when no one has read the group
        yet (the candidate search reads tens of thousands of groups once each)."""
        got = self._cache.get(key)
        if got is None and key not in self._extra:
            line = self._table.get(key)
            if not line:
                return [], []
            columns = _columns(line)
            if columns is not None:
                return columns
        if got is None:
            got = self.group(key)
        return [w for w, _ in got], [z for _, z in got]

    def existing(self, keys: set[str], common: bool = False) -> set[str] | frozenset[str]:
        """The keys that have words. Once a run has asked for many words' neighbours, a set
        of all keys answers at C speed instead of one table lookup per key."""
        if common and self._common is not None:
            return keys & self._common.keys
        self._queries += 1
        if self._all_keys is None and self._queries >= BULK_AFTER:
            self._all_keys = self._table.keys() | frozenset(self._extra)
        if self._all_keys is not None:
            return keys & self._all_keys
        return keys

    def frequent(self) -> dict[str, int]:
        """Every word of x10 Zipf ``FREQUENT_ZIPF`` or more, folded, with its frequency (the
        highest of the words that fold alike): read on first use from ``frequent.txt``
        and the common words. Answers "is a fairly common word one slip away?" by plain
        lookups, without the candidate search."""
        got = self._frequent
        if got is None:
            # "word:zipf word:zipf ...": split, not a regular expression (~10 ms, read in
            # a cold run as soon as a draft has a rare word).
            body = default_frequent_text().partition("\n")[2]
            it = iter(body.replace(":", " ").split())
            got = dict(zip(it, map(int, it)))
            # Words to add folded: those with diacritics or capitals (none in today's
            # list, so the scan of it is skipped), common ones, the newsroom's vocabulary.
            unfolded = [] if body.isascii() and body.islower() else list(got.items())
            unfolded += [(w, z) for w, z in self.common.items() if not w.isascii() or not w.islower()]
            unfolded += [(w, z) for group in self._extra.values() for w, z in group if z >= FREQUENT_ZIPF]
            got.update(self.common)  # all 40 and up: above every value read here
            for w, z in unfolded:
                f = fold(w)
                if got.get(f, -1) < z:
                    got[f] = z
            self._frequent = got
        return got

    def near_index(self, floor: int = 0) -> dict[str, int]:
        """The frequent words (those of x10 Zipf ``floor`` or more: by default all of
        :meth:`frequent`) and every string one
        deletion from them, each with the highest frequency of the words it comes from.
        Two strings one edit apart (a letter added, dropped, changed or two swapped) share a
        deletion, so a word's own deletions find every such word one slip away in a dozen
        lookups (and now and then one two slips away: a screen may let a word through, the
        search then decides). Built on demand (0.02 s for the common words, ``floor``
        COMMON_ZIPF, which answers every question about words that frequent; 0.07 s for
        all): worth it only in a run over many drafts."""
        got = self._near_indexes.get(floor)
        if got is None:
            # Words grouped by frequency and length, so that each deletion position of a
            # group is one C-level pass; the rarest groups first, so that a string's value
            # ends as the highest of the words it comes from.
            groups: dict[tuple[int, int], list[str]] = {}
            for w, z in self.frequent().items():
                if z >= floor:
                    groups.setdefault((z, len(w)), []).append(w)
            got = {}
            for (z, n), ws in sorted(groups.items()):
                got.update(dict.fromkeys(ws, z))
                for head, tail in zip(_HEADS[n], _TAILS[n]):
                    got.update(dict.fromkeys(map(add, map(itemgetter(head), ws), map(itemgetter(tail), ws)), z))
            self._near_indexes[floor] = got
        return got

    def common_group(self, key: str) -> list[tuple[str, int]]:
        """Like :meth:`group`, restricted to the common words (a small index built on
        first use): the fast path for asking whether a name is a slip on a common word."""
        got = self._common.group(key) if self._common is not None else []
        extra = self._common_extra.get(key)
        return sorted(got + extra, key=lambda wz: -wz[1]) if extra else got

    def zipf(self, word: str) -> int | None:
        """Frequency of a lowercase word (x10 Zipf), or None when unknown.

        A word written without its diacritics ("cafe") or with them ("café") matches
        either spelling in the list.
        """
        z = self.common.get(word)
        if z is not None:  # most words of any text: no table lookup needed
            return z
        # Rarer words recur too (across drafts, and as the speller asks about one word
        # in several ways): each is looked up once.
        memo = self._zipf_memo
        z = memo.get(word, _UNSEEN)
        if z is _UNSEEN:
            if len(memo) >= ZIPF_MEMO_SIZE:
                memo.clear()
            z = memo[word] = self._lookup(word)
        return z  # type: ignore[return-value]

    def _lookup(self, word: str) -> int | None:
        folded = fold(word)
        key = skeleton(folded)
        if key not in self._cache and key not in self._extra and ":" not in word and " " not in word:
            # The word's own entry, read off its group's line: parsing a whole group (some
            # hold hundreds of words) for one word cost more than the rest of the lookup.
            line = self._table.get(key)
            if not line:
                return None
            target = word + ":"
            i = line.find(target)
            while i >= 0:
                if i == 0 or line[i - 1] == " ":
                    j = line.find(" ", i)
                    w, _, z = line[i:j if j >= 0 else len(line)].rpartition(":")
                    if w == word:
                        return int(z)
                i = line.find(target, i + 1)
            if folded == word and line.isascii() and line.islower():
                return None  # every word of the group folds to itself: none is this one
            # Not there as written: another spelling may fold to it ("café" for "cafe").
        best = None
        for w, z in self.group(key):
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


def _columns(line: str) -> tuple[list[str], list[int]] | None:
    """A table line, "word:zipf word:zipf ...", as its words and their frequencies, split
    at C speed; None when a word holds a colon of its own (then it is read item by item)."""
    flat = line.replace(":", " ").split(" ")
    if len(flat) != 2 * (line.count(" ") + 1):
        return None
    return flat[0::2], list(map(int, flat[1::2]))


class _Slices(dict):
    """For each length n, the n slices that give a string's heads (or tails) around each
    of its letters: ``w[:i]`` (``w[i + 1:]``) for i in range(n), made once per length."""

    def __init__(self, tails: bool) -> None:
        super().__init__()
        self._tails = tails

    def __missing__(self, n: int) -> list[slice]:
        got = self[n] = [slice(i + 1, None) if self._tails else slice(0, i) for i in range(n)]
        return got


_HEADS = _Slices(tails=False)
_TAILS = _Slices(tails=True)

#: Rare and unknown words whose frequency is remembered before the memo starts afresh.
ZIPF_MEMO_SIZE = 100_000
_UNSEEN = object()

#: After this many candidate searches in one process, build the set of all keys.
BULK_AFTER = 40

#: Frequency (x10 Zipf) from which a word counts as common: about the 8,000 most frequent.
COMMON_ZIPF = 40
#: ... and as fairly common (``frequent.txt`` holds those up to COMMON_ZIPF): about 24,000.
FREQUENT_ZIPF = 30


@functools.lru_cache(maxsize=1)
def default_table() -> Table:
    return Table.load(data_dir() / "words.tsv")


class Common:
    """The common words: ``words`` (word -> frequency) and their groups by key."""

    def __init__(self, table: Table) -> None:
        self._table = table
        self._groups: dict[str, list[tuple[str, int]]] = {}
        # One regular expression over the whole file beats parsing it line by line.
        self.words = {w: int(z) for w, z in _ENTRY.findall(table.body)}
        self.keys = frozenset(_KEY.findall(table.body))

    def group(self, key: str) -> list[tuple[str, int]]:
        got = self._groups.get(key)
        if got is None:
            line = self._table.get(key)
            got = [(w, int(z)) for w, _, z in (i.rpartition(":") for i in line.split(" "))] if line else []
            self._groups[key] = got
        return got


_ENTRY = re.compile(r"([^\s:]+):(\d+)")
_KEY = re.compile(r"\n([^\t\n]+)\t")


@functools.lru_cache(maxsize=1)
def default_frequent_text() -> str:
    """``frequent.txt``: the words of x10 Zipf 30 to 39 as ``word:zipf``."""
    return (data_dir() / "frequent.txt").read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def default_common() -> Common:
    """The common words, from ``common.tsv``."""
    return Common(Table.load(data_dir() / "common.tsv"))


def default_lexicon(extra: Iterable[str] = ()) -> Lexicon:
    """The shipped word list, with ``extra`` words accepted. Without extras it is one
    instance per process, shared by the speller and the other readers of the word list
    (the fact and claim checks): its lookups and indexes are made once whoever asks."""
    extra = tuple(extra)
    if not extra:
        return _shared_lexicon()
    return Lexicon(default_table(), extra, common=default_common())


@functools.lru_cache(maxsize=1)
def _shared_lexicon() -> Lexicon:
    # A Lexicon is never changed once built (only its caches fill), so one can serve all;
    # its frequencies are the shipped list's in every process, so the workers of a --jobs
    # run pass each other those they looked up (see lint.sharedmemo).
    from .. import sharedmemo

    lexicon = Lexicon(default_table(), (), common=default_common())
    sharedmemo.share("shipped-zipf", lexicon._zipf_memo)
    return lexicon
