"""Name near-misses judged on evidence both ways (lint/facts/nearmiss.py, facts.name-misspelling).

The people are real (tests/facts_data/nearmiss.yaml, a pack of our own, so these tests do
not move as the shipped packs grow); the sentences are ours. Each case says what the
draft gives as evidence for the known person, and whether the written form is itself a
real name (a surname or given name in the census lists, a place, a family plural).
"""
import datetime as dt
from pathlib import Path

import pytest

from lint import packs as packmod
from lint.config import Config, Settings
from lint.document import parse
from lint.engine import Engine
from lint.facts import fact_base, realnames
from lint.facts.nearmiss import Evidence, verdict
from lint.plugins import build

PACK = str(Path(__file__).parent / "facts_data" / "nearmiss.yaml")
SETTINGS = Settings(registered_fact_packs=(), fact_packs=(PACK,))
_PLUGINS = build(entry_points=False)
_KINDS = Engine(plugins=_PLUGINS).kinds()


def _rule():
    raw = packmod.read_pack(packmod.rules_dir() / "facts.yaml")
    return next(r for r in packmod.build_pack(raw, _KINDS, SETTINGS).rules if r.id == "facts.name-misspelling")


RULE = _rule()


def names(text, date="2025-11-22"):
    doc = parse(text + "\n", "t.md")
    doc.date = dt.date.fromisoformat(date)
    return [(f.match, f.fix) for f in RULE.check(doc) if not doc.contexts(f.start, f.end) & RULE.skip]


# ------------------------------------------------------------------ flagged: the context makes the person certain
@pytest.mark.parametrize("text,expected", [
    # a real surname ("Starner") after the office title and the first name
    ("Prime Minister Keir Starner arrived in Kyiv on Tuesday.", [("Keir Starner", "Keir Starmer")]),
    # the office in apposition before the name, and the first name
    ("Britain's prime minister, Keir Starmar, arrived in Kyiv.", [("Keir Starmar", "Keir Starmer")]),
    # a real surname with the first name and the office after it in the same sentence
    ("Keir Starner, Britain's prime minister, arrived in Kyiv.", [("Keir Starner", "Keir Starmer")]),
    # a common first name needs more: here the office in apposition
    ("Mark Carne, Canada's prime minister, spoke in Ottawa.", [("Mark Carne", "Mark Carney")]),
    # a bare surname that is no real name, with the person named in the paragraph
    ("Keir Starmer spoke first. Later, Starmar said the talks were useful.", [("Starmar", "Starmer")]),
    # the person named by surname alone earlier in the paragraph
    ("Starmer flew to Kyiv on Monday, and Starmar met the envoy there.", [("Starmar", "Starmer")]),
    # a courtesy title before a bare surname
    ("Keir Starmer arrived first. Mr. Starmar said the talks were useful.", [("Starmar", "Starmer")]),
    # a possessive is read as the name it belongs to
    ("The prime minister's office defended Starmar's plan on Monday.", [("Starmar", "Starmer")]),
    # a bare surname with the office in the sentence
    ("The French president, Macrone, spoke on Tuesday.", [("Macrone", "Macron")]),
    # the person named in the paragraph is enough for a form that is nobody's name
    ("Emmanuel Macron spoke first; Macrone later said France would send aid.", [("Macrone", "Macron")]),
])
def test_flagged_with_context(text, expected):
    assert names(text) == expected


# ------------------------------------------------------------------ slips in the first letter
@pytest.mark.parametrize("text,expected", [
    ("Ukraine's president, Elensky, met the envoy on Tuesday.", [("Elensky", "Zelensky")]),
    ("Ukraine's Volodymyr Elensky met the envoy.", [("Volodymyr Elensky", "Volodymyr Zelensky")]),
    ("German Chancellor Herz met the envoy.", [("Herz", "Merz")]),  # a real surname, but the office's holder
    ("Chancellor Friedrich Herz met the envoy.", [("Friedrich Herz", "Friedrich Merz")]),
    ("Elensky said the harvest was late.", []),  # a first-letter slip needs context
    ("Herz, a cardiologist in Munich, said the results were clear.", []),  # a real surname, no context
    ("Chancellor Merz met Herz, a cardiologist, on Monday.", []),  # the title is Merz's own
])
def test_first_letter_slips(text, expected):
    assert names(text) == expected


# ------------------------------------------------------------------ silent: the near form is somebody else
@pytest.mark.parametrize("text", [
    "Starner scored twice as the home side won 3-1 on Saturday.",  # a real surname, a sports story
    "Keir Starmer watched from the stands. Starner scored twice.",  # named, but no office near
    "According to his aunt, Jane Starner, he was brilliant from the start.",  # another first name
    "Jane Starner said he was brilliant. Later, Starner said he had moved away.",
    "Mark Carne, the former head of Network Rail, spoke at the conference.",
    "Jakob said the team was ready for the final.",  # a given name
    "The committee asked Ukraine to investigate Burisma and the Bidens.",  # a family
    "Joe Biden spoke on Monday. The president wanted an inquiry into the Bidens.",
    "The Trumps arrived at the gala on Saturday.",
    "Macrone said the bakery would close in March.",  # nobody's name, but no context at all
    "Macrone, a baker in Lyon, said France would miss the deadline.",  # the country alone is not enough
    "Olaf Sholz met the envoy.",  # the first name alone is not enough
    "The convoy passed through Logar on Sunday.",  # a place
    "Swedes are worried about crime, the Swedish police said.",
    # a player's surname, nobody's in the name lists, written throughout a Ukraine match report
    "Ukraine scored early through Zelensku. Zelensku doubled the lead, and Zelensku was rested.",  # a word ("of Sweden" is no surname)
])
def test_silent_without_evidence(text):
    assert names(text) == []


