"""``newslint facts update``: against a local stand-in for Wikidata's query service.

The stand-in is a real HTTP server on loopback that answers POSTed SPARQL queries in the
query service's documented JSON results format (SPARQL 1.1 JSON). A last test runs against
the real service, only when NEWSLINT_WIKIDATA_LIVE=1 allows the network.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from lint.facts import update as upd

WD = "http://www.wikidata.org/entity/"


def _lit(value: str, datatype: str | None = None) -> dict:
    cell = {"type": "literal", "value": value}
    if datatype:
        cell["datatype"] = f"http://www.w3.org/2001/XMLSchema#{datatype}"
    return cell


def _row(position, position_label, person, person_label, start, end=None, country=None, statement="", **extra):
    row = {
        "position": {"type": "uri", "value": WD + position},
        "positionLabel": {"type": "literal", "xml:lang": "en", "value": position_label},
        "person": {"type": "uri", "value": WD + person},
        "personLabel": {"type": "literal", "xml:lang": "en", "value": person_label},
        "start": _lit(start + "T00:00:00Z", "dateTime"), "startPrecision": _lit("11", "integer"),
        "endUnknown": _lit("false", "boolean"),
        "rank": {"type": "uri", "value": "http://wikiba.se/ontology#NormalRank"},
        "statement": {"type": "uri", "value": f"{WD}statement/{person}-{statement or position}"},
    }
    if end:
        row["end"] = _lit(end + "T00:00:00Z", "dateTime")
        row["endPrecision"] = _lit("11", "integer")
    if country:
        row["countryLabel"] = {"type": "literal", "xml:lang": "en", "value": country}
    row.update(extra)
    return row


# Kenya's presidency (Q-ids of people and the office are the stand-in's own).
HEADS = [
    _row("Q9001", "President of Kenya", "Q9101", "Uhuru Kenyatta", "2013-04-09", "2022-09-13", "Kenya"),
    _row("Q9001", "President of Kenya", "Q9102", "William Ruto", "2022-09-13", None, "Kenya",
         aliases=_lit("William Samoei Ruto")),
]
MINISTERS = [_row("Q9002", "Minister of Foreign Affairs of Japan", "Q9103", "Takeshi Iwaya", "2024-10-01",
                  "2025-10-21", "Japan")]
ORGS = [
    _row("Q9003", "Secretary-General of NATO", "Q9104", "Mark Rutte", "2024-10-01",
         org={"type": "uri", "value": WD + "Q7184"}, organisation=_lit("NATO")),
    # a Q-id whose label is not the organisation we meant: must be left out
    _row("Q9004", "Head of Something Else", "Q9105", "Pat Example", "2020-01-01",
         org={"type": "uri", "value": WD + "Q7804"}, organisation=_lit("Some Other Body")),
]


class _Stub(BaseHTTPRequestHandler):
    requests: list = []
    mode = "ok"

    def do_POST(self):  # noqa: N802 (the http.server API)
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        query = urllib.parse.parse_qs(body)["query"][0]
        type(self).requests.append({"path": self.path, "accept": self.headers.get("Accept"),
                                    "agent": self.headers.get("User-Agent"), "query": query})
        if self.mode == "error":
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b"java.util.concurrent.TimeoutException\n")
            return
        if self.mode == "html":
            payload = b"<html><body>maintenance</body></html>"
        else:
            rows = HEADS if "P1906" in query else MINISTERS if "Q7330070" in query else ORGS
            payload = json.dumps({"head": {"vars": sorted({k for r in rows for k in r})},
                                  "results": {"bindings": rows}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):  # keep the test output clean
        pass


@pytest.fixture
def query_service():
    _Stub.requests = []
    _Stub.mode = "ok"
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Stub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()
    server.server_close()


def _newslint(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "lint", *args], capture_output=True, text=True, cwd=cwd)


def test_update_against_a_local_stand_in_for_the_query_service(query_service, tmp_path):
    run = _newslint("facts", "update", "--endpoint", query_service, "--out", str(tmp_path / "facts"),
                    "--as-of", "2025-11-30")
    assert run.returncode == 0, run.stderr
    assert len(_Stub.requests) == 3
    for r in _Stub.requests:
        assert r["path"] == "/sparql"
        assert r["accept"] == "application/sparql-results+json"
        assert r["agent"].startswith("newslint/")
    queries = [r["query"] for r in _Stub.requests]
    assert any("wdt:P1906" in q and "wdt:P1313" in q and "wd:Q3624078" in q for q in queries)
    assert any("wd:Q7330070" in q and "wd:Q30" in q for q in queries)
    assert any("wdt:P2388" in q and "wd:Q1065" in q for q in queries)
    pack = tmp_path / "facts" / "wikidata-world.yaml"
    text = pack.read_text(encoding="utf-8")
    assert "as_of: 2025-11-30" in text and "William Ruto" in text and "Mark Rutte" in text
    assert "Pat Example" not in text
    assert "labelled 'Some Other Body', not 'International Monetary Fund'" in run.stderr
    assert "short_titles: [President]" in text and "country: Kenya" in text
    assert "shipped-facts: false" in run.stdout

    # the refreshed pack, used instead of the shipped ones, judges drafts
    (tmp_path / ".newslint.yaml").write_text(f"facts: [{pack}]\nshipped-facts: false\n", encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text("Former President William Ruto spoke in Nairobi on Monday.\n\n"
                     "President Uhuru Kenyatta opened the session on Tuesday.\n", encoding="utf-8")
    check = _newslint("check", str(draft), "--date", "2025-06-04", "--select", "facts", "--format", "json", cwd=tmp_path)
    found = {f["rule"]: f for f in json.loads(check.stdout)["files"][0]["findings"]}
    assert "facts.former-incumbent" in found and found["facts.former-incumbent"]["match"].startswith("Former President")
    assert "facts.title-not-held" in found and "Ruto" in found["facts.title-not-held"]["message"]
    assert "notices" not in json.loads(check.stdout)  # the pack is current to as_of, the draft earlier


def test_shipped_fact_packs_stay_out_when_the_config_says_so(query_service, tmp_path):
    assert _newslint("facts", "update", "--endpoint", query_service, "--out", str(tmp_path / "f")).returncode == 0
    (tmp_path / ".newslint.yaml").write_text(f"facts: [{tmp_path / 'f' / 'wikidata-world.yaml'}]\n"
                                             "shipped-facts: false\n", encoding="utf-8")
    listed = _newslint("facts", "check", cwd=tmp_path)
    assert "1 fact pack(s)" in listed.stderr, listed.stderr
    draft = tmp_path / "d.md"
    draft.write_text("Chancellor Olaf Scholz spoke on Monday.\n", encoding="utf-8")  # only the shipped packs know him
    check = _newslint("check", str(draft), "--date", "2025-11-01", "--select", "facts", cwd=tmp_path)
    assert check.returncode == 0 and "title-not-held" not in check.stdout


@pytest.mark.parametrize("mode,expected", [("error", "answered HTTP 500"), ("html", "did not answer with JSON")])
def test_a_failing_query_service_is_one_clear_error_and_writes_nothing(query_service, tmp_path, mode, expected):
    _Stub.mode = mode
    run = _newslint("facts", "update", "--endpoint", query_service, "--out", str(tmp_path / "f"))
    assert run.returncode == 2
    assert expected in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "f" / "wikidata-world.yaml").exists()


def test_an_unreachable_service_is_one_clear_error(tmp_path):
    import socket

    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    run = _newslint("facts", "update", "--endpoint", f"http://127.0.0.1:{port}/sparql", "--out", str(tmp_path),
                    "--timeout", "5")
    assert run.returncode == 2 and "cannot reach" in run.stderr and "Traceback" not in run.stderr


def test_short_titles_come_from_position_labels():
    assert upd._short_titles("President of Kenya") == ["President"]
    assert upd._short_titles("Prime Minister of Nepal") == ["Prime Minister"]
    assert upd._short_titles("Secretary-General of NATO") == ["Secretary-General"]
    assert upd._short_titles("Presidential adviser") == []


@pytest.mark.skipif(os.environ.get("NEWSLINT_WIKIDATA_LIVE") != "1",
                    reason="uses the network: set NEWSLINT_WIKIDATA_LIVE=1 to query the real Wikidata service")
def test_update_against_the_real_query_service(tmp_path):
    run = _newslint("facts", "update", "--out", str(tmp_path), "--timeout", "300")
    assert run.returncode == 0, run.stderr[-2000:]
    text = (tmp_path / "wikidata-world.yaml").read_text(encoding="utf-8")
    for name in ("Volodymyr Zelenskyy", "Keir Starmer", "António Guterres"):
        assert name in text
    assert "left out" not in run.stderr, "an organisation Q-id no longer has its expected label"
