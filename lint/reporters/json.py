"""``json``: the version-1 report contract of DESIGN.md."""
from __future__ import annotations

import json

from ..findings import Finding
from .base import Reporter, summary


def finding_dict(f: Finding) -> dict:
    return {
        "rule": f.rule,
        "category": f.category,
        "severity": f.severity.label,
        "message": f.message,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "offset": f.start,
        "end_offset": f.end,
        "match": f.match,
        "suggestions": list(f.suggestions),
    }


class JsonReporter(Reporter):
    name = "json"
    description = "machine-readable report, version 1"

    def finish(self) -> None:
        files = []
        for r in self.results:
            if r.skipped is not None:
                files.append({"path": r.path, "skipped": r.skipped})
                continue
            entry = {
                "path": r.path,
                "date": r.date.isoformat() if r.date else None,
                "date_source": r.date_source or None,
                "findings": [finding_dict(f) for f in r.findings],
            }
            if r.error:
                entry["error"] = r.error
            if r.stats is not None:
                entry["stats"] = r.stats
            files.append(entry)
        report = {"version": 1, "files": files, "summary": summary(self.results)}
        notices = self.notices()
        if notices:
            report["notices"] = notices
        if self.errors:
            report["errors"] = [str(e) for e in self.errors]
        json.dump(report, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
