"""House usage: settled place names, safe fixes only where the new form is unambiguous."""
import datetime as dt

import pytest

from lint.config import Config
from lint.engine import Engine
from lint.plugins import build


@pytest.fixture(scope="module")
def engine():
    return Engine(plugins=build(entry_points=False), date=dt.date(2025, 6, 1), select=["house-usage"])


def run(engine, text):
    result = engine.check_text(text, "draft.md", config=Config())
    assert result.error is None
    return result.findings


def test_settled_names_are_flagged_with_safe_fixes(engine):
    found = run(engine, "He flew from Kiev to Lvov, then left the Ukraine for Byelorussia.\n")
    assert [(f.match, f.fix) for f in found] == [
        ("Kiev", "Kyiv"), ("Lvov", "Lviv"), ("the Ukraine", "Ukraine"), ("Byelorussia", "Belarus")]
    assert all(f.category == "style" for f in found)


def test_capitalized_the_ukraine_keeps_a_capital(engine):
    found = run(engine, "The Ukraine joined the talks.\n")
    assert [(f.match, f.fix) for f in found] == [("The Ukraine", "Ukraine")]


@pytest.mark.parametrize("text", [
    "The chicken Kiev sold out.",
    "Kievan Rus was a medieval state.",
    "The Ukraine crisis dominated the summit.",
    "The Byelorussian SSR joined the UN in 1945.",
    "\"We lived in Kiev then,\" she said.",
    "The Bombay High Court ruled on Monday.",
    "Oil prices rose in Odessa, Texas.",
    "Eswatini, formerly Swaziland, votes today.",
])
def test_fixed_names_and_history_are_left_alone(engine, text):
    assert run(engine, text + "\n") == []


def test_ambiguous_names_are_not_auto_fixed(engine):
    found = run(engine, "Ships left Odessa. Flights to Bombay resumed. Swaziland votes today.\n")
    assert [f.match for f in found] == ["Odessa", "Bombay", "Swaziland"]
    assert all(f.fix is None for f in found)


def test_fix_rewrites_the_file(tmp_path, cli):
    draft = tmp_path / "d.md"
    draft.write_text("Talks in Kiev ended. He moved to the Ukraine.\n", encoding="utf-8")
    proc = cli("check", "--fix", "--select", "house-usage", "--date", "2025-06-01", str(draft))
    assert draft.read_text(encoding="utf-8") == "Talks in Kyiv ended. He moved to Ukraine.\n", proc.stderr
