"""Word-start scanning finds exactly what ``regex.finditer`` finds, only faster.

The speed-up is only allowed because it never changes a result, so these tests compare
the two on hand-written copy with the awkward cases (case folding that ``str.lower``
does not do, non-ASCII words, hyphens, apostrophes, overlapping candidates), and on the
examples of every shipped rule with every regex the shipped packs and kinds carry.
"""
import re

import pytest

from lint import document, wordstarts
from lint.regexgate import AnyOf

TRICKY = [
    "The senator slammed the bill; critics slam it, and she was slamming doors.",
    "Anti-slam campaigners and the slam-dunk: a slammer's tale. SLAMMED, Slams.",
    "İstanbul and ISTANBUL and istanbul; the ſlammed form; the \u212aiev spelling of Kiev.",
    "Zelenskyy's café in Zürich, the naïve plan, Łódź and Kraków, Kiev's mayor.",
    "so-called reforms, a So-Called plan, so called, also-called, resolve.",
    "On Tuesday, Dec. 3, 2024, and 3 December, 2025-11-22, the 4th of July, May 5.",
    "x_slam slam_x __slam 5slam slam5 the the the",
    "",
]


def spans(it):
    return [m.span() for m in it]


def doc(text):
    return document.parse(text, "t.md", "markdown")


@pytest.mark.parametrize("pattern,flags,expected", [
    (r"(?<!\w)(?:slam(?:s|med)?|blast(?:ed)?)", re.I, ("blast", "slam")),
    (r"\bthe\s+truth\s+is", re.I, ("the",)),
    (r"(?<![\w'’-])(?:so-called|claim(?:s|ed)?|claimant)", re.I, ("claim", "so")),
    (r"\b[Pp]resident-elect\b", 0, ("president",)),
    (r"(?<![\w.])(?:[0-3]?\d)\s+May", 0, tuple("0123456789")),
    (r"^Read more", re.M, ("read",)),
])
def test_prefixes_are_read_off_anchored_patterns(pattern, flags, expected):
    assert wordstarts.prefixes(re.compile(pattern, flags)) == expected


@pytest.mark.parametrize("pattern,flags", [
    (r"read\s+more", re.I),          # no anchor: a match may start inside a word ("spread more")
    (r"(?<!\w)[A-Z]\w+", 0),          # a class too large to list
    (r"(?<![^\w])slam", 0),           # a negated lookbehind class does not anchor
    (r"\b(slam)\s+\1", 0),            # the prefix is fine, but see below: still anchored
    (r"(?<!\w)slam", re.ASCII),       # ASCII \w disagrees with the index's words
    (r"\b(?:slam|)", 0),              # may match the empty string
    (r"\b-slam", 0),                  # starts with a non-word character
    (r"\B(?:slam)", 0),
])
def test_patterns_it_cannot_read_fall_back(pattern, flags):
    rx = re.compile(pattern, flags)
    if pattern == r"\b(slam)\s+\1":
        assert wordstarts.prefixes(rx) == ("slam",)  # a backreference after the prefix is harmless
    else:
        assert wordstarts.prefixes(rx) is None
    for text in TRICKY:
        assert spans(wordstarts.finditer(doc(text), rx)) == spans(rx.finditer(doc(text).prose))


@pytest.mark.parametrize("pattern,flags", [
    (r"(?<!\w)(?:slam(?:s|med|ming)?)(?!\w)", re.I),
    (r"(?<![\w'’-])(?:slam(?:s|med|ming)?)(?![\w'’-])", re.I),
    (r"(?<!\w)istanbul", re.I),
    (r"(?<!\w)kiev", re.I),
    (r"\bKiev\b", 0),
    (r"(?<!\w)(?:so[- ]called|called)", re.I),
    (r"\bthe\s+the\b", re.I),
    (r"(?<!\w)(?:caf[eé]|z[uü]rich|na[iï]ve)", re.I),
])
def test_finditer_matches_plain_finditer_on_tricky_copy(pattern, flags):
    rx = re.compile(pattern, flags)
    assert wordstarts.prefixes(rx) is not None
    for text in TRICKY:
        d = doc(text)
        assert spans(wordstarts.finditer(d, rx)) == spans(rx.finditer(d.prose)), text


