"""The reporter interface and the summary every format shares."""
from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TextIO

from ..findings import Severity

if TYPE_CHECKING:  # pragma: no cover
    from ..engine import FileResult


def summary(results: "list[FileResult]") -> dict:
    """Counts for a run; ``skipped`` (files named or found but not linted) only when there are any."""
    counts = {s.label: 0 for s in sorted(Severity, reverse=True)}
    total = 0
    skipped = 0
    for r in results:
        if r.skipped is not None:
            skipped += 1
        for f in r.findings:
            counts[f.severity.label] += 1
            total += 1
    out = {"files": len(results) - skipped, "findings": total, **counts}
    if skipped:
        out["skipped"] = skipped
    return out


class Reporter:
    """Writes a run's results. ``start``/``file`` may stream; ``finish`` closes the output."""

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""

    def __init__(self, stream: TextIO, *, color: bool = False, errors: list | None = None) -> None:
        self.stream = stream
        self.color = color
        self.errors = errors if errors is not None else []
        self.results: list[FileResult] = []

    def file(self, result: "FileResult") -> None:
        self.results.append(result)

    def notices(self) -> list[dict]:
        """The run's notices, merged across files (see :mod:`lint.notices`)."""
        from ..notices import merge

        return merge(n for r in self.results for n in r.notices)

    def finish(self) -> None:
        raise NotImplementedError
