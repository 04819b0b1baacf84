"""Findings as LSP objects: diagnostics, code actions and hover text. No I/O here."""
from __future__ import annotations

from lsprotocol import types as T

from .. import fixes
from ..engine import UNUSED_SUPPRESSION
from ..findings import Finding, Severity
from .linting import Linted

SOURCE = "newslint"
FIX_ALL_KIND = T.CodeActionKind.SourceFixAll
ADD_WORD = "newslint.addToVocabulary"
PARSE_ERROR = "newslint.document-error"

_SEVERITY = {
    Severity.ERROR: T.DiagnosticSeverity.Error,
    Severity.WARNING: T.DiagnosticSeverity.Warning,
    Severity.SUGGESTION: T.DiagnosticSeverity.Information,
    Severity.INFO: T.DiagnosticSeverity.Hint,
}


def span(linted: Linted, start: int, end: int) -> T.Range:
    (l1, c1), (l2, c2) = linted.index.position(start), linted.index.position(end)
    return T.Range(start=T.Position(line=l1, character=c1), end=T.Position(line=l2, character=c2))


def diagnostic(linted: Linted, f: Finding) -> T.Diagnostic:
    return T.Diagnostic(
        range=span(linted, f.start, f.end),
        severity=_SEVERITY[f.severity],
        code=f.rule,
        source=SOURCE,
        message=f.message + (f" ({', '.join(shown)})" if (shown := [s for s in f.suggestions if s]) else ""),
        data={"category": f.category, "start": f.start, "end": f.end},
    )


def diagnostics(linted: Linted) -> list[T.Diagnostic]:
    out = [diagnostic(linted, f) for f in linted.findings]
    if linted.error:
        out.insert(0, T.Diagnostic(range=span(linted, 0, 0), severity=T.DiagnosticSeverity.Error,
                                   code=PARSE_ERROR, source=SOURCE, message=linted.error))
    return out


def _edit(linted: Linted, chosen: list[Finding]) -> T.WorkspaceEdit:
    return T.WorkspaceEdit(changes={linted.uri: [T.TextEdit(range=span(linted, f.start, f.end), new_text=f.fix or "")
                                                 for f in chosen]})


def _wanted(kind: str, only: list[str] | None) -> bool:
    return not only or any(kind == k or kind.startswith(k + ".") for k in only)


def code_actions(linted: Linted, start: int, end: int, only: list[str] | None = None,
                 can_add_words: bool = True) -> list[T.CodeAction]:
    """Quick fixes for the findings that touch ``start:end``, and the fix-all action."""
    out: list[T.CodeAction] = []
    quick = _wanted(T.CodeActionKind.QuickFix, only)
    here = [f for f in linted.findings if f.start <= end and f.end >= start] if quick else []
    for f in here:
        diag = diagnostic(linted, f)
        if linted.doc is not None and fixes.choose(linted.doc, [f]):
            out.append(T.CodeAction(title=f"Replace '{f.match}' with '{f.fix}' ({f.rule})",
                                    kind=T.CodeActionKind.QuickFix, diagnostics=[diag], is_preferred=True,
                                    edit=_edit(linted, [f])))
        if f.rule != UNUSED_SUPPRESSION:
            out.append(T.CodeAction(title=f"Disable {f.rule} for this line", kind=T.CodeActionKind.QuickFix,
                                    diagnostics=[diag], edit=suppression(linted, f)))
        if f.category == "spelling" and can_add_words and f.match.strip():
            word = f.match.strip()
            out.append(T.CodeAction(title=f"Add '{word}' to the workspace vocabulary", kind=T.CodeActionKind.QuickFix,
                                    diagnostics=[diag],
                                    command=T.Command(title=f"Add '{word}' to the vocabulary", command=ADD_WORD,
                                                      arguments=[linted.uri, word])))
    if _wanted(FIX_ALL_KIND, only) and linted.doc is not None:
        chosen = fixes.choose(linted.doc, linted.findings)
        if chosen:
            out.append(T.CodeAction(title=f"Apply every safe newslint fix ({len(chosen)})", kind=FIX_ALL_KIND,
                                    edit=_edit(linted, chosen)))
    return out


def suppression(linted: Linted, f: Finding) -> T.WorkspaceEdit:
    """A ``newslint-disable-next-line`` comment on its own line above the finding's first line."""
    line, _ = linted.index.position(f.start)
    start = linted.index.starts[line]
    text = linted.text
    indent = text[start:len(text) - len(text[start:].lstrip(" \t"))] if start < len(text) else ""
    nl = "\r\n" if "\r\n" in text else "\n"
    comment = f"{indent}<!-- newslint-disable-next-line {f.rule} -->{nl}"
    at = T.Position(line=line, character=0)
    return T.WorkspaceEdit(changes={linted.uri: [T.TextEdit(range=T.Range(start=at, end=at), new_text=comment)]})


def hover(linted: Linted, offset: int, rules: dict) -> T.Hover | None:
    from ..commands.explain import render

    here = [f for f in linted.findings if f.start <= offset <= f.end]
    if not here:
        return None
    parts = []
    for f in here:
        parts.append(f"**{f.severity.label}** `{f.rule}`: {f.message}")
        text = render(f.rule, rules)
        if text:
            parts.append("```text\n" + text.rstrip("\n") + "\n```")
    first, last = min(f.start for f in here), max(f.end for f in here)
    return T.Hover(contents=T.MarkupContent(kind=T.MarkupKind.Markdown, value="\n\n".join(parts)),
                   range=span(linted, first, last))
