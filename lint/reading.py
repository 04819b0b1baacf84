"""Reading a draft's bytes from any source, bounded, and decoding them.

:func:`load` and :func:`load_stream` are the one place a run reads and decodes a draft
(checking, fixing, standard input). Every front end reads through here: files, folders' files, standard input, pipes. The size
limit is checked while reading, so a device (``/dev/urandom``) or an endless pipe costs at
most ``MAX_BYTES`` of memory, never all of it. Text is UTF-8, or UTF-16/UTF-32 with a byte
order mark (written back in the same encoding by ``--fix``); anything else is refused with a
message that says how to convert it.
"""
from __future__ import annotations

import codecs
import os
import stat
from typing import BinaryIO, NamedTuple

MAX_BYTES = 50 * 1024 * 1024
_CHUNK = 1024 * 1024

# Longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class ReadError(Exception):
    """The source cannot be read as a draft; the message names it and says why."""


class Encoding(NamedTuple):
    name: str  # a codec name
    bom: bytes  # the byte order mark the source starts with (b"" for none)


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}".rstrip("0").rstrip(".") + " MB"


def too_large(name: str, size: int | None = None) -> str:
    what = f"is {_mb(size)}" if size is not None else f"is over {_mb(MAX_BYTES)}"
    return f"{name}: {what}; newslint reads drafts up to {_mb(MAX_BYTES)} (split it, or lint its parts)"


def read_stream(stream: BinaryIO, name: str, limit: int = MAX_BYTES) -> bytes:
    """Up to ``limit`` bytes of ``stream``; more is a :class:`ReadError`, found while reading."""
    parts: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        total += len(chunk)
        if total > limit:
            raise ReadError(too_large(name))


def read_path(path: str, limit: int = MAX_BYTES) -> bytes:
    """A file's bytes: regular files and pipes; folders and devices are refused."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise ReadError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise ReadError(f"{path}: is a folder, not a draft")
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
        raise ReadError(f"{path}: is a device or socket, not a draft file")
    if stat.S_ISREG(st.st_mode) and st.st_size > limit:
        raise ReadError(too_large(path, st.st_size))
    try:
        with open(path, "rb") as fh:
            return read_stream(fh, path, limit)
    except OSError as exc:
        raise ReadError(f"{path}: cannot read: {exc.strerror or exc}") from None


def encoding_of(data: bytes) -> Encoding:
    for bom, name in _BOMS:
        if data.startswith(bom):
            if name != "utf-8" and b"\x00" not in data[len(bom):len(bom) + 8192]:
                # English in UTF-16/32 is full of NUL bytes; without any, the "mark" is just
                # two bytes of some other encoding (Latin-1 "ÿþ"), refused below as not UTF-8
                break
            return Encoding(name, bom)
    return Encoding("utf-8", b"")


def decode_draft(data: bytes, name: str) -> str:
    """The text of a draft, without its byte order mark; a clear :class:`ReadError` otherwise."""
    enc = encoding_of(data)
    if enc.name != "utf-8":
        try:
            return data[len(enc.bom):].decode(enc.name)
        except UnicodeDecodeError as exc:
            raise ReadError(f"{name}: starts with a {enc.name.upper()} byte order mark but is not valid "
                            f"{enc.name.upper()} (offset {exc.start + len(enc.bom)}); re-save it as UTF-8") from None
    body = data[len(enc.bom):]
    if b"\x00" in body[:8192]:
        hint = ""
        if len(body) > 1 and (body[1:2] == b"\x00" or body[:1] == b"\x00"):
            hint = ("; it may be UTF-16 or UTF-32 without a byte order mark: convert it with "
                    "'iconv -f UTF-16 -t UTF-8' (or UTF-32)")
        raise ReadError(f"{name}: looks like a binary file (NUL bytes), not a draft{hint}")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = body[: exc.start].count(b"\n") + 1
        raise ReadError(
            f"{name}:{line}: not valid UTF-8 (byte 0x{body[exc.start]:02x} at offset {exc.start + len(enc.bom)});"
            " re-save the file as UTF-8 (for example: iconv -f WINDOWS-1252 -t UTF-8)"
        ) from None


def encode_draft(text: str, enc: Encoding) -> bytes:
    """``text`` in the encoding it was read in, byte order mark included."""
    return enc.bom + text.encode(enc.name)


class Source(NamedTuple):
    """A draft as read: its name, its bytes (what ``--fix`` compares and writes back in the
    same encoding) and its decoded text."""

    name: str
    data: bytes
    text: str


def load(path: str, limit: int = MAX_BYTES) -> Source:
    """Read and decode a draft file; a :class:`ReadError` names it and says why not."""
    data = read_path(path, limit)
    return Source(path, data, decode_draft(data, path))


def load_stream(stream: BinaryIO, name: str, limit: int = MAX_BYTES) -> Source:
    """Read and decode a draft from a stream (standard input), reported as ``name``."""
    data = read_stream(stream, name, limit)
    return Source(name, data, decode_draft(data, name))
