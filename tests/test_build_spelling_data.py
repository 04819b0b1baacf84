"""The build step that takes rare words from wordfreq's list: what it lets in and keeps out.
Made-up frequencies and words written for these tests; no wheel is read."""
import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parent.parent / "tools" / "build_spelling_data.py"
_SPEC = importlib.util.spec_from_file_location("build_spelling_data", _PATH)
build = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(build)

# Zipf values: the lists' words, then what the web list adds.
LEX = {"number": 5.4, "tumble": 3.2, "literally": 4.9, "received": 4.9, "life": 5.5, "of": 7.4,
       "fire": 5.3, "gourd": 2.4}
WEB = dict(LEX, **{
    "kimbap": 2.1,        # a loanword nothing common is near: taken
    "tumblr": 3.7,        # one slip from "tumble", which the web writes less often: taken
    "litteraly": 1.9,     # two slips from a word 1,000 times as frequent: a slip
    "recieved": 2.7,      # a known misspelling
    "oflife": 1.6,        # a function word run into a word
    "fyre": 2.0,          # one slip from "fire", far more frequent
    "gourds": 2.0,        # one slip from "gourd", more frequent than itself: left to the plural rules
    "zzzzing": 2.0,       # a letter three times over
    "kimb": 1.0,          # too rare
    "tobiah": 2.2,        # a name
})


def test_web_words_take_rare_words_and_leave_slips_out():
    got = build.web_words(WEB, LEX, misspelled={"recieved"}, names={"tobiah"})
    assert set(got) == {"kimbap", "tumblr"}
    assert got["kimbap"] == 2.1


def test_read_msgpack_reads_wordfreq_shaped_data():
    # [{"format": "cB", "version": 1}, [], ["the", "of"], ["kimbap"]] in msgpack
    data = (b"\x94\x82\xa6format\xa2cB\xa7version\x01" b"\x90" b"\x92\xa3the\xa2of" b"\x91\xa6kimbap")
    assert build.read_msgpack(data) == [{"format": "cB", "version": 1}, [], ["the", "of"], ["kimbap"]]


def test_standard_words_are_the_dictionary_core_in_the_frequency_band():
    size = {"ire": 35, "fir": 35, "alway": 80, "the": 10, "tittles": 50}
    lex = {"ire": 3.1, "fir": 3.3, "alway": 0.8, "the": 7.3, "tittles": 1.5}
    assert build.standard_words(size, lex) == ["fir", "ire"]
