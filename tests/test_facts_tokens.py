"""The fact rules' token columns (lint/facts/text.py): read off the shared token table, they
are the tokens of a fresh ``tokenize`` however they are read (by index, slice, iteration,
column), and the whole-draft scans the analysis makes over them agree with plain loops."""
from __future__ import annotations

import random

from lint import document
from lint.facts.text import PARTICLES, Token, TokenColumns, token_columns, tokenize

HARD = [
    "The mayor’s aide, “Smith,” said O'Neill's plan—pre-war, co-op, ex-Labour—was 'done'.",
    "U.S. and U.K. officials met at 9 a.m.; the U.S.-based firm's J.D. Vance spoke.",
    "Hyphen‐ated, non‑breaking, 2010–2015, London–Paris, mis\u200bspelt, soft\u00adhyphen.",
    "snake_case and foo_ bar and James' and James's and rock'n'roll and Words''doubled ’90s.",
    "Ça va? Élodie Brønsted's café in Łódź! İstanbul, straße, ǅemal, x² Ⅷ ⓐ 3rd 5km £3bn.",
    "A. B. C.D. e.g. i.e. www.example.org #vote @mayor ex-Chancellor Jean-Claude's",
    "",
]
_ALPHABET = list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ      ") + list(
    "'’\"“”()-‐‑–.,;:!?_\n0123456789éÉßǅⓐİ\u00a0\u0301\u200b\u00ad")


