"""``github``: GitHub Actions workflow commands, one annotation per finding."""
from __future__ import annotations

from ..findings import Severity
from .base import Reporter, summary

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice", Severity.INFO: "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    name = "github"
    description = "GitHub Actions annotations (::error file=...::message)"

    def file(self, result) -> None:
        super().file(result)
        for f in result.findings:
            msg = f.message + (f" (suggestion: {f.suggestions[0]})" if f.suggestions else "")
            props = (
                f"file={_escape_prop(result.path)},line={f.line},col={f.column},"
                f"endLine={f.end_line},endColumn={f.end_column},title={_escape_prop(f.rule)}"
            )
            self.stream.write(f"::{_LEVEL[f.severity]} {props}::{_escape_data(msg)}\n")
        if result.error:
            self.stream.write(f"::error file={_escape_prop(result.path)}::{_escape_data(result.error)}\n")

    def finish(self) -> None:
        s = summary(self.results)
        for n in self.notices():
            text = f"{n['message']}; {n['hint']}" if n.get("hint") else n["message"]
            self.stream.write(f"::notice title=newslint {n['kind']}::{_escape_data(text)}\n")
        self.stream.write(f"newslint: {s['findings']} findings in {s['files']} files\n")
