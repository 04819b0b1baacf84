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
        """Call one ``register_*`` hook plugin by plugin: ``[(plugin_name, item), ...]``.

        Each plugin's implementation is called through the manager (``pm.hook``), so tracing
        and hook wrappers see every call; one call per plugin, so that a plugin that raises
        is named and the others' items still come back.
        """
        out: list[tuple[str, Any]] = []
        caller = getattr(self.manager.hook, hook_name)
        impls = [i for i in caller.get_hookimpls() if not (i.hookwrapper or i.wrapper)]
        for impl in reversed(impls):  # the order pluggy calls them in
            others = [i.plugin for i in impls if i is not impl]
            call = self.manager.subset_hook_caller(hook_name, others) if others else caller
            try:
                results = call(**kwargs)
            except Exception as exc:  # a plugin's bug must not stop the run
                self.errors.append(PluginError(impl.plugin_name, f"{hook_name} raised {type(exc).__name__}: {exc}"))
                continue
            for result in results:
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
        _load_entry_points(plugins)
    for name, obj in extra or ():
        pm.register(obj, name=name)
    if os.environ.get("NEWSLINT_TRACE_HOOKS"):
        pm.trace.root.setwriter(_stderr_writer())
        pm.enable_tracing()
    return plugins


def _load_entry_points(plugins: Plugins) -> None:
    """Register the plugins of the ``newslint`` entry-point group, sorted by name, each loaded
    by pluggy on its own, so that one that fails to load is named and the rest still load."""
    # importlib.metadata costs 50-100 ms to import and scan here (email, zipfile, csv and
    # every installed distribution); a pre-commit hook runs cold every time, so look for a
    # "[newslint]" section cheaply first.
    if not _any_declared():
        return
    import importlib.metadata

    pm = plugins.manager
    for ep in sorted(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        if pm.has_plugin(ep.name) or pm.is_blocked(ep.name):
            continue
        try:
            pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP, name=ep.name)
        except Exception as exc:  # report and continue: one bad plugin never stops a run
            label = f"{_dist_name(ep)}[{ep.name}]"
            plugins.errors.append(PluginError(label, f"failed to load: {type(exc).__name__}: {exc}"))


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
