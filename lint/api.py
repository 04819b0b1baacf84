"""A small Python API for newsrooms that lint copy from their own systems (a CMS, a bot).

    import lint

    result = lint.check_text(draft, date="2025-11-22")
    for f in result.findings:
        print(f.line, f.column, f.rule, f.message, f.suggestions)

    fixed, applied = lint.fix_text(draft)          # safe fixes only, never inside quotes
    for result in lint.check_paths(["archive/"], jobs=4):   # streamed, in order
        ...

``config`` may be a path to a ``.newslint.yaml`` (or ``pyproject.toml``), a mapping with
the same keys as that file, or a :class:`lint.config.Config`. Without one, ``check_text``
uses the defaults (every built-in pack) and ``check_file``/``check_paths`` look for the
config nearest each file, as the command line does. Engines, with their compiled rules,
are cached between calls, so the first call pays for loading the packs and later ones
do not.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import threading
import warnings
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Union

if TYPE_CHECKING:  # pragma: no cover
    from .config import Config
    from .engine import Engine, FileResult
    from .fixes import AppliedFix

ConfigLike = Union[str, os.PathLike, Mapping[str, Any], "Config", None]
DateLike = Union[_dt.date, str, None]

__all__ = ["check_text", "check_file", "check_paths", "fix_text", "text_stats"]

_ENGINES: "OrderedDict[tuple, Engine]" = OrderedDict()
_CONFIGS: "OrderedDict[str, Config]" = OrderedDict()
_LOCK = threading.Lock()
_MAX_CACHED = 8


def check_text(text: str, *, date: DateLike = None, config: ConfigLike = None, path: str = "draft.md",
               select: Iterable[str] = (), ignore: Iterable[str] = (), stats: bool = False) -> "FileResult":
    """Lint a draft held in memory. ``path`` names it in results; ``.txt`` parses it as plain text."""
    engine, cfg = _engine_and_config(date, config, select, ignore, stats)
    if cfg is None:
        from .config import default_config

        cfg = default_config()
    result = engine.check_text(text, path, config=cfg)
    _warn_plugin_errors(engine)
    return result


def check_file(path: str | os.PathLike, *, date: DateLike = None, config: ConfigLike = None,
               select: Iterable[str] = (), ignore: Iterable[str] = (), stats: bool = False) -> "FileResult":
    """Lint one file. Unreadable files give a result with ``error`` set rather than raising."""
    engine, cfg = _engine_and_config(date, config, select, ignore, stats)
    result = engine.check_file(str(path), cfg)
    _warn_plugin_errors(engine)
    return result


def check_paths(paths: Iterable[str | os.PathLike], *, date: DateLike = None, config: ConfigLike = None,
                select: Iterable[str] = (), ignore: Iterable[str] = (), stats: bool = False,
                jobs: int = 1) -> Iterator["FileResult"]:
    """Lint files and folders (``*.md``, ``*.markdown``, ``*.txt``), yielding results in order.

    Results are streamed: memory stays bounded however many files there are. ``jobs`` > 1
    lints in that many processes (0: one per CPU).
    """
    from .engine import expand_paths, runner
    from .engine.parallel import default_jobs

    engine, cfg = _engine_and_config(date, config, select, ignore, stats)
    items = expand_paths([str(p) for p in paths], engine)
    if cfg is not None:
        items = [(p, cfg) for p, _ in items]
    if any(p == "-" for p, _ in items):
        raise ValueError("check_paths reads files; use check_text for text held in memory")
    if config is not None and _config_file(config) is None and jobs != 1:
        jobs = 1  # a Config object or mapping cannot be rebuilt in another process; lint here
    engine.prepare(items)  # a bad pack or config raises before the first result
    for outcome in runner.outcomes(engine, items, jobs=jobs or default_jobs()):
        yield outcome.result
    _warn_plugin_errors(engine)


def fix_text(text: str, *, date: DateLike = None, config: ConfigLike = None, path: str = "draft.md",
             select: Iterable[str] = (), ignore: Iterable[str] = ()) -> "tuple[str, list[AppliedFix]]":
    """Apply the safe fixes to a text: returns the fixed text and the fixes applied."""
    from . import fixes
    from .config import default_config

    engine, cfg = _engine_and_config(date, config, select, ignore, False)
    outcome = fixes.fix_text(engine, text, path, cfg if cfg is not None else default_config())
    return outcome.fixed, list(outcome.applied)


def text_stats(text: str, *, path: str = "draft.md") -> dict:
    """Readability statistics of a draft: words, sentences, reading ease, grade, sentence lengths."""
    from .document import fmt_for
    from .document import parse
    from .readability import document_stats

    return document_stats(parse(text, path, fmt_for(path))).as_dict()


# ------------------------------------------------------------------ engines and configs
def _date(value: DateLike) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value.date() if isinstance(value, _dt.datetime) else value
    try:
        return _dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"date must be a datetime.date or 'YYYY-MM-DD', got {value!r}") from None


def _config_file(config: ConfigLike) -> str | None:
    if isinstance(config, (str, os.PathLike)):
        p = Path(config)
        if not p.is_file():
            from .config import ConfigError

            raise ConfigError(f"{config}: config file not found")
        return str(p.resolve())
    return None


def _config_object(config: ConfigLike) -> "Config | None":
    from .config import Config, _build

    if config is None or isinstance(config, (str, os.PathLike)):
        return None
    if isinstance(config, Config):
        return config
    if isinstance(config, Mapping):
        key = json.dumps(config, sort_keys=True, default=str)
        with _LOCK:
            cfg = _CONFIGS.get(key)
            if cfg is None:
                cfg = _CONFIGS[key] = _build(dict(config), "<config mapping>", Path.cwd(), lines=None)
                while len(_CONFIGS) > _MAX_CACHED:
                    _CONFIGS.popitem(last=False)
        return cfg
    raise TypeError(f"config must be a path, a mapping or a lint.config.Config, not {type(config).__name__}")


def _engine_and_config(date: DateLike, config: ConfigLike, select: Iterable[str], ignore: Iterable[str],
                       stats: bool) -> "tuple[Engine, Config | None]":
    from .engine import EngineSpec

    d = _date(date)
    file = _config_file(config)
    cfg = _config_object(config)
    key = (d, file, id(cfg) if cfg is not None else None, tuple(select), tuple(ignore), bool(stats))
    with _LOCK:
        engine = _ENGINES.get(key)
        if engine is None:
            spec = EngineSpec(date=d, config=file, select=tuple(select), ignore=tuple(ignore), stats=stats)
            engine = _ENGINES[key] = spec.build()
            while len(_ENGINES) > _MAX_CACHED:
                _ENGINES.popitem(last=False)
        else:
            _ENGINES.move_to_end(key)
    if file is not None:
        from .config import config_for

        cfg = config_for(Path(file), file)
    return engine, cfg


def _warn_plugin_errors(engine: "Engine") -> None:
    seen = engine.__dict__.setdefault("_api_warned", 0)
    for err in engine.errors[seen:]:
        warnings.warn(f"newslint: {err}", RuntimeWarning, stacklevel=3)
    engine.__dict__["_api_warned"] = len(engine.errors)
