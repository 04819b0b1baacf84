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


#: A rule's budget is counted in this many ticks of the interval timer: a runaway rule is
#: stopped after between its limit and 1.1 times its limit of CPU time.
TICKS = 10


class Budget:
    """The CPU-time limit for each rule in one document's run.

    One interval timer ticks through the whole document (``with Budget(...)``), every tenth
    of the limit; each tick is charged to the rule then running, and the rule whose ticks
    pass the limit is stopped. Between rules nothing is armed or disarmed: :meth:`start` and
    :meth:`stop` only mark which rule the ticks belong to. (Arming a timer around each rule
    cost two system calls per rule, about 150,000 on a run over 1,000 drafts; installing a
    handler per rule had cost about 6% of a run.)
    """

    def __init__(self, limit_seconds: float) -> None:
        self.seconds = limit_seconds
        self.active = (limit_seconds > 0 and hasattr(signal, "setitimer")
                       and threading.current_thread() is threading.main_thread())
        self._previous = None
        self._running = False
        self._ticks = 0

    def _tick(self, _signum, _frame) -> None:
        if not self._running:
            return  # between rules: the engine's own work is not a rule's
        self._ticks += 1
        # The first tick may come at once after start(): only TICKS whole intervals prove the limit spent.
        if self._ticks > TICKS:
            self._running = False
            raise RuleTimeout()

    def __enter__(self) -> "Budget":
        if self.active:
            self._previous = signal.signal(signal.SIGVTALRM, self._tick)
            interval = self.seconds / TICKS
            signal.setitimer(signal.ITIMER_VIRTUAL, interval, interval)
        return self

    def __exit__(self, *exc: object) -> None:
        self._running = False
        if self.active:
            signal.setitimer(signal.ITIMER_VIRTUAL, 0)
            signal.signal(signal.SIGVTALRM, self._previous)

    def start(self) -> None:
        """Start charging ticks to a new rule, with its whole budget."""
        self._ticks = 0
        self._running = True

    def stop(self) -> None:
        """The rule is done: ticks until the next start() are nobody's."""
        self._running = False
