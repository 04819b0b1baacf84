"""``newslint compare DRAFT...``: what several drafts or wire versions of one story disagree on.

Editors reconcile agency copy with it: a table of names spelled differently, counts of
the same thing ("23 people were killed" against "at least 25 dead"), ages, prison
sentences, dates of the same event, and the words different versions put in the same
speaker's mouth. Only disagreements are shown. Exit code 1 when there are any.
"""
from __future__ import annotations

import argparse
import difflib
import json
import re
import shutil
import string
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .common import EXIT_FINDINGS, EXIT_OK, fail

SECTIONS = (
    ("name", "NAMES"),
    ("count", "COUNTS"),
    ("age", "AGES"),
    ("prison-sentence", "PRISON SENTENCES"),
    ("date", "DATES OF EVENTS"),
    ("quote", "QUOTES"),
)
_PERSONS = {"person", "civilian", "casualty", "man", "woman", "child", "body", "resident", "victim"}


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("compare", help="show what several drafts of one story disagree on",
                       description="Compare drafts or wire versions of one story: names, counts, ages, prison "
                                   "sentences, dates of events and quotes that disagree.")
    p.add_argument("drafts", nargs="+", metavar="DRAFT", help="two or more drafts (Markdown or text)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--width", type=int, help="table width in characters (default: the terminal's)")


@dataclass
class Cell:
    text: str
    line: int
    value: object = None


@dataclass
class Row:
    kind: str
    subject: str
    cells: dict[str, list[Cell]] = field(default_factory=dict)  # label -> values in that draft

    def as_json(self) -> dict:
        return {"kind": self.kind, "subject": self.subject,
                "values": {k: [{"text": c.text, "line": c.line} for c in v] for k, v in self.cells.items()}}


@dataclass
class Draft:
    label: str
    path: str
    doc: object


def run(args: argparse.Namespace) -> int:
    from ..document import DocumentError, parse
    from ..reading import ReadError, load
    from ..document import fmt_for

    if len(args.drafts) < 2:
        return fail("compare needs at least two drafts")
    drafts: list[Draft] = []
    for i, path in enumerate(args.drafts):
        label = _label(i)
        try:
            text = load(path).text
            doc = parse(text, path, fmt_for(path))
        except (ReadError, DocumentError) as exc:
            return fail(str(exc))
        drafts.append(Draft(label, path, doc))
    rows = compare(drafts)
    if args.format == "json":
        json.dump({"version": 1, "drafts": [{"label": d.label, "path": d.path} for d in drafts],
                   "disagreements": [r.as_json() for r in rows],
                   "summary": {"drafts": len(drafts), "disagreements": len(rows)}},
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        width = args.width or shutil.get_terminal_size((120, 24)).columns
        sys.stdout.write(render(drafts, rows, width))
    return EXIT_FINDINGS if rows else EXIT_OK


def _label(i: int) -> str:
    letters = string.ascii_uppercase
    return letters[i] if i < 26 else letters[i // 26 - 1] + letters[i % 26]


# ------------------------------------------------------------------ comparing
def compare(drafts: list[Draft]) -> list[Row]:
    rows: list[Row] = []
    names = _names(drafts)
    # Facts about a person are compared under one spelling of the name, whatever each draft wrote.
    canon = {c.value: r.subject for r in names for cells in r.cells.values() for c in cells}

    def who(name: str) -> str:
        return canon.get(name, name)

    rows += names
    rows += _counts(drafts)
    rows += _mentions(drafts, "age", lambda doc: _claims().ages(doc), lambda m: who(m.subject))
    rows += _mentions(drafts, "prison-sentence", lambda doc: _claims().prison_terms(doc),
                      lambda m: who(m.subject) if m.subject else "(unnamed)")
    rows += _dates(drafts, who)
    rows += _quotes(drafts, who)
    return rows


def _claims():
    from .. import claims

    return claims


def _line(doc, offset: int) -> int:
    return doc.line_col(offset)[0]


def _differs(values: dict[str, set]) -> bool:
    """True when at least two drafts give different values."""
    distinct = {frozenset(v) for v in values.values() if v}
    return len(distinct) > 1


def _names(drafts: list[Draft]) -> list[Row]:
    claims = _claims()
    uses: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))  # form -> label -> lines
    mid_sentence: set[str] = set()  # forms seen inside a sentence at least once: names, not openers
    for d in drafts:
        for w in claims.capitalised_words(d.doc):
            if len(w.text) >= 5 and w.text not in claims._NOT_NAMES:
                uses[w.text][d.label].append(_line(d.doc, w.start))
                if not w.initial:
                    mid_sentence.add(w.text)
    proper = [f for f in uses if f in mid_sentence]
    parent: dict[str, str] = {f: f for f in proper}

    def find(f: str) -> str:
        while parent[f] != f:
            parent[f] = parent[parent[f]]
            f = parent[f]
        return f

    by_letter: dict[str, list[str]] = defaultdict(list)
    for f in proper:
        by_letter[f[0].lower()].append(f)
    for group in by_letter.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if abs(len(a) - len(b)) > 2 or not claims.variant_pair(a, b):
                    continue
                if claims.dictionary_word(a) and claims.dictionary_word(b):
                    continue  # Johnson and Johnston: two names, not one spelled two ways
                parent[find(a)] = find(b)
    clusters: dict[str, list[str]] = defaultdict(list)
    for f in proper:
        clusters[find(f)].append(f)
    rows = []
    for forms in clusters.values():
        if len(forms) < 2:
            continue
        per_draft = {d.label: {f for f in forms if d.label in uses[f]} for d in drafts}
        if not _differs(per_draft):
            continue
        total = Counter({f: sum(len(v) for v in uses[f].values()) for f in forms})
        row = Row("name", total.most_common(1)[0][0])
        for d in drafts:
            cells = []
            for f in sorted(per_draft[d.label], key=lambda f: -len(uses[f][d.label])):
                n = len(uses[f][d.label])
                cells.append(Cell(f + (f" ×{n}" if n > 1 else ""), uses[f][d.label][0], f))
            row.cells[d.label] = cells
        rows.append(row)
    return sorted(rows, key=lambda r: r.subject)


