"""``loaded-term``: a word that takes sides, flagged only in the writer's own voice.

Like ``substitution``, but aware of context:

- ``terms`` are words or phrases mapped to neutral alternatives (or regular expressions
  with ``regex: true``); ``patterns`` add regular expressions whose alternatives come from
  ``suggest``; a term matches only where a word starts ("leftist" not in "nonleftist");
- a sentence that reports someone's words or views ("critics called him a dictator",
  "..., the senator said") is left alone (``skip-attributed``); with ``attribution: label``
  only a label that is itself what is reported is left alone ("called him a dictator",
  "described as a tyrant", "critics say he is a strongman"), while a label the writer uses
  to refer to someone stays the writer's even in reported speech ("The strongman signed
  the decree, his office said", "officials said Venezuelan strongman X had left");
- a capitalized term inside a name or title ("Regime Change Act") is left alone
  (``skip-names``);
- ``before`` / ``after``: when given, the words just before (or after) the term must match
  one of these patterns ("regime" only after "the" or a name, not after "tax");
- ``exceptions``: idioms and other senses, as in the other pattern kinds;
- ``escalate``: patterns that make a hit a clear judgement; such hits get
  ``escalate-severity`` instead of the rule's severity.

Literal terms are looked up word by word in a dictionary, so a pack of a hundred words
costs nothing to load; the context patterns are validated when the pack loads and
compiled the first time a term is found (see :mod:`lint.text.lazyre`).
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..document import Document
from ..findings import Finding, Severity
from ..rule import BOOLEAN, MAPPING, STRING, STRINGS, Param, ParamError, Rule
from .. import wordstarts
from ..text import matching, voice
from ..text import tokens as text_tokens
from ..rule import LAZY_REGEXES, checked, rule_alternation
from ..text.lazyre import LazyAlternation, lazy

_POSSESSIVE = lazy(r"['’]s?$")
# The opening of a sentence: an opening quote or bracket and a conjunction may come first.
_OPENS = lazy(r"\s*[\"“‘'(\[]?\s*(?:(and|but|yet|so|still|or|then|and\s+yet|but\s+then)\s+)?", re.I)
_SET_OFF_AFTER = lazy(r"\s*(?:[,;:)]|\s[—–]|[—–]|--|[.!?][\"”’')]*\s*$)")
_SET_OFF_BEFORE = lazy(r"(?:[,;:(]|[—–]|--)\s*(?:(?:and|but|yet|or)\s+)?$", re.I)


# One character class first: re skips ahead to it fast, where an alternation is tried at
# every character. A hyphen is a break only as the second of "--" (a dash): the look-backs
# refuse one after anything else or at the start. The conjunction that may follow a break
# is read in the same match (group 1).
_BREAK = lazy(r"[,;:(—–-](?<![^-]-)(?<!^-)\s*((?i:and|but|yet|or)\s+)?")


_WORD = re.compile(r"\w+")
# A part that opens with "(?=[a-z]{N,}ly\b)" (the "-ingly", "-ably" adverbs) can only match
# a word of N+2 letters or more that ends in "ly".
_LY_HEAD = re.compile(r"\(\?<!\\w\)\(\?P<t\d+>\(\?=\[a-z\]\{(\d+),\}ly\\b\)")


def _match_parts(prose: str, rx: LazyAlternation, starts: list[int]) -> Iterator[re.Match]:
    """``rx.match(prose, pos)`` at each start, trying only the parts of the alternation that
    can open with the word there (see :class:`lint.text.lazyre.LazyAlternation`: the whole
    pattern matches what its first matching part matches, group names included), so a
    draft compiles only the parts its sentence openers need."""
    openers = wordstarts.part_openers(rx)
    ly = [int(h.group(1)) + 2 if (h := _LY_HEAD.match(p)) else None for p in rx.parts]
    for pos in starts:
        w = _WORD.match(prose, pos)
        word = w.group() if w else ""
        # Non-ASCII words may match anything: re.IGNORECASE equates "ſ" with "s".
        head = word.lower() if word.isascii() else None
        for i, pre in enumerate(openers):
            if head is not None:
                if pre is not None and not head.startswith(pre):
                    continue
                if ly[i] is not None and not (len(word) >= ly[i] and word.isalpha() and head.endswith("ly")):
                    continue
            m = rx.part(i).match(prose, pos)
            if m is not None:
                yield m
                break


def _openings(doc: Document) -> list[int]:
    """Where each sentence's first word is, after an opening quote mark or conjunction (and
    where that conjunction is): read once for the placed rules of both kinds."""
    def compute() -> list[int]:
        prose = doc.prose
        out = []
        for s in doc.sentences:
            m = _OPENS.match(prose, s.start, s.end)
            out.append(m.end())
            if m.group(1):  # "So much for ...": the conjunction may be the term's first word
                out.append(m.start(1))
        return out
    return doc.derived("loaded-openings", compute)


def _starts(doc: Document, set_off: bool) -> list[int]:
    """Where a sentence's first word is (after an opening quote mark or conjunction) and,
    with ``set_off``, where a word follows a comma, colon, bracket or dash."""
    key = ("loaded-starts", set_off)

    def compute() -> list[int]:
        prose = doc.prose
        out = list(_openings(doc))
        if set_off:
            for m in _BREAK.finditer(prose):
                conj = m.end(1)
                if conj < 0:
                    out.append(m.end())
                else:
                    out += (m.start(1), conj)
        return sorted(set(out))
    return doc.derived(key, compute)


class LoadedTerm(Rule):
    """A word that takes sides, flagged only in the writer's own voice: terms in quotes,
    in attributed sentences, in names and titles are left alone, and context patterns
    narrow where a term counts. The message may use ``{match}`` and ``{suggestion}``."""

    kind = "loaded-term"
    params = {
        "terms": Param(MAPPING, "mapping of term (word, phrase, or regex with 'regex: true') to neutral alternative(s)", default={}),
        "regex": Param(BOOLEAN, "treat the keys of 'terms' as regular expressions", default=False),
        "patterns": Param(STRINGS, "more terms as regular expressions (their alternatives come from 'suggest')", default=()),
        "ignorecase": Param(BOOLEAN, "match regardless of case", default=True),
        "exceptions": Param(LAZY_REGEXES, "regexes; a hit overlapping one of their matches (in its sentence) is left alone", default=(), type="regex or list of regexes"),
        "before": Param(LAZY_REGEXES, "when given, the text just before the term must end with a match of one of these", default=(), type="regex or list of regexes"),
        "after": Param(LAZY_REGEXES, "when given, the text just after the term must start with a match of one of these", default=(), type="regex or list of regexes"),
        "position": Param(STRING, "where the term must stand: 'any', 'opens-sentence' (first words of the sentence, after an opening quote mark or conjunction) or 'set-off' (a sentence adverb: opening the sentence before a comma, or between commas or dashes)", default="any",
                          choices=("any", "opens-sentence", "set-off")),
        "skip-attributed": Param(BOOLEAN, "leave the term alone in a sentence that reports someone's words or views", default=True),
        "attribution": Param(STRING, "what makes a term someone else's: 'sentence' (any report of speech or views in it) or 'label' (only the label itself reported: 'called him a dictator')", default="sentence",
                             choices=("sentence", "label")),
        "skip-personal-voice": Param(BOOLEAN, "leave the term alone where the writer speaks in their own person: a paragraph with 'I' or 'we' outside quotes, or a draft where a third of the paragraphs say 'I', 'we' or 'you' (a column, review, blog or how-to)", default=False),
        "skip-names": Param(BOOLEAN, "leave a capitalized term inside a proper name or title alone", default=True),
        "escalate": Param(LAZY_REGEXES, "regexes; a hit overlapping one of their matches gets 'escalate-severity'", default=(), type="regex or list of regexes"),
        "escalate-severity": Param(STRING, "severity of escalated hits", default="warning",
                                   choices=("error", "warning", "suggestion", "info")),
        "suggest": Param(STRINGS, "alternatives shown when a term maps to none", default=()),
    }

    def setup(self) -> None:
        o = self.options
        self._fold = o["ignorecase"]
        self._position = o["position"]
        self._attributed = voice.label_reported if o["attribution"] == "label" else voice.attributed
        flags = re.IGNORECASE if self._fold else 0
        # Literal phrases, indexed by their first word.
        self._phrases: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        regex_parts: list[str] = []
        self._regex_repls: list[tuple[str, ...]] = []
        for term, repl in o["terms"].items():
            repls = (repl,) if isinstance(repl, str) else tuple(str(r) for r in repl)
            repls = tuple(r for r in repls if r)
            if o["regex"]:
                checked(term, flags)  # validate now
                regex_parts.append(term)
                self._regex_repls.append(repls)
                continue
            words = tuple(self._norm(w) for w in term.split())
            if not words:
                raise ParamError("an empty term in 'terms'")
            self._phrases.setdefault(words[0], []).append((words, repls))
        for pattern in o["patterns"]:
            checked(pattern, flags)
            regex_parts.append(pattern)
            self._regex_repls.append(())
        for entries in self._phrases.values():
            entries.sort(key=lambda e: len(e[0]), reverse=True)  # longest phrase first
        # Each first word's phrases of two words or more, by their second word: a token is
        # tried only against the phrases its next word can continue (the second word itself,
        # or, ending a two-word phrase, the same with a possessive: "dictator's"), in their
        # order (longest first); then the first one-word term, which always matches.
        self._by_second: dict[str, tuple[dict[str, list], tuple | None]] = {}
        for first, entries in self._phrases.items():
            by_second: dict[str, list] = {}
            for n, (words, repls) in enumerate(entries):
                if len(words) > 1:
                    by_second.setdefault(words[1], []).append((n, words, repls))
            single = next(((words, repls) for words, repls in entries if len(words) == 1), None)
            self._by_second[first] = (by_second, single)
        # The first words whose terms all go on to a second word, with those words: a
        # token of one is a candidate only before one of them (see WordIndex.candidates).
        self._followers = {first: frozenset(by_second) for first, (by_second, single) in self._by_second.items()
                           if single is None}
        if not self._phrases and not regex_parts:
            raise ParamError("needs 'terms' or 'patterns'")
        # Terms start at a word start; saying so up front lets the regex engine reject
        # most positions at once instead of trying every alternative at every character.
        self._regex = (
            rule_alternation("(?<!\\w)(?:" + "|".join(f"(?P<t{i}>{p})" for i, p in enumerate(regex_parts)) + ")",
                             [f"(?<!\\w)(?P<t{i}>{p})" for i, p in enumerate(regex_parts)], flags)
            if regex_parts else None
        )
        self._before = [lazy(f"(?:{p.pattern})\\s*$", p.flags | flags) for p in o["before"]]
        self._after = [lazy(f"\\s*(?:{p.pattern})", p.flags | flags) for p in o["after"]]
        self._exceptions = tuple(lazy(p.pattern, p.flags) for p in o["exceptions"])
        self._escalate = tuple(lazy(p.pattern, p.flags) for p in o["escalate"])
        try:
            self._escalated = Severity.parse(o["escalate-severity"])
        except ValueError as exc:
            raise ParamError(str(exc)) from None

    def _norm(self, word: str) -> str:
        word = word.replace("’", "'")
        return word.lower() if self._fold else word

    # ------------------------------------------------------------------ matching
    def _hits(self, doc: Document) -> Iterator[tuple[int, int, tuple[str, ...]]]:
        if self._phrases:
            starts, ends, _texts = text_tokens.word_columns(doc)
            index = voice.word_index(doc, self._fold)
            n = len(starts)
            found = index.candidates(self._phrases, self._followers) if isinstance(index, voice.WordIndex) \
                else index.candidates(self._phrases)
            keys = index.keys if found else []  # (a case-kept index reads its keys only when asked)
            for i in found:
                start = starts[i]
                key = keys[i]
                entries = self._phrases.get(key)
                cut = None
                if entries is None:
                    base = index.base(i)
                    entries = self._phrases.get(base) if base != key else None
                    head = index.head(i)
                    if entries is None and head:
                        entries = self._phrases.get(head)
                        if entries is not None:
                            cut = start + len(head)  # "Democrat-run": the term is the first part
                if entries is None:
                    continue
                by_second, single = self._by_second[entries[0][0][0]]
                if cut is not None:
                    if single is not None:
                        yield start, cut, single[1]
                    continue
                hit = None
                if by_second and i + 1 < n:
                    nxt = keys[i + 1]
                    tried = by_second.get(nxt, ())
                    bare = _POSSESSIVE.sub("", nxt) if "'" in nxt else nxt
                    if bare != nxt and bare in by_second:
                        # Only a two-word phrase may end in the possessive; merged back
                        # into the phrases' order.
                        tried = sorted([*tried, *(e for e in by_second[bare] if len(e[1]) == 2)])
                    for _n, words, repls in tried:
                        last = i + len(words) - 1
                        if last < n and self._rest_matches(doc.prose, starts, ends, keys, i, words):
                            hit = words, repls
                            break
                if hit is None:
                    if single is not None:
                        yield start, ends[i] if keys[i] == single[0][0] else self._end(doc, starts, ends, keys, i, single[0]), single[1]
                    continue
                words, repls = hit
                yield start, self._end(doc, starts, ends, keys, i + len(words) - 1, words), repls
        if self._regex is not None:
            if self._position == "any":
                found = wordstarts.finditer(doc, self._regex)
            else:
                # A placed term can only start where a sentence or a set-off phrase does:
                # matching there alone spares a scan of every word for patterns that have
                # no literal first word ("-ingly" adverbs).
                rx, prose = self._regex, doc.prose
                starts = _starts(doc, self._position == "set-off")
                by_parts = isinstance(rx, LazyAlternation) and not rx.is_compiled
                if by_parts:
                    rx.scans += 1  # a long run compiles the whole pattern once instead
                if by_parts and rx.scans <= wordstarts.MOST_PART_SCANS:
                    found = _match_parts(prose, rx, starts)
                else:
                    match = rx.match
                    found = (m for pos in starts if (m := match(prose, pos)) is not None)
            for m in found:
                if m.end() > m.start():
                    index = int(m.lastgroup[1:]) if m.lastgroup else 0
                    yield m.start(), m.end(), self._regex_repls[index]

    @staticmethod
    def _end(doc: Document, starts: list[int], ends: list[int], keys: list[str], last: int, words: tuple[str, ...]) -> int:
        """Where a phrase that ends at word ``last`` ends: before a possessive ending the
        phrase does not have ("the dictator's": flag "dictator")."""
        end_at = ends[last]
        m = _POSSESSIVE.search(doc.text, starts[last], end_at)
        if m and keys[last] != words[-1]:
            end_at = m.start()
        return end_at

    @staticmethod
    def _rest_matches(prose: str, starts: list[int], ends: list[int], keys: list[str], i: int, words: tuple[str, ...]) -> bool:
        for k in range(1, len(words)):
            if prose[ends[i + k - 1]:starts[i + k]].strip():
                return False  # punctuation between the words
            w = keys[i + k]
            if w != words[k] and not (k == len(words) - 1 and _POSSESSIVE.sub("", w) == words[k]):
                return False
        return True

    def _placed(self, doc: Document, lo: int, start: int, end: int, hi: int) -> bool:
        opens = _OPENS.fullmatch(doc.prose, lo, start) is not None
        if self._position == "opens-sentence":
            return opens
        # A sentence adverb is set off by punctuation: "Tellingly, ...", "..., predictably, ...",
        # "The vote failed, predictably." Without it the word is usually a manner adverb or
        # modifies the next word ("surprisingly large", "spoke tellingly of").
        if not _SET_OFF_AFTER.match(doc.prose, end, hi) and end < hi:
            return False
        return opens or _SET_OFF_BEFORE.search(doc.prose, lo, start) is not None

    def check(self, doc: Document) -> Iterable[Finding]:
        o = self.options
        last_end = -1
        for start, end, repls in sorted(self._hits(doc), key=lambda h: (h[0], -h[1])):
            if start < last_end:
                continue  # inside a longer phrase already found ("it goes without saying")
            last_end = end
            if matching.excepted(doc, start, end, self._exceptions):
                continue
            if start >= 2 and doc.prose[start - 1] == "-" and doc.prose[start - 2].isalpha():
                continue  # the tail of a compound: "anti-racist", "non-extremist"
            lo, hi = voice.sentence_bounds(doc, start, end)
            if self._position != "any" and not self._placed(doc, lo, start, end, hi):
                continue
            if self._before and not any(rx.search(doc.prose, max(lo, start - 120), start) for rx in self._before):
                continue
            if self._after and not any(rx.match(doc.prose, end, hi) for rx in self._after):
                continue
            if o["skip-names"] and voice.in_name(doc, start, end):
                continue
            if o["skip-personal-voice"] and voice.personal_voice(doc, start):
                continue
            if o["skip-attributed"] and self._attributed(doc, start, end):
                continue
            text = doc.text[start:end]
            suggestions = tuple(matching.match_case(r, text) for r in repls) or o["suggest"]
            severity = self._escalated if matching.excepted(doc, start, end, self._escalate) else None
            yield self.finding(doc, start, end, suggestions=suggestions, severity=severity)