def _texts() -> list[str]:
    rng = random.Random(20261208)
    pieces = " ".join(HARD).split(" ")
    out = list(HARD)
    for _ in range(300):
        out.append("".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 60))))
        out.append(" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 25))))
    return out


TEXTS = _texts()


def _doc(text: str) -> document.Document:
    return document.parse(text, "t.txt", "text")


def test_columns_are_a_fresh_tokenize():
    for text in TEXTS:
        doc = _doc(text)
        want = tokenize(doc.prose)
        cols = token_columns(doc)
        assert len(cols) == len(want)
        assert list(cols) == want, text
        assert [cols[i] for i in range(len(cols))] == want
        assert cols.keys == [t.key for t in want]
        assert cols.texts == [t.text for t in want]
        assert cols.starts == [t.start for t in want]
        assert cols.full_ends == [t.full_end for t in want]
        assert cols.hyphens == [t.hyphen_before for t in want]
        assert all(type(t) is Token for t in cols)


def test_columns_slice_and_index_like_a_list():
    rng = random.Random(7)
    for text in TEXTS[:200]:
        doc = _doc(text)
        want = tokenize(doc.prose)
        cols = token_columns(doc)
        for _ in range(5):
            i, j = rng.randint(-3, len(want) + 3), rng.randint(-3, len(want) + 3)
            assert cols[i:j] == want[i:j]
        if want:
            assert cols[-1] == want[-1]
            assert cols[len(want) - 1].end == want[-1].end


def test_columns_of_a_token_list():
    for text in TEXTS[:50]:
        want = tokenize(text)
        assert list(TokenColumns.of(want)) == want


def test_the_table_is_not_changed_by_a_split():
    from lint.text import tokens as text_tokens

    doc = _doc("The U.S.-based firm's well-known boss said don't.")
    table = text_tokens.tokens(doc)
    before = (list(table.starts), list(table.ends), list(table.texts))
    token_columns(doc)
    assert (table.starts, table.ends, table.texts) == before


_NAMES = [
    "Olaf Scholz", "Olaf Sholz", "Keir Starmer", "Kier Starmer", "Keir Starner", "Ursula von der Leyen",
    "Ursula von der Leyden", "President Lukashenko", "President Lukashenkoo", "Chancellor Herz", "Merz",
    "Jean-Claude Juncker", "Donald Trump Jr.", "former President Barack Obama", "the late Pope Francis",
    "Prime Minister", "Mr. Starmar", "St. Francis", "New York", "Leo XIV", "AMLO", "the Bidens", "May 5",
]
_FILLER = ["said", "and", "the", "met", "on", "Tuesday", "in", "London", "of", "de", "van", ",", ".", "’s",
           "'s", "-", "\n\n", "White House", "press secretary", "The", "A"]


def _name_texts() -> list[str]:
    rng = random.Random(20261207)
    out = []
    for _ in range(300):
        words = [rng.choice(_NAMES if rng.random() < 0.4 else _FILLER) for _ in range(rng.randint(1, 30))]
        out.append(" ".join(words))
    return out + TEXTS[:200]


def _plain_runs(an, a) -> list[tuple[int, int]]:
    """capitalised_runs as a plain loop over every capitalised token (no prefilter)."""
    toks = list(a.tokens)
    runs, done = [], 0
    for i in [i for i, t in enumerate(toks) if t.text[:1].isupper()]:
        if i < done:
            continue
        t = toks[i]
        if i in a.covered or t.text.isupper() and len(t.text) > 1:
            continue
        j = i + 1
        while j < len(toks) and j - i < 5 and j not in a.covered:
            tj = toks[j]
            if tj.text[:1].isupper() and not (tj.text.isupper() and len(tj.text) > 1):
                if not an.joined(j - 1):
                    break
                j += 1
            elif tj.key in PARTICLES and tj.text.islower():
                if not an.joined(j - 1):
                    break
                p = j
                while p < len(toks) and toks[p].key in PARTICLES and toks[p].text.islower() and an.joined(p):
                    p += 1
                if p < len(toks) and p > j and toks[p].text[:1].isupper() and p not in a.covered and p - i < 5:
                    j = p + 1
                else:
                    break
            else:
                break
        if j - i >= 2:
            runs.append((i, j))
        done = j
    return runs


def test_analysis_scans_agree_with_plain_loops():
    import datetime as dt

    from lint.facts import fact_base
    from lint.facts.analysis import analyse, capitalised_runs, first_name_near, near_names
    from lint.kinds.facts_names import _may_be_near

    base = fact_base()
    idx = base.index
    for text in _name_texts():
        doc = _doc(text)
        doc.date = dt.date(2025, 11, 22)
        a = analyse(doc, base)
        an = a.helper
        toks = list(a.tokens)
        assert an.capitalised() == [i for i, t in enumerate(toks) if t.text[:1].isupper()]
        assert capitalised_runs(a) == _plain_runs(an, a), text
        for i in range(len(toks)):
            for j in range(i + 2, min(len(toks), i + 5) + 1):
                keys = tuple(t.key for t in toks[i:j])
                if not _may_be_near(idx, keys):
                    # the prefilter may only skip runs in which no part finds anybody
                    for s in range(i, j - 1):
                        for e in range(s + 2, j + 1):
                            assert not near_names(a, s, e) and not first_name_near(a, s, e), (text, s, e)


def test_prefilter_lets_the_known_slips_through():
    from lint.facts import fact_base
    from lint.kinds.facts_names import _may_be_near

    idx = fact_base().index
    for name in ("Olaf Sholz", "Kier Starmer", "Keir Starner", "Ursula von der Leyden"):
        assert _may_be_near(idx, tuple(t.key for t in tokenize(name))), name


def test_split_shapes_are_what_tokenize_makes():
    """The apostrophe and hyphen shapes made without the pattern, and the others, against
    ``tokenize`` over the same span, with the dots, apostrophes and hyphens that may follow."""
    from lint.facts.text import _split
    from lint.text import tokens as text_tokens

    rng = random.Random(5)
    parts = ["a", "ab", "Trump", "O", "Neill", "s", "S", "don", "t", "2010", "é", "Łódź", "x²", "ǅ", "3rd"]
    joins = ["'", "’", "-", "‐", ".", "–", "''", "'s", "’S", "--"]
    after = ["", ".", "'", "’", "-", "..", " ", ",", "'.", "-."]
    for _ in range(4000):
        word = rng.choice(parts)
        for _ in range(rng.randint(1, 3)):
            word += rng.choice(joins) + rng.choice(parts)
        prose = rng.choice(["", "x ", "the "]) + word + rng.choice(after) + rng.choice(["", " y"])
        table = text_tokens.Tokens(prose)
        for i in table.not_alnum():
            start, end = table.starts[i], table.ends[i]
            while end < len(prose) and prose[end] in text_tokens.INNER:
                end += 1
            assert _split(prose, start, end, table.texts[i]) == tokenize(prose, start, end), prose


def test_columns_with_underscores_are_a_fresh_tokenize():
    """An underscore is a word character to the fact tokens, not to the table: the tokens
    it can run on from ("snake_ case", "x'_", "U.S._") are split again, the rest read as is."""
    rng = random.Random(11)
    alphabet = list("abXY09é _'’.-‐–\u200b\n,") + ["_", "__", "'_", "._", "-_", "_-", "U.S.", "O'Neill's"]
    texts = ["snake_ case", "x'_ y", "U.S._ and a_b_c_ d", "__init__ of foo__", "a_", "_a", "ab'_'_ c",
             "_" * 500 + "x" + "_" * 500, "-" * 300 + "_x"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    for text in texts:
        doc = _doc(text)
        assert list(token_columns(doc)) == tokenize(doc.prose), text


def test_keys_from_the_word_index_line_up_with_the_table():
    """The keys read off the word index (see _index_keys) are taken, not given up on, and
    agree with a fresh tokenize wherever a table token is a token here as it is."""
    from lint import wordstarts
    from lint.facts.text import _index_keys
    from lint.text import tokens as text_tokens

    for text in TEXTS:
        if "_" in text:
            continue
        doc = _doc(text)
        table = text_tokens.tokens(doc)
        keys = _index_keys(table, wordstarts.word_starts(doc))
        assert keys is not None, text
        plain = {t.start: t.key for t in tokenize(doc.prose)}
        for start, text_, key in zip(table.starts, table.texts, keys):
            if text_.isalnum():
                assert key == plain[start], text


def test_forms_starting_at_a_word_are_those_its_next_word_can_go_on_with():
    """``NameIndex.starting`` drops only the forms whose second word is not the next one
    (forms _match could never take there), and keeps the order of ``first``."""
    from lint.facts import fact_base

    idx = fact_base().index
    for key, entries in list(idx.first.items()):
        seconds = {e.keys[1] for e in entries if len(e.keys) > 1}
        for nxt in (*seconds, None, "said", key):
            want = [e for e in entries if len(e.keys) == 1 or (nxt is not None and e.keys[1] == nxt)]
            assert idx.starting(key, nxt) == want, (key, nxt)


def test_bare_surname_keys_from_the_memo_are_the_plain_test():
    from lint.facts import fact_base
    from lint.kinds.facts_names import _key_may_be_bare, _keys_may_be_bare

    idx = fact_base().index
    keys = {"lukashneko", "elensky", "starmer", "trump", "the", "ab", "x2", "starmar", "leavit", "herz", "zelenskky"}
    for _ in range(2):  # the second time from the memo
        assert _keys_may_be_bare(set(keys), idx) == {k for k in keys if _key_may_be_bare(k, idx, idx.word_keys)}
    assert _keys_may_be_bare({"lukashneko"}, idx) == {"lukashneko"}


def test_an_analysed_draft_is_freed_without_the_garbage_collector():
    """The analysis and its helper hold no cycle: a draft let go of after its fact analysis
    is freed at once, not kept (with its blocks and sentences) until a collection."""
    import datetime as dt
    import gc
    import weakref

    from lint.facts import fact_base
    from lint.facts.analysis import analyse

    doc = _doc("Former President Donald Trump met Chancellor Olaf Scholz. Trump said so.")
    doc.date = dt.date(2025, 11, 22)
    assert analyse(doc, fact_base()).mentions
    ref = weakref.ref(doc)
    enabled = gc.isenabled()
    gc.disable()
    try:
        doc.release()
        del doc
        assert ref() is None
    finally:
        if enabled:
            gc.enable()
