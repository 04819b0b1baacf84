"""``grammar``: cheap grammar checks that need no parser.

``check`` picks one of:

``repeated-word``
    "the the", "to to": a word written twice in a row. "had had", "that that" and
    capitalized pairs ("Boutros Boutros-Ghali", "Sirhan Sirhan") are left alone.
``a-an``
    "a" before a vowel sound, "an" before a consonant sound, judged by sound, not letter:
    "an hour", "a union", "a one-off", "an FBI agent", "a NATO summit", "an 8% rise".
``doubled-punctuation``
    ",," ";;" "::" and two full stops that are not an ellipsis.
``doubled-space``
    Two or more spaces between words inside a line (not after a full stop, where some
    writers put two on purpose, and not where markup was removed).
``unbalanced-quotes``
    A paragraph that opens a double quotation and never closes it (unless the next
    paragraph reopens it: the newspaper convention for a quote that runs on), or closes
    one it never opened.
``unbalanced-brackets``
    A "(" or "[" without its match in the same paragraph, or the other way round;
    list labels ("a)") and emoticons are left alone.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from .. import wordstarts
from ..document import Document
from ..findings import Finding
from ..rule import STRING, Param, ParamError, Rule
from ..text.lazyre import lazy

CHECKS = ("repeated-word", "a-an", "doubled-punctuation", "doubled-space", "unbalanced-quotes", "unbalanced-brackets")

# ---------------------------------------------------------------------------
# repeated words
_REPEAT = lazy(r"(?<![\w'’-])([A-Za-z]+)([ \t]+|[ \t]*\n[ \t]*)(\1)(?![\w'’-])", re.I)
# Doubled on purpose: "what it is is", "I had had enough", "he said that that was".
_REPEAT_OK = frozenset({"had", "that", "is", "do", "bye", "no", "yes", "ha", "so", "very", "knock", "chop",
                        "tut", "boo", "hip", "dum", "bang", "beep", "pom", "la", "ta", "tsk", "night", "bla",
                        "blah", "hush", "yada", "wait", "go", "far", "now", "there", "well", "oh", "ah"})
# Doubled by mistake more than anything else: the fix is safe.
_SAFE_REPEAT = frozenset({"the", "a", "an", "of", "to", "in", "and", "on", "at", "for", "with", "by",
                          "from", "was", "were", "be", "it", "this", "their", "his", "her", "its", "as"})

# ---------------------------------------------------------------------------
# a / an
_ARTICLE = lazy(r"(?<![\w'’.-])(a|an|A|An|AN)[ \t]+([\"“‘'(]?)([\w$£€%.-]+)", re.U)
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
# Letters whose names start with a vowel sound: "an FBI agent", "an MP", "an SUV".
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")
# Consonant pairs that start spoken words ("BRICS", "SPAR"): such acronyms may be words.
_CLUSTERS = frozenset("BL BR CL CR DR FL FR GL GR PL PR TR SC SK SL SM SN SP ST SW TH SH CH WH".split())


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


_DOUBLED_MARK = lazy(r"(?<![.,;:])([,;:])\1(?![.,;:])|(?<![.])\.\.(?![.])")
_DOUBLE_SPACE = lazy(r"(?<=[^\W_])[ ]{2,}(?=[^\W_])")
_QUOTE_MARK = lazy(r'[“”"]|’’|‘‘')
_BRACKET = lazy(r"[()\[\]]")


class Grammar(Rule):
    kind = "grammar"
    params = {"check": Param(STRING, f"one of: {', '.join(CHECKS)}", required=True)}

    def setup(self) -> None:
        if self.options["check"] not in CHECKS:
            raise ParamError(f"'check' must be one of {', '.join(CHECKS)}")
        self._run = getattr(self, "_" + self.options["check"].replace("-", "_"))

    def check(self, doc: Document) -> Iterable[Finding]:
        return self._run(doc)

    # -----------------------------------------------------------------------
    def _repeated_word(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        for m in _REPEAT.finditer(prose):
            first, second = m.group(1), m.group(3)
            lower = first.lower()
            if lower in _REPEAT_OK or (first[:1].isupper() and second[:1].isupper() and first != first.upper()):
                continue
            # Both words must be text as written (not two words left by removed markup).
            if doc.text[m.start():m.end()].replace("\n", " ") != prose[m.start():m.end()].replace("\n", " "):
                continue
            start, end = m.end(1), m.end(3)
            fix = "" if lower in _SAFE_REPEAT else None
            yield self.finding(doc, start, end, suggestions=("",), fix=fix, word=first)

    def _a_an(self, doc: Document) -> Iterator[Finding]:
        for m in wordstarts.finditer(doc, _ARTICLE):
            article, nxt = m.group(1), m.group(3)
            if doc.text[m.start(1):m.end(1)] != article:
                continue
            # "A" as a letter or grade ("vitamin A", "an A grade") and capital "A" inside a
            # sentence are not articles we can judge.
            if article == "A" and doc.sentence_at(m.start(1)) is not None and \
                    doc.sentence_at(m.start(1)).start != m.start(1):
                continue
            sound = _sound(nxt)
            if sound is None:
                continue
            lower = article.lower()
            want = "an" if sound == "v" else "a"
            if lower == want:
                continue
            right = want if article.islower() else ("AN" if article == "AN" else want.capitalize())
            if article == "AN" and want == "a":
                right = "A"
            bare = nxt.rstrip(".-")
            safe = bare.isalpha() and bare.islower() and not _H_EITHER.match(bare)
            yield self.finding(doc, m.start(1), m.end(1), suggestions=(right,), fix=right if safe else None,
                               word=nxt.strip("\"“‘'("), article=article, right=right)

    def _doubled_punctuation(self, doc: Document) -> Iterator[Finding]:
        if not any(pair in doc.prose for pair in (",,", ";;", "::", "..")):
            return  # every match is one of these pairs: the usual draft needs no scan
        for m in _DOUBLED_MARK.finditer(doc.prose):
            if doc.text[m.start():m.end()] != m.group():
                continue
            # "..." written as two dots at the end of a line is still a typo; a URL or a path
            # is not prose (already blanked).
            mark = m.group()[0]
            yield self.finding(doc, m.start(), m.end(), suggestions=(mark,), fix=mark, mark=mark)

    def _doubled_space(self, doc: Document) -> Iterator[Finding]:
        prose, text = doc.prose, doc.text
        if "  " not in text:
            return
        for m in _DOUBLE_SPACE.finditer(text):
            s, e = m.start(), m.end()
            if prose[s - 1] != text[s - 1] or prose[e] != text[e]:
                continue  # next to removed markup
            if doc.sentence_at(s) is None:
                continue
            yield self.finding(doc, s, e, suggestions=(" ",), fix=" ")

    def _paragraphs(self, doc: Document) -> list:
        return [b for b in doc.blocks]

    def _unbalanced_quotes(self, doc: Document) -> Iterator[Finding]:
        blocks = self._paragraphs(doc)
        prose = doc.prose
        for n, b in enumerate(blocks):
            seg = prose[b.start:b.end]
            opens: list[int] = []
            stray: list[int] = []
            # Published copy mixes its marks: “...", "...”, and ’’ typed for ”. Any
            # opening mark is closed by any closing one; a straight mark closes an open
            # quotation, else opens one at the start of a word.
            for m in _QUOTE_MARK.finditer(seg):  # the marks only: walking every character is slow
                i, ch = m.start(), m.group()
                before = seg[i - 1] if i > 0 else " "
                if ch == '"':
                    if opens:
                        opens.pop()
                    elif before.isdigit():
                        continue  # an inch mark: 34" screen
                    elif before.isspace() or before in "([—–-":
                        opens.append(i)
                    else:
                        stray.append(i)
                elif ch in ("“", "‘‘"):
                    opens.append(i)
                elif opens:
                    opens.pop()
                else:
                    stray.append(i)
            nxt = blocks[n + 1] if n + 1 < len(blocks) else None
            runs_on = nxt is not None and prose[nxt.start:nxt.end].lstrip()[:1] in ("“", '"')
            if opens and not runs_on:
                i = b.start + opens[-1]
                yield self.finding(doc, i, i + 1, side="opening", other="closing")
            for i in stray:
                # A paragraph that continues a running quotation may close it without opening.
                prev = blocks[n - 1] if n > 0 else None
                if prev is not None and prose[b.start:b.end].lstrip()[:1] in ("“", '"'):
                    continue
                if prev is not None and b.start + i > b.start and ("“" in prose[prev.start:prev.end]):
                    continue
                yield self.finding(doc, b.start + i, b.start + i + 1, side="closing", other="opening")

    def _unbalanced_brackets(self, doc: Document) -> Iterator[Finding]:
        pairs = {")": "(", "]": "["}
        prose = doc.prose
        for b in self._paragraphs(doc):
            stack: list[tuple[str, int]] = []
            seg = prose[b.start:b.end]
            for m in _BRACKET.finditer(seg):
                i, ch = m.start(), m.group()
                if ch in "([":
                    stack.append((ch, i))
                elif ch in ")]":
                    if stack and stack[-1][0] == pairs[ch]:
                        stack.pop()
                        continue
                    # List labels "a)", "1)" and emoticons ":)" are not brackets.
                    before = seg[max(0, i - 3):i]
                    if re.search(r"(?:^|\s)\w$", seg[max(0, i - 2):i] if i >= 2 else " " + seg[:i]) or \
                            before.endswith((":", ";", ":-", ";-")):
                        continue
                    yield self.finding(doc, b.start + i, b.start + i + 1, mark=ch, other=pairs[ch])
            for ch, i in stack:
                yield self.finding(doc, b.start + i, b.start + i + 1, mark=ch, other=")" if ch == "(" else "]")
