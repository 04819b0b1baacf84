"""LanguageTool, when the config names a server or a local installation.

    # .newslint.yaml
    languagetool:
      server: http://localhost:8081      # a LanguageTool HTTP server you run
      # local: /opt/languagetool         # or a folder holding LanguageTool-x.y/
      timeout: 10                        # seconds (default 10)

LanguageTool's matches become findings of the rule ``languagetool.match`` (category
mapped from LanguageTool's: typos -> ``spelling``, grammar and punctuation ->
``grammar``, style -> ``style``), at exact positions, without automatic fixes (its
first suggestion for a name is often another name). Matches the built-in checks
already report (the speller's words, repeated words, a/an, doubled punctuation and
spaces, unpaired quotes and brackets) are dropped, and so are its spelling matches on
capitalized words, which the speller's name rules judge: precision first.

The client library, language-tool-python, is GPL-3.0 and an optional extra
(``pip install 'newslint[languagetool]'``); it is imported only when LanguageTool is
configured. Nothing is ever downloaded: a ``local`` folder without LanguageTool in it,
a missing library or an unreachable server produce one warning on standard error, and
the built-in checks run as usual. Drafts are unpublished copy, so the public
LanguageTool API is never used unless the user names it as the server.
"""
from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from .findings import Finding, Severity
from .hookspecs import hookimpl
from .rule import Examples, Rule

if TYPE_CHECKING:  # pragma: no cover
    from .config import Settings
    from .document import Document

RULE_ID = "languagetool.match"

# LanguageTool category ids -> newslint categories. Anything else counts as grammar.
CATEGORY = {
    "TYPOS": "spelling",
    "GRAMMAR": "grammar",
    "PUNCTUATION": "grammar",
    "CASING": "grammar",
    "CONFUSED_WORDS": "grammar",
    "COLLOCATIONS": "grammar",
    "TYPOGRAPHY": "grammar",
    "SEMANTICS": "grammar",
    "STYLE": "style",
    "REDUNDANCY": "style",
    "PLAIN_ENGLISH": "style",
    "WIKIPEDIA": "style",
    "NONSTANDARD_PHRASES": "style",
    "GENDER_NEUTRALITY": "style",
    "AMERICAN_ENGLISH_STYLE": "style",
    "BRITISH_ENGLISH": "style",
    "MISC": "grammar",
}
# ... and by issue type, which LanguageTool sets on every rule.
ISSUE_TYPE = {"misspelling": "spelling", "style": "style", "locale-violation": "style", "register": "style"}
SEVERITY = {"spelling": Severity.WARNING, "grammar": Severity.WARNING, "style": Severity.SUGGESTION}

# LanguageTool rules whose job the built-in checks do (see rules/grammar.yaml).
BUILT_IN = frozenset({
    "ENGLISH_WORD_REPEAT_RULE", "ENGLISH_WORD_REPEAT_BEGINNING_RULE", "EN_A_VS_AN", "DOUBLE_PUNCTUATION",
    "WHITESPACE_RULE", "CONSECUTIVE_SPACES", "EN_UNPAIRED_BRACKETS", "EN_UNPAIRED_QUOTES", "UNPAIRED_BRACKETS",
    "COMMA_PARENTHESIS_WHITESPACE",
})

_LOCK = threading.Lock()
_CLIENTS: dict[tuple, Any] = {}
_WARNED: set[tuple] = set()


class LanguageToolUnavailable(Exception):
    """LanguageTool is configured but cannot be used (no library, no server, no install)."""


def warn_once(key: tuple, message: str) -> None:
    """One warning per problem and process, on standard error (findings stay clean)."""
    with _LOCK:
        if key in _WARNED:
            return
        _WARNED.add(key)
    print(f"newslint: warning: {message}; running the built-in checks only", file=sys.stderr)


def _config_key(config: dict, language: str) -> tuple:
    return (config.get("server"), config.get("local"), language)


def client(config: dict, language: str) -> Any:
    """A language-tool-python ``LanguageTool`` for this configuration (cached per process).

    Raises :class:`LanguageToolUnavailable` with a one-line reason.
    """
    key = _config_key(config, language)
    with _LOCK:
        if key in _CLIENTS:
            got = _CLIENTS[key]
            if isinstance(got, LanguageToolUnavailable):
                raise got
            return got
    try:
        got = _connect(config, language)
    except LanguageToolUnavailable as exc:
        got = exc
    with _LOCK:
        _CLIENTS[key] = got
    if isinstance(got, LanguageToolUnavailable):
        raise got
    return got


