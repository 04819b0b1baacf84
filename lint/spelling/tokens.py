"""Words of news copy, with the things that are not words to a speller left out.

A token is a maximal run of letters, digits, inner apostrophes, hyphens and periods.
What is not checked: numbers, ordinals and units ("1990s", "21st", "5km", "£3bn"),
abbreviations with inner periods ("U.S.", "a.m."), acronyms ("NATO", "TPMs"), brand
and name casing ("iPod", "McDonald", "O'Brien"), initials and single letters, handles
and hashtags ("@bbcnews", "#election"), identifiers from code ("date_trunc", "user_id"),
and the parts of e-mail addresses, domains and paths. Hyphenated compounds are checked
part by part; possessives ("minister's", "ministers'") and contractions ("don't", "we’ll")
are read with straight or curly apostrophes; words with diacritics ("Zürich", "café") are
kept whole.
"""
from __future__ import annotations

import re
from itertools import compress
from operator import not_
from typing import Container, Iterable, Iterator, NamedTuple

from ..text.tokens import INVISIBLE, Tokens

# Hyphens, and en dashes and non-breaking hyphens between letters ("neo–payday"): the
# parts of a compound are checked one by one either way.
_HYPHENS = re.compile(r"([-‐‑–])")
_HAS_HYPHEN = re.compile(r"[-‐‑–]")
# Characters that show nothing inside a word (INVISIBLE): the word is read without them
# (the invisible-character rule reports them), so "mis\u200bspelt" is still checked as one word.
_DROP_INVISIBLE = {ord(c): None for c in INVISIBLE}
_DIGIT = re.compile(r"\d")
# What makes a token (past the digits, periods and underscores) more than one word with
# apostrophes: hyphens and dashes (a compound) and invisible characters.
_SPLIT_OR_DROP = re.compile("[-‐‑–" + INVISIBLE + "]")
APOSTROPHES = "'’"


class Word(NamedTuple):
    """A word to check: ``text`` as written at ``start:end`` (possessive removed)."""

    start: int
    end: int
    text: str
    #: True when the word is the first of its sentence, heading or list item (its capital
    #: then says nothing about whether it is a name).
    initial: bool = False
    #: The whole hyphenated compound this word is part of ("co-ordinator"), else "".
    compound: str = ""
    #: The word is followed by a hyphen inside its compound ("pre" in "pre-match").
    before_hyphen: bool = False
    #: The next word of the text starts with a capital ("da" in "da Silva").
    before_capital: bool = False
    #: The previous word, just a space before, starts with a capital ("Sholz" in
    #: "Olaf Sholz": part of a full name).
    after_capital: bool = False

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()

    @property
    def lower(self) -> str:
        return self.text.lower().replace("’", "'")


def _strip_possessive(part: str) -> str:
    if len(part) > 2 and part[-2] in APOSTROPHES and part[-1] in "sS":
        return part[:-2]
    if len(part) > 1 and part[-1] in APOSTROPHES:
        return part[:-1]
    return part


def is_acronym_or_brand(part: str) -> bool:
    """NATO, TPMs, iPod, McDonald, O'Brien: capitals after the first letter."""
    core = part.rstrip("s") if len(part) > 2 else part
    if core.isupper() and len(core) > 1:
        return True
    rest = part[1:]
    if rest.isascii():
        return rest.lower() != rest  # only A-Z change: a C-speed test for a capital
    return any(ch.isupper() for ch in rest)


# Characters next to a token that make it part of something that is not a word: a handle,
# hashtag, e-mail, path, or a word cut by an undecoded character or HTML entity
# ("caf&#233;"): not a word we can judge.
_SKIP_BEFORE = frozenset("@#/\\_\ufffd;")
_SKIP_AFTER = frozenset("@/\\_\ufffd&")
# Opening quotes and brackets a sentence-initial word may stand behind.
_OPENERS = frozenset("\"“‘'([")
# What _NEXT_WORD skips between a word and the next one (besides white space).
_NEXT_SKIP = frozenset("\"“”‘’'")
_tuple_new = tuple.__new__


def words(text: "str | Tokens", sentence_starts: frozenset[int] | set[int] = frozenset(),
          known_fine: Container[str] = frozenset(), never: set[str] | None = None) -> Iterator[Word]:
    """Words worth checking in ``text`` (prose, with non-prose already blanked, or the
    document's token table, :class:`lint.text.tokens.Tokens`, read off it).

    ``sentence_starts`` are offsets where sentences, headings or list items begin; a word
    there (after any opening quotes or brackets) is marked ``initial``. Tokens in
    ``known_fine`` (words of letters only that the caller has already found correct
    wherever they stand, and tokens that are no words) are left out; tokens found to be
    no words are added to ``never`` (see :func:`words_at`).
    """
    table = text if isinstance(text, Tokens) else Tokens(text)
    texts = table.texts
    # The tokens already known fine are dropped in C, not by a Python test per token.
    if known_fine:
        todo: Iterable[int] = compress(range(len(texts)), map(not_, map(known_fine.__contains__, texts)))
    else:
        todo = range(len(texts))
    return words_at(table, todo, sentence_starts, never, known_fine)