def test_case_folds_that_str_lower_misses_are_still_found():
    # re's IGNORECASE equates "İ" with "i" and "ſ" with "s"; str.lower does not.
    d = doc("İstanbul fell; the ſlammed door.")
    assert spans(wordstarts.finditer(d, re.compile(r"(?<!\w)istanbul", re.I))) == [(0, 8)]
    assert spans(wordstarts.finditer(d, re.compile(r"(?<!\w)slammed", re.I))) == [(19, 26)]


def test_every_shipped_regex_gives_the_same_matches_on_every_rule_example(shipped_regexes):
    rules, regexes = shipped_regexes
    texts = list(TRICKY)
    for rule in rules:
        for ex in (*rule.examples.bad, *rule.examples.good):
            texts.append(ex["text"] if isinstance(ex, dict) else ex)
    readable = [rx for rx in regexes if wordstarts.prefixes(rx) is not None]
    assert len(readable) >= 20, "the shipped patterns should mostly be readable"
    docs = [doc(t) for t in texts]
    for rx in readable:
        for d in docs:
            assert spans(wordstarts.finditer(d, rx)) == spans(rx.finditer(d.prose)), (rx.pattern[:80], d.text[:80])


def test_any_of_answers_like_its_patterns():
    gate = AnyOf([re.compile(r"\bpresident-elect\b", re.I), re.compile(r"\bincoming administration\b")])
    assert gate.search("The President-Elect spoke.")
    assert gate.search("the incoming administration said")
    assert not gate.search("the Incoming Administration said")  # that pattern is case-sensitive
    assert not gate.search("nothing here")


def test_any_of_never_says_no_when_it_cannot_build_a_union():
    assert AnyOf([re.compile(r"(a)\1")]).search("zzz")          # backreference: always maybe
    assert AnyOf([re.compile(r"(?P<x>a)?(?(x)b|c)")]).search("zzz")  # conditional: always maybe
    assert not AnyOf([]).search("anything")


def test_any_of_joins_patterns_that_name_a_group_alike():
    # Two patterns naming a group alike ("what") used to leave the gate always open; the
    # gate needs no names, so they join the union as plain groups.
    gate = AnyOf([re.compile(r"\b(?P<what>term)\s+limits?\b", re.I), re.compile(r"\b(?P<what>second)\s+term\b")])
    assert not gate._always and gate._gate() is not True
    assert gate.search("Term limits apply.") and gate.search("her second term")
    assert not gate.search("her Second Term") and not gate.search("zzz")
    for text in [*TRICKY, "Term limits apply.", "her second term began"]:
        d = doc(text)
        assert gate.found_in(d) == gate.search(d.prose), text


def test_any_of_found_in_a_document_agrees_with_search():
    gate = AnyOf([re.compile(r"\b[Pp]resident-elect\b"), re.compile(r"\bincoming (?:U\.S\.|US) administration\b")])
    for text in [*TRICKY, "The president-elect met aides.", "Aides of the incoming U.S. administration met."]:
        d = doc(text)
        assert gate.found_in(d) == gate.search(d.prose), text


@pytest.mark.parametrize("text,key", [
    ("Read more: the rest", "read"), ("SUBSCRIBE now", "subscribe"), ("— Read more", ""),
    ("Ζ text", None), ("İstanbul", None), ("", ""),
])
def test_head_key(text, key):
    assert wordstarts.head_key(text) == key


def test_line_scope_rules_skip_lines_that_cannot_start_a_match():
    from lint.text import matching

    rx = re.compile(r"(?:read|see)\s+more(?:\s+here)?\.?", re.I)
    d = doc("Read more here.\n\nThey read more than ever.\n\nSee more\n\nΣ read more\n")
    assert list(matching.find(d, rx, "line")) == [(0, 15), (44, 52)]


# ------------------------------------------------------- the fallback without re._parser
@pytest.fixture
def fresh_prefixes(monkeypatch):
    """Prefixes read afresh (not from the disk cache) for the length of a test."""
    from lint import diskcache

    monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
    monkeypatch.setattr(wordstarts, "_PREFIXES", diskcache.Memo("prefixes", ("test",)))
    monkeypatch.setattr(wordstarts, "_HEADS", diskcache.Memo("heads", ("test",)))
    monkeypatch.setattr(wordstarts, "_READER_OK", None)
    return monkeypatch


