"""``spelling``: the embedded news speller (see :mod:`lint.spelling`).

One kind, several rules: each rule reports one kind of verdict (``report``), so an
editor can turn off unknown-word warnings and keep known misspellings, or give the
US/UK variant rule (category ``style``) a severity of their own. The speller runs once per
document; the rules share its verdicts.

Settings (``settings: {spelling: {...}}`` in the config):

``names``
    ``true`` (default): words of known people's names from the fact packs are accepted,
    and capitalized words one slip away from them are reported. ``false`` turns that off.
"""
from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Iterable

from ..document import Document
from ..findings import Finding, Severity
from ..rule import MAPPING, STRINGS, Param, ParamError, Rule

if TYPE_CHECKING:  # pragma: no cover
    from ..config import Settings
    from ..spelling.checker import SpellChecker, Verdict

REPORTS = ("misspelling", "unknown", "rare", "variant", "name")
_SEVERITY = {"error": Severity.ERROR, "warning": Severity.WARNING, "suggestion": Severity.SUGGESTION}

_LOCK = threading.Lock()
_CHECKERS: dict[tuple, "SpellChecker"] = {}
# The verdicts of the last documents checked, so the rules of one run share one pass.
_LAST: list[tuple[int, Document, list]] = []


def checker_for(settings: "Settings") -> "SpellChecker":
    """A speller for these settings (language, vocabulary), cached per process."""
    from ..spelling.checker import SpellChecker

    opts = settings.section("spelling")
    key = (settings.language, settings.vocabulary, bool(opts.get("names", True)), settings.fact_packs,
           getattr(settings, "registered_fact_packs", None))
    with _LOCK:
        sc = _CHECKERS.get(key)
        if sc is None:
            sc = SpellChecker(language=settings.language, vocabulary=sorted(settings.vocabulary))
            if opts.get("names", True):
                sc.names_source = lambda: _known_names(settings)
            _CHECKERS[key] = sc
    return sc


def _known_names(settings: "Settings") -> Iterable[str]:
    # The fact packs' gazetteer; a broken or missing facts package leaves names unknown
    # rather than stopping the speller.
    try:
        from ..facts import known_name_words
    except ImportError:  # pragma: no cover - facts is part of newslint
        return ()
    return known_name_words(settings)


def sentence_starts(doc: Document) -> frozenset[int]:
    """Where a capital says nothing about names: sentence, block and heading-word starts."""
    # Words of a title-case headline other than the first are treated like words inside a
    # sentence: their capitals say little, and headlines are full of names.
    starts = {s.start for s in doc.sentences}
    for b in doc.blocks:
        i = b.start
        while i < b.end and doc.prose[i].isspace():
            i += 1
        starts.add(i)
    # After a colon or a dash a capital may start a new clause.
    text = doc.prose
    i = text.find(": ")
    while i >= 0:
        starts.add(i + 2)
        i = text.find(": ", i + 1)
    return frozenset(starts)


def verdicts(doc: Document, settings: "Settings") -> list["Verdict"]:
    """The speller's verdicts on a document (computed once per document and settings)."""
    sc = checker_for(settings)
    with _LOCK:
        for key, d, vs in _LAST:
            if d is doc and key == id(sc):
                return vs
    vs = sc.check(doc.prose, sentence_starts(doc))
    with _LOCK:
        _LAST.insert(0, (id(sc), doc, vs))
        del _LAST[4:]
    return vs


def _reports(value: object) -> tuple[str, ...]:
    out = STRINGS(value)
    bad = [v for v in out if v not in REPORTS]
    if bad:
        raise ParamError(f"unknown report {bad[0]!r} (expected: {', '.join(REPORTS)})")
    return out


class Spelling(Rule):
    kind = "spelling"
    params = {
        "report": Param(_reports, f"which verdicts this rule reports: {', '.join(REPORTS)}", required=True),
        "messages": Param(
            MAPPING,
            "message templates per verdict (misspelling, unknown, rare, variant, name); default: the rule's message",
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
