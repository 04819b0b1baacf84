"""The shared token table (lint/text/tokens.py): every view read off it equals the scan
its reader used to run itself, on hand-made hard cases and on random text."""
from __future__ import annotations

import random
import re

import pytest

from lint import document
from lint.facts.text import prose_tokens, tokenize
from lint.text import tokens as text_tokens
from test_spelling import _one_word  # the word of a token of letters and apostrophes

HARD = [
    "The mayor’s aide, “Smith,” said O'Neill's plan—pre-war, co-op, ex-Labour—was 'done'.",
    "U.S. and U.K. officials met at 9 a.m.; the U.S.-based firm's J.D. Vance spoke.",
    "Hyphen‐ated, non‑breaking, 2010–2015, London–Paris, mis\u200bspelt, soft\u00adhyphen.",
    "snake_case and __init__ and foo_ bar and U.S._x and James' and James's and rock'n'roll.",
    "Ça va? Élodie Brønsted's café in Łódź! İstanbul, straße, ǅemal, x² Ⅷ ⓐ Ⓐb 3rd 5km £3bn.",
    "Words''doubled ’90s ma'am it’s A. B. C.D. e.g. i.e. www.bbc.co.uk ana@city.gov #vote @mayor",
    "",
]
_ALPHABET = list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ      ") + list(
    "'’\"“”‘()[]-‐‑–.,;:!?@#/\\_&\ufffd\n\t0123456789éÉßǅⓐⒶ²Ⅷ中İ\u00a0\u2009\u0301\u200b\u00ad")


def _texts() -> list[str]:
    rng = random.Random(20261207)
    pieces = " ".join(HARD).split(" ")
    out = list(HARD)
    for _ in range(400):
        out.append("".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 60))))
        out.append(" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 25))))
    return out


TEXTS = _texts()
_PLAIN_WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")


def _doc(text: str) -> document.Document:
    return document.parse(text, "t.txt", "text")


def test_table_is_the_token_scan():
    for text in TEXTS:
        table = text_tokens.Tokens(text)
        want = [m.span() + (m.group(),) for m in text_tokens.TOKEN.finditer(text)]
        assert list(zip(table.starts, table.ends, table.texts)) == want


def test_fast_scan_finds_the_token_pattern_matches():
    # The table is built with a possessive pattern (_SCAN); TOKEN is the definition. Text
    # thick with the characters at a token's edges: runs of inner marks, underscores,
    # invisible characters and non-ASCII letters between letters and digits.
    rng = random.Random(7)
    edge = list("ab9_'’.-‐‑–\u200b\u00ad\ufeff ,é²") + ["__", "..", "'’", "a_b", "x-", "-y"]
    texts = TEXTS + ["".join(rng.choice(edge) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    for text in texts:
        want = [m.span() for m in text_tokens.TOKEN.finditer(text)]
        assert [m.span() for m in text_tokens._SCAN.finditer(text)] == want, text
        # ... and the table, built off one split with running sums of lengths, holds them
        table = text_tokens.Tokens(text)
        assert list(zip(table.starts, table.ends)) == want, text
        assert table.texts == [text[a:b] for a, b in want], text


def test_plain_words_are_the_plain_word_scan():
    for text in TEXTS:
        table = text_tokens.Tokens(text)
        got = table.words()
        assert got == [(m.start(), m.end(), m.group()) for m in _PLAIN_WORD.finditer(text)], text
        assert table.word_texts() == [w[2] for w in got]
        assert list(zip(*table.word_columns())) == got


def test_fact_tokens_are_a_fresh_tokenize():
    for text in TEXTS:
        doc = _doc(text)
        assert prose_tokens(doc) == tokenize(doc.prose), text


def test_a_document_is_tokenised_once():
    doc = _doc("Ministers met on Tuesday. They agreed.")
    assert text_tokens.tokens(doc) is text_tokens.tokens(doc)
    assert prose_tokens(doc) is prose_tokens(doc)


@pytest.mark.parametrize("text", HARD)
def test_hard_cases_split_where_each_reader_splits(text):
    table = text_tokens.Tokens(text)
    if "London–Paris" in text:
        assert "London–Paris" in table.texts  # one token to the speller ...
        assert ("London" in [w[2] for w in table.words()]
                and "Paris" in [w[2] for w in table.words()])  # ... two plain words


def _brute_starts(text: str) -> tuple[dict[str, list[int]], list[int]]:
    where: dict[str, list[int]] = {}
    always = []
    for m in re.finditer(r"\w+", text):
        if m.group().isascii():
            where.setdefault(m.group().lower(), []).append(m.start())
        else:
            always.append(m.start())
    return where, always


def test_word_starts_read_off_the_table_are_the_word_runs():
    from lint import wordstarts

    prefixes = [("a",), ("the", "x"), ("s", "u"), ("1", "2", "9"), ("foo", "ham"), ("zz",), ("e", "i")]
    for text in TEXTS:
        doc = _doc(text)
        index = wordstarts.word_starts(doc)
        where, always = _brute_starts(doc.prose)
        assert sorted(index.always) == always
        for pre in prefixes:
            want = sorted(always + [p for w, ps in where.items() if w.startswith(pre) for p in ps])
            assert index.starting_with(pre) == want, (text, pre)
        for word, ps in where.items():
            assert index.exactly(word) == ps
        assert sorted(index.not_alpha()) == sorted((w, p) for w, ps in where.items() if not w.isalpha() for p in ps)


def test_speller_skips_known_fine_tokens_and_nothing_else():
    """Tokens known fine are skipped, and so are tokens of one such word with apostrophes
    ("firm's" when "firm" is fine); every other word reads as without any skipped."""
    from lint.spelling.tokens import guess_sentence_starts, words

    for text in TEXTS:
        table = text_tokens.Tokens(text)
        fine = {t for t in table.texts if t.isalpha() and t.islower() and len(t) % 2}
        fine |= {w.lower() for t in table.texts for w in [_one_word(t)] if w and len(w) % 2}
        fine_spans = {(s, e) for s, e, t in zip(table.starts, table.ends, table.texts)
                      if t in fine or _one_word(t) in fine}
        starts = guess_sentence_starts(text)
        want = [w for w in words(text, starts) if not any(s <= w.start < e for s, e in fine_spans)]
        assert list(words(table, starts, fine)) == want, text
