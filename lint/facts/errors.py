"""The error a fact pack raises (kept in its own module so importing it is free)."""
from __future__ import annotations


class FactPackError(Exception):
    """One or more problems in fact packs; ``str()`` lists them as ``file:line: message``."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        head = self.problems[0] if self.problems else "invalid fact pack"
        more = f" (and {len(self.problems) - 1} more problem(s))" if len(self.problems) > 1 else ""
        super().__init__(head + more)
