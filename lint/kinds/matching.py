"""Term matching shared by the pattern kinds: word lists and regexes over prose."""
from __future__ import annotations

import functools
import re
from typing import Iterable, Iterator

from ..document import Document

SCOPES = ("text", "sentence", "line", "block")


def term_regex(term: str) -> str:
    """A literal word or phrase as a regex: word boundaries, any run of spaces between words."""
    words = [re.escape(w) for w in term.split()]
    body = r"\s+".join(words)
    body = body.replace("'", "['’]").replace("’", "['’]")
    left = r"(?<![\w])" if term[:1].isalnum() else ""
    right = r"(?![\w])" if term[-1:].isalnum() else ""
    return left + body + right


def compile_terms(terms: Iterable[str], patterns: Iterable[re.Pattern], ignorecase: bool) -> re.Pattern | None:
    parts = [term_regex(t) for t in sorted(set(terms), key=len, reverse=True)]
    parts += [p.pattern for p in patterns]
    if not parts:
        return None
    flags = re.IGNORECASE if ignorecase else 0
    return re.compile("|".join(f"(?:{p})" for p in parts), flags)


def _top_level_alternatives(pattern: str) -> list[str] | None:
    """Split a pattern at its top-level ``|``; None when the pattern is not one plain alternation."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts if depth == 0 and not in_class else None


def _group_end(pattern: str, start: int) -> int:
    """Index just past the group that opens at ``start`` (escapes and classes respected)."""
    depth, i, in_class = 0, start, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


@functools.lru_cache(maxsize=1024)
def _hoisted(pattern: str, flags: int) -> re.Pattern | None:
    """The same regex with a lookbehind that starts every alternative moved in front of them.

    Term lists compile to ``(?:(?<![\\w])foo(?![\\w]))|(?:(?<![\\w])bar(?![\\w]))|...``; an
    assertion opening every branch keeps ``re`` from skipping ahead by first characters, and
    such a regex runs about ten times slower than ``(?<![\\w])(?:foo...|bar...)``, which
    matches exactly the same spans. None when the pattern does not have that shape.
    """
    alts = _top_level_alternatives(pattern)
    if not alts or len(alts) < 2:
        return None
    inner = []
    for alt in alts:
        if alt.startswith("(?:") and _group_end(alt, 0) == len(alt):
            alt = alt[3:-1]
        inner.append(alt)

    def lookbehind_of(alt: str) -> str:
        if not alt.startswith("(?<"):
            return ""
        end = _group_end(alt, 0)
        return alt[:end] if end > 0 else ""

    # Group runs of neighbouring alternatives that open with the same lookbehind; the order
    # of the alternatives is kept, so the same branch wins at every position.
    pieces: list[str] = []
    grouped = False
    i = 0
    while i < len(inner):
        lb = lookbehind_of(inner[i])
        j = i + 1
        while lb and j < len(inner) and lookbehind_of(inner[j]) == lb:
            j += 1
        if j - i >= 2:
            body = "|".join(f"(?:{a[len(lb):]})" for a in inner[i:j])
            pieces.append(f"{lb}(?:{body})")
            grouped = True
        else:
            pieces.append(f"(?:{inner[i]})")
        i = j
    if not grouped:
        return None
    try:
        return re.compile("|".join(pieces), flags)
    except re.error:  # pragma: no cover - same pieces, so this should not happen
        return None


def fast(regex: re.Pattern) -> re.Pattern:
    """An equivalent, faster regex for a term list (see :func:`_hoisted`), or ``regex`` itself."""
    return _hoisted(regex.pattern, regex.flags) or regex


def find(doc: Document, regex: re.Pattern, scope: str = "text") -> Iterator[tuple[int, int]]:
    """Match spans in the prose. ``line``/``block`` scopes need the whole line or block to match."""
    regex = fast(regex)
    prose = doc.prose
    if scope == "text":
        for m in regex.finditer(prose):
            if m.end() > m.start():
                yield m.start(), m.end()
        return
    if scope == "sentence":
        units = [(s.start, s.end) for s in doc.sentences]
    elif scope == "block":
        units = [(b.start, b.end) for b in doc.blocks]
    else:
        units = []
        for m in re.finditer(r"[^\r\n]+", prose):
            units.append((m.start(), m.end()))
    for start, end in units:
        chunk = prose[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        stripped = chunk.strip()
        if not stripped:
            continue
        m = regex.fullmatch(stripped)
        if m:
            yield start + lead, start + lead + len(stripped)


def excepted(doc: Document, start: int, end: int, exceptions: Iterable[re.Pattern]) -> bool:
    """True when an exception pattern matches, within the sentence, a span overlapping the hit."""
    if not exceptions:
        return False
    sentence = doc.sentence_at(start)
    lo, hi = (sentence.start, sentence.end) if sentence else (max(0, start - 200), min(len(doc.prose), end + 200))
    for rx in exceptions:
        for m in rx.finditer(doc.prose, lo, hi):
            if m.start() < end and start < m.end():
                return True
    return False


def match_case(replacement: str, original: str) -> str:
    """Carry the original's capitalisation over to a suggested replacement."""
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper() and not replacement[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
