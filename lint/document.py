"""The parsed draft: source text, prose mask, blocks, sentences and quotations.

Rules search ``prose``, a copy of the text in which everything that is not prose
(front matter, code, URLs, link targets, HTML, Markdown markup) is blanked out with
spaces. Because the copy has the same length, every offset a rule finds is also an
offset into the original text, so line and column come out exact.
"""
from __future__ import annotations

import bisect
import datetime as _dt
import re
from itertools import accumulate, count
from operator import add
from dataclasses import dataclass, field
from typing import Any, Callable, NamedTuple

from . import yamlfile


class DocumentError(Exception):
    """The input cannot be read as a draft (binary, undecodable, bad front matter)."""


class Span(NamedTuple):
    start: int
    end: int

    def __contains__(self, offset: int) -> bool:
        return self.start <= offset < self.end


class Block(NamedTuple):
    """A paragraph-level unit: ``paragraph``, ``heading``, ``blockquote`` or ``list-item``,
    or one of the article parts that are not body copy (:data:`PARTS`): ``standfirst``,
    ``byline``, ``dateline``, ``caption``, ``credit`` and ``bio``."""

    kind: str
    start: int
    end: int

    @property
    def is_body(self) -> bool:
        """True for body copy: paragraphs, list items and block quotes."""
        return self.kind in BODY_KINDS


#: Block kinds that are the article's body copy; headings and :data:`PARTS` are not.
BODY_KINDS = frozenset({"paragraph", "list-item", "blockquote"})
#: Article parts recognised in text read one paragraph per line (see lint/parts.py).
PARTS = frozenset({"standfirst", "byline", "dateline", "caption", "credit", "bio"})


class Suppression(NamedTuple):
    """An inline ``newslint-disable`` comment: which rules, over which span."""

    rules: tuple[str, ...]  # empty = every rule
    start: int
    end: int
    comment_start: int
    comment_end: int
    directive: str


# --------------------------------------------------------------------------
# Patterns for what is not prose
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:(.*?)\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
_UNCLOSED_FRONT_MATTER = re.compile(r"---[ \t]*\r?\n[ \t]*[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|\r?\n)")
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})[^\n]*$", re.M)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>")
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^<>\s]*>")
_URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>\"“”]*[^\s<>\"“”.,;:!?'’)\]]")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_LINK = re.compile(r"(!?)\[([^\]\n]*)\](\([^)\n]*\)|\[[^\]\n]*\])")
_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.M)
_ATX = re.compile(r"^([ ]{0,3}#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT = re.compile(r"^[ ]{0,3}(=+|-+)[ \t]*$")
_RULE_LINE = re.compile(r"^[ ]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE_MARK = re.compile(r"^([ ]{0,3}>[ ]?)+")
_LIST_MARK = re.compile(r"^([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+")
_EMPHASIS = re.compile(r"(?<![\w*])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*])|~~")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_BREAK = re.compile(r"\r\n|\r|\n")

_DIRECTIVE = re.compile(
    r"<!--\s*newslint-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->", re.S
)

# Sentence boundaries: terminal punctuation, optional closers, then space and an opener, or
# the end of the paragraph. (Written with one head, not as two alternatives that each begin
# with the punctuation, so that re looks only at the punctuation's characters: the
# punctuation and closers can end only where a space or the end follows, one place for
# each start, so the two forms find the same spans; tests/test_document_scans.py checks it.)
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9À-Ý]|\s*$)")
_ABBREV = frozenset(
    """mr mrs ms dr prof gen sen rep gov lt col sgt capt cmdr adm maj st jr sr rev hon
    jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc inc corp co ltd bros
    ave blvd mt ft fig approx dept est univ pres supt det insp
    u.s u.k u.n e.u d.c n.y l.a a.k.a i.e e.g""".split()
)

_OPEN_CURLY, _CLOSE_CURLY = "“", "”"