# ------------------------------------------------------------------ aliases and two real people
@pytest.mark.parametrize("text", [
    "Volodymyr Zelenskyy met the envoy in Kyiv.",
    "Ukraine's president, Zelenskiy, met the envoy.",
    "President Volodymyr Zelensky met the envoy. Zelenskyy later said the talks went well.",
    "Martin Schulz and Olaf Scholz met in Berlin.",  # two known people, close names
    "Olaf Scholz spoke first. Schulz, who led the party before him, spoke next.",
])
def test_aliases_and_known_people_are_silent(text):
    assert names(text) == []


def test_a_slip_written_throughout_follows_the_verdict_where_the_context_is_certain():
    text = ("Ukrainian President Zelenksy spoke on Monday. Zelenksy said the talks went well, "
            "and Zelenksy thanked the envoy.")
    assert names(text) == [("Zelenksy", "Zelensky")] * 3


def test_a_slip_near_two_known_people_is_not_guessed():
    # "Schulz" and "Scholz" are both known and both named: "Schalz" is as near one as the other
    assert names("Olaf Scholz met Martin Schulz. Later, Schalz said the talks went well.") == []
    # the evidence decides when it points at one of them
    assert names("Olaf Scholz met the envoy. Later, Schalz said the talks went well.") == [("Schalz", "Scholz")]


def test_evidence_severity():
    # a full name that is nobody's, with the first name and the country: an error with a safe fix
    doc = parse("Ukraine's Volodymyr Zelenskky met the envoy.\n", "t.md")
    doc.date = dt.date(2025, 11, 22)
    [f] = list(RULE.check(doc))
    assert f.match == "Volodymyr Zelenskky" and f.severity.name == "ERROR"
    # a real surname with just enough evidence: a warning
    doc = parse("Mark Carne, Canada's prime minister, spoke.\n", "t.md")
    doc.date = dt.date(2025, 11, 22)
    [f] = list(RULE.check(doc))
    assert f.severity.name == "WARNING"


# ------------------------------------------------------------------ the pieces
def test_verdict_weighs_real_forms_harder():
    assert verdict(Evidence(context=1), real=None, bare=True) is None  # the country alone
    assert verdict(Evidence(context=2), real=None, bare=True) == "weak"
    assert verdict(Evidence(context=2), real="surname", bare=True) is None
    assert verdict(Evidence(named=2, context=1), real="surname", bare=True) == "weak"
    assert verdict(Evidence(title=3), real="surname", bare=True) == "strong"
    assert verdict(Evidence(anchor=2), real=None, bare=False) is None
    assert verdict(Evidence(anchor=2, context=1), real=None, bare=False) == "strong"


def test_real_name_lists():
    assert realnames.real_name("starner") == "surname"
    assert realnames.real_name("logar") is not None
    assert realnames.is_given_name("jakob")
    assert realnames.is_common_given_name("mark") and not realnames.is_common_given_name("keir")
    assert realnames.real_name("starmar") is None and realnames.real_name("elensky") is None


def test_surname_index_finds_first_letter_slips():
    idx = fact_base(SETTINGS).index
    assert idx.surnames["carl-xvi-gustaf"] == (("gustaf",),)  # not "Sweden" of "... of Sweden"
    assert ("zelensky", 1) in idx.near_surnames("elensky")  # dropped
    assert ("merz", 1) in idx.near_surnames("herz")  # changed
    assert ("zelensky", 1) in idx.near_surnames("selensky")
    assert all(s != "zelensky" for s, _ in idx.near_surnames("elenskky"))  # first letter and another slip


def test_the_speller_leaves_names_to_the_name_rule():
    # One finding for one slip: the name rule's, not also the speller's.
    engine = Engine(plugins=_PLUGINS, date=dt.date(2025, 11, 22), select=["spelling", "facts"])
    text = "Belarus's president, Lukashneko, spoke on Tuesday.\n"
    result = engine.check_text(text, "draft.md", config=Config())
    assert [(f.rule, f.match) for f in result.findings] == [("facts.name-misspelling", "Lukashneko")]


# ------------------------------------------------------------------ the bare-surname shortcut
def _texts_in_this_file():
    """Every sentence the cases above judge (flagged and silent ones), read off their marks."""
    out = []
    for name, obj in list(globals().items()):
        for mark in getattr(obj, "pytestmark", ()):
            if mark.name == "parametrize":
                for case in mark.args[1]:
                    text = case[0] if isinstance(case, tuple) else case
                    if isinstance(text, str):
                        out.append(text)
    return out


def test_the_bare_surname_shortcut_changes_no_finding(monkeypatch):
    """_may_be_bare lets the scan skip capitalised words before the joined/sentence tests;
    with it switched off (every word goes on to _bare) the findings are the same."""
    from lint.kinds import facts_names

    texts = _texts_in_this_file() + [
        "Zelenksy met the envoy. Ukraine's president, Zelenksy, said the talks went well.",
        "Keir Starmer spoke first. Later, Starmar and Macrone met in Paris; Starmar said so.",
    ]
    assert len(texts) > 25
    with_shortcut = [names(t) for t in texts]
    monkeypatch.setattr(facts_names, "_may_be_bare", lambda *args: True)
    without = [names(t) for t in texts]
    assert with_shortcut == without
    assert sum(1 for f in with_shortcut if f) >= 10  # the comparison covers real findings
