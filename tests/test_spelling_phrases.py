"""Fixed phrases from other languages used as English (lint/spelling/phrases.py,
rules/spelling/phrases.txt). Sentences written for these tests."""
import datetime as dt

import pytest

from lint.config import Config
from lint.engine import Engine
from lint.plugins import build
from lint.spelling.phrases import in_phrase, phrase_index

_ENGINE = Engine(plugins=build(entry_points=False), today=dt.date(2025, 11, 22))


def spelling(text: str) -> list[str]:
    result = _ENGINE.check_text(text + "\n", "draft.md", config=Config())
    assert result.error is None
    return [f.match for f in result.findings if f.category == "spelling"]


@pytest.mark.parametrize("text", [
    "The nurse graduated magna cum laude and joined the ward in May.",
    "The minister would not comment while the case was sub judice.",
    "The councillor offered a mea culpa at the start of the meeting.",
    "The payment was made ex gratia, the airline said.",
    "The board acted ultra vires when it sold the land, the judge found.",
    "The singer has a certain je ne sais quoi, her manager said.",
    "The appeal was heard de novo by a second panel.",
    "The striker's coup de grâce came in the last minute.",
    "Critics called the compromise namby-pamby and the debate argy-bargy.",
])
def test_a_foreign_phrase_used_as_english_is_no_misspelling(text):
    assert spelling(text) == []


def test_a_phrase_word_alone_is_still_checked():
    # "judice" outside its phrase is a slip on "juice"
    assert spelling("She poured a glass of orange judice for the guests.") == ["judice"]
    # the words must be the phrase's, in its order
    assert "laude" in spelling("The nurse graduated cum the laude from college.")


def test_in_phrase_reads_case_diacritics_and_separators():
    text = "It was a Coup-d’État, and a cri de coeur."
    assert in_phrase(text, text.index("État"), text.index("État") + 4)
    assert in_phrase(text, text.index("coeur"), text.index("coeur") + 5)
    assert not in_phrase("The coeur was", 4, 9)
    assert all(len(p) >= 2 for ps in phrase_index().values() for p in ps)
