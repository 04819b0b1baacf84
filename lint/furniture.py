"""Page furniture found by its shape: what a select-all copy of a web page brings along.

A pasted page puts every block of the page on a line of its own. The article is the run of
long lines that end like sentences; the rest of the page has shapes of its own:

- ``navigation``: runs of short lines that are not sentences (menus, section lists, link
  lists, footers' link columns).
- ``button``: a control's label alone on a line ("Share", "Not now", "Read more").
- ``appeal``: a block that addresses the reader and asks for money, membership or a
  sign-up, with its buttons and progress counters ("12,408 of 15,000 members"), up to the
  line where the article resumes.
- ``cookie-notice``: a consent banner and its buttons.
- ``comments``: a comment-section header followed by short posts with names, handles,
  times and reply buttons.
- ``related-links``: a "most read" or "related" header and the headlines, teasers and
  bylines under it.
- ``footer``: a copyright line and the legal text and links that follow it.
- ``author-bio``: an "about the author" box.

Everything here reads one line at a time and looks a bounded distance ahead, so the pass is
linear in the length of the draft. A headline or a one-line subhead between paragraphs is
not furniture: a navigation run needs three short lines in a row, a lone short line is
flagged only when it is a control's label, and a headline right under a menu is told from
the menu's items by its length and the article that starts under it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from .parts import fold_for_literals, is_byline, is_credit, is_dateline, may_open
from .text.lazyre import lazy
from .wordstarts import prefixes

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

SHAPES = ("navigation", "button", "appeal", "cookie-notice", "comments", "related-links", "footer", "author-bio")


class Piece(NamedTuple):
    """One piece of furniture: its shape and its span (whole lines, first to last)."""

    shape: str
    start: int
    end: int
    lines: int


@dataclass
class Furniture:
    """The furniture of one draft, in text order, with a fast "is this span in it" test."""

    pieces: list[Piece] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self.pieces.sort(key=lambda p: p.start)
        self._starts = [p.start for p in self.pieces]

    def __bool__(self) -> bool:
        return bool(self.pieces)

    def at(self, offset: int) -> Piece | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.pieces[i].start <= offset < self.pieces[i].end:
            return self.pieces[i]
        return None

    def covers(self, start: int, end: int) -> bool:
        """True when the span lies inside one piece of furniture."""
        piece = self.at(start)
        return piece is not None and end <= piece.end


# ---------------------------------------------------------------------------- line shapes
class Line(NamedTuple):
    start: int
    end: int
    text: str
    words: int
    sentence: bool  # ends like a sentence
    prose: bool  # long enough and shaped like body copy
    short: bool  # a short line that is not a sentence: a menu item, a label, a headline
    gap: bool = False  # a blank line comes before it


_SMALL = frozenset("a an and as at but by de for from in into nor of on or per the to up via vs with & - – — | :".split())
_CLOSERS = "\"'”’)]»"

# The labels of a page's controls: buttons, tabs and links that are commands, not copy.
_UI_WORDS = (
    r"share(?:\s+(?:this|on|via|article|story|page))?|tweet|e-?mail(?:\s+this)?|print(?:\s+this)?|save(?:\s+(?:for\s+later|article|story))?"
    r"|bookmark|copy(?:\s+(?:the\s+)?link)?|link\s+copied|close(?:\s+(?:menu|search|panel|banner|ad))?|menu|open\s+menu|main\s+menu"
    r"|search(?:\s+(?:site|news|articles))?|sign\s+(?:in|up|out)|log\s*(?:in|out)|login|logout|register|my\s+account|account|profile"
    r"|subscribe(?:\s+(?:now|today|here))?|subscriber|follow(?:\s+(?:us|me))?|unfollow|reply|report|report\s+abuse|flag|like|unlike|likes"
    r"|more|less|next|previous|prev|back|skip|skip\s+ad|load\s+more|show\s+(?:more|less|all)|view\s+(?:more|all|comments)"
    r"|see\s+(?:more|all)|read\s+(?:more|next|later|full\s+(?:story|article))|continue(?:\s+reading)?|cancel|ok|okay|accept(?:\s+all)?"
    r"|(?:accept|reject|allow|decline|refuse)\s+(?:all\s+)?cookies|reject(?:\s+all)?|agree|i\s+agree|allow|dismiss|got\s+it|no\s+thanks|not\s+now|maybe\s+later|remind\s+me\s+later|later"
    r"|yes|no|open|expand|collapse|download(?:\s+(?:the\s+)?app)?|play|pause|mute|unmute|watch(?:\s+(?:now|live|video))?"
    r"|listen(?:\s+(?:now|live))?|comment|comments|add\s+comment|post\s+comment|home|top|back\s+to\s+top|to\s+top|edit|done"
    r"|submit|send|go|apply|reset|donate(?:\s+now)?|support\s+us|join(?:\s+(?:us|now))?|give(?:\s+now)?|contribute"
    r"|become\s+a\s+(?:member|supporter|subscriber)|manage\s+(?:preferences|settings|cookies|consent)|settings|preferences"
    r"|advertisement|advertising|ad|sponsored|live|video|audio|podcast|gallery|photos|listen\s+to\s+this\s+article"
    r"|facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|instagram|youtube|tiktok|flipboard|pocket|telegram"
    r"|messenger|threads|bluesky|mastodon|snapchat|tumblr|sms|rss|google\s+news|apple\s+news|copy\s+url|print\s+page"
)
_UI = lazy(r"[<«‹←↑]?\s*(?:" + _UI_WORDS + r")\s*[.!]?\s*[>»›→↓×✕]?\s*", re.I)
# Never compiled: its prefixes say which first words a label can have (see _opens).
_UI_OPENERS = lazy(_UI_WORDS, re.I)
# Counters: "12,408 of 15,000 members", "48 comments", "1/12", a bare number or amount.
_COUNTER = lazy(
    r"(?:[$£€¥]\s?)?\d[\d,.]*\s*(?:[kKmM]\+?)?\s*(?:%|(?:of|/)\s*(?:[$£€¥]\s?)?\d[\d,.]*[kKmM]?)?"
    r"(?:\s+(?:members?|supporters?|subscribers?|readers?|donors?|backers?|followers?|comments?|replies|responses"
    r"|shares?|likes?|views?|votes?|points?|reactions?|raised|goal|signatures?|contributions?|people|photos?|images?"
    r"|of\s+\d+|min(?:ute)?s?(?:\s+read)?|a\s+month|per\s+month|/\s*month|monthly|a\s+year|per\s+year|annually|once))*"
    r"(?:\s+(?:so\s+far|to\s+go|and\s+counting|joined|needed|left))?\s*[.!]?",
    re.I,
)
_COPYRIGHT = lazy(
    # A year or "all rights reserved" or a company: "© Reuters" alone is a photo credit.
    r"(?:©|\(c\)|\bcopyright)\s*(?:©|\(c\)|@)?\s*(?:\d{4}\s*[-–]\s*)?(?:19|20)\d\d|\ball\s+rights\s+reserved\b"
    r"|©.{0,80}?\b(?:19|20)\d\d\b|©(?=.*\b(?:limited|ltd|inc|llc|plc|registered|company)\b)", re.I)
_POLICY = lazy(
    r"(?:privacy(?:\s+(?:policy|notice|settings|center|centre))?|cookie(?:s)?\s+(?:policy|settings|preferences|notice)"
    r"|terms(?:\s+(?:of\s+(?:use|service|sale)|and\s+conditions|&\s+conditions))?|terms\s+&\s+conditions|contact(?:\s+us)?"
    r"|about(?:\s+us)?|advertise(?:\s+with\s+us)?|careers|jobs|sitemap|site\s+map|accessibility|help|faqs?|feedback"
    r"|do\s+not\s+sell\s+my\s+(?:personal\s+)?(?:info(?:rmation)?|data)|your\s+(?:ad\s+choices|privacy\s+choices)"
    r"|ad\s+choices|corrections|rss(?:\s+feeds?)?|newsletters?|press|masthead|ethics\s+policy|editorial\s+(?:policy|standards)"
    r"|community\s+(?:guidelines|standards)|legal|imprint|disclaimer)"
    r"(?:\s*[|·•/,]\s*(?:privacy(?:\s+policy)?|cookie(?:s)?\s+policy|terms(?:\s+of\s+(?:use|service))?|contact(?:\s+us)?"
    r"|about(?:\s+us)?|advertise|careers|sitemap|accessibility|help|faqs?|feedback|disclaimer))*\s*[|·•]?\s*",
    re.I,
)

# Reader address and the asks of an appeal: the ask is for the publisher ("support us",
# "our newsletter", "become a member"), not whatever a how-to article tells its reader to do.
# "us", but not the country's "US$" ("donated US$1,000" is no appeal).
_ADDRESS = lazy(r"\b(?:you|your|yours|yourself|we|we're|we’re|we've|we’ve|our|us(?!\$)|dear\s+readers?)\b", re.I)
_US = lazy(r"\b(?:we|we're|we’re|we've|we’ve|our|us(?!\$))\b", re.I)
_ASK = lazy(
    r"\b(?:donat(?:e|es|ed|ing|ion|ions)|(?:make|give|making|giving)\s+a\s+(?:\w+\s+){0,2}(?:contribution|gift|donation)"
    r"|contribut(?:e|ing)\s+(?:today|now|what\s+you\s+can|as\s+little\s+as)"
    r"|support(?:ing)?\s+(?:us|independent|quality|local|public[- ]interest|our\s+(?:journalism|work|reporting|newsroom|mission"
    r"|coverage|site|website|writers|reporters))"
    r"|(?:become|becoming|join\s+us\s+as)\s+an?\s+(?:\w+\s+)?(?:member|supporter|subscriber|patron|donor)"
    r"|join\s+(?:us|our\s+(?:community|membership|newsletter|mailing\s+list|list))"
    r"|(?:sign(?:ing)?\s+up|subscrib(?:e|ing)|register(?:ing)?)\s+(?:now\s+|today\s+|here\s+)?(?:for|to)\s+our\b"
    r"|our\s+(?:free\s+)?(?:\w+\s+)?(?:newsletters?|briefings?|bulletins?|digest)|(?:in|to)\s+your\s+inbox"
    r"|chip\s+in|pledge\s+(?:your|today|now|\$|£|€)|free\s+trial|paywall|ad-?blocker|tax-deductible"
    r"|funded\s+by\s+(?:readers|you)|reader-funded|readers\s+like\s+you|needs?\s+your\s+(?:help|support)"
    r"|(?:click|tap)\s+here\s+to\s+(?:support|donate|subscribe|contribute|give)"
    r"|keep\s+(?:our|this)\s+(?:journalism|reporting|work|site|website|coverage)\s+(?:free|open|going|independent))\b",
    re.I,
)
_DEAR = lazy(
    r"(?:dear\s+(?:reader|readers|friend|friends|subscriber|member)|(?:an?\s+)?(?:note|message|letter|word)\s+(?:to|for)"
    r"\s+(?:our\s+)?(?:loyal\s+|valued\s+)?readers|to\s+our\s+(?:loyal\s+|valued\s+)?readers)\b", re.I)
# "Support <the publication>" is an appeal when the publisher talks to the reader in it.
_SUPPORT_NAME = lazy(r"\bsupport\s+(?-i:[A-Z])\w+", re.I)
_COOKIE = lazy(r"\bcookies?\b", re.I)
_COOKIE_CONTEXT = lazy(
    r"\b(?:we|we['’]d|our|you|your|this\s+(?:site|website)|by\s+continuing)\b",
    re.I,
)
# A long paragraph about cookies that only says "you" is an article on tracking; a banner
# has the site speaking ("we use cookies", "this site", "by continuing").
_COOKIE_SITE = lazy(r"\b(?:we|we['’]d|our|us|(?:this|the)\s+(?:site|website)|by\s+continuing)\b", re.I)


def _cookie_context(text: str) -> bool:
    return (_COOKIE_CONTEXT if len(text) < 250 else _COOKIE_SITE).search(text) is not None


_COMMENTS_WORDS = (
    r"(?:top|best|most|newest|oldest|latest|recent)\s+(?:rated\s+|recent\s+|popular\s+|liked\s+)?comments"
    r"|\d[\d,]*\s+(?:comments?|responses|replies)|comments?\s*\(\s*\d[\d,]*\s*\)|(?:show|view|load|read|see)\s+(?:all\s+)?"
    r"\d*\s*comments?|join\s+the\s+(?:conversation|discussion|debate)|reader\s+comments|comments|discussion|responses"
    r"|leave\s+a\s+(?:comment|reply)|add\s+(?:a|your)\s+comment|what\s+do\s+you\s+think\??|have\s+your\s+say"
)
_COMMENTS_HEAD = lazy(r"[\[(]?\s*(?:" + _COMMENTS_WORDS + r")\s*[:.]?\s*[\])]?", re.I)
_COMMENTS_OPENERS = lazy(_COMMENTS_WORDS, re.I)  # never compiled, like _UI_OPENERS
_POST_MARK = lazy(
    r"^\s*(?:reply|report|like|flag|upvote|downvote|\d[\d,]*\s+(?:likes?|replies|points?|votes?|upvotes?))\b|@\w{2,}"
    r"|\b\d{1,2}\s*(?:s|sec|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|wk|weeks?|mo|months?|y|yr|years?)\s+ago\b"
    r"|\b(?:says|said|wrote)\s*:\s*$",
    re.I,
)
# Every line is scanned once for what cookie banners, footers and posts contain.
_GATE = lazy(r"cookie|©|copyright|rights\s+reserved|\(c\)|(?:says|said|wrote|writes)\s*:\s*$", re.I)
# Literals that every match of _GATE contains (in a line folded by fold_for_literals): most lines have
# none, and a substring test is far cheaper than the case-insensitive search.
_GATE_LITERALS = ("cookie", "©", "copyright", "rights", "(c)", ":")
# The colon of _GATE ends the line (but for spaces): the other literals are looked for.
_MAY_GATE = re.compile("|".join(map(re.escape, _GATE_LITERALS[:-1])))


def _may_gate(text: str, folded: str) -> bool:
    """False only when ``_GATE.search(text)`` must fail (``folded`` is ``fold_for_literals(text)``)."""
    return _MAY_GATE.search(folded) is not None or text.rstrip().endswith(":")
# The first line of a post: "jdoe says:", "Jane Doe on May 3, 2019 at 8:50 pm said:".
_POST_HEAD = lazy(r"\b(?:says|said|wrote|writes)\s*:\s*$", re.I)
_RELATED_HEAD = lazy(
    r"(?:related(?:\s+(?:articles?|stories|content|links|coverage|reading|posts|topics|news|videos))?"
    r"|(?:more|most|recommended|suggested|popular|trending|latest|top|further|editor['’]?s?|also|other)\s+"
    r"(?:read|reads|reading|popular|viewed|shared|commented|emailed|stories|articles|news|on\s+\S+(?:\s+\S+){0,3}|from\s+\S+(?:\s+\S+){0,3}"
    r"|in\s+\S+(?:\s+\S+){0,3}|picks|videos|now|headlines|coverage|like\s+this)"
    r"|read\s+(?:this\s+)?next|up\s+next|what\s+to\s+read\s+next|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in|have\s+missed)"
    r"|recommended(?:\s+for\s+you)?|don['’]t\s+miss|in\s+case\s+you\s+missed\s+it|around\s+the\s+web|from\s+around\s+the\s+web"
    r"|sponsored(?:\s+(?:content|stories|links))?|promoted(?:\s+(?:content|stories|links))?|trending(?:\s+now)?|most\s+popular"
    r"|more\s+stories|more\s+news|more\s+to\s+explore|explore\s+more|keep\s+reading|popular\s+now|elsewhere\s+on\s+\S+(?:\s+\S+){0,3})"
    r"\s*[:»›>→]?",
    re.I,
)
_ABOUT_AUTHOR = lazy(r"(?:about\s+the\s+(?:author|writer|reporter)s?|author\s+(?:bio|profile)|biography|contributors?)\s*:?", re.I)
_LEGAL = lazy(
    r"\b(?:rights|reserved|trademarks?|registered|terms|privacy|polic(?:y|ies)|cookies?|affiliates?|licen[cs]\w*"
    r"|reproduc\w+|permission|consent|informational\s+purposes|advice|compensation|liabilit\w+|subsidiar\w+"
    r"|company|companies|inc|ltd|llc|plc|group|media|network|brand|publish\w*|owned|operated|responsib\w+"
    r"|external|registered|regulated|office|limited)\b",
    re.I,
)


def _title(text: str) -> bool:
    """Title Case or ALL CAPS."""
    words = text.split()
    letters = [w for w in words if any(c.isalpha() for c in w) and w.lower() not in _SMALL]
    if not letters:
        return False
    caps = sum(1 for w in letters if w.lstrip("\"'“‘([").lstrip()[:1].isupper() or w.isupper())
    return caps >= 0.8 * len(letters)


# Reference marks after a sentence: "[4]", "[11][12]", "[n 6]", "[citation needed]".
_NOTE_MARKS = lazy(r"(?:\[[^\[\]]{1,20}\])+$")


def _line(start: int, end: int, text: str, gap: bool = False) -> Line:
    n = len(text.split())
    stripped = text.rstrip(_CLOSERS)
    if text.endswith("]") and "[" in text:
        stripped = _NOTE_MARKS.sub("", text).rstrip(_CLOSERS)  # "... in 1987.[11][12]"
    sentence = bool(stripped) and stripped[-1] in ".!?…"
    prose = (n >= 8 and sentence) or n >= 20
    # A line that stops at a comma or a function word ("... who in 2008, won the") is a
    # sentence broken over lines, not a menu item or a headline.
    short = not prose and n <= 16 and not sentence and not stripped.endswith((",", ";")) \
        and not (n >= 4 and _ends_with_small_word(stripped))
    return Line(start, end, text, n, sentence, prose, short, gap)


def _ends_with_small_word(stripped: str) -> bool:
    last = stripped.rsplit(None, 1)[-1] if stripped else ""
    return last in _SMALL and last.islower()


def lines_of(doc: "Document") -> list[Line]:
    """The draft's non-blank lines of prose (front matter and code are blank in prose)."""
    prose, source = doc.prose, doc.text
    out = []
    pos = 0
    n = len(prose)
    gap = False
    while pos < n:
        nl = prose.find("\n", pos)
        end = n if nl < 0 else nl
        raw = prose[pos:end]
        text = raw.strip()
        if text:
            lead = len(raw) - len(raw.lstrip())
            out.append(_line(pos + lead, pos + lead + len(text), text, gap=gap and bool(out)))
            gap = False
        elif not source[pos:end].strip():
            gap = True  # a blank line (a line of markup or a URL only is not one)
        pos = end + 1
    return _unwrap(out)