@dataclass
class Document:
    """A draft ready for rules. Build one with :func:`parse`."""

    path: str
    text: str
    prose: str
    format: str = "markdown"
    per_line: bool = False  # each line is its own paragraph (text pasted from a web page or CMS)
    metadata: dict = field(default_factory=dict)
    front_matter: Span | None = None
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    quotes: list[Span] = field(default_factory=list)
    comment_thread: Span | None = None
    suppressions: list[Suppression] = field(default_factory=list)
    date: _dt.date | None = None
    date_source: str = ""
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _quote_starts: list[int] = field(default_factory=list, repr=False)
    _block_starts: list[int] = field(default_factory=list, repr=False)
    _derived: dict = field(default_factory=dict, repr=False)

    def derived(self, key: Any, compute: Callable[[], Any]) -> Any:
        """An analysis several rules share (dates, counts, tokens...), computed once per document."""
        try:
            return self._derived[key]
        except KeyError:
            value = self._derived[key] = compute()
            return value

    def release(self) -> None:
        """Drop the shared analyses. Some refer back to the document (a cycle the garbage
        collector frees only now and then), so a caller done with a document says so."""
        self._derived.clear()

    # Positions -----------------------------------------------------------------
    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of a text offset."""
        i = bisect.bisect_right(self._line_starts, offset) - 1
        return i + 1, offset - self._line_starts[i] + 1

    def line_span(self, line: int) -> Span:
        """Offsets of a 1-based line, without its line break."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] if line < len(self._line_starts) else len(self.text)
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1
        return Span(start, end)

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    # Structure -----------------------------------------------------------------
    def _find(self, starts: list[int], spans: list, offset: int) -> Any:
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and spans[i].start <= offset < spans[i].end:
            return spans[i]
        return None

    def sentence_at(self, offset: int) -> Span | None:
        return self._find(self._sentence_starts, self.sentences, offset)

    def block_at(self, offset: int) -> Block | None:
        return self._find(self._block_starts, self.blocks, offset)

    def quote_at(self, offset: int) -> Span | None:
        return self._find(self._quote_starts, self.quotes, offset)

    def in_quote(self, start: int, end: int | None = None) -> bool:
        """True when the span lies inside a direct quotation (marks included)."""
        q = self.quote_at(start)
        return q is not None and (end is None or end <= q.end)

    def contexts(self, start: int, end: int | None = None) -> frozenset[str]:
        """The skip contexts (see :data:`lint.rule.CONTEXTS`) the span lies in."""
        found = set()
        if self.in_quote(start, end):
            found.add("quotes")
        block = self.block_at(start)
        if block is not None:
            if block.kind == "heading":
                found.add("headings")
            elif block.kind == "blockquote":
                found.add("blockquotes")
        if self.comment_thread is not None and start in self.comment_thread:
            found.add("comments")
        if self.furniture.covers(start, end if end is not None else start + 1):
            found.add("furniture")
        return frozenset(found)

    @property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind != "heading"]

    @property
    def body_blocks(self) -> list[Block]:
        """Body copy only: no headings, article parts (bylines, captions...), page furniture
        or reader comments. Readability is judged on these."""
        return self.derived("body-blocks", self._body_blocks)

    def _body_blocks(self) -> list[Block]:
        body = [b for b in self.blocks if b.is_body]
        if self.comment_thread is not None:  # reader comments are not the article
            body = [b for b in body if b.start < self.comment_thread.start]
        furniture = self.furniture
        if furniture:
            body = [b for b in body if not furniture.covers(b.start, b.end)]
        return body

    @property
    def furniture(self) -> "Any":
        """The page furniture in the draft (:class:`lint.furniture.Furniture`), found once."""
        found = self._derived.get("furniture")  # (asked for every finding: no import, no closure)
        if found is None:
            from .furniture import find_furniture

            found = self._derived["furniture"] = find_furniture(self)
        return found


# --------------------------------------------------------------------------
def decode(data: bytes, path: str) -> str:
    """Decode a draft's bytes (UTF-8, or UTF-16/32 with a BOM) or raise a clear :class:`DocumentError`."""
    from .reading import ReadError, decode_draft

    try:
        return decode_draft(data, path)
    except ReadError as exc:
        raise DocumentError(str(exc)) from None


def fmt_for(path: str) -> str:
    """The format a draft is parsed as, from its name: ``.txt`` is plain text, the rest Markdown."""
    return "text" if path.lower().endswith(".txt") else "markdown"


