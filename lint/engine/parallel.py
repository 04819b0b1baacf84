"""Linting many files: one process or a pool of them, results streamed in input order.

Each worker builds one engine (rules compiled once per process) and returns, per file,
only what the report needs: findings, statistics, fixes and errors, never the parsed
document. The parent consumes results as they come, in the order the files were given,
so a 10,000-file archive is linted in memory bounded by the results still to be
reported, not by the archive.
"""
from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Iterable, Iterator

from .core import Engine, EngineSpec
from .results import Outcome
from .runner import MODES, lint_file

if TYPE_CHECKING:  # pragma: no cover
    import multiprocessing.context

    from ..config import Config

__all__ = ["MODES", "Outcome", "default_jobs", "run"]


# ------------------------------------------------------------------ the heap
#: Set by the command line (see :func:`own_heap`); left off for library callers, whose own
#: objects these settings would touch too. Pool workers, our own processes, always use them.
FREEZE_HEAP = False
#: Allocations between young-generation collections in a process of our own (Python's
#: default is 700): a draft allocates tens of thousands of short-lived objects, and each
#: collection that finds them still in use promotes them, so that full collections come often.
#: (A long draft linted in pieces collects after each piece: see Engine._check_in_pieces.)
GC_THRESHOLD = 10_000
#: Drafts that must still follow the first for freezing to pay: it costs one full collection
#: (~25 ms), which a pre-commit run over two or three drafts would not win back.
FREEZE_AFTER = 8
_FROZEN_IN: set[int] = set()  # processes that froze already (a forked worker inherits the set)


def own_heap() -> None:
    """The command line owns its process: collect less often, and freeze the heap after the
    first draft (:func:`freeze_heap`). Together they cut the garbage collector's share of a
    run over real drafts from about a tenth of its CPU time to about a thirtieth."""
    global FREEZE_HEAP
    import gc

    FREEZE_HEAP = True
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])


def freeze_heap() -> None:
    """Collect once, then move what is alive (word lists, the fact base, compiled rules) out of
    the collector's sight, once per process: a full collection walks every object, and those
    long-lived ones made most of each pass. Frozen objects are still freed when their
    reference count drops; only a cycle among them would stay."""
    pid = os.getpid()
    if pid in _FROZEN_IN:
        return
    _FROZEN_IN.add(pid)
    import gc

    gc.collect()
    gc.freeze()


# ------------------------------------------------------------------ the pool
_WORKER: dict = {}


def _init(spec: EngineSpec, mode: str) -> None:
    engine = _WORKER.get("inherited")  # forked from a parent that already compiled the rules
    own_heap()  # a worker process is ours alone
    _WORKER["engine"] = engine if engine is not None else spec.build()
    _WORKER["mode"] = mode
    _WORKER["linted"] = False
    _WORKER["reported"] = len(_WORKER["engine"].errors)  # the parent reports what it already knew


def _work(path: str) -> Outcome:
    engine: Engine = _WORKER["engine"]
    if _WORKER.get("linted"):
        freeze_heap()  # from this worker's second draft on: its first loaded the word lists and fact base
    out = lint_file(engine, path, None, _WORKER["mode"])
    _WORKER["linted"] = True
    errors = engine.errors
    if len(errors) > _WORKER["reported"]:  # plugin errors travel back once each
        out.plugin_errors = [str(e) for e in errors[_WORKER["reported"]:]]
        _WORKER["reported"] = len(errors)
    return out


def _context() -> "multiprocessing.context.BaseContext":
    import multiprocessing  # only a run with --jobs needs it; a one-file run should not pay

    # fork shares the parent's compiled rules; elsewhere (macOS, Windows) spawn is the safe choice.
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def run(engine: Engine, items: Iterable[tuple[str, "Config | None"]], *,
        jobs: int = 1, mode: str = "check") -> Iterator[Outcome]:
    """Lint the files ``items`` (path, config) and yield outcomes in the same order.

    Standard input (``-``) is not handled here (see :func:`lint.engine.runner.outcomes`).
    With ``jobs`` > 1, files are linted in a process pool; each worker builds its engine
    from ``engine.spec`` once, or inherits the parent's where processes fork.
    """
    items = list(items)
    if jobs <= 1 or len(items) < 2:
        for n, (path, cfg) in enumerate(items):
            yield lint_file(engine, path, cfg, mode)
            if n == 0 and FREEZE_HEAP and len(items) - 1 >= FREEZE_AFTER:
                freeze_heap()  # the first draft loaded what rules load on first use
        return
    jobs = min(jobs, len(items))
    ctx = _context()
    if ctx.get_start_method() == "fork":
        # Build every config's rules here (the runner has usually done so already), and lint
        # the first file here too: that loads what rules load on first use (word lists, the
        # fact base), so that forked workers start warm instead of each paying for it.
        engine.prepare(items)
        yield lint_file(engine, items[0][0], items[0][1], mode)
        if FREEZE_HEAP and len(items) - 1 >= FREEZE_AFTER:
            freeze_heap()  # before the fork, as the gc module advises: fewer pages copied on write
        items = items[1:]
        _WORKER["inherited"] = engine
    chunk = max(1, min(16, len(items) // (jobs * 8)))
    try:
        with ctx.Pool(jobs, initializer=_init, initargs=(engine.spec, mode)) as pool:
            yield from pool.imap(_work, [p for p, _ in items], chunksize=chunk)
    finally:
        _WORKER.pop("inherited", None)
