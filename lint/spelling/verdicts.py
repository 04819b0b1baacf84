"""The speller's verdicts on a whole document: what the ``spelling`` rules report and what
the LanguageTool rule leaves to them.

:mod:`lint.spelling.checker` judges words; this module gives it a document's sentence
starts, caches a speller per configuration, keeps the verdicts on the document (one run of
the speller per document, however many rules read them), and drops verdicts on text that
is not English.
"""
from __future__ import annotations

import re
import threading
from collections import Counter
from typing import TYPE_CHECKING, Iterable, NamedTuple

from ..document import Document
from ..text.tokens import tokens

if TYPE_CHECKING:  # pragma: no cover
    from ..config import Settings
    from .checker import SpellChecker, Verdict

_LOCK = threading.Lock()
_CHECKERS: dict[tuple, "SpellChecker"] = {}


def checker_for(settings: "Settings") -> "SpellChecker":
    """A speller for these settings (language, vocabulary), cached per process."""
    from .checker import SpellChecker

    opts = settings.section("spelling")
    key = (settings.language, settings.vocabulary, bool(opts.get("names", True)), settings.fact_packs,
           getattr(settings, "registered_fact_packs", None))
    with _LOCK:
        sc = _CHECKERS.get(key)
        if sc is None:
            sc = SpellChecker(language=settings.language, vocabulary=sorted(settings.vocabulary))
            if opts.get("names", True):
                sc.names_source = lambda: _known_names(settings)
            sc.share_memos(_scope(key))
            _CHECKERS[key] = sc
    return sc


def _scope(key: tuple) -> tuple:
    """The checker's settings in a form as small and as stable across processes as the
    settings themselves (a vocabulary may be thousands of words): what its memos' entries
    depend on (see :mod:`lint.sharedmemo`)."""
    from hashlib import blake2b

    language, vocabulary, names, packs, registered = key
    words = blake2b("\n".join(sorted(vocabulary)).encode(), digest_size=16).hexdigest()
    return (language, words, names, packs, registered)


def _known_names(settings: "Settings") -> Iterable[str]:
    # The fact packs' gazetteer; a broken or missing facts package leaves names unknown
    # rather than stopping the speller.
    try:
        from ..facts import known_name_words
    except ImportError:  # pragma: no cover - facts is part of newslint
        return ()
    return known_name_words(settings)


def sentence_starts(doc: Document) -> frozenset[int]:
    """Where a capital says nothing about names: sentence, block and heading-word starts."""
    # Words of a title-case headline other than the first are treated like words inside a
    # sentence: their capitals say little, and headlines are full of names.
    starts = {s.start for s in doc.sentences}
    for b in doc.blocks:
        i = b.start
        while i < b.end and doc.prose[i].isspace():
            i += 1
        starts.add(i)
    # After a colon or a dash a capital may start a new clause.
    text = doc.prose
    i = text.find(": ")
    while i >= 0:
        starts.add(i + 2)
        i = text.find(": ", i + 1)
    return frozenset(starts)


def verdicts(doc: Document, settings: "Settings") -> list["Verdict"]:
    """The speller's verdicts on a document (computed once per document and settings)."""
    sc = checker_for(settings)
    # kept on the document, not in a module-level list: a long draft's pieces are freed one
    # by one, and nothing of a document outlives it
    return doc.derived(("spelling-verdicts", id(sc)), lambda: _verdicts(doc, sc))


def _verdicts(doc: Document, sc: "SpellChecker") -> list["Verdict"]:
    # The document's token table: the words are not found again for the speller.
    vs = sc.check(tokens(doc), sentence_starts(doc))
    return _leave_foreign_text(doc, sc, vs) if vs else vs


class _Span(NamedTuple):
    start: int
    end: int
    text: str


