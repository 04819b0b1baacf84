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
#: A span longer than this (a few prefixes hold tens of thousands of characters: "str",
#: "con") is split into a dict of its lines once it has been searched ``SPLIT_AFTER``
#: times: a find() through 40,000 characters costs ~60 microseconds and the split about
#: twenty times that, so a run over many drafts splits the spans it keeps searching and a
#: one-page draft splits few or none.
SPLIT_SPAN = 4096
SPLIT_AFTER = 8


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

    __slots__ = ("_body", "_spans", "_prefix", "_split", "_searches")

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
        # Long spans: how often each was searched, and those split into key -> value
        # (see SPLIT_SPAN).
        self._searches: dict[str, int] = {}
        self._split: dict[str, dict[str, str]] = {}

    @classmethod
    def load(cls, path: str | Path) -> "Table":
        return cls(Path(path).read_text(encoding="utf-8"))

    def get(self, key: str) -> str | None:
        prefix = key[:self._prefix]
        span = self._spans.get(prefix)
        if span is None:
            return None
        if span[1] - span[0] > SPLIT_SPAN and "\t" not in key and "\n" not in key:
            lines = self._split.get(prefix)
            if lines is not None:
                return lines.get(key)
            searches = self._searches[prefix] = self._searches.get(prefix, 0) + 1
            if searches >= SPLIT_AFTER:
                lines = self._split[prefix] = self._split_span(span)
                return lines.get(key)
        body = self._body
        i = body.find("\n" + key + "\t", span[0], span[1])
        if i < 0:
            return None
        start = i + len(key) + 2
        return body[start:body.find("\n", start)]

    def _split_span(self, span: tuple[int, int]) -> dict[str, str]:
        # The span is whole lines, each after its newline: "\n<key>\t<value>" ...; a value
        # may hold tabs of its own, so each line splits at its first tab only.
        lines = self._body[span[0] + 1:span[1]].split("\n")
        return dict(line.split("\t", 1) for line in lines if line)

    @property
    def body(self) -> str:
        return self._body

    def keys(self) -> frozenset[str]:
        """Every key (builds a set: ~50 ms for the lexicon, worth it only for many lookups)."""
        import re

        return frozenset(re.findall(r"\n([^\t\n]+)\t", self._body))

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None