# Code and terminal output: braces, tags, statement ends, box drawing. A menu's item never
# has them; a program or a query in the article (or a table printed by one) has little else.
_CODE = lazy(r"[{}]|</?[a-z][a-z\d-]*(?:\s[^<>]*)?/?>|[;{]\s*$|\w\(\S*\)\s*[;{.]|=>|[=!]==?\s|^\s*(?:#include\b|\$ [a-z])|[\u2500-\u257f]")


_CODE_CHARS = frozenset("{}<;=(/#$")


def _code(text: str) -> bool:
    """``_CODE.search(text)``, tried only on a line with one of the characters it needs."""
    return (not _CODE_CHARS.isdisjoint(text) or (not text.isascii() and any("\u2500" <= c <= "\u257f" for c in text))) \
        and _CODE.search(text) is not None


def _broken(ln: Line) -> bool:
    """Could be the first part of a sentence that the text breaks over lines: a line of a
    few words that does not end like a sentence and is not a Title Case label."""
    return not ln.prose and not ln.sentence and ln.words >= 4 and len(ln.text) >= 30 and not _title(ln.text)


def _goes_on(ln: Line) -> bool:
    """Could be the rest of a sentence broken over lines: it starts with a word in lower
    case ("iPhone", "eBay" are names)."""
    first = ln.text.split(None, 1)[0].rstrip(".,;:!?")  # "price. The PS4 ..." goes on too
    return ln.words >= 3 and len(ln.text) >= 20 and not ln.gap and first.isalpha() and first.islower()


