"""Known misspellings: "recieve" -> "receive", "Febuary" -> "February".

Data: ``rules/spelling/misspellings.tsv`` from codespell's dictionary (CC BY-SA 3.0,
derived from Wikipedia's lists of common misspellings; see LICENSES.md), filtered to
corrections our lexicon knows. A row is *safe* when it has one correction and codespell
marks no caveat: only those become automatic fixes.
"""
from __future__ import annotations

import functools
from typing import NamedTuple

from .lexicon import data_dir
from .table import Table


class Known(NamedTuple):
    fixes: tuple[str, ...]
    safe: bool


class Misspellings:
    def __init__(self, table: Table, extra: dict[str, str] | None = None) -> None:
        self._table = table
        self._extra = {k.lower(): v for k, v in (extra or {}).items()}

    def get(self, word: str) -> Known | None:
        """The corrections of a word written wrong (case-insensitive), or None."""
        w = word.lower().replace("’", "'")
        if w in self._extra:
            return Known((self._extra[w],), True)
        row = self._table.get(w)
        if row is None:
            return None
        fixes, _, safe = row.partition("\t")
        return Known(tuple(fixes.split("|")), safe == "1")


@functools.lru_cache(maxsize=1)
def default_table() -> Table:
    return Table.load(data_dir() / "misspellings.tsv")
