"""The shortcuts taken on the hot paths of a run (memos, prefilters, buckets) give the
answers of the plain reading: each test names the case a shortcut could get wrong."""
from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from lint.config import Settings
from lint.engine import Engine
from lint.plugins import build
from lint.readability import syllables
from lint.spelling.checker import SpellChecker
from lint.spelling.lexicon import default_lexicon


# ---------------------------------------------------------------- syllables
@pytest.mark.parametrize("word, count", [
    ("spokesman", 2), ("spokeswomen", 3), ("statement", 2), ("hopeful", 2),  # silent inner e
    ("makes", 1), ("times", 1), ("raised", 1), ("killed", 1), ("wanted", 2),  # -es, -ed
    ("special", 2), ("ancient", 2), ("opinion", 3), ("Tunisia", 3), ("lovely", 2),  # taken away
    ("McDonald", 3), ("racism", 3), ("didnt", 2), ("idea", 3), ("Korea", 3), ("pea", 1),  # added
    ("alien", 3), ("coaxial", 4), ("quadrant", 2), ("guava", 2), ("audio", 3), ("Julius", 3),
    ("variety", 4), ("audience", 3), ("initiate", 4), ("Mayo", 2), ("area", 3),
])
def test_syllable_adjustments(word, count):
    assert syllables(word) == count


# ---------------------------------------------------------------- word frequencies
def test_lexicon_reads_a_word_as_written_before_its_folded_spellings():
    lx = default_lexicon()
    assert lx.zipf("cafe") == 45 and lx.zipf("café") == 12  # each its own entry
    assert lx.zipf("resume") == lx.zipf("résumé") is not None
    assert lx.zipf("zurich") is not None  # only "zürich" is listed: found by folding
    assert lx.zipf("qwzxv") is None and lx.zipf("qwzxv") is None  # unknown, asked twice
    assert lx.zipf("accommodation") == lx.zipf("accommodation") == 43


def test_vocabulary_words_join_their_group():
    lx = default_lexicon(["newslintword"])
    assert lx.zipf("newslintword") == 30
    assert default_lexicon().zipf("newslintword") is None


# ---------------------------------------------------------------- names near a known name
def _name_verdicts(sc: SpellChecker, text: str) -> dict[str, tuple[str, ...]]:
    return {v.word.text: v.suggestions for v in sc.check(text) if v.kind == "name"}


def test_near_names_one_letter_shorter_or_longer_are_found():
    sc = SpellChecker(language=None)
    sc.add_names(["Ingrid Holmqvist", "Ann Falkenrath"])
    found = _name_verdicts(sc, "The envoy met Holmqvst and later Falkenrathh in the capital.")
    assert found == {"Holmqvst": ("Holmqvist",), "Falkenrathh": ("Falkenrath",)}


def test_two_names_equally_near_are_not_guessed():
    sc = SpellChecker(language=None)
    sc.add_names(["Ingrid Holmqvist", "Ingrid Holmquist"])
    assert _name_verdicts(sc, "The envoy met Holmqist in the capital.") == {}


def test_names_added_later_change_the_remembered_answers():
    sc = SpellChecker(language=None)
    sc.add_names(["Ann Falkenrath"])
    assert _name_verdicts(sc, "The envoy met Holmqvst in the capital.") == {}
    sc.add_names(["Ingrid Holmqvist"])
    assert _name_verdicts(sc, "The envoy met Holmqvst in the capital.") == {"Holmqvst": ("Holmqvist",)}


# ---------------------------------------------------------------- the fact base across drafts
_PACK_A = "facts: c\nas_of: 2025-01-01\npeople:\n  - {id: a-b, name: Ann Bee}\n"
_PACK_B = "facts: c\nas_of: 2025-01-01\npeople:\n  - {id: c-d, name: Cid Dee, aliases: [C. Dee]}\n"


def test_fact_base_is_checked_on_disk_again_after_the_recheck_interval(tmp_path, monkeypatch):
    from lint.facts import fact_pack_paths, rulebase

    monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
    pack = tmp_path / "c.yaml"
    pack.write_text(_PACK_A, encoding="utf-8")
    settings = Settings(registered_fact_packs=(), fact_packs=(str(pack),))
    paths = fact_pack_paths(settings)
    first = rulebase._recent_base(paths, settings)
    assert "a-b" in first.people
    pack.write_text(_PACK_B, encoding="utf-8")
    monkeypatch.setattr(rulebase, "RECHECK_SECONDS", 3600.0)
    assert rulebase._recent_base(paths, settings) is first  # within the interval: not re-read
    monkeypatch.setattr(rulebase, "RECHECK_SECONDS", 0.0)
    assert "c-d" in rulebase._recent_base(paths, settings).people  # after it: the edit is seen


# ---------------------------------------------------------------- loaded phrases
def test_a_phrase_ends_at_a_possessive_but_not_at_a_longer_word(tmp_path):
    pack = tmp_path / "phrases.yaml"
    pack.write_text(textwrap.dedent("""
        pack: phrases
        description: One two-word loaded phrase.
        defaults: {category: bias, severity: warning}
        rules:
          - id: death-tax
            kind: loaded-term
            terms: {death tax: estate tax}
            message: "'{match}' is loaded"
            why: An example rule for a phrase whose last word may take a possessive.
            examples: {bad: ["The death tax rose."], good: ["The estate tax rose."]}
    """), encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("packs: [phrases.yaml]\n", encoding="utf-8")
    draft = tmp_path / "d.md"
    draft.write_text("The death tax's critics met. Death taxes rose. The death toll rose.\n", encoding="utf-8")
    result = Engine(plugins=build(entry_points=False), date=dt.date(2025, 6, 1)).check_file(draft)
    assert [f.match for f in result.findings] == ["death tax"]