def _unwrap(lines: list[Line]) -> list[Line]:
    """Lines of a paragraph that the page (or its source) breaks every few dozen
    characters are not the short lines of a menu: a line whose sentence goes on in lower
    case on the next line is prose broken over lines, and so is a line of a few words
    between two such lines. Code lines are not a menu's items either."""
    n = len(lines)
    wrapped = [False] * n
    for k in range(n - 1):
        if lines[k + 1].text[:1].islower() and _goes_on(lines[k + 1]) and _broken(lines[k]) \
                and lines[k].text.split(None, 2)[:2] != lines[k + 1].text.split(None, 2)[:2]:
            # ("switch to the UK edition", "switch to the Australia edition": a list's items
            # start alike; a sentence does not go on with the words it started with)
            wrapped[k] = wrapped[k + 1] = True
    for k in range(1, n - 1):  # between two broken lines of one paragraph
        if not wrapped[k] and lines[k].short and lines[k].words >= 5 and wrapped[k - 1] and wrapped[k + 1] \
                and not lines[k - 1].sentence and not lines[k].gap and not lines[k + 1].gap:
            wrapped[k] = True
    out = []
    for k, ln in enumerate(lines):
        if wrapped[k]:
            ln = ln._replace(short=False, prose=True)  # body copy, a paragraph's line
        elif ln.short and _code(ln.text):
            ln = ln._replace(short=False)
        out.append(ln)
    return out


