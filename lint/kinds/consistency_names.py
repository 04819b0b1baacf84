"""``consistency-names``: a name that is not in the fact base spelled two ways in one draft."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable

from .. import claims
from ..text.lazyre import lazy
from ..document import Document
from ..findings import Finding
from ..rule import Rule

# A lowercase word (``(?<![A-Za-z’'])[a-z]+(?:['’][a-z]+)?``), written with its first letter
# before the test of the character before it, so that ``re`` can skip ahead to a letter.
_LOWER_WORD = lazy(r"[a-z](?<![A-Za-z’'].)[a-z]*(?:['’][a-z]+)?")


class ConsistencyNames(Rule):
    """A name the fact base does not know spelled two ways in one draft
    ("Tsikhanouskaya" ... "Tsikhanovskaya"); the less frequent form is flagged. Two
    people (different first names) and dictionary words are left alone; known people are
    the fact rules' job. The message may use ``{other}`` (the main form) and ``{line}``."""

    kind = "consistency-names"
    params: dict = {}

    def check(self, doc: Document) -> Iterable[Finding]:
        order, later = claims.capitalised_forms(doc)
        vocabulary = self.settings.vocabulary
        not_names = claims._NOT_NAMES
        names = [f for f in order
                 if f in later and len(f) >= 5 and f not in not_names and f.lower() not in vocabulary]
        # Two forms with one first letter are needed for a finding.
        initials = Counter(f[0].lower() for f in names)
        if len(initials) == len(names):
            return
        by_letter: dict[str, list[str]] = defaultdict(list)
        for f in names:
            if initials[f[0].lower()] > 1:
                by_letter[f[0].lower()].append(f)
        # variant_pair allows one edit between names of up to eight letters, two between
        # longer ones (a doubled last letter is one edit too), and an edit changes the length
        # by at most one and the set of letters a word uses by at most two: two forms further
        # apart than that are no pair, whatever variant_pair would make of them.
        # (The loose test first, inline: most pairs fail it.)
        letters = {f: set(f.lower()) for group in by_letter.values() for f in group}
        pairs = [(a, b) for group in by_letter.values() for i, a in enumerate(group) for b in group[i + 1:]
                 if abs(len(a) - len(b)) <= 2 and len(letters[a] ^ letters[b]) <= 4
                 and _may_pair(a, b, letters) and claims.variant_pair(a, b)]
        # A name also written in lowercase is a word: neither form of a pair may be.
        prose = doc.prose
        pairs = [(a, b) for a, b in pairs if not _lowercase_word(prose, a.lower()) and not _lowercase_word(prose, b.lower())]
        if not pairs:
            return
        # Only now is each use of a name read: its place, the names beside it.
        forms: dict[str, list[claims.Word]] = defaultdict(list)
        for w in claims.capitalised_words(doc):
            forms[w.text].append(w)
        flagged: set[str] = set()
        for a, b in pairs:
            if a in flagged or b in flagged:
                continue
            firsts_a = {w.first_name for w in forms[a] if w.first_name}
            firsts_b = {w.first_name for w in forms[b] if w.first_name}
            if firsts_a and firsts_b and not firsts_a & firsts_b:
                continue  # two people: Andrew Johnson and Lisa Johnston
            roles_a = {w.before_name for w in forms[a] if not w.initial}
            roles_b = {w.before_name for w in forms[b] if not w.initial}
            if len(roles_a) == len(roles_b) == 1 and roles_a != roles_b:
                continue  # a first name and a surname: Sandro Magister, Cardinal Sandri
            # A dictionary word near another is the spell checker's finding (or two words:
            # Iceland, Ireland); names the word list does not know are where this helps.
            if claims.dictionary_word(a) is not False or claims.dictionary_word(b) is not False:
                continue
            if claims.known_person_word(a, self.settings) or claims.known_person_word(b, self.settings):
                continue
            na, nb = len(forms[a]), len(forms[b])
            if na > nb or (na == nb and forms[a][0].start < forms[b][0].start):
                major, minor = a, b
            else:
                major, minor = b, a
            flagged.add(minor)
            line = doc.line_col(forms[major][0].start)[0]
            for w in forms[minor]:
                yield self.finding(doc, w.start, w.end, suggestions=(major,), other=major, line=line)


def _may_pair(a: str, b: str, letters: dict[str, set[str]]) -> bool:
    """False only when :func:`lint.claims.variant_pair` is false for ``a`` and ``b``: more
    edits apart than it allows (their lengths and letter sets show a lower bound)."""
    limit = 1 if min(len(a), len(b)) <= 8 else 2
    return abs(len(a.lower()) - len(b.lower())) <= limit and len(letters[a] ^ letters[b]) <= 2 * limit


def _lowercase_word(prose: str, word: str) -> bool:
    """Whether ``word`` is one of the draft's lowercase words (a match of _LOWER_WORD),
    tried only where the word occurs: no match can start inside another, so the word is a
    match wherever it is one."""
    match = _LOWER_WORD.match
    p = prose.find(word)
    while p >= 0:
        m = match(prose, p)
        if m is not None and m.group() == word:
            return True
        p = prose.find(word, p + 1)
    return False
