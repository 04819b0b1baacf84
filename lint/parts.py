"""The parts of an article that are not body copy, recognised line by line.

Text pasted from a web page or a CMS puts every part of an article on a line of its own:
headline, standfirst, byline, a date line, photo captions and credits, subheads, the body
paragraphs and a reporter's bio. Readability and the sentence rules judge the body only,
so the other parts are given their own block kinds here (see :data:`lint.document.PARTS`).

Every test is on the shape of one line (and, for standfirsts and bios, where it stands):
a part that cannot be told from body copy by its shape stays a paragraph, which is what
it was before this module existed.
"""
from __future__ import annotations

import re

from .document import Block
from .text.lazyre import lazy
from .wordstarts import MOST_PATTERNS, head_key, prefixes

# A byline: "By Jane Doe", "Written by ...", optionally with a role or agency after it.
_BYLINE = lazy(
    r"(?:(?:written|words|reporting|report|story|posted|text|interview)\s+by|by)[:\s]\s*"
    r"(?!(?:the|a|an|this|that|then|now|far|contrast|comparison|law|mistake|default)\b)\S",
    re.I,
)
_BYLINE_STOP = frozenset("by and in for the of at with from written words reporting report story posted text"
                         " interview on".split())

# A line that is nothing but a date, a time or "updated ... ago".
_MONTHS = ("jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september"
           "|oct|october|nov|november|dec|december")
_DAYS = "mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday"
_DATE_WORD = lazy(
    rf"(?:{_MONTHS}|{_DAYS})\.?|\d{{1,4}}(?:st|nd|rd|th)?|\d{{1,2}}[:.]\d{{2}}(?:[ap]m)?|[ap]\.?m\.?"
    r"|published|updated|posted|modified|last|first|on|at|ago|today|yesterday|just|now|min|mins|minute|minutes"
    r"|hr|hrs|hour|hours|day|days|week|weeks|month|months|year|years|an|a|utc|gmt|bst|cet|cest|et|est|edt"
    r"|ct|cst|cdt|pt|pst|pdt|mt|aest|aedt|ist|jst|sgt|hkt",
    re.I,
)
_DATE_TOKEN = lazy(r"[^\s,|·•/–—-]+")
_HAS_DATE = lazy(rf"\d|\b(?:ago|today|yesterday)\b|\b(?:{_MONTHS})\b", re.I)

# Photo credits and captions.
_AGENCY = (r"(?:Getty(?:\s+Images)?|AP(?:\s+Photo)?|AFP|Reuters|EPA(?:-EFE)?|PA(?:\s+(?:Media|Wire|Images))?"
           r"|Shutterstock|Alamy|Bloomberg|NurPhoto|Xinhua|Associated\s+Press|Press\s+Association|iStock(?:photo)?"
           r"|Sipa|Anadolu|Zuma|Corbis|Rex(?:\s+Features)?|Wikimedia\s+Commons|handout|file)")
_CREDIT = lazy(
    r"(?:(?:photo(?:graph)?s?|image|picture|pic|illustration|video|graphic|credit|source|footage|artwork)"
    r"(?:\s+(?:credit|copyright|courtesy|source|by))?\s*(?::|©|by\b)\s*\S.{0,80}"
    r"|(?:image|photo|picture)\s+(?:copyright|source|credit)\b.{0,80}"
    r"|©\s*\S.{0,60}"
    rf"|(?:[\w.'’-]+\s+){{0,4}}[\w.'’-]+\s*/\s*{_AGENCY}(?:\s+(?:via|for)\s+.{{1,40}})?"
    rf"|{_AGENCY}(?:\s+(?:via|for)\s+.{{1,40}})?)",
    re.I,
)
_CAPTION = lazy(
    r"(?:(?:image|photo|picture|video)\s+)?caption\b.*"
    r"|.*\S\s*[(\[](?:photo|image|picture|pictured|credit|file\s+photo|illustration)\b[^)\]]{0,80}[)\]]\s*"
    r"|.*[.!?”\"]\s*(?:photo(?:graph)?|image|picture|illustration|credit)\s*:\s*[^.!?]{1,80}"
    rf"|.*[.!?”\"]\s*(?:[\w.'’-]+\s+){{0,4}}[\w.'’-]+\s*/\s*{_AGENCY}\s*",
    re.I,
)
# The words before the colon in _CAPTION's third shape.
_CAPTION_WORDS = ("photo", "image", "picture", "illustration", "credit")
# The words a credit can open with (never compiled; see is_credit): its other shapes open
# with "©" or have a slash in them.
_CREDIT_OPENERS = lazy(
    r"(?:photo(?:graph)?s?|image|picture|pic|illustration|video|graphic|credit|source|footage|artwork)|" + _AGENCY, re.I)
