"""Every example of every shipped rule runs as a test: bad ones are flagged, good ones not.

Examples run through the whole engine with every default pack on, so skip contexts,
suppressions and the interplay of rules are exercised exactly as users meet them.
"""
import datetime as dt

import pytest

from lint.config import Config
from lint.engine import Engine
from lint.plugins import build

_ENGINE = Engine(plugins=build(entry_points=False), today=dt.date(2025, 11, 22))
_CONFIG = Config()
RULES = _ENGINE.all_rules(_CONFIG)


def _cases(which):
    for rule in RULES:
        for i, ex in enumerate(getattr(rule.examples, which)):
            yield pytest.param(rule, ex, id=f"{rule.id}-{which}{i}")


def _run(rule, example):
    text = example["text"] if isinstance(example, dict) else example
    date = example.get("date") if isinstance(example, dict) else None
    engine = Engine(plugins=_ENGINE.plugins, date=date, today=dt.date(2025, 11, 22), select=[rule.id])
    result = engine.check_text(text + "\n", "example.md", config=_CONFIG)
    assert result.error is None, result.error
    return [f for f in result.findings if f.rule == rule.id]


def test_rules_exist():
    assert RULES, "no rules were loaded"


@pytest.mark.parametrize("rule,example", list(_cases("bad")))
def test_bad_example_is_flagged(rule, example):
    assert _run(rule, example), f"{rule.id} did not flag its bad example: {example!r}"


@pytest.mark.parametrize("rule,example", list(_cases("good")))
def test_good_example_is_left_alone(rule, example):
    found = _run(rule, example)
    assert not found, f"{rule.id} flagged its good example {example!r}: {[f.message for f in found]}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_documented(rule):
    assert len(rule.why.split()) >= 8, "why must explain the rule"
    assert rule.summary
    assert rule.examples.bad and rule.examples.good
