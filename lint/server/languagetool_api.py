"""LanguageTool's HTTP API (``/v2/check``, ``/v2/languages``) on top of newslint's findings.

Everything here is pure: parsing the request's parameters, turning annotated text into the
text that is linted (and back), counting positions in UTF-16 code units as LanguageTool's
Java server does, and shaping each finding as a LanguageTool match.
"""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from ..findings import CATEGORIES, Finding, Severity

#: newslint category -> (LanguageTool category id, category name, ITS issue type, short message).
#: The ids are LanguageTool's own, so that a client's "turn off this category" means what it
#: says there; the names are newslint's, which is what an editor sees in the client.
CATEGORY_MAP: dict[str, tuple[str, str, str, str]] = {
    "spelling": ("TYPOS", "Spelling", "misspelling", "Spelling mistake"),
    "name": ("TYPOS", "Names", "misspelling", "Misspelt name"),
    "grammar": ("GRAMMAR", "Grammar", "grammar", "Grammar"),
    "fact": ("SEMANTICS", "Facts", "inconsistency", "Out-of-date fact"),
    "date": ("SEMANTICS", "Dates", "inconsistency", "Date problem"),
    "bias": ("STYLE", "Bias", "style", "Loaded wording"),
    "style": ("STYLE", "House style", "style", "House style"),
    "clutter": ("MISC", "Clutter", "addition", "Web page residue"),
    "readability": ("PLAIN_ENGLISH", "Readability", "style", "Hard to read"),
    "consistency": ("MISC", "Consistency", "inconsistency", "Inconsistent"),
}
assert set(CATEGORY_MAP) == CATEGORIES

#: LanguageTool category id -> the newslint categories it stands for.
LT_CATEGORIES: dict[str, frozenset[str]] = {}
for _cat, (_lt, *_rest) in CATEGORY_MAP.items():
    LT_CATEGORIES[_lt] = LT_CATEGORIES.get(_lt, frozenset()) | {_cat}

SOFTWARE = {"name": "newslint", "version": "", "buildDate": None, "apiVersion": 1, "premium": False,
            "premiumHint": "", "status": ""}

#: newslint checks English; these are the variants a client may ask for by name.
LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "English (Australian)", "code": "en", "longCode": "en-AU"},
    {"name": "English (Canadian)", "code": "en", "longCode": "en-CA"},
    {"name": "English (New Zealand)", "code": "en", "longCode": "en-NZ"},
    {"name": "English (South African)", "code": "en", "longCode": "en-ZA"},
]
_NAMES = {lang["longCode"].lower(): lang["name"] for lang in LANGUAGES}

CONTEXT_CHARS = 40


class BadRequest(ValueError):
    """A parameter a client sent cannot be used; answered with 400 and this message."""


# ------------------------------------------------------------------ positions
class Utf16:
    """Code-point offsets of one string -> UTF-16 code-unit offsets (characters past U+FFFF
    take two units, as in Java and JavaScript strings)."""

    def __init__(self, text: str) -> None:
        self._wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def __call__(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._wide, offset)


