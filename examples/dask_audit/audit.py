"""Audit a news archive with newslint on Dask.

Lints every draft under the given folders (``*.md``, ``*.markdown``, ``*.txt``) in a Dask
bag and aggregates the findings: how many per rule, per category and per severity, the
files with the most findings, files that could not be read, and readability averages.
Each partition lints its files with :func:`lint.check_file` (one engine per worker
process, rules compiled once), and only small per-file summaries travel back, so memory
stays flat however large the archive is.

    pip install "newslint[dask]"
    python examples/dask_audit/audit.py archive/ --date 2025-11-22 --scheduler processes
    python examples/dask_audit/audit.py archive/ --json > audit.json

On a cluster, create a ``dask.distributed.Client`` first and pass ``--scheduler
distributed`` (or call :func:`audit` with ``scheduler=None`` to use the active client).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Iterable

EXTENSIONS = (".md", ".markdown", ".txt")


def find_drafts(roots: Iterable[str | Path]) -> list[str]:
    """Draft files under the roots, sorted, hidden folders skipped (as ``newslint check`` does)."""
    out: list[str] = []
    for root in roots:
        root = Path(root)
        if root.is_file():
            out.append(str(root))
            continue
        for p in sorted(root.rglob("*")):
            if p.suffix.lower() in EXTENSIONS and p.is_file() and not any(
                    part.startswith(".") for part in p.relative_to(root).parts):
                out.append(str(p))
    return out


def summarize(path: str, date: str | None = None, select: tuple[str, ...] = (),
              ignore: tuple[str, ...] = ()) -> dict:
    """Lint one file and keep only what the audit adds up (no findings text, no document)."""
    import lint

    result = lint.check_file(path, date=date, select=select, ignore=ignore, stats=True)
    return {
        "path": path,
        "error": result.error,
        "rules": dict(Counter(f.rule for f in result.findings)),
        "categories": dict(Counter(f.category for f in result.findings)),
        "severities": dict(Counter(f.severity.label for f in result.findings)),
        "findings": len(result.findings),
        "words": (result.stats or {}).get("words", 0),
        "sentences": (result.stats or {}).get("sentences", 0),
        "grade": (result.stats or {}).get("grade_level"),
    }


def _lint_partition(paths: list[str], date, select, ignore) -> list[dict]:
    return [summarize(p, date, select, ignore) for p in paths]


def _combine(total: dict, item: dict) -> dict:
    total["files"] += 1
    total["findings"] += item["findings"]
    total["words"] += item["words"]
    total["sentences"] += item["sentences"]
    for key in ("rules", "categories", "severities"):
        total[key].update(item[key])
    if item["error"]:
        total["errors"].append((item["path"], item["error"]))
    if item["grade"] is not None and item["words"]:
        total["graded"] += 1
        total["grade_sum"] += item["grade"]
    total["top"].append((item["findings"], item["path"]))
    total["top"] = sorted(total["top"], key=lambda t: (-t[0], t[1]))[:10]
    return total


def _empty() -> dict:
    return {"files": 0, "findings": 0, "words": 0, "sentences": 0, "rules": Counter(), "categories": Counter(),
            "severities": Counter(), "errors": [], "graded": 0, "grade_sum": 0.0, "top": []}


def _merge(a: dict, b: dict) -> dict:
    out = _empty()
    for key in ("files", "findings", "words", "sentences", "graded", "grade_sum"):
        out[key] = a[key] + b[key]
    for key in ("rules", "categories", "severities"):
        out[key] = a[key] + b[key]
    out["errors"] = a["errors"] + b["errors"]
    out["top"] = sorted(a["top"] + b["top"], key=lambda t: (-t[0], t[1]))[:10]
    return out


def audit(roots: Iterable[str | Path], *, date: str | None = None, select: Iterable[str] = (),
          ignore: Iterable[str] = (), scheduler: str | None = "processes", partition_size: int = 50) -> dict:
    """Lint an archive on Dask and return the aggregated report (see :func:`report`)."""
    import dask
    import dask.bag as db

    paths = find_drafts(roots)
    if not paths:
        return report(_empty())
    bag = db.from_sequence(paths, partition_size=partition_size)
    summaries = bag.map_partitions(_lint_partition, date, tuple(select), tuple(ignore))
    # Initial values are factories: a shared mutable total would be counted once per partition.
    totals = summaries.foldby(lambda _item: "all", _combine, _empty, _merge, _empty)
    kwargs = {"scheduler": scheduler} if scheduler else {}
    with dask.config.set(**kwargs):
        computed = dict(totals.compute())
    return report(computed.get("all", _empty()))


def report(total: dict) -> dict:
    """The audit as plain data: counts sorted most frequent first."""
    return {
        "files": total["files"],
        "words": total["words"],
        "findings": total["findings"],
        "findings_per_1000_words": round(1000 * total["findings"] / total["words"], 2) if total["words"] else 0.0,
        "by_severity": dict(Counter(total["severities"]).most_common()),
        "by_category": dict(Counter(total["categories"]).most_common()),
        "by_rule": dict(Counter(total["rules"]).most_common()),
        "most_findings": [{"path": p, "findings": n} for n, p in total["top"] if n],
        "average_grade": round(total["grade_sum"] / total["graded"], 1) if total["graded"] else None,
        "average_sentence_words": round(total["words"] / total["sentences"], 1) if total["sentences"] else None,
        "errors": [{"path": p, "error": e} for p, e in total["errors"]],
    }


def render(rep: dict) -> str:
    lines = [f"{rep['files']} drafts, {rep['words']:,} words, {rep['findings']:,} findings "
             f"({rep['findings_per_1000_words']} per 1,000 words)"]
    if rep["average_grade"] is not None:
        lines.append(f"average grade {rep['average_grade']}, {rep['average_sentence_words']} words per sentence")
    lines.append("")
    lines.append("by severity: " + ", ".join(f"{k} {v}" for k, v in rep["by_severity"].items()))
    lines.append("by category: " + ", ".join(f"{k} {v}" for k, v in rep["by_category"].items()))
    lines.append("")
    lines.append("most frequent rules:")
    for rule, n in list(rep["by_rule"].items())[:15]:
        lines.append(f"  {n:7d}  {rule}")
    if rep["most_findings"]:
        lines.append("")
        lines.append("drafts with the most findings:")
        for item in rep["most_findings"]:
            lines.append(f"  {item['findings']:7d}  {item['path']}")
    if rep["errors"]:
        lines.append("")
        lines.append(f"{len(rep['errors'])} files could not be linted:")
        for item in rep["errors"][:20]:
            lines.append(f"  {item['error']}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("paths", nargs="+")
    p.add_argument("--date", help="article date for every draft (YYYY-MM-DD)")
    p.add_argument("--select", action="append", default=[])
    p.add_argument("--ignore", action="append", default=[])
    p.add_argument("--scheduler", default="processes",
                   help="Dask scheduler: processes (default), threads, synchronous, or distributed")
    p.add_argument("--partition-size", type=int, default=50)
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    args = p.parse_args(argv)
    scheduler = None if args.scheduler == "distributed" else args.scheduler
    rep = audit(args.paths, date=args.date, select=args.select, ignore=args.ignore, scheduler=scheduler,
                partition_size=args.partition_size)
    sys.stdout.write(json.dumps(rep, indent=2) + "\n" if args.json else render(rep))
    return 2 if rep["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
