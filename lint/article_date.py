"""Which date an article is judged at, and where that date came from.

Order (DESIGN.md): ``--date``, the config, front matter ``date:``, a dateline or full
date in the opening paragraphs, else today.
"""
from __future__ import annotations

import datetime as _dt

from .config import parse_date
from .datetext import first_full_date
from .document import Document, DocumentError

OPENING_BLOCKS = 3


def resolve(doc: Document, cli: _dt.date | None, config: _dt.date | None,
            today: _dt.date | None = None) -> tuple[_dt.date, str]:
    if cli is not None:
        return cli, "cli"
    if config is not None:
        return config, "config"
    if "date" in doc.metadata and doc.metadata["date"] not in (None, ""):
        def err(msg: str) -> DocumentError:
            return DocumentError(f"{doc.path}: front matter 'date': {msg}")

        return parse_date(doc.metadata["date"], err), "front-matter"
    for block in _opening_blocks(doc):
        found = first_full_date(doc.prose, block.start, block.end)
        if found is not None:
            return found, "dateline"
    return (today or _dt.date.today()), "today"


def _opening_blocks(doc: Document) -> list:
    """The first blocks of the article. In text pasted a paragraph per line, the page's
    menus come first: the opening is counted from the first block that is not furniture."""
    if not doc.per_line:
        return doc.blocks[:OPENING_BLOCKS + 1]
    furniture = doc.furniture
    return [b for b in doc.blocks if not furniture.covers(b.start, b.end)][:OPENING_BLOCKS + 1]