def _counts(drafts: list[Draft]) -> list[Row]:
    claims = _claims()
    found: dict[tuple[str, str], dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for d in drafts:
        for c in claims.counts(d.doc):
            if c.event is None:
                continue
            key = ("people" if c.noun in _PERSONS else c.noun, c.event)
            found[key][d.label].append(c)
    rows = []
    for (noun, event), by in found.items():
        if len(by) < 2:
            continue
        disagree = any(not a.agrees(b) for la, xs in by.items() for lb, ys in by.items() if la < lb
                       for a in xs for b in ys)
        if not disagree:
            continue
        row = Row("count", f"{noun} {event}")
        for d in drafts:
            row.cells[d.label] = [Cell(c.text, _line(d.doc, c.start), (c.low, c.high)) for c in by.get(d.label, [])]
        rows.append(row)
    return sorted(rows, key=lambda r: r.subject)


def _mentions(drafts: list[Draft], kind: str, extract, key) -> list[Row]:
    found: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for d in drafts:
        for m in extract(d.doc):
            found[key(m)][d.label].append(Cell(m.value, _line(d.doc, m.start), m.value))
    rows = []
    for subject, by in found.items():
        values = {label: {c.value for c in cells} for label, cells in by.items()}
        if len(by) < 2 or not _differs(values):
            continue
        row = Row(kind, subject)
        for d in drafts:
            row.cells[d.label] = _dedupe(by.get(d.label, []))
        rows.append(row)
    return sorted(rows, key=lambda r: r.subject)


def _dedupe(cells: list[Cell]) -> list[Cell]:
    seen, out = set(), []
    for c in cells:
        if c.value not in seen:
            seen.add(c.value)
            out.append(c)
    return out


def _dates(drafts: list[Draft], who=lambda name: name) -> list[Row]:
    claims = _claims()
    found: dict[tuple[str, str], dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for d in drafts:
        for e in claims.event_dates(d.doc):
            found[(e.event, who(e.subject))][d.label].append(e)
    rows = []
    for (event, subject), by in found.items():
        if len(by) < 2:
            continue
        flat = [(label, e) for label, es in by.items() for e in es]
        if all(a.same_day(b) for _la, a in flat for _lb, b in flat):
            continue
        row = Row("date", f"{subject}'s {event}")
        for d in drafts:
            row.cells[d.label] = _dedupe([Cell(e.text, _line(d.doc, e.start), (e.month, e.day, e.year))
                                          for e in by.get(d.label, [])])
        rows.append(row)
    return sorted(rows, key=lambda r: r.subject)


_PUNCT = re.compile(r"[^\w\s'’-]")


def _words(text: str) -> list[str]:
    return _PUNCT.sub(" ", text.lower()).split()


def _quotes(drafts: list[Draft], who=lambda name: name) -> list[Row]:
    """Quotations attributed to the same speaker that are close but not the same words."""
    claims = _claims()
    by_speaker: dict[str, list[tuple[str, object, object]]] = defaultdict(list)
    for d in drafts:
        for q in claims.quotes(d.doc):
            by_speaker[who(q.subject)].append((d.label, q, d.doc))
    rows = []
    for speaker, items in by_speaker.items():
        used: set[int] = set()
        for i, (la, qa, doc_a) in enumerate(items):
            if i in used:
                continue
            group = [(la, qa, doc_a)]
            for j in range(i + 1, len(items)):
                lb, qb, doc_b = items[j]
                if j in used or lb in {g[0] for g in group}:
                    continue
                ratio = difflib.SequenceMatcher(None, _words(qa.value), _words(qb.value)).ratio()
                if ratio >= 0.5:
                    group.append(items[j])
                    used.add(j)
            versions = {_words(q.value).__repr__() for _l, q, _d in group}
            if len(group) < 2 or len(versions) < 2:
                continue
            row = Row("quote", speaker)
            for d in drafts:
                row.cells[d.label] = [Cell(f"“{q.value.rstrip(',;: ')}”", _line(doc, q.start), q.value.rstrip(",;: "))
                                      for lbl, q, doc in group if lbl == d.label]
            rows.append(row)
    return sorted(rows, key=lambda r: r.subject)


def word_changes(a: str, b: str) -> str:
    """'free → released; + political': how quotation b differs from a, word by word."""
    wa, wb = [w.strip(",;:") for w in a.split()], [w.strip(",;:") for w in b.split()]
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, [w.lower().strip(".,;:!?\"“”") for w in wa],
                                                      [w.lower().strip(".,;:!?\"“”") for w in wb]).get_opcodes():
        if op == "replace":
            parts.append(f"{' '.join(wa[i1:i2])} → {' '.join(wb[j1:j2])}")
        elif op == "delete":
            parts.append(f"− {' '.join(wa[i1:i2])}")
        elif op == "insert":
            parts.append(f"+ {' '.join(wb[j1:j2])}")
    return "; ".join(parts) or "punctuation only"


# ------------------------------------------------------------------ rendering
def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def _cell_text(cells: list[Cell]) -> str:
    return "; ".join(c.text for c in cells) if cells else "—"


def render(drafts: list[Draft], rows: list[Row], width: int = 120) -> str:
    out = [f"Comparing {len(drafts)} drafts:"]
    for d in drafts:
        out.append(f"  {d.label}  {d.path}")
    out.append("")
    if not rows:
        out.append("No disagreements found in names, counts, ages, prison sentences, dates or quotes.")
        return "\n".join(out) + "\n"
    labels = [d.label for d in drafts]
    what_w = min(28, max(12, *(len(r.subject) + 2 for r in rows if r.kind != "quote"), 12))
    col_w = max(10, (width - what_w - 2 * len(labels)) // len(labels))
    marked = False
    for kind, title in SECTIONS:
        section = [r for r in rows if r.kind == kind]
        if not section:
            continue
        if kind == "quote":
            out.append("QUOTES (the same speaker, different words)")
            for r in section:
                out.append(f"  {r.subject}")
                versions = [(lbl, c) for lbl in labels for c in r.cells.get(lbl, [])]
                for lbl, c in versions:
                    out.append(f"    {lbl}  line {c.line}: {c.text}")
                base_label, base = versions[0]
                for lbl, c in versions[1:]:
                    if _words(str(c.value)) != _words(str(base.value)):
                        out.append(f"       {lbl} vs {base_label}: {word_changes(str(base.value), str(c.value))}")
            out.append("")
            continue
        header = title.ljust(what_w) + "".join("  " + lbl.ljust(col_w) for lbl in labels)
        out.append(header.rstrip())
        for r in section:
            texts = {lbl: _cell_text(r.cells.get(lbl, [])) for lbl in labels}
            majority = _majority(r, labels)
            line = ("  " + r.subject).ljust(what_w)[:what_w]
            for lbl in labels:
                t = texts[lbl]
                if majority is not None and r.cells.get(lbl) and _key(r.cells[lbl]) != majority:
                    t = "*" + t
                    marked = True
                line += "  " + _fit(t, col_w).ljust(col_w)
            out.append(line.rstrip())
        out.append("")
    n = len(rows)
    out.append(f"{n} disagreement{'s' if n != 1 else ''} across {len(drafts)} drafts"
               + ("; * marks a value that differs from most drafts" if marked else ""))
    return "\n".join(out) + "\n"


def _key(cells: list[Cell]) -> tuple:
    return tuple(sorted(str(c.value) for c in cells))


def _majority(row: Row, labels: list[str]) -> tuple | None:
    """The value most drafts give, when more than half of the drafts that give one agree."""
    keys = [_key(row.cells[lbl]) for lbl in labels if row.cells.get(lbl)]
    if len(keys) < 3:
        return None
    key, n = Counter(keys).most_common(1)[0]
    return key if n * 2 > len(keys) else None
