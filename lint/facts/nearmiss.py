"""Is a name one slip from a known person's that person misspelled, or somebody else?

The one decision behind ``facts.name-misspelling``'s near-misses, for full names ("Keir
Starner") and single words ("Lukashneko") alike. Evidence is weighed both ways.

For the known person (points, added up in :class:`Evidence`):

- ``title``: a title of theirs right before the name: 3 when they hold that office at the
  article's date ("Prime Minister Starner"), 2 when they held it at another time;
- ``anchor``: the rest of the name written right: their first name (1 when it is a common
  given name such as "Mark", else 2), or, for a slip in the first name, a surname that is
  not a common one;
- ``extra``: more words of the name written right ("Ursula von der Leyden"): 1;
- ``named``: the person named correctly in the draft: 2;
- ``context``: one of their office titles in the same sentence ("Britain's prime
  minister, Keir Starner"): 2; their country, or a word of their office, in the
  paragraph: 1.

For somebody else: the written form is itself real (:func:`real_form`): a surname, given
name or place in the lists of ``rules/names/`` (US Census, Faker, GeoNames), an English
word, the plural of a known surname ("the Bidens"), a name the draft gives with another
first name ("Jane Starner"), or one it writes three times or more (a player's surname
throughout a match report). Known people's own names never reach this module: a known
name is never a misspelling of another (the index is checked first).

How much evidence is needed (:func:`needed`): a full name, 3 (its anchor alone is not
enough: "Mark Carne" may be Mark Carne); a single word that is not real, 2 (the office
nearby or the person named in the draft; their country alone is not enough, with
a thousand people in the packs a surname spelled another way is often another person's);
a single word that is real, 3, so "Starner" in a sports story is left alone and "Prime
Minister Starner" is not. A slip in the first letter ("Elensky") counts as the one slip
in the word, and needs the same evidence. Two real names are thus never "corrected"
into each other without evidence that makes the person certain.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator, NamedTuple

from .text import PARTICLES, tokens_of

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import Analysis
    from .model import Person

# A full name needs its anchor and one more piece; a single word that is not a real name
# needs two points (its office nearby, or the person named in the draft: the country
# alone is not enough, "Mr Mukerjee" in a story about India is not Pranab Mukherjee);
# a real one needs three.
FULL_NAME = 3
BARE = 2
REAL = 3
# The most points :func:`context_points` gives (its strong evidence): a caller skips a
# person whose named points plus these cannot reach what a verdict needs.
MOST_CONTEXT = 2
# A form written this many times in one draft is what the writer means: a footballer's
# surname in a match report, not a slip on a minister's.
USED_THROUGHOUT = 3
# Words this common (x10 Zipf: 0.1 per million words, "Swedes", "Thais") are words, not
# slips on a name; rarer entries of a word list are as likely names or slips themselves.
WORD_ZIPF = 20


class Evidence(NamedTuple):
    """Points for the known person (see the module docstring)."""

    title: int = 0
    anchor: int = 0
    extra: int = 0
    named: int = 0
    context: int = 0

    @property
    def score(self) -> int:
        return self.title + self.anchor + self.extra + self.named + self.context


def needed(real: str | None, bare: bool) -> int:
    """The evidence a near-miss needs before it is reported."""
    if real is not None:
        return REAL
    return BARE if bare else FULL_NAME


def verdict(ev: Evidence, real: str | None, bare: bool) -> str | None:
    """``"strong"`` (an error with a safe fix), ``"weak"`` (a warning) or None (silent)."""
    need = needed(real, bare)
    if ev.score < need:
        return None
    # A full name that is nobody's, a title of the person's at the date, or evidence to spare.
    if (real is None and not bare) or ev.title >= 3 or ev.score >= need + 2:
        return "strong"
    return "weak"


def first_name_points(key: str) -> int:
    """A first name written right: "Keir" says more than "Mark"."""
    from .realnames import is_common_given_name

    return 1 if is_common_given_name(key) else 2


def surname_points(key: str) -> int:
    """A surname written right, for a slip in the first name: "Starmer" says more than "Smith"."""
    from .realnames import is_common_given_name
    from .surnames import COMMON_SURNAMES

    return 1 if key in COMMON_SURNAMES or is_common_given_name(key) or len(key) < 5 else 2


def named_points(a: "Analysis", person: "Person", offset: int) -> int:
    """The person named correctly anywhere in the draft: 2.

    Anywhere, not only in the paragraph: pasted copy has a paragraph a line, and a story
    that names Donald Trump in its opening means him by "Trupm" six lines on. A real form
    needs more than this ("Starmer watched; Starner scored" stays silent)."""
    # A bare surname read as the only known person with it ("Starmer watched") counts too.
    return 2 if any(m.kind != "misspelling" for m in a.by_person.get(person.id, ())) else 0


def context_points(a: "Analysis", person: "Person", lo_tok: int, hi_tok: int) -> int:
    """Their office named near the name (tokens ``lo_tok:hi_tok``): 2 for an office title of
    theirs of two or more words in the sentence ("Britain's prime minister"), or of one word
    next to the name ("Falkenrat, the former chancellor"); 1 for a one-word title elsewhere
    in the sentence, or their country or a word of their office (capitalised) in the
    paragraph."""
    from .analysis import sentence_span

    toks = a.tokens
    starts, all_keys = a.helper.starts, a.helper.keys
    start = starts[lo_tok]
    lo, hi = sentence_span(a.doc, start)
    # Titles that belong to a name of the draft ("Chancellor Merz met Herz") are not about this one.
    first, last = _tok_range(starts, lo, hi)
    sent = [n for n in range(first, last) if not lo_tok <= n < hi_tok and n not in a.covered]
    keys = [all_keys[n] for n in sent]
    present = set(keys)
    best = 0
    for o in a.base.offices_of(person.id):
        for title in (*o.titles, *o.short_titles):
            for seq in _title_keys(title):
                if not seq or seq[0] not in present:
                    continue
                size, head = len(seq), seq[0]
                for x in range(len(keys) - size + 1):
                    if keys[x] != head or keys[x:x + size] != seq:
                        continue
                    if len(seq) >= 2:
                        return MOST_CONTEXT
                    n = sent[x]
                    # one word ("president") says little unless it is in apposition
                    best = max(best, MOST_CONTEXT if (lo_tok - 4 <= n < lo_tok or hi_tok <= n < hi_tok + 4) else 1)
    if best:
        return best
    ctx = a.index.context.get(person.id, frozenset())
    if not ctx:
        return 0
    block = a.doc.block_at(start)
    blo, bhi = (block.start, block.end) if block else (start - 400, a.helper.ends[hi_tok - 1] + 400)
    first, last = _tok_range(starts, blo, bhi)
    if ctx.isdisjoint(all_keys[first:last]):
        return 0
    for n in range(first, last):
        t = toks[n]
        if not lo_tok <= n < hi_tok and t.key in ctx and t.text[:1].isupper():
            return 1
    return 0


@lru_cache(maxsize=4096)
def _title_keys(title: str) -> tuple[list[str], list[str]]:
    """A title's word keys, and those of its core when that has two words or more (the title
    without its capitalised qualifiers: "press secretary" of "White House press secretary"),
    else an empty list. Read-only: shared by every call."""
    words = tokens_of(title)
    tk = [w.key for w in words]
    cut = next((n for n, w in enumerate(words) if w.text[:1].islower()), len(words))
    core = [w.key for w in words[cut:]]
    return tk, core if len(core) >= 2 else []


def _tok_range(starts: list[int], lo: int, hi: int) -> tuple[int, int]:
    """Indexes of the tokens that start in ``lo:hi`` (``starts``: the tokens' starts, in order)."""
    return bisect_left(starts, lo), bisect_left(starts, hi)


@lru_cache(maxsize=1)
def _lexicon():
    try:
        from ..spelling.lexicon import default_lexicon

        return default_lexicon()
    except Exception:  # pragma: no cover - the word list is optional here
        return None


def common_word(lower: str) -> bool:
    """A word of the word list at least as common as WORD_ZIPF."""
    lx = _lexicon()
    if lx is None:
        return False
    try:
        z = lx.zipf(lower)
    except Exception:  # pragma: no cover
        return False
    return z is not None and z >= WORD_ZIPF


def real_form(a: "Analysis", i: int) -> str | None:
    """What token ``i`` is when it is itself real (so not a slip on a known name): a
    surname, given name or place in the name lists, a common English word, the plural of
    a known surname, a name the draft gives with another first name, or one it writes
    three times or more. None otherwise."""
    from .realnames import real_name

    toks = a.tokens
    t = toks[i]
    key = t.key
    idx = a.index
    if plural_of_known(a, key):
        return "a plural of a known name"
    kind = real_name(key)
    if kind is not None:
        return kind
    if common_word(t.text.lower()):
        return "word"
    helper = a.helper
    keys = helper.keys
    if sum(1 for n in helper.capitalised() if keys[n] == key) >= USED_THROUGHOUT:
        return "a name this draft uses throughout"  # a player named nine times is meant
    mine = toks[i - 1].key if i > 0 else None  # this occurrence's own first name
    for n in _positions(keys, key):
        if n == 0:
            continue
        prev = toks[n - 1]
        if prev.key == mine:
            continue
        if (prev.text[:1].isupper() and helper.joined(n - 1) and not helper.sentence_start(n)
                and prev.key not in idx.title_words and prev.key not in _NOT_FIRST_NAMES):
            return "a name in this draft"  # "Jane Starner" elsewhere: her own name
    return None


def _positions(keys: list[str], key: str) -> Iterator[int]:
    """The indexes of ``key`` in ``keys``, in order (found by ``list.index``, in C)."""
    n = -1
    try:
        while True:
            n = keys.index(key, n + 1)
            yield n
    except ValueError:
        return


def plural_of_known(a: "Analysis", key: str) -> bool:
    """"the Bidens", "the Trumps": a family, not a slip on one of its names."""
    words = a.index.word_keys
    return key.endswith("s") and (key[:-1] in words or (key.endswith("es") and key[:-2] in words))


def slipped_real(a: "Analysis", k: int, end: int, form: str) -> str | None:
    """The first word of tokens ``k:end`` that differs from ``form`` and is itself real."""
    for n, w in zip(range(k, end), tokens_of(form)):
        if a.tokens[n].key != w.key:
            r = real_form(a, n)
            if r is not None:
                return r
    return None


def exact_words(a: "Analysis", k: int, end: int, form: str) -> int:
    """Words of tokens ``k:end`` written as in ``form``, particles counted once together."""
    same = [a.tokens[n].key == w.key for n, w in zip(range(k, end), tokens_of(form))]
    keys = [w.key for w in tokens_of(form)]
    plain = sum(1 for s, key in zip(same, keys) if s and key not in PARTICLES)
    particles = any(s and key in PARTICLES for s, key in zip(same, keys))
    return plain + (1 if particles else 0)


_NOT_FIRST_NAMES = frozenset(
    "mr mrs ms mx dr sir dame lord lady the former late president minister senator judge".split())
