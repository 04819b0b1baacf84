"""The cheap gates in front of the page-residue patterns (lint/furniture.py, lint/parts.py,
lint/text/matching.py) and of the event-date pattern (lint/claims.py).

A gate lets a line test skip, and never compile, a pattern that cannot match the line. It
must be implied by the pattern: whenever the pattern matches, the gate says "maybe". These
tests check that on every line of the project's own texts (rule examples, docs, example
drafts, the furniture tests' pages) and on made-up residue lines with the leading arrows,
brackets and non-ASCII letters the patterns allow.
"""
import ast
import pathlib
import re

import pytest
import yaml

from lint import furniture as fu
from lint import parts
from lint import wordstarts

ROOT = pathlib.Path(__file__).resolve().parent.parent

EXTRA = [
    "Share", "< Share", "«  Share this", "← Back to top", "Share on Facebook", "Print this article", "E-mail this",
    "Email", "X", "Sign in", "SUBSCRIBE NOW", "Donate now »", "Got it", "Not now", "Read more", "Accept all cookies",
    "12 comments", "[12 comments]", "( Comments (4) )", "Comments", "Join the conversation:", "Have your say",
    "What do you think?", "Top comments", "Most read", "Related stories:", "More from Reuters", "Popular",
    "Recent posts", "More:", "Also read:", "Most read in World Politics", "Elsewhere on the site", "Don’t miss",
    "Editor's picks", "About the author", "Author bio", "Contributors:", "Privacy policy", "Terms of use | Contact us",
    "Do not sell my personal information", "Cookie settings", "Dear readers,", "A note to our readers",
    "Dear reader: we need your support.", "Support us today and keep our journalism free for you.",
    "Sign up for our newsletter and get it in your inbox.", "Make a one-off gift to our newsroom today.",
    "We rely on readers like you.", "Support The Ledger: we cannot do this without you.",
    "Photo: Jane Doe/Reuters", "Image copyright Getty Images", "© Jane Doe", "Jane Doe / AFP via Getty Images",
    "Getty Images", "AP Photo", "handout", "Image caption The mayor in May", "The mayor speaks (Photo: city hall)",
    "The mayor speaks. Photo: City Hall", "The mayor speaks. Jane Doe/Reuters", "By Jane Doe", "Written by Jane Doe",
    "By the end of the year", "Posted by Sam Roe | Reuters", "Filed under: Politics", "Tags: budget",
    "Share this:", "Follow us:", "The winners were:", "12 thoughts on “How we voted”",
    # Non-ASCII letters that re.IGNORECASE equates with ASCII ones ("ſ" with "s", "K" with "k").
    "ſhare", "ſupport ſtory", "Photo: Jane ſ/Reuters", "Dear ſubscriber", "Image caption ſ", "chıp in", "İmage caption",
]


def _yaml_strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from _yaml_strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _yaml_strings(v)


