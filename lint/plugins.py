"""Building the plugin manager and collecting what plugins register.

Discovery runs in plain stages (find entry points, load each, register), and every
plugin that fails is recorded by name instead of stopping the run.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import Any, Callable

import pluggy

from . import hookspecs

ENTRY_POINT_GROUP = "newslint"
BUILTIN = "newslint"


@dataclass
class PluginError:
    plugin: str
    message: str

    def __str__(self) -> str:
        return f"plugin '{self.plugin}': {self.message}"


@dataclass
class Plugins:
    manager: pluggy.PluginManager
    errors: list[PluginError] = field(default_factory=list)

    def collect(self, hook_name: str, **kwargs: Any) -> list[tuple[str, Any]]:
        """Call one ``register_*`` hook plugin by plugin: ``[(plugin_name, item), ...]``."""
        out: list[tuple[str, Any]] = []
        caller = getattr(self.manager.hook, hook_name)
        for impl in reversed(caller.get_hookimpls()):  # registration order
            try:
                result = impl.function(**{k: kwargs[k] for k in impl.argnames})
            except Exception as exc:  # a plugin's bug must not stop the run
                self.errors.append(PluginError(impl.plugin_name, f"{hook_name} raised {type(exc).__name__}: {exc}"))
                continue
            for item in result or ():
                out.append((impl.plugin_name, item))
        return out


def build(entry_points: bool = True, extra: list[tuple[str, object]] | None = None) -> Plugins:
    """A fresh manager with the built-in plugin and, unless disabled, installed plugins.

    ``NEWSLINT_NO_PLUGINS=1`` skips entry-point discovery (useful to rule out a plugin).
    """
    from . import builtin

    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    pm.register(builtin, name=BUILTIN)
    plugins = Plugins(pm)
    if entry_points and not os.environ.get("NEWSLINT_NO_PLUGINS"):
        for ep in sorted(_entry_points(), key=lambda e: e.name):
            label = f"{_dist_name(ep)}[{ep.name}]"
            try:
                obj = ep.load()
                pm.register(obj, name=ep.name)
            except Exception as exc:  # report and continue: one bad plugin never stops a run
                plugins.errors.append(PluginError(label, f"failed to load: {type(exc).__name__}: {exc}"))
    for name, obj in extra or ():
        pm.register(obj, name=name)
    if os.environ.get("NEWSLINT_TRACE_HOOKS"):
        pm.trace.root.setwriter(_stderr_writer())
        pm.enable_tracing()
    return plugins


def _entry_points() -> list:
    # importlib.metadata costs ~70 ms to import (email, zipfile, csv); a pre-commit hook
    # runs cold every time, so look for a "[newslint]" section cheaply first.
    if not _any_declared():
        return []
    import importlib.metadata

    return list(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP))


def _any_declared() -> bool:
    marker = f"[{ENTRY_POINT_GROUP}]"
    for folder in sys.path:
        try:
            entries = os.scandir(folder or ".")
        except OSError:
            continue
        with entries:
            for entry in entries:
                if not entry.name.endswith((".dist-info", ".egg-info")):
                    continue
                try:
                    with open(os.path.join(entry.path, "entry_points.txt"), encoding="utf-8") as fh:
                        if marker in fh.read():
                            return True
                except OSError:
                    continue
    return False


def _dist_name(ep) -> str:
    dist = getattr(ep, "dist", None)
    return getattr(dist, "name", None) or ep.value.split(":")[0]


def _stderr_writer() -> Callable[[str], None]:
    return lambda s: sys.stderr.write(s)
