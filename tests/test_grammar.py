"""Cheap grammar checks (lint/kinds/{repeated_word,a_an,doubled_*,unbalanced_*}.py, rules/grammar.yaml)."""
from __future__ import annotations

import datetime as dt

import pytest

from lint.config import Config
from lint.engine import Engine
from lint.kinds.a_an import _sound
from lint.plugins import build

ENGINE = Engine(plugins=build(entry_points=False), today=dt.date(2025, 11, 22))


def found(text: str, rule: str) -> list:
    result = ENGINE.check_text(text + "\n", "draft.md", config=Config())
    assert result.error is None
    return [f for f in result.findings if f.rule == f"grammar.{rule}"]


@pytest.mark.parametrize("word,sound", [
    ("apple", "v"), ("hour", "v"), ("honest", "v"), ("heir", "v"), ("union", "c"), ("university", "c"),
    ("one-off", "c"), ("once", "c"), ("European", "c"), ("unintended", "v"), ("unimportant", "v"),
    ("uninsured", "v"), ("unidentified", "v"), ("usual", "c"), ("utility", "c"), ("FBI", "v"), ("MP", "v"),
    ("NHS", "v"), ("SUV", None), ("UN", "c"), ("US", "c"), ("NATO", "c"), ("NASA", "c"), ("RAF", None),
    ("8%", "v"), ("80", "v"), ("11", "v"), ("18", "v"), ("11,000-seat", "v"), ("1,100", "c"), ("12", "c"),
    ("X-ray", "v"), ("U-turn", "c"), ("historic", None), ("hotel", None), ("house", "c"), ("Ukrainian", "c"),
    # H is "aitch" or "haitch": initialisms that start with it take either article
    ("HDMI", None), ("HR", None), ("HMRC", None), ("H-bomb", None), ("HBO", None), ("Hamas", "c"),
])
def test_sound_of_the_next_word(word, sound):
    assert _sound(word) == sound


def test_a_an_findings_and_fixes():
    (f,) = found("The council approved a increase.", "a-an")
    assert (f.match, f.suggestions, f.fix) == ("a", ("an",), "an")
    (f,) = found("An union official spoke.", "a-an")
    assert (f.match, f.suggestions, f.fix) == ("An", ("A",), "A")
    (f,) = found("He was a FBI agent.", "a-an")
    assert f.suggestions == ("an",) and f.fix is None  # acronyms: suggested, not fixed


def test_a_an_either_article_before_an_h_initialism():
    assert found("She connected a HDMI cable and an HDMI splitter to a HR laptop.", "a-an") == []
    text = "She connected a HDMI cable to a ESPN decoder."
    (f,) = found(text, "a-an")
    assert f.suggestions == ("an",) and f.start == text.index("a ESPN")
    assert not found("She met an MP, a US envoy, an hour later, at a NATO summit, for a one-off deal.", "a-an")
    assert not found("They used an historic site and a historic site; vitamin A is listed.", "a-an")


def test_repeated_words():
    (f,) = found("The the council voted.", "repeated-word")
    assert (f.match, f.fix) == ("The the"[3:], "")
    (f,) = found("She went to to the meeting.", "repeated-word")
    assert f.fix == "" and f.message == "'to' is repeated"
    (f,) = found("They were very very late.", "repeated-word") or [None]
    assert f is None  # "very very" is emphasis, left alone
    (f,) = found("Officials said the\nthe report was late.", "repeated-word")
    assert f.fix == ""
    (f,) = found("The budget budget was cut.", "repeated-word")
    assert f.fix is None  # a content word: the editor decides
    assert not found("He had had enough. She said that that was it. Sirhan Sirhan was named.", "repeated-word")
    assert not found("The **the** case.", "repeated-word")


def test_doubled_punctuation():
    (f,) = found("The council voted,, and left.", "doubled-punctuation")
    assert (f.match, f.fix) == (",,", ",")
    assert not found("Wait... and then. The U.S., the U.K.; done.", "doubled-punctuation")


def test_doubled_space():
    (f,) = found("The council  voted.", "doubled-space")
    assert (f.match, f.fix) == ("  ", " ")
    assert not found("The vote.  The end. A **bold** word and `code  here`.", "doubled-space")


def test_unbalanced_quotes():
    (f,) = found("“We will not back down, the mayor said.", "unbalanced-quotes")
    assert f.match == "“" and "opening" in f.message
    (f,) = found("The mayor said we will win.” She left.", "unbalanced-quotes")
    assert f.match == "”" and "closing" in f.message
    assert not found("“We will win,\n\n“and we will not stop,” she said.", "unbalanced-quotes")
    assert not found('She said "no" and left. “Fine,” he said.', "unbalanced-quotes")


def test_unbalanced_brackets():
    (f,) = found("The council (which met on Tuesday voted.", "unbalanced-brackets")
    assert f.match == "(" and "')'" in f.message
    (f,) = found("The council voted) on Tuesday.", "unbalanced-brackets")
    assert f.match == ")"
    assert not found("Options: a) close it or b) sell it :) (fine) [sic].", "unbalanced-brackets")


def test_quotes_with_mixed_marks_are_balanced():
    # Published copy pairs its marks loosely: curly with straight, and ’’ typed for ”.
    assert not found('The slogan, “Stay Warm," drew laughs.', "unbalanced-quotes")
    assert not found('He said, "we are ready.” Then he left.', "unbalanced-quotes")
    assert not found("“It was a mistake,’’ the minister said.", "unbalanced-quotes")
    # An inch mark is no quotation; a code in quotes that ends in a digit still closes.
    assert not found('The 34" monitor costs less with the code "SAVE50" today.', "unbalanced-quotes")
    (f,) = found("“It was a mistake, the minister said, and ‘ we regret it.", "unbalanced-quotes")
    assert f.match == "“"


def test_an_before_x_said_ex():
    assert not found("He bought an Xbox and an X-ray machine.", "a-an")
    (f,) = found("He bought a Xbox.", "a-an")
    assert f.fix is None or f.fix == "an"


def test_a_an_leaves_a_doubled_article_to_repeated_word():
    # "use 'an' before 'a'" would misdiagnose the slip; repeated-word names it.
    text = "The mayor sold a a seaside cottage."
    assert not found(text, "a-an")
    assert found(text, "repeated-word")
    assert not found("Fans wanted a 'a proper striker' and an An extra year.", "a-an")
    (f,) = found("She bought a a old car.", "a-an")  # the second article is still judged
    assert f.suggestions == ("an",)
