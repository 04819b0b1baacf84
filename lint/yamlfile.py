"""Load YAML while remembering the line of every mapping key and list item.

Pack and config errors must name the file and line, so loaded mappings and lists
carry their source lines alongside their values.
"""
from __future__ import annotations

import datetime as _dt
import functools
import re
from pathlib import Path
from typing import Any

from . import diskcache


class LineDict(dict):
    """A dict that knows the line of itself and of each of its keys."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A list that knows its own line and the line of each item."""

    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class YAMLError(Exception):
    """A YAML file could not be read or parsed; ``str()`` names the file and line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


def _make_loader(base: type) -> type:
    import yaml

    # SafeLoader would turn "2025-01-20" into a date; keep that, but build our own
    # containers so lines survive.
    class Loader(base):
        pass

    def construct_mapping(loader: Loader, node: yaml.MappingNode) -> LineDict:
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool, _dt.date)) and key is not None:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value", key_node.start_mark
                )
            if key in result:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            result[key] = loader.construct_object(value_node, deep=True)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result

    def construct_sequence(loader: Loader, node: yaml.SequenceNode) -> LineList:
        result = LineList(loader.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        return result

    def construct_timestamp(loader: Loader, node: yaml.ScalarNode) -> Any:
        # "2025-02-30" would raise a bare ValueError; keep the text so the caller can name it
        try:
            return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
        except ValueError:
            return loader.construct_scalar(node)

    Loader.add_constructor("tag:yaml.org,2002:timestamp", construct_timestamp)
    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, construct_sequence)
    return Loader


# Front matter is nearly always flat "key: value" lines. Those are read here without
# importing yaml (which alone costs more than checking a short draft); anything this
# cannot read exactly as YAML would (quotes, numbers, booleans, lists, comments...) goes
# to the real parser.
_FLAT_LINE = re.compile(r"([A-Za-z][\w-]*):[ \t]+([^\W\d_][\w .,;()/'’&-]*?)[ \t]*")
_FLAT_DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_FLAT_DATE_LINE = re.compile(r"([A-Za-z][\w-]*):[ \t]+(\d{4}-\d\d-\d\d)[ \t]*")
_YAML_WORDS = frozenset("yes no on off true false null y n".split())


def _flat_mapping(text: str) -> dict | None:
    """``text`` as a dict when it is only flat "key: word..." or "key: YYYY-MM-DD" lines."""
    out: dict = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        m = _FLAT_LINE.fullmatch(line)
        if m:
            key, value = m.groups()
            if value.lower() in _YAML_WORDS or value.endswith(("-", " ", ",")):
                return None
        else:
            m = _FLAT_DATE_LINE.fullmatch(line)
            if not m:
                return None
            key = m.group(1)
            y, mo, d = (int(g) for g in _FLAT_DATE.fullmatch(m.group(2)).groups())
            try:
                value = _dt.date(y, mo, d)
            except ValueError:
                return None  # the parser keeps an impossible date as text; let it
        if key in out or key.lower() in _YAML_WORDS:
            return None  # duplicates are an error there; "yes:" is a boolean key there
        out[key] = value
    return out or None


def loads_front_matter(text: str, path: str = "<string>") -> Any:
    """Parse a draft's front matter: flat lines directly, everything else as YAML."""
    flat = _flat_mapping(text)
    return flat if flat is not None else loads(text, path)


@functools.lru_cache(maxsize=None)
def _loaders() -> tuple[type, type]:
    # libyaml parses packs several times faster (it matters for a cold pre-commit run); the
    # pure-Python loader points at the line of a syntax error more helpfully, so errors are
    # re-read with it. Built on first use: a run whose packs all come from the disk cache
    # never imports yaml.
    import yaml

    return _make_loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)), _make_loader(yaml.SafeLoader)


def loads(text: str, path: str = "<string>") -> Any:
    """Parse YAML text; raise :class:`YAMLError` naming ``path`` and the line."""
    import yaml

    fast, pure = _loaders()
    try:
        return yaml.load(text, Loader=fast)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError:
        pass
    try:
        return yaml.load(text, Loader=pure)  # noqa: S506
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise YAMLError(path, line, problem) from None
    except yaml.YAMLError as exc:
        raise YAMLError(path, None, str(exc)) from None


def load(path: str | Path, *, cache: bool = False) -> Any:
    """Read and parse a YAML file; unreadable or non-UTF-8 files raise :class:`YAMLError`.

    With ``cache``, a file parsed before and unchanged since (same size and modification
    time) comes from :mod:`lint.diskcache`; only files that parse are cached.
    """
    key = None
    if cache:
        stamp = diskcache.source_stamp(Path(path).resolve(), __file__)
        if stamp is not None:
            key = ("yaml", stamp)
            hit = diskcache.read("yaml", key, (dict, list, str, int, float, bool))
            if hit is not None:
                return hit
    value = _load_uncached(path)
    if key is not None and value is not None:
        diskcache.write("yaml", key, value)
    return value


def _load_uncached(path: str | Path) -> Any:
    p = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise YAMLError(p, None, f"cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YAMLError(p, None, f"not UTF-8 (byte {exc.start})") from None
    return loads(text, p)
