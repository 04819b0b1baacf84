"""One audit from start to finish: find, lint on Dask, add up, write the outputs."""
from __future__ import annotations

import datetime as _dt
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, TextIO

from . import linting, outputs
from .aggregate import Aggregate
from .linting import AuditSpec
from .progress import Progress

DEFAULT_FIELDS = ("desk", "author", "month")


@dataclass
class AuditResult:
    summary: dict
    out_dir: Path
    interrupted: bool = False


def audit(paths: Iterable[str], out_dir: str | Path, *, scheduler: str = "processes", workers: int = 2,
          by: Iterable[str] = DEFAULT_FIELDS, date: _dt.date | None = None, config: str | None = None,
          select: Iterable[str] = (), ignore: Iterable[str] = (), facts_as_of: _dt.date | None = None,
          progress: bool = False, stream: TextIO | None = None, batch: int | None = None) -> AuditResult:
    """Audit the drafts under ``paths`` and write ``summary.json``, ``drafts.csv`` and
    ``report.html`` to ``out_dir``. Ctrl-C stops it; what was finished is still written.

    Raises :class:`lint.config.ConfigError`, :class:`lint.packs.PackError`,
    :class:`lint.engine.InputError` (a path that does not exist) and
    :class:`lint.audit.run.SchedulerError` (an unknown scheduler, one that cannot be reached,
    or workers that cannot lint any draft) instead of writing outputs.
    """
    from ..engine import InputError
    from .run import BATCH, Stream, check_scheduler, client_for

    check_scheduler(scheduler)
    paths = [str(p) for p in paths]
    if config is not None:
        config = str(Path(config).resolve())  # workers may not share this process's folder
    fields = tuple(dict.fromkeys(by))
    from ..engine import EngineSpec

    # stats: the audit reports sentences and reading grade per draft, as check --stats does
    spec = AuditSpec(EngineSpec(date=date, config=config, select=tuple(select), ignore=tuple(ignore), stats=True,
                                facts_as_of=facts_as_of), fields=fields)
    engine = spec.build()
    linting.validate(spec, engine)
    walker = linting.Walker(paths, spec, engine)
    missing = walker.missing()
    if missing:
        raise InputError(f"{missing[0]}: no such file or folder")
    packs = linting.fact_packs(spec, engine)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stream = stream or sys.stderr
    total = linting.count_drafts(paths, spec, engine) if progress else None
    bar = Progress(total, stream, enabled=progress)
    agg = Aggregate(fields)
    rows = outputs.DraftsCsv(out / "drafts.csv", fields)
    started = time.monotonic()
    interrupted = False
    try:
        with client_for(scheduler, workers) as client:
            batches = Stream(client, spec, walker, batch=batch or BATCH)
            try:
                for records in batches:
                    for r in records:
                        rows.write(r)
                        agg.add(r)
                    rows.flush()  # a stopped or killed audit leaves every finished row on disk
                    bar.advance(len(records))
            except KeyboardInterrupt:
                interrupted = True
                batches.cancel()
    except KeyboardInterrupt:  # while the cluster started or shut down
        interrupted = True
    finally:
        bar.close()
        rows.close()
    run = {
        "paths": paths,
        "date": date.isoformat() if date else None,
        "config": config,
        "select": list(select),
        "ignore": list(ignore),
        "by": list(fields),
        "scheduler": scheduler,
        "interrupted": interrupted,
        "seconds": round(time.monotonic() - started, 2),
        "fact_packs": [{"name": n, "as_of": a} for n, a in packs],
        "not_drafts": walker.not_drafts,
        "excluded": walker.excluded,
        "folder_errors": walker.errors,
    }
    data = outputs.summary(agg, run)
    outputs.write_json(out / "summary.json", data)
    from .report import render

    outputs.write_text(out / "report.html", render(agg, data, out))
    return AuditResult(data, out, interrupted)