_RIGHTS = lazy(r"rights\s+reserved", re.I)

# "Jane Doe is a reporter at ..." / "Jane Doe covers transport for ..."
_BIO = lazy(
    r"(?P<name>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s+(?:is|was|has\s+been|covers|writes|reports)\b"
    r"[^.!?]{0,80}?\b(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|producer"
    r"|author|critic|photographer|photojournalist|freelancer|freelance|anchor|presenter|fellow|intern)s?\b",
)

_TERMINAL = ".!?…;:,"
_CLOSERS = "\"'”’)]»"


# Characters outside ASCII that a case-insensitive pattern takes for an ASCII letter (Python's
# re: simple case folding plus its extra cases); fold_for_literals maps them first, since lower() leaves
# "ı" and "ſ" as they are and turns "İ" into two characters.
_RE_I_ASCII = str.maketrans({"ı": "i", "İ": "i", "ſ": "s", "\u212a": "k"})
_RE_I_CHARS = "ıİſ\u212a"


def fold_for_literals(text: str) -> str:
    """``text`` in lower case such that an ASCII literal that a case-insensitive pattern
    finds in ``text`` is a plain substring of it, at the same offset (for literal
    prefilters: a line without the literal cannot match)."""
    # (the four characters tested one by one: a generator over them cost more than the test)
    if text.isascii() or not ("ı" in text or "İ" in text or "ſ" in text or "\u212a" in text):
        return text.lower()  # (translating a line without those characters changes nothing)
    return text.translate(_RE_I_ASCII).lower()


_OPENERS: dict[int, tuple] = {}


def may_open(regex: object, text: str) -> bool:
    """:func:`lint.wordstarts.may_open` (False only when ``regex.match(text)`` must fail),
    with each pattern's prefixes looked up once: the line tests here ask it for every line.
    A pattern is known by its ``id`` (kept with it, so the id is not reused)."""
    entry = _OPENERS.get(id(regex))
    if entry is None or entry[0] is not regex:
        if len(_OPENERS) >= MOST_PATTERNS:
            _OPENERS.clear()  # bounded (see MOST_PATTERNS)
        entry = _OPENERS[id(regex)] = (regex, prefixes(regex, at_start=True))
    pre = entry[1]
    if pre is None:
        return True
    head = head_key(text)
    return head is None or head.startswith(pre)


def _ends_sentence(line: str) -> bool:
    end = line.rstrip(_CLOSERS)
    return bool(end) and end[-1] in _TERMINAL


def is_byline(line: str) -> bool:
    """'By Jane Doe', 'Written by Jane Doe and John Roe | Reuters' (not 'By the end of ...')."""
    if len(line) > 120 or not may_open(_BYLINE, line) or not _BYLINE.match(line):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w.'’-]*", line)]
    if not words or len(words) > 14 or line.rstrip(_CLOSERS)[-1:] in "!?;,":
        return False
    named = [w for w in words if w.lower() not in _BYLINE_STOP]
    return bool(named) and sum(w[0].isupper() for w in named) >= 0.7 * len(named)


def is_dateline(line: str) -> bool:
    """A line that is only a date or a time: 'Nov. 19, 2019 8:03 am ET', 'Updated 3 hours ago'."""
    if len(line) > 80:
        return False
    tokens = _DATE_TOKEN.findall(line)
    # The first word first: most short lines (headlines, labels) fail there, before the
    # search for a date anywhere in the line.
    return 0 < len(tokens) <= 14 and _DATE_WORD.fullmatch(tokens[0].rstrip(".:")) is not None \
        and _HAS_DATE.search(line) is not None and all(_DATE_WORD.fullmatch(t.rstrip(".:")) for t in tokens[1:])


