"""Long drafts are linted in bounded pieces, with findings put back at their exact places."""
import datetime as dt
import json
import os
import subprocess
import sys

import pytest

from lint.engine import pieces
from lint.config import Config
from lint.engine import Engine
from lint.plugins import build

PARA = ("The council met on Tuesday to discuss the budget for the coming year, and the mayor said the "
        "plan would pay for new buses, wider pavements and a library in the east of the town.")


def _long(paragraphs: int, planted: dict[int, str]) -> str:
    out = []
    for i in range(paragraphs):
        out.append(planted.get(i, PARA))
    return "\n\n".join(out) + "\n"


def test_pieces_cover_the_text_exactly_and_stay_bounded():
    text = _long(3000, {}) + "---\nnot front matter\n" + _long(3000, {})
    parts = pieces.cut(text, size=20_000)
    assert "".join(p.text for p in parts) == text
    assert all(len(p.text) <= 20_000 for p in parts)
    assert all(text[p.start:p.start + len(p.text)] == p.text for p in parts)
    assert not any(p.text.startswith("---") for p in parts[1:])
    assert all(p.text.endswith("\n\n") for p in parts[:-1])  # cut at paragraph breaks


def test_text_without_breaks_is_still_cut():
    text = "word " * 100_000
    parts = pieces.cut(text, size=50_000)
    assert "".join(p.text for p in parts) == text and len(parts) > 1


def test_a_long_draft_gives_findings_at_their_places(monkeypatch):
    engine = Engine(plugins=build(entry_points=False), date=dt.date(2025, 11, 22), select=["clutter", "house-usage"])
    text = _long(400, {10: "Read more", 250: "Officials met in Kiev on Tuesday.", 399: "Advertisement"})
    whole = engine.check_text(text, "d.md", config=Config())
    monkeypatch.setattr(pieces, "PIECE_CHARS", 5_000)
    cut = engine.check_text(text, "d.md", config=Config())
    assert len(text) > 5_000 * 10
    key = lambda f: (f.rule, f.start, f.end, f.line, f.column, f.end_line, f.end_column, f.match, f.message)
    assert [key(f) for f in cut.findings] == [key(f) for f in whole.findings]
    assert {f.match for f in cut.findings} >= {"Read more", "Kiev", "Advertisement"}


def test_the_article_date_comes_from_the_top_of_a_long_draft(monkeypatch):
    monkeypatch.setattr(pieces, "PIECE_CHARS", 5_000)
    engine = Engine(plugins=build(entry_points=False), today=dt.date(2025, 11, 22), select=["facts"])
    text = "---\ndate: 2025-06-02\n---\n\n" + _long(200, {150: "Chancellor Olaf Scholz spoke in Berlin on Monday."})
    result = engine.check_text(text, "d.md", config=Config())
    assert (result.date, result.date_source) == (dt.date(2025, 6, 2), "front-matter")
    assert [f.match for f in result.findings] == ["Chancellor Olaf Scholz"]


def test_fix_on_a_long_draft_keeps_quotes_and_text(tmp_path, monkeypatch):
    from lint import fixes

    monkeypatch.setattr(pieces, "PIECE_CHARS", 5_000)
    engine = Engine(plugins=build(entry_points=False), date=dt.date(2025, 11, 22), select=["house-usage"])
    text = _long(300, {20: "Officials met in Kiev on Tuesday.", 280: '"We love Kiev," she said.'})
    out = fixes.fix_text(engine, text, "d.md", Config())
    assert out.fixed == text.replace("met in Kiev", "met in Kyiv")  # never inside the quotation


def test_a_million_words_stay_under_150_mb(tmp_path):
    """Every rule on, under a 150 MB address-space limit: a run that needs more fails here."""
    text = _long(30_000, {7: "Read more", 29_990: "Officials met in Kiev on Tuesday."})  # ~1.02 million words
    assert len(text.split()) > 1_000_000
    p = tmp_path / "book.md"
    p.write_text(text, encoding="utf-8")

    def limit():
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (150 * 1024 * 1024, 150 * 1024 * 1024))

    proc = subprocess.run([sys.executable, "-m", "lint", "check", str(p), "--format", "json", "--no-progress",
                           "--date", "2025-11-22"], capture_output=True, text=True, preexec_fn=limit, timeout=1800)
    assert "MemoryError" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert proc.returncode == 1, proc.stderr[-2000:]
    matches = {f["match"] for f in json.loads(proc.stdout)["files"][0]["findings"]}
    assert {"Read more", "Kiev"} <= matches  # the first piece and the last were both linted