# ---------------------------------------------------------------------------- detectors
# "Share on Pinterest", "Share by Mail", "Follow on Instagram": one button per network;
# "Print this article", "Email this story".
_NETWORK_LABEL = lazy(
    r"(?:share|post|pin|send|follow(?:\s+us)?)\s+(?:on|via|to|by|with)\s+(?:facebook|twitter|x|linkedin|whatsapp|reddit"
    r"|pinterest|instagram|youtube|tiktok|flipboard|pocket|telegram|messenger|threads|bluesky|mastodon|snapchat|tumblr"
    r"|vk|google\+?|e-?mail|mail|sms|text)\s*"
    r"|(?:print|e-?mail|save|share|bookmark)\s+(?:this|the)\s+(?:article|story|page|post)\s*",
    re.I,
)


# Gates. Most lines of a draft are copy, and a draft without furniture should not pay for
# compiling the page-residue patterns: a pattern is tried on a line only when the line
# opens with one of the words its matches start with (wordstarts.may_open reads them off
# the pattern, and says "maybe" whenever it cannot). _UI and _COMMENTS_HEAD may open with
# one arrow or bracket and spaces before their words: those are stripped for the gate
# (stripping more than the pattern allows only lets more lines through).
def _ui(text: str) -> bool:
    """``_UI.fullmatch(text)``."""
    return may_open(_UI_OPENERS, text.lstrip("<«‹←↑").lstrip()) and _UI.fullmatch(text) is not None


def _comments_head(text: str) -> bool:
    """``_COMMENTS_HEAD.fullmatch(text)``."""
    return may_open(_COMMENTS_OPENERS, text.lstrip("[(").lstrip()) and _COMMENTS_HEAD.fullmatch(text) is not None


def _full(rx: object, text: str) -> bool:
    """``rx.fullmatch(text)`` for a pattern whose matches all start with a word prefix."""
    return may_open(rx, text) and rx.fullmatch(text) is not None


def is_ui_label(text: str) -> bool:
    return len(text) <= 40 and (_ui(text) or _full(_NETWORK_LABEL, text))


# Labels that are a control's and nothing else even alone on a line. A single everyday word
# ("Later", "More", "Home", "Live") can be a headline or a section name: it counts only in
# a run of furniture.
_LONE_UI = lazy(
    r"(?:share|tweet|subscribe|sign\s*(?:in|up|out)|log\s*(?:in|out)|login|logout|register|donate|advertisement"
    r"|bookmark|dismiss|unfollow|(?:accept|reject|allow|decline|refuse)\s+(?:all\s+)?cookies|\w+\s+\w+.*)\s*[.!]?\s*[>»›→↓×✕]?\s*",
    re.I,
)


def is_lone_label(text: str) -> bool:
    """A control's label that is furniture even alone between paragraphs."""
    return (is_ui_label(text) and bool(_LONE_UI.fullmatch(text.strip("<«‹←↑ ")))) or is_counter(text) \
        or (len(text.split()) >= 2 and _full(_POLICY, text))


def is_counter(text: str) -> bool:
    return len(text) <= 60 and any(c.isdigit() for c in text) and bool(_COUNTER.fullmatch(text))


# _ADDRESS needs one of these words, as a word, in the folded line (see fold_for_literals). In the
# folded line it stands between characters that are not ASCII letters or digits: a word
# character of the line never folds to anything else, and only a word character folds to
# one of them. (_ADDRESS's words "we're" and "we've" start with "we", which a quote mark
# follows.) Case-sensitive and led by literals, it is far cheaper than _ADDRESS itself: each
# word's first letter comes before the look back, so that re jumps from one of those letters
# to the next ("(?<![a-z0-9])(?:you|your|yours|yourself|we|our|us|dear)(?![a-z0-9])").
_MAY_ADDRESS = re.compile(r"(?:y(?<![a-z0-9]y)ou(?:rself|rs|r)?|w(?<![a-z0-9]w)e|o(?<![a-z0-9]o)ur|u(?<![a-z0-9]u)s"
                          r"|d(?<![a-z0-9]d)ear)(?![a-z0-9])")


def _may_address(folded: str) -> bool:
    """False only when _ADDRESS cannot match (it needs one of these words)."""
    return _MAY_ADDRESS.search(folded) is not None


_AT_START: dict[str, tuple] = {}


def _opens(rx: object, folded: str) -> bool:
    """``may_open(rx, text)`` for the line that ``folded`` is ``fold_for_literals`` of, cheaper: a
    match at the line's start starts with one of the pattern's prefixes (read once), and
    the folded line has what the match has there in ASCII lower case."""
    entry = _AT_START.get(rx.pattern)
    if entry is None or entry[0] is not rx:
        entry = _AT_START[rx.pattern] = (rx, prefixes(rx, at_start=True))
    # A line with a non-ASCII character may open with a word that IGNORECASE (or a digit
    # class) matches and the folding does not make ASCII: it may match (see may_open).
    return entry[1] is None or folded.startswith(entry[1]) or not folded.isascii()


# A case-insensitive pattern that starts with a word is slow to search for: re tries it at
# every character. These two are tried only where _MAY_ADDRESS (every match of _ADDRESS
# starts where it matches) or a word that _ASK's matches start with is found in the folded
# line, which has the line's offsets (folding changes no length but for "İ", which is
# mapped to one letter first; a line whose length changed anyway is searched whole).
def _addressed(text: str, folded: str) -> bool:
    """``_ADDRESS.search(text) is not None``."""
    if len(folded) != len(text):
        return _ADDRESS.search(text) is not None
    match = _ADDRESS.match
    return any(match(text, m.start()) for m in _MAY_ADDRESS.finditer(folded))


_ASK_STARTS: list = []


