"""Which files a run lints: drafts named or found in folders, and those left out, with why."""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, NamedTuple

from .results import InputError

if TYPE_CHECKING:  # pragma: no cover
    from ..config import Config
    from .core import Engine

#: The draft types a folder is searched for.
EXTENSIONS = (".md", ".markdown", ".txt")


class Skipped(NamedTuple):
    """A path that was named or found but is not linted, and why."""

    path: str
    reason: str
    named: bool  # named on the command line (not only found in a folder)


def files_in(root: Path, raw: str, errors: list[str]) -> Iterator[Path]:
    """Every file under ``root``, in sorted order, hidden files and folders left out; a folder
    that cannot be read is reported in ``errors`` (as ``raw`` if the error names no file)."""
    def unreadable(exc: OSError) -> None:
        errors.append(f"{exc.filename or raw}: cannot read folder: {exc.strerror or exc}")

    for folder, dirs, files in os.walk(root, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(folder) / name


def expand_paths(paths: Iterable[str], engine: "Engine") -> list[tuple[str, Config | None]]:
    """Files to lint, with their configs. Folders yield drafts; excluded files are dropped."""
    return find_drafts(paths, engine)[0]


def find_drafts(paths: Iterable[str], engine: "Engine") -> tuple[list[tuple[str, Config | None]], list[Skipped], list[str]]:
    """``(files to lint with their configs, paths not linted with the reason, folders that could
    not be read)``. Hidden files and folders inside a named folder are not looked at."""
    out: list[tuple[str, Config | None]] = []
    skipped: list[Skipped] = []
    errors: list[str] = []
    # The drafts of one folder share its nearest config: look it up once per folder, not
    # once per file (each lookup stats every folder up to the root).
    folder_configs: dict[Path, Config] = {}
    for raw in paths:
        if raw == "-":
            out.append(("-", None))
            continue
        p = Path(raw)
        if p.is_dir():
            for f in files_in(p, raw, errors):
                if f.suffix.lower() not in EXTENSIONS:
                    skipped.append(Skipped(str(f), "not a draft (newslint reads *.md, *.markdown and *.txt)", False))
                    continue
                cfg = folder_configs.get(f.parent)
                if cfg is None:
                    cfg = folder_configs[f.parent] = engine.config_for(f)
                if cfg.is_excluded(f):
                    skipped.append(Skipped(str(f), f"excluded by {cfg.path or 'the config'}", False))
                else:
                    out.append((str(f), cfg))
        elif p.exists() or p.is_symlink():
            cfg = engine.config_for(p)
            if cfg.is_excluded(p):
                skipped.append(Skipped(str(p), f"excluded by {cfg.path or 'the config'}", True))
            else:
                out.append((str(p), cfg))
        else:
            raise InputError(f"{raw}: no such file or folder")
    return out, skipped, errors



