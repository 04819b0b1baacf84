"""The finding a rule reports, and the closed sets of categories and severities."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field

CATEGORIES: frozenset[str] = frozenset(
    {
        "spelling",
        "grammar",
        "fact",
        "name",
        "date",
        "bias",
        "style",
        "clutter",
        "readability",
        "consistency",
    }
)


class Severity(enum.IntEnum):
    """Ordered so that ``severity >= fail_level`` decides whether a run fails."""

    INFO = 0
    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls[str(value).upper()]
        except KeyError:
            names = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {value!r} (expected one of: {names})") from None

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Finding:
    """One problem in one document.

    ``start``/``end`` are code-point offsets into the document's text (end exclusive).
    ``fix`` is the replacement text for ``start:end`` when the fix is safe to apply
    without an editor looking (``--fix``); suggestions are for people.
    """

    rule: str
    category: str
    severity: Severity
    message: str
    start: int
    end: int
    match: str
    suggestions: tuple[str, ...] = ()
    fix: str | None = None
    # Filled in by the engine from the document, for reporters.
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    data: dict = field(default_factory=dict, compare=False, hash=False)

    def replace(self, **changes: object) -> "Finding":
        from dataclasses import replace

        return replace(self, **changes)
