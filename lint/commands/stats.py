"""``newslint stats PATH...``: readability statistics of drafts, as a table or JSON."""
from __future__ import annotations

import argparse
import json
import sys

from .common import EXIT_ERROR, EXIT_OK, fail

COLUMNS = (
    ("words", "words", 7),
    ("sentences", "sent.", 6),
    ("average_sentence_words", "avg", 5),
    ("longest_sentence_words", "longest", 8),
    ("reading_ease", "ease", 6),
    ("grade_level", "grade", 6),
)
SORTS = ("path", "words", "grade", "ease", "longest")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stats", help="readability statistics of drafts",
                       description="Words, sentences, average and longest sentence, Flesch reading ease and "
                                   "Flesch-Kincaid grade of each draft (body text; headlines left out).")
    p.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--sort", choices=SORTS, default="path", help="order of the rows (default: path)")
    p.add_argument("--config", help="use this config file (for excludes) instead of searching for one")


def run(args: argparse.Namespace) -> int:
    from ..config import ConfigError
    from ..document import DocumentError, parse
    from ..reading import ReadError, load, load_stream
    from ..document import fmt_for
    from ..engine import Engine, InputError, expand_paths
    from ..readability import document_stats

    try:
        items = expand_paths(args.paths, Engine(config=args.config))
    except (ConfigError, InputError) as exc:
        return fail(str(exc))
    rows: list[tuple[str, dict]] = []
    status = EXIT_OK
    for path, _cfg in items:
        try:
            name = "<stdin>" if path == "-" else path
            source = load_stream(sys.stdin.buffer, name) if path == "-" else load(path)
            doc = parse(source.text, name, fmt_for(name))
        except (ReadError, DocumentError) as exc:
            sys.stderr.write(f"newslint: error: {exc}\n")
            status = EXIT_ERROR
            continue
        rows.append((name, document_stats(doc).as_dict()))
    key = {"path": lambda r: r[0], "words": lambda r: -r[1]["words"], "grade": lambda r: -r[1]["grade_level"],
           "ease": lambda r: r[1]["reading_ease"], "longest": lambda r: -r[1]["longest_sentence_words"]}[args.sort]
    rows.sort(key=key)
    if args.format == "json":
        json.dump({"version": 1, "files": [{"path": p, "stats": s} for p, s in rows], "total": _total(rows)},
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render(rows))
    return status


def _total(rows: list[tuple[str, dict]]) -> dict:
    from ..readability import flesch_kincaid_grade, flesch_reading_ease

    words = sum(s["words"] for _p, s in rows)
    sentences = sum(s["sentences"] for _p, s in rows)
    syllables = sum(s["syllables"] for _p, s in rows)
    return {
        "files": len(rows),
        "words": words,
        "sentences": sentences,
        "reading_ease": flesch_reading_ease(words, sentences, syllables),
        "grade_level": flesch_kincaid_grade(words, sentences, syllables),
        "average_sentence_words": round(words / sentences, 1) if sentences else 0.0,
        "longest_sentence_words": max((s["longest_sentence_words"] for _p, s in rows), default=0),
    }


def render(rows: list[tuple[str, dict]]) -> str:
    if not rows:
        return "no drafts found\n"
    show_desk = any(s.get("desk") for _p, s in rows)
    path_w = min(48, max(len("draft"), *(len(p) for p, _ in rows)))
    head = "draft".ljust(path_w) + "".join(title.rjust(w) for _k, title, w in COLUMNS)
    head += "  line" + ("  desk" if show_desk else "")
    lines = [head, "-" * len(head)]
    for path, s in rows:
        shown = path if len(path) <= path_w else "…" + path[-(path_w - 1):]
        line = shown.ljust(path_w) + "".join(str(s[k]).rjust(w) for k, _t, w in COLUMNS)
        line += str(s.get("longest_sentence_line") or "").rjust(6)
        if show_desk:
            line += "  " + (s.get("desk") or "")
        lines.append(line)
    if len(rows) > 1:
        t = _total(rows)
        lines.append("-" * len(head))
        lines.append(f"{t['files']} drafts".ljust(path_w) + "".join(str(t[k]).rjust(w) for k, _t, w in COLUMNS))
    lines.append("ease: Flesch reading ease (higher is easier; 60-70 is plain English); grade: Flesch-Kincaid"
                 " grade level; avg and longest: words per sentence; line: where the longest sentence starts")
    return "\n".join(lines) + "\n"
