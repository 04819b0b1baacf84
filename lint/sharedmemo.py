"""Memos that the processes of one ``--jobs`` run pass to each other.

A process that lints drafts learns as it goes: the speller's verdict on each word, its
candidates for each unknown word, each word's syllables. On real news copy that learning
is about a sixth of a run's work (a second pass over 1,000 real drafts takes about 5.2 s
of CPU time against 6.4 s for the first), and in a pool every worker would learn the same words
over again: most of a news vocabulary recurs in any slice of an archive. So each worker
reports, with its results, the entries its memos gained, and the parent hands them to the
other workers with their next drafts (:mod:`lint.engine.parallel`).

A memo takes part by registering under a *scope* that names everything its entries
depend on (the speller's settings, say): workers apply lessons only to the memo of the
same scope, so an entry is used only where it is what the worker would have computed
itself. Sharing changes no output, only how often the same entry is worked out.
"""
from __future__ import annotations

import pickle
from itertools import islice
from typing import Callable, Hashable, Iterable

__all__ = ["share", "marks", "lessons_since", "learn"]

#: scope -> (memo, what to do with each entry learned from another process, or None)
_MEMOS: dict[Hashable, tuple[dict, Callable[[object, object], None] | None]] = {}
#: Lessons for memos this process has not registered yet (a speller built after the fork),
#: kept up to about this many entries a memo: they only save time.
MOST_PENDING = 100_000
_PENDING: dict[Hashable, list[tuple]] = {}


def share(scope: Hashable, memo: dict, on_learn: Callable[[object, object], None] | None = None) -> None:
    """Register ``memo`` (a dict whose entries hold for any process with the same
    ``scope``) for sharing. ``on_learn(key, value)`` is called for each entry learned
    from another process, for the owner's own derived state."""
    _MEMOS[scope] = (memo, on_learn)
    waiting = _PENDING.pop(scope, None)
    if waiting:
        _apply(scope, waiting)


def marks() -> dict[Hashable, tuple[int, int]]:
    """Where each memo stands now: its object and size, so that :func:`lessons_since`
    gives what it gains from here on (dicts keep their order of insertion)."""
    return {scope: (id(memo), len(memo)) for scope, (memo, _) in _MEMOS.items()}


def lessons_since(mark: dict[Hashable, tuple[int, int]]) -> bytes:
    """The entries each memo gained since ``mark``, pickled once for every process that
    will read them."""
    out = {}
    for scope, (memo, _) in _MEMOS.items():
        ident, size = mark.get(scope, (None, 0))
        if ident != id(memo) or len(memo) < size:
            size = 0  # a memo made or emptied since: all it holds is new
        if len(memo) > size:
            # Read from the end: skipping the old entries from the start would cost a
            # step for each of them, on every chunk.
            new = list(islice(reversed(memo.items()), len(memo) - size))
            new.reverse()
            out[scope] = new
    return pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL) if out else b""


def learn(lessons: Iterable[bytes]) -> None:
    """Add what other processes learned (from :func:`lessons_since`) to this process's memos."""
    for blob in lessons:
        if not blob:
            continue
        for scope, entries in pickle.loads(blob).items():
            if scope in _MEMOS:
                _apply(scope, entries)
            else:
                waiting = _PENDING.setdefault(scope, [])
                if len(waiting) < MOST_PENDING:
                    waiting.extend(entries)


def _apply(scope: Hashable, entries: list[tuple]) -> None:
    memo, on_learn = _MEMOS[scope]
    if on_learn is None:
        memo.update(entries)
        return
    for key, value in entries:
        if key not in memo:
            memo[key] = value
            on_learn(key, value)
