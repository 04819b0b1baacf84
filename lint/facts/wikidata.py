"""Turning a Wikidata Query Service export of position-held statements into a fact pack.

Accepts the two download shapes of the Query Service (see ``docs/facts.md``):
SPARQL 1.1 JSON results (``{"head": ..., "results": {"bindings": [...]}}``) and the
"simple JSON" list of flat objects. Every row is one P39 statement with optional
``start``/``end`` (and their precisions), ``endUnknown``, ``died``, ``nature``, ``rank``,
``statement`` and ``aliases`` (``|``-separated).

What goes wrong in real exports is reported as warnings, each naming the statement:
duplicate rows, deprecated ranks, dates less precise than a day, terms without a start,
ends recorded as "unknown value", open-ended terms that started long ago, overlapping
terms of a single-holder office, acting holders and odd labels.
"""
from __future__ import annotations

import datetime as _dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterable

_ENTITY = re.compile(r"(Q\d+)$")
_DATE = re.compile(r"^([+-]?)(\d{1,4})-(\d{2})-(\d{2})")
ACTING_NATURES = {"Q4676846"}  # "acting"; other natures of statement are kept with a warning
PRECISION_DAY, PRECISION_MONTH, PRECISION_YEAR = 11, 10, 9


class ImportError_(Exception):
    """The export cannot be read (not JSON, or not one of the two shapes)."""


@dataclass
class Statement:
    key: str
    person: str  # Q-id
    person_label: str
    position: str
    position_label: str
    start: str | None = None
    start_precision: int | None = None
    end: str | None = None
    end_precision: int | None = None
    end_unknown: bool = False
    died: str | None = None
    natures: set[str] = field(default_factory=set)
    nature_labels: set[str] = field(default_factory=set)
    aliases: list[str] = field(default_factory=list)
    country: str | None = None  # the optional ``countryLabel`` variable: the office's country


@dataclass
class Result:
    yaml: str
    warnings: list[str]
    people: int
    offices: int
    terms: int


def _value(cell: Any) -> str | None:
    if cell is None:
        return None
    if isinstance(cell, dict):
        v = cell.get("value")
        return None if v is None else str(v)
    if isinstance(cell, bool):
        return "true" if cell else "false"
    return str(cell)


def read_rows(data: Any) -> list[dict[str, str]]:
    """Rows as ``{variable: string value}`` from either export shape."""
    if isinstance(data, dict) and isinstance(data.get("results"), dict) and isinstance(data["results"].get("bindings"), list):
        rows = data["results"]["bindings"]
    elif isinstance(data, list):
        rows = data
    else:
        raise ImportError_("not a Wikidata Query Service export: expected SPARQL JSON results "
                           "({\"head\", \"results\": {\"bindings\"}}) or a simple JSON list of rows")
    out = []
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            raise ImportError_(f"row {i + 1} is not an object")
        out.append({k: v for k, v in ((k, _value(c)) for k, c in row.items()) if v is not None and v != ""})
    return out


def qid(value: str | None) -> str | None:
    if not value:
        return None
    m = _ENTITY.search(value.strip())
    return m.group(1) if m else None


def _bool(value: str | None) -> bool:
    return (value or "").strip().lower() in ("true", "1")


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


def fmt_wikidata_date(value: str, precision: int | None) -> tuple[str | None, str | None]:
    """``(pack date or None, problem or None)``: day, ``YYYY-MM`` or ``YYYY`` by precision."""
    m = _DATE.match(value.strip())
    if not m:
        return None, f"unreadable date {value!r}"
    sign, y, mo, d = m.groups()
    if sign == "-":
        return None, f"date before the common era ({value})"
    year = int(y)
    p = PRECISION_DAY if precision is None else precision
    if p >= PRECISION_DAY:
        try:
            return _dt.date(year, int(mo), int(d)).isoformat(), None
        except ValueError:
            return None, f"impossible date {value!r}"
    if p == PRECISION_MONTH:
        return f"{year:04d}-{int(mo):02d}", "known only to the month"
    if p == PRECISION_YEAR:
        return f"{year:04d}", "known only to the year"
    return None, f"precision {p} (coarser than a year)"


def slug(text: str) -> str:
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "x"


def _q(text: str) -> str:
    """A YAML scalar: plain when safe, else a JSON (double-quoted) string."""
    if re.fullmatch(r"[A-Za-z][\w .,'’()-]*", text) and not text.endswith(":") and ": " not in text \
            and text.lower() not in ("yes", "no", "true", "false", "null", "on", "off", "y", "n"):
        return text
    return json.dumps(text, ensure_ascii=False)


def _flow(items: Iterable[str]) -> str:
    """A YAML flow list; items with flow indicators are double-quoted."""
    out = []
    for i in items:
        plain = _q(i)
        out.append(plain if plain == i and not any(c in i for c in ",[]{}#") else json.dumps(i, ensure_ascii=False))
    return "[" + ", ".join(out) + "]"


