"""Applying safe fixes (``newslint check --fix``) and previewing them (``--diff``).

Only findings whose ``fix`` is set are applied: rules set it when a replacement needs no
editor's judgement (a known misspelling with one correction, a house-usage swap marked
safe). Nothing inside a direct quotation is ever changed, overlapping fixes are not
applied together, and a file is written atomically: a temporary file in the same folder
with the same permissions, renamed over the original, and only if the original has not
changed since it was read.
"""
from __future__ import annotations

import bisect
import difflib
import hashlib
import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .findings import Finding

if TYPE_CHECKING:  # pragma: no cover
    from .config import Config
    from .document import Document
    from .engine import Engine, FileResult
    from .reading import Encoding, Source

BOM = b"\xef\xbb\xbf"
MAX_PASSES = 4  # a fix can reveal another (fix, re-check, fix again), a few times at most


class FixError(Exception):
    """A file could not be fixed; the message names it. Nothing was written."""


@dataclass(frozen=True)
class AppliedFix:
    """One replacement, with its position in the text before any fix of this run."""

    rule: str
    line: int
    column: int
    old: str
    new: str

    def describe(self, path: str) -> str:
        return f"{path}:{self.line}:{self.column}: fixed {self.rule}: {self.old!r} -> {self.new!r}"


@dataclass
class Snapshot:
    """A file as it was read: its bytes and what identifies that version."""

    path: str
    data: bytes
    size: int
    digest: str

    @classmethod
    def of(cls, path: str | Path, data: bytes) -> "Snapshot":
        """The version of the file whose bytes were ``data`` when it was read."""
        return cls(str(path), data, len(data), hashlib.sha256(data).hexdigest())

    @classmethod
    def read(cls, path: str | Path) -> "Snapshot":
        """The file as it is now, read within the size limit (:class:`lint.reading.ReadError` otherwise)."""
        from .reading import read_path

        return cls.of(path, read_path(str(path)))

    @property
    def encoding(self) -> "Encoding":
        from .reading import encoding_of

        return encoding_of(self.data)

    def unchanged(self) -> bool:
        """True when the file on disk is still the version that was read."""
        try:
            st = os.stat(self.path)
            if st.st_size != self.size:
                return False
            with open(self.path, "rb") as fh:
                return hashlib.sha256(fh.read()).hexdigest() == self.digest
        except OSError:
            return False


@dataclass
class FixOutcome:
    """What fixing one text did: the new text, the fixes applied and the final result."""

    original: str
    fixed: str
    applied: list[AppliedFix] = field(default_factory=list)
    result: "FileResult | None" = None
    error: str | None = None  # the fixed text could not be written; ``result`` is of the original

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


# ------------------------------------------------------------------ choosing and applying
def choose(doc: "Document", findings: list[Finding]) -> list[Finding]:
    """The fixes that are safe to apply together, in text order.

    Left out: findings without a fix, fixes that change nothing, fixes whose span no longer
    holds the matched text, anything inside a direct quotation, and overlapping fixes (the
    first one wins; where two rules propose different text for the same span, neither).
    """
    starts = [q.start for q in doc.quotes]

    def touches_quote(start: int, end: int) -> bool:
        i = bisect.bisect_left(starts, max(end, start + 1)) - 1  # last quote opening before the span ends
        return i >= 0 and doc.quotes[i].end > start

    candidates = []
    for f in findings:
        if f.fix is None or f.start < 0 or f.end > len(doc.text) or f.start > f.end:
            continue
        current = doc.text[f.start:f.end]
        if current != f.match or current == f.fix:
            continue
        if touches_quote(f.start, f.end):
            continue
        candidates.append(f)
    candidates.sort(key=lambda f: (f.start, f.end, f.rule))
    chosen: list[Finding] = []
    disputed: set[tuple[int, int]] = set()
    for f in candidates:
        if chosen and (f.start, f.end) == (chosen[-1].start, chosen[-1].end):
            if f.fix != chosen[-1].fix:  # two rules disagree: leave it to an editor
                disputed.add((f.start, f.end))
            continue
        if chosen and f.start < chosen[-1].end:
            continue
        chosen.append(f)
    return [f for f in chosen if (f.start, f.end) not in disputed]