def _asks(text: str, folded: str) -> bool:
    """``_ASK.search(text) is not None``."""
    if not _ASK_STARTS:
        pre = prefixes(_ASK)  # the words its matches start with (after its \b)
        # (a lookahead: every word start is found, however the prefixes overlap)
        _ASK_STARTS.append(re.compile(r"(?<![a-z0-9])(?=" + "|".join(map(re.escape, pre)) + ")") if pre else None)
    starts = _ASK_STARTS[0]
    if starts is None or len(folded) != len(text):
        return _ASK.search(text) is not None
    match = _ASK.match
    return any(match(text, m.start()) for m in starts.finditer(folded))


def is_appeal(text: str, folded: str | None = None) -> bool:
    """A line that addresses the reader and asks for money, membership or a sign-up.
    ``folded``: ``fold_for_literals(text)``, when the caller has it."""
    if folded is None:
        folded = fold_for_literals(text)
    if _opens(_DEAR, folded) and _DEAR.match(text):
        return True
    if text[:1] in "“\"‘'":
        return False  # a quotation: someone in the story speaking, not the page
    if len(text) > 700:
        return False
    # the literal tests first (most lines fail one), then the small pattern: _ASK is
    # compiled only when needed
    if _MAY_ADDRESS.search(folded) and _MAY_ASK.search(folded) and _addressed(text, folded) and _asks(text, folded):
        # A long paragraph that tells the reader to donate or subscribe is a how-to's advice
        # ("You can donate it, sell it ...") unless the publisher speaks in it ("we", "our").
        return len(text) < 250 or _US.search(text) is not None
    return "support" in folded and bool(_SUPPORT_NAME.search(text)) and _addresses_reader(text)


# Every match of _ASK contains one of these (each alternative was checked by hand: "make a
# gift" has "gift", "sign up for our" has "our", "in your inbox" has "inbox", ...). The line
# is folded as for the other literal gates (fold_for_literals), so the few non-ASCII letters that
# re.IGNORECASE takes for ASCII ones ("ſ" for "s") count as those letters.
_ASK_WORDS = ("donat", "contribut", "gift", "support", "member", "subscriber", "patron", "donor", "join", "our",
              "inbox", "chip", "pledge", "free", "paywall", "blocker", "deductible", "funded", "reader", "need",
              "here", "keep")


# Each of those words starts a word where a match has it (after \b or \s in _ASK), except
# "blocker" in "adblocker"; at a word start in the folded line, as for _MAY_ADDRESS.
_MAY_ASK = re.compile(r"(?<![a-z0-9])(?:" + "|".join(w for w in _ASK_WORDS if w != "blocker") + ")|blocker")


def _may_ask(folded: str) -> bool:
    """False only when ``_ASK`` cannot match in the line ``folded`` came from."""
    return _MAY_ASK.search(folded) is not None


def _menu_like(ln: Line) -> bool:
    """A line that can be one item of a menu or link list (a line ending in a colon
    introduces what follows; it is not an item)."""
    return ln.short and not ln.text.endswith(":")


def _has_letters(ln: Line) -> bool:
    return any(c.isalpha() for c in ln.text)


def _intro(ln: Line) -> bool:
    """A line that introduces a list in the article ("The winners were:", "Think about it:"),
    not a widget's header ("Share on:", "Follow us:", "Tags:")."""
    if not ln.text.endswith(":") or ln.words < 2:
        return False
    head = ln.text[:-1].strip()
    if ln.words <= 3 and _title(head):
        return False  # "Mutual Funds:", "Our Sites:": a widget's label
    return not (_ui(head) or _related_head(head) or (may_open(_UI_HEAD, head) and _UI_HEAD.match(head)))


# More headers of link lists: "Popular", "Most read in World", "Recent posts", "Featured",
# "More:", "Also read:".
_MORE_HEADS = lazy(
    r"(?:popular|featured(?:\s+(?:stories|articles|posts|videos|content))?|recent\s+(?:posts|articles|stories|news)"
    r"|more(?=\s*:)|also\s+(?:read|see)(?=\s*:)|(?:read|see)\s+also(?=\s*:)"
    r"|(?:most|more)\s+(?:read|popular|viewed|shared|commented)\s+(?:in|on|from)\s+\S+(?:\s+\S+){0,3})\s*[:»›>→]?",
    re.I,
)


# A comment thread titled after the article: "12 thoughts on “How we voted”", "3 responses to ...".
_THREAD_TITLE = lazy(r"\d[\d,]*\s+(?:thoughts?|responses?|repl(?:y|ies)|comments?)\s+(?:on|to)\s+\S.{0,200}", re.I)


def _related_head(text: str) -> bool:
    return _full(_RELATED_HEAD, text) or _full(_MORE_HEADS, text)


def _widget_head(ln: Line) -> bool:
    """A label of a few words ending in a colon ("RSS feeds:", "Sections:", "Share this:"):
    above a run that is a menu, the menu's header."""
    return ln.short and ln.words <= 5 and ln.text.endswith(":")


_UI_HEAD = lazy(r"(?:share|follow|tags?|topics?|filed\s+under|categor(?:y|ies)|posted\s+in|see\s+also|find\s+us)\b", re.I)
_SEPARATOR = lazy(r"\s[–—-]\s|:\s|\s@\s")


def _separated(text: str) -> bool:
    """A dash, a colon or an at sign between a list item's parts ("June 9 -- The Forum")."""
    return " -- " in text or bool(_SEPARATOR.search(text))


def _structured(run: list[Line]) -> bool:
    """Items that share one pattern (a date and a dash, a label and a colon) are a list or
    table in the article (tour dates, results, fixtures), not a menu of unrelated links."""
    items = [ln for ln in run if ln.words >= 3]
    if len(items) < 3:
        return False
    with_sep = sum(1 for ln in items if _separated(ln.text))
    return with_sep >= 0.6 * len(items)


def _pattern_end(lines: list[Line], i: int, j: int) -> int:
    """The last line of the patterned list that lines i..j are (see :func:`_structured`),
    or j. Only a clear pattern (five items or more) is split off what follows it."""
    if not _structured(lines[i:j + 1]) or sum(1 for ln in lines[i:j + 1] if ln.words >= 3 and _separated(ln.text)) < 5:
        return j
    k = j
    while k > i and not (lines[k].words >= 3 and _separated(lines[k].text)):
        k -= 1
    return k


def _label(ln: Line) -> bool:
    t = ln.text
    return is_ui_label(t) or is_counter(t) or (ln.words <= 8 and _full(_POLICY, t))


@dataclass
class Options:
    """Thresholds of the furniture pass (rules/clutter.yaml may set them)."""

    min_run: int = 3  # short lines in a row that make a navigation run
    max_item_words: int = 16
    lookahead: int = 12  # lines looked at after a header for the furniture it heads
    max_list: int = 60  # lines a related-links block runs to at most


def find_furniture(doc: "Document", options: Options | None = None) -> Furniture:
    """Every piece of furniture in the draft."""
    return analyse(lines_of(doc), options or Options())


