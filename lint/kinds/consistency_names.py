"""``consistency-names``: a name that is not in the fact base spelled two ways in one draft."""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from .. import claims
from ..text.lazyre import lazy
from ..document import Document
from ..findings import Finding
from ..rule import Rule

_LOWER_WORD = lazy(r"(?<![A-Za-z’'])[a-z]+(?:['’][a-z]+)?")


class ConsistencyNames(Rule):
    """A name the fact base does not know spelled two ways in one draft
    ("Tsikhanouskaya" ... "Tsikhanovskaya"); the less frequent form is flagged. Two
    people (different first names) and dictionary words are left alone; known people are
    the fact rules' job. The message may use ``{other}`` (the main form) and ``{line}``."""

    kind = "consistency-names"
    params: dict = {}

    def check(self, doc: Document) -> Iterable[Finding]:
        words = claims.capitalised_words(doc)
        forms: dict[str, list[claims.Word]] = defaultdict(list)
        for w in words:
            if len(w.text) >= 5 and w.text not in claims._NOT_NAMES:
                forms[w.text].append(w)
        names = [f for f, occ in forms.items()
                 if any(not w.initial for w in occ) and f.lower() not in self.settings.vocabulary]
        # Two forms with one first letter are needed for a finding; only then is the draft
        # read for its lowercase words (a name also written in lowercase is a word).
        if len({f[0].lower() for f in names}) == len(names):
            return
        lowered = set(_LOWER_WORD.findall(doc.prose))
        by_letter: dict[str, list[str]] = defaultdict(list)
        for f in names:
            if f.lower() not in lowered:
                by_letter[f[0].lower()].append(f)
        flagged: set[str] = set()
        for group in by_letter.values():
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    if a in flagged or b in flagged or abs(len(a) - len(b)) > 2 or not claims.variant_pair(a, b):
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