def _connect(config: dict, language: str) -> Any:
    try:
        import language_tool_python  # GPL-3.0: imported only when configured
    except ImportError:
        raise LanguageToolUnavailable(
            "LanguageTool is configured but language-tool-python is not installed "
            "(pip install 'newslint[languagetool]')"
        ) from None
    errors: tuple[type[BaseException], ...] = (OSError, TimeoutError, ValueError)
    lt_error = getattr(language_tool_python, "LanguageToolError", None)
    if lt_error is None:
        lt_error = getattr(getattr(language_tool_python, "utils", None), "LanguageToolError", None)
    if isinstance(lt_error, type):
        errors = errors + (lt_error,)
    try:  # requests' errors derive from OSError, but be explicit where available
        import requests

        errors = errors + (requests.RequestException,)
    except ImportError:  # pragma: no cover - language-tool-python depends on requests
        pass
    server = config.get("server")
    local = config.get("local")
    try:
        if server:
            return language_tool_python.LanguageTool(language, remote_server=str(server))
        folder = Path(str(local)).expanduser()
        # Never let the library download LanguageTool: use an existing installation only.
        if not any(folder.glob("LanguageTool*")) and not (folder / "languagetool-server.jar").exists():
            raise LanguageToolUnavailable(f"no LanguageTool installation in {folder}")
        os.environ["LTP_PATH"] = str(folder)
        return language_tool_python.LanguageTool(language)
    except LanguageToolUnavailable:
        raise
    except errors as exc:
        where = server or local
        raise LanguageToolUnavailable(
            f"LanguageTool at {where} is unreachable ({type(exc).__name__}: {_short(exc)})") from None


def _category(match: Any) -> str:
    issue = getattr(match, "rule_issue_type", None) or getattr(match, "ruleIssueType", "")
    if issue in ISSUE_TYPE:
        return ISSUE_TYPE[issue]
    return CATEGORY.get(getattr(match, "category", ""), "grammar")


class LanguageTool(Rule):
    """Findings from a configured LanguageTool (see the module docstring)."""

    kind = "languagetool"
    params = {}

    def check(self, doc: "Document") -> Iterable[Finding]:
        config = self.settings.languagetool or {}
        if not config:
            return []
        language = self.settings.language
        key = _config_key(config, language)
        try:
            lt = client(config, language)
            matches = lt.check(doc.prose)
        except LanguageToolUnavailable as exc:
            warn_once(key, str(exc))
            return []
        except Exception as exc:  # noqa: BLE001 - a server error must not stop the run
            # Connection refused, timeouts, HTTP errors (language-tool-python wraps them in
            # its LanguageToolError): stop asking this server for the rest of the run.
            where = config.get("server") or config.get("local")
            reason = LanguageToolUnavailable(
                f"LanguageTool at {where} is unreachable ({type(exc).__name__}: {_short(exc)})")
            with _LOCK:
                _CLIENTS[key] = reason
            warn_once(key, str(reason))
            return []
        return list(self._findings(doc, matches))

    def _findings(self, doc: "Document", matches: Iterable[Any]) -> Iterable[Finding]:
        from .spelling.verdicts import verdicts

        builtin = verdicts(doc, self.settings)
        taken = [(v.word.start, v.word.end) for v in builtin]
        seen: set[tuple[int, int, str]] = set()
        for m in matches:
            rule_id = getattr(m, "rule_id", None) or getattr(m, "ruleId", "")
            start = int(m.offset)
            end = start + int(getattr(m, "error_length", None) or getattr(m, "errorLength", 0))
            if rule_id in BUILT_IN or end <= start or end > len(doc.text):
                continue
            # Text LanguageTool saw as blanks (markup, code, URLs) is not the writer's prose.
            if doc.text[start:end] != doc.prose[start:end]:
                continue
            category = _category(m)
            if category == "spelling":
                if any(s < end and start < e for s, e in taken):
                    continue  # the built-in speller reports this word already
                if doc.text[start:start + 1].isupper():
                    # Capitalized words are judged by the speller's name rules (a name
                    # unless it is a clear slip); LanguageTool's dictionary lacks most names.
                    continue
            key = (start, end, category)
            if key in seen:
                continue
            seen.add(key)
            replacements = tuple(r if isinstance(r, str) else r.get("value", "") for r in (m.replacements or ()))[:5]
            yield self.finding(
                doc, start, end,
                message=_escape(str(getattr(m, "message", ""))) + f" (LanguageTool {rule_id})",
                suggestions=replacements,
                category=category,
                severity=SEVERITY.get(category, Severity.WARNING),
            )


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 160 else text[:157] + "..."


def _escape(text: str) -> str:
    # Messages are format templates (see Rule.finding): keep LanguageTool's braces literal.
    return text.replace("{", "{{").replace("}", "}}")


def rules_for(settings: "Settings") -> list[Rule]:
    """The LanguageTool rule when the settings configure LanguageTool, else none."""
    if not settings.languagetool:
        return []
    return [
        LanguageTool(
            id=RULE_ID,
            category="grammar",
            severity=Severity.WARNING,
            message="{match}",
            why=(
                "LanguageTool checks grammar, style and spelling with thousands of rules; "
                "newslint runs it only when a server or local installation is configured, "
                "and keeps its findings where the built-in checks are silent."
            ),
            examples=Examples(
                bad=("He go to school every day.",),
                good=("He goes to school every day.",),
            ),
            skip=frozenset(),
            options={},
            settings=settings,
            pack="languagetool",
            summary="A problem LanguageTool found (when a LanguageTool server is configured)",
            source=__file__,
        )
    ]


@hookimpl
def register_rules(settings: "Settings") -> list[Rule]:
    return rules_for(settings)
