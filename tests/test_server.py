"""``newslint serve``: LanguageTool's API as a real client sees it, the JSON report, limits."""
from __future__ import annotations

import json
import urllib.parse
import warnings

import pytest

# Starlette would rather its test client ran on httpx2; httpx is what is installed here.
warnings.filterwarnings("ignore", message=".*httpx.*")
from starlette.testclient import TestClient  # noqa: E402

from lint.api import check_text  # noqa: E402
from lint.server import languagetool_api as lt  # noqa: E402
from lint.server.app import create_app  # noqa: E402
from lint.server.checker import Checker, Limits  # noqa: E402


# Emoji (two UTF-16 units each) and curly quotes before and between the findings.
DRAFT = ("🗳️ Voters queued early. “It was calm,” one said 😀. Similarily, the goverment "
         "spokesman met the dictator Alexander Lukashenko on Tuesday 3 March 2025.")


@pytest.fixture(scope="module")
def checker() -> Checker:
    c = Checker()
    yield c
    c.close()


@pytest.fixture(scope="module")
def client(checker: Checker) -> TestClient:
    with TestClient(create_app(checker=checker)) as c:
        yield c


def utf16_slice(text: str, offset: int, length: int) -> str:
    units = text.encode("utf-16-le")
    return units[2 * offset:2 * (offset + length)].decode("utf-16-le")


# ------------------------------------------------------------------ a real LanguageTool client
def test_language_tool_python_gets_newslint_matches_at_the_right_offsets(checker: Checker) -> None:
    import language_tool_python
    from serving import running_server

    with running_server(create_app(checker=checker)) as url:
        tool = language_tool_python.LanguageTool("en-US", remote_server=url)
        try:
            matches = tool.check(DRAFT)
        finally:
            tool.close()
    # The client turns UTF-16 offsets into code points. (Its ``matched_text`` slices the
    # context by code points although LanguageTool counts context offsets in UTF-16 too, so
    # it is off by one after an emoji with the real LanguageTool as well: read the text.)
    found = {(m.rule_id, DRAFT[m.offset:m.offset + m.error_length]) for m in matches}
    assert ("spelling.misspelling", "Similarily") in found
    assert ("spelling.misspelling", "goverment") in found
    assert ("loaded-language.pejorative-title", "dictator") in found
    assert ("dates.wrong-weekday", "Tuesday 3 March 2025") in found
    by_word = {DRAFT[m.offset:m.offset + m.error_length]: m for m in matches}
    assert by_word["Similarily"].replacements == ["Similarly"]
    assert by_word["Similarily"].category == "TYPOS"
    assert by_word["Similarily"].rule_issue_type == "misspelling"
    # The same findings as the Python API on the same text (one engine for every front end).
    api = {(f.rule, f.match) for f in check_text(DRAFT, path="draft.txt").findings}
    assert found == api


