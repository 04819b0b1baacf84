"""``a-an``: "a" before a vowel sound, or "an" before a consonant sound.

Judged by sound, not letter: "an hour", "a union", "a one-off", "an FBI agent", "a NATO
summit", "an 8% rise".
"""
from __future__ import annotations

import functools
import re
from typing import Iterator

from .. import wordstarts
from ..text.lazyre import lazy
from ..document import Document
from ..findings import Finding
from ..rule import Rule

# The next word is in a lookahead so that it can be an article in its turn ("a a old").
_ARTICLE = lazy(r"(?<![\w'’.-])(a|an|A|An|AN)(?=[ \t]+([\"“‘'(]?)([\w$£€%.-]+))", re.U)
# Words spelled with a vowel but said with a consonant sound ("a union", "a one-off").
_CONSONANT_SOUND = lazy(
    r"^(?:eu|ewe|uni(?![nmd])|unanim|ura|ure(?!a)|uri(?!n)|uro|usa|use|usu|ute|uti|uto|uvu|ubiq|ufo|ukr|ugand|"
    r"one(?!r|s)|once|ouija|u-)",
)
_ONE_OK = lazy(r"^(?:oner|ones)")
# Words spelled with a consonant but said with a vowel sound ("an hour", "an heir").
_VOWEL_SOUND = lazy(r"^(?:hour|honest|honou?r|heir|herb(?!al|s)|homage)", re.I)
# "an historic", "an hotel": old-fashioned but not wrong in British English; left alone.
_H_EITHER = lazy(r"^(?:hist|hot|hero|hypo|hyst|hab|hil|hor)", re.I)
# Letters whose names start with a vowel sound: "an FBI agent", "an MP", "an SUV". H is
# "aitch" to some speakers and "haitch" to others (Ireland, Australia, much of Britain),
# so an initialism that starts with it takes either article.
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")
# Consonant pairs that start spoken words ("BRICS", "SPAR"): such acronyms may be words.
_CLUSTERS = frozenset("BL BR CL CR DR FL FR GL GR PL PR TR SC SK SL SM SN SP ST SW TH SH CH WH".split())


@functools.lru_cache(maxsize=4096)  # the same few words follow most articles
def _sound(word: str) -> str | None:
    """'v' for a vowel sound, 'c' for a consonant sound, None when unsure."""
    w = word.strip("\"“‘'(")
    if not w:
        return None
    if w[0].isdigit():
        digits = w.replace(",", "").split(".")[0]
        digits = re.match(r"\d+", digits).group() if re.match(r"\d+", digits) else ""
        if not digits:
            return None
        if digits[0] == "8":
            return "v"
        # eleven, eighteen, and their thousands and millions: "an 11,000-seat arena"
        group = w.split(",")[0] if "," in w else digits
        if group in ("11", "18"):
            return "v"
        if len(digits) in (2, 5, 8) and digits[:2] in ("11", "18") and ("," in w or len(digits) == 2):
            return "v"
        return "c"
    core = re.match(r"[A-Za-z]+", w)
    if core is None:
        return None
    letters = core.group()
    if letters.isupper() and len(letters) >= 2:
        # Initialisms are read letter by letter (FBI, MP); acronyms with vowels and four
        # letters or more are read as words (NATO, NASA). Three-letter ones are unclear
        # (ANC, OPEC?), so only letter-by-letter readings that agree are judged.
        first = letters[0]
        if first == "H":
            return None  # "aitch" or "haitch": "an HDMI port" and "a HDMI port" are both said
        letter_sound = "c" if first == "U" else ("v" if first in _VOWEL_LETTERS else "c")
        word_sound = _word_sound(letters.lower())
        if len(letters) == 2 or (not any(ch in "AEIOUY" for ch in letters[:2]) and letters[:2] not in _CLUSTERS):
            return letter_sound  # FBI, MP, NHS, UN: read letter by letter
        if len(letters) >= 4 and any(ch in "AEIOU" for ch in letters):
            return word_sound  # NATO, NASA, UNESCO
        # Short and pronounceable (IRA, RAF, ANC): judged only when both readings agree.
        return letter_sound if letter_sound == word_sound else None
    if len(letters) == 1:
        if w[1:2] in ("-", "‑") or len(w) == 1:  # "an X-ray", "a U-turn", "an A"
            if letters.upper() == "H":
                return None  # "an H-bomb" or, said "haitch", "a H-bomb"
            return "v" if letters.upper() in _VOWEL_LETTERS and letters.upper() != "U" else "c"
        return None
    return _word_sound(letters.lower())


def _word_sound(w: str) -> str | None:
    if _VOWEL_SOUND.match(w):
        return "v"
    if w[0] in "aeiou":
        if _CONSONANT_SOUND.match(w) and not _ONE_OK.match(w):
            return "c"
        return "v"
    if w[0] == "h" and _H_EITHER.match(w):
        return None
    if w[0] == "y" and w[1:2] in ("t", "l"):  # "an Yttrium"? rare; unsure
        return None
    if w[0] == "x" and w[1:2] not in "aeiouy":  # "an Xbox", "an X-ray": said "ex"
        return "v"
    return "c"


def _articles(doc: Document) -> Iterator[re.Match]:
    """The matches of ``_ARTICLE.finditer(doc.prose)``, the pattern tried only at the words
    "a" and "an" (in any case; the draft's word index has them in place): an article is a
    whole word, with nothing word-like before it and a space after it."""
    index = wordstarts.word_starts(doc)
    places = index.exactly("a") + index.exactly("an")
    places.sort()
    prose = doc.prose
    match = _ARTICLE.match
    for p in places:  # (a match is the article alone: none overlaps the next word's)
        m = match(prose, p)
        if m is not None:
            yield m


class AAn(Rule):
    """"a" before a vowel sound or "an" before a consonant sound, judged by how the next
    word is said (initialisms letter by letter, acronyms as words, numbers as spoken);
    words either way ("an historic", "a HDMI port": H is "aitch" or "haitch") and "A" as
    a letter or grade are left alone. The
    message may use ``{article}``, ``{right}`` and ``{word}``; ``--fix`` applies the
    change before ordinary lower-case words."""

    kind = "a-an"
    params: dict = {}

    def check(self, doc: Document) -> Iterator[Finding]:
        # (The article agreeing with the next word's sound, as nearly all do, is tested
        # first: the other tests only matter for one that does not.)
        for m in _articles(doc):
            article, nxt = m.group(1), m.group(3)
            # A doubled article ("parted with a a flat", "a 'a man's man'") is a slip
            # repeated-word reports; "use 'an' before 'a'" would be the wrong diagnosis.
            if nxt == "a" or nxt.lower() == "an":
                continue
            sound = _sound(nxt)
            if sound is None:
                continue
            lower = article.lower()
            want = "an" if sound == "v" else "a"
            if lower == want:
                continue
            if doc.text[m.start(1):m.end(1)] != article:
                continue
            # "A" as a letter or grade ("vitamin A", "an A grade") and capital "A" inside a
            # sentence are not articles we can judge.
            if article == "A" and doc.sentence_at(m.start(1)) is not None and \
                    doc.sentence_at(m.start(1)).start != m.start(1):
                continue
            right = want if article.islower() else ("AN" if article == "AN" else want.capitalize())
            if article == "AN" and want == "a":
                right = "A"
            bare = nxt.rstrip(".-")
            safe = bare.isalpha() and bare.islower() and not _H_EITHER.match(bare)
            yield self.finding(doc, m.start(1), m.end(1), suggestions=(right,), fix=right if safe else None,
                               word=nxt.strip("\"“‘'("), article=article, right=right)
