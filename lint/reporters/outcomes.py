"""The consumer of a check run: it reports each outcome as it comes and works out the exit status.

The producer (:func:`lint.engine.runner.outcomes`) lints; this module only writes: each
file's findings through the chosen reporter, the fixes ``--fix`` applied, ``--diff``'s
diffs, errors, a progress bar, the closing summary. It reads no file and runs no rule.
"""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Iterable, TextIO

from ..findings import Severity

if TYPE_CHECKING:  # pragma: no cover
    from ..engine import Engine, Outcome, Skipped
    from .base import Reporter
    from .progress import Progress

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def reporter_classes(engine: "Engine") -> dict[str, type]:
    """Output formats by name, as plugins register them (the first of a name wins)."""
    out = {}
    for _plugin, cls in engine.plugins.collect("register_reporters"):
        out.setdefault(cls.name, cls)
    return out


def say_skipped(skipped: "list[Skipped]", fmt: str, err: TextIO | None = None) -> None:
    """Paths named on the command line and not linted get a line each; those found in folders a
    count (the JSON report lists every one)."""
    err = err or sys.stderr
    found = [s for s in skipped if not s.named]
    for s in skipped:
        if s.named:
            err.write(f"newslint: skipped {s.path}: {s.reason}\n")
    if found and fmt == "text":
        why: dict[str, int] = {}
        for s in found:
            key = "excluded" if s.reason.startswith("excluded") else "not drafts"
            why[key] = why.get(key, 0) + 1
        parts = ", ".join(f"{n} {k}" for k, n in sorted(why.items()))
        err.write(f"newslint: skipped {len(found)} file{'s' if len(found) != 1 else ''} found in folders "
                  f"({parts}); --format json lists them\n")


def report(outcomes: "Iterable[Outcome]", engine: "Engine", reporter: "Reporter", progress: "Progress", *,
           stats: bool = False, stats_lines: bool = False, fixing: bool = False, finish: bool = True) -> int:
    """Report every outcome; the exit status. ``stats_lines`` adds a statistics line per file
    (text format); ``fixing`` sums up the fixes applied; without ``finish`` the reporter writes
    no closing part (``--fix`` of standard input, whose output is the fixed text)."""
    status = EXIT_OK
    fixed_files = fixed_count = 0
    interleaved = sys.stdout.isatty()
    try:
        for outcome in outcomes:
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
                if interleaved and (result.findings or stats):
                    progress.clear()
                reporter.file(result)
                if stats_lines and result.stats:
                    sys.stdout.write(format_stats_line(result.path, result.stats) + "\n")
            if result.error:
                sys.stderr.write(f"newslint: error: {result.error}\n")
                status = EXIT_ERROR
            elif status == EXIT_OK and (outcome.changed or _fails(outcome)):
                status = EXIT_FINDINGS
            progress.advance()
    finally:
        progress.close()
    if finish:
        reporter.finish()
    if fixing and fixed_count:
        sys.stderr.write(f"newslint: fixed {fixed_count} problem{'s' if fixed_count != 1 else ''} in "
                         f"{fixed_files} file{'s' if fixed_files != 1 else ''}\n")
    status = _errors(engine, status)
    sys.stdout.flush()
    return status


def report_diffs(outcomes: "Iterable[Outcome]", engine: "Engine", progress: "Progress") -> int:
    """``--diff``: print each file's diff; the exit status (1 when anything would change)."""
    status = EXIT_OK
    files = count = 0
    try:
        for outcome in outcomes:
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
    status = _errors(engine, status)
    sys.stderr.write(f"newslint: {count} fix{'es' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}"
                     " would be applied by --fix\n" if count else "newslint: nothing to fix\n")
    sys.stdout.flush()
    return status


def _fails(outcome: "Outcome") -> bool:
    level = outcome.fail_level if outcome.fail_level is not None else Severity.WARNING
    return any(f.severity >= level for f in outcome.result.findings)


def _errors(engine: "Engine", status: int) -> int:
    """Plugins' and the run's errors, printed after the report; any one fails the run."""
    for err in engine.errors:
        sys.stderr.write(f"newslint: error: {err}\n")
    return EXIT_ERROR if engine.errors else status


def format_stats_line(path: str, s: dict) -> str:
    line = f" at line {s['longest_sentence_line']}" if s.get("longest_sentence_line") else ""
    desk = f", desk {s['desk']}" if s.get("desk") else ""
    return (f"{path}: {s['words']} words, {s['sentences']} sentences, reading ease {s['reading_ease']},"
            f" grade {s['grade_level']}, {s['average_sentence_words']} words per sentence,"
            f" longest {s['longest_sentence_words']}{line}{desk}")
