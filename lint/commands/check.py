"""``newslint check``: lint drafts and report findings; ``--fix`` and ``--diff`` apply safe fixes.

This module is the wiring only: arguments in, one engine built from them, the run's producer
(:mod:`lint.engine.runner`) handed to its consumer (:mod:`lint.reporters.outcomes`).
"""
from __future__ import annotations

import argparse
import os
import sys

from ..config import ConfigError
from ..engine import FileResult, InputError
from ..findings import Severity
from ..packs import PackError
from .common import EXIT_ERROR, count_arg, date_arg, fail, id_list

FAIL_LEVELS = ("error", "warning", "suggestion", "info")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="lint drafts", description="Lint drafts (files, folders, or - for standard input).")
    p.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    p.add_argument("--date", type=date_arg, help="judge facts and dates at this article date (YYYY-MM-DD)")
    p.add_argument("--facts-as-of", type=date_arg, metavar="DATE",
                   help="you have checked the fact packs are still right up to this date: no stale-packs notice"
                        " for articles dated up to it")
    p.add_argument("--format", default="text", help="output format: text (default), json, github, sarif")
    p.add_argument("--config", help="use this config file instead of searching for .newslint.yaml")
    p.add_argument("--select", action="append", metavar="ID", help="only these rule ids or prefixes (repeatable, comma-separated)")
    p.add_argument("--ignore", action="append", metavar="ID", help="skip these rule ids or prefixes")
    p.add_argument("--fail-level", choices=FAIL_LEVELS, help="lowest severity that fails the run (default: warning)")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    p.add_argument("--stdin-filename", default="<stdin>", help="name to report for standard input")
    fixing = p.add_mutually_exclusive_group()
    fixing.add_argument("--fix", action="store_true",
                        help="apply safe fixes in place (never inside quotes), then report what is left;"
                             " a run that changes a file exits 1")
    fixing.add_argument("--diff", action="store_true",
                        help="print the safe fixes as a unified diff and write nothing (exit 1 if there are any)")
    p.add_argument("--jobs", "-j", type=count_arg("--jobs", "processes"), default=1, metavar="N",
                   help="lint files in N processes (0: one per CPU); output order does not change")
    p.add_argument("--stats", action="store_true",
                   help="add readability statistics per file (words, sentences, grade...) to the report")
    p.add_argument("--no-progress", action="store_true", help="never show a progress bar")


def run(args: argparse.Namespace) -> int:
    from ..engine import EngineSpec, find_drafts, parallel, runner
    from ..engine.parallel import default_jobs
    from ..reporters import outcomes as report
    from ..reporters.progress import Progress

    spec = EngineSpec(date=args.date, config=args.config, select=id_list(args.select), ignore=id_list(args.ignore),
                      stats=args.stats, facts_as_of=args.facts_as_of)
    engine = spec.build()
    reporters = report.reporter_classes(engine)
    if args.format not in reporters:
        return fail(f"unknown format '{args.format}' (available: {', '.join(sorted(reporters))})")
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    mode = "fix" if args.fix else "diff" if args.diff else "check"
    if args.fix and "-" in args.paths and args.paths != ["-"]:
        return fail("--fix writes fixed standard input to standard output; give '-' as the only path")
    try:
        items, skipped, unreadable = find_drafts(args.paths, engine)
        # Every rule set the run needs is built now, so a bad pack or config stops the run
        # before any file is read or any finding printed.
        engine.prepare(items, args.stdin_filename)
    except (ConfigError, PackError, InputError) as exc:
        return fail(str(exc))
    for err in unreadable:
        sys.stderr.write(f"newslint: error: {err}\n")
    report.say_skipped(skipped, args.format)
    from .. import cli

    if cli.OWN_PROCESS:
        parallel.own_heap()  # this process is ours alone: tune the garbage collector for a run
    results = runner.outcomes(engine, items, mode=mode, jobs=args.jobs or default_jobs(), stdin=sys.stdin.buffer,
                              stdin_name=args.stdin_filename,
                              fail_level=Severity.parse(args.fail_level) if args.fail_level else None)
    progress = Progress(len(items), enabled=None if not args.no_progress else False)
    try:
        if mode == "diff":
            status = report.report_diffs(results, engine, progress)
        else:
            reporter = reporters[args.format](sys.stdout, color=color, errors=engine.errors)
            if hasattr(reporter, "use_engine"):  # reporters that describe the rules (sarif)
                reporter.use_engine(engine)
            for s in skipped:
                reporter.file(FileResult(s.path, skipped=s.reason))
            status = report.report(results, engine, reporter, progress, stats=args.stats,
                                   stats_lines=args.stats and args.format == "text", fixing=args.fix,
                                   finish=not (args.fix and args.paths == ["-"]))
    except (ConfigError, PackError, InputError) as exc:
        return fail(str(exc))
    return EXIT_ERROR if unreadable else status