def is_credit(line: str) -> bool:
    """A photo credit on its own line: 'Photo: Jane Doe/Reuters', 'Image copyright Getty Images'."""
    if len(line) > 100 or not ("/" in line or line[:1] == "©" or may_open(_CREDIT_OPENERS, line)):
        return False  # a gate that every match of _CREDIT passes: it is compiled only when needed
    return not _RIGHTS.search(line) and bool(_CREDIT.fullmatch(line))


def is_caption(line: str) -> bool:
    """A photo caption that says it is one: 'Image caption ...', '... (Photo: Jane Doe)'."""
    if len(line) > 400:
        return False
    # Every match of _CAPTION has "caption" in it, or ends with a bracket and has its opener,
    # or has a colon after one of _CAPTION_WORDS, or has a slash. The words are looked for
    # in the line folded (see fold_for_literals) as a case-insensitive pattern reads it.
    if "/" not in line and (line.rstrip()[-1:] not in (")", "]") or ("(" not in line and "[" not in line)):
        folded = fold_for_literals(line)
        if "caption" not in folded and (":" not in line or not any(w in folded for w in _CAPTION_WORDS)):
            return False
    return bool(_CAPTION.fullmatch(line))


def is_heading(line: str) -> bool:
    """A headline or subhead: a short line that is not a sentence."""
    # The ending first: most lines are paragraphs that end like a sentence, and are told
    # from a headline without splitting them into words.
    if not line or line[-1] in _CLOSERS:
        return False
    if line.endswith("?"):
        most = 10  # a question is a headline only when short
    elif line[-1] in _TERMINAL:
        return False
    else:
        most = 20
    words = line.split(None, most)  # (an item more than ``most`` means more words than that)
    return 0 < len(words) <= most and any(c.isalpha() for c in line)


def bio_name(line: str) -> str | None:
    """The name a reporter's bio line is about ('Jane Doe is a reporter ...'), or None."""
    m = _BIO.match(line)
    return m.group("name") if m and len(line.split()) <= 80 else None


def assign_parts(prose: str, blocks: list[Block], per_line: bool = True) -> list[Block]:
    """The blocks with one-line paragraphs that are article parts given their kinds.

    Subheads are told from one-line paragraphs only in text read a paragraph per line: in
    a draft whose paragraphs are separated by blank lines, a short paragraph without a full
    stop stays a paragraph, as it always was (only the first line can be the title).
    """
    out = list(blocks)
    lines: dict[int, str] = {}
    for i, b in enumerate(out):
        if b.kind != "paragraph":
            continue
        text = prose[b.start:b.end]
        if "\n" in text or "\r" in text:
            continue
        lines[i] = text.strip()
    if not lines:
        return out
    bylines: list[str] = []
    for i, line in lines.items():
        kind = None
        if is_byline(line):
            kind = "byline"
            bylines.append(line)
        elif is_dateline(line):
            kind = "dateline"
        elif is_credit(line):
            kind = "credit"
        elif is_caption(line):
            kind = "caption"
        elif per_line and is_heading(line):
            kind = "heading"
        if kind:
            out[i] = out[i]._replace(kind=kind)
    _standfirst(out, lines)
    _bios(out, lines, " ".join(bylines))
    return out


def _standfirst(blocks: list[Block], lines: dict[int, str]) -> None:
    """The paragraph between the headline and the byline or date line is the standfirst."""
    first_heading = next((i for i, b in enumerate(blocks[:6]) if b.kind == "heading"), None)
    if first_heading is None:
        return
    i = first_heading + 1
    if i < len(blocks) and blocks[i].kind == "paragraph" and i in lines:
        if any(b.kind in ("byline", "dateline") for b in blocks[i + 1:i + 4]):
            blocks[i] = blocks[i]._replace(kind="standfirst")


def _bios(blocks: list[Block], lines: dict[int, str], bylines: str) -> None:
    """A bio names the reporter of a byline, or closes the article (no body copy after it)."""
    later_body = 0
    for i in range(len(blocks) - 1, -1, -1):
        b = blocks[i]
        if b.kind == "paragraph" and i in lines:
            name = bio_name(lines[i])
            if name and (later_body < 2 or name.split()[-1] in bylines):
                blocks[i] = b._replace(kind="bio")
                continue
        if b.kind == "paragraph":
            later_body += 1
