"""Linting many files: one process or several, results streamed in input order.

Each worker process builds one engine (rules compiled once per process), or inherits the
parent's where processes fork, and returns, per chunk of files, only what the report
needs: findings, statistics, fixes and errors, never the parsed document. With its
results it sends what its memos learned (:mod:`lint.sharedmemo`), and the parent passes
that on to the other workers, so that a word met in several workers' drafts is worked out
about once, not once per worker. The parent yields results in the order the files were
given, so a 10,000-file archive is linted in memory bounded by the results still to be
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
    import multiprocessing.connection
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
    _WORKER["configs"] = {}
    _WORKER["reported"] = len(_WORKER["engine"].errors)  # the parent reports what it already knew


def _work(path: str) -> Outcome:
    engine: Engine = _WORKER["engine"]
    if _WORKER.get("linted"):
        freeze_heap()  # from this worker's second draft on: its first loaded the word lists and fact base
    # A folder's drafts share its config (found once per folder, as the parent does:
    # looking one up stats every folder up to the root).
    folder = os.path.dirname(path)
    config = _WORKER["configs"].get(folder)
    if config is None:
        config = _WORKER["configs"][folder] = engine.config_for(path)
    out = lint_file(engine, path, config, _WORKER["mode"])
    _WORKER["linted"] = True
    errors = engine.errors
    if len(errors) > _WORKER["reported"]:  # plugin errors travel back once each
        out.plugin_errors = [str(e) for e in errors[_WORKER["reported"]:]]
        _WORKER["reported"] = len(errors)
    return out


def _serve(conn: "multiprocessing.connection.Connection", spec: EngineSpec, mode: str) -> None:
    """A worker: lint the chunks of drafts the parent sends, until it sends None.

    Each chunk comes with what the other workers' memos learned (see
    :mod:`lint.sharedmemo`), and goes back with what this one's learned meanwhile."""
    from .. import sharedmemo

    # A forked worker holds copies of the parent's ends of the pipes made before it (its
    # own among them): closed, so that if the parent dies the worker reads the end of its
    # pipe, or fails to write to it, and stops, instead of waiting for ever.
    for end in _WORKER.pop("parent_ends", ()):
        end.close()
    try:
        _init(spec, mode)
        while True:
            task = conn.recv()
            if task is None:
                return
            n, paths, lessons = task
            sharedmemo.learn(lessons)
            mark = sharedmemo.marks()
            try:
                outs = [_work(p) for p in paths]
            except Exception as exc:  # a bug, not a draft's problem: the parent raises it
                try:
                    conn.send((n, exc, b""))
                except Exception:  # an exception that does not pickle
                    conn.send((n, RuntimeError(f"{type(exc).__name__}: {exc}"), b""))
                return
            conn.send((n, outs, sharedmemo.lessons_since(mark)))
    except (KeyboardInterrupt, EOFError, BrokenPipeError):
        return  # the parent stopped the run (Ctrl-C) and reports it


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
    With ``jobs`` > 1, files are linted in worker processes; each builds its engine from
    ``engine.spec`` once, or inherits the parent's where processes fork.
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
    try:
        yield from _pooled(ctx, engine.spec, [p for p, _ in items], min(jobs, len(items)), mode)
    finally:
        _WORKER.pop("inherited", None)


