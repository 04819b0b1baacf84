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


def test_the_plain_word_list_is_one_instance_and_a_vocabulary_makes_its_own():
    """The speller, the fact checks and the claim checks share the plain word list (its
    lookups are made once per run); a newsroom's vocabulary never leaks into it."""
    assert default_lexicon() is default_lexicon() is default_lexicon(iter(()))
    own = default_lexicon(iter(["newslintwordtwo"]))
    assert own is not default_lexicon() and own.zipf("newslintwordtwo") == 30
    assert default_lexicon().zipf("newslintwordtwo") is None
    assert SpellChecker().lexicon is default_lexicon()
    assert SpellChecker(vocabulary=["Zorblat", "zorblat"]).lexicon is not default_lexicon()


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


def test_the_letter_mask_screen_finds_the_names_a_plain_search_finds():
    """Names of a length are screened by their letter masks before any distance is
    computed: the nearest name is the one a comparison with every name finds."""
    import random

    from lint.spelling.distance import osa_bits, pattern
    from lint.spelling.keys import fold

    names = ["Ingrid Holmqvist", "Ann Falkenrath", "Olaf Scholz", "Kaja Kallas", "Jens Stoltenberg",
             "Mette Frederiksen", "Petteri Orpo", "Ulf Kristersson", "Giorgia Meloni", "Pedro Sanchez",
             "Ursula von der Leyen", "Andrzej Duda", "Viktor Orban", "Karin Keller-Sutter"]
    sc = SpellChecker(language=None)
    sc.add_names(names)
    known = sorted(sc._names)

    def plain(text: str) -> str | None:
        f = fold(text)
        limit = sc._name_limit(f)
        if limit == 0:
            return None  # too short to tell a slip from another name
        found = sorted((d, name) for name in known if name[0] == f[0]
                       for d in [osa_bits(pattern(f), len(f), name)]
                       if d <= min(limit, sc._name_limit(name)))
        if not found or (len(found) > 1 and found[1][0] == found[0][0]):
            return None
        return sc._names[found[0][1]]

    rng = random.Random(11)
    words = []
    for name in sc._names.values():
        for _ in range(20):
            w = list(name)
            for _ in range(rng.randint(1, 3)):
                i = rng.randrange(len(w))
                op = rng.choice("dis")
                if op == "d" and len(w) > 2 and i > 0:
                    del w[i]
                elif op == "i":
                    w.insert(max(i, 1), rng.choice("aeiklnorst"))
                elif i > 0:
                    w[i] = rng.choice("aeiklnorst")
            words.append("".join(w))
    assert len(words) > 300
    assert [sc._nearest_name(w) for w in words] == [plain(w) for w in words]
    assert sc._nearest_name("Holmqvst") == "Holmqvist"
    # ... and so it is once a long run has switched to rapidfuzz's distance
    from lint.spelling.distance import osa_c

    if osa_c() is not None:
        sc.speller.osa_c = osa_c()
        assert [sc._nearest_name(w) for w in words] == [plain(w) for w in words]


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


def test_syllable_prefilters_cover_every_part_and_tail():
    from lint import readability

    # A word without _ANY_PART skips the part tests: every part must hold it.
    assert all(readability._ANY_PART.search(p) for p in readability._ADD_IN + readability._SUBTRACT_IN)
    # A word ending in none of _TAILS skips the tail tests: every tail tested must be there.
    for tails, _rx in readability._SUBTRACT:
        assert set(tails) <= set(readability._TAILS)
    assert {"sia", "ely", "ism", "dnt", "ea"} <= set(readability._TAILS)


def test_body_syllables_from_the_memo_are_each_words_count():
    from lint import readability
    from lint.document import parse

    doc = parse("The spokesman’s well-known statement, made on 1,100 occasions, was hopeful.\n\n"
                "Officials in Tunisia said the McDonald family was quiet and the area was alien.\n", "a.md")
    words = [w for s in readability._body_words(doc) for w in s.words]
    readability._MEMO.clear()
    assert readability.body_syllables(doc) == sum(map(readability._estimate, words))
    assert set(words) <= set(readability._MEMO)
    units, paragraphs = readability.body_units(doc)
    assert sum(u.syllables for u in units) == sum(u.syllables for u in paragraphs) == sum(map(readability._estimate, words))
