"""``newslint rules``: list every rule with its category, severity and summary."""
from __future__ import annotations

import argparse
import json
import sys

from ..config import ConfigError, config_for
from ..engine import Engine
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
    rows = sorted(rules, key=lambda r: r.id)
    if args.format == "json":
        json.dump([{"id": r.id, "kind": r.kind, "category": r.category, "severity": r.severity.label,
                    "summary": r.summary} for r in rows], sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    width = max((len(r.id) for r in rows), default=10)
    for r in rows:
        sys.stdout.write(f"{r.id:<{width}}  {r.category:<11}  {r.severity.label:<10}  {r.summary}\n")
    sys.stdout.write(f"{len(rows)} rules\n")
    for err in engine.errors:
        sys.stderr.write(f"newslint: error: {err}\n")
    return EXIT_OK
