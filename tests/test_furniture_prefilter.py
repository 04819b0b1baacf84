"""The literal prefilters of lint/furniture.py never skip a line that their pattern matches."""
import re
import sys
from pathlib import Path

from lint import furniture as F
from lint.parts import fold_for_literals
from lint.config import Config
from lint.engine import Engine
from lint.plugins import build

ROOT = Path(__file__).resolve().parent.parent


def _lines():
    rules = Engine(plugins=build(entry_points=False)).all_rules(Config())
    texts = []
    for rule in rules:
        for ex in [*rule.examples.bad, *rule.examples.good]:
            texts.append(ex["text"] if isinstance(ex, dict) else ex)
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "drafts").iterdir())]
    texts += [  # our own lines, cased and spelled in the ways a case-insensitive match allows
        "© 2024 The Daily Record. All Rights Reserved.", "Copyright (C) Herald Media", "COOKİES help us",
        "We uſe cookies on this site", "jdoe says:", "Jane Doe on May 3, 2019 at 8:50 pm SAID :",
        "Dear Readers, please give", "YOU can SUPPORT Herald journalism today", "Support The Tribune",
        "ſupport Our work: donate now", "Unſ: we need your help", "Become a member today!",
    ]
    return [ln for t in texts for ln in t.splitlines() if ln.strip()]


def test_folding_keeps_every_letter_a_case_insensitive_pattern_matches():
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        if 0xD800 <= cp <= 0xDFFF or (c.lower() == c and c.upper() == c):
            continue  # uncased: no case-insensitive match with a letter
        for letter in "abcdefghijklmnopqrstuvwxyz":
            if re.fullmatch(letter, c, re.I):
                assert fold_for_literals(c) == letter, (hex(cp), letter)


def test_prefilters_agree_with_their_patterns():
    lines = _lines()
    assert len(lines) > 500
    gate_hits = address_hits = support_hits = 0
    for ln in lines:
        folded = fold_for_literals(ln)
        if F._GATE.search(ln):
            gate_hits += 1
            assert any(w in folded for w in F._GATE_LITERALS), ln
        if F._ADDRESS.search(ln):
            address_hits += 1
            assert F._may_address(folded), ln
        if F._SUPPORT_NAME.search(ln):
            support_hits += 1
            assert "support" in folded, ln
    assert gate_hits >= 5 and address_hits >= 20 and support_hits >= 2


def test_appeals_found_as_before():
    assert F.is_appeal("Support The Tribune: we rely on readers like you.")
    assert F.is_appeal("If you value our reporting, please make a donation today.")
    assert not F.is_appeal("The council said it would support the plan.")