# ------------------------------------------------------------------ the /v2/check contract
def test_v2_check_response_has_every_languagetool_field(client: TestClient) -> None:
    r = client.post("/v2/check", data={"text": DRAFT, "language": "en-US"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body["software"]) >= {"name", "version", "apiVersion", "buildDate", "premium", "status"}
    assert body["software"]["name"] == "newslint" and body["software"]["apiVersion"] == 1
    assert body["language"]["code"] == "en-US" and body["language"]["name"] == "English (US)"
    assert body["language"]["detectedLanguage"]["code"] == "en-US"
    assert body["warnings"] == {"incompleteResults": False}
    assert body["matches"]
    for m in body["matches"]:
        assert set(m) >= {"message", "shortMessage", "replacements", "offset", "length", "context", "sentence",
                          "type", "rule"}
        assert isinstance(m["message"], str) and m["message"]
        assert isinstance(m["shortMessage"], str)
        assert all(set(rep) == {"value"} and isinstance(rep["value"], str) for rep in m["replacements"])
        assert isinstance(m["offset"], int) and isinstance(m["length"], int) and m["length"] > 0
        ctx = m["context"]
        assert set(ctx) == {"text", "offset", "length"}
        assert utf16_slice(ctx["text"], ctx["offset"], ctx["length"]) == utf16_slice(DRAFT, m["offset"], m["length"])
        assert utf16_slice(DRAFT, m["offset"], m["length"]) in m["sentence"]
        assert m["type"]["typeName"] in {"UnknownWord", "Hint", "Other"}
        rule = m["rule"]
        assert set(rule) >= {"id", "description", "issueType", "category"}
        assert rule["description"]
        assert (rule["category"]["id"], rule["category"]["name"], rule["issueType"]) in {
            (lt_id, name, issue) for lt_id, name, issue, _short in lt.CATEGORY_MAP.values()}
    weekday = next(m for m in body["matches"] if m["rule"]["id"] == "dates.wrong-weekday")
    assert weekday["rule"]["category"] == {"id": "SEMANTICS", "name": "Dates"}
    assert weekday["sentence"] == ("Similarily, the goverment spokesman met the dictator Alexander Lukashenko "
                                   "on Tuesday 3 March 2025.")
    typo = next(m for m in body["matches"] if utf16_slice(DRAFT, m["offset"], m["length"]) == "goverment")
    assert typo["type"]["typeName"] == "UnknownWord"
    assert typo["offset"] == len(DRAFT[:DRAFT.index("goverment")].encode("utf-16-le")) // 2


def test_v2_languages(client: TestClient) -> None:
    langs = client.get("/v2/languages").json()
    assert {"name": "English (US)", "code": "en", "longCode": "en-US"} in langs
    assert all(set(x) == {"name", "code", "longCode"} for x in langs)


def test_annotated_text_skips_markup_and_maps_offsets_back(client: TestClient) -> None:
    parts = [{"markup": "<p>"}, {"text": "The "}, {"markup": "<b class=\"x\">"}, {"text": "goverment"},
             {"markup": "</b>"}, {"text": " met 😀 today."}, {"markup": "</p><p>", "interpretAs": "\n\n"},
             {"text": "Similarily, it rained."}]
    original = "".join(p.get("text", p.get("markup")) for p in parts)
    r = client.post("/v2/check", data={"data": json.dumps({"annotation": parts}), "language": "en-GB"})
    assert r.status_code == 200
    got = {utf16_slice(original, m["offset"], m["length"]) for m in r.json()["matches"]}
    assert got == {"goverment", "Similarily"}
    # Markup is not linted: "class" and "<b" are not words of the copy.
    assert r.json()["language"]["code"] == "en-GB"


def test_rule_and_category_choice(client: TestClient) -> None:
    def rules(**params) -> set[str]:
        r = client.post("/v2/check", data={"text": DRAFT, "language": "en-US", **params})
        assert r.status_code == 200, r.text
        return {m["rule"]["id"] for m in r.json()["matches"]}

    everything = rules()
    assert "spelling.misspelling" not in rules(disabledRules="spelling.misspelling")
    assert rules(disabledCategories="TYPOS") == everything - {"spelling.misspelling"}
    assert rules(enabledOnly="true", enabledCategories="SEMANTICS") == {"dates.wrong-weekday"}
    assert rules(enabledOnly="true", enabledRules="loaded-language") == {"loaded-language.pejorative-title"}
    assert rules(disabledCategories="bias") == everything - {"loaded-language.pejorative-title"}
    # LibreOffice always disables LanguageTool's own WHITESPACE_RULE: nothing to turn off here.
    assert rules(disabledRules="WHITESPACE_RULE") == everything


def test_date_parameter_is_the_article_date(client: TestClient) -> None:
    text = "The talks resume on Tuesday 3 March."  # a Tuesday in 2026, not in 2025
    def weekday(date: str) -> bool:
        r = client.post("/v2/check", data={"text": text, "language": "en-US", "date": date})
        return any(m["rule"]["id"] == "dates.wrong-weekday" for m in r.json()["matches"])
    assert weekday("2025-02-20") and not weekday("2026-02-20")


def test_get_check_with_query_and_auto_language(client: TestClient) -> None:
    q = urllib.parse.urlencode({"text": "The goverment met.", "language": "auto"})
    body = client.get(f"/v2/check?{q}").json()
    assert body["language"]["detectedLanguage"]["code"] == "en-US"
    assert [m["offset"] for m in body["matches"]] == [4]


# ------------------------------------------------------------------ newslint's own API
def test_api_check_is_the_version_1_report(client: TestClient) -> None:
    r = client.post("/api/check", json={"text": DRAFT, "date": "2025-03-05", "format": "text"})
    assert r.status_code == 200
    report = r.json()
    assert report["version"] == 1
    assert set(report["summary"]) >= {"files", "findings", "error", "warning", "suggestion", "info"}
    (entry,) = report["files"]
    assert entry["date"] == "2025-03-05" and entry["date_source"] == "cli"
    for f in entry["findings"]:
        assert set(f) >= {"rule", "category", "severity", "message", "line", "column", "end_line", "end_column",
                          "offset", "end_offset", "match", "suggestions", "fix"}
        assert DRAFT[f["offset"]:f["end_offset"]] == f["match"]  # code points, as the CLI's report
    fixes = {f["match"]: f["fix"] for f in entry["findings"]}
    assert fixes["Similarily"] == "Similarly"
    assert fixes["dictator"] is None  # a suggestion for an editor, never an automatic fix
    assert report["summary"]["findings"] == len(entry["findings"])


def test_api_check_select_and_ignore(client: TestClient) -> None:
    def rules(**extra) -> set[str]:
        r = client.post("/api/check", json={"text": DRAFT, **extra})
        assert r.status_code == 200, r.text
        return {f["rule"] for f in r.json()["files"][0]["findings"]}
    assert rules(select=["spelling"]) == {"spelling.misspelling"}
    assert "spelling.misspelling" not in rules(ignore=["spelling.misspelling"])


def test_api_rules_and_one_rule(client: TestClient) -> None:
    rows = client.get("/api/rules").json()
    ids = [r["id"] for r in rows]
    assert "spelling.misspelling" in ids and ids == sorted(ids)
    doc = client.get("/api/rules/loaded-language.pejorative-title").json()
    assert doc["category"] == "bias" and doc["why"] and doc["examples"]["bad"] and doc["examples"]["good"]
    r = client.get("/api/rules/no-such.rule")
    assert r.status_code == 404 and "unknown rule" in r.json()["error"]["message"]


def test_health(client: TestClient) -> None:
    h = client.get("/health").json()
    assert h["status"] == "ok" and h["rules"] > 50


# ------------------------------------------------------------------ limits and bad input
def _error(r, status: int) -> str:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    return r.json()["error"]["message"]


def test_request_size_limit(checker: Checker) -> None:
    small = Checker.__new__(Checker)
    small.__dict__.update(checker.__dict__)
    small.limits = Limits(max_bytes=10_000)
    with TestClient(create_app(checker=small)) as c:
        word = "a" * (5 * 1024 * 1024)  # 5 MB of one word
        assert "too large" in _error(c.post("/v2/check", data={"text": word, "language": "en"}), 413)
        assert "10,000 bytes" in _error(c.post("/api/check", json={"text": word}), 413)
        assert c.post("/api/check", json={"text": "Fine."}).status_code == 200


def test_busy_server_answers_503_with_retry_after(checker: Checker, client: TestClient) -> None:
    taken = 0
    while checker.try_acquire():  # fill every place, as long checks would
        taken += 1
    try:
        r = client.post("/v2/check", data={"text": "Hello.", "language": "en"})
        assert "busy" in _error(r, 503)
        assert r.headers["retry-after"] == "1"
    finally:
        for _ in range(taken):
            checker.release()
    assert client.post("/v2/check", data={"text": "Hello.", "language": "en"}).status_code == 200


def test_time_limit(checker: Checker) -> None:
    hasty = Checker.__new__(Checker)
    hasty.__dict__.update(checker.__dict__)
    hasty.limits = Limits(time_limit=2)
    restarts = checker.process.restarts
    with TestClient(create_app(checker=hasty)) as c:
        # One pasted "word" of 200,000 letters keeps the engine busy for a minute or more.
        r = c.post("/api/check", json={"text": "a" * 200_000})
        assert "did not finish" in _error(r, 503)
        assert r.headers["retry-after"] == "5"
    # The overrunning check was stopped: a fresh engine process answers the next one.
    assert checker.process.restarts == restarts + 1
    with TestClient(create_app(checker=checker)) as c:
        r = c.post("/v2/check", data={"text": "The goverment met.", "language": "en"})
        assert [m["offset"] for m in r.json()["matches"]] == [4]


@pytest.mark.parametrize("params, status, words", [
    ({"language": "en-US", "data": "{not json"}, 400, "not valid JSON"),
    ({"language": "en-US", "data": json.dumps({"annotation": [{"nope": 1}]})}, 400, "'text' or 'markup'"),
    ({"language": "en-US", "data": json.dumps([1, 2])}, 400, "'annotation' list"),
    ({"language": "en-US", "text": "x", "enabledRules": "spelling.no-such-rule"}, 400, "unknown rule id"),
    ({"language": "en-US", "text": "x", "disabledRules": "no-such.rule"}, 400, "unknown rule id"),
    ({"language": "en-US", "text": "x", "enabledCategories": "COLOURS"}, 400, "unknown category"),
    ({"language": "en-US", "text": "x", "enabledOnly": "true"}, 400, "enabledOnly"),
    ({"language": "de-DE", "text": "Hallo"}, 400, "English"),
    ({"text": "x"}, 400, "missing 'language'"),
    ({"language": "en-US"}, 400, "missing 'text' or 'data'"),
    ({"language": "en-US", "text": "x", "date": "March 3"}, 400, "YYYY-MM-DD"),
])
def test_v2_bad_parameters_are_clear_400s(client: TestClient, params: dict, status: int, words: str) -> None:
    assert words in _error(client.post("/v2/check", data=params), status)


def test_api_bad_input(client: TestClient) -> None:
    assert "not valid JSON" in _error(client.post("/api/check", content=b"{oops"), 400)
    assert "not UTF-8" in _error(client.post("/api/check", content=b"\xff\xfe\x00binary"), 400)
    assert "unknown rule id" in _error(client.post("/api/check", json={"text": "x", "select": ["nope.rule"]}), 400)
    assert "'format'" in _error(client.post("/api/check", json={"text": "x", "format": "html"}), 400)
    assert "unknown key" in _error(client.post("/api/check", json={"text": "x", "path": "/etc/passwd"}), 400)
    assert "JSON object" in _error(client.post("/api/check", json=["x"]), 400)


def test_empty_and_binary_text_are_linted_not_crashed(client: TestClient) -> None:
    r = client.post("/v2/check", data={"text": "", "language": "en-US"})
    assert r.status_code == 200 and r.json()["matches"] == []
    assert client.post("/api/check", json={"text": ""}).json()["summary"]["findings"] == 0
    binary = "".join(chr(i) for i in range(0, 0x2FF)) + "\x00\x00 goverment \ud7ff"
    r = client.post("/v2/check", data={"text": binary, "language": "en-US"})
    assert r.status_code == 200
    r = client.post("/v2/check", content=b"text=\xff\xfe&language=en",
                    headers={"content-type": "application/x-www-form-urlencoded"})
    assert "not valid UTF-8" in _error(r, 400)
    assert client.get("/health").json()["checks_pending"] == 0


def test_no_request_reaches_the_file_system(client: TestClient, tmp_path) -> None:
    # There is no parameter that names a file: the path, config and packs are fixed at start-up.
    secret = tmp_path / "secret.md"
    secret.write_text("The goverment met.")
    r = client.post("/v2/check", data={"text": str(secret), "language": "en", "config": str(secret)})
    assert r.status_code == 200 and r.json()["matches"] == []
    assert client.get(f"/api/rules/{secret}").status_code == 404
    assert client.get("/../../etc/passwd").status_code == 404


def test_utf16_and_annotation_mapping_units() -> None:
    units = lt.Utf16("a😀b😀c")
    assert [units(i) for i in range(6)] == [0, 1, 3, 4, 6, 7]
    src = lt.Source.from_annotation(json.dumps({"annotation": [
        {"text": "ab"}, {"markup": "<br/>", "interpretAs": "\n"}, {"text": "cd"}]}))
    assert src.plain == "ab\ncd" and src.original == "ab<br/>cd"
    assert src.to_original(3, 5) == (7, 9)
    assert src.to_original(0, 2) == (0, 2)


# ------------------------------------------------------------------ the command
def test_newslint_serve_command_answers_on_loopback(tmp_path) -> None:
    import http.client
    import subprocess
    import sys
    import time

    from serving import free_port

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "lint", "serve", "--port", str(port)], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.stderr.read().decode()
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("POST", "/v2/check", body=urllib.parse.urlencode({"text": "The goverment met.",
                                                                               "language": "en-GB"}),
                             headers={"Content-Type": "application/x-www-form-urlencoded"})
                resp = conn.getresponse()
                break
            except OSError:
                assert time.monotonic() < deadline, "newslint serve did not start"
                time.sleep(0.1)
        assert resp.status == 200
        assert [m["rule"]["id"] for m in json.loads(resp.read())["matches"]] == ["spelling.misspelling"]
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_worker_processes_build_their_app_from_the_environment(monkeypatch) -> None:
    from lint.commands import serve

    monkeypatch.setenv(serve.ENV, json.dumps({"config": None, "limits": {"max_bytes": 500, "time_limit": 5,
                                                                         "max_pending": 2}, "hosts": None}))
    with TestClient(serve.app_from_environment()) as c:
        assert c.get("/health").json()["max_pending"] == 2
        assert c.post("/api/check", json={"text": "x" * 600}).status_code == 413


