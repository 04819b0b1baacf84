"""A progress bar for long runs, on standard error."""
from __future__ import annotations

import os
import sys
import time
from typing import TextIO

PROGRESS_MIN_FILES = 20  # fewer files than this finish before a bar would help


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
