"""Pieces several subcommands share: exit codes, errors, dates, id lists, process counts."""
from __future__ import annotations

import argparse
import datetime as _dt
import sys
from typing import Callable

from ..reporters.outcomes import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK

__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "EXIT_OK", "UsageError", "count_arg", "date_arg", "fail", "id_list"]


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


def count_arg(option: str, noun: str) -> Callable[[str], int]:
    """An argparse type for ``option``: a count of ``noun``, 0 meaning one per CPU."""
    def parse(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{value}' is not a number of {noun}") from None
        if n < 0:
            raise argparse.ArgumentTypeError(f"{option} must be 0 (one per CPU) or more")
        return n

    parse.__name__ = option.lstrip("-")
    return parse


def id_list(values: list[str] | None) -> tuple[str, ...]:
    """``--select a,b --select c`` -> (a, b, c)."""
    out: list[str] = []
    for v in values or ():
        out.extend(t for t in v.replace(",", " ").split() if t)
    return tuple(out)