def _chunked(paths: list[str], most: int, jobs: int) -> list[list[str]]:
    """``paths`` in chunks that grow from one draft to ``most``, and shrink again towards
    the end: the first drafts teach the most, and small chunks pass their lessons on
    sooner; the middle ones cost fewer round trips; small last ones keep a worker from
    idling while another finishes a long chunk."""
    out, i, size = [], 0, 1
    while i < len(paths):
        n = max(1, min(size, (len(paths) - i) // (2 * jobs)))
        out.append(paths[i:i + n])
        i += n
        size = min(most, size + 1)
    return out


def _pooled(ctx: "multiprocessing.context.BaseContext", spec: EngineSpec, paths: list[str], jobs: int,
            mode: str) -> Iterator[Outcome]:
    """The outcomes of ``paths``, linted by ``jobs`` worker processes, in order.

    A worker is sent its next chunk of drafts when it sends back the last one's results.
    One chunk at a time is what makes the pipes safe: the parent writes to a worker only
    while that worker is waiting to read, so neither can be stuck writing a long message to
    the other while that one is stuck writing too. (It costs a worker the round trip, well
    under a millisecond, and gives it the others' lessons a chunk sooner.) Results that come
    early wait here until those before them are yielded.
    """
    chunks = iter(enumerate(_chunked(paths, max(1, min(16, len(paths) // (jobs * 8))), jobs)))
    workers = _Workers(ctx, spec, mode, jobs)
    try:
        for w in range(jobs):
            workers.deal(w, next(chunks, None))
        done: dict[int, list[Outcome]] = {}
        nxt = 0
        for w, n, outs in workers.finished():
            workers.deal(w, next(chunks, None))
            done[n] = outs
            while nxt in done:
                yield from done.pop(nxt)
                nxt += 1
    finally:
        workers.close()


class _Workers:
    """Worker processes (:func:`_serve`), each on a pipe of its own, and the lessons their
    memos learned (:mod:`lint.sharedmemo`): each chunk dealt to a worker carries what the
    others sent since its last."""

    def __init__(self, ctx: "multiprocessing.context.BaseContext", spec: EngineSpec, mode: str, jobs: int) -> None:
        self.conns: list = []
        self.procs: list = []
        self.busy = [False] * jobs  # a chunk is out with the worker
        # (worker, lessons) in the order they came, from the first that some worker has
        # not been sent; ``read``: how far into the whole sequence each worker was sent.
        self.lessons: list[tuple[int, bytes]] = []
        self.gone = 0  # lessons every worker was sent, dropped
        self.read = [0] * jobs
        try:
            for _ in range(jobs):
                mine, theirs = ctx.Pipe()
                proc = ctx.Process(target=_serve, args=(theirs, spec, mode), daemon=True)
                self.conns.append(mine)
                self.procs.append(proc)
                _WORKER["parent_ends"] = self.conns  # for a forked worker to close (see _serve)
                proc.start()
                theirs.close()
        except BaseException:
            self.close()  # those already started
            raise
        finally:
            _WORKER.pop("parent_ends", None)

    def deal(self, w: int, chunk: tuple[int, list[str]] | None) -> None:
        if chunk is None:
            return
        start = self.read[w] - self.gone
        news = [blob for who, blob in self.lessons[start:] if who != w]
        self.read[w] = self.gone + len(self.lessons)
        self.conns[w].send((*chunk, news))
        self.busy[w] = True
        least = min(self.read)
        if least > self.gone:
            del self.lessons[:least - self.gone]
            self.gone = least

    def finished(self) -> Iterator[tuple[int, int, list[Outcome]]]:
        """(worker, chunk number, outcomes) as chunks come back, until none is out."""
        from multiprocessing.connection import wait

        while any(self.busy):
            for conn in wait([c for c, b in zip(self.conns, self.busy) if b]):
                w = self.conns.index(conn)
                try:
                    n, outs, blob = conn.recv()
                except (EOFError, OSError):  # its end of the pipe closed: it died
                    raise RuntimeError(f"a worker process stopped (exit code {self.procs[w].exitcode})") from None
                self.busy[w] = False
                if isinstance(outs, BaseException):
                    raise outs
                if blob:
                    self.lessons.append((w, blob))
                yield w, n, outs

    def close(self) -> None:
        for conn in self.conns:
            try:
                conn.send(None)
            except OSError:  # the worker is gone already
                pass
            conn.close()
        for proc in self.procs:
            if proc.pid is None:
                continue  # never started
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
                proc.join()