def test_a_server_on_loopback_answers_only_loopback_host_names(checker: Checker) -> None:
    from lint.commands.serve import LOOPBACK_HOSTS

    app = create_app(checker=checker, allowed_hosts=LOOPBACK_HOSTS)
    with TestClient(app, base_url="http://127.0.0.1:8081") as c:
        assert c.get("/health").status_code == 200
    with TestClient(app, base_url="http://localhost:8081") as c:
        assert c.get("/health").status_code == 200
    # A page on another site that rebinds its own name to 127.0.0.1 sends its own Host.
    with TestClient(app, base_url="http://attacker.example") as c:
        assert c.post("/v2/check", data={"text": "x", "language": "en"}).status_code == 400


def test_docs_category_table_matches_the_mapping() -> None:
    from pathlib import Path

    doc = (Path(__file__).resolve().parent.parent / "docs" / "server.md").read_text(encoding="utf-8")
    rows = {}
    for line in doc.splitlines():
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[0] in lt.CATEGORY_MAP:
            rows[cells[0]] = tuple(cells[1:])
    assert rows == lt.CATEGORY_MAP


def test_page_is_self_contained(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    # No CDN, no external script, style, font or image: everything is inline.
    assert "http://" not in html and "https://" not in html
    assert "<script src" not in html and "<link" not in html
    assert "default-src 'self'" in r.headers["content-security-policy"]
