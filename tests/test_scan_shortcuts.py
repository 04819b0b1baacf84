"""The shortcuts of the consistency, date, readability and repeated-word scans find exactly
what the plain scans they replace find, on varied text (mixed case, markup, non-ASCII
letters, digits inside words, odd punctuation)."""
from __future__ import annotations

import random

import pytest

from lint.document import parse

PIECES = [
    "On Monday, 3 March 2025 the council met.", "It happened on Nov. 22, 2025 in Leeds.", "Sept 9th",
    "the 4th of July", "the 31st of Decembers", "Tuesday 2025-11-22 at noon", "x2025-01-01", "1999-12-31.",
    "May 5", "may 5", "MAY 5", "Mayor Jan Novak", "Decision on Dec 3.", "Thu 4 Jun", "Thursday, 4 June",
    "On Sunday,June 1,2024", "e.g. 5 May", "_3 May", "3_May 4", "İstanbul 5 Mar", "ſept 3", "Sat. 5 Apr",
    "the the", "The the", "the  the the", "to to\nto", "had had", "a a", "Boutros Boutros-Ghali", "x.the the",
    "the the.x", "it's it's", "co-op co-op", "ſo ſo", "ſo so", "KELVIN K K", "İi İi", "and\tand", "AND AND",
    "whatever happens happens", "Sirhan Sirhan", "the\n\nthe", "well-well well", "well well-well",
    "Tsikhanouskaya met Tsikhanovskaya.", "Smith and Smyth", "Zelensky and Zelenskyy spoke.",
    "Ms Johnson, Mr Johnston and Johnsons.", "In Kenya, Kenyan officials.", "colour and color", "organise, organize",
    "He said: \"The plan (the old one) failed.\"", "‘quote’ and “other”", "a 1,000-word, 3.5-hour talk.",
    "31 prisoners were freed", "the 30 prisoners", "at least 25 people died", "two dozen", "O'Brien", "McDonald's",
    "Jean-Pierre", "naïve café", "U.S.", "No. 10", "v2", "covid19 cases", "12 noon", "\u200bzero\u200bwidth", "soft\u00adhyphen",
    "2010–2015 and 3–2", "non‐stop pre‑war", "in 1,2,3 steps", "said,’ she", "(see p. 4)", "x,-y",
]


def _texts(n: int = 40) -> list[str]:
    rnd = random.Random(17)
    out = []
    for _ in range(n):
        parts = [rnd.choice(PIECES) for _ in range(rnd.randint(3, 25))]
        seps = [rnd.choice([" ", " ", "\n", "\n\n", "  ", ". ", ", ", "\n- ", "\n# "]) for _ in parts]
        out.append("".join(p + s for p, s in zip(parts, seps)))
    out.append(" ".join(PIECES))
    out.append("\n\n".join(PIECES))
    return out


@pytest.fixture(scope="module")
def docs():
    return [parse(t, "x.md", "markdown") for t in _texts()]


def _spans(matches):
    return [(m.span(), m.groups(), m.groupdict()) for m in matches]


def test_date_matches_are_the_plain_scan(docs):
    from lint.datetext import DATE_RE, date_matches

    for doc in docs:
        assert _spans(date_matches(doc)) == _spans(DATE_RE.finditer(doc.prose))


def test_date_matches_are_the_plain_scan_on_dense_dates():
    from lint.datetext import DATE_RE, date_matches

    rnd = random.Random(41)
    words = ["Monday", "Wednesday", "monday", "the", "The", "of", "3", "03", "3rd", "31st", "٣", "2025", "1999",
             "2025-11-22", "Jan.", "January", "Sept.", "Sepember", "September", "Sep", "May", "may", "Mayor", "Mar.",
             "March", "Decembers", "x", "e.g.", "_3", "Ju", "June", "Thu", "tuesday"]
    seps = [" ", " ", "  ", ", ", ",", " ,", "\n", "\n\n", ".", "-", "_", ""]
    for _ in range(1500):
        text = "".join(rnd.choice(words) + rnd.choice(seps) for _ in range(rnd.randint(1, 16)))
        doc = parse(text, "x.txt", "text")
        assert _spans(date_matches(doc)) == _spans(DATE_RE.finditer(doc.prose)), text


def test_articles_are_the_plain_scan():
    from lint.kinds import a_an

    rnd = random.Random(43)
    words = ["a", "A", "an", "An", "AN", "aN", "and", "at", "apple", "hour", "FBI", "8%", "e.a", "x_a", "añ", "a-b",
             "'a", "’an", "(a", "\"a"]
    seps = [" ", " ", "\t", "  ", "\n", "", ".", "-", "’", " \"", " (", " $"]
    for _ in range(1500):
        text = "".join(rnd.choice(words) + rnd.choice(seps) for _ in range(rnd.randint(1, 16)))
        doc = parse(text, "x.txt", "text")
        assert _spans(a_an._articles(doc)) == _spans(a_an._ARTICLE.finditer(doc.prose)), text


