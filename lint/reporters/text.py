"""``text``: one line per finding, then a summary; colour only on a terminal."""
from __future__ import annotations

from ..findings import Severity
from .base import Reporter, summary

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.SUGGESTION: "36", Severity.INFO: "37"}


class TextReporter(Reporter):
    name = "text"
    description = "path:line:column: severity category rule-id: message (suggestion)"

    def _paint(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.color else text

    def file(self, result) -> None:
        super().file(result)
        w = self.stream.write
        for f in result.findings:
            sev = self._paint(f.severity.label, _COLORS[f.severity])
            line = f"{result.path}:{f.line}:{f.column}: {sev} {f.category} {self._paint(f.rule, '2')}: {f.message}"
            if f.suggestions:
                line += f" ({', '.join(f.suggestions[:3])})"
            w(line + "\n")

    def finish(self) -> None:
        s = summary(self.results)
        dated: dict = {}
        for r in self.results:
            if r.date:
                dated[(r.date, r.date_source)] = dated.get((r.date, r.date_source), 0) + 1
        parts = [f"{s['findings']} finding{'s' if s['findings'] != 1 else ''} in {s['files']} file{'s' if s['files'] != 1 else ''}"]
        levels = [f"{s[k]} {k}{'s' if s[k] != 1 and k != 'info' else ''}" for k in ("error", "warning", "suggestion", "info") if s[k]]
        if levels:
            parts.append(", ".join(levels))
        if s.get("skipped"):
            parts.append(f"{s['skipped']} skipped")
        if len(dated) == 1:
            d, src = next(iter(dated))
            parts.append(f"judged at {d.isoformat()} ({src})")
        elif dated:
            shown = sorted(dated.items(), key=lambda kv: (-kv[1], kv[0]))
            listed = ", ".join(f"{d.isoformat()} ({src}){f' x{n}' if n > 1 else ''}" for (d, src), n in shown[:4])
            more = f" and {len(shown) - 4} more" if len(shown) > 4 else ""
            parts.append(f"judged at {listed}{more}")
        self.stream.write(self._paint("; ".join(parts), "1") + "\n")
        for n in self.notices():
            self.stream.write(f"note: {n['message']}; {n['hint']}\n" if n.get("hint") else f"note: {n['message']}\n")
