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

import os
import signal
import threading

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


class Budget:
    """The CPU-time limit for each rule in one document's run.

    The signal handler is installed once for the whole run (``with Budget(...)``) and only
    the timer is set around each rule (:meth:`start`, :meth:`stop`): installing a handler
    per rule cost about 6% of a run on real drafts.
    """

    def __init__(self, limit_seconds: float) -> None:
        self.seconds = limit_seconds
        self.active = (limit_seconds > 0 and hasattr(signal, "setitimer")
                       and threading.current_thread() is threading.main_thread())
        self._previous = None

    def __enter__(self) -> "Budget":
        if self.active:
            self._previous = signal.signal(signal.SIGVTALRM, _raise)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.active:
            signal.setitimer(signal.ITIMER_VIRTUAL, 0)
            signal.signal(signal.SIGVTALRM, self._previous)

    def start(self) -> None:
        """Arm the timer for one rule."""
        if self.active:
            signal.setitimer(signal.ITIMER_VIRTUAL, self.seconds)

    def stop(self) -> None:
        """Disarm it."""
        if self.active:
            signal.setitimer(signal.ITIMER_VIRTUAL, 0)
