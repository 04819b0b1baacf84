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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Iterator

from .core import Engine, FileResult

if TYPE_CHECKING:  # pragma: no cover
    import multiprocessing.context

    from ..config import Config
    from ..fixes import AppliedFix

MODES = ("check", "fix", "diff")


@dataclass(frozen=True)
class EngineSpec:
    """How to build the run's engine in a worker process (everything here pickles)."""

    date: object = None
    config: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    stats: bool = False
    today: object = None
    facts_as_of: object = None

    def build(self) -> Engine:
        return Engine(date=self.date, config=self.config, select=self.select, ignore=self.ignore,
                      stats=self.stats, today=self.today, facts_as_of=self.facts_as_of)


@dataclass
class Outcome:
    """What linting one file produced."""

    result: FileResult
    applied: "list[AppliedFix]" = field(default_factory=list)
    diff: str = ""
    changed: bool = False
    fix_error: str | None = None
    plugin_errors: list = field(default_factory=list)
    fixed_text: str | None = None  # --fix on standard input: the text to write to standard output


def lint_path(engine: Engine, path: str, config: "Config | None" = None, mode: str = "check") -> Outcome:
    """Lint one file; in ``fix`` mode write the fixes, in ``diff`` mode only compute them."""
    cfg = config if config is not None else engine.config_for(path)
    if mode == "check":
        return Outcome(engine.check_file(path, cfg))
    from .. import fixes
    from ..reading import ReadError, decode_draft

    try:
        snap = fixes.Snapshot.read(path)
        text = decode_draft(snap.data, path)
    except ReadError as exc:
        return Outcome(FileResult(path, error=str(exc)))
    outcome = fixes.fix_text(engine, text, path, cfg)
    out = Outcome(outcome.result or FileResult(path), list(outcome.applied))
    if not outcome.changed:
        return out
    if mode == "diff":
        out.diff = fixes.unified_diff(path, outcome.original, outcome.fixed)
        out.changed = True
        return out
    try:
        fixes.write_atomic(snap, outcome.fixed)
        out.changed = True
    except fixes.FixError as exc:
        out.fix_error = str(exc)
        out.applied = []
        out.result = engine.check_text(text, path, config=cfg)  # report the file as it is
    return out


# ------------------------------------------------------------------ the pool
_WORKER: dict = {}


def _init(spec: EngineSpec, mode: str) -> None:
    engine = _WORKER.get("inherited")  # forked from a parent that already compiled the rules
    _WORKER["engine"] = engine if engine is not None else spec.build()
    _WORKER["mode"] = mode
    _WORKER["reported"] = len(_WORKER["engine"].errors)  # the parent reports what it already knew


def _work(path: str) -> Outcome:
    engine: Engine = _WORKER["engine"]
    out = lint_path(engine, path, None, _WORKER["mode"])
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


def run(engine: Engine, spec: EngineSpec, items: Iterable[tuple[str, "Config | None"]], *,
        jobs: int = 1, mode: str = "check") -> Iterator[Outcome]:
    """Lint ``items`` (path, config) and yield outcomes in the same order.

    Standard input (``-``) is not handled here: the caller reads it. With ``jobs`` > 1,
    files are linted in a process pool; each worker compiles the rules once.
    """
    items = list(items)
    if jobs <= 1 or len(items) < 2:
        for path, cfg in items:
            yield lint_path(engine, path, cfg, mode)
        return
    jobs = min(jobs, len(items))
    ctx = _context()
    if ctx.get_start_method() == "fork":
        # Compile every config's rules here, once, and lint the first file here too: that
        # loads what rules load on first use (word lists, the fact base), so that forked
        # workers start warm instead of each paying for it.
        seen = set()
        for path, cfg in items:
            c = cfg if cfg is not None else engine.config_for(path)
            key = (id(c), c.overrides_for(path))
            if key not in seen:
                seen.add(key)
                engine.ruleset(c, path)
        yield lint_path(engine, items[0][0], items[0][1], mode)
        items = items[1:]
        _WORKER["inherited"] = engine
    chunk = max(1, min(16, len(items) // (jobs * 8)))
    try:
        with ctx.Pool(jobs, initializer=_init, initargs=(spec, mode)) as pool:
            yield from pool.imap(_work, [p for p, _ in items], chunksize=chunk)
    finally:
        _WORKER.pop("inherited", None)