def utf16_len(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


@dataclass
class Source:
    """What the client sent (``original``, markup included) and what newslint lints (``plain``).

    ``spans`` are ``(plain_start, plain_end, original_start, original_end, is_text)`` in
    order; a markup part that is "interpreted as" some text adds that text to ``plain``.
    """

    original: str
    plain: str
    spans: list[tuple[int, int, int, int, bool]] = field(default_factory=list)

    @classmethod
    def from_text(cls, text: str) -> "Source":
        return cls(text, text, [(0, len(text), 0, len(text), True)])

    @classmethod
    def from_annotation(cls, data: str) -> "Source":
        try:
            parsed = json.loads(data)
        except (ValueError, RecursionError) as exc:
            raise BadRequest(f"'data' is not valid JSON: {exc}") from None
        parts = parsed.get("annotation") if isinstance(parsed, dict) else None
        if not isinstance(parts, list):
            raise BadRequest("'data' must be a JSON object with an 'annotation' list, as in LanguageTool's API")
        original: list[str] = []
        plain: list[str] = []
        spans = []
        o = p = 0
        for i, part in enumerate(parts):
            if not isinstance(part, dict) or not (("text" in part) ^ ("markup" in part)):
                raise BadRequest(f"'data' annotation part {i} must have either 'text' or 'markup'")
            if "text" in part:
                text = part["text"]
                if not isinstance(text, str):
                    raise BadRequest(f"'data' annotation part {i}: 'text' must be a string")
                spans.append((p, p + len(text), o, o + len(text), True))
                original.append(text)
                plain.append(text)
                o += len(text)
                p += len(text)
            else:
                markup, as_text = part["markup"], part.get("interpretAs", "")
                if not isinstance(markup, str) or not isinstance(as_text, str):
                    raise BadRequest(f"'data' annotation part {i}: 'markup' and 'interpretAs' must be strings")
                spans.append((p, p + len(as_text), o, o + len(markup), False))
                original.append(markup)
                plain.append(as_text)
                o += len(markup)
                p += len(as_text)
        return cls("".join(original), "".join(plain), spans)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """A span of ``plain`` as a span of ``original`` (code points)."""
        if not hasattr(self, "_index"):
            self._build_index()
        o_start = self._map(start, False)
        return o_start, max(self._map(end, True), o_start)

    def _build_index(self) -> None:
        # Text parts first, then interpreted markup; each list sorted and non-overlapping
        # in plain-text positions, so a position is found by bisection.
        self._index = []
        for want_text in (True, False):
            spans = [sp for sp in self.spans if sp[4] is want_text and sp[1] > sp[0]]
            self._index.append(([sp[0] for sp in spans], [sp[1] for sp in spans], spans))

    def _map(self, pos: int, is_end: bool) -> int:
        for want_text, (starts, ends, spans) in zip((True, False), self._index):
            if is_end:
                i = bisect.bisect_left(ends, pos)
                hit = i < len(spans) and starts[i] < pos
            else:
                i = bisect.bisect_right(starts, pos) - 1
                hit = i >= 0 and pos < ends[i]
            if hit:
                ps, _pe, os_, oe, _ = spans[i]
                if want_text:
                    return os_ + (pos - ps)
                return oe if is_end else os_  # inside interpreted markup: the whole markup part
        if not self.spans:
            return 0
        return len(self.original) if pos >= len(self.plain) else 0


# ------------------------------------------------------------------ parameters
def split_ids(value: str | None) -> tuple[str, ...]:
    return tuple(t.strip() for t in (value or "").split(",") if t.strip())


def language_for(code: str | None) -> tuple[dict, dict]:
    """The ``language`` object of a response (asked-for, detected)."""
    code = (code or "").strip()
    if not code:
        raise BadRequest("missing 'language' (e.g. en-US, en-GB or auto)")
    key = code.lower()
    if key == "auto" or key.startswith("auto"):
        detected = {"name": "English (US)", "code": "en-US", "confidence": 1.0, "source": "newslint checks English"}
        return {"name": "English (US)", "code": "en-US"}, detected
    if key != "en" and not key.startswith("en-"):
        raise BadRequest(f"language '{code}' is not supported: newslint checks English (en, en-US, en-GB, ..., auto)")
    name = _NAMES.get(key, "English")
    lang = {"name": name, "code": code}
    return lang, {"name": name, "code": code, "confidence": 1.0}


def lt_rule_filter(params: Mapping[str, str], known_ids: Iterable[str]) -> "RuleFilter":
    """The rule choice of a ``/v2/check`` request.

    Unknown newslint-shaped ids (with a dot) are refused. LanguageTool's own ids (``WHITESPACE_RULE``,
    which LibreOffice always disables) are ignored in ``disabledRules``: newslint has no
    such rule, so there is nothing to turn off; asking to *enable* one is refused.
    """
    known = frozenset(known_ids)

    def categories(name: str) -> frozenset[str]:
        out: set[str] = set()
        for token in split_ids(params.get(name)):
            if token in CATEGORIES:
                out.add(token)
            elif token.upper() in LT_CATEGORIES:
                out |= LT_CATEGORIES[token.upper()]
            else:
                ids = ", ".join(sorted(LT_CATEGORIES))
                raise BadRequest(f"'{name}': unknown category '{token}' (LanguageTool ids: {ids}; "
                                 f"or newslint's: {', '.join(sorted(CATEGORIES))})")
        return frozenset(out)

    def rules(name: str, lenient: bool) -> tuple[str, ...]:
        out = []
        for token in split_ids(params.get(name)):
            if _known(token, known):
                out.append(token)
            elif not (lenient and "." not in token):
                raise BadRequest(f"'{name}': unknown rule id '{token}' (GET /api/rules lists them)")
        return tuple(out)

    enabled_only = str(params.get("enabledOnly", "false")).lower() == "true"
    f = RuleFilter(rules("enabledRules", False), rules("disabledRules", True), categories("enabledCategories"),
                   categories("disabledCategories"), enabled_only)
    if enabled_only and not (f.enabled_rules or f.enabled_categories):
        raise BadRequest("'enabledOnly=true' needs 'enabledRules' or 'enabledCategories'")
    return f


def _known(token: str, known: frozenset[str]) -> bool:
    return token in known or any(rid.startswith(token.rstrip(".") + ".") for rid in known)


def _names(token: str, rule_id: str) -> bool:
    return token == rule_id or rule_id.startswith(token.rstrip(".") + ".")


@dataclass(frozen=True)
class RuleFilter:
    enabled_rules: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    enabled_categories: frozenset[str] = frozenset()
    disabled_categories: frozenset[str] = frozenset()
    enabled_only: bool = False

    def keeps(self, f: Finding) -> bool:
        if any(_names(t, f.rule) for t in self.disabled_rules):
            return False
        if any(_names(t, f.rule) for t in self.enabled_rules):
            return True
        if f.category in self.disabled_categories:
            return False
        if self.enabled_only:
            return f.category in self.enabled_categories
        return True


# ------------------------------------------------------------------ matches
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+|\n\s*\n")


class Sentences:
    """The sentences of a text (a simple cut at . ! ? and blank lines), found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        cuts = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(text)]
        self._cut_starts = [a for a, _ in cuts]
        self._cut_ends = [b for _, b in cuts]

    def at(self, start: int, end: int) -> str:
        """The sentence that holds ``start`` (running on to the first cut after ``end``)."""
        i = bisect.bisect_right(self._cut_ends, start) - 1  # the last cut that ends by ``start``
        begin = self._cut_ends[i] if i >= 0 else 0
        j = bisect.bisect_left(self._cut_starts, end)  # the first cut that starts at or after ``end``
        stop = self._cut_starts[j] if j < len(self._cut_starts) else len(self.text)
        return self.text[begin:stop].strip()


def sentence_at(text: str, start: int, end: int) -> str:
    return Sentences(text).at(start, end)


def context_for(plain: str, start: int, end: int) -> dict:
    left = max(0, start - CONTEXT_CHARS)
    right = min(len(plain), end + CONTEXT_CHARS)
    prefix = "..." if left > 0 else ""
    suffix = "..." if right < len(plain) else ""
    before = plain[left:start].replace("\n", " ")
    middle = plain[start:end].replace("\n", " ")
    after = plain[end:right].replace("\n", " ")
    return {"text": prefix + before + middle + after + suffix,
            "offset": utf16_len(prefix + before), "length": utf16_len(middle)}


def match_for(f: Finding, source: Source, units: Utf16, descriptions: Mapping[str, str],
              sentences: Sentences | None = None) -> dict[str, Any]:
    lt_id, cat_name, issue_type, short = CATEGORY_MAP[f.category]
    o_start, o_end = source.to_original(f.start, f.end)
    start16, end16 = units(o_start), units(o_end)
    hint = f.severity <= Severity.SUGGESTION
    return {
        "message": f.message,
        "shortMessage": short,
        "replacements": [{"value": s} for s in f.suggestions],
        "offset": start16,
        "length": end16 - start16,
        "context": context_for(source.plain, f.start, f.end),
        "sentence": (sentences or Sentences(source.plain)).at(f.start, f.end),
        "type": {"typeName": "UnknownWord" if f.category == "spelling" else ("Hint" if hint else "Other")},
        "rule": {
            "id": f.rule,
            "description": descriptions.get(f.rule) or f.message,
            "issueType": issue_type,
            "category": {"id": lt_id, "name": cat_name},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def response(findings: Iterable[Finding], source: Source, language: tuple[dict, dict],
             descriptions: Mapping[str, str], version: str) -> dict[str, Any]:
    units = Utf16(source.original)
    sentences = Sentences(source.plain)
    lang, detected = language
    return {
        "software": {**SOFTWARE, "version": version},
        "warnings": {"incompleteResults": False},
        "language": {**lang, "detectedLanguage": detected},
        "matches": [match_for(f, source, units, descriptions, sentences) for f in findings],
    }
