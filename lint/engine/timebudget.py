"""A time limit on one rule's work on one document, so a runaway pattern cannot hang a run.

Python's regular-expression engine checks for signals while it backtracks, so an interval
timer stops even a match that would run for hours. The timer counts the process's own CPU
time (``ITIMER_VIRTUAL``), not the wall clock: on a busy machine a long but honest rule (the
speller on a 300,000-character word list) gets the same budget as on a quiet one, and a
runaway pattern is still stopped, since backtracking is all CPU. The limit applies in the
main thread of a process (the CLI, and each ``--jobs`` worker); elsewhere, and on systems
without ``setitimer``, rules run without one. ``NEWSLINT_RULE_TIME_LIMIT`` sets the CPU
seconds (default 60; 0 turns the limit off).
"""
from __future__ import annotations

import contextlib
import os
import signal
import threading
from typing import Iterator

DEFAULT_SECONDS = 60.0


class RuleTimeout(Exception):
    """A rule used up its time on one document."""


def seconds() -> float:
    raw = os.environ.get("NEWSLINT_RULE_TIME_LIMIT", "")
    try:
        return max(float(raw), 0.0) if raw else DEFAULT_SECONDS
    except ValueError:
        return DEFAULT_SECONDS


def _raise(_signum, _frame) -> None:
    raise RuleTimeout()


@contextlib.contextmanager
def limit(limit_seconds: float) -> Iterator[None]:
    """Raise :class:`RuleTimeout` inside the block once it has used ``limit_seconds`` of CPU time."""
    if limit_seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGVTALRM, _raise)
    signal.setitimer(signal.ITIMER_VIRTUAL, limit_seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)
