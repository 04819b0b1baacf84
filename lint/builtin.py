"""newslint's own plugin: built-in kinds, packs and reporters register like anyone else's."""
from __future__ import annotations

from .hookspecs import hookimpl


@hookimpl
def register_kinds() -> list:
    from .kinds.existence import Existence
    from .kinds.substitution import Substitution

    return [
        Existence,
        Substitution,
    ]


@hookimpl
def register_packs() -> list[str]:
    from .packs import rules_dir

    return [str(p) for p in sorted(rules_dir().glob("*.yaml"))]


@hookimpl
def register_fact_packs() -> list[str]:
    from .packs import rules_dir

    return [str(p) for p in sorted((rules_dir() / "facts").glob("*.yaml"))]


@hookimpl
def register_reporters() -> list:
    from .reporters.github import GithubReporter
    from .reporters.json import JsonReporter
    from .reporters.text import TextReporter

    return [TextReporter, JsonReporter, GithubReporter]


@hookimpl
def parse_document(path: str, text: str):
    from .document import parse
    from .engine import fmt_for

    return parse(text, path, fmt_for(path))
