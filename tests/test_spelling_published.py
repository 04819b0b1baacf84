"""The speller on published copy: quiet on real words, varieties and foreign text,
still loud on typos. Sentences written for these tests."""
import datetime as dt

import pytest

from lint.config import Config
from lint.engine import Engine
from lint.plugins import build
from lint.spelling.variants import default_variants, variety

_ENGINE = Engine(plugins=build(entry_points=False), today=dt.date(2025, 11, 22))


def findings(text: str, **config):
    result = _ENGINE.check_text(text + "\n", "draft.md", config=Config(**config))
    assert result.error is None
    return [f for f in result.findings if f.category == "spelling" or f.rule.startswith(("spelling.", "consistency.mixed"))]


BRITISH = (
    "The organisation said its members had recognised the calibre of the new centre. "
    "The council apologised for the delay, and neighbours praised the colour of the theatre's "
    "new programme. Labour said the defence review would be published in the autumn."
)


def test_british_copy_is_quiet_without_a_configured_language():
    assert findings(BRITISH) == []


@pytest.mark.parametrize("language", ["en-GB", "en-AU", "en-IE", "en-IN", "en-NZ"])
def test_british_copy_is_quiet_in_commonwealth_varieties(language):
    assert findings(BRITISH, language=language) == []


def test_configured_american_flags_british_spellings_but_not_proper_nouns():
    found = {f.match: f for f in findings(BRITISH, language="en-US")}
    assert found["organisation"].rule == "spelling.variant" and found["organisation"].suggestions == ("organization",)
    assert found["centre"].category == "style" and found["centre"].severity.label == "suggestion"
    assert "Labour" not in found


def test_a_mixed_draft_gets_a_mixing_finding():
    text = ("The centre opened on Monday. Its colour was chosen by the neighbourhood council, "
            "whose members favored a gray color.")
    rules = {f.rule for f in findings(text)}
    assert rules == {"consistency.mixed-us-uk-spelling"}


@pytest.mark.parametrize("word", ["surprise", "expertise", "dialogue", "jail", "judgement"])
def test_words_both_dictionaries_list_are_never_variants_in_us_copy(word):
    v = default_variants()
    if word == "judgement":  # a British form with an American one: only in US copy
        assert v.preferred(word, "en-GB") is None
        return
    assert v.preferred(word, "en-US") is None and v.preferred(word, "en-GB") is None


def test_variety_mapping():
    assert variety(None) is None and variety("en-US") == "us" and variety("en-CA") == "ca"
    assert variety("en-IE") == "gb" and variety("en-NZ") == "au"
    v = default_variants()
    assert v.preferred("organise", "en-CA") == "organize" and v.preferred("color", "en-GB") == "colour"
    assert v.preferred("organize", "en-GB") is None  # Oxford spelling


def test_rare_real_words_and_derived_forms_are_words():
    text = ("The funders of the moon landers texted reputational warnings about fentanyl "
            "and pneumonitis, and the astrobiologists found them customizable.")
    assert [f.match for f in findings(text) if f.rule.startswith("spelling.")] == []


def test_hyphenated_compounds_and_technical_tokens():
    text = ("The long-awaited follow-up to the state-of-the-art e-reader ships with USB-C, "
            "Wi-Fi 6E and a 4K display; see https://example.com/spec-sheet or @newsdesk.")
    assert [f.match for f in findings(text) if f.rule.startswith("spelling.")] == []
    text = "Backing the neo–liberal plan was a no-brainer for the high-flyers, she said."
    assert [f.match for f in findings(text) if f.rule.startswith("spelling.")] == []
    # A slip inside a compound is still a slip.
    assert [f.match for f in findings("The long-awaitted report is out.")] == ["awaitted"]


def test_a_real_typo_is_still_an_error_with_the_right_suggestion():
    [f] = [f for f in findings("The minister said the goverment would publish the report.")]
    assert f.match == "goverment" and f.severity.label == "error" and f.suggestions[0] == "government"


def test_a_far_off_unknown_word_is_a_suggestion_at_most():
    found = [f for f in findings("The committee said the zqxbrtl plan was final.") if f.match == "zqxbrtl"]
    assert found and all(f.severity.label in ("suggestion", "info") for f in found)