# ---------------------------------------------------------------- speller search
_SLIPS = ("similarily goverment recieve seperate definately acommodation becuase wierd tommorow "
          "publshed officals parliment stdaium teh alot thier wich untill begining beleive "
          "occured neccessary embarass enviroment accross agressive apparantly arguement "
          "calender collegue concious existance foriegn freind goverments independant "
          "knowlege liason millenium noticable occurence persue posession prefered "
          "recomend refered relevent rember resistence sieze tendancy truely vaccuum "
          "wether writting zlotys qwertyuiop x xz ab nato's rock'n'rol co-oprate naïve").split()


def test_the_c_distance_and_the_bit_parallel_one_agree():
    """The candidate search switches to rapidfuzz's OSA distance in long runs: it must give
    the bit-parallel distance on every pair, apostrophes, hyphens and diacritics included."""
    from lint.spelling.distance import osa_bits, osa_c, pattern

    fast = osa_c()
    if fast is None:  # pragma: no cover - rapidfuzz is a dependency
        pytest.skip("rapidfuzz is not installed")
    others = _SLIPS + ["similarly", "government", "receive", "a lot", "rock'n'roll", "naive", "", "abc" * 30]
    for a in _SLIPS:
        for b in others:
            assert fast(a, b) == osa_bits(pattern(a), len(a), b), (a, b)


@pytest.mark.parametrize("narrow", [None, (1.0, 35), (0.8, 30), (0.7, 40)])
def test_candidates_are_the_same_with_the_c_distance_and_without(narrow):
    """The search gives the same candidates, in the same order, whether its unweighted
    distances come from Python (a one-page draft) or from C (a long run), with the letter
    screen (Python only) or without it."""
    from lint.spelling.distance import osa_c
    from lint.spelling.speller import Speller

    if osa_c() is None:  # pragma: no cover
        pytest.skip("rapidfuzz is not installed")
    lex = default_lexicon()
    plain, fast = Speller(lex), Speller(lex)
    fast.osa_c = osa_c()
    fast._searches = 10**6  # past the switch
    plain._searches = -10**6  # never reaches it
    kwargs = {} if narrow is None else {"max_cost": narrow[0], "min_zipf": narrow[1]}
    for word in _SLIPS:
        assert plain.osa_c is None
        assert fast.candidates(word, 5, **kwargs) == plain.candidates(word, 5, **kwargs), word


_DRAFTS = [
    "The Labour leader, Keir Starmer, met The Times. Labour said The plan was Goverment policy. "
    "Wahsington Votes To Cut Taxes. Alain Dufresne said the Senate would recieve it.",
    "Brett Kavanaugh's hearing: Senate Republicans said the Judge's record was clear. Judge "
    "Kavanaugh denied it. The co-ordinator and the ex-minister didn't attend; the goverment did.",
    "Similarely, the Minister Of State said Isreal and Febuary were spelled wrong. Ford's "
    "testimony, Ford said. The Trump administration's plan. TRUMP SAID. Mr Lukashneko spoke.",
    "Then NATO said it would go. The Tittles family. Tittles and wonted words; the alot of "
    "Zelenskyy. Balmond Studio (London) built it. With it, Balmond Studio shows the way.",
]


