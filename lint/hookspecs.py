"""The hooks a newslint plugin can implement.

Built-in rule kinds, packs and reporters register through these same hooks (see
``lint/builtin.py``). Every ``register_*`` hook returns a list; newslint calls each
plugin's implementation separately so that one broken plugin is named and skipped
while the others still run.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:  # pragma: no cover
    from .config import Settings
    from .document import Document
    from .reporters.base import Reporter
    from .rule import Rule

PROJECT = "newslint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def register_kinds() -> "list[type[Rule]]":
    """Rule kinds this plugin provides: :class:`lint.rule.Rule` subclasses with a ``kind`` name."""


@hookspec
def register_packs() -> "list[str]":
    """Paths of YAML rule packs this plugin ships. Packs are enabled by default."""


@hookspec
def register_fact_packs() -> "list[str]":
    """Paths of YAML fact packs (people, offices, terms) this plugin ships."""


@hookspec
def register_rules(settings: "Settings") -> "list[Rule]":
    """Ready-made rules written in Python, for checks that need no pack.

    :param settings: the settings of the configuration the rules will run under.
    """


@hookspec
def register_reporters() -> "list[type[Reporter]]":
    """Output formats: :class:`lint.reporters.base.Reporter` subclasses with a ``name``."""


@hookspec(firstresult=True)
def parse_document(path: str, text: str) -> "Document | None":
    """Parse a draft of a format this plugin knows; return None to leave it to others.

    :param path: the file's path (``<stdin>`` for standard input).
    :param text: the decoded text.
    """
