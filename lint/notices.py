"""Run-level notices: things a report should say once, that are not about a span of text.

A rule may return notices for a document besides its findings (see ``Rule.notices``).
Notices travel with each file's result, also from worker processes, and a report merges
them: one line in the text summary, one entry in the JSON report's top-level ``notices``,
however many files raised them. The first kind is ``stale-facts``: the article is dated
after the fact packs it is judged against.
"""
from __future__ import annotations

import datetime as _dt
from typing import Callable, Iterable, NamedTuple


class Notice(NamedTuple):
    """What one document says to the run: ``subjects`` are what it is about (for
    ``stale-facts``, ``(pack name, as_of)`` pairs) and ``date`` the article date."""

    kind: str
    rule: str
    subjects: tuple[tuple[str, str], ...]
    date: _dt.date | None = None


def _stale_facts(rule: str, subjects: list[tuple[str, str]], latest: _dt.date | None, files: int) -> dict:
    packs = ", ".join(f"{name} (current to {as_of})" for name, as_of in subjects)
    where = f"{files} file{'s' if files != 1 else ''}"
    dated = f"dated up to {latest.isoformat()}" if latest else "dated"
    return {
        "message": (f"{where} {dated} name people from fact packs older than the article: {packs}; "
                    "offices may have changed hands since, and titles are judged as the packs knew them"),
        "hint": ("refresh the packs with 'newslint facts update', or, once you have checked they are still "
                 "right, say so with --facts-as-of YYYY-MM-DD (or 'facts-as-of:' in the config)"),
        "packs": [{"name": name, "as_of": as_of} for name, as_of in subjects],
        "latest_article_date": latest.isoformat() if latest else None,
    }


_FORMATTERS: dict[str, Callable[..., dict]] = {"stale-facts": _stale_facts}


def merge(notices: Iterable[Notice]) -> list[dict]:
    """The run's notices, one per kind and rule, in the order they were first raised."""
    groups: dict[tuple[str, str], dict] = {}
    for n in notices:
        g = groups.setdefault((n.kind, n.rule), {"subjects": [], "latest": None, "files": 0})
        g["files"] += 1
        for s in n.subjects:
            if s not in g["subjects"]:
                g["subjects"].append(s)
        if n.date is not None and (g["latest"] is None or n.date > g["latest"]):
            g["latest"] = n.date
    out = []
    for (kind, rule), g in groups.items():
        fmt = _FORMATTERS.get(kind)
        body = fmt(rule, sorted(g["subjects"]), g["latest"], g["files"]) if fmt else {
            "message": f"{kind}: " + ", ".join(f"{a} {b}".strip() for a, b in g["subjects"])}
        out.append({"kind": kind, "rule": rule, "files": g["files"], **body})
    return out