def analyse(lines: list[Line], opt: Options) -> Furniture:
    n = len(lines)
    taken = [False] * n
    found: list[tuple[str, int, int]] = []

    def add(shape: str, i: int, j: int) -> None:
        """Lines i..j (inclusive) are one piece."""
        found.append((shape, i, j))
        for k in range(i, j + 1):
            taken[k] = True

    def copy_like(ln: Line) -> bool:
        return ln.prose or (ln.sentence and ln.words >= 5)

    def body_resumes(k: int) -> bool:
        """Line k starts article copy: two lines of sentences in a row. Link lists have a
        teaser line at most between their headlines."""
        return k + 1 < n and copy_like(lines[k]) and copy_like(lines[k + 1])

    def photo_over_copy(k: int) -> bool:
        """Line k is the article's photo: a credit (after a caption, maybe) with a paragraph
        right under it. A link list ends there."""
        for m in (k, k + 1):
            if m + 1 < n and is_credit(lines[m].text) and copy_like(lines[m + 1]):
                return m == k or lines[k].sentence or not lines[k].short
        return False

    copyright_lines: list[int] = []
    # Blocks that a header or a first line opens and that run until the article resumes.
    i = 0
    while i < n:
        ln = lines[i]
        t = ln.text
        if taken[i]:
            i += 1
            continue
        folded = fold_for_literals(t)
        if (is_appeal(t, folded) and not (ln.short and _title(t))) or (ln.short and _full(_DEAR, t)):
            j = _appeal_end(lines, i)
            # A short header just above ("Support us", "A note to readers") belongs to it.
            s = i
            while s > 0 and not taken[s - 1] and lines[s - 1].short and i - s < 2 and not lines[s - 1].prose \
                    and not is_dateline(lines[s - 1].text) and not is_byline(lines[s - 1].text):
                s -= 1
            add("appeal", s, j)
            i = j + 1
            continue
        # one scan of the line for the rarer shapes below, when it has one of the literals
        gate = _may_gate(t, folded) and _GATE.search(t) is not None
        if gate and _COOKIE.search(t) and _cookie_context(t) and len(t) <= 600 and t[:1] not in "“\"‘'":
            j = i
            while j + 1 < n and lines[j + 1].short and (_label(lines[j + 1]) or _full(_POLICY, lines[j + 1].text)):
                j += 1
            add("cookie-notice", i, j)
            i = j + 1
            continue
        if (ln.short and ln.words <= 6 and _comments_head(t)) or (gate and ln.words <= 12 and _POST_HEAD.search(t)) \
                or (ln.words <= 30 and t[:1].isdigit() and _THREAD_TITLE.fullmatch(t)):
            window = lines[i + 1:i + 1 + opt.lookahead]
            marks = sum(1 for w in window if (_POST_MARK.search(w.text) and not is_byline(w.text)) or is_dateline(w.text))
            # "Comments" in a share bar above the article's byline: the date and the
            # reporter's handle under it are the article's head, not posts.
            if marks >= 2 and not any(is_byline(w.text) for w in window[:4]):
                j = _comments_end(lines, i, 2 * opt.lookahead)
                add("comments", i, j)
                i = j + 1
                continue
        if ln.short and ln.words <= 8 and _related_head(t):
            j = i
            while j + 1 < n and j - i < opt.max_list and not body_resumes(j + 1) and not _intro(lines[j + 1]) \
                    and not photo_over_copy(j + 1) \
                    and lines[j + 1].words < 30 and not _COPYRIGHT.search(lines[j + 1].text) \
                    and not (lines[j + 1].short and _comments_head(lines[j + 1].text)):
                j += 1
            if j > i:
                add("related-links", i, j)
                i = j + 1
                continue
        if gate and ln.words <= 60 and _COPYRIGHT.search(t) and (ln.short or _LEGAL.search(t)):
            copyright_lines.append(i)  # a footer if the page's links are next to it (below)
        if ln.short and ln.words <= 6 and _full(_ABOUT_AUTHOR, t):
            j = i
            while j + 1 < n and j - i < 6 and not body_resumes(j + 1):
                j += 1
            if j > i:
                add("author-bio", i, j)
                i = j + 1
                continue
        i += 1

    legal = set(copyright_lines)  # not body copy, whatever their length
    for c in copyright_lines:  # nor the legal text under a copyright line
        k = c + 1
        while k < n and k - c <= 3 and not lines[k].short and lines[k].words <= 60 and _LEGAL.search(lines[k].text):
            legal.add(k)
            k += 1
    # Subheads: short lines with body copy right under them, by their text (see _contents).
    heads: dict[str, list[int]] = {}
    for k in range(n - 1):
        if lines[k].short and lines[k].words <= 12 and copy_like(lines[k + 1]):
            heads.setdefault(lines[k].text.casefold(), []).append(k)
    # Runs of short lines: menus and link lists.
    i = 0
    while i < n:
        if taken[i] or not _menu_like(lines[i]):
            i += 1
            continue
        j = i
        # A run is lines with no blank line between them: short paragraphs that a writer
        # separated with blank lines are the writer's list, not a pasted menu.
        while j + 1 < n and not taken[j + 1] and _menu_like(lines[j + 1]) and not lines[j + 1].gap:
            j += 1
        # Bare numbers (counts, durations, table cells) go with the lines around them but do
        # not make a run on their own: trim them off its ends.
        end = j
        while i <= j and not _has_letters(lines[i]):
            i += 1
        while j > i and not _has_letters(lines[j]):
            j -= 1
        if i > j:
            i = end + 1
            continue
        # An article's list of one pattern (tour dates, results) can run straight into the
        # page's menu under it: the list ends with its last patterned line, and the lines
        # after it are looked at as a run of their own.
        k = _pattern_end(lines, i, j)
        if j - k >= opt.min_run:
            j = end = k
        # The article's table of contents right under the menu ends the menu: the lines
        # after it are looked at as a run of their own.
        t = _contents_start(lines, i, j, heads)
        if t is not None:
            j = t - 1  # the contents and the subhead under them are not looked at again
            if j > i and lines[j].words >= 4 and sorted(ln.words for ln in lines[i:j])[(j - i) // 2] <= 3:
                j -= 1  # the article's headline over its contents is longer than the menu's items
        # The article's headline right under a menu, with a share bar or an ad label between
        # it and the first paragraph: the headline is the article's; the controls under it
        # are looked at as a run of their own.
        t = _headline_over_controls(lines, i, j)
        if t is not None:
            j, end = t - 1, t
        j = _before_article_head(lines, i, j)
        run = lines[i:j + 1]
        items = [r for r in run if _has_letters(r) and not (is_byline(r.text) or is_dateline(r.text) or is_credit(r.text))]
        # A list that a line of the article introduces ("The winners were:") has the
        # article around it; a widget's header ("Around the globe:") has the page.
        intro = i > 0 and ((_intro(lines[i - 1]) and (lines[i - 1].words >= 6
                                                       or (i > 1 and copy_like(lines[i - 2]) and not taken[i - 2])
                                                       or (j + 1 < n and copy_like(lines[j + 1]))))
                           or _split_sentence(lines, i, j))
        if (len(items) >= opt.min_run or len(run) >= 2 * opt.min_run) and not intro and not _structured(run) \
                and not (_table_of_figures(run) and _inside_article(lines, taken, i, j, legal, either=True)) \
                and not _contents(lines, i, j, heads) \
                and (_long_menu(items) or not (_inside_article(lines, taken, i, j, legal) or _table_head(lines, j))):
            if i > 0 and not taken[i - 1] and _widget_head(lines[i - 1]):
                i -= 1  # the menu's own header ("Sections:", "RSS feeds:")
            add("navigation", i, j)
        else:
            # Two controls side by side ("Facebook", "Twitter") reinforce each other.
            labels = {k for k in range(i, j + 1) if _has_letters(lines[k]) and is_ui_label(lines[k].text)}
            for k in range(i, j + 1):
                if _has_letters(lines[k]) and (is_lone_label(lines[k].text) or (len(labels) >= 2 and k in labels)):
                    add("button", k, k)
        i = end + 1
    # Teasers: a line of copy alone between two pieces of furniture, again and again, is the
    # summary under each headline of a link list. One such line may be a short article.
    # A line between two controls' labels is the article broken up by ad slots or share
    # bars ("Advertisement", paragraph, "Advertisement"): a teaser sits under a headline.
    lonely = [k for k in range(1, n - 1) if not taken[k] and taken[k - 1] and taken[k + 1] and lines[k].words <= 60
              and not (lines[k].sentence and _label(lines[k - 1]) and _label(lines[k + 1]))]
    for a, k in enumerate(lonely):
        if (a > 0 and k - lonely[a - 1] <= opt.lookahead) or (a + 1 < len(lonely) and lonely[a + 1] - k <= opt.lookahead):
            add("related-links", k, k)
    # A line of a few words that is not a sentence of copy, alone between two pieces of
    # furniture, is one more item of them ("Link saved!", "More in Sport"): the article is
    # not there. A longer line there is a headline (the article's, under the menu); between
    # two lone labels a short one may be a subhead between ad slots: both are left.
    for k in range(1, n - 1):
        if not taken[k] and taken[k - 1] and taken[k + 1] and lines[k].words <= 3 and not copy_like(lines[k]) \
                and not (_label(lines[k - 1]) and _label(lines[k + 1])):
            add("navigation", k, k)
    # A copyright line with the page's links or buttons next to it is the footer, with the
    # legal text that follows it. Alone after the last paragraph it may be the notice of a
    # wire service, which some desks keep with the copy: that is left to the phrase rules.
    for i in copyright_lines:
        if taken[i] or not ((i > 0 and (taken[i - 1] or _menu_like(lines[i - 1])))
                            or (i + 1 < n and (taken[i + 1] or _menu_like(lines[i + 1])))):
            continue
        j = i
        while j + 1 < n and not taken[j + 1] and lines[j + 1].words <= 60 and not lines[j + 1].short \
                and (_LEGAL.search(lines[j + 1].text) or _COPYRIGHT.search(lines[j + 1].text)):
            j += 1
        add("footer", i, j)
    # A control's label right next to other furniture belongs to it ("Close" under a banner).
    for k in range(n):
        if not taken[k] and lines[k].short and is_ui_label(lines[k].text) and (
                (k > 0 and taken[k - 1]) or (k + 1 < n and taken[k + 1])):
            add("button", k, k)
    return Furniture(_pieces(lines, found))


# Words that are never a line of their own in copy or in a menu: alone on a line they are a
# sentence broken one word a line (a teaser clamped by a script) or the "by" of a byline.
_FUNCTION = frozenset(
    "a an and as at but by for from in into nor of on or per the to up via with is are was were be been its it "
    "this that these those than then you your we our i me my he him his she her they them their not no so if".split())


def no_evidence(text: str) -> bool:
    """A line that tells nothing of what it belongs to: a bare number of up to three digits
    (a rank in a "most read" list, a count, a day of the month, a list item's number), a
    lone function word, or a lone letter that is not a control's label ("X" closes a box; an
    "h" or a "J" is an icon font's glyph or an index letter). Next to furniture such a line
    is as often the article's, so it is left out of the piece around it rather than reported
    with it."""
    t = text.strip()
    if t.isdigit():
        return len(t) <= 3
    if len(t) == 1:
        return t.isalpha() and not is_ui_label(t)
    return " " not in t and t.islower() and t.strip(".,;:!?…") in _FUNCTION


# Shapes whose lines are items of a list, each one furniture on its own evidence. A block
# (an appeal, a cookie notice, a comment thread, a footer) is one finding from its first line
# to its last, numbers and all, so that --fix deletes it in one edit.
_LISTS = frozenset({"navigation", "related-links", "button"})


def _pieces(lines: list[Line], found: list[tuple[str, int, int]]) -> list[Piece]:
    """The pieces for lines i..j of each shape found. A list (see _LISTS) is left without
    its lines that are no evidence (see :func:`no_evidence`): such a line inside it splits
    it in two."""
    out: list[Piece] = []
    for shape, i, j in found:
        if shape not in _LISTS:
            out.append(Piece(shape, lines[i].start, lines[j].end, j - i + 1))
            continue
        k = i
        while k <= j:
            if no_evidence(lines[k].text):
                k += 1
                continue
            m = k
            while m + 1 <= j and not no_evidence(lines[m + 1].text):
                m += 1
            out.append(Piece(shape, lines[k].start, lines[m].end, m - k + 1))
            k = m + 1
    return out


def _before_article_head(lines: list[Line], i: int, j: int) -> int:
    """Where a run ends when the article starts right under it: its headline, byline and
    date line are the article's, not the menu's items. Returns the run's new last line."""
    n = len(lines)
    k = j
    while k > i and (is_byline(lines[k].text) or is_dateline(lines[k].text)):
        k -= 1
    starts = j + 1 < n and lines[j + 1].prose  # body copy right under the run
    if k < j and not starts:
        return j  # dates and names inside a menu (an archive, a list of authors)
    if not starts and not (k + 1 < n and (is_byline(lines[k + 1].text) or is_dateline(lines[k + 1].text))):
        return k
    if starts and k == j and k - 1 > i and lines[k].words <= 3 and _has_letters(lines[k]) and not _label(lines[k]) \
            and (is_byline(lines[k - 1].text) or is_dateline(lines[k - 1].text)):
        # A dateline's place ("LEEDS") or a kicker between the date line and the first
        # paragraph is the article's too.
        k -= 1
        while k > i and (is_byline(lines[k].text) or is_dateline(lines[k].text)):
            k -= 1
    if k > i and lines[k].words >= 4:
        sizes = sorted(ln.words for ln in lines[i:k])
        if sizes[len(sizes) // 2] <= 3:  # a headline is longer than the menu's items
            k -= 1
    return k


def _headline_over_controls(lines: list[Line], i: int, j: int) -> int | None:
    """The index of the article's headline when lines i..j end with a headline and then
    controls' labels (and bylines, date lines) only, with body copy right under them."""
    if not (j + 1 < len(lines) and lines[j + 1].prose):
        return None
    t = j
    while t > i and (_label(lines[t]) or is_byline(lines[t].text) or is_dateline(lines[t].text)):
        t -= 1
    if t == j or t - i < 2 or lines[t].words < 4 or _label(lines[t]) \
            or not any(_label(lines[m]) for m in range(t + 1, j + 1)):
        return None
    sizes = sorted(ln.words for ln in lines[i:t])
    return t if sizes[len(sizes) // 2] <= 3 else None  # a headline is longer than the menu's items


def _split_sentence(lines: list[Line], i: int, j: int) -> bool:
    """Lines i..j are the middle of one sentence that a page broke at its links: the line
    before stops mid-sentence ("... is now lower than on the") and the line after goes on
    in lower case ("ten years ago, the report found.")."""
    if j + 1 >= len(lines) or j - i > 6 or not lines[j + 1].text[:1].islower():
        return False
    before = lines[i - 1]
    last = before.text.rsplit(None, 1)[-1]
    return before.words >= 4 and (last.endswith(",") or (last in _SMALL and last.islower()))


def _table_head(lines: list[Line], j: int) -> bool:
    """Figures right under the run (three or more bare numbers or percentages among the next
    eight lines) make it the head of a table in the article, not a menu."""
    figures = sum(1 for ln in lines[j + 1:j + 9] if not _has_letters(ln))
    return figures >= 3


_FOOTNOTE = lazy(r"\[[^\]]{1,8}\]")


def _figure(text: str) -> bool:
    """A table's cell of figures: "4,933,210", "75/59", "0.1%", "1.6[4]", "1987" (a number of up
    to three digits alone is no evidence: a rank in a "most read" list)."""
    if "[" in text:
        text = _FOOTNOTE.sub("", text)
    digits = sum(c.isdigit() for c in text)
    letters = sum(c.isalpha() for c in text)
    # A time is a list's stamp ("11/19/2019 06:39 PM"), not a table's figure.
    return letters <= 2 and digits >= 2 and not no_evidence(text) and ":" not in text


def _table_of_figures(run: list[Line]) -> bool:
    """A table pasted a cell per line: a label, then its figures, row after row (a fact box,
    a results table, a list of films with their years). A menu has no figures in it."""
    figures = sum(1 for ln in run if _figure(ln.text))
    return figures >= 3 and figures >= 0.2 * len(run)


def _contents_start(lines: list[Line], i: int, j: int, heads: dict[str, list[int]]) -> int | None:
    """Where the article's table of contents starts when lines i..j end with one (three
    lines or more that all come back as subheads) after other lines, or None."""
    if not heads:
        return None
    last = j
    if j in heads.get(lines[j].text.casefold(), ()):
        last = j - 1  # the run ends with the first subhead itself, over the first paragraph
    k = last
    while k > i and any(m != k for m in heads.get(lines[k].text.casefold(), ())):
        k -= 1
    return k + 1 if last - k >= 3 else None


def _contents(lines: list[Line], i: int, j: int, heads: dict[str, list[int]]) -> bool:
    """Lines i..j are the article's table of contents: most of them come back as the
    article's subheads (a short line with body copy under it) outside the run. A site's
    menu may come back too, at the foot of the page, but as a menu, not over paragraphs."""
    items = [k for k in range(i, j + 1) if _has_letters(lines[k])]
    if len(items) < 3 or not heads:
        return False
    back = sum(1 for k in items if any(m != k for m in heads.get(lines[k].text.casefold(), ())))
    return back >= 3 and back >= 0.6 * len(items)


def _long_menu(items: list[Line]) -> bool:
    """A dozen or more Title Case items with hardly a number among them are a site's menu
    even between two paragraphs; a table in the article has figures in it."""
    if len(items) < 12:
        return False
    titled = sum(1 for ln in items if _title(ln.text))
    figures = sum(1 for ln in items if any(c.isdigit() for c in ln.text))
    return titled >= 0.8 * len(items) and figures <= 0.1 * len(items)


def _inside_article(lines: list[Line], taken: list[bool], i: int, j: int, legal: set[int],
                    either: bool = False) -> bool:
    """A run with body copy within two lines before and after it is part of the article (a
    table, a list, a fact box): menus and link lists stand outside the article text. Bare
    numbers next to the run (a table's cells) are looked past. With ``either``, body copy on
    one side is enough (for a run that is a table by its own shape)."""
    n = len(lines)

    def prose(k: int) -> bool:
        if taken[k] or not lines[k].prose or k in legal:
            return False
        # A short question is as often a headline in a video or link list.
        return not (lines[k].words < 15 and lines[k].text.rstrip(_CLOSERS).endswith("?"))

    def near(k: int, step: int) -> bool:
        seen = skipped = 0
        while 0 <= k < n and seen < 2 and skipped < 8:
            if not _has_letters(lines[k]):
                skipped += 1
            elif prose(k):
                return True
            else:
                seen += 1
            k += step
        return False

    if either:
        return near(i - 1, -1) or near(j + 1, 1)
    return near(i - 1, -1) and near(j + 1, 1)


def _comments_end(lines: list[Line], i: int, lookahead: int) -> int:
    """The last line of a comment section headed at line i: the thread goes on while posts
    keep coming (names with times, handles, reply buttons); the last post's text ends it."""
    n = len(lines)
    last_mark = i
    k = i + 1
    while k < n and k - last_mark <= lookahead and not _COPYRIGHT.search(lines[k].text):
        if _POST_MARK.search(lines[k].text) or is_dateline(lines[k].text):
            last_mark = k
        k += 1
    j = last_mark
    while j + 1 < n and j - last_mark < lookahead and not lines[j + 1].short and not _COPYRIGHT.search(lines[j + 1].text):
        j += 1  # the text of the last post
    return j


def _addresses_reader(text: str) -> bool:
    """The publisher talking to the reader: both 'we/our/us' and 'you/your' in the line."""
    return bool(_US.search(text)) and bool(re.search(r"\b(?:you|your|yours|yourself)\b", text, re.I))


def _appeal_end(lines: list[Line], i: int) -> int:
    """The last line of an appeal that starts at line i: it runs over lines that address the
    reader, buttons, counters and amounts, and ends before the article resumes."""
    n = len(lines)
    j = i
    while j + 1 < n:
        nxt = lines[j + 1]
        t = nxt.text
        if is_appeal(t) or _label(nxt) or (nxt.short and nxt.words <= 3):
            j += 1
            continue
        if nxt.prose and _addresses_reader(t):
            j += 1
            continue
        break
    # Trailing short lines that head the article's next section are not the appeal's.
    while j > i and lines[j].short and not _label(lines[j]) and not is_appeal(lines[j].text) and j + 1 < n \
            and lines[j + 1].prose and not _ADDRESS.search(lines[j + 1].text):
        j -= 1
    return j
