"""Derived words, compounds and the cheap screens in front of the candidate search.
Words and sentences written for these tests."""
import datetime as dt

import pytest

from lint.config import Config
from lint.engine import Engine
from lint.plugins import build
from lint.spelling.checker import SpellChecker
from lint.spelling.speller import Speller

_ENGINE = Engine(plugins=build(entry_points=False), today=dt.date(2025, 11, 22))
_CHECKER = SpellChecker(language=None)


def flagged(word: str) -> list[str]:
    """What the speller says about one lowercase word placed mid-sentence."""
    return [v.kind for v in _CHECKER.check(f"The editor wrote {word} on the proof.")]


def spelling(text: str) -> list[tuple[str, str]]:
    result = _ENGINE.check_text(text + "\n", "draft.md", config=Config())
    assert result.error is None
    return [(f.match, f.rule) for f in result.findings if f.category == "spelling"]


@pytest.mark.parametrize("word", [
    "midcentury",       # mid- + century, written solid
    "upsample",         # up- + sample
    "nanoparticles",    # nano- + particles
    "unfollowed",       # un- + followed; "unfellowed" is an obscure word a vowel away
    "unblockables",     # un- + block + -ables: one plural step under a prefix
    "deliverables",
    "polyamorist",      # polyamory -> -ist
    "demetrication",    # de- + a long, rare word
    "greenlit",         # green + lit; "greenlet" is an obscure word a vowel away
])
def test_derived_words_and_compounds_are_words(word):
    assert flagged(word) == []


@pytest.mark.parametrize("word", [
    "glitched",         # glitch + -ed after two consonants: "glitches" is no better guess
    "glitching",
    "spooled",          # two vowels and a consonant: no doubling in doubt
    "judged",           # -ed in place of a silent e
])
def test_regular_inflections_of_known_words_are_words(word):
    assert flagged(word) == []


@pytest.mark.parametrize("word,fix", [
    ("stoped", "stopped"),        # one vowel, one consonant: the consonant doubles
    ("hopeing", "hoping"),        # the silent e goes before -ing
    ("carryed", "carried"),       # -y after a consonant is -ied
    ("catched", "caught"),        # an irregular verb takes no -ed
    ("thinked", None),
    ("agreing", "agreeing"),
    ("alwaysed", None),           # no verb: "alwaysing" is no word either
])
def test_irregular_or_misspelled_inflections_are_still_reported(word, fix):
    vs = _CHECKER.check(f"The editor wrote {word} on the proof.")
    assert vs, word
    if fix:
        assert fix in vs[0].suggestions


@pytest.mark.parametrize("word,fix", [
    ("decidly", None),            # a silent e stays before -ly: no "decide" + "ly"
    ("financly", None),
    ("persee", None),             # "per" spelled out is a prefix, not a word of a compound
    ("condish", None),
    ("pertend", "pretend"),       # a prefix-like start with a real word one swap away
    ("governmet", "government"),  # not "govern" + "met"
    ("recieved", "received"),     # a known misspelling
    ("jewerly", "jewelry"),
    ("magnifist", None),          # -ist replaces the -y of a learned noun, not of a verb
])
def test_misspellings_that_look_derived_are_still_reported(word, fix):
    vs = _CHECKER.check(f"The editor wrote {word} on the proof.")
    assert vs, word
    if fix:
        assert vs[0].suggestions[0] == fix


def test_a_reduplicated_compound_is_read_as_one():
    assert spelling("The tickety-tick of the old clock filled the hall.") == []
    assert spelling("Gone is the clackety-clack of the old keyboard.") == []
    # ... but a real slip inside a compound is still a slip
    assert ("statment", "spelling.misspelling") in spelling("The court's short-statment was read aloud.")
    # an echo extends the word; a cut-off one is a slip
    assert spelling("The clack-cla of the keys went on.") != []


def test_a_rhyming_or_vowel_changing_reduplication_is_read_as_one():
    # one half is a word; the other differs in its first consonants or in one vowel
    assert spelling("The minister's answer was wishy-washy at best.") == []
    assert spelling("Critics called the budget hocus-pocus and the cuts willy-nilly.") == []
    assert spelling("The fundraiser was a bit of hanky-panky, and the quiz was easy-peasy.") == []
    # a slip beside a word it does not rhyme with is still a slip
    assert any(m == "wishu" for m, _ in spelling("The plan was wishu-washy at best."))
    assert any(m == "statment" for m, _ in spelling("The court's statment-maker was read aloud."))


@pytest.mark.parametrize("word,other,echo", [
    ("pocus", "hocus", True), ("nilly", "willy", True), ("peasy", "easy", True),
    ("wishy", "washy", True), ("tattle", "tittle", True), ("chat", "chit", True),
    ("statment", "maker", False), ("wishu", "washy", False), ("ab", "cb", False),
    ("cat", "cot", True), ("paper", "taper", True), ("plan", "plane", False),
])
def test_echoes(word, other, echo):
    from lint.spelling.checker import echoes
    assert echoes(word, other) is echo


def test_a_word_alone_in_quotation_marks_is_mentioned_not_used():
    text = "Researchers call the effect \"glimmerance\" and say it fades within a week."
    assert spelling(text) == []
    # the same unknown word used plainly is still worth a look
    assert spelling("Researchers say the glimmerance fades within a week.") != []
    # and a clear slip in quotation marks is still an error
    assert ("\u201crecieved\u201d" not in text) and spelling("She said the memo was \u201crecieved\u201d late.") != []


