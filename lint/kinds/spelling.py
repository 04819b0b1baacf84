"""``spelling``: the embedded news speller (see :mod:`lint.spelling`).

One kind, several rules: each rule reports one kind of verdict (``report``), so an
editor can turn off unknown-word warnings and keep known misspellings, or give the
US/UK variant rule (category ``style``) a severity of their own. The speller runs once per
document; the rules share its verdicts.

Settings (``settings: {spelling: {...}}`` in the config):

``names``
    ``true`` (default): words of known people's names from the fact packs are accepted,
    and capitalized words one slip away from them are taken for names (verdict ``name``,
    which the shipped packs do not report: ``facts.name-misspelling`` judges them with
    the draft's evidence). ``false`` turns that off.
"""
from __future__ import annotations

from typing import Iterable

from ..document import Document
from ..findings import Finding, Severity
from ..rule import MAPPING, STRINGS, Param, ParamError, Rule
from ..spelling.verdicts import verdicts

REPORTS = ("misspelling", "unknown", "rare", "variant", "name", "foreign")
_SEVERITY = {"error": Severity.ERROR, "warning": Severity.WARNING, "suggestion": Severity.SUGGESTION,
             "info": Severity.INFO}

def _reports(value: object) -> tuple[str, ...]:
    out = STRINGS(value)
    bad = [v for v in out if v not in REPORTS]
    if bad:
        raise ParamError(f"unknown report {bad[0]!r} (expected: {', '.join(REPORTS)})")
    return out


class Spelling(Rule):
    """Reports the embedded speller's verdicts of the kinds named in ``report``
    (misspelling, unknown, rare, variant, name, foreign); the speller runs once per
    draft for all spelling rules. The message, or ``messages`` per verdict, may use
    ``{match}``, ``{suggestion}``, ``{language}`` and ``{hint}`` ("; did you mean ...?")."""

    kind = "spelling"
    params = {
        "report": Param(_reports, f"which verdicts this rule reports: {', '.join(REPORTS)}", required=True,
                        type="string or list of strings"),
        "messages": Param(
            MAPPING,
            f"message templates per verdict ({', '.join(REPORTS)}); default: the rule's message",
            default={},
        ),
    }

    def setup(self) -> None:
        self._reports = frozenset(self.options["report"])
        messages = self.options["messages"]
        bad = [k for k in messages if k not in REPORTS]
        if bad:
            raise ParamError(f"messages: unknown verdict {bad[0]!r}")
        self._messages = messages

    def check(self, doc: Document) -> Iterable[Finding]:
        for v in verdicts(doc, self.settings):
            kind = v.kind
            if kind == "unknown" and v.severity == "error":
                kind = "misspelling"  # one strong candidate: reported like a known misspelling
            if kind not in self._reports:
                continue
            yield self.finding(
                doc,
                v.word.start,
                v.word.end,
                message=self._messages.get(kind),
                suggestions=v.suggestions,
                fix=v.fix,
                severity=_SEVERITY.get(v.severity, self.severity) if kind != "variant" else None,
                language=self.settings.language or "draft's",
                hint=f"; did you mean '{v.suggestions[0]}'?" if v.suggestions else "",
            )
