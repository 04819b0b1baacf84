"""Hook implementations: what this plugin adds to newslint."""
from __future__ import annotations

from pathlib import Path

from lint import hookimpl


@hookimpl
def register_kinds() -> list:
    from .kind import CapsRun

    return [CapsRun]


@hookimpl
def register_packs() -> list[str]:
    return [str(Path(__file__).with_name("shouting.yaml"))]
