"""``newslint facts``: import fact packs from Wikidata, validate them, and query them.

    newslint facts import EXPORT.json -o PACK.yaml [--name NAME] [--as-of DATE]
    newslint facts update [--out DIR] [--endpoint URL]   (the only command that uses the network)
    newslint facts check [PACK ...]
    newslint facts who OFFICE-OR-TITLE [--date DATE]
    newslint facts person NAME
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import sys
import tempfile
from pathlib import Path

from .common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, date_arg, fail


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("facts", help="import, check and query fact packs",
                       description="Import fact packs from Wikidata exports, validate them, and query them.")
    fsub = p.add_subparsers(dest="facts_command", metavar="ACTION")

    imp = fsub.add_parser("import", help="turn a Wikidata Query Service JSON export into a fact pack",
                          description="Turn a Wikidata Query Service export of position-held (P39) statements "
                                      "(SPARQL JSON results or the simple JSON list) into a fact pack.")
    imp.add_argument("export", metavar="EXPORT.json", help="the export ('-' for standard input)")
    imp.add_argument("-o", "--output", metavar="PACK.yaml", help="where to write the pack (default: standard output)")
    imp.add_argument("--name", help="the pack's name (default: from the output file name)")
    imp.add_argument("--as-of", type=date_arg, help="the date the export is current to (default: today)")
    imp.add_argument("--title", action="append", default=[], metavar="QID=TITLE",
                     help="a title journalists write for a position (repeatable), e.g. Q11696='U.S. President'")
    imp.add_argument("--short-title", action="append", default=[], metavar="QID=TITLE",
                     help="a short title used right before the holder's name, e.g. Q11696=President")
    imp.add_argument("--multi-holder", action="append", default=[], metavar="QID",
                     help="a position several people hold at once (no overlap warnings)")
    imp.add_argument("--skip-acting", action="store_true", help="leave out acting holders")
    imp.add_argument("--max-open-years", type=int, default=60,
                     help="open-ended terms that started longer ago than this are skipped (default 60)")
    imp.add_argument("--strict", action="store_true", help="exit 1 when the import produced warnings")

    upd = fsub.add_parser("update", help="refresh a fact pack from Wikidata's query service (uses the network)",
                          description="Query Wikidata's query service for the heads of state and government of "
                                      "every sovereign state, the G20 foreign ministers and the heads of the main "
                                      "international bodies, and write them as one fact pack (wikidata-world.yaml). "
                                      "This is the only newslint command that uses the network.")
    upd.add_argument("--out", default="newslint-facts", metavar="DIR",
                     help="folder to write wikidata-world.yaml to (default: ./newslint-facts)")
    upd.add_argument("--endpoint", default=None, metavar="URL", help="the SPARQL endpoint (default: Wikidata's)")
    upd.add_argument("--as-of", type=date_arg, help="the date the pack is current to (default: today)")
    upd.add_argument("--since", type=int, default=2015, metavar="YEAR", help="leave out terms that ended before this year")
    upd.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS", help="per query (default 120)")
    upd.add_argument("--quiet", action="store_true", help="do not list the importer's warnings")

    chk = fsub.add_parser("check", help="validate fact packs (default: every pack a run would load)")
    chk.add_argument("packs", nargs="*", metavar="PACK")
    chk.add_argument("--config", help="config file whose 'facts:' to include")
    chk.add_argument("--quiet", action="store_true", help="print problems only, not warnings")
    chk.add_argument("--all", action="store_true",
                     help="also list warnings about the packs newslint ships (people listed on purpose without terms)")

    who = fsub.add_parser("who", help="who held an office on a date")
    who.add_argument("office", metavar="OFFICE-OR-TITLE", help="an office id (us-president) or a title (U.S. President)")
    who.add_argument("--date", type=date_arg, help="the date (default: today)")

    per = fsub.add_parser("person", help="a known person's names and terms")
    per.add_argument("name", help="a name or person id")


def run(args: argparse.Namespace) -> int:
    cmd = getattr(args, "facts_command", None)
    if cmd == "import":
        return _import(args)
    if cmd == "update":
        return _update(args)
    if cmd == "check":
        return _check(args)
    if cmd == "who":
        return _who(args)
    if cmd == "person":
        return _person(args)
    return fail("usage: newslint facts {import,update,check,who,person} ... (see 'newslint facts --help')")


def _pairs(values: list[str], flag: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for v in values:
        if "=" not in v:
            raise ValueError(f"{flag} expects QID=TITLE, got '{v}'")
        q, title = v.split("=", 1)
        out.setdefault(q.strip(), []).append(title.strip())
    return out


def _import(args: argparse.Namespace) -> int:
    from ..facts import wikidata
    from ..facts.loader import cross_check, read_pack

    try:
        raw = sys.stdin.read() if args.export == "-" else Path(args.export).read_text(encoding="utf-8-sig")
    except OSError as exc:
        return fail(f"{args.export}: cannot read: {exc.strerror or exc}")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        return fail(f"{args.export}:{exc.lineno}: not JSON: {exc.msg}")
    try:
        titles = _pairs(args.title, "--title")
        shorts = _pairs(args.short_title, "--short-title")
    except ValueError as exc:
        return fail(str(exc))
    name = args.name or (wikidata.slug(Path(args.output).stem) if args.output else "wikidata-import")
    try:
        result = wikidata.convert(data, name=name, as_of=args.as_of or _dt.date.today(), titles=titles,
                                  short_titles=shorts, multi_holder=args.multi_holder, skip_acting=args.skip_acting,
                                  max_open_years=args.max_open_years, source=Path(args.export).name)
    except wikidata.ImportError_ as exc:
        return fail(f"{args.export}: {exc}")
    for w in result.warnings:
        sys.stderr.write(f"newslint: warning: {args.export}: {w}\n")
    if args.output:
        out = Path(args.output)
        fd, tmp = tempfile.mkstemp(dir=out.parent if str(out.parent) else ".", prefix=".newslint-", suffix=".yaml")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(result.yaml)
        os.replace(tmp, out)
        # the pack must load
        pack, problems, _warn = read_pack(out)
        if pack is not None:
            more, _ = cross_check([pack])
            problems += more
        for p in problems:
            sys.stderr.write(f"newslint: error: {p}\n")
        sys.stderr.write(f"newslint: wrote {out}: {result.people} people, {result.offices} offices, "
                         f"{result.terms} terms; {len(result.warnings)} warning(s)\n")
        if problems:
            return EXIT_ERROR
    else:
        sys.stdout.write(result.yaml)
    return EXIT_FINDINGS if (args.strict and result.warnings) else EXIT_OK


def _update(args: argparse.Namespace) -> int:
    from ..facts import update

    out = Path(args.out)
    say = (lambda m: None) if args.quiet else (lambda m: sys.stderr.write(f"newslint: {m}\n"))
    try:
        done = update.update(out, endpoint=args.endpoint or update.ENDPOINT, as_of=args.as_of, timeout=args.timeout,
                             since=args.since, progress=say)
    except update.UpdateError as exc:
        return fail(str(exc))
    except OSError as exc:
        return fail(f"{out}: cannot write: {exc.strerror or exc}")
    if not args.quiet:
        for w in done.warnings:
            sys.stderr.write(f"newslint: warning: {w}\n")
    for p in done.problems:
        sys.stderr.write(f"newslint: error: {p}\n")
    sys.stderr.write(f"newslint: wrote {done.path}: {done.people} people, {done.offices} offices, {done.terms} terms; "
                     f"{len(done.warnings)} warning(s)\n")
    if done.problems:
        sys.stderr.write("newslint: the pack has problems and was not put in place; fix them or report them\n")
        return EXIT_ERROR
    sys.stdout.write(f"To judge drafts against it instead of the shipped packs, put this in .newslint.yaml:\n"
                     f"  facts: [{done.path.as_posix()}]\n  shipped-facts: false\n")
    return EXIT_OK


def _paths(args: argparse.Namespace) -> list[str]:
    from ..config import config_for
    from ..engine import Engine
    from ..facts import fact_pack_paths

    engine = Engine(config=getattr(args, "config", None))
    cfg = config_for(Path.cwd(), getattr(args, "config", None))
    settings = cfg.settings()
    import dataclasses

    settings = dataclasses.replace(settings, registered_fact_packs=engine.registered_fact_packs(cfg.shipped_facts))
    return list(fact_pack_paths(settings))


def _check(args: argparse.Namespace) -> int:
    from ..config import ConfigError
    from ..facts.loader import validate

    try:
        paths = [str(Path(p).resolve()) for p in args.packs] if args.packs else _paths(args)
    except ConfigError as exc:
        return fail(str(exc))
    from ..packs import rules_dir

    problems, warnings = validate(paths)
    shipped = str((rules_dir() / "facts").resolve())
    hidden = [] if (args.all or args.packs) else [w for w in warnings if str(w).startswith(shipped)]
    for p in problems:
        sys.stdout.write(f"{p}\n")
    if not args.quiet:
        for w in warnings:
            if w not in hidden:
                sys.stdout.write(f"{w} (warning)\n")
    more = f" ({len(hidden)} about the shipped packs not shown: --all)" if hidden else ""
    sys.stderr.write(f"{len(paths)} fact pack(s): {len(problems)} problem(s), {len(warnings)} warning(s){more}\n")
    return EXIT_ERROR if problems else EXIT_OK


def _base():
    from ..facts import load_base

    return load_base(_paths(argparse.Namespace()))


def _who(args: argparse.Namespace) -> int:
    from ..facts import FactPackError
    from ..facts.model import fmt_date
    from ..facts.text import norm_phrase

    try:
        base = _base()
    except FactPackError as exc:
        return fail(str(exc))
    d = args.date or _dt.date.today()
    wanted = args.office.strip()
    offices = [base.offices[wanted]] if wanted in base.offices else [
        o for o in base.offices.values()
        if norm_phrase(wanted) in {norm_phrase(t) for t in (*o.titles, *o.short_titles)}]
    if not offices:
        return fail(f"no office or title '{wanted}' in the fact packs")
    for o in offices:
        terms = base.holder_terms(o.id, d)
        who = "; ".join(f"{base.people[t.person].name} (since {fmt_date(t.start)})" for t in terms) or "nobody known"
        sys.stdout.write(f"{o.id} ({o.display}) on {fmt_date(d)}: {who}\n")
    return EXIT_OK


def _person(args: argparse.Namespace) -> int:
    from ..facts import FactPackError
    from ..facts.model import fmt_date
    from ..facts.text import norm_phrase

    try:
        base = _base()
    except FactPackError as exc:
        return fail(str(exc))
    key = norm_phrase(args.name)
    found = [p for p in base.people.values() if p.id == args.name or key in {norm_phrase(f) for f in p.forms}]
    if not found:  # a surname: "Lukashenka"
        keys = tuple(key.split())
        found = [base.people[pid] for pid in sorted(base.index.surname_index.get(keys, ()))]
    if not found:
        return fail(f"no person '{args.name}' in the fact packs")
    for p in found:
        sys.stdout.write(f"{p.name} ({p.id}, {p.source})\n")
        if p.aliases:
            sys.stdout.write(f"  also: {', '.join(p.aliases)}\n")
        if p.misspellings:
            sys.stdout.write(f"  misspelt: {', '.join(p.misspellings)}\n")
        if p.born or p.died:
            sys.stdout.write(f"  born {fmt_date(p.born) if p.born else '?'}" + (f", died {fmt_date(p.died)}" if p.died else "") + "\n")
        for t in p.terms:
            end = fmt_date(t.end) if t.end else ("unknown" if t.end_unknown else "present")
            sys.stdout.write(f"  {base.offices[t.office].display}: {fmt_date(t.start)} to {end}{' (acting)' if t.acting else ''}\n")
    return EXIT_OK