def parse(text: str, path: str = "<stdin>", fmt: str = "markdown") -> Document:
    """Parse a draft. ``fmt`` is ``markdown`` or ``text``."""
    masked: list[tuple[int, int]] = []
    metadata: dict = {}
    front = None
    m = _FRONT_MATTER.match(text)
    if m:
        front = Span(0, m.end())
        masked.append((0, m.end()))
        if m.group(1):
            try:
                loaded = yamlfile.loads_front_matter(m.group(1), path)
            except yamlfile.YAMLError as exc:
                # Front matter starts on line 2 of the file.
                line = (exc.line or 0) + 1
                raise DocumentError(f"{path}:{line}: bad front matter: {exc.message}") from None
            if loaded is not None and not isinstance(loaded, dict):
                raise DocumentError(f"{path}:2: front matter must be a mapping of keys to values")
            metadata = dict(loaded or {})
    elif _UNCLOSED_FRONT_MATTER.match(text):
        # Linted as copy, its "date:" line would be read as a dateline and its keys as prose.
        raise DocumentError(f"{path}:1: front matter opened with '---' is never closed; "
                            "add a '---' line after its last key")
    body_start = front.end if front else 0

    code_spans = _code_blocks(text, body_start) if fmt == "markdown" else []
    masked.extend(code_spans)
    in_code = _SpanSet(code_spans)

    def add(pattern: re.Pattern, needs: tuple[str, ...]) -> None:
        # ``needs``: strings one of which every match contains; a draft with none of
        # them skips the scan (most drafts have no e-mail address, link or emphasis).
        if not any(n in text for n in needs):
            return
        for mm in pattern.finditer(text, body_start):
            if in_code.overlaps(mm.start(), mm.end()):
                continue
            masked.append(mm.span())

    add(_HTML_COMMENT, ("<!--",))
    add(_AUTOLINK, ("<",))
    add(_URL, ("://", "www."))
    add(_EMAIL, ("@",))
    if fmt == "markdown":
        add(_HTML_TAG, ("<",))
        add(_REF_DEF, ("[",))
        add(_INLINE_CODE, ("`",))
        for mm in _LINK.finditer(text, body_start) if "[" in text else ():
            if in_code.overlaps(mm.start(), mm.end()):
                continue
            if mm.group(1):  # image: alt text is not copy
                masked.append(mm.span())
            else:
                masked.append((mm.start(), mm.start(2)))
                masked.append((mm.end(2), mm.end()))
        add(_EMPHASIS, ("*", "_", "~~"))
        add(_ESCAPE, ("\\",))

    line_starts = _line_starts_of(text)
    # The body's lines as (start, end with the line break); the body starts a line.
    first = bisect.bisect_left(line_starts, body_start)
    body_lines = list(zip(line_starts[first:], line_starts[first + 1:] + [len(text)]))
    if body_lines and body_lines[0][0] == len(text):
        body_lines.pop()  # an empty body
    per_line = _reads_per_line(text, body_lines, fmt, in_code)
    blocks, markup = _blocks(text, body_lines, fmt, in_code, per_line)
    masked.extend(markup)
    prose = _blank(text, masked)
    if per_line or fmt == "text":
        from .parts import assign_parts

        blocks = assign_parts(prose, blocks, per_line)

    doc = Document(path=path, text=text, prose=prose, format=fmt, metadata=metadata, front_matter=front,
                   per_line=per_line)
    doc.blocks = blocks
    doc._block_starts = [b.start for b in blocks]
    doc._line_starts = line_starts
    doc.sentences = _sentences(prose, blocks)
    doc._sentence_starts = [s.start for s in doc.sentences]
    doc.quotes = _quotes(prose, blocks)
    doc._quote_starts = [q.start for q in doc.quotes]
    doc.comment_thread = _comment_thread(prose, blocks)
    doc.suppressions = _suppressions(text, doc)
    return doc


