"""A small cache of derived data in the user's cache folder, so a cold run is fast.

A pre-commit hook starts a fresh process for every commit, and parsing a dozen YAML packs
or compiling a few hundred regexes costs more than checking a page. So parsed rule packs
(:mod:`lint.yamlfile`), loaded fact bases (:mod:`lint.facts`) and regex prefixes
(:mod:`lint.wordstarts`) are kept here; the last through :class:`Memo`, one file per kind
that is written back when it grew. An entry's name
is a digest of everything its content depends on: the source file's path, size and
modification time, and the code that derived it. A stale, broken or unwritable cache only
costs speed: it is rebuilt, never an error. ``NEWSLINT_NO_CACHE=1`` turns it off;
``NEWSLINT_CACHE_DIR`` moves it (default ``$XDG_CACHE_HOME/newslint`` or
``~/.cache/newslint``).

Entries are pickles, and loading a pickle can run code, so a cache folder shared with
others must not be trusted: every entry carries a keyed BLAKE2b tag made with a secret that
lives outside the cache folder, in the user's config folder (``$XDG_CONFIG_HOME/newslint`` or
``~/.config/newslint``, file ``cache.key``, mode 0600, created on first use). An entry whose
tag does not verify is never unpickled, and a verified entry of the wrong type is dropped;
either way it is rebuilt. Without a usable secret the cache is off.
"""
from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path
from typing import Any, Callable

MOST_ENTRIES = 64  # per kind of entry; packs and code change, old entries are pruned


def folder() -> Path | None:
    """Where the cache lives, or None when it is turned off."""
    if os.environ.get("NEWSLINT_NO_CACHE"):
        return None
    own = os.environ.get("NEWSLINT_CACHE_DIR")
    if own:
        return Path(own)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "newslint" if xdg else Path.home() / ".cache" / "newslint"


def source_stamp(*paths: str | Path) -> tuple | None:
    """What identifies the current version of these files (None when one is unreadable)."""
    out = []
    for p in paths:
        try:
            st = os.stat(p)
        except OSError:
            return None
        out.append((str(p), st.st_mtime_ns, st.st_size))
    return tuple(out)


def entry(kind: str, key: tuple) -> Path | None:
    """The cache file for ``key`` (None when the cache is off)."""
    root = folder()
    if root is None:
        return None
    digest = _digest(repr((key, sys.version_info[:2])).encode())
    return root / f"{kind}-{digest}.pickle"


def _digest(data: bytes) -> str:
    from hashlib import blake2b

    return blake2b(data, digest_size=12).hexdigest()


_MAGIC = b"newslint-cache-1\n"
_TAG = 32
_SECRET: bytes | None | bool = False  # False: not read yet


def _secret() -> bytes | None:
    """The per-user key that tags cache entries; None when it cannot be had safely."""
    global _SECRET
    if _SECRET is not False:
        return _SECRET  # type: ignore[return-value]
    _SECRET = None
    xdg = os.environ.get("XDG_CONFIG_HOME")
    path = (Path(xdg) if xdg else Path.home() / ".config") / "newslint" / "cache.key"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "wb") as fh:
                fh.write(os.urandom(32))
        st = os.stat(path)
        if hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & 0o077):
            return None  # someone else could read or write it: no cache rather than a forgeable one
        key = path.read_bytes()
    except OSError:
        return None
    if len(key) >= 16:
        _SECRET = key[:64]
    return _SECRET


def _tag(secret: bytes, kind: str, payload: bytes) -> bytes:
    from hashlib import blake2b

    return blake2b(kind.encode() + b"\0" + payload, key=secret, digest_size=_TAG).digest()


def read(kind: str, key: tuple, expected: type | tuple[type, ...] = object) -> Any:
    """The cached value for ``key`` if it is an instance of ``expected``, or None."""
    path = entry(kind, key)
    secret = _secret() if path is not None else None
    if path is None or secret is None:
        return None
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    head = len(_MAGIC) + _TAG
    if not data.startswith(_MAGIC) or len(data) < head:
        return None
    import hmac

    payload = data[head:]
    if not hmac.compare_digest(data[len(_MAGIC):head], _tag(secret, kind, payload)):
        return None  # not written by this user's newslint: never unpickled
    import gc

    enabled = gc.isenabled()
    gc.disable()  # unpickling builds many objects at once: no collection can free any of them
    try:
        value = pickle.loads(payload)  # noqa: S301 - tagged by this user's own key
    except Exception:  # written by another version: rebuilt
        return None
    finally:
        if enabled:
            gc.enable()
    return value if isinstance(value, expected) else None


