"""LanguageTool integration (lint/languagetool.py).

LanguageTool itself (a Java server) cannot be installed on the machines these tests run
on, so most tests talk to a **local fake LanguageTool HTTP server**: a few lines of
``http.server`` that answer ``GET /v2/languages`` and ``POST /v2/check`` in the JSON
format LanguageTool documents (https://languagetool.org/http-api/). What is tested is
newslint's side: the language-tool-python client is driven against that server, its
matches become findings with mapped categories and exact positions, built-in findings
are not duplicated, and an unreachable server yields one warning while the built-in
checks still run. ``test_real_languagetool_server`` runs against a real server when the
environment variable ``NEWSLINT_LT_SERVER`` names one (e.g. http://localhost:8081).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import socket
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from lint import languagetool as LT
from lint.config import Config
from lint.engine import Engine
from lint.plugins import build

TEXT = "Similarily, he go to the the market in Riverton. Zaluzhnyi said it was a error."


def _match(text: str, word: str, rule_id: str, category: str, issue: str, message: str, repl: list[str],
           nth: int = 0) -> dict:
    offset = -1
    for _ in range(nth + 1):
        offset = text.index(word, offset + 1)
    return {
        "message": message,
        "shortMessage": "",
        "replacements": [{"value": r} for r in repl],
        "offset": offset,
        "length": len(word),
        "context": {"text": text[max(0, offset - 10):offset + 20], "offset": min(10, offset), "length": len(word)},
        "sentence": text,
        "type": {"typeName": "Other"},
        "rule": {
            "id": rule_id,
            "description": message,
            "issueType": issue,
            "category": {"id": category, "name": category.title()},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def fake_matches(text: str) -> list[dict]:
    """What a LanguageTool server would say about ``TEXT``-like drafts."""
    out = []
    if "Similarily" in text:  # the built-in speller reports it too: must be deduplicated
        out.append(_match(text, "Similarily", "MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling",
                          "Possible spelling mistake found.", ["Similarly"]))
    if "he go" in text:
        out.append(_match(text, "go", "HE_VERB_AGR", "GRAMMAR", "grammar",
                          "The pronoun 'he' must be used with a third-person verb: {goes}.", ["goes"]))
    if "the the" in text:  # a built-in check already: dropped
        out.append(_match(text, "the the", "ENGLISH_WORD_REPEAT_RULE", "MISC", "duplication",
                          "Possible typo: you repeated a word.", ["the"]))
    if "Zaluzhnyi" in text:  # a name inside a sentence: dropped for precision
        out.append(_match(text, "Zaluzhnyi", "MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling",
                          "Possible spelling mistake found.", ["Zaluzhny"]))
    if "a error" in text:  # built-in a/an: dropped
        out.append(_match(text, "a", "EN_A_VS_AN", "MISC", "misspelling", "Use 'an'.", ["an"], nth=0))
    if "in order to" in text:
        out.append(_match(text, "in order to", "IN_ORDER_TO", "STYLE", "style", "Consider 'to'.", ["to"]))
    return out


class FakeLanguageTool(BaseHTTPRequestHandler):
    """Answers like LanguageTool's HTTP API v2 (/v2/languages, /v2/check)."""

    requests: list[dict] = []

    def log_message(self, *args: object) -> None:  # keep pytest output clean
        pass

    def _json(self, payload: object) -> None:
        body = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802
        if self.path.startswith("/v2/languages"):
            self._json([{"name": "English (US)", "code": "en", "longCode": "en-US"},
                        {"name": "English (GB)", "code": "en", "longCode": "en-GB"}])
        else:
            self.send_error(404)

    def do_POST(self) -> None:  # noqa: N802
        if not self.path.startswith("/v2/check"):
            self.send_error(404)
            return
        length = int(self.headers.get("Content-Length", 0))
        form = urllib.parse.parse_qs(self.rfile.read(length).decode(), keep_blank_values=True)
        text = form.get("text", [""])[0]
        FakeLanguageTool.requests.append({k: v[0] for k, v in form.items()})
        self._json({
            "software": {"name": "LanguageTool", "version": "6.4", "apiVersion": 1},
            "language": {"name": "English (US)", "code": form.get("language", ["en-US"])[0]},
            "matches": fake_matches(text),
        })


@pytest.fixture()
def fake_server():
    pytest.importorskip("language_tool_python")
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeLanguageTool)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeLanguageTool.requests = []
    LT._CLIENTS.clear()
    LT._WARNED.clear()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        LT._CLIENTS.clear()
        LT._WARNED.clear()


def _engine() -> Engine:
    # The LanguageTool rule comes from the built-in plugin's register_rules hook, as users get it.
    return Engine(plugins=build(entry_points=False), today=dt.date(2025, 11, 22))


def _check(text: str, lt: dict | None):
    config = Config(languagetool=lt)
    result = _engine().check_text(text + "\n", "draft.md", config=config)
    assert result.error is None, result.error
    return result.findings