def _line_starts_of(text: str) -> list[int]:
    """Where the lines start: at the start of the text and after every line break (CR LF,
    CR or LF), except at the very end."""
    if "\r" in text:
        starts = [0]
        starts += [mm.end() for mm in _BREAK.finditer(text)]
    else:  # the usual case, in C: a line starts after the lengths of the lines before it
        starts = list(map(add, accumulate(map(len, text.split("\n")[:-1]), initial=0), count()))
    if len(starts) > 1 and starts[-1] == len(text):
        starts.pop()
    return starts


class _SpanSet:
    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.spans[i][1] > start

    def contains(self, offset: int) -> bool:
        return self.overlaps(offset, offset + 1)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace the spans with spaces, keeping line breaks so lines stay lines."""
    if not spans:
        return text
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if start >= end:
            continue
        out.append(text[pos:start])
        chunk = text[start:end]
        out.append(re.sub(r"[^\r\n]", " ", chunk))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _code_blocks(text: str, start: int) -> list[tuple[int, int]]:
    spans = []
    pos = start
    while True:
        m = _FENCE.search(text, pos)
        if not m:
            break
        fence = m.group(1)
        closer = re.compile(r"^[ ]{0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$", re.M)
        c = closer.search(text, m.end())
        end = c.end() if c else len(text)
        spans.append((m.start(), end))
        pos = end
    return spans


_SOFT_ENDS = ",-–—(/&"  # the last characters of a line that goes on (lines are stripped)


def _reads_per_line(text: str, lines: list[tuple[int, int]], fmt: str, in_code: _SpanSet) -> bool:
    """Whether each line is a paragraph, as in text pasted from a web page or a CMS.

    Plain text is read one paragraph per line unless it is hard-wrapped. Markdown keeps
    its rule (a paragraph runs to the next blank line) except when the body has no blank
    line between any two lines at all and is not hard-wrapped: such a "Markdown" draft is a
    paste (standard input and the server's paste page read drafts as Markdown).

    A line break is a soft wrap when a line of 40 or more characters is followed by one that
    starts in lower case, or ends with a comma or a hyphen: hard-wrapped text is full of
    them, pasted paragraphs have almost none (a menu's lower-case items are short lines).
    """
    pairs = soft = 0
    blank_between = seen_text = gap = False
    prev: str | None = None
    code = bool(in_code.spans)
    for start, end in lines:
        line = text[start:end].strip()
        if not line or (code and in_code.contains(start)):
            gap = gap or (seen_text and not line)
            prev = None
            continue
        blank_between = blank_between or gap
        seen_text, gap = True, False
        if prev is not None:
            pairs += 1
            if len(prev) >= 40 and (line[0].islower() or prev[-1] in _SOFT_ENDS):
                soft += 1
        prev = line
    if not pairs:
        return False  # every paragraph is already its own block
    if fmt == "markdown" and (blank_between or pairs < 2):
        return False
    return soft <= pairs * 0.2


def _blocks(
    text: str, lines: list[tuple[int, int]], fmt: str, in_code: _SpanSet, per_line: bool = False
) -> tuple[list[Block], list[tuple[int, int]]]:
    """Split the body (its ``lines``, see :func:`parse`) into blocks; return them and the
    markup spans to blank out."""
    blocks: list[Block] = []
    markup: list[tuple[int, int]] = []
    current: list[int] | None = None  # [kind-index, start, end]
    kind_names = ["paragraph", "heading", "blockquote", "list-item"]

    def close() -> None:
        nonlocal current
        if current is not None:
            blocks.append(Block(kind_names[current[0]], current[1], current[2]))
            current = None

    first_text_block = True
    code = bool(in_code.spans)
    for n, (start, end) in enumerate(lines):
        raw = text[start:end]
        line = raw.rstrip("\r\n")
        content_end = start + len(line)
        if (code and in_code.contains(start)) or not line.strip():
            close()
            continue
        if fmt == "markdown":
            if _RULE_LINE.match(line) and current is None:
                markup.append((start, content_end))
                continue
            m = _ATX.match(line)
            if m:
                close()
                markup.append((start, start + m.end()))
                c = _ATX_CLOSE.search(line)
                if c:
                    markup.append((start + c.start(), content_end))
                blocks.append(Block("heading", start, content_end))
                continue
            if current is not None and current[0] == 0 and _SETEXT.match(line):
                markup.append((start, content_end))
                current[0] = 1
                current[2] = content_end
                close()
                continue
            m = _QUOTE_MARK.match(line)
            if m:
                markup.append((start, start + m.end()))
                if current is None or current[0] != 2:
                    close()
                    current = [2, start + m.end(), content_end]
                else:
                    current[2] = content_end
                continue
            m = _LIST_MARK.match(line)
            if m and (current is None or current[0] == 3 or not line.startswith(" ")):
                close()
                markup.append((start + m.start(2), start + m.end()))
                current = [3, start + m.end(), content_end]
                continue
        if per_line and current is not None and current[0] in (0, 3):
            close()
        if current is None:
            kind = 0
            # A title stands alone: in hard-wrapped text a first line without a full stop is
            # only the first line of a paragraph.
            if fmt == "text" and not per_line and first_text_block \
                    and (n + 1 == len(lines) or not text[lines[n + 1][0]:lines[n + 1][1]].strip()) \
                    and _looks_like_title(line):
                blocks.append(Block("heading", start, content_end))
                first_text_block = False
                continue
            current = [kind, start, content_end]
            first_text_block = False
        else:
            current[2] = content_end
    close()
    return blocks, markup


def _looks_like_title(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and len(stripped.split()) <= 20 and stripped[-1] not in ".!?:;,\"”"


def _sentences(prose: str, blocks: list[Block]) -> list[Span]:
    spans: list[Span] = []
    append = spans.append
    new = tuple.__new__  # Span(start, end), without the Python-level constructor
    boundaries = _BOUNDARY.finditer
    for _, start, block_end in blocks:
        # Skip leading blanks (masked markup).
        while start < block_end and prose[start].isspace():
            start += 1
        for m in boundaries(prose, start, block_end):
            dot, end = m.span()
            if prose[dot] == "." and _is_abbreviation(prose, start, dot):
                continue
            if end > start:
                append(new(Span, (start, end)))
            start = end
            while start < block_end and prose[start].isspace():
                start += 1
        if start < block_end:  # (prose[start] is not a space: the rest has text)
            end = block_end
            while end > start and prose[end - 1].isspace():
                end -= 1
            append(new(Span, (start, end)))
    return spans


_ABBREV_LONGEST = max(map(len, _ABBREV))


def _is_abbreviation(prose: str, sentence_start: int, dot: int) -> bool:
    # The word before the dot is read back no further than the longest abbreviation and
    # one more character: a word that long is neither an abbreviation nor an initial.
    stop = max(sentence_start, dot - _ABBREV_LONGEST - 1)
    # Most often the word is all letters after a space (or fills the stretch read back):
    # taken whole, without a step per character.
    tail = prose[stop:dot]
    tail = tail[tail.rfind(" ") + 1:]
    if tail.replace(".", "").isalpha():
        i = dot - len(tail)
    else:
        i = dot
        while i > stop and (prose[i - 1].isalpha() or prose[i - 1] == "."):
            i -= 1
    if dot - i > _ABBREV_LONGEST:
        return False
    word = prose[i:dot].lower()
    if not word:
        return False
    if len(word) == 1 and prose[i].isupper():  # an initial: "John F. Kennedy"
        return True
    return word in _ABBREV


def _quotes(prose: str, blocks: list[Block]) -> list[Span]:
    """Direct quotations: curly and straight double quotes, and single quotes in headlines.

    A quotation still open at the end of a paragraph ends there: in the newspaper
    convention a quote that runs on opens the next paragraph with a fresh mark and
    closes only in its last paragraph, so each paragraph's part is its own span.
    """
    spans: list[Span] = []
    find = prose.find
    for kind, start, end in blocks:
        heading = kind == "heading"
        # (a speech mark is a straight single quote: a paragraph without one has none)
        speech = not heading and find("'", start, end) >= 0 and _SINGLE_SPEECH.search(prose, start, end) is not None
        singles = heading or speech
        # Without an opening curly single quote, a paragraph's single marks are never read
        # (see _quotes_in): the double marks are all it needs to look at.
        marks = _QUOTE_CHARS if singles or find("‘", start, end) >= 0 else _DOUBLE_QUOTE_CHARS
        spans.extend(_quotes_in(prose, start, end, singles=singles, run_on=speech, marks=marks))
    return spans


_QUOTE_CHARS = re.compile("[“”\"‘’']")
_DOUBLE_QUOTE_CHARS = re.compile("[“”\"]")
# British copy quotes speech in straight single quotes: a paragraph that opens with one
# ("'We will win,' she said") or introduces one after a colon or comma ("he said: 'We ...").
_SINGLE_SPEECH = re.compile(r"(?:^\s*|[:,]\s+)'(?=[A-Za-z])", re.M)


def _quotes_in(prose: str, start: int, end: int, singles: bool, run_on: bool = False,
               marks: re.Pattern = _QUOTE_CHARS) -> list[Span]:
    spans = []
    open_at: int | None = None
    open_mark = ""
    for mark in marks.finditer(prose, start, end):  # the marks only, not every character
        i, ch = mark.start(), mark.group()
        if ch in "“”\"" or (ch in "‘’'" and (singles or ch == "‘" or open_mark == "‘")):
            prev = prose[i - 1] if i > start else " "
            nxt = prose[i + 1] if i + 1 < end else " "
            if open_at is None:
                opens = ch in "“‘" or (ch in "\"'" and (prev.isspace() or prev in "([{—–-/:") and not nxt.isspace()
                                        and (ch == "\"" or not run_on or nxt.isalpha()))
                if ch == "\"" and opens is False and not prev.isalnum() and not nxt.isspace():
                    opens = True
                if opens:
                    open_at, open_mark = i, ch
            else:
                closes = False
                if open_mark in "“\"" and ch in "”\"":
                    closes = True
                elif open_mark in "‘'" and ch in "’'" and not (prev.isalpha() and nxt.isalpha()) \
                        and not (run_on and prev.isspace()):  # "'cause", "'em": an elision, not a close
                    closes = True
                if closes:
                    spans.append(Span(open_at, i + 1))
                    open_at, open_mark = None, ""
    if open_at is not None and (open_mark in "“\"" or (run_on and open_mark == "'")):
        spans.append(Span(open_at, end))
    return spans


_THREAD_START = re.compile(
    r"^\s*(?:\d[\d,]*\s+comments?|comments?\s*\(\d+\)|(?:show|view|load|read)\s+(?:all\s+)?\d*\s*comments?"
    r"|join the (?:conversation|discussion)|reader comments|comments|leave a (?:comment|reply)"
    r"|add (?:a|your) comment)\s*[:.]?\s*$",
    re.I,
)


def _comment_thread(prose: str, blocks: list[Block]) -> Span | None:
    """Reader comments pasted after the article: from a comments header to the end."""
    for block in blocks:
        if _THREAD_START.match(prose[block.start : block.end]):
            return Span(block.start, len(prose))
    return None


def _suppressions(text: str, doc: Document) -> list[Suppression]:
    result: list[Suppression] = []
    open_: list[tuple[tuple[str, ...], int, int, int]] = []
    for m in _DIRECTIVE.finditer(text):
        directive = m.group(1)
        rules = tuple(r for r in re.split(r"[\s,]+", m.group(2).strip()) if r)
        if directive == "disable":
            open_.append((rules, m.end(), m.start(), m.end()))
        elif directive == "enable":
            keep = []
            for item in open_:
                if not rules or set(item[0]) & set(rules) or (not item[0]):
                    result.append(Suppression(item[0], item[1], m.start(), item[2], item[3], "disable"))
                else:
                    keep.append(item)
            open_ = keep
        else:
            line, _ = doc.line_col(m.start())
            target = line + 1 if directive == "disable-next-line" else line
            if target > doc.line_count:
                span = Span(len(text), len(text))
            else:
                span = doc.line_span(target)
            result.append(Suppression(rules, span.start, span.end, m.start(), m.end(), directive))
    for rules, start, cstart, cend in open_:
        result.append(Suppression(rules, start, len(text), cstart, cend, "disable"))
    return result
