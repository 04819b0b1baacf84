"""Regular expressions compiled once per machine instead of once per run.

``re`` compiles a pattern in Python: parsing it and generating the matcher's code costs
about a millisecond per pattern of the size rule packs use, and a run of every shipped
pack compiles a few hundred. That was a third of a pre-commit run on a one-page draft.
:func:`compile` keeps what ``re``'s compiler produces for a pattern (the code list and
group tables it hands to ``_sre.compile``) in the disk cache (:mod:`lint.diskcache`), and
the next run builds the pattern from it directly. The cache is keyed by the exact Python
build and ``_sre``'s version; ``_sre`` validates the code it is given; and whenever
anything about this is unavailable or fails, the pattern is compiled by ``re`` as usual.
A pattern built this way equals (``==``) the one ``re.compile`` returns.
"""
from __future__ import annotations

import re
import sys
from array import array

from . import diskcache

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another Python implementation
    _sre = None
# The code is stored as the bytes of an array of _sre's code units: a pickle of a few
# hundred thousand ints takes ten times longer to read.
_UNIT = next((t for t in "IL" if _sre is not None and array(t).itemsize == _sre.CODESIZE), None)

_MEMO = diskcache.Memo("regex", (sys.version, getattr(_sre, "MAGIC", None), diskcache.source_stamp(__file__)))
_BUILT: dict[tuple[str, int], re.Pattern] = {}


def _compile_keeping_code(pattern: str, flags: int) -> tuple[re.Pattern, tuple]:
    """What ``re._compiler.compile`` does, keeping the arguments of its last step."""
    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    groupindex = p.state.groupdict
    indexgroup = [None] * p.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    rest = (p.state.groups - 1, dict(groupindex), tuple(indexgroup))
    rx = _sre.compile(pattern, flags | p.state.flags, code, *rest)
    return rx, (flags | p.state.flags, array(_UNIT, code).tobytes(), *rest)


def _rebuild(pattern: str, args: tuple) -> re.Pattern:
    flags, code, *rest = args
    units = array(_UNIT)
    units.frombytes(code)
    return _sre.compile(pattern, flags, units.tolist(), *rest)


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - mirrors re.compile
    """``re.compile(pattern, flags)``, from the disk cache when this machine compiled it before."""
    flags = int(flags)
    key = (pattern, flags)
    built = _BUILT.get(key)
    if built is not None:
        return built
    if _UNIT is None or not isinstance(pattern, str) or flags & re.DEBUG:
        return re.compile(pattern, flags)
    args = _MEMO.get(key)
    rx = None
    if args is not None:
        try:
            rx = _rebuild(pattern, args)
        except Exception:  # a cache from another build that slipped through: compile afresh
            rx = None
    if rx is None:
        try:
            rx, args = _compile_keeping_code(pattern, flags)
        except Exception:
            return re.compile(pattern, flags)  # raises re.error for a bad pattern, as callers expect
        _MEMO.set(key, args)
    if len(_BUILT) > 4096:
        _BUILT.clear()  # a long-lived process fed endless one-off patterns
    _BUILT[key] = rx
    return rx
