"""Building rule sets and running them over documents, and filtering what they find.

The engine owns everything that is the same for every rule: skip contexts (quotes,
headings, block quotes, reader comments), inline suppressions, severity overrides,
select/ignore, positions, and isolation of rules that raise. A run's files are read by
the runner (:mod:`lint.engine.runner`), through :mod:`lint.reading`, and given to it as text.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import gc
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from .. import article_date, packs
from ..config import Config, ConfigError, config_for
from ..document import Document, DocumentError
from ..findings import CATEGORIES, Finding, Severity
from ..notices import Notice
from ..plugins import BUILTIN, PluginError, Plugins, build
from ..rule import Rule
from .results import FileResult, RunError
from .selection import RETIRED_IDS, UNUSED_SUPPRESSION, is_selected, matches, severity_for

if TYPE_CHECKING:  # pragma: no cover
    from . import timebudget


@dataclass
class RuleSet:
    rules: list[Rule]
    severity: tuple[tuple[str, Severity], ...]
    known_ids: frozenset[str]
    plugin_of: dict[str, str]
    report_unused_suppressions: bool = True
    #: Clutter rules that match whole lines by phrase, selected or not (see Engine._phrase_covered).
    clutter_phrases: tuple = ()
    #: every rule of the packs, selected or not (opt-in ones too)
    every: tuple[Rule, ...] = ()

    #: The furniture shapes that selected rules report (see lint/kinds/furniture.py).
    furniture_shapes: frozenset[str] = field(init=False, default=frozenset())

    def __post_init__(self) -> None:
        self.furniture_shapes = frozenset(r.options["shape"] for r in self.rules if r.kind == "furniture")


@dataclass(frozen=True)
class EngineSpec:
    """What a run's engine is built from; it pickles, so a worker process builds the same engine."""

    date: _dt.date | None = None
    config: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    stats: bool = False
    today: _dt.date | None = None
    facts_as_of: _dt.date | None = None

    def build(self, plugins: Plugins | None = None) -> "Engine":
        return Engine(date=self.date, config=self.config, select=self.select, ignore=self.ignore,
                      stats=self.stats, today=self.today, facts_as_of=self.facts_as_of, plugins=plugins)


