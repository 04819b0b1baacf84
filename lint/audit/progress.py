"""A one-line progress display for the audit: drafts done, rate and time left."""
from __future__ import annotations

import os
import sys
import time
from typing import TextIO


def wanted(stream: TextIO) -> bool:
    """Only on a terminal, never in CI or on a dumb terminal."""
    if os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _duration(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}h{m:02d}m" if h else f"{m}m{s:02d}s" if m else f"{s}s"


class Progress:
    def __init__(self, total: int | None, stream: TextIO | None = None, *, enabled: bool = True) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self.enabled = enabled
        self._start = time.monotonic()
        self._last = 0.0
        self._shown = False

    def advance(self, n: int) -> None:
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last >= 0.2 or self.done == self.total:
            self._last = now
            self.stream.write("\r\033[K" + self.line(now - self._start))
            self.stream.flush()
            self._shown = True

    def line(self, elapsed: float) -> str:
        rate = self.done / elapsed if elapsed > 0 else 0.0
        if not self.total:
            return f"{self.done} drafts, {rate:.0f}/s"
        pct = 100 * self.done / self.total
        left = f", {_duration((self.total - self.done) / rate)} left" if rate and self.done < self.total else ""
        return f"audit: {self.done}/{self.total} drafts ({pct:.0f}%), {rate:.0f}/s{left}"

    def close(self) -> None:
        if self.enabled and self._shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
        self.enabled = False
