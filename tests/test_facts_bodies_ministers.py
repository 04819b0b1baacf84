"""The shipped packs of international bodies and G20 foreign ministers, through the real fact rules.

Sentences are our own; each is judged at the date given.
"""
import datetime as dt

import pytest
from shipped_facts import found

from lint.config import Config
from lint.engine import Engine
from lint.plugins import build

_PLUGINS = build(entry_points=False)




@pytest.mark.parametrize("text,date", [
    ("Foreign Secretary Yvette Cooper flew to Kyiv on Tuesday.", "2025-10-14"),
    ("German Foreign Minister Johann Wadephul spoke in Berlin on Monday.", "2025-06-02"),
    ("Russian Foreign Minister Sergei Lavrov met his counterpart on Friday.", "2025-03-07"),
    ("Chinese Foreign Minister Wang Yi arrived in Brussels on Wednesday.", "2025-07-02"),
    ("Indian External Affairs Minister S. Jaishankar spoke at the summit.", "2025-02-15"),
    ("WHO Director-General Tedros Adhanom Ghebreyesus warned of cuts on Thursday.", "2025-05-22"),
    ("ECB President Christine Lagarde kept rates unchanged on Thursday.", "2024-10-17"),
    ("IMF Managing Director Kristalina Georgieva said growth would slow.", "2025-04-22"),
    ("U.N. refugee chief Filippo Grandi visited the camp on Sunday.", "2025-09-14"),
    ("ICC Prosecutor Karim Khan sought the warrants.", "2024-05-20"),
    ("In 2017, Foreign Secretary Boris Johnson visited Moscow.", "2025-06-01"),
    ("Former Foreign Secretary David Lammy, now deputy prime minister, spoke on Monday.", "2025-10-13"),
])
def test_correct_titles_are_silent(text, date):
    assert found(text, date) == set()


@pytest.mark.parametrize("text,date,rule,match", [
    ("Foreign Secretary David Lammy flew to Kyiv on Tuesday.", "2025-10-14", "title-not-held",
     "Foreign Secretary David Lammy"),
    ("German Foreign Minister Annalena Baerbock spoke in Berlin on Monday.", "2025-06-02", "title-not-held",
     "German Foreign Minister Annalena Baerbock"),
    ("IMF Managing Director Christine Lagarde said growth would slow.", "2024-04-16", "title-not-held",
     "IMF Managing Director Christine Lagarde"),
    ("Former Russian Foreign Minister Sergey Lavrov met his counterpart on Friday.", "2025-03-07",
     "former-incumbent", "Former Russian Foreign Minister Sergey Lavrov"),
    ("WFP Executive Director David Beasley toured the port on Monday.", "2024-06-03", "title-not-held",
     "WFP Executive Director David Beasley"),
])
def test_wrong_titles_are_flagged(text, date, rule, match):
    assert (rule, match) in found(text, date)


def test_the_message_names_the_holder_on_the_day():
    engine = Engine(plugins=_PLUGINS, date=dt.date(2025, 10, 14), select=["facts.title-not-held"])
    (f,) = engine.check_text("Foreign Secretary David Lammy flew to Kyiv on Tuesday.\n", "d.md", config=Config()).findings
    assert "since Sept. 5, 2025" in f.message and "Yvette Cooper" in f.message


def test_a_handover_known_only_to_the_month_is_not_decided_inside_it():
    # Park Jin left the South Korean foreign ministry in January 2024 on a day the pack does not give
    assert found("South Korean Foreign Minister Park Jin spoke on Monday.", "2024-01-22") == set()
    assert ("title-not-held", "South Korean Foreign Minister Park Jin") in found(
        "South Korean Foreign Minister Park Jin spoke on Monday.", "2024-03-04")


def test_a_handover_known_to_the_day_is_decided_on_either_side():
    # Khaled El-Enany succeeded Audrey Azoulay at UNESCO on Nov. 15, 2025
    assert found("UNESCO Director-General Audrey Azoulay spoke on Friday.", "2025-11-14") == set()
    assert ("title-not-held", "UNESCO Director-General Audrey Azoulay") in found(
        "UNESCO Director-General Audrey Azoulay spoke on Monday.", "2025-11-17")
    assert found("UNESCO Director-General Khaled El-Enany spoke on Monday.", "2025-11-17") == set()


def test_a_term_that_ended_on_an_unknown_day_is_not_decided_after_it_started():
    # Henrietta Fore's last day at UNICEF is not given (`end: unknown`)
    assert found("UNICEF Executive Director Henrietta Fore spoke on Monday.", "2021-12-06") == set()


def test_a_holder_on_leave_or_ill_still_holds_the_title():
    # Cindy McCain had a stroke in October 2025 but was still WFP's executive director on as_of
    assert found("WFP Executive Director Cindy McCain toured the port on Monday.", "2025-11-24") == set()
    # Juan Ramon de la Fuente took medical leave on Nov. 28, 2025 without leaving the post
    assert found("Mexican Foreign Secretary Juan Ramón de la Fuente spoke on Friday.", "2025-11-28") == set()


@pytest.mark.parametrize("text,date,holder", [
    ("WFP Executive Director David Beasley toured the port on Monday.", "2025-11-24", "Cindy McCain"),
    ("Mexican Foreign Secretary Alicia Bárcena spoke on Friday.", "2025-11-28", "Juan Ramón de la Fuente"),
    ("Argentine Foreign Minister Gerardo Werthein spoke on Thursday.", "2025-11-06", "Pablo Quirno"),
])
def test_the_message_names_the_current_holder(text, date, holder):
    engine = Engine(plugins=_PLUGINS, date=dt.date.fromisoformat(date), select=["facts.title-not-held"])
    (f,) = engine.check_text(text + "\n", "d.md", config=Config()).findings
    assert holder in f.message