def test_the_reader_checks_itself_and_a_broken_one_is_never_used(fresh_prefixes):
    assert wordstarts._reader_works()
    fresh_prefixes.setattr(wordstarts, "_READER_OK", None)
    fresh_prefixes.setattr(wordstarts, "_starts", lambda items, anchored, depth=0: {"wrong"})
    assert not wordstarts._reader_works()
    rx = re.compile(r"(?<!\w)(?:slam(?:s|med)?|blast(?:ed)?)", re.I)
    assert wordstarts.prefixes(rx) is None
    d = doc(TRICKY[0])
    assert spans(wordstarts.finditer(d, rx)) == spans(rx.finditer(d.prose)) != []


def test_a_head_reader_that_reads_wrong_heads_is_never_used(fresh_prefixes):
    # A Python whose parse trees differ could make the reader of several-word heads skip
    # real matches: the self-check covers it as well as the prefix reader.
    assert wordstarts._reader_works()
    fresh_prefixes.setattr(wordstarts, "_READER_OK", None)
    fresh_prefixes.setattr(wordstarts._HeadReader, "finish",
                           lambda self, words, cur: self.heads.add((("wrong", True),)))
    assert not wordstarts._reader_works()
    rx = re.compile(r"\bthe\s+the\b", re.I)
    assert wordstarts.heads(rx) is None
    d = doc(TRICKY[6])
    assert spans(wordstarts.finditer(d, rx)) == spans(rx.finditer(d.prose)) != []


def test_without_the_parser_every_scan_is_plain_and_finds_the_same(fresh_prefixes, shipped_regexes):
    _rules, regexes = shipped_regexes
    docs = [doc(t) for t in TRICKY]
    fast = {(rx.pattern, rx.flags): [spans(wordstarts.finditer(d, rx)) for d in docs] for rx in regexes}
    fresh_prefixes.setattr(wordstarts, "_PREFIXES", __import__("lint.diskcache").diskcache.Memo("prefixes", ("t2",)))
    fresh_prefixes.setattr(wordstarts, "_HEADS", __import__("lint.diskcache").diskcache.Memo("heads", ("t2",)))
    fresh_prefixes.setattr(wordstarts, "_p", None)
    fresh_prefixes.setattr(wordstarts, "_READER_OK", None)
    assert not wordstarts._reader_works()
    for rx in regexes:
        assert wordstarts.prefixes(rx) is None and wordstarts.heads(rx) is None
        assert [spans(wordstarts.finditer(d, rx)) for d in docs] == fast[(rx.pattern, rx.flags)], rx.pattern[:80]


def test_without_the_parser_a_whole_run_reports_the_same_findings(fresh_prefixes):
    from pathlib import Path

    import lint

    drafts = sorted(Path(__file__).resolve().parent.parent.joinpath("examples", "drafts").iterdir())
    texts = [p.read_text(encoding="utf-8") for p in drafts] + [t for t in TRICKY if t]

    def findings() -> list:
        out = []
        for text in texts:
            result = lint.check_text(text, date="2025-11-22")
            out += [(f.rule, f.start, f.end, f.message, tuple(f.suggestions)) for f in result.findings]
        return out

    with_reader = findings()
    fresh_prefixes.setattr(wordstarts, "_p", None)
    fresh_prefixes.setattr(wordstarts, "_READER_OK", None)
    fresh_prefixes.setattr(wordstarts, "_PREFIXES", __import__("lint.diskcache").diskcache.Memo("prefixes", ("t3",)))
    fresh_prefixes.setattr(wordstarts, "_HEADS", __import__("lint.diskcache").diskcache.Memo("heads", ("t3",)))
    assert not wordstarts._reader_works()
    assert with_reader and with_reader == findings()


# ------------------------------------------- alternations compiled one term at a time
def _alternations(rules):
    from lint.text.lazyre import LazyAlternation

    found = {}
    for rule in rules:
        for value in vars(rule).values():
            if isinstance(value, LazyAlternation):
                found[(value.pattern, value.flags)] = value
    return list(found.values())


