"""Pieces several subcommands share: exit codes, errors, dates, id lists."""
from __future__ import annotations

import argparse
import datetime as _dt
import sys

from ..reporters.outcomes import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK

__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "EXIT_OK", "UsageError", "date_arg", "fail", "id_list"]


class UsageError(Exception):
    """Bad arguments or input; printed as one line, exit code 2."""


def fail(message: str) -> int:
    sys.stderr.write(f"newslint: error: {message}\n")
    return EXIT_ERROR


def date_arg(value: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date as YYYY-MM-DD") from None


def id_list(values: list[str] | None) -> tuple[str, ...]:
    """``--select a,b --select c`` -> (a, b, c)."""
    out: list[str] = []
    for v in values or ():
        out.extend(t for t in v.replace(",", " ").split() if t)
    return tuple(out)
