"""The report's charts, drawn with matplotlib as SVG text to put inline in the page.

No pyplot: a :class:`matplotlib.figure.Figure` renders straight to SVG, so nothing here
touches a GUI backend or global figure state. Text stays text (``svg.fonttype: none``),
which keeps the page small and readable by a screen reader.
"""
from __future__ import annotations

import io
import re
from typing import Sequence

from .aggregate import CATEGORY_ORDER, Aggregate, Tally

MAX_GROUPS = 6  # lines per panel: more are unreadable
MAX_PANELS = 4
MAX_LABELS = 12  # month labels on an axis


def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def _svg(fig) -> str:
    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "newslint-audit"}):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    text = buf.getvalue()
    # Inline in HTML: no XML declaration or DOCTYPE; the <svg> element scales with the page.
    text = text[text.index("<svg"):]
    return re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1', text, count=1)


def _months_axis(ax, months: Sequence[str]) -> None:
    step = max(1, -(-len(months) // MAX_LABELS))
    ax.set_xticks(range(0, len(months), step), [months[i] for i in range(0, len(months), step)],
                  rotation=45, ha="right", fontsize=8)
    ax.set_xlim(-0.5, len(months) - 0.5)
    ax.set_ylim(bottom=0)
    ax.grid(axis="y", alpha=0.3)
    ax.tick_params(axis="y", labelsize=8)


def _rate(tally: Tally | None, category: str | None) -> float:
    if tally is None or not tally.words:
        return float("nan")  # a gap in the line: no copy that month
    n = tally.findings if category is None else tally.categories[category]
    return 1000 * n / tally.words


def categories_over_months(agg: Aggregate) -> str | None:
    """Findings per 1,000 words of each category, month by month, over every draft."""
    months = agg.month_names()
    present = [c for c in CATEGORY_ORDER if agg.total.categories[c]]
    if not months or not present:
        return None
    fig = _figure(9, 3.6)
    ax = fig.add_subplot()
    for c in present:
        ax.plot(range(len(months)), [_rate(agg.months.get(m), c) for m in months], marker="o", markersize=3,
                linewidth=1.5, label=c)
    _months_axis(ax, months)
    ax.set_ylabel("findings per 1,000 words", fontsize=9)
    ax.set_title("All drafts: findings per 1,000 words by category", fontsize=10)
    ax.legend(fontsize=8, ncol=min(5, len(present)), loc="upper left", frameon=False)
    return _svg(fig)


def groups_over_months(agg: Aggregate, field: str) -> str | None:
    """One panel per category (the most frequent ones), one line per group of ``field``."""
    months = agg.month_names()
    trends = agg.trends.get(field) or {}
    groups = agg.group_items(field)
    names = [v for v, _t in groups if v in trends][:MAX_GROUPS]
    cats = [c for c, _n in agg.total.categories.most_common(MAX_PANELS)]
    if not months or not names or not cats:
        return None
    cols = 2 if len(cats) > 1 else 1
    rows = -(-len(cats) // cols)
    fig = _figure(9, 2.6 * rows + 0.6)
    axes = fig.subplots(rows, cols, squeeze=False, sharex=True)
    for i, c in enumerate(cats):
        ax = axes[i // cols][i % cols]
        for v in names:
            ax.plot(range(len(months)), [_rate(trends[v].get(m), c) for m in months], marker="o", markersize=2.5,
                    linewidth=1.2, label=v)
        _months_axis(ax, months)
        ax.set_title(c, fontsize=9)
    for j in range(len(cats), rows * cols):
        axes[j // cols][j % cols].set_visible(False)
    fig.suptitle(f"Findings per 1,000 words by {field}", fontsize=10)
    fig.legend(*axes[0][0].get_legend_handles_labels(), fontsize=8, loc="outside lower center",
               ncol=min(MAX_GROUPS, len(names)), frameon=False)
    return _svg(fig)
