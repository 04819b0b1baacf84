"""A run's producer: each file read once, linted (or fixed), and its outcome yielded in order.

The steps of ``newslint check`` (and :func:`lint.check_paths`) are: build the engine from
an :class:`~lint.engine.core.EngineSpec`; find the drafts; :meth:`Engine.prepare` builds
and validates every rule set the run needs (a bad pack stops the run before any file is
read); then :func:`outcomes` yields one :class:`Outcome` per draft, in the order given,
linting files here or in a pool of processes (:mod:`lint.engine.parallel`). What is
reported, and how, is the consumer's business (:mod:`lint.reporters.outcomes`).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Iterable, Iterator

from .results import FileResult, Outcome

if TYPE_CHECKING:  # pragma: no cover
    from ..config import Config
    from ..findings import Severity
    from ..reading import Source
    from .core import Engine

MODES = ("check", "fix", "diff")


def lint_source(engine: "Engine", source: "Source", config: "Config", mode: str = "check", *,
                stdin: bool = False) -> Outcome:
    """Lint a draft that has been read; in ``fix`` mode write the fixes over the file (standard
    input: hand the fixed text back instead), in ``diff`` mode only compute them."""
    if mode == "check":
        return Outcome(engine.check_text(source.text, source.name, config=config))
    from .. import fixes

    fixed = fixes.fix_file(engine, source, config, write=mode == "fix" and not stdin)
    out = Outcome(fixed.result or FileResult(source.name), list(fixed.applied), changed=fixed.changed,
                  fix_error=fixed.error)
    if mode == "diff" and fixed.changed:
        out.diff = fixes.unified_diff(source.name, fixed.original, fixed.fixed)
    elif mode == "fix" and stdin:
        out.fixed_text = fixed.fixed  # goes to standard output, for editors that pipe a buffer through
    return out


def lint_file(engine: "Engine", path: str, config: "Config | None" = None, mode: str = "check") -> Outcome:
    """Read one file and lint it (see :func:`lint_source`); a file that cannot be read is an error result."""
    from ..reading import ReadError, load

    try:
        source = load(path)
    except ReadError as exc:
        return Outcome(FileResult(path, error=str(exc)))
    return lint_source(engine, source, config if config is not None else engine.config_for(path), mode)


def lint_stream(engine: "Engine", stream: BinaryIO, name: str, config: "Config", mode: str = "check") -> Outcome:
    """Read standard input (reported as ``name``) and lint it."""
    from ..reading import ReadError, load_stream

    try:
        source = load_stream(stream, name)
    except ReadError as exc:
        return Outcome(FileResult(name, error=str(exc)))
    return lint_source(engine, source, config, mode, stdin=True)


def outcomes(engine: "Engine", items: Iterable[tuple[str, "Config | None"]], *, mode: str = "check", jobs: int = 1,
             stdin: BinaryIO | None = None, stdin_name: str = "<stdin>",
             fail_level: "Severity | None" = None) -> Iterator[Outcome]:
    """One outcome per item (path, config), in order; ``-`` reads ``stdin``.

    Files between standard-input items go to :func:`lint.engine.parallel.run` (a pool when
    ``jobs`` > 1). Each outcome's ``fail_level`` is ``fail_level`` or its file's config's.
    Errors of plugins that a worker process met are added to ``engine.errors``, once each.
    """
    from . import parallel

    def settled(outcome: Outcome, cfg: "Config") -> Outcome:
        outcome.fail_level = fail_level if fail_level is not None else cfg.fail_level
        known = {str(e) for e in engine.errors}
        for err in outcome.plugin_errors:  # reported by a worker process, already formatted
            if err not in known:
                engine.errors.append(err)
                known.add(err)
        return outcome

    batch: list[tuple[str, "Config | None"]] = []
    for item in [*items, None]:
        if item is not None and item[0] != "-":
            batch.append(item)
            continue
        for (path, cfg), outcome in zip(batch, parallel.run(engine, batch, jobs=jobs, mode=mode)):
            yield settled(outcome, cfg if cfg is not None else engine.config_for(path))
        batch = []
        if item is not None:
            if stdin is None:
                raise ValueError("'-' names standard input, and no stream was given")
            cfg = item[1] if item[1] is not None else engine.config_for(Path.cwd())
            yield settled(lint_stream(engine, stdin, stdin_name, cfg, mode), cfg)
