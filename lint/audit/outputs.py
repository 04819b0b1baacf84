"""The audit's data files: ``drafts.csv`` (written a row at a time) and ``summary.json``."""
from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import IO, Any

from .aggregate import CATEGORY_ORDER, Aggregate
from .linting import DraftRecord

SUMMARY_VERSION = 1


class DraftsCsv:
    """One row per draft, in the order drafts finish; flushed as it goes, so an audit stopped
    part way has a file with every draft it finished."""

    def __init__(self, path: Path, fields: tuple[str, ...]) -> None:
        self.fields = tuple(f for f in fields if f != "month")
        self._fh: IO[str] = open(path, "w", newline="", encoding="utf-8")
        self._csv = csv.writer(self._fh)
        self._csv.writerow(["path", "date", "date_source", "month", *self.fields, "words", "sentences", "grade_level",
                            "findings",
                            *(f"{c}_findings" for c in CATEGORY_ORDER), "error"])

    def write(self, r: DraftRecord) -> None:
        groups = ["; ".join(r.fields.get(f, ())) for f in self.fields]
        if r.error is not None:
            self._csv.writerow([r.path, "", "", "", *groups, "", "", "", "", *([""] * len(CATEGORY_ORDER)), r.error])
            return
        grade = "" if r.grade is None else r.grade
        self._csv.writerow([r.path, r.date, r.date_source, r.month, *groups, r.words, r.sentences, grade, r.findings,
                            *(r.categories.get(c, 0) for c in CATEGORY_ORDER), ""])

    def flush(self) -> None:
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()


def summary(agg: Aggregate, run: dict[str, Any]) -> dict:
    """Everything the report shows, as data. ``run`` describes the run (paths, date, scheduler...)."""
    return {
        "version": SUMMARY_VERSION,
        **run,
        "drafts": agg.drafts,
        "linted": agg.total.drafts,
        "unreadable": agg.unreadable,
        "judged": {
            "date": run.get("date"),
            "dates": agg.judged,
            "date_sources": dict(sorted(agg.date_sources.items())),
        },
        "totals": {**agg.total.as_dict(), "by_severity": dict(sorted(agg.severities.items()))},
        "by_month": {m: agg.months[m].as_dict(rules=False) for m in sorted(agg.months)},
        "groups": {name: {v: t.as_dict() for v, t in agg.group_items(name)} for name in agg.groups},
        "most_findings": agg.top_drafts(),
        "unreadable_drafts": [{"path": p, "error": e} for p, e in agg.unreadable_listed],
        "notices": [{"kind": n["kind"], "rule": n["rule"], "drafts": n["drafts"],
                     "packs": [{"name": a, "as_of": b} for a, b in sorted(n["subjects"])]}
                    for n in agg.notices.values()],
    }


def write_json(path: Path, data: dict) -> None:
    """Write atomically: a reader never sees half a summary."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def write_text(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