def apply(text: str, fixes: list[Finding]) -> str:
    """The text with non-overlapping fixes (sorted by position) applied."""
    out: list[str] = []
    pos = 0
    for f in fixes:
        out.append(text[pos:f.start])
        out.append(f.fix or "")
        pos = f.end
    out.append(text[pos:])
    return "".join(out)


def fix_text(engine: "Engine", text: str, path: str, config: "Config",
             first: "tuple[FileResult, Document | None] | None" = None) -> FixOutcome:
    """Fix a text in a few passes; ``result`` is the check of the final text."""
    outcome = FixOutcome(original=text, fixed=text)
    result, doc = first if first is not None else engine.check_document(text, path, config=config)
    seen = {text}
    for _ in range(MAX_PASSES):
        if doc is None or result.error:
            break
        fixes = choose(doc, result.findings)
        if not fixes:
            break
        new = apply(outcome.fixed, fixes)
        if new in seen:  # fixes that undo each other
            break
        seen.add(new)
        # Positions are those of the text the pass started from.
        outcome.applied.extend(AppliedFix(f.rule, f.line, f.column, f.match, f.fix or "") for f in fixes)
        outcome.fixed = new
        result, doc = engine.check_document(new, path, config=config)
    outcome.result = result
    return outcome


def fix_file(engine: "Engine", source: "Source", config: "Config", *, write: bool) -> FixOutcome:
    """Fix a draft read from a file; with ``write``, write the fixed text over the file.

    A file that changed on disk since it was read, or cannot be written, is left as it was:
    no fix counts as applied, ``error`` says why and ``result`` is the check of the text as read.
    """
    outcome = fix_text(engine, source.text, source.name, config)
    if not (write and outcome.changed):
        return outcome
    try:
        write_atomic(Snapshot.of(source.name, source.data), outcome.fixed)
    except FixError as exc:
        outcome.error = str(exc)
        outcome.applied = []
        outcome.fixed = outcome.original
        outcome.result = engine.check_text(source.text, source.name, config=config)  # report the file as it is
    return outcome


# ------------------------------------------------------------------ writing
def write_atomic(snapshot: Snapshot, text: str) -> None:
    """Replace the file with ``text`` atomically, keeping its permissions and BOM.

    Raises :class:`FixError` (and writes nothing) when the file changed since
    ``snapshot`` was read, or when it cannot be written.
    """
    target = os.path.realpath(snapshot.path)  # write through a symlink, keep the link
    from .reading import encode_draft

    data = encode_draft(text, snapshot.encoding)  # the encoding and byte order mark it was read in
    if not snapshot.unchanged():
        raise FixError(f"{snapshot.path}: changed on disk while it was being checked; not fixed (run again)")
    try:
        st = os.stat(target)
        folder = os.path.dirname(target) or "."
        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".newslint-tmp", dir=folder)
    except OSError as exc:
        raise FixError(f"{snapshot.path}: cannot write a temporary file next to it: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        if hasattr(os, "chown"):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                pass  # not the owner: keep our own, as any editor would
        if not snapshot.unchanged():  # the last moment to notice another writer
            raise FixError(f"{snapshot.path}: changed on disk while it was being checked; not fixed (run again)")
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise FixError(f"{snapshot.path}: cannot write: {exc.strerror or exc}") from None
        raise


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of a fix; relative paths get git's a/ and b/ prefixes (``git apply``)."""
    a = before.splitlines(keepends=True)
    b = after.splitlines(keepends=True)
    out = []
    posix = Path(path).as_posix()
    old, new = (posix, posix) if Path(path).is_absolute() else (f"a/{posix}", f"b/{posix}")
    for line in difflib.unified_diff(a, b, fromfile=old, tofile=new):
        out.append(line)
        if not line.endswith(("\n", "\r")):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)
