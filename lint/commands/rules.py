"""``newslint rules``: list every rule with its category, severity and summary."""
from __future__ import annotations

import argparse
import json
import sys

from ..config import ConfigError, config_for
from ..engine import UNUSED_SUPPRESSION, Engine
from ..packs import PackError
from .common import EXIT_OK, fail
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rules", help="list rules", description="List rules: id, category, severity, summary.")
    p.add_argument("--config", help="config file whose packs to list (default: the nearest one)")
    p.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    engine = Engine(config=args.config)
    try:
        rules = engine.all_rules(config_for(Path.cwd(), args.config))
    except (ConfigError, PackError) as exc:
        return fail(str(exc))
    rows = sorted(
        [(r.id, r.kind, r.category, r.severity.label, r.summary) for r in rules]
        + [(UNUSED_SUPPRESSION, "(engine)", "style", "warning", "A suppression comment that suppresses nothing")]
    )
    if args.format == "json":
        keys = ("id", "kind", "category", "severity", "summary")
        json.dump([dict(zip(keys, row)) for row in rows], sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    width = max((len(r[0]) for r in rows), default=10)
    for rid, _kind, category, severity, summary in rows:
        sys.stdout.write(f"{rid:<{width}}  {category:<11}  {severity:<10}  {summary}\n")
    sys.stdout.write(f"{len(rows)} rules\n")
    for err in engine.errors:
        sys.stderr.write(f"newslint: error: {err}\n")
    return EXIT_OK