def convert(data: Any, *, name: str, as_of: _dt.date, titles: dict[str, list[str]] | None = None,
            short_titles: dict[str, list[str]] | None = None, multi_holder: Iterable[str] = (),
            skip_acting: bool = False, max_open_years: int = 60, source: str = "") -> Result:
    """Convert an export (already parsed JSON) into fact-pack YAML text plus warnings."""
    titles = titles or {}
    short_titles = short_titles or {}
    multi = set(multi_holder)
    warnings: list[str] = []
    rows = read_rows(data)

    # 1. one statement per row; dedupe and merge
    statements: dict[str, Statement] = {}
    skipped_deprecated = 0
    for n, row in enumerate(rows, 1):
        person, position = qid(row.get("person")), qid(row.get("position"))
        if not person or not position:
            warnings.append(f"row {n}: no person or position Q-id; skipped")
            continue
        rank = row.get("rank", "")
        if rank.endswith("DeprecatedRank") or rank.lower() == "deprecated":
            skipped_deprecated += 1
            continue
        key = row.get("statement") or "|".join((person, position, row.get("start", ""), row.get("end", "")))
        st = statements.get(key)
        if st is None:
            st = statements[key] = Statement(
                key=key, person=person, person_label=row.get("personLabel", person).strip(),
                position=position, position_label=row.get("positionLabel", position).strip(),
                start=row.get("start"), start_precision=_int(row.get("startPrecision")),
                end=row.get("end"), end_precision=_int(row.get("endPrecision")),
                end_unknown=_bool(row.get("endUnknown")), died=row.get("died"),
                country=(row.get("countryLabel") or "").strip() or None,
            )
        else:
            if row.get("died") and (st.died is None or row["died"] < st.died):
                st.died = row["died"]
            st.end_unknown = st.end_unknown or _bool(row.get("endUnknown"))
        nature = qid(row.get("nature"))
        if nature:
            st.natures.add(nature)
            if row.get("natureLabel"):
                st.nature_labels.add(row["natureLabel"])
        for a in (row.get("aliases") or "").split("|"):
            a = a.strip()
            if a and a not in st.aliases:
                st.aliases.append(a)
    duplicates = len(rows) - len(statements) - skipped_deprecated
    if duplicates > 0:
        warnings.append(f"{duplicates} duplicate row(s) merged (one row per statement)")
    if skipped_deprecated:
        warnings.append(f"{skipped_deprecated} deprecated statement(s) skipped")

    # 2. people and offices
    people: dict[str, dict] = {}
    offices: dict[str, dict] = {}
    used_ids: dict[str, str] = {}

    def ident(label: str, q: str, kind: str) -> str:
        base = slug(label) if not re.fullmatch(r"Q\d+", label) else q.lower()
        pid = base
        if used_ids.get((kind, pid)) not in (None, q):  # type: ignore[call-overload]
            pid = f"{base}-{q.lower()}"
        used_ids[(kind, pid)] = q  # type: ignore[index]
        return pid

    terms: list[dict] = []
    for st in statements.values():
        where = f"statement {st.key.rsplit('/', 1)[-1]} ({st.person_label}, {st.position_label})"
        if st.person not in people:
            label = st.person_label
            aliases = [a for a in st.aliases if a.casefold() != label.casefold()]
            if re.fullmatch(r"Q\d+", label):
                if aliases:
                    warnings.append(f"{where}: person {st.person} has no English label; using alias {aliases[0]!r}")
                    label, aliases = aliases[0], aliases[1:]
                else:
                    warnings.append(f"{where}: person {st.person} has no English label or alias; named by Q-id")
            elif re.search(r"\d", label) and not re.search(r"\b[IVXLC]+$", label) or label[:1].islower():
                warnings.append(f"{where}: label {label!r} looks odd (digits or lower case); check for vandalism")
            died = None
            if st.died:
                died, problem = fmt_wikidata_date(st.died, None)
                if problem and died is None:
                    warnings.append(f"{where}: death date {problem}; left out")
            people[st.person] = {"id": ident(label, st.person, "p"), "name": label, "aliases": aliases,
                                 "died": died, "wikidata": st.person}
        else:
            p = people[st.person]
            for a in st.aliases:
                if a not in p["aliases"] and a.casefold() != p["name"].casefold():
                    p["aliases"].append(a)
        if st.position not in offices:
            label = st.position_label
            if re.fullmatch(r"Q\d+", label):
                warnings.append(f"{where}: position {st.position} has no English label; give it titles with --title")
            offices[st.position] = {"id": ident(label, st.position, "o"), "label": label,
                                    "titles": titles.get(st.position) or [label[:1].upper() + label[1:]],
                                    "short": short_titles.get(st.position, []), "wikidata": st.position,
                                    "single": st.position not in multi, "country": st.country}

        # 3. the term
        acting = bool(st.natures & ACTING_NATURES) or any("acting" in x.lower() or "interim" in x.lower() for x in st.nature_labels)
        if st.natures and not acting:
            warnings.append(f"{where}: nature of statement {', '.join(sorted(st.natures))}; kept as a normal term")
        if acting and skip_acting:
            warnings.append(f"{where}: acting holder skipped (--skip-acting)")
            continue
        if not st.start:
            warnings.append(f"{where}: no start date; term skipped")
            continue
        start, problem = fmt_wikidata_date(st.start, st.start_precision)
        if start is None:
            warnings.append(f"{where}: start {problem}; term skipped")
            continue
        if problem:
            warnings.append(f"{where}: start {start} is {problem}: questions about days in that period cannot be decided")
        end: str | None = None
        end_unknown = False
        if st.end_unknown:
            end_unknown = True
            warnings.append(f"{where}: end recorded as 'unknown value': written as 'end: unknown' "
                            "(the person is not treated as still in office)")
        elif st.end:
            end, problem = fmt_wikidata_date(st.end, st.end_precision)
            if end is None:
                warnings.append(f"{where}: end {problem}; written as 'end: unknown'")
                end_unknown = True
            elif problem:
                warnings.append(f"{where}: end {end} is {problem}: questions about days in that period cannot be decided")
        person = people[st.person]
        if end is None and not end_unknown:
            if person["died"]:
                end = person["died"]
                warnings.append(f"{where}: no end date, but {person['name']} died on {end}; the term ends at the death")
            elif int(start[:4]) < as_of.year - max_open_years:
                warnings.append(f"{where}: open-ended term that started in {start[:4]}, over {max_open_years} years "
                                "before as_of; probably a missing end date; term skipped")
                continue
        terms.append({"office": offices[st.position]["id"], "person": person["id"], "start": start, "end": end,
                      "end_unknown": end_unknown, "acting": acting, "where": where, "position": st.position})

    # 4. overlaps in single-holder offices
    from .model import FuzzyDate

    def rng(t: dict) -> tuple[_dt.date, _dt.date, _dt.date]:
        s = FuzzyDate.parse(t["start"])
        if t["end"]:
            e = FuzzyDate.parse(t["end"])
            return s.lo, s.hi, e.lo
        if t["end_unknown"]:
            return s.lo, s.hi, s.hi + _dt.timedelta(days=1)
        return s.lo, s.hi, _dt.date.max

    for q, office in offices.items():
        ts = sorted((t for t in terms if t["position"] == q), key=lambda t: rng(t)[0])
        overlaps = []
        for x, y in zip(ts, ts[1:]):
            if rng(y)[1] < rng(x)[2]:
                overlaps.append((x, y))
        open_terms = [t for t in ts if t["end"] is None and not t["end_unknown"]]
        if len(open_terms) > 1:
            warnings.append(f"office {office['id']}: {len(open_terms)} open-ended terms "
                            f"({', '.join(t['person'] for t in open_terms)})")
        if overlaps and office["single"]:
            for x, y in overlaps:
                warnings.append(f"office {office['id']}: {y['where']} overlaps {x['where']}")
            office["single"] = False
            office["overlap_note"] = True

    # 5. write
    lines = [f"# Imported from a Wikidata Query Service export{(' (' + source + ')') if source else ''} by "
             "'newslint facts import'.", "# Wikidata is CC0. Review the warnings the importer printed; "
             "titles as journalists write them are yours to add.",
             f"facts: {name}", f"as_of: {as_of.isoformat()}",
             f"description: {_q('Imported from Wikidata: ' + ', '.join(o['label'] for o in offices.values()))}",
             "sources:"]
    for o in offices.values():
        lines.append(f"  {o['id']}: {_q('Wikidata ' + o['wikidata'] + ' (position held, P39), exported ' + as_of.isoformat())}")
    if not offices:
        lines[-1] = "sources: {}"
    lines.append("people:" if people else "people: []")
    for p in sorted(people.values(), key=lambda p: p["id"]):
        lines.append(f"  - id: {p['id']}")
        lines.append(f"    name: {_q(p['name'])}")
        if p["aliases"]:
            lines.append(f"    aliases: {_flow(p['aliases'])}")
        if p["died"]:
            lines.append(f"    died: {p['died']}")
        lines.append(f"    wikidata: {p['wikidata']}")
    lines.append("offices:" if offices else "offices: []")
    for o in offices.values():
        lines.append(f"  - id: {o['id']}")
        lines.append(f"    titles: {_flow(o['titles'])}")
        if o["short"]:
            lines.append(f"    short_titles: {_flow(o['short'])}")
        if o.get("overlap_note"):
            lines.append("    # overlapping terms in the export (see the warnings): set to true once fixed")
        lines.append(f"    single_holder: {'true' if o['single'] else 'false'}")
        if o.get("country") and not re.fullmatch(r"Q\d+", o["country"]):
            lines.append(f"    country: {_q(o['country'])}")
        lines.append(f"    wikidata: {o['wikidata']}")
    lines.append("terms:" if terms else "terms: []")
    for t in sorted(terms, key=lambda t: (t["office"], t["start"], t["person"])):
        parts = [f"office: {t['office']}", f"person: {t['person']}", f"start: {t['start']}"]
        if t["end"]:
            parts.append(f"end: {t['end']}")
        elif t["end_unknown"]:
            parts.append("end: unknown")
        if t["acting"]:
            parts.append("acting: true")
        lines.append("  - {" + ", ".join(parts) + "}")
    return Result("\n".join(lines) + "\n", warnings, len(people), len(offices), len(terms))
