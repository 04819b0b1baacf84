"""The case-kept word index finds exactly what a case-sensitive index of its own would."""
import pytest

from lint import document
from lint.text import voice

TEXTS = [
    "Democrat lawmakers and democrat voters met the Democrat's aides; Democrat-run cities, DEMOCRAT.",
    "Kiev's mayor, kiev-based firms and the Kiev-Kyiv debate; Odessa’s port and ODESSA.",
    "The Ukraine, the ukraine and The Ukraine's ports.",
    "",
]
WORDS = [{"Democrat": None}, {"Kiev": None, "Odessa": None}, {"Ukraine": None, "The": None}, {"democrat": None}]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("first", WORDS)
def test_case_kept_index_matches_a_case_sensitive_index(text, first):
    doc = document.parse(text, "t.md", "markdown")
    toks = voice.tokens(doc)
    own = voice.WordIndex([t[2] for t in toks], fold=False)
    kept = voice.word_index(doc, fold=False)
    assert isinstance(kept, voice.CaseKeptIndex)
    assert kept.keys == own.keys
    assert kept.candidates(first) == own.candidates(first)
    for i in range(len(toks)):
        assert (kept.base(i), kept.head(i)) == (own.base(i), own.head(i))


@pytest.mark.parametrize("text", TEXTS)
def test_index_finds_every_word_under_its_key_base_and_head(text):
    doc = document.parse(text, "t.md", "markdown")
    index = voice.word_index(doc, fold=True)
    want: dict[str, list[int]] = {}
    for i, (_s, _e, word) in enumerate(voice.tokens(doc)):
        key = word.replace("’", "'").lower()
        assert index.keys[i] == key
        for k in dict.fromkeys((key, index.base(i), index.head(i))):
            if k:
                want.setdefault(k, []).append(i)
    assert {k: sorted(v) for k, v in index.where.items()} == want


MARKED_TEXTS = TEXTS + [
    "The minister’s plan, the ministers' votes and a hard-won, well-known deal – rock 'n' roll.",
    "Rock‐and‐roll (with U+2010 hyphens), co‑operation, 1990–2000 and a soft\u00adhyphen.",
    "İstanbul's mayor, ΣΟΦΟΣ'Α and the ſtate-run paper's editor-in-chief.",
]


@pytest.mark.parametrize("text", MARKED_TEXTS)
def test_index_built_from_the_token_table_equals_a_full_scan(text):
    """The document's index looks for apostrophes and hyphens only in the tokens that are
    not letters and digits alone; a scan of every word finds the same."""
    doc = document.parse(text, "t.md", "markdown")
    fast = voice.word_index(doc, fold=True)
    full = voice.WordIndex(voice.text_tokens.word_texts(doc), True)
    assert (fast.keys, fast.variants, fast._every, fast._extra, fast._distinct) == \
        (full.keys, full.variants, full._every, full._extra, full._distinct)
    assert fast.where == full.where


def test_a_long_draft_asked_for_many_keys_is_grouped_once_with_the_same_answers():
    """Past a number of scans (fewer, the longer the draft), positions come from one
    grouping of every word instead of a scan per key: the same tokens, in the same order,
    possessives and compounds included."""
    import random

    rng = random.Random(5)
    vocab = ["regime", "regime's", "the", "democrat-run", "democrat", "slam", "slams", "of",
             "course", "ministers'", "well-known", "known", "Regime", "İstanbul's", "ſtate"]
    texts = [rng.choice(vocab) for _ in range(20_000)]
    scanned = voice.WordIndex(texts, True)
    scanned._scans = 10**9  # never groups
    grouped = voice.WordIndex(texts, True)
    assert grouped._scans < 20  # a long draft groups after a few scans
    keys = sorted(scanned._distinct) + ["absent"]
    for key in keys * 2:  # the second round is served by the grouping
        assert grouped.positions(key) == scanned.positions(key), key
    assert grouped._where is not None and scanned._where is None
    firsts = {k: None for k in keys[::2]}
    assert grouped.candidates(firsts) == scanned.candidates(firsts)
    assert grouped.where == {k: scanned.positions(k) for k in scanned._distinct}
