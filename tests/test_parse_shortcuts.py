"""Shortcuts in the parse agree with the plain step-by-step readings they replace, on
random lines built from the characters that matter (closers, terminal marks, dots, spaces,
letters outside ASCII)."""
import random

from lint import document, parts
from test_document_scans import _plain_is_abbreviation  # the scan as first written


def _plain_is_heading(line: str) -> bool:
    words = line.split(None, 20)
    if not words or len(words) > 20 or not any(c.isalpha() for c in line):
        return False
    if line.rstrip(parts._CLOSERS).endswith("?"):
        return len(words) <= 10 and line[-1] not in parts._CLOSERS
    end = line.rstrip(parts._CLOSERS)
    return not (bool(end) and end[-1] in parts._TERMINAL) and line[-1] not in parts._CLOSERS


def test_heading_test_reads_the_ending_first_and_agrees():
    rng = random.Random(20261207)
    pieces = list("ab AB?.!…;:,\"'”’)]»é1") + ["word ", "? ", ". ", "Budget Vote", "x " * 12]
    seen = set()
    for _ in range(20000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))).strip()
        got = parts.is_heading(line)
        assert got == _plain_is_heading(line), repr(line)
        seen.add(got)
    assert seen == {True, False}


def test_abbreviation_test_takes_a_plain_word_whole_and_agrees():
    rng = random.Random(7)
    pieces = list("abMrsDt.U S .e-g1 '’\n\tİſé(") + ["Mr", "Dr", "u.s", "etc", "approx", "Sept", "J", "election"]
    seen = set()
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) + "."
        dot = len(text) - 1
        for start in range(len(text)):
            got = document._is_abbreviation(text, start, dot)
            assert got == _plain_is_abbreviation(text, start, dot), (text, start)
            seen.add(got)
    assert seen == {True, False}