def _py_strings(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


def corpus() -> list[str]:
    texts = list(EXTRA)
    for pack in sorted((ROOT / "rules").glob("*.yaml")):
        texts += _yaml_strings(yaml.safe_load(pack.read_text(encoding="utf-8")))
    for path in [*sorted((ROOT / "docs").glob("*.md")), *sorted((ROOT / "examples").rglob("*.md"))]:
        texts.append(path.read_text(encoding="utf-8"))
    for name in ("test_furniture.py", "test_document.py", "test_pattern_kinds.py"):
        texts += _py_strings(ROOT / "tests" / name)
    lines = set()
    for t in texts:
        for line in t.splitlines():
            line = line.strip()
            if line:
                lines.add(line)
                lines.add(line.lstrip("#>*- ").strip())  # as a pasted page has it, without markup
    return sorted(lines)


LINES = corpus()


def test_corpus_is_large():
    assert len(LINES) > 2000


# (name, pattern that the gate reads, pattern that is tried, how the line is prepared)
OPENERS = [
    ("_UI", fu._UI_OPENERS, fu._UI, lambda t: t.lstrip("<«‹←↑").lstrip()),
    ("_COMMENTS_HEAD", fu._COMMENTS_OPENERS, fu._COMMENTS_HEAD, lambda t: t.lstrip("[(").lstrip()),
    ("_NETWORK_LABEL", fu._NETWORK_LABEL, fu._NETWORK_LABEL, None),
    ("_POLICY", fu._POLICY, fu._POLICY, None),
    ("_DEAR", fu._DEAR, fu._DEAR, None),
    ("_RELATED_HEAD", fu._RELATED_HEAD, fu._RELATED_HEAD, None),
    ("_MORE_HEADS", fu._MORE_HEADS, fu._MORE_HEADS, None),
    ("_ABOUT_AUTHOR", fu._ABOUT_AUTHOR, fu._ABOUT_AUTHOR, None),
    ("_UI_HEAD", fu._UI_HEAD, fu._UI_HEAD, None),
    ("_BYLINE", parts._BYLINE, parts._BYLINE, None),
]


@pytest.mark.parametrize("name,opener,rx,prep", OPENERS, ids=[o[0] for o in OPENERS])
def test_opening_word_gates_are_implied_by_their_patterns(name, opener, rx, prep):
    # The gate reads the pattern's first words: it is useless (though still safe) if it cannot.
    assert wordstarts.prefixes(opener, at_start=True) is not None
    matched = 0
    for line in LINES:
        if rx.match(line) is not None:
            matched += 1
            assert wordstarts.may_open(opener, prep(line) if prep else line), (name, line)
    assert matched > 0, name  # the corpus does exercise the pattern


def test_credit_gate_is_implied_by_the_pattern():
    assert wordstarts.prefixes(parts._CREDIT_OPENERS, at_start=True) is not None
    for line in LINES:
        want = len(line) <= 100 and not parts._RIGHTS.search(line) and bool(parts._CREDIT.fullmatch(line))
        assert parts.is_credit(line) == want, line


_CAPTION_EXTRA = [
    "The mayor speaks (Photo: city hall)  ", "The mayor speaks [PICTURED: left]", "A view (file photo)",
    "The mayor speaks. PHOTO: City Hall", "The mayor speaks.  Credit : Jane Doe", "He spoke.”Picture: Ann",
    "The mayor speaks. ıllustration: Ann", "The mayor speaks (İmage: city)", "The mayor speaks. İMAGE: Ann",
    "Capt\u0130on the mayor", "Image CAPTION: the mayor", "(Photo: the mayor) spoke", "The mayor (photo",
    "The mayor spoke: photo op", "“A storm,” she said. Photograph: Jane Doe", "Jane Doe/Reuters.",
]


def test_caption_gate_is_implied_by_the_pattern():
    for line in LINES + _CAPTION_EXTRA:
        assert parts.is_caption(line) == (len(line) <= 400 and bool(parts._CAPTION.fullmatch(line))), line
    assert sum(parts.is_caption(line) for line in _CAPTION_EXTRA) >= 8


def test_ask_gate_is_implied_by_the_pattern():
    hits = 0
    for line in LINES:
        if fu._ASK.search(line):
            hits += 1
            assert fu._may_ask(parts.fold_for_literals(line)), line
    assert hits > 0


def test_gated_line_tests_agree_with_the_plain_patterns():
    def plain_ui_label(t):
        return len(t) <= 40 and bool(fu._UI.fullmatch(t) or fu._NETWORK_LABEL.fullmatch(t))

    def plain_appeal(t):
        if fu._DEAR.match(t):
            return True
        if t[:1] in "“\"‘'" or len(t) > 700:
            return False
        if fu._ADDRESS.search(t) and fu._ASK.search(t):
            return len(t) < 250 or bool(fu._US.search(t))  # a long one needs the publisher's "we"
        return bool(fu._SUPPORT_NAME.search(t)) and fu._addresses_reader(t)

    for line in LINES:
        assert fu.is_ui_label(line) == plain_ui_label(line), line
        assert fu.is_appeal(line) == plain_appeal(line), line
        assert fu._related_head(line) == bool(fu._RELATED_HEAD.fullmatch(line) or fu._MORE_HEADS.fullmatch(line)), line
        assert fu._comments_head(line) == bool(fu._COMMENTS_HEAD.fullmatch(line)), line
        assert fu._full(fu._POLICY, line) == bool(fu._POLICY.fullmatch(line)), line


def _random_lines():
    import random

    rng = random.Random(22)
    words = ["you", "YOU", "your", "yourself", "we", "We're", "we’ve", "our", "ours", "us", "US$", "us$", "dear",
             "Dear readers", "donate", "DONATE", "ſupport", "support us", "join us", "become a member", "chip in",
             "in your inbox", "adblocker", "ad-blocker", "free trial", "sign up for our", "keep our journalism free",
             "pledge £", "readers like you", "need your help", "click here to give", "tax-deductible", "İn",
             "ınbox", "\u212aeep", "house", "because", "were", "four", "court", "here", "'", "“", "é", "_", "9",
             "said:", "says :", "cookie", "©", "(C)", "rights reserved", ":", " ", "  ", "\t", ".", ",",
             "A note to our readers", "TO OUR READERS", "Message for readers", "an letter to readers", "Dear Friends"]
    return [" ".join(rng.choice(words) for _ in range(rng.randint(1, 14))) for _ in range(3000)]


def test_word_start_scans_find_what_a_search_finds():
    from lint import wordstarts as ws

    dear = 0
    readable = re.compile(r"(?<![a-z0-9])(?:you|your|yours|yourself|we|our|us|dear)(?![a-z0-9])")
    for line in LINES + _random_lines():
        folded = parts.fold_for_literals(line)
        assert [m.span() for m in fu._MAY_ADDRESS.finditer(folded)] == [m.span() for m in readable.finditer(folded)]
        assert fu._addressed(line, folded) == (fu._ADDRESS.search(line) is not None), line
        assert fu._asks(line, folded) == (fu._ASK.search(line) is not None), line
        if fu._GATE.search(line):
            assert fu._may_gate(line, folded), line
        if fu._DEAR.match(line):
            dear += 1
            assert fu._opens(fu._DEAR, folded), line
        for rx in (fu._DEAR, fu._POLICY, fu._UI_OPENERS, fu._RELATED_HEAD, parts._BYLINE, parts._CREDIT_OPENERS):
            assert parts.may_open(rx, line) == ws.may_open(rx, line), line
    assert dear >= 50


def test_dateline_test_is_the_plain_test():
    import random

    rng = random.Random(3)
    bits = ["Nov.", "19,", "2019", "8:03", "am", "ET", "Updated", "3", "hours", "ago", "today", "Today", "MARCH",
            "is", "the", "deadline", "|", "·", "–", "Published", "on", "Mon", "5pm", "x", "2nd", "yesterday:"]
    lines = LINES + [" ".join(rng.choice(bits) for _ in range(rng.randint(1, 16))) for _ in range(2000)]

    def plain(line):
        if len(line) > 80 or not parts._HAS_DATE.search(line):
            return False
        tokens = parts._DATE_TOKEN.findall(line)
        return 0 < len(tokens) <= 14 and all(parts._DATE_WORD.fullmatch(t.rstrip(".:")) for t in tokens)

    assert sum(plain(line) for line in lines) >= 100
    for line in lines:
        assert parts.is_dateline(line) == plain(line), line


def test_a_draft_without_furniture_compiles_no_furniture_pattern():
    from lint.document import parse
    from lint.furniture import find_furniture
    from lint.text.lazyre import LazyPattern

    text = ("Libraries to close\n\nThe council voted on Tuesday to close two branch libraries, officials said.\n\n"
            "Budget gap\n\nThe closures take effect in March, and the board will meet again in April.\n")
    fresh = {name: LazyPattern(rx.pattern, rx.flags) for name, rx in vars(fu).items()
             if isinstance(rx, LazyPattern)}
    saved = {name: getattr(fu, name) for name in fresh}
    try:
        for name, rx in fresh.items():
            setattr(fu, name, rx)
        assert find_furniture(parse(text, "draft.md", "markdown")).pieces == []
        compiled = sorted(name for name, rx in fresh.items() if rx.is_compiled)
    finally:
        for name, rx in saved.items():
            setattr(fu, name, rx)
    # Only the scans that every line gets are compiled: the appeal's first test and _GATE.
    assert set(compiled) <= {"_ADDRESS", "_GATE"}, compiled


def test_line_rules_tried_part_by_part_find_what_the_whole_pattern_finds():
    """lint/text/matching.find on line, sentence and block scopes, for rules whose first
    words cannot all be read: one part of the alternation at a time, as in a short run,
    and the whole pattern, as in a long one, find the same spans."""
    from lint.config import Config
    from lint.document import parse
    from lint.engine import Engine
    from lint.plugins import build
    from lint.text import matching
    from lint.text.lazyre import LazyAlternation

    rules = Engine(plugins=build(entry_points=False)).all_rules(Config())
    tried = 0
    text = "\n\n".join(LINES) + "\n"
    for rule in rules:
        rx = getattr(rule, "_regex", None)
        scope = getattr(rule, "options", {}).get("scope", "text") if hasattr(rule, "options") else "text"
        if not isinstance(rx, LazyAlternation) or scope == "text" or wordstarts.prefixes(rx, at_start=True):
            continue
        tried += 1
        docs = [parse(text, "lines.txt", "text")]
        docs += [parse(ex if isinstance(ex, str) else ex["text"], "ex.md", "markdown")
                 for ex in (*rule.examples.bad, *rule.examples.good)]
        for doc in docs:
            by_parts = list(matching._find_by_parts(doc, rx, scope))
            whole = [(o, o + len(s)) for o, s, _h in matching._units(doc, scope) if rx.compiled.fullmatch(s)]
            assert by_parts == whole, rule.id
    assert tried >= 4  # popup-prompt, reading-time, comment-thread, related-articles at least


def test_event_date_gate_is_implied_by_the_pattern():
    """lint/claims.py tries _EVENT_DATE only on text with one of the event words in it."""
    from lint import claims

    texts = [*LINES, "Jane Roe, 52, was arrested on", "Smith's wedding in", "Mr Lee was later released on"]
    hits = 0
    for line in texts:
        if claims._EVENT_DATE.search(line):
            hits += 1
            assert any(w in line for w in claims._EVENTS_FOR_DATES), line
    assert hits >= 3


def test_placed_loaded_terms_tried_part_by_part_match_what_the_whole_pattern_matches():
    """lint/kinds/loaded.py: a placed term (opens a sentence, set off) is matched at each
    start one part at a time, skipping parts that cannot open with the word there (their
    first words, or the "-ly" shape of the adverb patterns); the matches, and the group
    that says which term matched, are the whole pattern's."""
    from lint.config import Config
    from lint.document import parse
    from lint.engine import Engine
    from lint.kinds import loaded
    from lint.plugins import build
    from lint.text.lazyre import LazyAlternation

    rules = [r for r in Engine(plugins=build(entry_points=False)).all_rules(Config())
             if r.kind == "loaded-term" and r._position != "any" and isinstance(r._regex, LazyAlternation)]
    assert {r.id for r in rules} >= {"editorializing.rhetorical-setup", "editorializing.verdict-adverb"}
    extra = ["Shockingly, the vote failed.", "Predictably, nobody came.", "The kicker? Nobody paid.",
             "Here's the thing: it works.", "Even worse, the bridge closed.", "ſhockingly, it rained.",
             "Curiously enough, the mayor agreed.", "He left, unsurprisingly, at noon."]
    text = "\n\n".join([*LINES, *extra]) + "\n"
    gated = 0
    for rule in rules:
        rx = rule._regex
        docs = [parse(text, "lines.txt", "text")]
        docs += [parse(ex if isinstance(ex, str) else ex["text"], "ex.md", "markdown")
                 for ex in (*rule.examples.bad, *rule.examples.good)]
        for doc in docs:
            starts = loaded._starts(doc, rule._position == "set-off")
            parts = [(m.span(), m.lastgroup) for m in loaded._match_parts(doc.prose, rx, starts)]
            whole = [(m.span(), m.lastgroup) for pos in starts if (m := rx.compiled.match(doc.prose, pos))]
            assert parts == whole, rule.id
            gated += len(whole)
        assert sum(1 for p in rx.parts if loaded._LY_HEAD.match(p)) == (2 if rule.id.endswith("verdict-adverb") else 0)
    assert gated > 20


def test_the_opening_gate_never_rules_out_a_line_with_non_ascii_characters():
    # The gate compares the folded line with a pattern's ASCII prefixes; a digit class or
    # IGNORECASE also matches characters the folding leaves alone ("٣", an Arabic-Indic 3).
    rx = re.compile(r"(?<!\w)\d+\s+comments\b", re.I)
    for line in ("٣ comments", "3 comments", "٣٤ Comments so far"):
        assert rx.match(line)
        assert fu._opens(rx, parts.fold_for_literals(line)), line
    assert not fu._opens(rx, parts.fold_for_literals("No comments"))
