"""``newslint explain RULE``: a rule's documentation with its examples."""
from __future__ import annotations

import argparse
import difflib
import sys
import textwrap
from pathlib import Path

from ..config import ConfigError, config_for
from ..engine import UNUSED_SUPPRESSION, Engine
from ..packs import PackError
from .common import EXIT_OK, fail

_META = {
    UNUSED_SUPPRESSION: (
        "style", "warning",
        "An inline newslint-disable comment that suppresses no finding, or names a rule that does not exist.",
        "A suppression that no longer suppresses anything hides future problems and misleads the next editor.",
        ["<!-- newslint-disable-next-line clutter.read-more -->\nThe council met on Tuesday."],
        ["<!-- newslint-disable-next-line clutter.read-more -->\nRead more"],
    )
}


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("explain", help="show a rule's documentation", description="Show a rule's documentation and examples.")
    p.add_argument("rule", metavar="RULE")
    p.add_argument("--config", help="config file whose packs to search")


def _example_text(example) -> str:
    if isinstance(example, dict):
        notes = [f"at {example['date']}" if example.get("date") else "",
                 f"language: {example['language']}" if example.get("language") else ""]
        notes = [n for n in notes if n]
        return f"{example['text']}   [{', '.join(notes)}]" if notes else example["text"]
    return example


def run(args: argparse.Namespace) -> int:
    engine = Engine(config=args.config)
    try:
        rules = {r.id: r for r in engine.all_rules(config_for(Path.cwd(), args.config))}
    except (ConfigError, PackError) as exc:
        return fail(str(exc))
    text = render(args.rule, rules)
    if text is None:
        close = difflib.get_close_matches(args.rule, list(rules), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see 'newslint rules'"
        return fail(f"unknown rule '{args.rule}'{hint}")
    sys.stdout.write(text)
    return EXIT_OK


def render(rule_id: str, rules: dict) -> str | None:
    """What ``newslint explain RULE`` prints, or None for a rule not in ``rules`` (id -> rule)."""
    out: list[str] = []
    w = out.append
    if rule_id in _META:
        category, severity, what, why, bad, good = _META[rule_id]
        w(f"{rule_id}\n\n  category: {category}   severity: {severity}   (built into the engine)\n\n")
        w(textwrap.fill(what, 88) + "\n\nWhy\n" + textwrap.fill(why, 88, initial_indent="  ", subsequent_indent="  ") + "\n")
        _examples(w, bad, good)
        return "".join(out)
    rule = rules.get(rule_id)
    if rule is None:
        return None
    w(f"{rule.id}\n\n")
    w(f"  kind: {rule.kind}   category: {rule.category}   severity: {rule.severity.label}")
    if rule.headline_severity is not None:
        w(f"   in headlines: {rule.headline_severity.label}")
    w("\n")
    if rule.skip:
        w(f"  skips: {', '.join(sorted(rule.skip))}\n")
    w(f"  defined in: {rule.source}\n\n")
    w(textwrap.fill(rule.summary, 88) + "\n\n")
    w("Why\n" + textwrap.fill(rule.why, 88, initial_indent="  ", subsequent_indent="  ") + "\n")
    _examples(w, rule.examples.bad, rule.examples.good)
    return "".join(out)


def _examples(w, bad, good) -> None:
    w("\nFlagged\n")
    for ex in bad:
        w("  ✗ " + _example_text(ex).replace("\n", "\n    ") + "\n")
    w("\nLeft alone\n")
    for ex in good:
        w("  ✓ " + _example_text(ex).replace("\n", "\n    ") + "\n")
