"""Loading and validating YAML rule packs into rules.

Every problem stops the run with a message naming the file, the line and the key, so
a rule author can go straight to the mistake.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import yamlfile
from .config import Settings
from .findings import CATEGORIES, Severity
from .rule import CONTEXTS, TRUSTED_PATTERNS, Examples, ParamError, Rule

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PACK_KEYS = {"pack", "description", "defaults", "rules", "vocabulary", "opt-in"}
DEFAULT_KEYS = {"category", "severity", "skip", "headline-severity"}
RULE_KEYS = {
    "id",
    "kind",
    "message",
    "summary",
    "why",
    "examples",
    "category",
    "severity",
    "skip",
    "headline-severity",
    "enabled",
}


#: ``kind: grammar`` and ``kind: consistency`` once chose their check with ``check:``; each
#: check is now a kind of its own, and a pack that still names the old pair is told which.
_SPLIT_KINDS = {"grammar": lambda check: check, "consistency": lambda check: f"consistency-{check}"}


class PackError(Exception):
    """A pack is invalid; ``str()`` is ``file:line: message``."""


def rules_dir() -> Path:
    """The folder of packs shipped with newslint (inside the wheel, or the source tree)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    return here / "rules"


@dataclass
class Pack:
    name: str
    path: str
    description: str
    rules: list[Rule]
    vocabulary: frozenset[str] = frozenset()
    plugin: str = "newslint"
    disabled_by_default: frozenset[str] = field(default_factory=frozenset)
    #: rules whose kind raised while setting up: (rule id, kind, "ExceptionType: message");
    #: left out of ``rules`` so the others still run
    failed: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class RawPack:
    """A parsed pack before rules are built (rules need the final settings)."""

    name: str
    path: str
    data: Any
    vocabulary: frozenset[str]
    plugin: str = "newslint"
    #: An opt-in pack (``opt-in: true``: one stylebook's preferences, such as ``ap-style``)
    #: runs only when the config names it in ``packs`` or ``extra-packs``; otherwise its
    #: rules are listed but off, like rules with ``enabled: false``.
    opt_in: bool = False


def read_pack(path: str | Path, plugin: str = "newslint") -> RawPack:
    p = str(path)
    try:
        data = yamlfile.load(path, cache=True)
    except yamlfile.YAMLError as exc:
        raise PackError(str(exc)) from None

    def fail(line: int | None, msg: str) -> PackError:
        return PackError(f"{p}:{line}: {msg}" if line else f"{p}: {msg}")

    if not isinstance(data, dict):
        raise fail(1, "a pack must be a mapping with 'pack', 'description' and 'rules'")
    for key in data:
        if key not in PACK_KEYS:
            raise fail(data.line_of(key), f"unknown key '{key}' (known: {', '.join(sorted(PACK_KEYS))})")
    for key in ("pack", "description", "rules"):
        if key not in data:
            raise fail(data.line, f"missing key '{key}'")
    name = data["pack"]
    if not isinstance(name, str) or not _ID.match(name):
        raise fail(data.line_of("pack"), "'pack' must be a kebab-case name like 'loaded-language'")
    vocab = data.get("vocabulary", [])
    if not isinstance(vocab, list) or not all(isinstance(v, str) for v in vocab):
        raise fail(data.line_of("vocabulary"), "'vocabulary' must be a list of words")
    opt_in = data.get("opt-in", False)
    if not isinstance(opt_in, bool):
        raise fail(data.line_of("opt-in"), "'opt-in' must be true or false")
    return RawPack(name=name, path=p, data=data, vocabulary=frozenset(vocab), plugin=plugin, opt_in=opt_in)


def build_pack(raw: RawPack, kinds: dict[str, type[Rule]], settings: Settings,
               trusted: bool | None = None) -> Pack:
    """Build a pack's rules. Packs shipped with newslint are ``trusted`` by default."""
    if trusted is None:
        trusted = raw.plugin == "newslint" and Path(raw.path).resolve().is_relative_to(rules_dir().resolve())
    token = TRUSTED_PATTERNS.set(trusted)
    try:
        return _build_pack(raw, kinds, settings)
    finally:
        TRUSTED_PATTERNS.reset(token)


def _build_pack(raw: RawPack, kinds: dict[str, type[Rule]], settings: Settings) -> Pack:
    data = raw.data
    p = raw.path

    def fail(container: Any, key: Any, msg: str) -> PackError:
        line = container.line_of(key) if hasattr(container, "line_of") else None
        return PackError(f"{p}:{line}: {msg}" if line else f"{p}: {msg}")

    description = data["description"]
    if not isinstance(description, str):
        raise fail(data, "description", "'description' must be a string")
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict):
        raise fail(data, "defaults", "'defaults' must be a mapping")
    for key in defaults:
        if key not in DEFAULT_KEYS:
            raise fail(defaults, key, f"unknown key '{key}' in defaults (known: {', '.join(sorted(DEFAULT_KEYS))})")
    items = data["rules"]
    if not isinstance(items, list):
        raise fail(data, "rules", "'rules' must be a list")
    rules: list[Rule] = []
    off: set[str] = set()
    seen: set[str] = set()
    failed: list[tuple[str, str, str]] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            line = items.line_of(index) if hasattr(items, "line_of") else None
            raise PackError(f"{p}:{line}: each rule must be a mapping")
        try:
            rule = _build_rule(item, raw, defaults, kinds, settings, fail)
        except _SetupFailed as exc:
            failed.append(exc.args)
            continue
        if rule.id in seen:
            raise fail(item, "id", f"duplicate rule id '{rule.id}'")
        seen.add(rule.id)
        if item.get("enabled", True) is False:
            off.add(rule.id)
        rules.append(rule)
    return Pack(raw.name, p, description, rules, raw.vocabulary, raw.plugin, frozenset(off), failed)