def _leave_foreign_text(doc: Document, sc: "SpellChecker", vs: list) -> list:
    """Drop verdicts on text that is not English: whole sentences or quoted passages in
    another language, and runs of two or more adjacent words no English list knows
    ("res ipsa loquitur"). When such text is most of the draft, one ``foreign`` verdict
    says the draft was not spell-checked."""
    from .checker import Verdict
    from .foreign import DRAFT_SHARE, count_words, foreign_spans, words_in
    from .phrases import in_phrase

    prose = doc.prose

    def known(word: str) -> bool:
        return sc.known(word) is not None or sc.built_from_known(word)

    spans: list[tuple[int, int]] = []
    seen: set[int] = set()
    for v in vs:
        s = doc.sentence_at(v.word.start)
        if s is None or s.start in seen:
            continue
        seen.add(s.start)
        spans.extend(foreign_spans(prose, s.start, s.end, known))
    # The draft's length in words, counted only when a decision needs it (a scan of the
    # whole draft: most drafts with a finding never need it).
    total = -1
    if spans:
        total = count_words(prose)
        if total >= 20 and words_in(prose, spans) >= DRAFT_SHARE * total:
            first = min(spans)
            return [Verdict(_Span(first[0], first[1], prose[first[0]:first[1]]), "foreign", (), "info")]  # type: ignore[arg-type]
        vs = [v for v in vs if not any(a <= v.word.start < b for a, b in spans)]
    # An unknown word beside another word no English list knows well is a phrase in
    # another language ("res ipsa loquitur"), not a typo; a clear slip still counts.
    # A lowercase word the lists lack that the writer uses twice or more, densely
    # (once per thousand words at least: what a story is about recurs), is the writer's
    # word (a drug, a product, a coinage), not a slip.
    uses = Counter(v.word.text for v in vs if v.kind in ("unknown", "rare") and v.severity != "error")
    need: float | None = None
    out = []
    for v in vs:
        # A word of a fixed phrase from another language ("summa cum laude", "sub
        # judice") is English as the phrase is, even one letter from a word ("juice").
        if v.kind != "variant" and in_phrase(prose, v.word.start, v.word.end):
            continue
        if v.kind in ("unknown", "rare") and v.severity != "error" and not v.word.text[:1].isupper():
            n_uses = uses[v.word.text]
            if n_uses >= WRITERS_WORD_USES:  # the least ``need`` can be: else no count is needed
                if need is None:
                    if total < 0:
                        total = count_words(prose)
                    need = max(WRITERS_WORD_USES, total * WRITERS_WORD_DENSITY / 1000)
                if n_uses >= need:
                    continue
            # A word set alone in quotation marks is mentioned, not used: a term the
            # writer introduces ("so-called "exogenic" processes"), with the comma or full
            # stop inside the marks as American style puts it ("front trunk, or "frunk,"").
            if prose[v.word.start - 1:v.word.start] in _OPEN_QUOTES and _closes_quote(prose, v.word.end):
                continue
            # ... and so is a word the sentence gives as a name: "rooms known as hieleras",
            # "a dish called pozole".
            if _NAMED_AS.search(prose, max(0, v.word.start - 30), v.word.start):
                continue
            # A word that stands alone as an exclamation ("... bam!", "- whoosh!") is a
            # sound or an interjection, which word lists hold poorly.
            if prose[v.word.end:v.word.end + 1] == "!" and _ALONE_BEFORE.search(prose, max(0, v.word.start - 4), v.word.start):
                continue
            if any(_foreign_word(sc, w) for w in _neighbours(prose, v.word.start, v.word.end)):
                continue
            # The lowercase part of a hyphenated name ("Park Seo-yeon", "Jean-Pierre"):
            # a compound that starts with a capital inside a sentence is a name.
            if v.word.compound[:1].isupper() and not _starts_sentence(doc, prose, v.word):
                continue
            # The second half of a Latin binomial: "Yersinia pestis", "Homo sapiens".
            if v.word.after_capital and v.word.lower.endswith(_LATIN_ENDINGS) and len(v.word.text) >= 4:
                continue
        out.append(v)
    return out


#: Uses of an unknown lowercase word in one draft that make it the writer's word.
WRITERS_WORD_USES = 2
WRITERS_WORD_DENSITY = 1.0  # uses per 1,000 words
_NAMED_AS = re.compile(r"\b(?:called|known as|dubbed|nicknamed|termed)[ \t]+(?:(?:a|an|the)[ \t]+)?\Z", re.IGNORECASE)
_ALONE_BEFORE = re.compile(r"(?:\A|[^\w\s,][ \t]*)\Z")
_OPEN_QUOTES = frozenset('"“‘\'«')
_INSIDE_QUOTES = frozenset(",.")
_CLOSE_QUOTES = frozenset('"”’\'»')
_LATIN_ENDINGS = ("is", "us", "um", "ae", "ii", "a", "i", "ens", "es")


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+\Z")
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_]+)")
#: A neighbour this rare (x10 Zipf) or unknown makes an unknown word part of a foreign phrase.
FOREIGN_NEIGHBOUR_ZIPF = 20


def _closes_quote(prose: str, end: int) -> bool:
    """Whether a quotation mark closes right after ``end``, or after a comma or full stop."""
    if prose[end:end + 1] in _INSIDE_QUOTES:
        end += 1
    return prose[end:end + 1] in _CLOSE_QUOTES


def _starts_sentence(doc: Document, prose: str, word: object) -> bool:
    """Whether the hyphenated compound ``word`` is part of starts its sentence."""
    compound = word.compound  # type: ignore[attr-defined]
    start = prose.rfind(compound, max(0, word.end - len(compound) - 2), word.end + len(compound))  # type: ignore[attr-defined]
    if start < 0 or start > word.start:  # type: ignore[attr-defined]
        return True  # cannot tell: keep the verdict
    s = doc.sentence_at(start)
    return s is None or not prose[s.start:start].strip(" \t\n\"“‘'(")


def _neighbours(prose: str, start: int, end: int) -> list[str]:
    out = []
    m = _WORD_BEFORE.search(prose, max(0, start - 40), start)
    if m:
        out.append(m.group(1))
    m = _WORD_AFTER.match(prose, end)
    if m:
        out.append(m.group(1))
    return out


def _foreign_word(sc: "SpellChecker", word: str) -> bool:
    if word[:1].isupper():
        return False
    z = sc.known(word.lower())
    return (z is None and not sc.built_from_known(word.lower())) or (z is not None and z < FOREIGN_NEIGHBOUR_ZIPF)
