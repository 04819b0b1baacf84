"""Real given names, surnames and place names: is a word one slip from a known person's
name itself somebody's name, or a place?

The lists live in ``rules/names/`` (built by ``tools/build_name_data.py`` from US Census
name data, Faker's name lists and GeoNames; sources and licences in
``rules/names/LICENSES.md``): one folded key a line, sorted. They are searched in place
by bisection over the file's bytes, so a run pays for reading a few MB only when a draft
has a near-miss to judge, and never for building a set of 300,000 strings.
"""
from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

_LOCK = threading.Lock()
_DATA: dict[str, bytes] = {}
LISTS = ("surnames", "given", "given-common", "places")


def _folder() -> Path:
    from ..packs import rules_dir

    return Path(rules_dir()) / "names"


def _data(name: str) -> bytes:
    with _LOCK:
        data = _DATA.get(name)
        if data is None:
            try:
                data = (_folder() / f"{name}.txt").read_bytes()
            except OSError:
                data = b""  # no list: nothing is known to be real, the rule falls back to context
            _DATA[name] = data
    return data


def _contains(data: bytes, key: bytes) -> bool:
    """``key`` is a whole line of the sorted ``data``."""
    lo, hi = 0, len(data)
    while lo < hi:
        mid = (lo + hi) // 2
        start = data.rfind(b"\n", 0, mid) + 1
        end = data.find(b"\n", start)
        if end < 0:
            end = len(data)
        line = data[start:end]
        if line == key:
            return True
        if line < key:
            lo = end + 1
        else:
            hi = start
    return False


@lru_cache(maxsize=8192)
def listed(name: str, key: str) -> bool:
    """``key`` (folded, as :func:`lint.facts.text.norm` makes it) is in list ``name``."""
    if not key.isascii():
        return False
    return _contains(_data(name), key.encode("ascii"))


def is_surname(key: str) -> bool:
    return listed("surnames", key)


def is_given_name(key: str) -> bool:
    return listed("given", key)


def is_common_given_name(key: str) -> bool:
    """A first name borne by many ("Mark", "Anna"): on its own it says little about who is meant."""
    return listed("given-common", key)


def is_place(key: str) -> bool:
    return listed("places", key)


def real_name(key: str) -> str | None:
    """What ``key`` is, when it is a real name or place: "surname", "given name" or "place"."""
    if is_surname(key):
        return "surname"
    if is_given_name(key):
        return "given name"
    if is_place(key):
        return "place"
    return None
