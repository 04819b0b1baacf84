"""Every example of every shipped rule runs as a test: bad ones are flagged, good ones not.

Examples run through the whole engine with every rule on (opt-in ones too), so skip
contexts, suppressions and document parsing are exercised exactly as users meet them;
only the findings of the rule under test count.
"""
import datetime as dt

import pytest

from lint.config import Config
from lint.engine import Engine
from lint.plugins import build

_PLUGINS = build(entry_points=False)
_CONFIG = Config()
RULES = Engine(plugins=_PLUGINS).all_rules(_CONFIG)
_ENGINE = Engine(plugins=_PLUGINS, today=dt.date(2025, 11, 22), select=[r.id for r in RULES])


def _cases(which):
    for rule in RULES:
        for i, ex in enumerate(getattr(rule.examples, which)):
            yield pytest.param(rule, ex, id=f"{rule.id}-{which}{i}")


def _run(rule, example):
    text = example["text"] if isinstance(example, dict) else example
    date = example.get("date") if isinstance(example, dict) else None
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    language = example.get("language") if isinstance(example, dict) else None
    config = Config(language=language) if language else _CONFIG
    result = _ENGINE.check_text(text + "\n", "example.md", config=config, date=date)
    assert result.error is None, result.error
    # a rule that speaks to the whole run (facts.stale-facts) counts by its notices
    return [f for f in result.findings if f.rule == rule.id] + [n for n in result.notices if n.rule == rule.id]


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
