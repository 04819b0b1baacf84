"""The embedded news speller (lint/spelling, lint/kinds/spelling.py)."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from lint.config import Config
from lint.engine import Engine
from lint.plugins import build
from lint.spelling.checker import Policy, SpellChecker
from lint.spelling.distance import distance, osa_bits, pattern
from lint.text.distance import osa
from lint.spelling.keys import fold, skeleton
from lint.spelling.lexicon import data_dir, default_lexicon
from lint.spelling.table import Table, encode
from lint.spelling.tokens import guess_sentence_starts, words


@pytest.fixture(scope="module")
def checker() -> SpellChecker:
    return SpellChecker()


def verdicts(checker: SpellChecker, text: str) -> dict[str, tuple]:
    return {v.word.text: (v.kind, v.severity, v.suggestions, v.fix) for v in checker.check(text)}


# --- tokens -------------------------------------------------------------------
def test_tokens_skip_what_is_not_a_word():
    text = ("The U.S. said on Nov. 3 that NATO's TPMs cost £5bn in the 1990s, e-mail news@example.com, "
            "see bbc.co.uk, follow @bbcnews and #election2024, the 21st and 3rd; iPod, McDonald, O'Brien.")
    got = [w.text for w in words(text, guess_sentence_starts(text))]
    for skipped in ("U.S", "NATO", "TPMs", "5bn", "1990s", "news", "example", "co", "uk", "bbcnews",
                    "election2024", "21st", "iPod", "McDonald", "O'Brien", "e"):
        assert skipped not in got
    assert {"The", "said", "on", "Nov", "that", "cost", "in", "the", "mail", "see", "follow", "and"} <= set(got)


def test_tokens_possessives_contractions_and_curly_apostrophes():
    text = "The minister’s aides didn’t say; the ministers' view isn't clear, and we'll see."
    got = [w.text for w in words(text)]
    assert "minister" in got and "ministers" in got
    assert "didn’t" in got and "isn't" in got and "we'll" in got


def test_tokens_hyphenated_compounds_are_split_but_remembered():
    (a, b) = [w for w in words("a pre-match briefing") if w.compound]
    assert (a.text, b.text, a.compound, a.before_hyphen, b.before_hyphen) == ("pre", "match", "pre-match", True, False)
    # Pieces of two letters or fewer ("co-", "wi-fi") are not checked on their own.
    assert [w.text for w in words("the co-ordinator of wi-fi")] == ["the", "ordinator", "of"]


def test_tokens_sentence_initial_words_behind_quotes():
    text = 'He left. "Similarily, we stay," she said.'
    initial = {w.text: w.initial for w in words(text, guess_sentence_starts(text))}
    assert initial["He"] and initial["Similarily"] and not initial["she"]


# The plain reading of a text into words, written the simple way (one regex split and one
# look-ahead per token): the fast tokenizer must give exactly the same words.
_REF_TOKEN = re.compile(r"[^\W_](?:[\w'’.\-‐]*[^\W_])?")
_REF_NEXT = re.compile(r"[\s\"“”‘’']*([^\W\d_]+)")


def _reference_words(text: str, starts: frozenset[int]) -> list[tuple]:
    out = []
    prev_end, prev_capital = -2, False
    for m in _REF_TOKEN.finditer(text):
        start, end, token = m.start(), m.end(), m.group()
        after_capital = prev_capital and text[prev_end:start] == " "
        prev_end, prev_capital = end, token[:1].isupper()
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        if (before in "@#/\\_\ufffd;" or after in "@/\\_\ufffd&" or (before == "." and start > 1 and text[start - 2].isalnum())
                or re.search(r"\d", token) or "." in token or "_" in token):
            continue
        s = start
        while s > 0 and text[s - 1] in "\"“‘'([":
            s -= 1
        initial = s in starts or start in starts
        parts = re.split(r"([-‐])", token)
        compound = token if len(parts) > 1 else ""
        nxt = _REF_NEXT.match(text, end)
        before_capital = bool(nxt and nxt.group(1)[:1].isupper())
        pos = start
        for i, part in enumerate(parts):
            if part in ("-", "‐"):
                pos += 1
                continue
            p_start = pos
            pos += len(part)
            word = part
            if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
                word = word[:-2]
            elif len(word) > 1 and word[-1] in "'’":
                word = word[:-1]
            lead = len(word) - len(word.lstrip("'’"))
            word = word.strip("'’")
            core = word.rstrip("s") if len(word) > 2 else word
            brand = (core.isupper() and len(core) > 1) or any(ch.isupper() for ch in word[1:])
            if len(word) < 2 or (compound and len(word) < 3) or brand:
                continue
            ws = p_start + lead
            out.append((ws, ws + len(word), word, initial and p_start == start, compound, i + 1 < len(parts),
                        before_capital and i == len(parts) - 1, after_capital and p_start == start))
    return out


TRICKY = ("The mayor’s aide, “Smith,” said O'Neill's plan—pre-war, co-op, ex-Labour—was 'done'. "
          "(Dr Ana da Silva) met van Gogh's heirs; e-mail ana@city.gov or see city.gov/plan. "
          "Ça va? Élodie Brønsted's café in Łódź! Hyphen‐ated words, rock'n'roll, ma'am, the ’90s, "
          "#vote @mayor NATO's TPMs iPod McDonald 3rd 5km £3bn U.S. a.m. x² Ⅷ ⓐ Ⓐb ǅemal\u00a0Tuesday "
          "\"\u2009Quote\" end.\n\n- list item\n# Heading Words Here\n")


def test_fast_tokenizer_reads_like_the_plain_one():
    import random

    rng = random.Random(20251122)
    alphabet = list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ      ") + list(
        "'’\"“”‘()[]-‐.,;:!?@#/\\_&\ufffd\n\t0123456789éÉßǅⓐⒶ²Ⅷ中\u00a0\u2009\u0301")
    texts = [TRICKY, TRICKY.upper(), TRICKY.lower()]
    pieces = TRICKY.replace("\n", " ").split(" ")
    for _ in range(300):
        texts.append("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 50))))
        texts.append(" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))))
    for text in texts:
        starts = guess_sentence_starts(text)
        for s in (starts, frozenset()):
            assert [tuple(w) for w in words(text, s)] == _reference_words(text, s), text


def _one_word(token: str) -> str | None:
    """The word of a token of letters and apostrophes ("Smith’s" -> "Smith"), else None."""
    if not re.fullmatch(r"[^\W\d_]+(?:['’][^\W\d_]*)*", token) or token.isalpha():
        return None
    if len(token) > 2 and token[-2] in "'’" and token[-1] in "sS":
        token = token[:-2]
    elif token[-1] in "'’":
        token = token[:-1]
    return token.strip("'’")


def test_tokens_known_fine_are_left_out_and_change_no_other_word():
    """The checker leaves out the tokens it knows are fine, lowercase and capitalized
    alike, and the tokens of one such word with apostrophes ("Smith’s", "mayor's"): the
    other words read as they do with none left out (after_capital included)."""
    from lint.text.tokens import Tokens

    pieces = TRICKY.replace("\n", " ").split(" ") + [
        "Labour", "Smith", "Smith", "said", "the", "mayor", "Smith’s", "mayor's", "'the", "Labour'",
        "mayors'", "Smith's-Jones", "the\u200bmayor's", "said’s’", "Smith’S"]
    texts = [TRICKY, "Labour Smith said. Smith Labour the mayor", "The The the Smith’s Smith-Jones Smith",
             "The mayor's aide and Smith’s said 'the' ‘Labour’ mayors' view."]
    import random

    rng = random.Random(7)
    texts += [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(200)]
    for fine in ({"the", "said", "mayor"}, {"Smith", "Labour", "The", "Heading", "the"}):
        for text in texts:
            starts = guess_sentence_starts(text)
            table = Tokens(text)
            left_out = {(a, b) for a, b, t in zip(table.starts, table.ends, table.texts)
                        if t in fine or _one_word(t) in fine}
            plain = [w for w in words(text, starts)
                     if not any(a <= w.start < b for a, b in left_out)]
            assert list(words(text, starts, fine)) == plain, text


# --- data ---------------------------------------------------------------------
def test_table_lookups_roundtrip():
    rows = [("ab", "1"), ("abc", "2"), ("b", "3"), ("zz", "4"), ("zzz", "5")]
    for prefix in (1, 2, 3):
        t = Table(encode(rows, prefix=prefix))
        assert [t.get(k) for k, _ in rows] == [v for _, v in rows]
        assert t.get("a") is None and t.get("abd") is None and "zz" in t


def test_table_lookups_in_a_long_span_agree_before_and_after_it_is_split():
    from lint.spelling import table

    # One prefix ("abc") with far more than SPLIT_SPAN characters of lines; values with a
    # tab of their own (as the misspellings table has) and keys that share beginnings.
    rows = [(f"abc{i:05d}", f"v{i}\t{i % 2}") for i in range(0, 3000, 3)] + [("abd", "x"), ("ab", "y")]
    t = Table(encode(rows))
    probes = [k for k, _ in rows] + ["abc00001", "abc0000", "abc000000", "abc", "abd0"]
    expected = {k: v for k, v in rows}
    for _ in range(table.SPLIT_AFTER + 1):  # the first lookups find(), the later ones read the split span
        assert [t.get(k) for k in probes] == [expected.get(k) for k in probes]


def test_lexicon_knows_words_frequencies_and_diacritics():
    lex = default_lexicon()
    assert lex.zipf("the") > lex.zipf("accommodation") > 0
    assert "colour" in lex and "color" in lex  # both varieties are words
    assert lex.zipf("cafe") is not None and lex.zipf("café") is not None
    assert lex.zipf("accomodation") is None


def test_shipped_data_files_and_licences_exist():
    folder = data_dir()
    for name in ("words.tsv", "common.tsv", "misspellings.tsv", "variants.tsv", "standard.txt", "LICENSES.md"):
        assert (folder / name).is_file(), name
    licences = (folder / "LICENSES.md").read_text(encoding="utf-8")
    for source in ("symspellpy", "pyspellchecker", "codespell", "CC BY-SA 3.0", "wordfreq", "CC BY-SA 4.0", "MIT"):
        assert source in licences


def test_skeleton_ignores_vowels_doubles_and_sound_alikes():
    assert skeleton("accommodation") == skeleton("acomodation")
    assert skeleton("separate") == skeleton("seperate")
    assert skeleton("realise") == skeleton("realize")
    assert skeleton("goverment") != skeleton("government")
    assert fold("Zürich") == "zurich"


def test_distances():
    assert distance("seperate", "separate") < distance("seperate", "sewerate")
    assert distance("teh", "the") < 1.0  # a swap is a cheap slip
    assert distance("acomodation", "accommodation") < 1.0  # undoubled letters are cheap
    for a, b in [("kitten", "sitting"), ("teh", "the"), ("", "abc"), ("abc", "abc"), ("ca", "abc")]:
        assert osa_bits(pattern(a), len(a), b) == osa(a, b)


# --- suggestions ----------------------------------------------------------------
@pytest.mark.parametrize("typo,right", [
    ("similarily", "similarly"), ("goverment", "government"), ("recieve", "receive"),
    ("seperate", "separate"), ("definately", "definitely"), ("acommodation", "accommodation"),
    ("becuase", "because"), ("wierd", "weird"), ("tommorow", "tomorrow"), ("publshed", "published"),
    ("officals", "officials"), ("parliment", "parliament"), ("stdaium", "stadium"),
])
def test_first_suggestion(checker, typo, right):
    assert checker.speller.suggest(typo)[0] == right


def test_suggestions_follow_the_variant(checker):
    us = SpellChecker(language="en-US")
    gb = SpellChecker(language="en-GB")
    assert us.check("They organsied it.")[0].suggestions[0] == "organized"
    assert gb.check("They organsied it.")[0].suggestions[0] == "organised"


def test_suggestions_are_fast(checker):
    import time

    typos = ["acommodate", "goverrnment", "becasue", "recieving", "definatly", "wierdest", "adress",
             "begining", "calender", "cemetary", "concious", "embarass", "enviroment", "existance"]
    speller = checker.speller
    t = time.process_time()
    for typo in typos:
        speller.candidates(typo + "x")  # not memoised
    assert (time.process_time() - t) / len(typos) < 0.05


# --- verdicts -------------------------------------------------------------------
def test_known_misspelling_is_an_error_with_a_safe_fix(checker):
    v = verdicts(checker, "Officials will recieve the report; it was alot.")
    assert v["recieve"] == ("misspelling", "error", ("receive",), "receive")
    assert v["alot"][:2] == ("misspelling", "error") and v["alot"][2][0] == "a lot"


def test_unknown_word_with_one_strong_candidate_is_an_error(checker):
    kind, severity, sugg, fix = verdicts(checker, "The council met in the stdaium on Tuesday.")["stdaium"]
    assert (kind, severity, sugg[0], fix) == ("unknown", "error", "stadium", None)


def test_unknown_word_without_clear_candidate_is_a_warning(checker):
    kind, severity, sugg, _ = verdicts(checker, "The firm sold its tecnollogy unit.")["tecnollogy"]
    assert (kind, severity) == ("unknown", "warning") and sugg[0] == "technology"


def test_names_inside_sentences_are_left_alone(checker):
    text = ("Ukraine's former army chief Valerii Zaluzhnyi met Claudia Sheinbaum in Ouagadougou, "
            "and Rosneft, Lukoil and Gazprom said nothing to Nkurunziza or Tshisekedi.")
    assert checker.check(text) == []


def test_sentence_initial_names_are_left_alone_but_slips_are_not(checker):
    assert checker.check("Zaluzhnyi said the army was ready. Sheinbaum agreed.") == []
    v = verdicts(checker, "Similarely, the council agreed.")
    assert v["Similarely"][2][0] == "Similarly"


def test_capitalized_slip_on_a_common_word_is_reported(checker):
    v = verdicts(checker, "The report reached Wahsington on Tuesday.")
    assert v["Wahsington"][2][0] == "Washington"
    v = verdicts(checker, "It was the Goverment's plan, he said.")
    assert "Goverment" not in v or v["Goverment"][2][0] == "Government"


def test_name_spelled_like_a_word_variant_is_a_name(checker):
    # Names vary in vowels and doubled letters ("Martyn", "Holliday"): not slips.
    assert checker.check("The coach, Martyn Holliday, praised Karolina and Royall.") == []


def test_a_name_repeated_in_the_draft_is_a_name(checker):
    text = "The striker Mutoni scored twice. Later Mutoni said the team was ready."
    assert checker.check(text) == []


def test_gazetteer_near_miss_is_a_name_finding():
    sc = SpellChecker(names_source=lambda: ["Alexander Lukashenko", "Keir Starmer"])
    v = verdicts(sc, "The leader of Belarus, Lukashneko, spoke.")
    assert v["Lukashneko"][:3] == ("name", "warning", ("Lukashenko",))
    assert sc.check("The leader of Belarus, Lukashenko, spoke; Starmer listened.") == []


def test_gazetteer_spellings_that_fold_alike_give_one_suggestion_in_any_order():
    # A gazetteer that lists a name with and without its diacritics, in either order.
    for names in (["Krišjānis Kariņš", "Krisjanis Karins"], ["Krisjanis Karins", "Krišjānis Kariņš"]):
        sc = SpellChecker(names_source=lambda names=names: names)
        assert [v.suggestions for v in sc.check("The prime minister, Kairns, spoke.")] == [("Kariņš",)]


def test_gazetteer_near_miss_inside_a_full_name_is_left_to_the_fact_rules():
    sc = SpellChecker(names_source=lambda: ["Alexander Lukashenko"])
    assert [v.kind for v in sc.check("President Alexander Lukashneko spoke.")] == []


def test_news_tokens_are_not_misspellings(checker):
    text = ("The U.S. and the U.K. met in Nov. 2024 at 9 a.m.; NATO's chief, the co-ordinator of the "
            "pre-match briefing, a 32-year-old ex-soldier, didn’t comment on the 21st. Follow @bbcnews, "
            "#election2024 or e-mail news@example.com. She met café owners in Zürich and São Paulo. "
            "The carmaker's frontman said the eurozone gameplay was unchanged; 11 year olds agreed.")
    assert [(v.word.text, v.kind) for v in checker.check(text) if v.kind != "variant"] == []


def test_compounds_do_not_hide_misspellings(checker):
    # "pertend" could be "per"+"tend", but "pretend" is one swap away.
    assert "pertend" in verdicts(checker, "They pertend to agree.")
    assert "familys" in verdicts(checker, "The familys agreed.")


def test_rare_word_one_slip_from_a_common_one_is_a_suggestion(checker):
    kind, severity, sugg, _ = verdicts(checker, "The tittles were printed.")["tittles"]
    assert (kind, severity, sugg) == ("rare", "suggestion", ("titles",))


def test_a_compound_must_be_likelier_than_the_slip_it_resembles(checker):
    # "govern" + "met" and "tee" + "phone" are words, but one slip explains each better.
    v = verdicts(checker, "The governmet agreed to fund the teephone survey.")
    assert v["governmet"][2][0] == "government" and v["teephone"][2][0] == "telephone"
    # Compounds with no better explanation are still words.
    assert checker.check("The warzone taxcut and the webchat were planned.") == []


def test_three_letter_fragments_do_not_make_compounds(checker):
    # "dec" + "ions": short fragments that begin many long words are no compound half.
    assert "decions" in verdicts(checker, "The board delayed its decions until Friday.")
    assert not checker.built_from_known("decions")


def test_endings_follow_english_spelling(checker):
    # "-ally" goes on "-ic" words, "-es" after a hiss, endings go on words not plurals,
    # and a "-ie" singular of a "-y" word is no singular.
    for word in ("reportses", "booksly", "citie"):
        assert not checker.built_from_known(word), word
    for word in ("podcasters", "wirelessly", "basically", "teraflop"):
        assert checker.built_from_known(word), word
    assert verdicts(checker, "The minister spoke presentally.")["presentally"][2][0] == "presently"


def test_known_misspelling_that_is_also_a_rare_word(checker):
    # Listed misspellings the word list also knows, rarely: reported when the correction
    # is far more common, left alone when the rare word is a spelling in its own right.
    v = verdicts(checker, "The pervious owner said police issued a waring.")
    assert v["pervious"][:3] == ("misspelling", "error", ("previous",))
    assert v["waring"][:3] == ("misspelling", "error", ("warning",))
    assert checker.check("The racoon was imbedded in the wall.") == []


def test_rare_word_likelier_a_slip_on_a_common_word(checker):
    v = verdicts(checker, "The mayor said the council was retting ready.")
    assert v["retting"] == ("rare", "suggestion", ("getting",), None)
    assert checker.check("The hive of activity near the abbey grew.") == []


def test_sentence_starting_with_a_full_name(checker):
    # A first name followed by a surname is a name, even one slip from a word ("Here").
    assert checker.check("The board met. Herve Gaudin spoke first. Alain Dufresne agreed.") == []
    # A title-case headline goes on with common words: its first word is checked.
    v = verdicts(checker, "Wahsington Votes To Cut Taxes")
    assert v["Wahsington"][2][0] == "Washington"


def test_variants_are_style_not_spelling():
    us = SpellChecker(language="en-US")
    gb = SpellChecker(language="en-GB")
    assert verdicts(us, "The colour and the theatre.")["colour"][:3] == ("variant", "suggestion", ("color",))
    assert verdicts(gb, "The color and the theater.")["color"][:3] == ("variant", "suggestion", ("colour",))
    # Oxford -ize spelling is British too; names keep their spelling.
    assert "realized" not in verdicts(gb, "They realized it.")
    assert us.check("The Labour Party met at the Barbican Centre.") == []
    # A British form missing from the word list is still a variant ("monetise").
    assert verdicts(us, "They monetise it.")["monetise"][0] == "variant"
    assert gb.check("They monetise it.") == []


def test_vocabulary_is_accepted():
    sc = SpellChecker(vocabulary=["Zelenskyy", "blogosphere", "newsroomese"])
    assert sc.check("Zelenskyy wrote about the blogosphere in newsroomese.") == []


def test_policy_overrides_are_checked():
    assert Policy(name_cost=0.5).name_cost == 0.5
    with pytest.raises(TypeError):
        Policy(no_such_setting=1)


def _fresh_verdicts(sc: SpellChecker, text: str) -> list:
    """Verdicts word by word, as check_word gives them with no memo in between."""
    from collections import Counter

    ws = list(words(text, guess_sentence_starts(text)))
    counts = Counter(w.text for w in ws if w.capitalized and not w.initial)
    in_doc = frozenset(t for t, c in counts.items() if c >= 2)
    names_in_doc, heads = sc.doc_context(ws)
    assert names_in_doc == in_doc
    return [v for v in (sc.check_word(w, in_doc, heads) for w in ws) if v is not None]


# The same words in different places and drafts: a name used twice in one draft and once in
# another, a particle before a name and before a lowercase word, compound parts, sentence
# starts, possessives. Written for these tests.
MEMO_DRAFTS = [
    "Similarily, the goverment met Wahsington and his envoy from Wahsington. Da Silva said the da costa plan was fine.",
    "The pre-match tecnollogy report, the colour and the tittles were late. Officials will recieve it.",
    "The envoy flew to Wahsington on Monday. Lukashneko said the plan's pre-match costs were fine.",
    "Da Silva spoke first. The tecnollogy of the goverment’s plan, said Lukashneko to da Silva, was recieve-only.",
    "The board met. Herve Gaudin spoke. Herve said no. Wahsington Votes To Cut Taxes.",
    # The word after a sentence's first decides whether it begins a name: here a
    # capitalized word the word list knows, common ("Votes") or not ("Tunbridge"), which
    # the checker leaves out of the words it checks once it has seen it.
    "Wahsington Votes Zenthorpe plan. Similarily Tunbridge agreed. Goverment House stood.",
    "Halvorsen Tunbridge spoke. Similarily Labour lost. Tecnollogy NATO Summit opens. Marguerite Votes.",
]


def test_memoised_verdicts_are_the_verdicts_of_a_fresh_checker():
    warm = SpellChecker(names_source=lambda: ["Alexander Lukashenko"])
    for _ in range(2):
        for text in MEMO_DRAFTS:
            fresh = SpellChecker(names_source=lambda: ["Alexander Lukashenko"])
            assert warm.check(text) == _fresh_verdicts(fresh, text)
    # "Wahsington" twice in the first draft is a name the writer means; once in the third,
    # a slip on a common word: the memo keeps the two apart.
    assert "Wahsington" not in [v.word.text for v in warm.check(MEMO_DRAFTS[0])]
    assert "Wahsington" in [v.word.text for v in warm.check(MEMO_DRAFTS[2])]


def test_leaving_out_capitalized_words_known_fine_keeps_the_name_heads():
    """check() leaves out capitalized words it knows are fine: the starts of names it finds
    among the words it checks are those it finds with only the lowercase ones left out."""
    from lint.text.tokens import Tokens

    sc = SpellChecker()
    for _ in range(2):
        for text in MEMO_DRAFTS:
            starts = guess_sentence_starts(text)
            table = Tokens(text)
            lower_fine = {t for t in sc._fine if not t[0].isupper()}
            left_out = list(words(table, starts, sc._fine))
            # (A word left out gets no verdict, so whether it begins a name does not matter.)
            expected = sc.doc_context(list(words(table, starts, lower_fine)))[1] & {w.start for w in left_out}
            assert sc.doc_context(left_out, lambda w: sc._word_after(table, starts, w))[1] == expected
            sc.check(text)
    assert any(t[0].isupper() for t in sc._fine)  # the shortcut was taken


def test_verdict_memo_is_bounded(monkeypatch):
    import lint.spelling.checker as checker_module

    monkeypatch.setattr(checker_module, "MEMO_SIZE", 5)
    sc = SpellChecker()
    for text in MEMO_DRAFTS * 2:
        assert sc.check(text) == _fresh_verdicts(SpellChecker(), text)
        assert len(sc._memo) <= 5


def test_the_words_known_fine_are_bounded_too(monkeypatch):
    """Numbers, codes and acronyms join the words left out of later checks without a
    verdict (the memo's bound does not see them): a long-lived server checking drafts
    full of new ones must not grow without end, and the verdicts stay the same."""
    import lint.spelling.checker as checker_module

    monkeypatch.setattr(checker_module, "MEMO_SIZE", 50)
    sc = SpellChecker()
    for n in range(6):
        text = " ".join(f"Order {n}{i:03d} of KX{n}{i:02d}Q goes to the Similarily desk." for i in range(20))
        assert sc.check(text) == _fresh_verdicts(SpellChecker(), text)
        assert len(sc._fine) <= 50 + len(text.split())


def test_names_added_later_change_later_verdicts():
    sc = SpellChecker()
    text = "The leader of Belarus, Lukashneko, spoke."
    assert [v.kind for v in sc.check(text)] != ["name"]
    sc.add_names(["Alexander Lukashenko"])
    assert [(v.kind, v.suggestions) for v in sc.check(text)] == [("name", ("Lukashenko",))]


# --- the rules through the engine -----------------------------------------------
def _findings(text: str, **config):
    engine = Engine(plugins=build(entry_points=False), today=dt.date(2025, 11, 22))
    result = engine.check_text(text + "\n", "draft.md", config=Config(**config))
    assert result.error is None
    return [f for f in result.findings if f.rule.startswith("spelling.")]


def test_rules_report_categories_severities_and_fixes():
    # The variant rule speaks only against a configured variety (without one, a draft's
    # own spellings stand and mixing is consistency's finding).
    found = {f.match: f for f in _findings("Similarily, officials will recieve the colour tecnollogy report.",
                                           language="en-US")}
    assert found["Similarily"].rule == "spelling.misspelling" and found["Similarily"].fix == "Similarly"
    assert found["recieve"].severity.label == "error" and found["recieve"].category == "spelling"
    assert found["colour"].rule == "spelling.variant" and found["colour"].category == "style"
    assert found["tecnollogy"].rule == "spelling.unknown-word" and found["tecnollogy"].severity.label == "warning"
    assert "did you mean 'technology'" in found["tecnollogy"].message


def test_rules_follow_config_language_and_vocabulary():
    assert [f.match for f in _findings("The colour of it.", language="en-GB")] == []
    assert [f.match for f in _findings("The color of it.", language="en-GB")] == ["color"]
    assert _findings("The tecnollogy unit.", vocabulary=("tecnollogy",)) == []


def test_inline_suppression_applies():
    text = "<!-- newslint-disable-next-line spelling -->\nThe tecnollogy unit."
    assert _findings(text) == []


def test_code_and_urls_are_not_checked():
    text = "Run `pip instal newslint` or see https://example.com/recieve-this.\n\n```\nrecieve\n```"
    assert _findings(text) == []


def test_snake_case_identifiers_in_plain_text_are_not_checked():
    # Pasted from a data desk's explainer: no backticks, so the identifier is prose.
    text = "The team grouped the rows with date_trunc and kept the user_idd column.\n\nThe tecnollogy unit."
    assert [f.match for f in _findings(text)] == ["tecnollogy"]


def test_a_word_the_writer_repeats_densely_is_theirs_in_short_and_long_drafts():
    """An unknown word used twice is the writer's word in a short draft; in a long one it
    must recur once per thousand words (the draft's length is counted only then)."""
    filler = "The council met on Tuesday and agreed the plan. " * 250  # 2,250 words
    twice = "The tecnollogy unit grew. Its tecnollogy sold well."
    assert _findings(twice) == []
    found = _findings(filler + twice)
    assert [f.match for f in found] == ["tecnollogy", "tecnollogy"]
    assert _findings(filler + twice + " The tecnollogy team left.") == []
