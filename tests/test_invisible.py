"""Invisible characters: reported where they hide in the copy, and the word behind them still checked."""
import datetime as dt

from lint import fixes
from lint.config import Config
from lint.engine import Engine
from lint.plugins import build

ENGINE = Engine(plugins=build(entry_points=False), date=dt.date(2025, 11, 22))


def found(text, select=("grammar", "spelling")):
    engine = Engine(plugins=build(entry_points=False), date=dt.date(2025, 11, 22), select=list(select))
    return [(f.rule, f.match) for f in engine.check_text(text + "\n", "d.md", config=Config()).findings]


def test_a_misspelling_behind_a_zero_width_space_is_still_caught():
    hits = found("The goverment\u200b report was late.")
    assert ("spelling.misspelling", "goverment") in hits
    hits = found("The gover\u200bment report was late.")
    assert ("spelling.misspelling", "gover\u200bment") in hits
    assert ("grammar.invisible-character", "\u200b") in hits


def test_a_correct_word_with_a_hidden_character_is_only_the_character():
    hits = found("The council met on Tues\u200bday.")
    assert hits == [("grammar.invisible-character", "\u200b")]


def test_fix_deletes_zero_width_characters_but_not_direction_marks():
    engine = Engine(plugins=build(entry_points=False), date=dt.date(2025, 11, 22), select=["grammar.invisible-character"])
    text = "The council met on Tues\u200bday.\n\nThe account \u202eevil\u202c was suspended.\n"
    out = fixes.fix_text(engine, text, "d.md", Config())
    assert out.fixed == text.replace("\u200b", "")
    assert [f.match for f in out.result.findings] == ["\u202e", "\u202c"]


def test_emoji_sequences_and_files_marks_are_left_alone():
    assert found("The family posted 👩\u200d👩\u200d👧 on Friday.", ["grammar.invisible-character"]) == []
    assert found("\ufeffThe council met.", ["grammar.invisible-character"]) == []