def test_a_name_used_at_a_sentence_start_and_inside_another_is_a_name():
    text = ("Balmont Works (Scotland) made the installation. "
            "With its lamps, Balmont Works lit the square for a week.")
    assert spelling(text) == []


def test_a_sentence_initial_slip_on_a_common_word_is_still_reported():
    assert spelling("Similarily, the council voted to close the library.") != []


# The screen in front of the search: one-letter edits looked up in a dict ---------------
def test_has_near_finds_a_frequent_word_one_slip_away():
    sp = _CHECKER.speller
    assert sp.has_near("tittles", 40, 0.8) is True      # titles: a letter too many
    assert sp.has_near("wrod", 40, 0.8) is True         # word: two letters swapped
    assert sp.has_near("plnet", 40, 0.8) is True        # planet: a letter left out
    assert sp.has_near("pneumonitis", 40, 0.8) is False  # no common word one slip away


def test_has_near_declines_what_it_cannot_answer():
    sp = _CHECKER.speller
    assert sp.has_near("tittles", 10, 0.8) is None   # too rare for the dict
    assert sp.has_near("tittles", 40, 0.95) is None  # two slips fit the cost


def test_the_screen_agrees_with_the_search():
    """has_near is a plain necessary condition of the narrow search: wherever the search
    finds a candidate, the screen says True."""
    sp = Speller(_CHECKER.lexicon)
    for word in ["tittles", "retting", "alway", "agen", "wonted", "formyl", "scarily",
                 "pneumonitis", "reputational", "ghrelin", "bister", "eger"]:
        found = sp.candidates(word, 3, max_cost=0.8, min_zipf=30)
        screen = sp.has_near(word, 30, 0.8)
        assert not (found and screen is False), word


def test_rare_word_verdicts_still_come_through_the_screen():
    kinds = [v.kind for v in _CHECKER.check("The tittles of the reports were long.")]
    assert kinds == ["rare"]
    assert _CHECKER.check("Doctors treated her pneumonitis with steroids.") == []


def test_a_word_the_sentence_gives_as_a_name_is_mentioned():
    assert spelling("Cooks serve a thick stew called brodetta at the festival.") == []
    assert spelling("The cells, known as glimmerances, are kept cold.") == []
    # the same word used plainly is still worth a look
    assert spelling("Cooks serve brodetta at the festival.") != []
    # a known misspelling after "called" is still an error
    assert spelling("The office called recieved post the day before.") != []


def test_a_word_set_alone_in_quotation_marks_is_mentioned():
    assert spelling('Growers call the wet rot "brodetta" in the valley.') == []
    # American style puts the comma or full stop inside the marks
    assert spelling("The van has a rear hatch, or \u201cbrodetta,\u201d for tools.") == []
    assert spelling("Locals named the storm \u201cbrodetta.\u201d It did not last.") == []
    # quoted speech that runs on is used, not mentioned
    assert spelling("\u201cThe rain spoiled the brodetta,\u201d she said.") != []
    # a clear slip in quotation marks is still an error
    assert spelling("The sign said \u201crecieved,\u201d in red.") != []


def test_the_deletion_index_answers_like_the_edit_lookups():
    """After many screens a run switches to a deletion index. It may let through a word
    two slips away (the search then decides) but never stops one the lookups let through."""
    words = ["tittles", "wrod", "plnet", "pneumonitis", "reputational", "retting", "alway",
             "cafe", "formyl", "ghrelin", "bister", "scarily", "tsunamis"]
    fresh = Speller(_CHECKER.lexicon)
    by_edits = [fresh.has_near(w, z, 0.8) for w in words for z in (30, 40, 55)]
    indexed = Speller(_CHECKER.lexicon)
    indexed._near_queries = 10**9  # the common words' index answers for 40 and 55
    by_index = [indexed.has_near(w, z, 0.8) for w in words for z in (30, 40, 55)]
    assert all(i or not e for e, i in zip(by_edits, by_index))
    assert indexed.has_near("pneumonitis", 40, 0.8) is False
    assert indexed.has_near("tittles", 40, 0.8) is True
    indexed._rare_near_queries = 10**9  # ... and every frequent word's index for 30
    by_full = [indexed.has_near(w, z, 0.8) for w in words for z in (30, 40, 55)]
    assert all(i or not e for e, i in zip(by_edits, by_full))


def test_the_common_words_deletion_index_is_the_full_one_above_its_floor():
    """Questions about common words read a smaller index: for every string it must give
    what the index of all frequent words gives whenever that is a common word's frequency."""
    lexicon = _CHECKER.lexicon
    common, full = lexicon.near_index(40), lexicon.near_index()
    assert all(common[k] == v for k, v in full.items() if v >= 40)
    assert all(full[k] == v for k, v in common.items())


def test_a_word_standing_alone_as_an_exclamation_is_an_interjection():
    assert spelling("The lid came loose and \u2014 kerblam! \u2014 the soup hit the floor.") == []
    assert spelling("The cells wait for a signal, then... zoinks! They divide.") == []
    # inside a sentence it is still worth a look
    assert spelling("The lid made a kerblam sound on the floor!") != []
    # and a clear slip before an exclamation mark is still an error
    assert spelling("Then... recieved!") != []
