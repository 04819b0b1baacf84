"""``sarif``: SARIF 2.1.0, for GitHub code scanning and other CI viewers.

One run per report. Rules used by the findings are described in ``tool.driver.rules``
(summary, why, default level, category); each result points at its span with line and
column (Unicode code points, as ``columnKind`` says) and character offsets, and carries
a ``fix`` when newslint has a safe one. Files that could not be linted are reported as
tool execution notifications, so the log stays valid and the run is marked unsuccessful.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..findings import Finding, Severity
from .base import Reporter

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/newslint/"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "note", Severity.INFO: "note"}


def uri_for(path: str) -> str:
    """A SARIF ``uri``: relative paths stay relative (to the repository root), absolute ones are file URIs."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    from urllib.parse import quote  # imported here: every run registers this reporter

    return quote(p.as_posix(), safe="/-._~")


def region(f: Finding) -> dict:
    r = {
        "startLine": max(1, f.line),
        "startColumn": max(1, f.column),
        "endLine": max(1, f.end_line or f.line),
        "endColumn": max(1, f.end_column or f.column),
        "charOffset": f.start,
        "charLength": max(0, f.end - f.start),
    }
    if f.match:
        r["snippet"] = {"text": f.match if len(f.match) <= 500 else f.match[:499] + "…"}
    return r


class SarifReporter(Reporter):
    name = "sarif"
    description = "SARIF 2.1.0 log (GitHub code scanning, IDE viewers)"

    def __init__(self, stream, *, color: bool = False, errors: list | None = None) -> None:
        super().__init__(stream, color=color, errors=errors)
        self.engine = None

    def use_engine(self, engine) -> None:
        """Called by ``newslint check`` so rules can be described in the log."""
        self.engine = engine

    def _rule_docs(self) -> dict:
        docs: dict = {}
        if self.engine is None:
            return docs
        seen_paths = set()
        for r in self.results:
            if r.error or r.skipped is not None or r.path in seen_paths:
                continue
            seen_paths.add(r.path)
            try:
                path = None if r.path == "<stdin>" else r.path
                cfg = self.engine.config_for(Path.cwd() if path is None else path)
                for rule in self.engine.ruleset(cfg, path).rules:
                    docs.setdefault(rule.id, rule)
            except Exception:  # describing rules is a courtesy; the results are what matter
                continue
        return docs

    def log(self) -> dict:
        import hashlib  # here, not at the top: every run imports this module, few write SARIF

        docs = self._rule_docs()
        rules: list[dict] = []
        index: dict[str, int] = {}
        results: list[dict] = []
        notifications: list[dict] = []
        skipped_notes: list[dict] = []
        seen: dict[tuple, int] = {}
        for r in self.results:
            uri = uri_for(r.path)
            if r.skipped is not None:
                skipped_notes.append({
                    "level": "note",
                    "message": {"text": f"not linted: {r.skipped}"},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
                })
                continue
            if r.error:
                notifications.append({
                    "level": "error",
                    "message": {"text": r.error},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
                })
            for f in r.findings:
                if f.rule not in index:
                    index[f.rule] = len(rules)
                    rules.append(self._describe(f, docs.get(f.rule)))
                msg = f.message + (f" (suggestion: {', '.join(f.suggestions[:3])})" if f.suggestions else "")
                key = (f.rule, r.path, f.match)
                seen[key] = seen.get(key, 0) + 1
                fingerprint = hashlib.sha256("\x00".join((*map(str, key), str(seen[key]))).encode()).hexdigest()
                result = {
                    "ruleId": f.rule,
                    "ruleIndex": index[f.rule],
                    "level": LEVELS[f.severity],
                    "message": {"text": msg},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region(f)}}],
                    "partialFingerprints": {"newslintFindingHash/v1": fingerprint[:32]},
                    "properties": {"category": f.category, "severity": f.severity.label,
                                   "suggestions": list(f.suggestions)},
                }
                if f.fix is not None:
                    result["fixes"] = [{
                        "description": {"text": f"Replace '{f.match}' with '{f.fix}'"},
                        "artifactChanges": [{
                            "artifactLocation": {"uri": uri},
                            "replacements": [{
                                "deletedRegion": {"charOffset": f.start, "charLength": f.end - f.start},
                                "insertedContent": {"text": f.fix},
                            }],
                        }],
                    }]
                results.append(result)
        for e in self.errors:
            notifications.append({"level": "error", "message": {"text": str(e)}})
        from .. import __version__

        failed = bool(notifications)
        notifications.extend(skipped_notes)
        for n in self.notices():
            notifications.append({"level": "note", "message": {"text": f"{n['message']}; {n['hint']}" if n.get("hint") else n["message"]},
                                  "descriptor": {"id": n["kind"]}})
        invocation = {"executionSuccessful": not failed}
        if notifications:
            invocation["toolExecutionNotifications"] = notifications
        return {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "newslint",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "informationUri": INFORMATION_URI,
                    "rules": rules,
                }},
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }],
        }

    @staticmethod
    def _describe(f: Finding, rule) -> dict:
        out: dict = {"id": f.rule, "name": _camel(f.rule)}
        if rule is not None:
            out["shortDescription"] = {"text": rule.summary or rule.id}
            if rule.why:
                out["fullDescription"] = {"text": rule.why}
                out["help"] = {"text": f"{rule.why} Run 'newslint explain {rule.id}' for examples.",
                               "markdown": f"{rule.why}\n\nRun `newslint explain {rule.id}` for examples."}
            out["defaultConfiguration"] = {"level": LEVELS[rule.severity]}
        else:
            out["shortDescription"] = {"text": f.rule}
        out["properties"] = {"category": f.category, "tags": [f.category]}
        return out

    def finish(self) -> None:
        json.dump(self.log(), self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


def _camel(rule_id: str) -> str:
    """'clutter.navigation-link' -> 'ClutterNavigationLink' (SARIF's reportingDescriptor.name)."""
    return "".join(part[:1].upper() + part[1:] for part in rule_id.replace(".", "-").split("-") if part)
