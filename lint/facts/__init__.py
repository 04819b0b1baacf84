"""The fact base: who held which office when, and how their names are written.

Public API (imports are lazy so a run without fact rules pays nothing):

- :func:`fact_base` — the loaded, validated base for a run's settings (cached per process).
- :func:`known_name_words` — capitalised words of known people's names (for spell checkers).
- :func:`name_near_miss` — the known name word a capitalised word nearly spells, if any.
- :class:`FactPackError` — raised when a fact pack is invalid; lists ``file:line: problem``.
"""
from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .. import diskcache
from .errors import FactPackError

if TYPE_CHECKING:  # pragma: no cover
    from ..config import Settings
    from .model import FactBase

__all__ = ["FactPackError", "fact_base", "fact_pack_paths", "known_name_words", "name_near_miss", "load_base"]

_LOCK = threading.Lock()
_CACHE: dict[tuple, "FactBase"] = {}


def shipped_fact_packs() -> list[str]:
    """The fact packs newslint ships (``rules/facts/*.yaml``)."""
    from ..packs import rules_dir

    return [str(p) for p in sorted((rules_dir() / "facts").glob("*.yaml"))]


def fact_pack_paths(settings: "Settings | None" = None) -> tuple[str, ...]:
    """Every fact pack a run loads: the ones plugins register (the shipped ones when no
    engine said), then the config's ``facts:``."""
    registered = getattr(settings, "registered_fact_packs", None) if settings is not None else None
    extra = tuple(getattr(settings, "fact_packs", ()) or ()) if settings is not None else ()
    return _resolve(None if registered is None else tuple(registered), extra)


@lru_cache(maxsize=64)
def _resolve(registered: tuple[str, ...] | None, extra: tuple[str, ...]) -> tuple[str, ...]:
    if registered is None:
        registered = tuple(shipped_fact_packs())
    out: list[str] = []
    for p in (*registered, *extra):
        rp = str(Path(p).resolve())
        if rp not in out:
            out.append(rp)
    return tuple(out)


def _key(paths: Iterable[str]) -> tuple:
    out = []
    for p in paths:
        try:
            st = Path(p).stat()
            out.append((p, st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((p, None, None))
    return tuple(out)


def load_base(paths: Iterable[str]) -> "FactBase":
    """Load and validate these packs, with the name index built.

    Cached per process, and on disk (a pickle in the user's cache folder keyed by the
    packs' paths, sizes and modification times and by this code), so a cold run reads
    a ready index instead of parsing YAML. ``NEWSLINT_NO_CACHE=1`` turns the disk cache off.
    """
    from .loader import load

    paths = tuple(paths)
    key = _key(paths)
    with _LOCK:
        base = _CACHE.get(key)
        if base is None:
            base = _read_disk_cache(key)
            if base is None:
                base, _warnings = load(paths)
                base.index  # build it now so the cached copy has it
                _write_disk_cache(key, base)
            _CACHE[key] = base
    return base


_CODE_FILES = ("model.py", "loader.py", "index.py", "text.py", "__init__.py")


def _disk_key(key: tuple) -> tuple | None:
    """The packs' stamps and this code's: a pickled base is only reused by the same code."""
    here = Path(__file__).resolve().parent
    code = diskcache.source_stamp(*(here / name for name in _CODE_FILES))
    return None if code is None else (key, code)


def _read_disk_cache(key: tuple) -> "FactBase | None":
    disk = _disk_key(key)
    if disk is None:
        return None
    from .model import FactBase

    return diskcache.read("facts", disk, FactBase)


def _write_disk_cache(key: tuple, base: "FactBase") -> None:
    disk = _disk_key(key)
    if disk is not None:
        diskcache.write("facts", disk, base)


def fact_base(settings: "Settings | None" = None) -> "FactBase":
    """The fact base for a run's settings; raises :class:`FactPackError` when a pack is invalid."""
    return load_base(fact_pack_paths(settings))


def known_name_words(settings: "Settings | None" = None) -> frozenset[str]:
    """Words of known people's names and accepted spellings: "Lukashenko", "Leavitt", and the
    lower-case parts too ("von", "der", "myung" of "Lee Jae-myung", the whole "Jae-myung").

    Misspellings listed in fact packs are not included. Empty when the fact packs are invalid.
    """
    try:
        return fact_base(settings).index.words
    except FactPackError:
        return frozenset()


def name_near_miss(word: str, settings: "Settings | None" = None) -> str | None:
    """The known name word that ``word`` (capitalised, not itself a known name word) is one or
    two edits from, when exactly one is that close: ``name_near_miss("Leavit") == "Leavitt"``.

    A spell checker can use this to judge capitalised words it does not know; whether the
    word is really a misspelling (and not another real person's name) is for it to decide.
    """
    try:
        return fact_base(settings).index.near_word(word)
    except FactPackError:
        return None
