"""loaded-term's literal phrases: the lookup by second word finds what trying every phrase
of a first word, longest first, finds (the plain path, kept here as the reference)."""
import copy

import pytest

from lint.config import default_config, load_config
from lint.document import parse
from lint.engine import Engine
from lint.kinds.loaded import _POSSESSIVE, LoadedTerm
from lint.plugins import build
from lint.text import voice


def _plain_rest_matches(prose, tokens, keys, i, words):
    for k in range(1, len(words)):
        start = tokens[i + k][0]
        if prose[tokens[i + k - 1][1]:start].strip():
            return False  # punctuation between the words
        w = keys[i + k]
        if w != words[k] and not (k == len(words) - 1 and _POSSESSIVE.sub("", w) == words[k]):
            return False
    return True


def _plain_hits(rule: LoadedTerm, doc):
    """The phrase hits found by trying each of a first word's phrases in turn."""
    tokens = voice.tokens(doc)
    index = voice.word_index(doc, rule._fold)
    keys = index.keys
    n = len(tokens)
    for i in index.candidates(rule._phrases):
        start, key, cut = tokens[i][0], keys[i], None
        entries = rule._phrases.get(key)
        if entries is None:
            base = index.base(i)
            entries = rule._phrases.get(base) if base != key else None
            head = index.head(i)
            if entries is None and head:
                entries = rule._phrases.get(head)
                if entries is not None:
                    cut = start + len(head)
        if entries is None:
            continue
        for words, repls in entries:
            if cut is not None:
                if len(words) == 1:
                    yield start, cut, repls
                    break
                continue
            last = i + len(words) - 1
            if last >= n or not _plain_rest_matches(doc.prose, tokens, keys, i, words):
                continue
            end_at = tokens[last][1]
            m = _POSSESSIVE.search(doc.text, tokens[last][0], end_at)
            if m and keys[last] != words[-1]:
                end_at = m.start()
            yield start, end_at, repls
            break


PACK = """\
pack: t
description: test pack
defaults: {category: style}
rules:
  - id: phrases
    kind: loaded-term
    terms: {evil: harmful, "evil empire": [], "evil empire's": [], "it is clear": [], "it is": [], it: [],
            "one could argue": [], one: [], regime: [], "regime change": [], "Democrat": [Democratic],
            "of course": [], "of course not": [], "no doubt": [], "the truth is": [], "truth be told": []}
    message: m
    why: w
    examples: {bad: [x], good: [y]}
"""


def _phrase_rules(tmp_path):
    """The shipped rules with literal phrases, and one whose first words open several
    (some with a one-word term, some only phrases: those are looked up by their second words)."""
    (tmp_path / "p.yaml").write_text(PACK)
    (tmp_path / ".newslint.yaml").write_text("packs: [p.yaml]\n")
    engine = Engine(plugins=build(entry_points=False))
    rules = [*engine.ruleset(default_config(), None).rules,
             *engine.ruleset(load_config(str(tmp_path / ".newslint.yaml")), str(tmp_path / "d.md")).rules]
    out = []
    for r in rules:
        if isinstance(r, LoadedTerm) and r._phrases:
            r = copy.copy(r)
            r._regex = None  # the phrases alone
            out.append(r)
    return out


TEXTS = [
    "It is clear that it is, and one could argue it; one could not. The evil empire's evil plans.",
    "The evil empire’s ships, the evil-empire talk and an evil. Regime change; regime's end, regime-run press.",
    "Needless to say, it goes without saying. Of course, the irony is that one might say so. It's",
    "Tellingly, the puppet regime's useful idiots, political hacks and the so-called experts.",
    "illegal aliens and illegal immigrants; the climate crisis, death tax, homicide bomber. Democrat-run",
    "Of course, of course not; the course of course's end, of-course, Of Course. No doubt no-doubt doubt.",
    "The truth is, truth be told, the truth's out; the-truth is; truth's be told. Of",
    "It", "it is", "One could", "evil empire", "of course", "course", "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_phrase_lookup_by_second_word_matches_the_plain_loop(tmp_path, text):
    rules = _phrase_rules(tmp_path)
    assert len(rules) > 5
    for rule in rules:
        doc = parse(text, "t.md", "markdown")
        assert list(rule._hits(doc)) == list(_plain_hits(rule, doc)), rule.id


def _plain_breaks(prose: str) -> list[int]:
    """Where a word may follow a break, read as two scans (the plain path)."""
    import re

    out = []
    for m in re.finditer(r"[,;:(—–-]\s*", prose):
        if m.group()[0] == "-" and prose[m.start() - 1:m.start()] != "-":
            continue  # a hyphen; "--" is a dash
        out.append(m.end())
        c = re.compile(r"(?:and|but|yet|or)\s+", re.I).match(prose, m.end())
        if c:
            out.append(c.end())
    return out


def test_set_off_breaks_read_in_one_scan_agree_with_two():
    import random

    from lint.kinds.loaded import _BREAK

    rng = random.Random(11)
    pieces = list(",;:(—–- -\n\tAndbutyetorx") + ["and ", "But\n", "yet", "or  ", "--", "---", "a-b"]
    for _ in range(20000):
        prose = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 15)))
        out = []
        for m in _BREAK.finditer(prose):
            out += (m.end(),) if m.end(1) < 0 else (m.start(1), m.end(1))
        assert out == _plain_breaks(prose), repr(prose)