def test_shipped_rules_compile_their_terms_one_at_a_time_with_the_same_matches(shipped_regexes):
    from lint.text.lazyre import LazyAlternation

    rules, _ = shipped_regexes
    alternations = _alternations(rules)
    assert len(alternations) >= 20, "the pattern kinds build their main regex as an alternation"
    texts = list(TRICKY)
    for rule in rules:
        for ex in (*rule.examples.bad, *rule.examples.good):
            texts.append(ex["text"] if isinstance(ex, dict) else ex)
    docs = [doc(t) for t in texts]
    split = 0
    for alt in alternations:
        parts = wordstarts.part_plan(alt)
        if parts is None:
            continue
        split += 1
        fresh = LazyAlternation(alt.pattern, alt.parts, alt.flags)
        whole = re.compile(alt.pattern, alt.flags)
        for d in docs:
            fresh.scans = 0
            found = wordstarts._finditer_parts(d, fresh, parts)
            if found is None:
                continue  # too many terms in this text: the whole pattern would be compiled
            got = [(m.span(), m.lastgroup) for m in found]
            want = [(m.span(), m.lastgroup) for m in whole.finditer(d.prose)]
            assert got == want, (alt.pattern[:80], d.text[:80])
        assert not fresh.is_compiled
    assert split >= 20


def test_a_draft_compiles_only_the_terms_it_may_hold():
    from lint.text.lazyre import LazyAlternation
    from lint.text.matching import terms_alternation

    source, parts = terms_alternation(["slammed", "blasted", "lashed out", "savaged", "so-called"])
    alt = LazyAlternation(source, parts, re.I)
    d = doc("Critics Slammed the plan and the so-called reform; İSTANBUL slammed back.")
    assert [m.span() for m in wordstarts.finditer(d, alt)] == [m.span() for m in re.finditer(source, d.prose, re.I)]
    assert not alt.is_compiled
    assert alt.parts_compiled() == 2  # "slammed" and "so-called"; never "blasted", "lashed out", "savaged"


def test_a_non_ascii_word_tries_the_terms_its_ascii_letters_allow():
    assert wordstarts._may_start("İstanbul", "istanbul")  # re folds "İ" to "i"
    assert wordstarts._may_start("Zürich", "zurich")      # not under re, but the check is only a filter
    assert not wordstarts._may_start("Zürich", "zagreb")
    assert not wordstarts._may_start("Łódź", "lodzia")   # shorter than the prefix


def test_many_drafts_or_many_terms_compile_the_whole_alternation():
    from lint.text.lazyre import LazyAlternation
    from lint.text.matching import terms_alternation

    words = [f"term{chr(97 + i)}" for i in range(20)]
    source, parts = terms_alternation(words)
    alt = LazyAlternation(source, parts, re.I)
    d = doc(" ".join(words))
    assert [m.span() for m in wordstarts.finditer(d, alt)] == [m.span() for m in re.finditer(source, d.prose, re.I)]
    assert alt.is_compiled  # twenty terms present: one compile of the whole beats twenty
    few = LazyAlternation(source, parts, re.I)
    for _ in range(wordstarts.MOST_PART_SCANS + 1):
        list(wordstarts.finditer(doc("a termb here"), few))
    assert few.is_compiled


def test_a_context_pattern_whose_words_are_absent_is_skipped_and_never_compiled():
    from lint.text import matching
    from lint.text.lazyre import lazy

    d = doc("The regime fell. A slam dunk for the senator, critics said.")
    idiom = lazy(r"\bslam\s+dunk", re.I)
    other = lazy(r"\bgrand\s+slam", re.I)
    regime = (4, 10)   # "regime", in the first sentence
    slam = (19, 23)    # "slam", in the second
    assert not matching.excepted(d, *regime, [idiom, other])
    assert not idiom.is_compiled and not other.is_compiled  # neither can start in that sentence
    assert matching.excepted(d, *slam, [other, idiom])
    assert idiom.is_compiled and not other.is_compiled  # "grand" is not in the sentence either
    for lo, hi in [(0, 17), (17, len(d.prose)), (0, len(d.prose)), (20, 22), (19, 20)]:
        for rx in (idiom, other):
            found = list(re.compile(rx.pattern, re.I).finditer(d.prose, lo, hi))
            assert wordstarts.may_match_in(d, rx, lo, hi) or not found, (lo, hi, rx)
    assert not wordstarts.may_match_in(d, idiom, 20, 22)  # "slam" starts at 19


