"""Inline suppressions, and the report of suppressions that suppress nothing."""
import datetime as dt

from lint.config import Config
from lint.engine import Engine
from lint.plugins import build


def check(text):
    engine = Engine(plugins=build(entry_points=False), date=dt.date(2025, 11, 22))
    return [(f.rule, f.line) for f in engine.check_text(text, "a.md", config=Config()).findings]


def test_disable_next_line():
    assert check("<!-- newslint-disable-next-line clutter.navigation-link -->\nRead more\n") == []


def test_disable_by_prefix_and_category_then_enable():
    text = ("<!-- newslint-disable clutter -->\nRead more\n\nAdvertisement\n<!-- newslint-enable -->\n\nRead more\n")
    assert check(text) == [("clutter.navigation-link", 7)]


def test_disable_everything_to_end_of_file():
    assert check("<!-- newslint-disable -->\nRead more\n\nAdvertisement\n") == []


def test_other_rules_still_report_under_a_narrow_suppression():
    found = check("<!-- newslint-disable-next-line clutter.ad-marker -->\nRead more\n")
    assert ("clutter.navigation-link", 2) in found
    assert ("newslint.unused-suppression", 1) in found


def test_unused_and_unknown_suppressions_are_reported():
    found = check("<!-- newslint-disable-next-line clutter.navigation-link -->\nThe council met.\n\n"
                  "<!-- newslint-disable-next-line clutter.no-such-rule -->\nRead more\n")
    assert found.count(("newslint.unused-suppression", 1)) == 1
    assert ("newslint.unused-suppression", 4) in found
    assert ("clutter.navigation-link", 5) in found


def test_unused_suppression_can_itself_be_ignored():
    engine = Engine(plugins=build(entry_points=False), ignore=["newslint.unused-suppression"])
    res = engine.check_text("<!-- newslint-disable-next-line clutter -->\nFine.\n", "a.md", config=Config())
    assert res.findings == []
