"""``newslint explain RULE``: a rule's documentation with its examples and the parameters
it sets; ``newslint explain --kind KIND``: a rule kind's parameters."""
from __future__ import annotations

import argparse
import difflib
import sys
import textwrap
from pathlib import Path

from ..config import ConfigError, config_for
from ..engine import UNUSED_SUPPRESSION, Engine
from ..kinddoc import kind_text, param_lines
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
    p = sub.add_parser("explain", help="show a rule's (or a rule kind's) documentation",
                       description="Show a rule's documentation, examples and parameters, or with --kind a rule kind's "
                                   "parameters.")
    p.add_argument("rule", metavar="RULE", nargs="?")
    p.add_argument("--kind", metavar="KIND", help="document a rule kind instead: what it checks and its parameters")
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
    if args.kind is not None or args.rule is None:
        return _explain_kind(engine, args.kind)
    try:
        rules = {r.id: r for r in engine.all_rules(config_for(Path.cwd(), args.config))}
    except (ConfigError, PackError) as exc:
        return fail(str(exc))
    text = render(args.rule, rules, parameters=True)
    if text is None:
        close = difflib.get_close_matches(args.rule, list(rules), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see 'newslint rules'"
        return fail(f"unknown rule '{args.rule}'{hint}")
    sys.stdout.write(text)
    return EXIT_OK


def _explain_kind(engine: Engine, name: str | None) -> int:
    kinds = engine.kinds()
    kind = kinds.get(name) if name else None
    if kind is None:
        close = difflib.get_close_matches(name, list(kinds), n=3) if name else []
        hint = f"did you mean {', '.join(close)}?" if close else f"kinds: {', '.join(sorted(kinds))}"
        return fail((f"unknown kind '{name}'; " if name else "name a RULE, or a KIND with --kind; ") + hint)
    sys.stdout.write(kind_text(name, kind))
    return EXIT_OK


def render(rule_id: str, rules: dict, parameters: bool = False) -> str | None:
    """What ``newslint explain RULE`` prints, or None for a rule not in ``rules`` (id -> rule).

    ``parameters`` adds the kind's parameters with the values the rule sets (the command
    shows them; an editor's hover, short of room, does not)."""
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
    if parameters:
        w("\n" + param_lines(type(rule), rule.options))
    return "".join(out)


def _examples(w, bad, good) -> None:
    w("\nFlagged\n")
    for ex in bad:
        w("  ✗ " + _example_text(ex).replace("\n", "\n    ") + "\n")
    w("\nLeft alone\n")
    for ex in good:
        w("  ✓ " + _example_text(ex).replace("\n", "\n    ") + "\n")
