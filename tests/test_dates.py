"""Date rules: weekday/date mismatches, impossible dates, AP month style; years inferred from the article date."""
import datetime as dt

import pytest

from lint.config import Config
from lint.engine import Engine
from lint.date_mentions import nearest_year
from lint.plugins import build

_PLUGINS = build(entry_points=False)


def run(text, date, select="dates", config=None):
    engine = Engine(plugins=_PLUGINS, date=dt.date.fromisoformat(date), select=[select])
    result = engine.check_text(text + "\n", "d.md", config=config or Config())
    assert result.error is None
    return result.findings


def matches(text, date, select):
    return [f.match for f in run(text, date, select)]


@pytest.mark.parametrize("month,day,article,year", [
    (12, 3, dt.date(2025, 11, 22), 2025),
    (12, 3, dt.date(2026, 1, 5), 2025),
    (1, 5, dt.date(2025, 12, 20), 2026),
    (6, 1, dt.date(2025, 11, 22), 2025),
    (2, 29, dt.date(2025, 11, 22), 2026),
])
def test_nearest_year(month, day, article, year):
    assert nearest_year(month, day, article) == year


# ------------------------------------------------------------------ weekday
@pytest.mark.parametrize("text,date,expected", [
    ("The vote is on Tuesday, Dec. 3, 2025.", "2025-11-22", ["Tuesday, Dec. 3, 2025"]),
    ("The vote is on Wednesday, Dec. 3, 2025.", "2025-11-22", []),
    ("The vote is on Tuesday, Dec. 3.", "2025-11-22", ["Tuesday, Dec. 3"]),
    ("The vote was on Tuesday, Dec. 3.", "2024-12-10", []),  # 2024: a Tuesday
    ("The vote was on Tuesday, Dec. 3.", "2025-01-04", []),  # nearest Dec. 3 is in 2024
    ("The vote is on Thursday, 5 December 2025.", "2025-11-22", ["Thursday, 5 December 2025"]),
    ("The vote is on Dec. 3 (Tuesday).", "2025-11-22", ["Dec. 3 (Tuesday"]),
    ("The council met Tuesday, and the vote is Dec. 3.", "2025-11-22", []),
    ("The vote is on Tuesday, Nov. 31.", "2025-11-22", []),  # impossible, not a weekday problem
])
def test_weekday(text, date, expected):
    assert matches(text, date, "dates.wrong-weekday") == expected


def test_weekday_message_and_suggestion():
    [f] = run("The vote is on Tuesday, Dec. 3, 2025.", "2025-11-22", "dates.wrong-weekday")
    assert f.message == "'Tuesday, Dec. 3, 2025': Dec. 3, 2025 is a Wednesday, not a Tuesday"
    assert f.suggestions == ("Wednesday, Dec. 3, 2025",)
    assert f.category == "date" and f.fix is None  # which half is wrong is for the editor
    [f] = run("The vote is on Tuesday, Dec. 3.", "2025-11-22", "dates.wrong-weekday")
    assert "year 2025 inferred from the article date, Nov. 22, 2025" in f.message


# ------------------------------------------------------------------ impossible
@pytest.mark.parametrize("text,date,expected", [
    ("The deadline is Nov. 31.", "2025-11-22", ["Nov. 31"]),
    ("The law took effect Feb. 29, 2025.", "2025-11-22", ["Feb. 29, 2025"]),
    ("The law took effect Feb. 29, 2024.", "2025-11-22", []),
    ("The hearing is on Feb. 29.", "2025-11-22", ["Feb. 29"]),  # read as 2026
    ("The hearing is on Feb. 29.", "2024-01-10", []),  # read as 2024, a leap year
    ("The hearing is on 2025-04-31.", "2025-11-22", ["2025-04-31"]),
    ("The report is due on April 31, 2026.", "2025-11-22", ["April 31, 2026"]),
    ("In February 30 people were arrested.", "2025-11-22", []),
    ("In April 31 soldiers died.", "2025-11-22", []),
    ("In March 35 protesters were detained.", "2025-11-22", []),
    ("The deadline is Nov. 30.", "2025-11-22", []),
])
def test_impossible(text, date, expected):
    assert matches(text, date, "dates.impossible-date") == expected


def test_impossible_messages():
    [f] = run("The deadline is Nov. 31.", "2025-11-22", "dates.impossible-date")
    assert f.message == "'Nov. 31' is not a date: November has 30 days"
    [f] = run("It took effect Feb. 29, 2025.", "2025-11-22", "dates.impossible-date")
    assert "2025 is not a leap year" in f.message


# ------------------------------------------------------------------ AP months
@pytest.mark.parametrize("text,expected", [
    ("It takes effect on January 5.", [("January", "Jan.")]),
    ("It takes effect on Jan 5.", [("Jan", "Jan.")]),
    ("It took effect on Mar. 3, 2025.", [("Mar.", "March")]),
    ("It took effect on Sep. 3, 2025.", [("Sep.", "Sept.")]),
    ("It took effect on Jun. 3.", [("Jun.", "June")]),
    ("It took effect on Jan. 5.", []),
    ("It took effect on March 3.", []),
    ("It took effect in January 2025.", []),
    ("It took effect on 5 January 2025.", []),
    ("In September 30 people were arrested.", []),
    ("IT TOOK EFFECT ON JANUARY 5.", []),
])
def test_ap_months(text, expected):
    found = [(f.match, f.fix) for f in run(text, "2025-11-22", "ap-style.month-abbreviation")]
    assert found == expected


def test_ap_months_are_suggestions_and_skip_en_gb(tmp_path):
    [f] = run("It takes effect on January 5.", "2025-11-22", "ap-style.month-abbreviation")
    assert f.severity.label == "suggestion" and f.category == "style"
    gb = Config(language="en-GB", root=tmp_path)
    assert run("It takes effect on January 5.", "2025-11-22", "ap-style.month-abbreviation", config=gb) == []


def test_dates_use_the_front_matter_date():
    engine = Engine(plugins=_PLUGINS, select=["dates"])
    text = "---\ndate: 2024-12-10\n---\nThe vote was on Tuesday, Dec. 3.\n"
    assert engine.check_text(text, "d.md", config=Config()).findings == []
    text = "---\ndate: 2025-11-22\n---\nThe vote is on Tuesday, Dec. 3.\n"
    assert [f.rule for f in engine.check_text(text, "d.md", config=Config()).findings] == ["dates.wrong-weekday"]


def test_code_and_links_are_not_dates():
    text = "Run `Tuesday, Dec. 3, 2025` or see [the notes](https://x.test/Nov-31)."
    assert run(text, "2025-11-22") == []