def test_capitalised_forms_are_those_of_the_words(docs):
    from lint import claims

    for doc in docs:
        words = claims._capitalised_words(doc)
        order, later = claims.capitalised_forms(doc)
        assert list(order) == list(dict.fromkeys(w.text for w in words))
        assert later == {w.text for w in words if not w.initial}


def _same_scan(fast, plain: str, flags: int, docs, spans=_spans) -> None:
    import re

    slow = re.compile(plain, flags)
    for doc in docs:
        prose = doc.prose
        assert spans(fast.finditer(prose)) == spans(slow.finditer(prose))
        for s in doc.sentences:
            assert spans(fast.finditer(prose, s.start, s.end)) == spans(slow.finditer(prose, s.start, s.end))


def test_capital_pattern_is_the_plain_one(docs):
    from lint import claims

    _same_scan(claims._CAP, r"(?<![\w’'-])[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[-’'][A-ZÀ-ÖØ-Þa-zß-öø-ÿ][a-zß-öø-ÿ]+)*(?![\w])",
               0, docs)


def test_lowercase_word_pattern_is_the_plain_one(docs):
    from lint.kinds import consistency_names

    _same_scan(consistency_names._LOWER_WORD, r"(?<![A-Za-z’'])[a-z]+(?:['’][a-z]+)?", 0, docs)


def test_a_variant_pair_differs_in_at_most_four_letters():
    """consistency-names skips pairs whose letter sets differ by more than four."""
    from lint import claims

    rnd = random.Random(5)
    letters = "abcdeilmnorstuyzk"
    names = ["Tsikhanouskaya", "Zelensky", "Johnson", "Magister", "Kenyatta", "Abramovich", "Navalny", "Lukashenko"]
    checked = 0
    for _ in range(3000):
        word = rnd.choice(names) if rnd.random() < 0.5 else "".join(rnd.choice(letters) for _ in range(rnd.randint(5, 12))).title()
        other = list(word)
        for _ in range(rnd.randint(1, 3)):
            i = rnd.randrange(1, len(other))
            op = rnd.choice("isdt")
            if op == "i":
                other.insert(i, rnd.choice(letters))
            elif op == "s":
                other[i] = rnd.choice(letters)
            elif op == "d" and len(other) > 5:
                del other[i]
            elif op == "t" and i + 1 < len(other):
                other[i], other[i + 1] = other[i + 1], other[i]
        other = "".join(other)
        if claims.variant_pair(word, other):
            checked += 1
            assert len(set(word.lower()) ^ set(other.lower())) <= 4, (word, other)
    assert checked > 500


def test_names_may_pair_whenever_they_are_a_variant_pair():
    from lint import claims
    from lint.kinds.consistency_names import _may_pair

    rnd = random.Random(31)
    stems = ["Tsikhanouskaya", "Zelensky", "Johnson", "Kenya", "Nawalny", "Abdullah", "Müller", "İnönü", "Straße"]
    for _ in range(20000):
        a = rnd.choice(stems)
        b = list(a)
        for _ in range(rnd.randint(0, 3)):
            op, k = rnd.randrange(4), rnd.randrange(1, len(b))
            if op == 0:
                b[k] = rnd.choice("aeiouyskvwßİ")
            elif op == 1:
                b.insert(k, rnd.choice("aeiouyskvw"))
            elif op == 2 and len(b) > 5:
                del b[k]
            elif k + 1 < len(b):
                b[k], b[k + 1] = b[k + 1], b[k]
        b = "".join(b)
        if claims.variant_pair(a, b):
            assert _may_pair(a, b, {a: set(a.lower()), b: set(b.lower())}), (a, b)


def test_lowercase_word_lookup_is_the_set_of_matches(docs):
    import re

    from lint.kinds import consistency_names

    for doc in docs:
        prose = doc.prose
        words = set(re.findall(r"(?<![A-Za-z’'])[a-z]+(?:['’][a-z]+)?", prose))
        asked = words | {w.lower() for w in re.findall(r"[A-Za-z’'-]+", prose)} | {"he", "the", "ate", "o'brien"}
        for w in asked:
            assert consistency_names._lowercase_word(prose, w) == (w in words), w


def test_repeated_word_pairs_are_the_plain_scan(docs):
    from lint.kinds import repeated_word

    for doc in docs:
        assert _spans(repeated_word.repeats(doc)) == _spans(repeated_word._REPEAT.finditer(doc.prose))


