"""Adding a word to the ``vocabulary:`` list of a ``.newslint.yaml``, keeping the rest of the
file as the user wrote it (comments, order, quoting), and writing it atomically.

The edit is made on the text, then checked: the file must parse to the same config with one
more word. Anything this module cannot edit that way is refused, never guessed at.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

import yaml


class VocabularyError(Exception):
    """The word could not be added; the message says why. The file is unchanged."""


_PLAIN = re.compile(r"[^\W\d_][\w'’.-]*\Z")
_YAML_WORDS = {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "none"}
_KEY = re.compile(r"^vocabulary[ \t]*:[ \t]*(.*?)[ \t]*(#.*)?$", re.MULTILINE)
_ITEM = re.compile(r"^([ \t]*)-[ \t]")


def scalar(word: str) -> str:
    """``word`` as a YAML scalar: plain where that is safe, double-quoted otherwise."""
    if _PLAIN.match(word) and word.lower() not in _YAML_WORDS:
        return word
    return json.dumps(word, ensure_ascii=False)


def added(text: str, word: str) -> str:
    """The config text with ``word`` added to its vocabulary list (a new list if it has none)."""
    newline = "\r\n" if "\r\n" in text else "\n"
    item = scalar(word)
    m = _KEY.search(text)
    if m is None:
        sep = "" if not text or text.endswith(("\n", "\r")) else newline
        return f"{text}{sep}vocabulary:{newline}  - {item}{newline}"
    value = m.group(1)
    if value.startswith("[") and value.endswith("]"):
        inner = value[1:-1].strip()
        new = f"[{inner}, {item}]" if inner else f"[{item}]"
        return text[:m.start(1)] + new + text[m.end(1):]
    if value:
        raise VocabularyError("'vocabulary:' is not a list written one item per line or in [brackets]")
    lines = text[m.end():].splitlines(keepends=True)
    pos = m.end()
    if lines and lines[0] in ("\n", "\r\n", "\r"):  # the rest of the key's own line
        pos += len(lines[0])
        lines = lines[1:]
    indent = None
    insert_at = pos
    for line in lines:
        stripped = line.strip()
        item_m = _ITEM.match(line)
        if item_m and (indent is None or item_m.group(1) == indent):
            indent = item_m.group(1)
            pos += len(line)
            insert_at = pos
            continue
        if not stripped or stripped.startswith("#") or (indent is not None and line.startswith(indent + " ")):
            pos += len(line)  # blank lines, comments, continuation of an item
            continue
        break
    if indent is None:
        raise VocabularyError("'vocabulary:' has no list items to add to")
    before = text[:insert_at]
    if before and not before.endswith(("\n", "\r")):
        before += newline
    return f"{before}{indent}- {item}{newline}{text[insert_at:]}"


def add_word(path: Path, word: str) -> None:
    """Add ``word`` to the vocabulary of the config at ``path`` (created if missing)."""
    word = word.strip()
    if not word or "\n" in word:
        raise VocabularyError("no word to add")
    try:
        data = path.read_bytes() if path.exists() else b""
        text = data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise VocabularyError(f"{path}: cannot read: {exc}") from None
    try:
        before = yaml.safe_load(text) if text.strip() else {}
    except yaml.YAMLError as exc:
        raise VocabularyError(f"{path}: not valid YAML, not changed: {exc}") from None
    if before is None:
        before = {}
    if not isinstance(before, dict):
        raise VocabularyError(f"{path}: not a mapping of keys to values, not changed")
    words = before.get("vocabulary", [])
    if isinstance(words, str) or not isinstance(words, list):
        raise VocabularyError(f"{path}: 'vocabulary:' names a word file; add '{word}' there")
    if word in words:
        return
    try:
        new = added(text, word)
    except VocabularyError as exc:
        raise VocabularyError(f"{path}: {exc}; add '{word}' by hand") from None
    after = yaml.safe_load(new)
    expected = {**before, "vocabulary": [*words, word]}
    if after != expected:
        raise VocabularyError(f"{path}: could not add '{word}' without changing anything else; add it by hand")
    write_atomic(path, (data[:3] if data.startswith(b"\xef\xbb\xbf") else b"") + new.encode("utf-8"))


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, renamed over the target."""
    target = Path(os.path.realpath(path))
    try:
        mode = os.stat(target).st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".newslint-tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