def test_fake_languagetool_server_matches_become_findings(fake_server):
    """Against the local fake /v2/check server: categories mapped, positions exact,
    built-in duplicates and names dropped."""
    findings = _check(TEXT, {"server": fake_server})
    lt = [f for f in findings if f.rule == LT.RULE_ID]
    assert [(f.match, f.category) for f in lt] == [("go", "grammar")]
    go = lt[0]
    assert TEXT[go.start:go.end] == "go"
    assert go.suggestions == ("goes",)
    assert go.fix is None  # never fixed automatically
    assert "{goes}" in go.message  # LanguageTool's braces survive message formatting
    # The built-in speller still reports its own word, once.
    assert [f.match for f in findings if f.category == "spelling"] == ["Similarily"]
    sent = FakeLanguageTool.requests[-1]
    assert sent["language"] == "en-US" and "Similarily" in sent["text"]


def test_fake_languagetool_server_style_maps_to_style(fake_server):
    """Local fake server: a STYLE-category match is a style suggestion."""
    text = "The council met in order to vote on the budget."
    lt = [f for f in _check(text, {"server": fake_server}) if f.rule == LT.RULE_ID]
    assert [(f.match, f.category, f.severity.label) for f in lt] == [("in order to", "style", "suggestion")]


def test_fake_languagetool_server_positions_after_markup(fake_server):
    """Local fake server: LanguageTool sees the prose (markup blanked), so offsets map back
    to the file exactly, front matter and emphasis included."""
    text = "---\ntitle: x\n---\n# Heading\n\n*Note*: he go home."
    lt = [f for f in _check(text, {"server": fake_server}) if f.rule == LT.RULE_ID]
    assert len(lt) == 1 and (text + "\n")[lt[0].start:lt[0].end] == "go"


def test_unreachable_server_warns_once_and_builtin_checks_run(capsys):
    pytest.importorskip("language_tool_python")
    LT._CLIENTS.clear()
    LT._WARNED.clear()
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cfg = {"server": f"http://127.0.0.1:{port}"}
    first = _check(TEXT, cfg)
    second = _check(TEXT, cfg)
    err = capsys.readouterr().err
    assert err.count("warning:") == 1 and "unreachable" in err and "built-in checks only" in err
    for findings in (first, second):
        assert not [f for f in findings if f.rule == LT.RULE_ID]
        assert any(f.rule == "spelling.misspelling" for f in findings)
    LT._CLIENTS.clear()
    LT._WARNED.clear()


def test_missing_library_warns_and_builtin_checks_run(monkeypatch, capsys):
    import builtins

    real_import = builtins.__import__

    def no_lt(name, *args, **kwargs):
        if name == "language_tool_python":
            raise ImportError("no module")
        return real_import(name, *args, **kwargs)

    LT._CLIENTS.clear()
    LT._WARNED.clear()
    monkeypatch.setattr(builtins, "__import__", no_lt)
    findings = _check(TEXT, {"server": "http://127.0.0.1:9"})
    err = capsys.readouterr().err
    assert "language-tool-python is not installed" in err
    assert any(f.rule == "spelling.misspelling" for f in findings)
    LT._CLIENTS.clear()
    LT._WARNED.clear()


def test_local_folder_without_languagetool_never_downloads(tmp_path, capsys):
    pytest.importorskip("language_tool_python")
    LT._CLIENTS.clear()
    LT._WARNED.clear()
    findings = _check(TEXT, {"local": str(tmp_path)})
    assert "no LanguageTool installation" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())  # nothing was downloaded into it
    assert any(f.rule == "spelling.misspelling" for f in findings)
    LT._CLIENTS.clear()
    LT._WARNED.clear()


def test_not_configured_means_no_rule_and_no_import():
    settings = Config().settings()
    assert LT.rules_for(settings) == []
    with_lt = dataclasses.replace(settings, languagetool={"server": "http://127.0.0.1:9"})
    (rule,) = LT.rules_for(with_lt)
    assert rule.id == LT.RULE_ID and rule.category == "grammar"


@pytest.mark.skipif(not os.environ.get("NEWSLINT_LT_SERVER"), reason="set NEWSLINT_LT_SERVER to a LanguageTool URL")
def test_real_languagetool_server():
    """Against a real LanguageTool server named by NEWSLINT_LT_SERVER."""
    pytest.importorskip("language_tool_python")
    LT._CLIENTS.clear()
    LT._WARNED.clear()
    text = "He go to the market every day, and she dont care."
    findings = _check(text, {"server": os.environ["NEWSLINT_LT_SERVER"]})
    lt = [f for f in findings if f.rule == LT.RULE_ID]
    assert lt, "the server found nothing in an ungrammatical sentence"
    for f in lt:
        assert f.category in {"spelling", "grammar", "style"}
        assert 0 <= f.start < f.end <= len(text)
