"""What a run produces: one file's result, and one file's outcome (its result and its fixes).

Outcomes cross process boundaries (``--jobs``), so everything here pickles and holds only
what a report needs, never a parsed document.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..findings import Finding, Severity
from ..notices import Notice

if TYPE_CHECKING:  # pragma: no cover
    from ..fixes import AppliedFix


class InputError(Exception):
    """A file cannot be linted; the message names it. Exit code 2."""


@dataclass
class FileResult:
    path: str
    date: _dt.date | None = None
    date_source: str = ""
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    stats: dict | None = None
    notices: list[Notice] = field(default_factory=list)  # run-level notes, merged by the reporter
    skipped: str | None = None  # why the file was not linted (excluded, not a draft type)


class RunError(str):
    """A problem of the run that is not a plugin's (a rule out of time); printed as it is."""


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
    #: the lowest severity that fails the run for this file (its config's, or --fail-level)
    fail_level: Severity | None = None