class _SetupFailed(Exception):
    """A kind's ``setup`` raised something other than :class:`ParamError` (a plugin's bug)."""


def _build_rule(item: Any, raw: RawPack, defaults: dict, kinds: dict, settings: Settings, fail: Any) -> Rule:
    for key in ("id", "kind", "why", "examples"):
        if key not in item:
            raise fail(item, next(iter(item), None), f"rule is missing '{key}'")
    rid = item["id"]
    if not isinstance(rid, str) or not _ID.match(rid):
        raise fail(item, "id", "'id' must be kebab-case, naming the problem (e.g. 'pejorative-title')")
    kind_name = item["kind"]
    kind = kinds.get(kind_name)
    if kind is None:
        if kind_name in _SPLIT_KINDS and isinstance(item.get("check"), str):
            raise fail(item, "kind", f"rule '{rid}': kind '{kind_name}' with 'check: {item['check']}' is now "
                                     f"kind '{_SPLIT_KINDS[kind_name](item['check'])}' (without 'check')")
        known = ", ".join(sorted(kinds))
        raise fail(item, "kind", f"rule '{rid}': unknown kind '{kind_name}' (known kinds: {known})")
    allowed = RULE_KEYS | set(kind.params)
    for key in item:
        if key not in allowed:
            params = ", ".join(sorted(kind.params)) or "none"
            raise fail(item, key, f"rule '{rid}': unknown key '{key}' (kind '{kind_name}' takes: {params})")
    if "message" in item and not kind.uses_message:
        raise fail(item, "message", f"rule '{rid}': kind '{kind_name}' writes its own messages, so 'message' would be "
                                    "ignored; give the one-line description as 'summary'")
    options: dict[str, Any] = {}
    for pname, param in kind.params.items():
        if pname in item:
            try:
                options[pname] = param.convert(item[pname])
            except ParamError as exc:
                raise fail(item, pname, f"rule '{rid}': '{pname}': {exc}") from None
            if param.choices and options[pname] not in param.choices:
                raise fail(item, pname, f"rule '{rid}': '{pname}' must be one of {', '.join(param.choices)}, "
                                        f"not {item[pname]!r}")
        elif param.required:
            raise fail(item, "kind", f"rule '{rid}': kind '{kind_name}' needs '{pname}' ({param.help})")
        else:
            options[pname] = param.default
    category = item.get("category", defaults.get("category"))
    if category not in CATEGORIES:
        raise fail(item, "category" if "category" in item else "id",
                   f"rule '{rid}': category must be one of {', '.join(sorted(CATEGORIES))}")
    try:
        severity = Severity.parse(item.get("severity", defaults.get("severity", "warning")))
        hs = item.get("headline-severity", defaults.get("headline-severity"))
        headline = Severity.parse(hs) if hs is not None else None
    except ValueError as exc:
        raise fail(item, "severity", f"rule '{rid}': {exc}") from None
    skip_value = item.get("skip", defaults.get("skip", sorted(kind.default_skip)))
    if isinstance(skip_value, str):
        skip_value = [skip_value]
    if not isinstance(skip_value, list) or not all(s in CONTEXTS for s in skip_value):
        raise fail(item, "skip", f"rule '{rid}': 'skip' must list contexts from: {', '.join(sorted(CONTEXTS))}")
    examples = item["examples"]
    if not isinstance(examples, dict) or set(examples) - {"bad", "good"}:
        raise fail(item, "examples", f"rule '{rid}': 'examples' must be a mapping with 'bad' and 'good' lists")
    ex = Examples(tuple(_example_list(examples.get("bad"), item, fail, rid)),
                  tuple(_example_list(examples.get("good"), item, fail, rid)))
    if not ex.bad or not ex.good:
        raise fail(item, "examples", f"rule '{rid}': needs at least one bad and one good example")
    why = item["why"]
    message = item.get("message", "")
    if not isinstance(why, str) or not isinstance(message, str):
        raise fail(item, "why", f"rule '{rid}': 'why' and 'message' must be strings")
    summary = item.get("summary") or (message.split(";")[0] if message else why.split(".")[0])
    if not message:
        # kinds that write their own messages ignore it; for the others a finding is never blank
        message = "'{match}': " + summary
    try:
        return kind(
            id=f"{raw.name}.{rid}",
            category=category,
            severity=severity,
            message=message,
            why=" ".join(why.split()),
            examples=ex,
            skip=frozenset(skip_value),
            options=options,
            settings=settings,
            pack=raw.name,
            summary=summary,
            headline_severity=headline,
            source=f"{raw.path}:{item.line}" if hasattr(item, "line") else raw.path,
        )
    except ParamError as exc:
        raise fail(item, "kind", f"rule '{rid}': {exc}") from None
    except PackError:
        raise
    except Exception as exc:  # a kind's bug: reported, and the pack's other rules still run
        raise _SetupFailed(f"{raw.name}.{rid}", kind_name, f"{type(exc).__name__}: {exc}") from None


def _example_list(value: Any, item: Any, fail: Any, rid: str) -> list:
    """Examples are strings, or mappings ``{text, date, language}`` for rules that depend
    on the article date or on the configured variety of English."""
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise fail(item, "examples", f"rule '{rid}': examples must be lists")
    out = []
    for v in value:
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict) and "text" in v and set(v) <= {"text", "date", "language"}:
            out.append(dict(v))
        else:
            raise fail(item, "examples", f"rule '{rid}': an example is a string or {{text, date, language}}")
    return out
