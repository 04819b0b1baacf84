"""The article date: --date, config, front matter, dateline, today — in that order."""
import datetime as dt

import pytest

from lint.config import Config
from lint.engine import Engine
from lint.plugins import build

TODAY = dt.date(2026, 1, 5)


def resolve(text, cli=None, config=None, path="a.md"):
    engine = Engine(plugins=build(entry_points=False), date=cli, today=TODAY, select=["clutter"])
    res = engine.check_text(text, path, config=Config(date=config))
    assert res.error is None, res.error
    return res.date, res.date_source


FRONT = "---\ndate: 2025-03-01\n---\nWASHINGTON, Nov. 22, 2025 — Text.\n"


def test_order_of_sources():
    assert resolve(FRONT, cli=dt.date(2024, 1, 2), config=dt.date(2024, 5, 6)) == (dt.date(2024, 1, 2), "cli")
    assert resolve(FRONT, config=dt.date(2024, 5, 6)) == (dt.date(2024, 5, 6), "config")
    assert resolve(FRONT) == (dt.date(2025, 3, 1), "front-matter")
    assert resolve("WASHINGTON, Nov. 22, 2025 — Text.\n") == (dt.date(2025, 11, 22), "dateline")
    assert resolve("Just text without a date.\n") == (TODAY, "today")


@pytest.mark.parametrize("text,expected", [
    ("LONDON, 3 December 2024 (Reuters) - Text.\n", dt.date(2024, 12, 3)),
    ("# Title\n\nPublished Tuesday, Sept. 9, 2025\n\nText.\n", dt.date(2025, 9, 9)),
    ("Posted 2025-07-04.\n", dt.date(2025, 7, 4)),
])
def test_dateline_forms(text, expected):
    assert resolve(text) == (expected, "dateline")


def test_a_date_deep_in_the_story_is_not_a_dateline():
    body = "Para one.\n\nPara two.\n\nPara three.\n\nPara four.\n\nPara five said March 3, 2019.\n"
    assert resolve(body) == (TODAY, "today")


def test_front_matter_datetime_and_bad_value():
    assert resolve("---\ndate: 2025-05-08T10:00:00Z\n---\nText.\n") == (dt.date(2025, 5, 8), "front-matter")
    engine = Engine(plugins=build(entry_points=False), today=TODAY)
    res = engine.check_text("---\ndate: soon\n---\nText.\n", "a.md", config=Config())
    assert res.error == "a.md: front matter 'date': expected a date as YYYY-MM-DD, got 'soon'"