def test_a_gate_compiles_only_the_patterns_whose_words_a_draft_holds():
    gate = AnyOf([re.compile(r"\bpresident-elect\b", re.I), re.compile(r"\bincoming administration\b"),
                  re.compile(r"\bvice[- ]president-elect\b", re.I)])
    d = doc("The president-elect met aides on Friday.")
    assert gate.found_in(d) and gate.search(d.prose)
    alt = gate._alternation
    assert alt is not None and not alt.is_compiled and alt.parts_compiled() == 1
    assert not gate.found_in(doc("Nothing to see."))


def test_exceptions_looked_up_together_are_the_ones_each_lookup_allows(shipped_regexes):
    """may_match_some (one pass for a rule's exception patterns) keeps every pattern that can
    match in a window, and none that may_match_in alone rules out."""
    from lint.text.lazyre import LazyPattern

    rules, _ = shipped_regexes
    groups = []
    for rule in rules:
        for value in vars(rule).values():
            if isinstance(value, tuple) and len(value) > 1 and all(isinstance(p, LazyPattern) for p in value):
                groups.append(value)
    assert len(groups) >= 10
    texts = list(TRICKY)
    for rule in rules:
        texts += [ex["text"] if isinstance(ex, dict) else ex for ex in (*rule.examples.bad, *rule.examples.good)]
    for text in texts:
        d = doc(text)
        n = len(d.prose)
        windows = [(s.start, s.end) for s in d.sentences] + [(0, n), (0, n // 2), (n // 3, n)]
        for group in groups:
            for lo, hi in windows:
                some = wordstarts.may_match_some(d, group, lo, hi)
                for k, rx in enumerate(group):
                    if not wordstarts.may_match_in(d, rx, lo, hi):
                        assert k not in some, (rx.pattern[:60], text[:60])
                    if re.compile(rx.pattern, rx.flags).search(d.prose, lo, hi) is not None:
                        starts = [m.start() for m in re.compile(rx.pattern, rx.flags).finditer(d.prose, lo, hi)]
                        if any(lo <= s < hi for s in starts):
                            assert k in some, (rx.pattern[:60], text[:60])


def test_every_shipped_gate_builds_its_union():
    """A gate that cannot build its union lets every draft through (it is never wrong,
    only useless): the shipped rules' gates all build theirs."""
    from lint.config import Config
    from lint.engine import Engine
    from lint.plugins import build

    engine = Engine(plugins=build(entry_points=False))
    d = doc("The incoming administration met on Tuesday.\n")
    gates = []
    for rule in engine.all_rules(Config()):
        list(rule.check(d))  # some gates are made on first use
        for value in vars(rule).values():
            for v in (value if isinstance(value, tuple) else (value,)):
                if isinstance(v, AnyOf):
                    gates.append((rule.id, v))
    assert gates
    for rule_id, gate in gates:
        assert gate._gate() is not True, rule_id


def test_memos_keyed_by_pattern_objects_stay_bounded(monkeypatch):
    # A server that reloads its packs compiles new pattern objects each time; the memos
    # keyed by pattern identity keep each one alive, so they must start afresh when full.
    import re

    from lint import parts

    monkeypatch.setattr(wordstarts, "MOST_PATTERNS", 8)
    monkeypatch.setattr(parts, "MOST_PATTERNS", 8)
    monkeypatch.setattr(wordstarts, "_PLAN_BY_ID", {})
    monkeypatch.setattr(wordstarts, "_GROUP_PLANS", {})
    monkeypatch.setattr(parts, "_OPENERS", {})
    kept = []
    for n in range(40):
        rx = re.compile(rf"\bbudget{n} vote\b")  # a new object each time, as after a reload
        kept.append(rx)
        assert wordstarts._plan_of_pattern(rx) is not None
        wordstarts._group_plan((rx,))
        assert parts.may_open(rx, f"budget{n} vote") and not parts.may_open(rx, "nothing here")
    assert len(wordstarts._PLAN_BY_ID) <= 8 and len(wordstarts._GROUP_PLANS) <= 8 and len(parts._OPENERS) <= 8
