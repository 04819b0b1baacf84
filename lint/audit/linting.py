"""The audit's one link to the engine: finding drafts, linting a batch of them, and what the
fact packs are current to.

Everything else in :mod:`lint.audit` works on :class:`DraftRecord`, the small summary of one
draft that travels back from a Dask worker: counts, never findings' text or the document.
A draft is linted exactly as ``newslint check`` lints it (the same engine, the config found
for its path, the same reading and decoding), so its counts are those of ``check --format
json`` at the same date and config.
"""
from __future__ import annotations

import datetime as _dt
import os
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

if TYPE_CHECKING:  # pragma: no cover
    from ..engine import Engine, EngineSpec

UNDATED = "undated"


@dataclass(frozen=True)
class AuditSpec:
    """How every worker builds its engine (the engine spec ``check`` uses), and which
    front-matter fields it reports (pickles)."""

    engine: "EngineSpec"
    fields: tuple[str, ...] = ()

    def build(self) -> "Engine":
        return self.engine.build()


@dataclass
class DraftRecord:
    """What the audit keeps of one draft."""

    path: str
    date: str = ""  # the date it was judged at (ISO), as check reports it
    date_source: str = ""
    month: str = UNDATED  # YYYY-MM of the article's own date (front matter or dateline)
    fields: dict[str, tuple[str, ...]] = field(default_factory=dict)
    words: int = 0
    sentences: int = 0
    grade: float | None = None  # the draft's reading grade level (as ``check --stats`` gives it)
    findings: int = 0
    categories: dict[str, int] = field(default_factory=dict)
    severities: dict[str, int] = field(default_factory=dict)
    rules: dict[str, int] = field(default_factory=dict)
    notices: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = ()
    error: str | None = None


# ------------------------------------------------------------------ finding the drafts
class Walker:
    """Drafts under the given paths, found lazily (the client never holds the whole list).

    The same drafts as ``newslint check``: files named are linted whatever their type;
    in folders, ``*.md``, ``*.markdown`` and ``*.txt`` not excluded by their config, hidden
    files and folders left out. Other files in folders are counted in :attr:`not_drafts`,
    excluded ones in :attr:`excluded`, folders that cannot be read listed in :attr:`errors`.
    """

    def __init__(self, paths: Iterable[str], spec: AuditSpec, engine: "Engine | None" = None) -> None:
        self.paths = list(paths)
        self.engine = engine or spec.build()
        self.not_drafts = 0
        self.excluded = 0
        self.errors: list[str] = []

    def missing(self) -> list[str]:
        return [p for p in self.paths if not (Path(p).exists() or Path(p).is_symlink())]

    def __iter__(self) -> Iterator[str]:
        self.not_drafts = self.excluded = 0
        self.errors = []
        for raw in self.paths:
            p = Path(raw)
            if p.is_dir():
                yield from self._folder(p, raw)
            elif p.exists() or p.is_symlink():
                if self.engine.config_for(p).is_excluded(p):
                    self.excluded += 1
                else:
                    yield str(p)

    def _folder(self, root: Path, raw: str) -> Iterator[str]:
        from ..engine.paths import EXTENSIONS, files_in

        for f in files_in(root, raw, self.errors):
            if f.suffix.lower() not in EXTENSIONS:
                self.not_drafts += 1
            elif self.engine.config_for(f).is_excluded(f):
                self.excluded += 1
            else:
                yield str(f)


def validate(spec: AuditSpec, engine: "Engine", where: str | Path = ".") -> None:
    """Build the rule set of the config nearest ``where``: a bad config, pack or ``--select``
    stops the audit before any worker starts (ConfigError, PackError: exit 2)."""
    engine.ruleset(engine.config_for(Path(where).resolve()))


def count_drafts(paths: Iterable[str], spec: AuditSpec, engine: "Engine | None" = None) -> int:
    return sum(1 for _ in Walker(paths, spec, engine))


# ------------------------------------------------------------------ linting, on a worker
_ENGINES = threading.local()  # one engine per worker thread and spec: rules compiled once


def _engine(spec: AuditSpec) -> "Engine":
    cache = getattr(_ENGINES, "cache", None)
    if cache is None:
        cache = _ENGINES.cache = {}
    engine = cache.get(spec)
    if engine is None:
        engine = cache[spec] = spec.build()
    return engine


