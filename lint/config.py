"""Finding, reading and validating configuration: ``.newslint.yaml`` or ``[tool.newslint]``.

The config nearest to a linted file wins (found by walking up from the file). Paths in
a config (packs, vocabulary files, fact packs, excludes) are relative to its folder.
"""
from __future__ import annotations

import datetime as _dt
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import yamlfile
from .findings import Severity

CONFIG_NAMES = (".newslint.yaml", ".newslint.yml")

_KEYS = {
    "packs": "pack names (built in) or paths to YAML packs; default: every built-in pack",
    "extra-packs": "packs to load in addition to the default ones",
    "select": "rule ids or prefixes to run (default: all)",
    "ignore": "rule ids or prefixes not to run",
    "severity": "mapping of rule id or prefix to a severity",
    "per-path": "list of {paths, select, ignore, severity} applied to matching files",
    "exclude": "glob patterns of files not to lint",
    "vocabulary": "accepted words and names: a list, or a path to a file with one per line",
    "date": "the article date (YYYY-MM-DD) for every file",
    "fail-level": "lowest severity that makes a run fail (error, warning, suggestion, info)",
    "language": "the English the newsroom writes: en-US, en-GB, en-AU, en-CA, en-IE, en-IN, en-NZ, en-ZA (default: each draft's own)",
    "languagetool": "LanguageTool settings: {server: URL} or {local: PATH}",
    "facts": "extra fact packs (paths)",
    "facts-as-of": "the date (YYYY-MM-DD) up to which you have checked the fact packs are still right",
    "shipped-facts": "load the fact packs newslint ships (default true); false to use only your 'facts:'",
    "settings": "per-kind settings (free-form mapping read by rule kinds)",
}
_PER_PATH_KEYS = {"paths", "select", "ignore", "severity"}
LANGUAGES = ("en-US", "en-GB", "en-AU", "en-CA", "en-IE", "en-IN", "en-NZ", "en-ZA")


class ConfigError(Exception):
    """A configuration problem; the message names the file and, where known, the line."""


@dataclass(frozen=True)
class Settings:
    """What rule kinds may read from the configuration."""

    vocabulary: frozenset[str] = frozenset()
    #: The configured variety of English; None: each draft's own (read from its spellings).
    language: str | None = None
    languagetool: dict | None = None
    options: dict = field(default_factory=dict, hash=False, compare=False)
    fact_packs: tuple[str, ...] = ()
    #: fact packs plugins register (set by the engine; None = the shipped ones)
    registered_fact_packs: tuple[str, ...] | None = None
    #: the user vouches that the fact packs are right up to this day (no stale notice before it)
    facts_as_of: _dt.date | None = None

    def section(self, name: str) -> dict:
        value = self.options.get(name)
        return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class Override:
    paths: tuple[str, ...]
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()


@dataclass(frozen=True)
class Config:
    path: str | None = None  # the file it came from, None for defaults
    root: Path = field(default_factory=Path.cwd)
    packs: tuple[str, ...] | None = None
    extra_packs: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    per_path: tuple[Override, ...] = ()
    exclude: tuple[str, ...] = ()
    vocabulary: tuple[str, ...] = ()
    date: _dt.date | None = None
    fail_level: Severity = Severity.WARNING
    language: str | None = None
    languagetool: dict | None = None
    facts: tuple[str, ...] = ()
    facts_as_of: _dt.date | None = None
    shipped_facts: bool = True
    options: dict = field(default_factory=dict, hash=False, compare=False)

    def settings(self, pack_vocabulary: frozenset[str] = frozenset()) -> Settings:
        return Settings(
            vocabulary=frozenset(self.vocabulary) | pack_vocabulary,
            language=self.language,
            languagetool=self.languagetool,
            options=self.options,
            fact_packs=self.facts,
            facts_as_of=self.facts_as_of,
        )

    def relative(self, path: str | Path) -> str:
        p = Path(path)
        try:
            return p.resolve().relative_to(self.root.resolve()).as_posix()
        except (ValueError, OSError):
            return p.as_posix()

    def is_excluded(self, path: str | Path) -> bool:
        if not self.exclude:
            return False  # no path to resolve (a run asks this of every file)
        rel = self.relative(path)
        return any(glob_match(pattern, rel) for pattern in self.exclude)

    def overrides_for(self, path: str | Path) -> tuple[Override, ...]:
        if not self.per_path:
            return ()
        rel = self.relative(path)
        return tuple(o for o in self.per_path if any(glob_match(p, rel) for p in o.paths))


@lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern:
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        out.append({"*": "[^/]*", "?": "[^/]"}.get(c, re.escape(c)))
        i += 1
    return re.compile("".join(out) + r"(?:/.*)?\Z")


def glob_match(pattern: str, relpath: str) -> bool:
    """Gitignore-like: a pattern without ``/`` matches any file or folder name on the path."""
    pattern = pattern.strip()
    if pattern.startswith("./"):
        pattern = pattern[2:]
    if "/" not in pattern.rstrip("/"):
        parts = relpath.split("/")
        rx = _glob_regex(pattern.rstrip("/"))
        return any(rx.match(part) for part in parts)
    return bool(_glob_regex(pattern.strip("/")).match(relpath))


# ------------------------------------------------------------------ discovery
def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a file or folder)."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            p = candidate / name
            if p.is_file():
                return p
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _pyproject_has_section(pyproject):
            return pyproject
    return None


def _pyproject_has_section(path: Path) -> bool:
    try:
        return "[tool.newslint" in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


@lru_cache(maxsize=64)
def load_config(path: str) -> Config:
    """Read and validate one config file (YAML, or TOML for pyproject.toml)."""
    p = Path(path)
    if p.name == "pyproject.toml":
        import tomllib

        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read: {exc}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from None
        raw = data.get("tool", {}).get("newslint", {})
        return _build(raw, path, p.parent, lines=None)
    try:
        raw = yamlfile.load(p, cache=True)
    except yamlfile.YAMLError as exc:
        raise ConfigError(str(exc)) from None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}:1: a config must be a mapping of keys to values")
    return _build(raw, path, p.parent, lines=raw)


def _build(raw: dict, path: str, root: Path, lines: Any) -> Config:
    def where(key: str, container: Any = None) -> str:
        c = container if container is not None else lines
        line = c.line_of(key) if hasattr(c, "line_of") else None
        return f"{path}:{line}" if line else path

    def err(key: str, msg: str, container: Any = None) -> ConfigError:
        return ConfigError(f"{where(key, container)}: '{key}': {msg}")

    def strings(key: str, value: Any, container: Any = None) -> tuple[str, ...]:
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        raise err(key, "expected a string or a list of strings", container)

    def severities(key: str, value: Any, container: Any = None) -> tuple[tuple[str, Severity], ...]:
        if not isinstance(value, dict):
            raise err(key, "expected a mapping of rule id or prefix to severity", container)
        out = []
        for k, v in value.items():
            try:
                out.append((str(k), Severity.parse(v)))
            except ValueError as exc:
                raise err(key, f"{k}: {exc}", container) from None
        return tuple(out)

    for key in raw:
        if key not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            raise err(str(key), f"unknown key (known keys: {known})")
    kw: dict[str, Any] = {"path": path, "root": root}
    if "packs" in raw:
        kw["packs"] = strings("packs", raw["packs"])
    if "extra-packs" in raw:
        kw["extra_packs"] = strings("extra-packs", raw["extra-packs"])
    for key in ("select", "ignore", "exclude", "facts"):
        if key in raw:
            kw[key] = strings(key, raw[key])
    if "facts" in kw:
        kw["facts"] = tuple(str((root / f)) for f in kw["facts"])
        for f in kw["facts"]:
            if not Path(f).is_file():
                raise err("facts", f"no fact pack at {f}")
    if "severity" in raw:
        kw["severity"] = severities("severity", raw["severity"])
    if "per-path" in raw:
        items = raw["per-path"]
        if not isinstance(items, list):
            raise err("per-path", "expected a list of {paths, select, ignore, severity}")
        overrides = []
        for item in items:
            if not isinstance(item, dict) or "paths" not in item:
                raise err("per-path", "each entry needs 'paths'")
            for k in item:
                if k not in _PER_PATH_KEYS:
                    raise err(str(k), f"unknown key in per-path (known: {', '.join(sorted(_PER_PATH_KEYS))})", item)
            overrides.append(
                Override(
                    paths=strings("paths", item["paths"], item),
                    select=strings("select", item.get("select", []), item),
                    ignore=strings("ignore", item.get("ignore", []), item),
                    severity=severities("severity", item.get("severity", {}), item),
                )
            )
        kw["per_path"] = tuple(overrides)
    if "vocabulary" in raw:
        kw["vocabulary"] = _vocabulary(raw["vocabulary"], root, lambda m: err("vocabulary", m))
    if "date" in raw:
        kw["date"] = parse_date(raw["date"], lambda m: err("date", m))
    if "facts-as-of" in raw:
        kw["facts_as_of"] = parse_date(raw["facts-as-of"], lambda m: err("facts-as-of", m))
    if "shipped-facts" in raw:
        if not isinstance(raw["shipped-facts"], bool):
            raise err("shipped-facts", "expected true or false")
        kw["shipped_facts"] = raw["shipped-facts"]
    if "fail-level" in raw:
        try:
            kw["fail_level"] = Severity.parse(raw["fail-level"])
        except ValueError as exc:
            raise err("fail-level", str(exc)) from None
    if "language" in raw:
        if raw["language"] not in LANGUAGES:
            raise err("language", f"expected one of {', '.join(LANGUAGES)}")
        kw["language"] = raw["language"]
    if "languagetool" in raw:
        lt = raw["languagetool"]
        if not isinstance(lt, dict) or not ({"server", "local"} & set(lt)):
            raise err("languagetool", "expected a mapping with 'server: URL' or 'local: PATH'")
        kw["languagetool"] = dict(lt)
    if "settings" in raw:
        if not isinstance(raw["settings"], dict):
            raise err("settings", "expected a mapping")
        _check_settings(raw["settings"], err)
        kw["options"] = dict(raw["settings"])
    return Config(**kw)


