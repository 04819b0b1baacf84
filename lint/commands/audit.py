"""``newslint audit``: lint an archive on Dask; counts by group and month, and a report page."""
from __future__ import annotations

import argparse
import sys

from .common import EXIT_OK, count_arg, date_arg, fail, id_list

INSTALL = "newslint audit needs Dask and matplotlib: pip install 'newslint[audit]'"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "audit", help="lint an archive on Dask and write a report",
        description="Lint every draft under PATH on Dask (local processes, threads, or a running "
                    "dask.distributed scheduler) and write summary.json, drafts.csv and report.html to --out.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--out", "-o", default="newslint-audit", metavar="DIR",
                   help="folder for summary.json, drafts.csv and report.html (default: newslint-audit)")
    p.add_argument("--scheduler", default="processes", metavar="WHERE",
                   help="processes (default: a local cluster), threads, or the address of a running "
                        "dask.distributed scheduler (tcp://host:8786)")
    p.add_argument("--workers", "-j", type=count_arg("--workers", "workers"), default=0, metavar="N",
                   help="local worker processes or threads (default: one per CPU)")
    p.add_argument("--by", action="append", metavar="FIELD",
                   help="group by this front-matter field (author, desk, section, tags...) or 'month'; "
                        "repeatable, comma-separated (default: desk, author, month)")
    p.add_argument("--date", type=date_arg, help="judge facts and dates at this date (YYYY-MM-DD); months still "
                                                 "come from each draft's own date")
    p.add_argument("--facts-as-of", type=date_arg, metavar="DATE",
                   help="you have checked the fact packs are still right up to this date")
    p.add_argument("--config", help="use this config file instead of searching for .newslint.yaml")
    p.add_argument("--select", action="append", metavar="ID", help="only these rule ids or prefixes")
    p.add_argument("--ignore", action="append", metavar="ID", help="skip these rule ids or prefixes")
    p.add_argument("--no-progress", action="store_true", help="never show the progress line")


def run(args: argparse.Namespace) -> int:
    import importlib.util

    if any(importlib.util.find_spec(m) is None for m in ("dask", "distributed", "matplotlib")):
        return fail(INSTALL)
    from ..config import ConfigError
    from ..engine import InputError
    from ..packs import PackError
    from ..engine.parallel import default_jobs
    from ..audit import audit
    from ..audit.progress import wanted
    from ..audit.run import SchedulerError

    by = id_list(args.by) or None
    try:
        result = audit(args.paths, args.out, scheduler=args.scheduler, workers=args.workers or default_jobs(),
                       **({"by": by} if by else {}), date=args.date, config=args.config,
                       select=id_list(args.select), ignore=id_list(args.ignore), facts_as_of=args.facts_as_of,
                       progress=not args.no_progress and wanted(sys.stderr))
    except (ConfigError, PackError, InputError, SchedulerError) as exc:
        return fail(str(exc))
    s = result.summary
    totals = s["totals"]
    stopped = "stopped: " if result.interrupted else ""
    sys.stdout.write(f"{stopped}{s['drafts']:,} drafts ({s['unreadable']:,} unreadable), {totals['words']:,} words, "
                     f"{totals['findings']:,} findings ({totals['findings_per_1000_words']} per 1,000 words) in "
                     f"{s['seconds']} s\n")
    for item in s["unreadable_drafts"][:10]:
        sys.stderr.write(f"newslint: not linted: {item['error']}\n")
    if s["unreadable"] > 10:
        sys.stderr.write(f"newslint: ... and {s['unreadable'] - 10:,} more; drafts.csv lists them all\n")
    sys.stdout.write(f"wrote {result.out_dir / 'report.html'}, summary.json and drafts.csv\n")
    return 130 if result.interrupted else EXIT_OK