def test_repeated_word_pairs_are_the_plain_scan_on_dense_repeats():
    from lint.kinds import repeated_word

    rnd = random.Random(23)
    vocab = ["the", "The", "THE", "to", "ſo", "so", "SO", "K", "k", "İ", "i", "ı", "I", "had", "x2", "a_b", "don't",
             "don’t", "U.S.", "s", "well-", "-well", "café", "caf", "é", "2020", "–", "\u200b", ".", "'", "’"]
    seps = [" ", " ", "  ", "\t", "\n", " \n ", "\n\n", "", ", ", "-", "."]
    for _ in range(600):
        text = "".join(rnd.choice(vocab) + rnd.choice(seps) for _ in range(rnd.randint(1, 30)))
        doc = parse(text, "x.txt", "text")
        assert _spans(repeated_word.repeats(doc)) == _spans(repeated_word._REPEAT.finditer(doc.prose)), text


def test_repeated_word_folds_are_every_other_letter_a_to_z_matches():
    import re
    import sys

    from lint.kinds import repeated_word

    letter = re.compile("[A-Za-z]", re.I)
    others = {chr(c) for c in range(128, sys.maxunicode + 1) if letter.fullmatch(chr(c))}
    assert others == {chr(c) for c in range(128, sys.maxunicode + 1) if repeated_word._FOLDS.fullmatch(chr(c))}


def test_variant_words_present_are_the_plain_scan(docs):
    from lint.kinds import consistency_spelling_variants as csv

    for doc in docs:
        assert csv._present(doc) == set(map(str.lower, csv._WORD.findall(doc.prose)))


def test_variant_candidates_hold_every_telling_word_present(docs):
    from lint.kinds import consistency_spelling_variants as csv

    rnd = random.Random(29)
    words = ["colour", "Color", "COLOUR", "organise", "organize", "centre", "center", "the", "2", "x", "é", "ſ", "K"]
    joins = ["", "", " ", "'", "’", "_", "-", ".", "2", "é", "\n"]
    texts = ["colour2 color_x", "café-colour and 3color", "o'colour colour's colour’s", "_centre center_", "ſcolour"]
    texts += ["".join(rnd.choice(words) + rnd.choice(joins) for _ in range(rnd.randint(1, 12))) for _ in range(500)]
    telling = csv._telling()
    for doc in [*docs, *(parse(t, "x.txt", "text") for t in texts)]:
        present = set(map(str.lower, csv._WORD.findall(doc.prose))) & telling
        assert present <= csv._candidates(doc), doc.prose


def test_variant_word_places_are_the_plain_scan(docs):
    from lint.kinds import consistency_spelling_variants as csv

    for doc in docs:
        found = [(m.start(), m.end(), m.group()) for m in csv._WORD.finditer(doc.prose)]
        for words in ({w.lower() for _s, _e, w in found[::3]}, {"the", "colour", "color", "co", "op", "s"}):
            assert csv._places(doc, words) == [f for f in found if f[2].lower() in words]


def test_body_words_are_the_plain_scan(docs):
    from lint import readability

    for doc in docs:
        got = {(s.start, s.end): list(s.words) for s in readability._body_words(doc)}
        for s in doc.sentences:
            if (s.start, s.end) in got:
                assert got[(s.start, s.end)] == readability.WORD.findall(doc.prose, s.start, s.end)
        body = doc.body_blocks
        plain = [s for s in doc.sentences if any(b.start <= s.start < b.end for b in body)
                 and readability.WORD.findall(doc.prose, s.start, s.end)]
        assert [(s.start, s.end) for s in plain] == list(got)


def test_where_tokens_are_not_words_is_the_plain_pattern(docs):
    from lint import readability
    from lint.text.tokens import INVISIBLE

    _same_scan(readability._NOT_TOKENS, r",(?<=[\w’'.,-],)(?=[\w’'.,-])|[‐‑–" + INVISIBLE + "]", 0, docs)


COUNT_PIECES = [
    "At least 25 people died on Monday.", "The death toll stood at 31.", "about 30 prisoners were freed",
    "Police arrested 12 men.", "the 12 men were charged", "nearly 40 homes were destroyed", "5 percent of voters",
    "In 2020, 17 deaths were reported.", "Some 3,000 troops were deployed.", "a dozen soldiers were injured",
    "two of them", "$5 million", "3.5 people", "On March 3 four people were hurt.", "tolls rose by 4 cents",
    "up from 20 cases", "more than 100 people were evacuated", "No. 10 officials", "twenty-five children were rescued",
]


