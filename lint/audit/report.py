"""``report.html``: one self-contained page a standards editor can read.

Everything is inline (styles and SVG charts); the page loads nothing from the network.
Drafts are linked by their path relative to the report, so the page opened from the
output folder opens the draft.
"""
from __future__ import annotations

import os
from html import escape
from pathlib import Path
from urllib.parse import quote

from . import charts
from .aggregate import CATEGORY_ORDER, Aggregate

TOP_RULES = 20
TOP_GROUPS = 20
LISTED_UNREADABLE = 100

STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1040px;
padding:1.5em;color:#1d1d1f;background:#fff}
h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.2em;margin-top:1.8em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.6em 0;font-size:.92em}th,td{padding:.25em .7em;text-align:left;
border-bottom:1px solid #eee;vertical-align:top}td:first-child{white-space:nowrap}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.meta{color:#555}.warn{background:#fff4d6;border:1px solid #e6c15c;padding:.6em 1em;border-radius:4px}
figure{margin:1em 0}figure svg{width:100%;height:auto}code{font-size:.95em}
"""


def _n(value: float) -> str:
    return f"{value:,.2f}" if isinstance(value, float) else f"{value:,}"


def _opt(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _table(head: list[str], rows: list[list[str]], numeric: set[int]) -> str:
    th = "".join(f'<th{" class=n" if i in numeric else ""}>{escape(h)}</th>' for i, h in enumerate(head))
    body = "".join("<tr>" + "".join(f'<td{" class=n" if i in numeric else ""}>{c}</td>' for i, c in enumerate(r))
                   + "</tr>" for r in rows)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def _link(path: str, out_dir: Path) -> str:
    try:
        target = os.path.relpath(Path(path).resolve(), out_dir.resolve())
    except ValueError:  # another drive (Windows)
        target = str(Path(path).resolve())
    return f'<a href="{escape(quote(Path(target).as_posix()))}">{escape(path)}</a>'


def render(agg: Aggregate, summary: dict, out_dir: Path) -> str:
    total = agg.total
    parts = [f"<h1>newslint audit</h1><p class=meta>{escape(', '.join(summary.get('paths', [])))}</p>"]
    if summary.get("interrupted"):
        parts.append(f"<p class=warn>The audit was stopped after {agg.drafts:,} drafts; this report covers those "
                     "only.</p>")
    parts.append(_judged(summary))
    parts.append("<h2>Totals</h2>" + _table(
        ["drafts", "linted", "unreadable", "words", "findings", "per 1,000 words", "average grade",
         "words per sentence"],
        [[_n(agg.drafts), _n(total.drafts), _n(agg.unreadable), _n(total.words), _n(total.findings),
          _n(total.per_1000(total.findings)), _opt(total.average_grade), _opt(total.average_sentence_words)]],
        {0, 1, 2, 3, 4, 5, 6, 7}))
    cats = [c for c in CATEGORY_ORDER if total.categories[c]]
    if cats:
        parts.append(_table(["category", "findings", "per 1,000 words"],
                            [[escape(c), _n(total.categories[c]), _n(total.per_1000(total.categories[c]))]
                             for c in cats], {1, 2}))
    parts.append("<h2>Over the months</h2>")
    figures = [charts.categories_over_months(agg)]
    figures += [charts.groups_over_months(agg, f) for f in agg.fields if f != "month"]
    drawn = [f for f in figures if f]
    parts.extend(f"<figure>{svg}</figure>" for svg in drawn)
    if not drawn:
        parts.append("<p>No dated drafts with findings: nothing to draw. Drafts are dated by their front "
                     "matter <code>date:</code> or a dateline.</p>")
    undated = agg.months.get("undated")
    if undated is not None:
        have = "draft has" if undated.drafts == 1 else "drafts have"
        parts.append(f"<p class=meta>{undated.drafts:,} {have} no date of their own (front matter or dateline) "
                     "and are left out of the charts.</p>")
    parts.append("<h2>Rules that fire most</h2>")
    rules = total.rules.most_common(TOP_RULES)
    parts.append(_table(["rule", "findings", "per 1,000 words", "share of findings"],
                        [[f"<code>{escape(r)}</code>", _n(n), _n(total.per_1000(n)),
                          f"{100 * n / total.findings:.1f}%"] for r, n in rules], {1, 2, 3})
                 if rules else "<p>No findings.</p>")
    for field in agg.fields:
        parts.append(_groups(agg, field))
    parts.append("<h2>Drafts with the most findings</h2>")
    top = agg.top_drafts()
    parts.append(_table(["draft", "findings", "words", "categories"],
                        [[_link(d["path"], out_dir), _n(d["findings"]), _n(d["words"]),
                          escape(", ".join(f"{c} {n}" for c, n in d["by_category"].items()))] for d in top], {1, 2})
                 if top else "<p>No draft has a finding.</p>")
    if agg.unreadable:
        listed = agg.unreadable_listed[:LISTED_UNREADABLE]
        more = agg.unreadable - len(listed)
        parts.append(f"<h2>Drafts that could not be linted ({agg.unreadable:,})</h2>")
        parts.append(_table(["draft", "why"], [[escape(p), escape(e)] for p, e in listed], set()))
        if more:
            parts.append(f"<p class=meta>and {more:,} more (see drafts.csv).</p>")
    body = "\n".join(parts)
    return (f"<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
            f"<meta name=viewport content='width=device-width,initial-scale=1'>"
            f"<title>newslint audit</title><style>{STYLE}</style></head><body>\n{body}\n</body></html>\n")


def _judged(summary: dict) -> str:
    judged = summary.get("judged", {})
    if judged.get("date"):
        when = f"every draft at <b>{escape(judged['date'])}</b> (--date)"
    else:
        dates = judged.get("dates") or []
        span = f"{escape(dates[0])} to {escape(dates[1])}" if dates else "no dates"
        sources = ", ".join(f"{escape(k)} {v:,}" for k, v in judged.get("date_sources", {}).items())
        when = f"each draft at its own date ({span}; from {sources or 'nothing'})"
    packs = summary.get("fact_packs") or []
    by_date: dict[str, list[str]] = {}
    for p in packs:
        by_date.setdefault(p["as_of"], []).append(p["name"])
    pack_text = "; ".join(
        f"<span class=asof>current to <b>{escape(d)}</b></span>: {len(names)} pack{'s' if len(names) != 1 else ''} "
        f"<span class=meta>({escape(', '.join(names))})</span>" for d, names in sorted(by_date.items())) or "none"
    out = f"<p>Judged {when}.</p><p>Fact packs {pack_text}.</p>"
    for n in summary.get("notices", []):
        if n["kind"] == "stale-facts":
            names = ", ".join(f"{escape(p['name'])} ({escape(p['as_of'])})" for p in n["packs"])
            out += (f"<p class=warn>{n['drafts']:,} drafts are dated after the fact packs they name people from "
                    f"({names}); titles in them are judged as the packs knew them.</p>")
    return out


def _groups(agg: Aggregate, field: str) -> str:
    groups = agg.group_items(field)
    if not groups:
        return ""
    limit = len(groups) if field == "month" else TOP_GROUPS  # every month: the table under the charts
    rows = []
    for value, t in groups[:limit]:
        top_cats = ", ".join(f"{c} {t.per_1000(n):.2f}" for c, n in t.categories.most_common(3))
        top_rule = t.rules.most_common(1)
        rows.append([escape(value), _n(t.drafts), _n(t.words), _n(t.findings), _n(t.per_1000(t.findings)),
                     escape(top_cats), f"<code>{escape(top_rule[0][0])}</code>" if top_rule else "",
                     _opt(t.average_grade)])
    more = f"<p class=meta>and {len(groups) - limit:,} more (see summary.json).</p>" if len(groups) > limit else ""
    return (f"<h2>By {escape(field)}</h2>"
            + _table([field, "drafts", "words", "findings", "per 1,000 words", "top categories per 1,000 words",
                      "top rule", "average grade"], rows, {1, 2, 3, 4, 7}) + more)
