"""The shared token table (lint/text/tokens.py): every view read off it equals the scan
its reader used to run itself, on hand-made hard cases and on random text."""
from __future__ import annotations

import random
import re

import pytest

from lint import document
from lint.facts.text import prose_tokens, tokenize
from lint.text import tokens as text_tokens

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


def test_plain_words_are_the_plain_word_scan():
    for text in TEXTS:
        got = text_tokens.Tokens(text).words()
        assert got == [(m.start(), m.end(), m.group()) for m in _PLAIN_WORD.finditer(text)], text


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