def test_counts_read_only_sentences_with_numbers(monkeypatch):
    from lint import claims

    rnd = random.Random(3)
    texts = [" ".join(rnd.choice(COUNT_PIECES + PIECES[:30]) for _ in range(rnd.randint(4, 30))) for _ in range(40)]
    docs = [parse(t, "x.md", "markdown") for t in texts]
    fast = [claims._counts(d) for d in docs]
    monkeypatch.setattr(claims, "_sentences_with_counts", lambda doc, starts: range(len(doc.sentences)))
    assert [claims._counts(d) for d in docs] == fast
    assert sum(map(len, fast)) > 40



def test_update_prefilter_never_skips_a_sentence_the_search_matches():
    from lint import claims

    rnd = random.Random(37)
    words = ["rose", "Risen", "up", "from", "down", "a", "further", "in", "all", "at", "first", "last", "year",
             "2019", "2019s", "1899", "so", "far", "more", "than", "doubled", "compared", "with", "to", "ſo",
             "riſen", "IN", "ALL", "Total", "totalled", "x", "é", "the", "prisoners", "31", "brought", "bringing"]
    seps = [" ", " ", "  ", "\n", ", ", ". ", "-", "_", "", "’"]
    texts = ["Up from 31 in all.", "It rose", "so far 3 x", "a further 5 died"]
    texts += ["".join(rnd.choice(words) + rnd.choice(seps) for _ in range(rnd.randint(1, 14))) for _ in range(1500)]
    for text in texts:
        doc = parse(text, "x.txt", "text")
        prose = doc.prose
        spans = [(s.start, s.end) for s in doc.sentences]
        spans += [(0, len(prose))] + [(a, b) for a in range(0, len(prose), 7) for b in (a + 5, a + 12) if b <= len(prose)]
        for lo, hi in spans:
            if claims._UPDATE.search(prose, lo, hi):
                assert claims._may_update(doc, lo, hi), (text, lo, hi)


def test_words_with_digits_are_the_index_scan(docs):
    from lint import claims, wordstarts

    more = [parse(t, "x.md", "markdown") for t in ("covid19 g7 and 5 x_y 2x", "plain words only", "", "_a a_ 9")]
    for doc in [*docs, *more]:
        index = wordstarts.word_starts(doc)
        assert sorted(claims._not_alpha(index)) == sorted(index.not_alpha())


PUNCT_PIECES = ["a,,b", "a;;b", "a::b", "a..b", "a...b", "a....b", ",,,", ".,,", ",,.", "..,", ",..", ";..", "..;",
                ":::", "x.. ", " ..", "..", ",,", "a.,b", "a,.b", ";:", "::;", "'..'", "(..)", "1..2", "e.g..",
                "(a)", "[b]", "((", "))", "a)", ":)", "“x”", "\"y\"", "’’z’’", "‘‘w’’", "’", "‘", "”"]


def test_doubled_mark_pattern_is_the_plain_one(docs):
    from lint.kinds import doubled_punctuation

    rnd = random.Random(11)
    texts = ["".join(rnd.choice(PUNCT_PIECES + [" ", "x", "\n"]) for _ in range(300)) for _ in range(30)]
    more = [parse(t, "x.md", "markdown") for t in texts]
    # The rule reads a match's span and text only (its group differs for full stops).
    _same_scan(doubled_punctuation._DOUBLED_MARK, r"(?<![.,;:])([,;:])\1(?![.,;:])|(?<![.])\.\.(?![.])", 0,
               docs + more, spans=lambda ms: [(m.span(), m.group()) for m in ms])


def test_blocks_with_a_mark_are_those_holding_one(docs):
    from lint.kinds.unbalanced_brackets import _BRACKET, _blocks_with
    from lint.kinds.unbalanced_quotes import _QUOTE_MARK

    rnd = random.Random(12)
    texts = ["".join(rnd.choice(PUNCT_PIECES + [" ", "x", "\n", "\n\n"]) for _ in range(300)) for _ in range(30)]
    for doc in docs + [parse(t, "x.md", "markdown") for t in texts]:
        for mark in (_BRACKET, _QUOTE_MARK):
            marked = _blocks_with(doc.prose, doc.blocks, mark)
            for n, b in enumerate(doc.blocks):
                assert (n in marked) == bool(mark.search(doc.prose[b.start:b.end]))


def test_quote_mark_pattern_is_the_plain_one(docs):
    from lint.kinds import unbalanced_quotes

    rnd = random.Random(13)
    texts = ["".join(rnd.choice(PUNCT_PIECES + [" ", "x", "\n"]) for _ in range(300)) for _ in range(30)]
    _same_scan(unbalanced_quotes._QUOTE_MARK, r'[“”"]|’’|‘‘', 0, docs + [parse(t, "x.md", "markdown") for t in texts])
