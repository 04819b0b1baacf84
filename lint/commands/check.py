"""``newslint check``: lint drafts and report findings."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..config import ConfigError
from ..document import DocumentError, decode
from ..engine import Engine, FileResult, InputError, expand_paths
from ..findings import Severity
from ..packs import PackError
from .common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, date_arg, fail, id_list

FAIL_LEVELS = ("error", "warning", "suggestion", "info")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="lint drafts", description="Lint drafts (files, folders, or - for standard input).")
    p.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    p.add_argument("--date", type=date_arg, help="judge facts and dates at this article date (YYYY-MM-DD)")
    p.add_argument("--format", default="text", help="output format: text (default), json, github, sarif")
    p.add_argument("--config", help="use this config file instead of searching for .newslint.yaml")
    p.add_argument("--select", action="append", metavar="ID", help="only these rule ids or prefixes (repeatable, comma-separated)")
    p.add_argument("--ignore", action="append", metavar="ID", help="skip these rule ids or prefixes")
    p.add_argument("--fail-level", choices=FAIL_LEVELS, help="lowest severity that fails the run (default: warning)")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    p.add_argument("--stdin-filename", default="<stdin>", help="name to report for standard input")


def reporter_classes(engine: Engine) -> dict[str, type]:
    out = {}
    for _plugin, cls in engine.plugins.collect("register_reporters"):
        out.setdefault(cls.name, cls)
    return out


def run(args: argparse.Namespace) -> int:
    engine = Engine(date=args.date, config=args.config, select=id_list(args.select), ignore=id_list(args.ignore))
    reporters = reporter_classes(engine)
    if args.format not in reporters:
        return fail(f"unknown format '{args.format}' (available: {', '.join(sorted(reporters))})")
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    try:
        items = expand_paths(args.paths, engine)
        results = _lint(engine, items, args)
    except (ConfigError, PackError, InputError) as exc:
        return fail(str(exc))
    reporter = reporters[args.format](sys.stdout, color=color, errors=engine.errors)
    status = EXIT_OK
    for result, fail_level in results:
        reporter.file(result)
        if result.error:
            sys.stderr.write(f"newslint: error: {result.error}\n")
            status = EXIT_ERROR
        elif status == EXIT_OK and any(f.severity >= fail_level for f in result.findings):
            status = EXIT_FINDINGS
    reporter.finish()
    for err in engine.errors:
        sys.stderr.write(f"newslint: error: {err}\n")
    if engine.errors:
        status = EXIT_ERROR
    sys.stdout.flush()
    return status


def _lint(engine: Engine, items: list, args: argparse.Namespace) -> list[tuple[FileResult, Severity]]:
    out = []
    for path, cfg in items:
        if path == "-":
            cfg = engine.config_for(Path.cwd())
            try:
                text = decode(sys.stdin.buffer.read(), args.stdin_filename)
            except DocumentError as exc:
                out.append((FileResult(args.stdin_filename, error=str(exc)), Severity.ERROR))
                continue
            result = engine.check_text(text, args.stdin_filename, config=cfg)
        else:
            result = engine.check_file(path, cfg)
        level = Severity.parse(args.fail_level) if args.fail_level else cfg.fail_level
        out.append((result, level))
    return out
