"""``newslint check``: lint drafts and report findings; ``--fix`` and ``--diff`` apply safe fixes."""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Iterator, TextIO

from ..config import ConfigError
from ..engine import Engine, FileResult, InputError, find_drafts
from ..findings import Severity
from ..packs import PackError
from .common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, date_arg, fail, id_list

FAIL_LEVELS = ("error", "warning", "suggestion", "info")
PROGRESS_MIN_FILES = 20  # fewer files than this finish before a bar would help


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
    p.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N",
                   help="lint files in N processes (0: one per CPU); output order does not change")
    p.add_argument("--stats", action="store_true",
                   help="add readability statistics per file (words, sentences, grade...) to the report")
    p.add_argument("--no-progress", action="store_true", help="never show a progress bar")


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of processes") from None
    if n < 0:
        raise argparse.ArgumentTypeError("--jobs must be 0 (one per CPU) or more")
    return n


def reporter_classes(engine: Engine) -> dict[str, type]:
    out = {}
    for _plugin, cls in engine.plugins.collect("register_reporters"):
        out.setdefault(cls.name, cls)
    return out


class Progress:
    """A one-line progress bar on standard error, drawn only on a terminal and never in CI."""

    def __init__(self, total: int, stream: TextIO | None = None, *, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self.shown = False
        self._last = 0.0
        self._start = time.monotonic()
        if enabled is None:
            enabled = self.wanted(self.stream, total)
        self.enabled = enabled

    @staticmethod
    def wanted(stream: TextIO, total: int) -> bool:
        if total < PROGRESS_MIN_FILES or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
            return False
        try:
            return stream.isatty()
        except (AttributeError, ValueError):
            return False

    def advance(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last >= 0.1 or self.done == self.total:
            self._last = now
            self._draw()

    def _draw(self) -> None:
        width = 30
        filled = int(width * self.done / self.total) if self.total else width
        rate = self.done / max(time.monotonic() - self._start, 1e-6)
        self.stream.write(f"\r\033[K[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} files"
                          f" ({rate:.0f}/s)")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.enabled and self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.shown = False
            self._last = 0.0  # redraw on the next file

    def close(self) -> None:
        self.clear()
        self.enabled = False


def run(args: argparse.Namespace) -> int:
    from ..engine import parallel

    select, ignore = id_list(args.select), id_list(args.ignore)
    engine = Engine(date=args.date, config=args.config, select=select, ignore=ignore, stats=args.stats,
                    facts_as_of=args.facts_as_of)
    reporters = reporter_classes(engine)
    if args.format not in reporters:
        return fail(f"unknown format '{args.format}' (available: {', '.join(sorted(reporters))})")
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    mode = "fix" if args.fix else "diff" if args.diff else "check"
    spec = parallel.EngineSpec(date=args.date, config=args.config, select=select, ignore=ignore, stats=args.stats,
                               facts_as_of=args.facts_as_of)
    jobs = args.jobs or parallel.default_jobs()
    if args.fix and "-" in args.paths and args.paths != ["-"]:
        return fail("--fix writes fixed standard input to standard output; give '-' as the only path")
    try:
        items, skipped, unreadable = find_drafts(args.paths, engine)
        for err in unreadable:
            sys.stderr.write(f"newslint: error: {err}\n")
        _say_skipped(skipped, args.format)
        progress = Progress(len(items), enabled=None if not args.no_progress else False)
        outcomes = _outcomes(engine, spec, items, args, mode, jobs)
        if mode == "diff":
            status = _report_diffs(outcomes, engine, progress)
        else:
            reporter = reporters[args.format](sys.stdout, color=color, errors=engine.errors)
            if hasattr(reporter, "use_engine"):  # reporters that describe the rules (sarif)
                reporter.use_engine(engine)
            for s in skipped:
                reporter.file(FileResult(s.path, skipped=s.reason))
            status = _report(outcomes, engine, reporter, args, progress)
        return EXIT_ERROR if unreadable else status
    except (ConfigError, PackError, InputError) as exc:
        return fail(str(exc))


def _say_skipped(skipped: list, fmt: str) -> None:
    """Paths named on the command line and not linted get a line each; those found in folders a
    count (the JSON report lists every one)."""
    found = [s for s in skipped if not s.named]
    for s in skipped:
        if s.named:
            sys.stderr.write(f"newslint: skipped {s.path}: {s.reason}\n")
    if found and fmt == "text":
        why: dict[str, int] = {}
        for s in found:
            key = "excluded" if s.reason.startswith("excluded") else "not drafts"
            why[key] = why.get(key, 0) + 1
        parts = ", ".join(f"{n} {k}" for k, n in sorted(why.items()))
        sys.stderr.write(f"newslint: skipped {len(found)} file{'s' if len(found) != 1 else ''} found in folders "
                         f"({parts}); --format json lists them\n")


def _outcomes(engine: Engine, spec, items: list, args: argparse.Namespace, mode: str, jobs: int) -> Iterator:
    """(outcome, fail level) per item, in order; standard input is read here, files maybe in a pool."""
    from ..engine import parallel

    def level(cfg) -> Severity:
        return Severity.parse(args.fail_level) if args.fail_level else cfg.fail_level

    batch: list = []
    for item in [*items, None]:
        if item is not None and item[0] != "-":
            batch.append(item)
            continue
        for (path, cfg), outcome in zip(batch, parallel.run(engine, spec, batch, jobs=jobs, mode=mode)):
            cfg = cfg if cfg is not None else engine.config_for(path)
            for err in outcome.plugin_errors:  # reported by a worker process, already formatted
                if err not in {str(e) for e in engine.errors}:
                    engine.errors.append(err)
            yield outcome, level(cfg)
        batch = []
        if item is not None:
            cfg = engine.config_for(Path.cwd())
            yield _stdin(engine, args, cfg, mode), level(cfg)


def _stdin(engine: Engine, args: argparse.Namespace, cfg, mode: str):
    from .. import fixes
    from ..engine.parallel import Outcome

    from ..reading import ReadError, decode_draft, read_stream

    name = args.stdin_filename
    try:
        text = decode_draft(read_stream(sys.stdin.buffer, name), name)
    except ReadError as exc:
        return Outcome(FileResult(name, error=str(exc)))
    if mode == "check":
        return Outcome(engine.check_text(text, name, config=cfg))
    fixed = fixes.fix_text(engine, text, name, cfg)
    out = Outcome(fixed.result or FileResult(name), list(fixed.applied), changed=fixed.changed)
    if mode == "diff" and fixed.changed:
        out.diff = fixes.unified_diff(name, fixed.original, fixed.fixed)
    elif mode == "fix":
        out.fixed_text = fixed.fixed  # goes to standard output, for editors that pipe a buffer through
    return out


def _report(outcomes, engine: Engine, reporter, args: argparse.Namespace, progress: Progress) -> int:
    status = EXIT_OK
    fixed_files = fixed_count = 0
    interleaved = sys.stdout.isatty()
    try:
        for outcome, fail_level in outcomes:
            result = outcome.result
            if outcome.fixed_text is not None:
                sys.stdout.write(outcome.fixed_text)
            if outcome.applied or outcome.fix_error or result.error:
                progress.clear()
            for fix in outcome.applied:
                sys.stderr.write(fix.describe(result.path) + "\n")
            if outcome.changed:
                fixed_files += 1
                fixed_count += len(outcome.applied)
            if outcome.fix_error:
                sys.stderr.write(f"newslint: error: {outcome.fix_error}\n")
                status = EXIT_ERROR
            if outcome.fixed_text is None:
                if interleaved and (result.findings or args.stats):
                    progress.clear()
                reporter.file(result)
                if args.stats and result.stats and args.format == "text":
                    sys.stdout.write(format_stats_line(result.path, result.stats) + "\n")
            if result.error:
                sys.stderr.write(f"newslint: error: {result.error}\n")
                status = EXIT_ERROR
            elif status == EXIT_OK and (outcome.changed or any(f.severity >= fail_level for f in result.findings)):
                status = EXIT_FINDINGS
            progress.advance()
    finally:
        progress.close()
    if not (args.fix and args.paths == ["-"]):
        reporter.finish()
    if args.fix and fixed_count:
        sys.stderr.write(f"newslint: fixed {fixed_count} problem{'s' if fixed_count != 1 else ''} in "
                         f"{fixed_files} file{'s' if fixed_files != 1 else ''}\n")
    for err in engine.errors:
        sys.stderr.write(f"newslint: error: {err}\n")
    if engine.errors:
        status = EXIT_ERROR
    sys.stdout.flush()
    return status


def _report_diffs(outcomes, engine: Engine, progress: Progress) -> int:
    status = EXIT_OK
    files = count = 0
    try:
        for outcome, _level in outcomes:
            result = outcome.result
            if outcome.diff:
                progress.clear()
                sys.stdout.write(outcome.diff)
                files += 1
                count += len(outcome.applied)
                if status == EXIT_OK:
                    status = EXIT_FINDINGS
            if result.error:
                progress.clear()
                sys.stderr.write(f"newslint: error: {result.error}\n")
                status = EXIT_ERROR
            progress.advance()
    finally:
        progress.close()
    for err in engine.errors:
        sys.stderr.write(f"newslint: error: {err}\n")
    if engine.errors:
        status = EXIT_ERROR
    sys.stderr.write(f"newslint: {count} fix{'es' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}"
                     " would be applied by --fix\n" if count else "newslint: nothing to fix\n")
    sys.stdout.flush()
    return status


def format_stats_line(path: str, s: dict) -> str:
    line = f" at line {s['longest_sentence_line']}" if s.get("longest_sentence_line") else ""
    desk = f", desk {s['desk']}" if s.get("desk") else ""
    return (f"{path}: {s['words']} words, {s['sentences']} sentences, reading ease {s['reading_ease']},"
            f" grade {s['grade_level']}, {s['average_sentence_words']} words per sentence,"
            f" longest {s['longest_sentence_words']}{line}{desk}")
