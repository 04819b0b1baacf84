"""The engine side of the language server: one engine per server, configs as the CLI finds
them (with the last good one kept when a config breaks), and the findings of each text.

Everything here runs on one worker thread (see :mod:`lint.lsp.server`), so the engine and
its caches are never used by two threads at once.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..config import Config, ConfigError, config_for, find_config, load_config
from ..engine import Engine
from ..findings import Finding
from ..packs import PackError
from .positions import UTF16, LineIndex

#: (message, is_error) -> None; the server shows it to the user.
Say = Callable[[str, bool], None]


@dataclass
class Linted:
    """One version of one open document and what the engine found in it."""

    uri: str
    version: int | None
    text: str
    path: str
    index: LineIndex
    findings: list[Finding] = field(default_factory=list)
    #: the parsed document (or its quotations, for long drafts): what safe fixes consult
    doc: Any = None
    error: str | None = None
    config: Config | None = None


class Linter:
    """Lints texts for the server; rule sets are built once per config and reused."""

    def __init__(self, say: Say, *, encoding: str = UTF16, date: _dt.date | None = None,
                 root: Path | None = None, engine: Engine | None = None) -> None:
        self.engine = engine or Engine()
        self.say = say
        self.encoding = encoding
        self.date = date
        self.root = root
        self._good: dict[str, Config] = {}  # config file ("" for none) -> last config that worked
        self._shown: set[str] = set()
        self._errors_seen = 0
        self._rules: dict[int, tuple[Config, dict]] = {}

    # ------------------------------------------------------------------ configs
    def config(self, path: Path) -> Config:
        """The config that governs ``path``; when it is broken, the last good one (and one message)."""
        try:
            found = find_config(path)
        except OSError:
            found = None
        key = str(found) if found else ""
        try:
            cfg = config_for(path)
            self.engine.ruleset(cfg, path)  # unknown rule ids and missing packs show up here
        except (ConfigError, PackError) as exc:
            self.tell(f"newslint: {exc}; the last good configuration stays in use", error=True)
            fallback = self._good.get(key)
            if fallback is None:
                fallback = self._good[key] = Config(root=path.parent if path.suffix else path)
            return fallback
        self._good[key] = cfg
        return cfg

    def reload(self) -> None:
        """Forget parsed configs (a config file changed); the next lint reads them again.

        A fresh engine (same plugins) drops the rule sets of the old configs, which an engine
        keeps for as long as it lives, and re-reads the workspace's own packs."""
        load_config.cache_clear()
        self.engine = Engine(plugins=self.engine.plugins)
        self._shown.clear()
        self._rules.clear()

    def tell(self, message: str, error: bool = False) -> None:
        """Say a message once (until the next reload), however many lints run into it."""
        if message not in self._shown:
            self._shown.add(message)
            self.say(message, error)

    # ------------------------------------------------------------------ linting
    def lint(self, uri: str, text: str, version: int | None, path: str) -> Linted:
        out = Linted(uri, version, text, path, LineIndex(text, self.encoding))
        where = Path(path) if path != "<stdin>" else (self.root or Path.cwd())
        cfg = out.config = self.config(where)
        if path != "<stdin>" and cfg.is_excluded(path):
            return out
        try:
            result, out.doc = self.engine.check_document(text, path, config=cfg, date=self.date)
        except Exception as exc:  # a bug must cost one document its findings, not the server
            out.error = f"newslint could not lint this document: {type(exc).__name__}: {exc}"
            return out
        out.findings = result.findings
        out.error = result.error
        self._report_engine_errors()
        return out

    def _report_engine_errors(self) -> None:
        errors = self.engine.errors
        for err in errors[self._errors_seen:]:
            self.tell(f"newslint: {err}", error=False)
        self._errors_seen = len(errors)

    # ------------------------------------------------------------------ rules
    def rules(self, cfg: Config) -> dict:
        """Rule id -> rule for every rule of ``cfg``'s packs, selected or not (for hover)."""
        entry = self._rules.get(id(cfg))
        if entry is None or entry[0] is not cfg:
            try:
                rules = {r.id: r for r in self.engine.all_rules(cfg)}
            except (ConfigError, PackError):
                rules = {}
            entry = self._rules[id(cfg)] = (cfg, rules)
        return entry[1]

    def vocabulary_file(self, path: str) -> Path | None:
        """The config file a word is added to: the governing ``.newslint.yaml``, or a new one at
        the workspace root; None when the config is a pyproject.toml (not rewritten)."""
        where = Path(path) if path != "<stdin>" else (self.root or Path.cwd())
        found = find_config(where)
        if found is None:
            folder = self.root or (where.parent if where.suffix else where)
            return folder / ".newslint.yaml"
        return None if found.name == "pyproject.toml" else found