class Engine:
    """Lints texts. One engine serves a whole run; rule sets are cached per config."""

    def __init__(
        self,
        *,
        date: _dt.date | None = None,
        config: str | None = None,
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        plugins: Plugins | None = None,
        today: _dt.date | None = None,
        stats: bool = False,
        facts_as_of: _dt.date | None = None,
    ) -> None:
        self.spec = EngineSpec(date, config, tuple(select), tuple(ignore), stats, today, facts_as_of)
        self.cli_date = date
        self.cli_facts_as_of = facts_as_of
        self.stats = stats  # add readability statistics to every FileResult
        self.config_path = config
        self.cli_select = tuple(select)
        self.cli_ignore = tuple(ignore)
        self.plugins = plugins or build()
        self.today = today
        self._kinds: dict[str, type[Rule]] | None = None
        self._kind_plugin: dict[str, str] = {}
        self._registered_packs: dict[str, tuple[str, str]] | None = None
        self._raw_packs: dict[str, packs.RawPack] = {}
        self._rulesets: dict[Any, tuple[Config, RuleSet]] = {}
        self._reported: set[tuple[str, str]] = set()
        self._fact_packs: tuple[tuple[str, str], ...] | None = None

    # ------------------------------------------------------------------ plugins
    @property
    def errors(self) -> list[PluginError]:
        return self.plugins.errors

    def kinds(self) -> dict[str, type[Rule]]:
        if self._kinds is None:
            kinds: dict[str, type[Rule]] = {}
            for plugin, cls in self.plugins.collect("register_kinds"):
                name = getattr(cls, "kind", "")
                if not name or not (isinstance(cls, type) and issubclass(cls, Rule)):
                    self.errors.append(PluginError(plugin, f"register_kinds returned {cls!r}, not a Rule subclass with a 'kind'"))
                    continue
                if name in kinds and self._kind_plugin[name] != plugin:
                    self.errors.append(PluginError(plugin, f"kind '{name}' is already registered by '{self._kind_plugin[name]}'"))
                    continue
                kinds[name] = cls
                self._kind_plugin[name] = plugin
            self._kinds = kinds
        return self._kinds

    def registered_packs(self) -> dict[str, tuple[str, str]]:
        """Pack name -> (path, plugin) for every pack plugins ship."""
        if self._registered_packs is None:
            found: dict[str, tuple[str, str]] = {}
            for plugin, path in self.plugins.collect("register_packs"):
                raw = self._read_pack(str(path), plugin)
                found.setdefault(raw.name, (str(path), plugin))
            self._registered_packs = found
        return self._registered_packs

    def registered_fact_packs(self, shipped: bool = True) -> tuple[str, ...]:
        """Paths of the fact packs plugins register (read lazily by the fact rules); without
        ``shipped``, those of newslint itself are left out (config ``shipped-facts: false``)."""
        if self._fact_packs is None:
            self._fact_packs = tuple((plugin, str(path)) for plugin, path in self.plugins.collect("register_fact_packs"))
        return tuple(path for plugin, path in self._fact_packs if shipped or plugin != BUILTIN)

    def _read_pack(self, path: str, plugin: str = "newslint") -> packs.RawPack:
        raw = self._raw_packs.get(path)
        if raw is None:
            raw = self._raw_packs[path] = packs.read_pack(path, plugin)
        return raw

    # ------------------------------------------------------------------ rule sets
    def ruleset(self, config: Config, path: str | Path | None = None) -> RuleSet:
        overrides = config.overrides_for(path) if path is not None else ()
        # Configs hold dicts and cannot be hashed; key by identity, and keep the config
        # itself in the entry so its id cannot be reused by another config while cached.
        key = (id(config), overrides)
        entry = self._rulesets.get(key)
        if entry is None or entry[0] is not config:
            entry = self._rulesets[key] = (config, self._build_ruleset(config, overrides))
        return entry[1]

    def _build_ruleset(self, config: Config, overrides: tuple) -> RuleSet:
        kinds = self.kinds()
        registered = self.registered_packs()
        raws: list[packs.RawPack] = []
        names = list(config.packs) if config.packs is not None else list(registered)
        for name in [*names, *config.extra_packs]:
            if name in registered:
                path, plugin = registered[name]
                raws.append(self._read_pack(path, plugin))
            else:
                p = (config.root / name) if not Path(name).is_absolute() else Path(name)
                if not p.is_file():
                    known = ", ".join(sorted(registered))
                    where = config.path or "config"
                    raise ConfigError(f"{where}: pack '{name}' is neither a built-in pack ({known}) nor a file")
                raws.append(self._read_pack(str(p.resolve()), "config"))
        # Opt-in packs (one stylebook's preferences) run when the config names them;
        # otherwise their rules are known but off.
        named = {*(config.packs or ()), *config.extra_packs}
        dormant = {r.name for r in raws if r.opt_in and r.name not in named and r.path not in named
                   and not any(Path(r.path).samefile(config.root / n) for n in named if (config.root / n).is_file())}
        vocab = frozenset().union(*(r.vocabulary for r in raws if r.name not in dormant)) if raws else frozenset()
        settings = config.settings(vocab)
        settings = dataclasses.replace(settings, registered_fact_packs=self.registered_fact_packs(config.shipped_facts),
                                       facts_as_of=self.cli_facts_as_of or settings.facts_as_of)
        all_rules: list[tuple[Rule, bool]] = []
        plugin_of: dict[str, str] = {}
        seen_packs: set[str] = set()
        for raw in raws:
            if raw.name in seen_packs:
                continue
            seen_packs.add(raw.name)
            pack = packs.build_pack(raw, kinds, settings)
            for rule_id, kind_name, problem in pack.failed:
                plugin = self._kind_plugin.get(kind_name, raw.plugin)
                key = (plugin, rule_id)
                if key not in self._reported:
                    self._reported.add(key)
                    self.errors.append(PluginError(plugin, f"rule '{rule_id}' (kind '{kind_name}') failed to set up: "
                                                           f"{problem}; the other rules still run"))
            for rule in pack.rules:
                all_rules.append((rule, rule.id not in pack.disabled_by_default and raw.name not in dormant))
                plugin_of[rule.id] = self._kind_plugin.get(rule.kind, raw.plugin)
        for plugin, rule in self.plugins.collect("register_rules", settings=settings):
            if not isinstance(rule, Rule) or rule.category not in CATEGORIES:
                self.errors.append(PluginError(plugin, f"register_rules returned an invalid rule {rule!r}"))
                continue
            if rule.id in plugin_of:
                self.errors.append(PluginError(plugin, f"rule id '{rule.id}' is already defined by '{plugin_of[rule.id]}'"))
                continue
            all_rules.append((rule, True))
            plugin_of[rule.id] = plugin
        known = frozenset(r.id for r, _ in all_rules) | {UNUSED_SUPPRESSION}
        select = self.cli_select or config.select
        ignore = (*config.ignore, *self.cli_ignore)
        severity = list(config.severity)
        for o in overrides:
            select = (*select, *o.select) if select else select
            ignore = (*ignore, *o.ignore)
            severity.extend(o.severity)
        categories = {r.category for r, _ in all_rules}
        for token in (*select, *ignore, *(t for t, _ in severity)):
            if token in categories or token in CATEGORIES or token in RETIRED_IDS:
                continue
            if not any(matches(token, rid) for rid in known):
                where = "--select/--ignore" if token in (*self.cli_select, *self.cli_ignore) else (config.path or "config")
                raise ConfigError(f"{where}: unknown rule id or prefix '{token}' (see 'newslint rules')")
        active = [r for r, on in all_rules if is_selected(r.id, r.category, select, ignore, on)]
        meta = is_selected(UNUSED_SUPPRESSION, "style", select, ignore, True)
        phrases = tuple(r for r, _ in all_rules if r.category == "clutter" and r.kind == "existence"
                        and r.options.get("scope") == "line")
        return RuleSet(active, tuple(severity), known, plugin_of, meta, phrases, tuple(r for r, _ in all_rules))

    def all_rules(self, config: Config | None = None) -> list[Rule]:
        """Every rule of the config's packs, selected or not, opt-in ones too (for
        ``newslint rules``, ``explain`` and the examples' tests)."""
        cfg = config or Config()
        saved = self.cli_select, self.cli_ignore
        self.cli_select, self.cli_ignore = (), ()
        try:
            rs = self._build_ruleset(cfg.__class__(**{**cfg.__dict__, "select": (), "ignore": ()}), ())
        finally:
            self.cli_select, self.cli_ignore = saved
        return list(rs.every)

    # ------------------------------------------------------------------ linting
    def config_for(self, path: str | Path) -> Config:
        return config_for(Path(path), self.config_path)

    def prepare(self, items: Iterable[tuple[str, Config | None]], stdin_name: str = "<stdin>") -> None:
        """Build the rule set of every config (and per-path override) that ``items`` will use,
        before any file is read: a bad pack or config raises here, not halfway through a run.
        ``-`` stands for standard input, linted under the config of the current folder."""
        for path, cfg in items:
            if path == "-":
                self.ruleset(cfg if cfg is not None else self.config_for(Path.cwd()),
                             None if stdin_name == "<stdin>" else stdin_name)
            else:
                self.ruleset(cfg if cfg is not None else self.config_for(path), path)

    def check_file(self, path: str | Path, config: Config | None = None) -> FileResult:
        from ..reading import ReadError, load

        try:
            source = load(str(path))
        except ReadError as exc:
            return FileResult(str(path), error=str(exc))
        return self.check_text(source.text, source.name, config=config or self.config_for(Path(path)))

    def check_text(self, text: str, path: str = "<stdin>", *, config: Config | None = None,
                   fmt: str | None = None, date: _dt.date | None = None) -> FileResult:
        """Lint a text. ``date`` overrides the engine's ``--date`` for this text only."""
        result, doc = self.check_document(text, path, config=config, fmt=fmt, date=date)
        if isinstance(doc, Document):
            doc.release()  # free its analyses now, not at the next garbage collection
        return result

    def check_document(self, text: str, path: str = "<stdin>", *, config: Config | None = None,
                       fmt: str | None = None, date: _dt.date | None = None) -> tuple[FileResult, Document | None]:
        """Like :meth:`check_text`, and also the parsed document (None when it cannot be parsed).

        A draft longer than :data:`lint.pieces.PIECE_CHARS` is linted piece by piece; what comes
        back in place of its document then holds only its text and quotations (what ``--fix`` uses).
        """
        from . import pieces

        cfg = config if config is not None else self.config_for(Path.cwd() if path == "<stdin>" else Path(path))
        if len(text) > pieces.PIECE_CHARS:
            return self._check_in_pieces(text, path, cfg, fmt, date)
        try:
            doc = self.parse(text, path, fmt)
            doc.date, doc.date_source = article_date.resolve(doc, date or self.cli_date, cfg.date, self.today)
        except DocumentError as exc:
            return FileResult(path, error=str(exc)), None
        rs = self.ruleset(cfg, None if path == "<stdin>" else path)
        notices: list[Notice] = []
        findings = self.run(doc, rs, notices)
        result = FileResult(path, doc.date, doc.date_source, findings, notices=notices)
        if self.stats:
            from ..readability import document_stats

            result.stats = document_stats(doc).as_dict()
        return result, doc

    def _check_in_pieces(self, text: str, path: str, cfg: Config, fmt: str | None,
                         date: _dt.date | None) -> tuple[FileResult, Any]:
        from . import pieces

        rs = self.ruleset(cfg, None if path == "<stdin>" else path)
        index = pieces.LineIndex(text)
        findings: list[Finding] = []
        notices: dict[tuple[str, str], Notice] = {}
        quotes: list = []
        stats: list = []
        when: tuple[_dt.date, str] | None = None
        for part in pieces.cut(text):
            try:
                doc = self.parse(part.text, path, fmt)
            except DocumentError as exc:
                return FileResult(path, error=str(exc)), None
            if when is None:  # the article date comes from the top: front matter, dateline
                when = article_date.resolve(doc, date or self.cli_date, cfg.date, self.today)
            doc.date, doc.date_source = when
            raised: list[Notice] = []
            for f in self.run(doc, rs, raised):
                start, end = f.start + part.start, f.end + part.start
                (line, col), (end_line, end_col) = index.line_col(start), index.line_col(end)
                findings.append(f.replace(start=start, end=end, line=line, column=col, end_line=end_line,
                                          end_column=end_col))
            for n in raised:  # one notice of a kind per draft, however many pieces raised it
                old = notices.get((n.kind, n.rule))
                subjects = n.subjects if old is None else old.subjects + tuple(s for s in n.subjects if s not in old.subjects)
                notices[(n.kind, n.rule)] = n._replace(subjects=subjects)
            quotes.extend(pieces.shifted(doc.quotes, part.start))
            if self.stats:
                from ..readability import document_stats

                stats.append((document_stats(doc), index.line_col(part.start)[0] - 1))
            doc.release()
            del doc
            # A piece's analyses hold cycles: free them now rather than whenever a full
            # collection comes, so that a book is linted in the memory of one piece.
            gc.collect()
        result = FileResult(path, when[0] if when else None, when[1] if when else "", findings,
                            notices=list(notices.values()))
        if self.stats:
            from ..readability import combined_stats

            result.stats = combined_stats(stats).as_dict()
        return result, pieces.Quotes(text, quotes)

    def parse(self, text: str, path: str, fmt: str | None = None) -> Document:
        from .. import document

        if fmt is not None:
            return document.parse(text, path, fmt)
        doc = self.plugins.manager.hook.parse_document(path=path, text=text)
        return doc if doc is not None else document.parse(text, path, "markdown")

    def run(self, doc: Document, rs: RuleSet, notices: list[Notice] | None = None) -> list[Finding]:
        """The document's findings, sorted; the rules' run-level notices go to ``notices``."""
        from . import timebudget

        with timebudget.Budget(timebudget.seconds()) as budget:
            return self._run_rules(doc, rs, notices, budget)

    def _run_rules(self, doc: Document, rs: RuleSet, notices: list[Notice] | None,
                   budget: "timebudget.Budget") -> list[Finding]:
        from . import timebudget

        kept: list[Finding] = []
        used: set[int] = set()
        seconds = budget.seconds
        for rule in rs.rules:
            try:
                budget.start()
                try:
                    produced = list(rule.check(doc))
                    if notices is not None:
                        notices.extend(rule.notices(doc))
                finally:
                    budget.stop()
            except timebudget.RuleTimeout:
                where = f"{rule.source}: " if rule.source else ""
                self.errors.append(RunError(f"{where}rule '{rule.id}' was stopped after {seconds:g} s of CPU time on {doc.path} "
                                            "(a pattern that backtracks?); its findings there are missing"))
                continue
            except Exception as exc:  # isolate a broken rule; the rest still run
                plugin = rs.plugin_of.get(rule.id, "newslint")
                key = (plugin, rule.id)
                if key not in self._reported:
                    self._reported.add(key)
                    self.errors.append(PluginError(plugin, f"rule '{rule.id}' raised {type(exc).__name__}: {exc} (in {doc.path})"))
                continue
            for f in produced:
                contexts = doc.contexts(f.start, f.end)
                if contexts & rule.skip:
                    continue
                if "furniture" in contexts and rule.kind != "furniture" and self._reported_as_furniture(doc, f, rs):
                    continue  # page furniture is reported once, as furniture, and not proofread
                if rule.kind == "furniture" and self._phrase_covered(doc, f, rs):
                    continue
                severity = f.severity
                if rule.headline_severity is not None and "headings" in contexts:
                    severity = rule.headline_severity
                override = severity_for(f.rule, f.category, rs.severity)
                if override is not None:
                    severity = override
                if severity != f.severity:
                    f = f.replace(severity=severity)
                hit = self._suppressed(doc, f)
                if hit is not None:
                    used.add(hit)
                    continue
                kept.append(f)
        if rs.report_unused_suppressions:
            kept.extend(self._unused_suppressions(doc, rs, used))
        kept.sort(key=lambda f: (f.start, f.end, f.rule))
        return [self._locate(doc, f) for f in kept]

    @staticmethod
    def _reported_as_furniture(doc: Document, f: Finding, rs: RuleSet) -> bool:
        """True when a furniture rule reports the block of several lines the finding lies in
        (a one-line piece keeps the finding of a phrase rule, which says more; see below)."""
        piece = doc.furniture.at(f.start)
        return piece is not None and piece.lines > 1 and piece.shape in rs.furniture_shapes

    @staticmethod
    def _phrase_covered(doc: Document, f: Finding, rs: RuleSet) -> bool:
        """True when a clutter phrase rule, selected or not, matches the one line a furniture
        finding covers ("Read more"): that line is the phrase rule's, whose message says more,
        and which a user may have ignored or suppressed on purpose."""
        piece = doc.furniture.at(f.start if doc.prose[f.start:f.start + 1].strip() else f.start + 1)
        if piece is None or piece.lines != 1:
            return False
        line = doc.prose[piece.start:piece.end].strip()
        return any(r.regex.fullmatch(line) for r in rs.clutter_phrases)

    @staticmethod
    def _suppressed(doc: Document, f: Finding) -> int | None:
        for i, s in enumerate(doc.suppressions):
            if s.start <= f.start <= s.end or (s.start <= f.start < s.end):
                if not s.rules or any(matches(t, f.rule, f.category) for t in s.rules):
                    return i
        return None

    def _unused_suppressions(self, doc: Document, rs: RuleSet, used: set[int]) -> list[Finding]:
        out = []
        for i, s in enumerate(doc.suppressions):
            if i in used:
                continue
            unknown = [t for t in s.rules if t not in CATEGORIES and not any(matches(t, rid) for rid in rs.known_ids)]
            if unknown:
                msg = f"suppression comment names unknown rule '{unknown[0]}'"
            else:
                what = ", ".join(s.rules) if s.rules else "any rule"
                msg = f"suppression of {what} suppresses nothing; remove it"
            out.append(Finding(UNUSED_SUPPRESSION, "style", Severity.WARNING, msg, s.comment_start,
                               s.comment_end, doc.text[s.comment_start:s.comment_end]))
        return out

    @staticmethod
    def _locate(doc: Document, f: Finding) -> Finding:
        line, col = doc.line_col(f.start)
        end_line, end_col = doc.line_col(f.end)
        return f.replace(line=line, column=col, end_line=end_line, end_column=end_col)
