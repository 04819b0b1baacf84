"""A progress bar for long runs, on standard error."""
from __future__ import annotations

import os
import sys
import time
from typing import TextIO

PROGRESS_MIN_FILES = 20  # fewer files than this finish before a bar would help


class Progress:
    """A one-line progress bar on standard error, drawn only on a terminal and never in CI.
    Subclasses say what the line holds (:meth:`line`) and how often it is redrawn."""

    interval = 0.1  # seconds between redraws

    def __init__(self, total: int | None, stream: TextIO | None = None, *, enabled: bool | None = None) -> None:
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
    def wanted(stream: TextIO, total: int | None) -> bool:
        """On a terminal, outside CI, and for enough files to need it (``None``: not known yet)."""
        if (total is not None and total < PROGRESS_MIN_FILES) or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
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
        if now - self._last >= self.interval or self.done == self.total:
            self._last = now
            self.stream.write("\r\033[K" + self.line(now - self._start))
            self.stream.flush()
            self.shown = True

    def line(self, elapsed: float) -> str:
        width = 30
        filled = int(width * self.done / self.total) if self.total else width
        rate = self.done / max(elapsed, 1e-6)
        return f"[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} files ({rate:.0f}/s)"

    def clear(self) -> None:
        if self.enabled and self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.shown = False
            self._last = 0.0  # redraw on the next file

    def close(self) -> None:
        self.clear()
        self.enabled = False
