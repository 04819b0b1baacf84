"""Term matching shared by the pattern kinds: word lists and regexes over prose."""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from .. import wordstarts
from ..document import Document
from ..rule import rule_alternation
from .lazyre import LazyAlternation, LazyPattern

SCOPES = ("text", "sentence", "line", "block")


def _term_body(term: str) -> str:
    body = r"\s+".join(re.escape(w) for w in term.split())
    return re.sub("['’]", "['’]", body)


def term_regex(term: str) -> str:
    """A literal word or phrase as a regex: word boundaries, any run of spaces between words."""
    left = r"(?<![\w])" if term[:1].isalnum() else ""
    right = r"(?![\w])" if term[-1:].isalnum() else ""
    return left + _term_body(term) + right


def terms_regex(terms: Iterable[str]) -> str | None:
    """Many terms as one alternation, longest first.

    Terms bounded by word characters share one pair of boundary assertions: an assertion
    opening every alternative stops ``re`` from skipping ahead by the alternatives' first
    characters, and such a regex runs several times slower on the same matches.
    """
    found = terms_alternation(terms)
    return found[0] if found else None


def terms_alternation(terms: Iterable[str]) -> tuple[str, list[str]] | None:
    """:func:`terms_regex` and its parts: one pattern per term, in the order the regex tries
    them (see :class:`lint.text.lazyre.LazyAlternation`)."""
    # Longest first so a phrase wins over its first word; then alphabetical, so the regex
    # is the same string in every run (set order is not).
    ordered = sorted(set(terms), key=lambda t: (-len(t), t))
    if not ordered:
        return None
    bounded = [t for t in ordered if t[:1].isalnum() and t[-1:].isalnum()]
    rest = [t for t in ordered if t not in set(bounded)]
    regex = []
    if bounded:
        regex.append(r"(?<![\w])(?:" + "|".join(_term_body(t) for t in bounded) + r")(?![\w])")
    regex += [term_regex(t) for t in rest]
    parts = [r"(?<![\w])(?:" + _term_body(t) + r")(?![\w])" for t in bounded] + [term_regex(t) for t in rest]
    return "|".join(regex), parts


def compile_terms(terms: Iterable[str], patterns: Iterable, ignorecase: bool) -> re.Pattern | LazyPattern | None:
    """One regex for a rule's words and patterns (compiled or lazy: only their source is
    used); see :func:`lint.rule.rule_alternation` for when it is compiled."""
    regex, parts = [], []
    words = terms_alternation(terms)
    if words:
        regex.append(words[0])
        parts += words[1]
    for p in patterns:
        regex.append(p.pattern)
        parts.append(p.pattern)
    if not regex:
        return None
    flags = re.IGNORECASE if ignorecase else 0
    return rule_alternation("|".join(f"(?:{p})" for p in regex), parts, flags)


def find(doc: Document, regex: re.Pattern, scope: str = "text") -> Iterator[tuple[int, int]]:
    """Match spans in the prose. ``line``/``block`` scopes need the whole line or block to match."""
    if scope == "text":
        for m in wordstarts.finditer(doc, regex):
            if m.end() > m.start():
                yield m.start(), m.end()
        return
    pre = wordstarts.prefixes(regex, at_start=True)
    if pre is None and isinstance(regex, LazyAlternation) and not regex.is_compiled:
        regex.scans += 1
        if regex.scans <= wordstarts.MOST_PART_SCANS:
            yield from _find_by_parts(doc, regex, scope)
            return
    for offset, stripped, head in _units(doc, scope):
        if pre is not None and head is not None and not head.startswith(pre):
            continue  # cannot start a match (see wordstarts.head_key)
        if regex.fullmatch(stripped):
            yield offset, offset + len(stripped)


def _find_by_parts(doc: Document, regex: LazyAlternation, scope: str) -> Iterator[tuple[int, int]]:
    """:func:`find` for a whole-unit scope, one part of the alternation at a time.

    A rule whose first words cannot all be read (one of its patterns opens with ``\\d``,
    ``.*`` or a symbol) is still mostly patterns that open with known words: a unit is
    tried against just the parts that can open it, and a draft whose lines open with
    none of them never compiles those parts. ``fullmatch`` of an alternation succeeds
    exactly when one of its alternatives (the parts) matches the whole unit, and the span
    is the unit's either way, so the results are the same as the whole pattern's.
    """
    openers = wordstarts.part_openers(regex)
    for offset, stripped, head in _units(doc, scope):
        for i, pre in enumerate(openers):
            if pre is not None and head is not None and not head.startswith(pre):
                continue
            if regex.part(i).fullmatch(stripped):
                yield offset, offset + len(stripped)
                break


def _units(doc: Document, scope: str) -> list[tuple[int, str, str | None]]:
    """The draft's sentences, blocks or lines as (offset, stripped text, head key), once per
    document: several rules go through the same units."""
    return doc.derived(("match-units", scope), lambda: _make_units(doc, scope))


def _make_units(doc: Document, scope: str) -> list[tuple[int, str, str | None]]:
    prose = doc.prose
    if scope == "sentence":
        spans = [(s.start, s.end) for s in doc.sentences]
    elif scope == "block":
        spans = [(b.start, b.end) for b in doc.blocks]
    else:
        spans = [m.span() for m in _LINE.finditer(prose)]
    out = []
    for start, end in spans:
        chunk = prose[start:end]
        stripped = chunk.strip()
        if stripped:
            out.append((start + len(chunk) - len(chunk.lstrip()), stripped, wordstarts.head_key(stripped)))
    return out


_LINE = re.compile(r"[^\r\n]+")


def excepted(doc: Document, start: int, end: int, exceptions: Iterable[re.Pattern]) -> bool:
    """True when an exception pattern matches, within the sentence, a span overlapping the hit."""
    if not exceptions:
        return False
    sentence = doc.sentence_at(start)
    lo, hi = (sentence.start, sentence.end) if sentence else (max(0, start - 200), min(len(doc.prose), end + 200))
    if isinstance(exceptions, tuple):
        # Only the patterns whose first words are in the sentence: the others are not even
        # compiled (the words of all of them are looked up together, once per draft).
        maybe = wordstarts.may_match_some(doc, exceptions, lo, hi)
        exceptions = [rx for k, rx in enumerate(exceptions) if k in maybe]
    else:
        exceptions = [rx for rx in exceptions if wordstarts.may_match_in(doc, rx, lo, hi)]
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
