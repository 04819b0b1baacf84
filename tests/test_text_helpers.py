"""The shared text helpers: the one lazy-regex helper and the one edit distance."""
from __future__ import annotations

import pickle
import random
import re

import pytest

from lint.text import distance
from lint.text.distance import osa, osa_python
from lint.text.lazyre import LazyPattern, lazy


# ---------------------------------------------------------------- lazy patterns
def test_lazy_pattern_compiles_on_first_use_and_then_behaves_like_re():
    rx = lazy(r"\b(?P<word>slam(?:s|med)?)\b", re.I)
    assert not rx.is_compiled
    assert rx.pattern.startswith(r"\b(?P<word>") and rx.flags == re.I  # known without compiling
    assert not rx.is_compiled
    text = "The senator Slammed the plan; critics slam it."
    assert [m.span() for m in rx.finditer(text)] == [m.span() for m in re.finditer(rx.pattern, text, re.I)]
    assert rx.is_compiled
    assert rx.search(text).group("word") == "Slammed"
    assert rx.sub("X", text) == re.sub(rx.pattern, "X", text, flags=re.I)
    assert rx.groupindex == {"word": 1} and rx.groups == 1
    assert rx.compiled is re.compile(rx.pattern, re.I)


def test_lazy_pattern_pickles_as_its_source():
    rx = lazy(r"regime\s+change", re.I)
    rx.search("a regime change")  # compiled: bound methods are not pickled
    back = pickle.loads(pickle.dumps(rx))
    assert back == rx and not back.is_compiled
    assert back.match("Regime  Change").group() == "Regime  Change"


def test_a_bad_lazy_pattern_fails_when_used():
    rx = lazy("(unclosed")
    with pytest.raises(re.error):
        rx.search("text")


# ---------------------------------------------------------------- edit distance
def _variant(rng: random.Random, word: str) -> str:
    w = list(word)
    for _ in range(rng.randint(0, 4)):
        op, i = rng.randint(0, 3), rng.randrange(len(w) + 1)
        if op == 0:
            w.insert(i, rng.choice("abcde"))
        elif op == 1 and w:
            del w[min(i, len(w) - 1)]
        elif op == 2 and w:
            w[min(i, len(w) - 1)] = rng.choice("abcde")
        elif op == 3 and len(w) > 1:
            j = min(i, len(w) - 2)
            w[j], w[j + 1] = w[j + 1], w[j]
    return "".join(w)


def test_osa_counts_a_swap_of_neighbours_as_one_edit():
    assert osa("strzok", "stzrok") == 1
    assert osa("kitten", "sitting") == 3
    assert osa("", "abc") == 3 and osa("abc", "abc") == 0
    # Optimal string alignment, not full Damerau-Levenshtein (which makes this 2):
    assert osa("ca", "abc") == 3


def test_osa_with_a_limit_is_exact_up_to_it_and_limit_plus_one_beyond():
    assert osa("zelensky", "zelenskyy", 1) == 1
    assert osa("washington", "wshngtn", 1) == 2
    assert osa("abc", "xyzwvu", 3) == 4
    assert osa("abc", "abcdefgh", 2) == 3


def test_rapidfuzz_and_the_python_programme_agree():
    fast = distance._rapidfuzz()
    if fast is None:  # pragma: no cover - rapidfuzz is a dependency
        pytest.skip("rapidfuzz is not installed")
    rng = random.Random(17)
    for _ in range(3000):
        a = "".join(rng.choice("abcde") for _ in range(rng.randint(0, 9)))
        b = _variant(rng, a) if rng.random() < 0.7 else "".join(rng.choice("abcde") for _ in range(rng.randint(0, 9)))
        assert osa_python(a, b) == fast(a, b), (a, b)
        for limit in (0, 1, 2, 3):
            assert osa_python(a, b, limit) == fast(a, b, limit), (a, b, limit)


def test_a_long_run_switches_to_rapidfuzz_with_the_same_answers(monkeypatch):
    if distance._rapidfuzz() is None:  # pragma: no cover
        pytest.skip("rapidfuzz is not installed")
    monkeypatch.setattr(distance, "RAPIDFUZZ_AFTER", 3)
    monkeypatch.setattr(distance, "_calls", 0)
    monkeypatch.setattr(distance, "_impl", distance._counting)
    answers = [osa("netanyahu", "netanyhau", 2) for _ in range(6)]
    assert answers == [1] * 6
    assert distance._impl is not distance._counting and distance._impl is not osa_python
