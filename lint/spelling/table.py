"""A sorted text table looked up in place, so loading it costs one file read.

Building a Python dict of 160,000 words costs ~100 ms on a modest machine, which is the
whole time budget of the spelling rules on a one-page draft. Instead the data files are
sorted lines ``<key>\\t<value>`` whose first line indexes where each three-character key
prefix starts and ends; a lookup is a ``str.find`` inside one small slice of the text.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

HEADER = "#index"
PREFIX = 3  # spans of a few hundred bytes: a find() costs well under a microsecond


def encode(rows: Iterable[tuple[str, str]], prefix: int = PREFIX) -> str:
    """Serialise ``(key, value)`` rows (keys unique, no tabs or newlines) into a table.

    ``prefix`` is the length of the key prefixes the index records: longer makes lookups
    faster and the header (read at every start) longer.
    """
    rows = sorted(rows)
    body_lines = [f"{k}\t{v}" for k, v in rows]
    # Offsets are relative to the start of the body, which begins with a newline so every
    # line, the first included, can be found as "\n<key>\t".
    spans: dict[str, list[int]] = {}
    pos = 0
    for (key, _), line in zip(rows, body_lines):
        p = key[:prefix]
        if p not in spans:
            spans[p] = [pos, pos]
        spans[p][1] = pos + 1 + len(line)
        pos += 1 + len(line)
    # "<prefix> <start> <end> ..." flat, so reading it is three C-level list operations.
    index = " ".join(f"{p} {s} {e}" for p, (s, e) in spans.items())
    return f"{HEADER}{prefix} {index}\n" + "".join("\n" + line for line in body_lines) + "\n"


class Table:
    """Read-only view of an encoded table."""

    __slots__ = ("_body", "_spans", "_prefix")

    def __init__(self, text: str) -> None:
        header, sep, body = text.partition("\n")
        if not header.startswith(HEADER):
            raise ValueError("not a newslint table (missing #index header)")
        self._body = body  # starts with the newline before the first line: offsets count from it
        self._prefix = int(header[len(HEADER):header.index(" ")])
        items = header[len(HEADER):].split(" ")[1:]
        starts = map(int, items[1::3])
        ends = map(int, items[2::3])
        self._spans = dict(zip(items[0::3], zip(starts, ends)))

    @classmethod
    def load(cls, path: str | Path) -> "Table":
        return cls(Path(path).read_text(encoding="utf-8"))

    def get(self, key: str) -> str | None:
        span = self._spans.get(key[:self._prefix])
        if span is None:
            return None
        body = self._body
        i = body.find("\n" + key + "\t", span[0], span[1])
        if i < 0:
            return None
        start = i + len(key) + 2
        return body[start:body.find("\n", start)]

    @property
    def body(self) -> str:
        return self._body

    def keys(self) -> frozenset[str]:
        """Every key (builds a set: ~50 ms for the lexicon, worth it only for many lookups)."""
        import re

        return frozenset(re.findall(r"\n([^\t\n]+)\t", self._body))

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None
