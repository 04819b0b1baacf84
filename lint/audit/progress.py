"""The audit's progress line: drafts done, rate and time left (the bar of ``check`` with
another line)."""
from __future__ import annotations

from typing import TextIO

from ..reporters.progress import Progress as _Bar


def wanted(stream: TextIO) -> bool:
    """Only on a terminal, never in CI or on a dumb terminal (the archive's size is not known
    when the audit starts)."""
    return _Bar.wanted(stream, None)


def _duration(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}h{m:02d}m" if h else f"{m}m{s:02d}s" if m else f"{s}s"


class Progress(_Bar):
    interval = 0.2

    def __init__(self, total: int | None, stream: TextIO | None = None, *, enabled: bool = True) -> None:
        super().__init__(total, stream, enabled=enabled)

    def line(self, elapsed: float) -> str:
        rate = self.done / elapsed if elapsed > 0 else 0.0
        if not self.total:
            return f"{self.done} drafts, {rate:.0f}/s"
        pct = 100 * self.done / self.total
        left = f", {_duration((self.total - self.done) / rate)} left" if rate and self.done < self.total else ""
        return f"audit: {self.done}/{self.total} drafts ({pct:.0f}%), {rate:.0f}/s{left}"
