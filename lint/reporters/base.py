"""The reporter interface and the summary every format shares."""
from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TextIO

from ..findings import Severity

if TYPE_CHECKING:  # pragma: no cover
    from ..engine import FileResult


class Tally:
    """A run's counts, kept as results stream past, so a reporter that prints as it goes
    holds no file's findings after printing them (memory flat over any number of drafts)."""

    def __init__(self) -> None:
        self.counts = {s.label: 0 for s in sorted(Severity, reverse=True)}
        self.files = self.findings = self.skipped = 0
        self.dated: dict = {}  # (date, source) -> files judged at it
        self.notices: list = []

    def add(self, r: "FileResult") -> None:
        if r.skipped is not None:
            self.skipped += 1
            return
        self.files += 1
        for f in r.findings:
            self.counts[f.severity.label] += 1
            self.findings += 1
        if r.date:
            self.dated[(r.date, r.date_source)] = self.dated.get((r.date, r.date_source), 0) + 1
        self.notices.extend(r.notices)

    def summary(self) -> dict:
        """Counts for a run; ``skipped`` (files named or found but not linted) only when there are any."""
        out = {"files": self.files, "findings": self.findings, **self.counts}
        if self.skipped:
            out["skipped"] = self.skipped
        return out


def summary(results: "list[FileResult]") -> dict:
    tally = Tally()
    for r in results:
        tally.add(r)
    return tally.summary()


class Reporter:
    """Writes a run's results. ``start``/``file`` may stream; ``finish`` closes the output."""

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    #: formats written in one piece at the end (JSON, SARIF) keep every result; streaming
    #: formats keep only the tally
    keeps_results: ClassVar[bool] = True

    def __init__(self, stream: TextIO, *, color: bool = False, errors: list | None = None) -> None:
        self.stream = stream
        self.color = color
        self.errors = errors if errors is not None else []
        self.results: list[FileResult] = []
        self.tally = Tally()

    def file(self, result: "FileResult") -> None:
        self.tally.add(result)
        if self.keeps_results:
            self.results.append(result)

    def summary(self) -> dict:
        return self.tally.summary()

    def notices(self) -> list[dict]:
        """The run's notices, merged across files (see :mod:`lint.notices`)."""
        from ..notices import merge

        return merge(self.tally.notices)

    def finish(self) -> None:
        raise NotImplementedError