def lint_batch(spec: AuditSpec, paths: list[str], cwd: str | None = None) -> list[DraftRecord]:
    """Lint these drafts (a Dask task): one record each, an unreadable draft a record with ``error``.

    Relative paths are read from ``cwd``, the client's folder (a worker may run elsewhere),
    and reported as given, as ``check`` reports them.
    """
    engine = _engine(spec)
    out = []
    for p in paths:
        full = os.path.join(cwd, p) if cwd and not os.path.isabs(p) else p
        try:
            record = lint_one(engine, spec, full)
        except Exception as exc:  # a config or pack that cannot be read for this path: listed, not fatal
            record = DraftRecord(full, error=str(exc) or type(exc).__name__)
        record.path = p
        out.append(record)
    return out


def lint_one(engine: "Engine", spec: AuditSpec, path: str) -> DraftRecord:
    from ..document import Document
    from ..reading import ReadError, decode_draft, read_path

    try:
        text = decode_draft(read_path(path), path)
    except ReadError as exc:
        return DraftRecord(path, error=str(exc))
    except OSError as exc:  # read_path reports what it knows as ReadError; this is the rest
        return DraftRecord(path, error=f"{path}: {exc.strerror or exc}")
    cfg = engine.config_for(Path(path))
    result, doc = engine.check_document(text, path, config=cfg)
    if result.error:
        return DraftRecord(path, error=result.error)
    try:
        head = doc if isinstance(doc, Document) else _first_piece(engine, text, path)
        metadata = head.metadata if isinstance(head.metadata, dict) else {}
        month = _own_month(head, result, cfg)
    finally:
        if isinstance(doc, Document):
            doc.release()
    findings = result.findings
    stats = result.stats or {}
    return DraftRecord(
        path=path,
        date=result.date.isoformat() if result.date else "",
        date_source=result.date_source,
        month=month,
        fields={name: field_values(metadata, name) for name in spec.fields if name != "month"},
        words=int(stats.get("words", 0)),
        sentences=int(stats.get("sentences", 0)),
        grade=stats.get("grade_level") if stats.get("words") else None,
        findings=len(findings),
        categories=dict(Counter(f.category for f in findings)),
        severities=dict(Counter(f.severity.label for f in findings)),
        rules=dict(Counter(f.rule for f in findings)),
        notices=tuple((n.kind, n.rule, tuple(n.subjects)) for n in result.notices),
    )


def _first_piece(engine: "Engine", text: str, path: str):
    """A draft long enough to be linted in pieces: its front matter and dateline are in the first."""
    from ..engine import pieces
    from ..document import fmt_for

    first = next(iter(pieces.cut(text)))
    return engine.parse(first.text, path, fmt_for(path))


def _own_month(doc, result, cfg) -> str:
    """The article's own month: from its front matter or dateline, even when ``--date`` or the
    config set the date it is judged at (an audit of trends needs when it was written)."""
    if result.date_source in ("front-matter", "dateline") and result.date:
        return result.date.strftime("%Y-%m")
    from .. import article_date
    from ..document import DocumentError

    try:
        when, source = article_date.resolve(doc, None, None, _dt.date(1, 1, 1))
    except DocumentError:
        return UNDATED
    return when.strftime("%Y-%m") if source in ("front-matter", "dateline") else UNDATED


def field_values(metadata: dict, name: str) -> tuple[str, ...]:
    """A front-matter field's values as group names: a list gives one group per item; ``desk``
    falls back to ``section`` (newsrooms call it either)."""
    value = metadata.get(name)
    if value in (None, "", []) and name == "desk":
        value = metadata.get("section")
    if value in (None, "", []):
        return ()
    items = value if isinstance(value, (list, tuple, set)) else [value]
    out = []
    for item in items:
        s = " ".join(str(item).split())
        if s and s not in out:
            out.append(s)
    return tuple(out)


# ------------------------------------------------------------------ what the audit was judged against
def fact_packs(spec: AuditSpec, engine: "Engine | None" = None, where: str | Path = ".") -> list[tuple[str, str]]:
    """``(name, as_of)`` of the fact packs the config nearest ``where`` loads."""
    from ..facts import fact_pack_paths, load_base

    engine = engine or spec.build()
    cfg = engine.config_for(Path(where).resolve())
    paths = fact_pack_paths(_settings(engine, cfg))
    base = load_base(paths)
    return [(p.name, p.as_of.isoformat()) for p in base.packs]


def _settings(engine: "Engine", cfg):
    import dataclasses

    settings = cfg.settings(frozenset())
    return dataclasses.replace(settings, registered_fact_packs=engine.registered_fact_packs(cfg.shipped_facts))
