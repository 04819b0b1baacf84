"""claims.capitalised_words reads each sentence's capitalised words as a plain scan does."""
from __future__ import annotations

import random

from lint import claims, document


def _plain(doc: document.Document) -> list[tuple]:
    prose = doc.prose
    out = []
    for s in doc.sentences:
        found = list(claims._CAP.finditer(prose, s.start, s.end))
        first_word = claims._FIRST_WORD.search(prose, s.start, s.end)
        opening = first_word.start() if first_word else s.start
        for i, m in enumerate(found):
            prev = found[i - 1] if i else None
            nxt = found[i + 1] if i + 1 < len(found) else None
            first = None
            if prev is not None and prose[prev.end():m.start()].isspace() and prev.group() not in claims._NOT_NAMES:
                first = prev.group()
            before = nxt is not None and prose[m.end():nxt.start()].isspace() and nxt.group() not in claims._NOT_NAMES
            out.append((m.start(), m.end(), m.group(), m.start() <= opening, first, before))
    return out


def test_capitalised_words_with_names_around_them():
    doc = document.parse("Yesterday Sandro Magister met The Prime Minister in Rome. On Monday Ana left.", "t.txt", "text")
    got = [tuple(w) for w in claims.capitalised_words(doc)]
    assert got == _plain(doc)
    words = {w.text: w for w in claims.capitalised_words(doc)}
    assert words["Sandro"].before_name and not words["Sandro"].initial
    assert words["Magister"].first_name == "Sandro"
    assert words["Yesterday"].initial and words["On"].initial
    assert words["Prime"].first_name is None  # "The" is not a name


def test_capitalised_words_match_the_plain_scan_on_random_copy():
    rng = random.Random(7)
    pieces = ("Ana", "da", "Silva", "The", "O'Neill", "Jean-Claude", "said", "on", "Monday.", "Mr", "Smith's",
              "“Hello,”", "U.S.", "Zürich", "ÉLODIE", "Łódź", "(Rome)", "x_Y", "-", "!", "\n", "\n\n", "Élodie")
    for _ in range(300):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        doc = document.parse(text, "t.txt", "text")
        assert [tuple(w) for w in claims.capitalised_words(doc)] == _plain(doc), text
