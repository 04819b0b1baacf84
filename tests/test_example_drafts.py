"""The bundled example drafts, judged at their own dates and at another date.

These are the end-to-end scenarios of the project: the same copy must flip when the
article date moves across a change of office or a death.
"""
import datetime as dt
from pathlib import Path

from lint.config import Config
from lint.engine import Engine
from lint.plugins import build

DRAFTS = Path(__file__).resolve().parent.parent / "examples" / "drafts"
ENGINE = Engine(plugins=build(entry_points=False), today=dt.date(2025, 11, 22))


def findings(name, date=None):
    res = ENGINE.check_file(DRAFTS / name, Config()) if date is None else ENGINE.check_text(
        (DRAFTS / name).read_text(encoding="utf-8"), str(DRAFTS / name), config=Config(), date=date)
    assert res.error is None
    return {(f.rule, f.match) for f in res.findings}


def test_briefing_at_its_date():
    found = findings("white-house-briefing.md")
    assert ("facts.name-misspelling", "Karoline Levit") in found
    assert ("facts.out-of-window", "incoming U.S. administration") in found
    assert ("facts.deceased-acting", "Pope Francis") in found
    assert ("facts.title-not-held", "Chancellor Angela Merkel") in found
    assert ("dates.wrong-weekday", "Tuesday, Dec. 3") in found


def test_briefing_a_year_earlier_flips_the_dated_facts():
    found = findings("white-house-briefing.md", dt.date(2024, 12, 1))
    rules = {r for r, _ in found}
    assert "facts.out-of-window" not in rules  # the transition was under way
    assert "facts.deceased-acting" not in rules  # Francis was alive
    assert ("facts.title-not-held", "Chancellor Angela Merkel") in found  # Scholz was chancellor
    assert ("dates.wrong-weekday", "Tuesday, Dec. 3") not in found  # Dec. 3, 2024 was a Tuesday


def test_prisoner_release_draft():
    found = findings("prisoner-release.md")
    rules = {r for r, _ in found}
    assert ("spelling.misspelling", "Similarily") in found
    assert ("facts.former-incumbent", "Former U.S. President Donald Trump") in found
    assert {"clutter.navigation-link", "clutter.donation-appeal", "clutter.comment-thread"} <= rules
    assert any(r.startswith("loaded-language.") and m == "dictator" for r, m in found)
    # the press secretary's quoted words and correct names are left alone
    assert not any(m in ("Eismont", "Lukashenko", "Natalya Eismont") for _, m in found)


def test_clean_brief_is_clean():
    assert findings("clean-brief.md") == set()