def _positive(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0


_READABILITY_LIMITS = {"sentence-words": "a number of words", "paragraph-words": "a number of words",
                       "grade": "a Flesch-Kincaid grade"}

#: section -> key -> (check, what it expects); the sections the built-in kinds read
SETTINGS: dict[str, dict[str, tuple[Any, str]]] = {
    "readability": {
        **{k: (_positive, f"{v} above 0") for k, v in _READABILITY_LIMITS.items()},
        "desks": (lambda v: isinstance(v, dict), "a mapping of desk name to limits"),
        "syllables": (lambda v: v in ("builtin", "textstat"), "'builtin' or 'textstat'"),
    },
    "spelling": {
        "names": (lambda v: isinstance(v, bool), "true or false"),
    },
}


def _check_settings(settings: dict, err: Any) -> None:
    """Every section and key the kinds read, with the values they take; a typo or a value of
    the wrong kind is an error rather than a setting silently ignored."""
    for section, values in settings.items():
        known = SETTINGS.get(str(section))
        if known is None:
            raise err(str(section), f"unknown settings section (known: {', '.join(sorted(SETTINGS))})", settings)
        if not isinstance(values, dict):
            raise err(str(section), "expected a mapping", settings)
        for key, value in values.items():
            if key not in known:
                raise err(str(key), f"unknown key in settings.{section} (known: {', '.join(sorted(known))})", values)
            check, expected = known[key]
            if not check(value):
                raise err(str(key), f"expected {expected}, got {value!r}", values)
        desks = values.get("desks") if section == "readability" else None
        for desk, limits in (desks or {}).items():
            if not isinstance(limits, dict):
                raise err(str(desk), "expected a mapping of limits", desks)
            for key, value in limits.items():
                if key not in _READABILITY_LIMITS:
                    raise err(str(key), f"unknown limit (known: {', '.join(_READABILITY_LIMITS)})", limits)
                if not _positive(value):
                    raise err(str(key), f"expected {_READABILITY_LIMITS[key]} above 0, got {value!r}", limits)


def _vocabulary(value: Any, root: Path, err: Any) -> tuple[str, ...]:
    items: list[str] = []
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list):
        raise err("expected a list of words or a path to a word file")
    for v in values:
        if not isinstance(v, str):
            raise err("expected strings")
        candidate = root / v
        if ("/" in v or v.endswith(".txt")) and candidate.is_file():
            try:
                text = candidate.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise err(f"cannot read {candidate}: {exc}") from None
            items.extend(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))
        elif "/" in v or v.endswith(".txt"):
            raise err(f"vocabulary file {candidate} not found")
        else:
            items.append(v.strip())
    return tuple(items)


def parse_date(value: Any, err: Any) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise err(f"expected a date as YYYY-MM-DD, got {value!r}")


def default_config() -> Config:
    # One object per folder: engines cache compiled rules per config object.
    return _default_config(str(Path.cwd()))


@lru_cache(maxsize=16)
def _default_config(cwd: str) -> Config:
    return Config(root=Path(cwd))


def config_for(path: Path, explicit: str | None = None) -> Config:
    """The config that governs ``path``: ``explicit`` if given, else the nearest one."""
    if explicit:
        p = Path(explicit)
        if not p.is_file():
            raise ConfigError(f"{explicit}: config file not found")
        return load_config(str(p.resolve()))
    found = find_config(path)
    return load_config(str(found)) if found else default_config()


if sys.version_info < (3, 11):  # pragma: no cover
    raise ImportError("newslint needs Python 3.11 or later (tomllib)")