GERMAN = (
    "Die Stadtverwaltung hat am Montag angekündigt, dass die Brücke über den Fluss im Frühjahr "
    "saniert wird. Nach Angaben des Bürgermeisters sollen die Arbeiten etwa acht Monate dauern. "
    "Anwohner befürchten lange Umwege und fordern eine provisorische Fußgängerbrücke."
)


def test_a_german_paragraph_gets_one_info_finding():
    found = findings(GERMAN)
    assert len(found) == 1
    assert found[0].rule == "spelling.not-english" and found[0].severity.label == "info"


def test_a_foreign_sentence_inside_english_copy_is_skipped():
    text = ("The mayor spoke to reporters outside the town hall on Tuesday. "
            "Sie sagte: \"Wir werden die Brücke so schnell wie möglich reparieren lassen.\" "
            "She said repairs would begin in the spring and last about eight months, and "
            "that the council had set aside money for a temporary footbridge.")
    assert findings(text) == []


def test_a_latin_phrase_in_english_copy_is_skipped():
    text = "The judge said the principle of res ipsa loquitur applied, and the jury agreed."
    assert findings(text) == []


def test_two_typos_in_different_places_are_both_reported():
    text = "The goverment said the report was publshed on Tuesday."
    assert {f.match for f in findings(text)} == {"goverment", "publshed"}


def test_both_spellings_of_a_variant_pair_are_words():
    # "ax" and "molt" are rare in the frequency lists but standard American spellings.
    assert findings("Officials said the program got the ax, and the crabs molt in spring.") == []


def test_a_rare_word_inside_a_hyphenated_compound_is_meant():
    assert findings("Even single-celled organisms respond to the signal.") == []
    assert [f.match for f in findings("The celled report was late.")] == ["celled"]


def test_a_word_the_writer_repeats_is_theirs_but_a_repeated_clear_slip_is_not():
    text = ("The clinic tested ghrelin levels before lunch. Higher ghrelin meant more hunger, "
            "the goverment study found, and the goverment will fund more work.")
    assert [f.match for f in findings(text)] == ["goverment", "goverment"]


def test_parts_of_hyphenated_names_are_names():
    text = "The minister, Kim Ji-hoon, met Park Seo-yeon and Lee Min-jung on Tuesday."
    assert findings(text) == []
    # At the start of a sentence a capital says nothing: the parts are still checked.
    assert [f.match for f in findings("Well-knwon rules apply, the judge said.")] == ["knwon"]


# Words the web list (wordfreq) attests and no nearer, commoner word explains: a loanword, a
# drug, a coinage, a plural of a technical word. Sentences written for these tests.
@pytest.mark.parametrize("sentence", [
    "The stall sold biryani and samosas until midnight.",
    "Police seized mephedrone worth thousands of pounds.",
    "The study traced each haplogroup across three centuries.",
    "The toddler wore matching onesies at the fair.",
    "Sites ask for captchas before a comment is posted.",
    "The report described racialized policing in the city.",
])
def test_words_the_web_list_attests_are_words(sentence):
    assert findings(sentence) == []


@pytest.mark.parametrize("sentence,word", [
    ("The minister was litteraly speechless.", "litteraly"),        # two slips from a common word
    ("The remark was innapropriate, she said.", "innapropriate"),
    ("It was the best day oflife for the team.", "oflife"),          # a function word run in
    ("The council recieved the letter on Monday.", "recieved"),      # a known misspelling
])
def test_misspellings_found_on_the_web_are_still_reported(sentence, word):
    assert [f.match for f in findings(sentence)] == [word]


def test_standard_dictionary_words_are_not_slips_on_their_neighbours():
    # "ire", "fir" and "fro" are a vowel or a swap from "are" and "for", but the core of
    # every dictionary lists them and copy uses them on purpose
    assert findings("The ruling drew the ire of farmers, who walked to and fro under the fir trees.") == []
    # a rare word outside that core is still worth a look
    assert [f.match for f in findings("The editor said the tittles of the reports were long.")] == ["tittles"]