def words_at(table: Tokens, todo: Iterable[int], sentence_starts: Container[int] = frozenset(),
             never: set[str] | None = None, known_fine: Container[str] = frozenset()) -> Iterator[Word]:
    """The words of the tokens ``todo`` (indexes into ``table``, ascending), read as
    :func:`words` reads them: a token's words do not depend on which others are read.

    Tokens that are no words wherever they stand (single letters, acronyms, numbers) are
    added to ``never`` when it is given: a caller can leave them out next time. A token of
    one word and apostrophes ("Trump's", "it’s", "'Labour'") whose word is in
    ``known_fine`` is left out, as the bare word's token is by :func:`words`."""
    # This runs on every word of every draft, so the common case (a token of letters
    # only, followed by a space and a lowercase letter) avoids regexes and Python calls;
    # tests/test_spelling.py checks the shortcuts against the plain reading.
    text = table.prose
    starts, ends, texts = table.starts, table.ends, table.texts
    n = len(text)
    for i in todo:
        token = texts[i]
        # Tokens that are no words wherever they stand, settled before their context is read.
        alpha = token.isalpha()
        if alpha:
            # Letters only: no digits, periods, hyphens or apostrophes to deal with.
            # A token whose letters after the first are all lowercase is no acronym or brand
            # ("Kavanaugh"): the test most capitalized words need, without a call.
            if len(token) < 2 or ((token[0].isupper() or not token.islower()) and not token[1:].islower()
                                  and is_acronym_or_brand(token)):
                if never is not None:
                    never.add(token)
                continue
        elif _DIGIT.search(token) or "." in token or "_" in token:
            # numbers, ordinals, units, model names; U.S, a.m, e.g, bbc.co.uk; snake_case code
            if never is not None:
                never.add(token)
            continue
        elif known_fine and not _SPLIT_OR_DROP.search(token) \
                and _strip_possessive(token).strip(APOSTROPHES) in known_fine:
            continue  # letters and apostrophes only: its one word is read below the same way
        start, end = starts[i], ends[i]
        after_capital = i > 0 and texts[i - 1][0].isupper() and text[ends[i - 1]:start] == " "
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < n else " "
        if before in _SKIP_BEFORE or after in _SKIP_AFTER or (before == "." and start > 1 and text[start - 2].isalnum()):
            continue  # see _SKIP_BEFORE; after a period inside a word: the tail of a domain
        # The word's own opening quote or bracket does not stop it being sentence-initial.
        if before in _OPENERS:
            s = start
            while s > 0 and text[s - 1] in _OPENERS:
                s -= 1
            initial = s in sentence_starts or start in sentence_starts
        else:
            initial = start in sentence_starts
        # Whether the next word starts with a capital (_NEXT_WORD): only white space or
        # quotes may come between, so any other character settles it at once.
        if after == " " and end + 1 < n and text[end + 1].islower():
            before_capital = False
        elif end < n and (after in _NEXT_SKIP or after.isspace()):
            nxt = _NEXT_WORD.match(text, end)
            before_capital = bool(nxt and nxt.group(1)[:1].isupper())
        else:
            before_capital = False
        if alpha:
            yield _tuple_new(Word, (start, end, token, initial, "", False, before_capital, after_capital))
            continue
        clean = token.translate(_DROP_INVISIBLE)
        if clean != token and clean.isalpha():
            if len(clean) >= 2 and not ((clean[0].isupper() or not clean.islower()) and is_acronym_or_brand(clean)):
                yield _tuple_new(Word, (start, end, clean, initial, "", False, before_capital, after_capital))
            continue
        pos = start
        parts = _HYPHENS.split(token) if _HAS_HYPHEN.search(token) else [token]
        compound = token if len(parts) > 1 else ""
        for i, part in enumerate(parts):
            if part in ("-", "‐", "‑", "–"):
                pos += 1
                continue
            p_start, p_end = pos, pos + len(part)
            pos = p_end
            word = _strip_possessive(part)
            # Apostrophes at the edge are quotes, not part of the word.
            lead = len(word) - len(word.lstrip(APOSTROPHES))
            word = word.strip(APOSTROPHES)
            # Two letters or fewer are initials, or pieces of compounds like "wi-fi".
            if len(word) < 2 or (compound and len(word) < 3) or is_acronym_or_brand(word):
                continue
            ws = p_start + lead
            yield _tuple_new(Word, (ws, ws + len(word), word, initial and p_start == start, compound,
                                    i + 1 < len(parts), before_capital and i == len(parts) - 1,
                                    after_capital and p_start == start))


_NEXT_WORD = re.compile(r"[\s\"“”‘’']*([^\W\d_]+)")
_SENTENCE_END = re.compile(r"(?:[.!?…]+[\"'”’)\]]*\s+|\n\s*\n\s*|^\s*)(?=[\"“‘'(\[]*\w)", re.M)


def guess_sentence_starts(text: str) -> frozenset[int]:
    """Sentence starts for plain text when no parsed document is at hand."""
    out = set()
    for m in _SENTENCE_END.finditer(text):
        i = m.end()
        while i < len(text) and text[i] in "\"“‘'([":
            i += 1
        out.add(i)
    return frozenset(out)
