"""The document's faster scans (sentences, quotations, line starts) find what the plain
scans they replaced found, on hand-made hard cases and on random text thick with the
characters they turn on."""
from __future__ import annotations

import random
import re

from lint import document
from lint.document import Span

# The plain forms, as they were written before they were made faster.
_PLAIN_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9À-Ý])|[.!?…]+[\"'”’)\]]*(?=\s*$)")
_PLAIN_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def _plain_is_abbreviation(prose, sentence_start, dot):
    i = dot
    while i > sentence_start and (prose[i - 1].isalpha() or prose[i - 1] == "."):
        i -= 1
    word = prose[i:dot].lower()
    if not word:
        return False
    if len(word) == 1 and prose[i].isupper():
        return True
    return word in document._ABBREV


def _plain_sentences(prose, blocks):
    spans = []
    for block in blocks:
        start = block.start
        while start < block.end and prose[start].isspace():
            start += 1
        for m in _PLAIN_BOUNDARY.finditer(prose, start, block.end):
            end = m.end()
            if m.group().startswith(".") and _plain_is_abbreviation(prose, start, m.start()):
                continue
            if end > start:
                spans.append(Span(start, end))
            start = end
            while start < block.end and prose[start].isspace():
                start += 1
        if start < block.end and prose[start:block.end].strip():
            end = block.end
            while end > start and prose[end - 1].isspace():
                end -= 1
            spans.append(Span(start, end))
    return spans


def _plain_quotes(prose, blocks):
    spans = []
    for block in blocks:
        heading = block.kind == "heading"
        speech = not heading and document._SINGLE_SPEECH.search(prose, block.start, block.end) is not None
        spans.extend(document._quotes_in(prose, block.start, block.end, singles=heading or speech, run_on=speech,
                                         marks=document._QUOTE_CHARS))
    return spans


HARD = [
    "Mr. Smith met Dr. Jones. They spoke. “We won,” she said. ‘Fine.’ He left!",
    "The U.S. and the U.K. agreed. John F. Kennedy spoke… Then: 'We will,' he said.\nNext line here.",
    "Approx. 40 came. Approxim. Several left. etc. Etc. e.g. This. i.e. That.",
    "He said: 'It's done.' She said, 'No.' 'Yes,' they said. The ’90s were ‘good’.",
    "# Heading 'quoted'\n\nA paragraph \"with a quote\" and ‘curly’ ones.\n\n> A quote. Here.\n\n- item. Two.",
    "Ends with spaces.   \nAnd \"unclosed quote\nNext “para. Still open\n",
    "",
    "\n\n\r\n\r",
    "---\ntitle: A\n---\nBody. Text here.\n\nMore 'text'.",
    "---\ntitle: A\n---",
    "---\r\ntitle: A\r\n---\r\n\r\nBody. “Text.”\r\nNext.\r\n",
]
_ALPHABET = list("abcXYZ  ..!?…'’‘\"“”()[]:,") + ["Mr", "U.S", "F", "Dr", "approx", "\n", "\n\n", "\r\n", "À", "9",
                                                 "- ", "> ", "# ", "\t", "\u00a0", "x.y"]


def _texts():
    rng = random.Random(1207)
    out = list(HARD)
    for _ in range(1500):
        out.append("".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 80))))
    return out


def test_boundary_pattern_finds_the_plain_spans():
    for text in _texts():
        for start, end in ((0, len(text)), (1, max(1, len(text) - 3)), (len(text) // 3, len(text) // 2)):
            want = [m.span() for m in _PLAIN_BOUNDARY.finditer(text, start, end)]
            assert [m.span() for m in document._BOUNDARY.finditer(text, start, end)] == want, (text, start, end)


def test_sentences_quotes_and_lines_are_the_plain_scans():
    for text in _texts():
        for fmt in ("text", "markdown"):
            try:
                doc = document.parse(text, "t", fmt)
            except document.DocumentError:
                continue  # random front matter that does not parse
            assert doc.sentences == _plain_sentences(doc.prose, doc.blocks), (text, fmt)
            assert doc.quotes == _plain_quotes(doc.prose, doc.blocks), (text, fmt)
            starts = [m.start() for m in _PLAIN_LINE.finditer(text) if m.start() < len(text) or m.start() == 0]
            assert doc._line_starts == (starts or [0]), (text, fmt)


def test_abbreviation_test_reads_a_bounded_word():
    for prose in ("He met the approx. crowd", "A longword. Then", "Mr. X", "x Jr. y", "Supercalifrag. No",
                  "a.k.a. B", "St.Mr. C", "J. Doe", "j. doe"):
        for dot in [i for i, c in enumerate(prose) if c == "."]:
            for start in range(0, dot + 1):
                assert document._is_abbreviation(prose, start, dot) == _plain_is_abbreviation(prose, start, dot)
