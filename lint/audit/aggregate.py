"""Adding drafts' records up as they stream in: totals, groups, months, the worst drafts.

Memory grows with the number of distinct groups, months and rules, never with the number
of drafts: per-draft rows go to ``drafts.csv`` as they arrive, and only the drafts with
the most findings and the first unreadable ones are kept here.
"""
from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field

from ..findings import CATEGORIES
from .linting import UNDATED, DraftRecord

TOP_DRAFTS = 25
LISTED_UNREADABLE = 1000
# DESIGN.md's order; a category added to the closed set later goes at the end.
_DESIGN_ORDER = ("spelling", "grammar", "fact", "name", "date", "bias", "style", "clutter", "readability",
                 "consistency")
CATEGORY_ORDER = (*(c for c in _DESIGN_ORDER if c in CATEGORIES), *sorted(CATEGORIES - set(_DESIGN_ORDER)))


@dataclass
class Tally:
    """Counts for one set of drafts (all of them, a group, a month)."""

    drafts: int = 0
    words: int = 0
    sentences: int = 0
    graded: int = 0
    grade_sum: float = 0.0
    findings: int = 0
    categories: Counter = field(default_factory=Counter)
    rules: Counter = field(default_factory=Counter)

    def add(self, r: DraftRecord, rules: bool = True) -> None:
        self.drafts += 1
        self.words += r.words
        self.sentences += r.sentences
        if r.grade is not None:
            self.graded += 1
            self.grade_sum += r.grade
        self.findings += r.findings
        self.categories.update(r.categories)
        if rules:
            self.rules.update(r.rules)

    def per_1000(self, n: int) -> float:
        return round(1000 * n / self.words, 3) if self.words else 0.0

    @property
    def average_grade(self) -> float | None:
        return round(self.grade_sum / self.graded, 1) if self.graded else None

    @property
    def average_sentence_words(self) -> float | None:
        return round(self.words / self.sentences, 1) if self.sentences else None

    def as_dict(self, rules: bool = True) -> dict:
        out = {"drafts": self.drafts, "words": self.words, "findings": self.findings,
               "findings_per_1000_words": self.per_1000(self.findings),
               "average_grade": self.average_grade, "average_sentence_words": self.average_sentence_words,
               "by_category": {c: self.categories[c] for c in CATEGORY_ORDER if self.categories[c]}}
        if rules:
            out["by_rule"] = dict(sorted(self.rules.items(), key=lambda kv: (-kv[1], kv[0])))
        return out


class Aggregate:
    """The audit's running totals."""

    def __init__(self, fields: tuple[str, ...]) -> None:
        self.fields = fields
        self.total = Tally()
        self.severities: Counter = Counter()
        self.groups: dict[str, dict[str, Tally]] = {f: {} for f in fields}
        self.months: dict[str, Tally] = {}
        # field -> value -> month -> tally (words and categories): the trend of each group
        self.trends: dict[str, dict[str, dict[str, Tally]]] = {f: {} for f in fields if f != "month"}
        self.date_sources: Counter = Counter()
        self.judged: list[str] = []  # earliest and latest date drafts were judged at
        self.unreadable = 0
        self.unreadable_listed: list[tuple[str, str]] = []
        self.notices: dict[tuple[str, str], dict] = {}
        self._top: list[tuple] = []  # min-heap of (findings, reversed path order, path, words, categories)

    def add(self, r: DraftRecord) -> None:
        if r.error is not None:
            self.unreadable += 1
            if len(self.unreadable_listed) < LISTED_UNREADABLE:
                self.unreadable_listed.append((r.path, r.error))
            return
        self.total.add(r)
        self.severities.update(r.severities)
        self.date_sources[r.date_source] += 1
        if r.date:
            self.judged = [min(self.judged[0], r.date), max(self.judged[1], r.date)] if self.judged else [r.date, r.date]
        self.months.setdefault(r.month, Tally()).add(r, rules=False)
        for name in self.fields:
            values = (r.month,) if name == "month" else (r.fields.get(name) or ("(none)",))
            for v in values:
                self.groups[name].setdefault(v, Tally()).add(r)
                if name != "month":
                    self.trends[name].setdefault(v, {}).setdefault(r.month, Tally()).add(r, rules=False)
        for kind, rule, subjects in r.notices:
            n = self.notices.setdefault((kind, rule), {"kind": kind, "rule": rule, "drafts": 0, "subjects": set()})
            n["drafts"] += 1
            n["subjects"].update(subjects)
        if r.findings:
            # Ties keep the path that sorts first, so the list does not depend on arrival order.
            item = (r.findings, _Rev(r.path), r.path, r.words, tuple(sorted(r.categories.items())))
            if len(self._top) < TOP_DRAFTS:
                heapq.heappush(self._top, item)
            elif item > self._top[0]:
                heapq.heapreplace(self._top, item)

    @property
    def drafts(self) -> int:
        return self.total.drafts + self.unreadable

    def top_drafts(self) -> list[dict]:
        return [{"path": p, "findings": n, "words": w, "by_category": dict(c)}
                for n, _r, p, w, c in sorted(self._top, reverse=True)]

    def group_items(self, name: str) -> list[tuple[str, Tally]]:
        """A field's groups, largest first; months in order of time."""
        items = self.groups.get(name, {}).items()
        if name == "month":
            return sorted(items)
        return sorted(items, key=lambda kv: (-kv[1].drafts, kv[0]))

    def month_names(self) -> list[str]:
        return sorted(m for m in self.months if m != UNDATED)


class _Rev(str):
    """A string that sorts backwards (for the min-heap of worst drafts)."""

    def __lt__(self, other: str) -> bool:  # type: ignore[override]
        return str.__gt__(self, other)

    def __gt__(self, other: str) -> bool:  # type: ignore[override]
        return str.__lt__(self, other)