def derived(kind: str, sources: tuple, build: "Callable[[], Any]", expected: type | tuple[type, ...]) -> Any:
    """``build()``, kept in the cache until one of the ``sources`` (data files and the code
    that reads them) changes."""
    key = source_stamp(*sources)
    if key is not None:
        hit = read(kind, key, expected)
        if hit is not None:
            return hit
    value = build()
    if key is not None:
        write(kind, key, value)
    return value


def write(kind: str, key: tuple, value: Any) -> None:
    """Store ``value`` atomically (temporary file, then rename); failures are ignored."""
    path = entry(kind, key)
    secret = _secret() if path is not None else None
    if path is None or secret is None:
        return
    import tempfile

    tmp = None
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{kind}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(_MAGIC + _tag(secret, kind, payload) + payload)
        os.replace(tmp, path)
        tmp = None
        _prune(path.parent, kind, keep=path)
    except Exception:  # an unwritable cache folder only costs speed
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _prune(root: Path, kind: str, keep: Path) -> None:
    entries = list(root.glob(f"{kind}-*.pickle"))
    if len(entries) <= MOST_ENTRIES:
        return
    entries.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[MOST_ENTRIES:]:
        if old != keep:
            try:
                old.unlink()
            except OSError:
                pass


class Memo:
    """A dictionary kept in the cache between runs: read on first use, written back at exit
    when it grew. For small derived facts many runs need (regex prefixes and heads); a stale
    or missing file only means recomputing.

    Each entry is stored pickled on its own, and unpickled when it is first asked for: a
    memo filled by long runs (hundreds of patterns) costs a one-page run only the entries it
    reads (measured: 383 heads, 760 KB, 44 ms to unpickle whole, against the 44 a page uses).
    In memory it holds at most twice ``most`` entries, the newest."""

    #: Part of every memo's cache key: files written in another layout are not read.
    LAYOUT = "entries-pickled-1"

    def __init__(self, kind: str, key: tuple, most: int = 4_000) -> None:
        self.kind, self.key, self.most = kind, (*key, self.LAYOUT), most
        self._raw: dict | None = None  # key -> pickled value, as read from the cache
        self._data: dict = {}  # key -> value, unpickled or set in this process
        self._new: set = set()  # keys set in this process, to be written
        self._grew = False

    def _load(self) -> dict:
        saved = read(self.kind, self.key, dict)
        self._raw = saved if saved is not None else {}
        return self._raw

    def get(self, key: Any) -> Any:
        try:
            return self._data[key]
        except KeyError:
            pass
        raw = self._raw if self._raw is not None else self._load()
        blob = raw.get(key)
        if blob is None:
            return None
        try:
            value = pickle.loads(blob)  # noqa: S301 - part of a file tagged by this user's key
        except Exception:  # a damaged entry: recomputed
            return None
        self._data[key] = value
        return value

    def __contains__(self, key: Any) -> bool:
        if key in self._data:
            return True
        raw = self._raw if self._raw is not None else self._load()
        return key in raw

    def set(self, key: Any, value: Any) -> None:
        if self._raw is None:
            self._load()
        data = self._data
        data[key] = value
        self._new.add(key)
        if len(data) > 2 * self.most:  # a long-lived process (a server) keeps the newest
            for old in list(data)[:len(data) - self.most]:
                del data[old]
            self._new &= data.keys()
        if not self._grew:
            self._grew = True
            import atexit

            atexit.register(self.save)

    def save(self) -> None:
        """Write the entries out, the newest ``most`` of them; a no-op unless one was added."""
        if not self._grew:
            return
        self._grew = False
        out = dict(self._raw or {})
        for key in self._new:
            if key in self._data:
                out.pop(key, None)  # re-inserted: newest last
                out[key] = pickle.dumps(self._data[key], protocol=pickle.HIGHEST_PROTOCOL)
        self._new = set()
        if len(out) > self.most:
            out = dict(list(out.items())[-self.most:])
        self._raw = out
        write(self.kind, self.key, out)