def test_the_speller_with_its_memos_and_shortcuts_gives_check_words_verdicts():
    """check() leaves out words known fine and answers capitalized words the word list
    knows without judging them; judging every word with check_word, as the plain path
    does, gives the same verdicts, draft after draft (memos warm)."""
    from lint.spelling.tokens import Tokens, guess_sentence_starts, words

    sc = SpellChecker()
    plain = SpellChecker()
    for checker in (sc, plain):  # words of known names are passed wherever they stand
        checker.add_names(["Brett Kavanaugh", "Keir Starmer", "Alain Dufresne", "Volodymyr Zelenskyy"])
    for _ in range(2):
        for text in _DRAFTS:
            got = [(v.word, v[1:]) for v in sc.check(text)]
            ws = list(words(Tokens(text), guess_sentence_starts(text)))
            names_in_doc, heads = plain.doc_context(ws)
            want = [(v.word, v[1:]) for v in (plain.check_word(w, names_in_doc, heads) for w in ws) if v is not None]
            assert got == want, text
    assert {"Kavanaugh", "Starmer", "Dufresne"} <= sc._fine
    # and capitalized words the list knows are never judged, wherever they stand
    for text in _DRAFTS:
        ws = list(words(Tokens(text), guess_sentence_starts(text)))
        names_in_doc, heads = plain.doc_context(ws)
        for w in ws:
            if w.text[:1].isupper() and not w.compound and plain.known(w.lower) is not None:
                assert plain.check_word(w, names_in_doc, heads) is None, w


@pytest.mark.parametrize("language", ["en-US", "en-GB", None])
def test_well_known_compound_parts_skip_the_compound_readings_with_the_same_verdicts(language, monkeypatch):
    """A lowercase compound part the list knows well, with no variant to suggest, is
    passed without trying the compound's readings: the verdicts are those of the plain
    path, variants, misspellings and rare parts included."""
    text = ("The last-minute deal, a colour-blind test and a color-coded map; a goverment-backed, "
            "well-organised, re-organized co-ordinator. Pre-war and ex-Labour aides, the "
            "wonted-style man-made tittles-like self-help all-day X-ray long-term mid-season "
            "state-of-the-art tecnollogy-led up-and-coming easy-peasy hocus-pocus post-Brexit.")
    fast = SpellChecker(language=language)
    plain = SpellChecker(language=language)
    monkeypatch.setattr(plain, "_plain_part", lambda text, lower: False)
    got = [(v.word, v[1:]) for v in fast.check(text)]
    assert got == [(v.word, v[1:]) for v in plain.check(text)]
    assert any(v[0].compound for v in got)  # some compound part is still reported


def test_the_variant_rules_screen_matches_where_one_rule_does():
    from lint.spelling.variants import _ANY_RULE, _TO_GB, _TO_US, default_variants

    words = ("monetise monetised analyse analysing colour colours flavoured travelled travelling "
             "theatre fibres centred organize organizations color labor traveled traveling tour "
             "our four hour sour favourite calibre acre ogre sabre metre meter minister "
             "realise realize paralyse paralyze cancelled cancelling dialled modelling fuelled "
             "a ab abc isis ises izes yses oured orise").split()
    for word in words:
        assert bool(_ANY_RULE.match(word)) == any(p.match(word) for p, _ in _TO_US + _TO_GB), word
    lex = default_lexicon()
    assert default_variants().derive("monetise", lex) == ("monetize", True)
    assert default_variants().derive("minister", lex) is None


def test_key_neighbours_are_the_keys_one_edit_away():
    from lint.spelling.keys import CONSONANTS
    from lint.spelling.speller import _FIRST, key_neighbours

    def plain(key: str) -> set[str]:
        out = {key}
        for i in range(len(key) + 1):
            for c in (_FIRST if i == 0 else CONSONANTS):
                out.add(key[:i] + c + key[i:])
                if i < len(key):
                    out.add(key[:i] + c + key[i + 1:])
        for i in range(len(key)):
            out.add(key[:i] + key[i + 1:])
            if i + 1 < len(key):
                out.add(key[:i] + key[i + 1] + key[i] + key[i + 2:])
        return out - {""}

    for key in ("", "a", "k", "ab", "kmn", "gvrnmnt", "aksmdt", "prlmnt", "xx", "abcabc"):
        assert key_neighbours(key) == plain(key), key
