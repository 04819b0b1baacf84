"""Whose voice is a word in? Cheap sentence-structure checks shared by the bias kinds.

Not a rule kind: helpers for :mod:`lint.kinds.loaded`, :mod:`lint.kinds.speech_verb` and
:mod:`lint.kinds.scare_quote`. Everything works on ``doc.prose`` with regular expressions
compiled on first use; there is no parser and no model. The checks are deliberately
conservative: when a sentence *might* be reporting someone else's words, the bias rules
stay quiet, because a false alarm costs more trust than a missed word.

- :func:`attributed`: the sentence reports speech or a view ("X said ...", "..., X said.",
  "according to", "what critics call ...", "branded him a ...").
- :func:`speaker_before`: the words before a verb end in a plausible speaker: a pronoun, a
  capitalized name or title, a party tag like "(D-Ohio)", or a noun for people or
  organisations ("the senator", "critics", "the ministry"), allowing adverbs, time phrases
  and one appositive between subject and verb.
- :func:`in_name`: a capitalized term inside a proper name or a title ("Regime Change Act").
"""
from __future__ import annotations

import re
from itertools import compress

from ..document import Document
from . import tokens as text_tokens
from .lazyre import lazy

# ---------------------------------------------------------------------------
# Speakers

SPEAKER_NOUNS = r"""
president|vice[ -]president|senator|sen|congress(?:wo)?man|congressmember|representative|rep|lawmaker|legislator
|politician|official|minister|secretary|governor|mayor|leader|chief|chair(?:man|woman|person)?|speaker|premier
|spokes(?:man|woman|person|people|men|women)|aide|advis[eo]r|staffer|strategist|lawyer|attorney|prosecutor|judge
|candidate|nominee|rival|opponent|critic|supporter|ally|allies|activist|advocate|campaigner|protester|protestor
|organi[sz]er|founder|executive|ceo|boss|manager|coach|player|star|actor|actress|singer|rapper|comedian|host|anchor
|commentator|pundit|columnist|blogger|analyst|economist|expert|scientist|researcher|professor|scholar|doctor
|author|writer|journalist|reporter|editor|historian|diplomat|ambassador|envoy|commander|member|voter|resident
|administration|government|ministry|department|agency|campaign|committee|party|group|organi[sz]ation|company
|firm|union|network|outlet|newspaper|magazine|website|broadcaster|channel|board|council|caucus|movement
|democrat|republican|liberal|conservative|progressive|libertarian|socialist|populist|nationalist|leftist
|people|woman|women|man|men|billionaire|mogul|tycoon|celebrity|influencer|incumbent|challenger|owner|priest|pope
|bishop|cleric|rabbi|imam|pastor|preacher|evangelical|officer|general|sheriff|police|authorities|regime|junta
|kremlin|pentagon|family|widow|father|mother|son|daughter|wife|husband|friend|colleague|partner|director
|media|left|right|everyone|everybody|someone|nobody|others
""".replace("\n", "")

PRONOUN = r"(?:he|she|they|we|(?-i:I)|you|who)"

# Adverbs, auxiliaries and time phrases that may stand between a subject and its verb.
_BETWEEN = r"""
(?:also|then|later|once|previously|publicly|privately|quickly|immediately|angrily|furiously|repeatedly|long|since
|even|falsely|recently|again|already|just|initially|first|still|further|separately|reportedly|allegedly|openly
|has|have|had|did|does|do|would|will|could|might|may|had\s+earlier|earlier|subsequently|eventually|finally
|famously|memorably|notably|effectively|essentially|now|never|ever|not|n['’]t|all|both|themselves|himself|herself
|[a-z]+ly
|(?:on|last|this|earlier|late|in)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend
|month|year|night|morning|afternoon|evening|[A-Z][a-z]+)(?:\s+(?:night|morning|afternoon|evening))?)
""".replace("\n", "")

# The pronoun and capitalized branches must not be case-folded: compile a strict one too.
_CAP_END = lazy(
    r"(?:(?<![\w'’-])[A-Z][\w'’.-]*(?<!['’]s)(?<!['’])|\([A-Z]{1,2}[-–][A-Z][\w.]*\))"
    rf"(?:\s+(?i:{_BETWEEN}))*\s*$",
    re.X,
)
_NOUN_END = lazy(
    rf"\b(?:{PRONOUN}|(?:{SPEAKER_NOUNS})(?:e?s)?)(?:\s+{_BETWEEN})*\s*$",
    re.IGNORECASE | re.X,
)
# Sentence-initial words that are capitalized only because they start the sentence.
_FUNCTION_WORDS = frozenset(
    """the a an and but or so yet for nor if when while as after before because although though since
    on in at by with from to of it this that these those there here then now also however meanwhile
    still instead indeed moreover thus hence today yesterday tomorrow some many most all both each every
    no not never one two three his her their its our my your what which whose how why where
    hurricane storm typhoon cyclone tornado fire wildfire flood flooding winds wind rain snow
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december""".split()
)


# Capitalized sentence openers that are not subjects.
_OPENERS = frozenset(
    """yes no well indeed still yet however meanwhile instead besides nevertheless nonetheless furthermore
    moreover also even only just perhaps maybe surely clearly obviously apparently reportedly ultimately
    finally first second third last next later earlier recently currently today tonight yesterday tomorrow
    now then once again here there thus hence so unfortunately fortunately sadly""".split()
)


# A speaker noun with an of-phrase: "critics of the bill", "the leader of the opposition".
_NOUN_OF_END = lazy(
    rf"\b(?:{SPEAKER_NOUNS})(?:e?s)?\s+of\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?(?:[\w'’.-]+\s+){{0,3}}?"
    rf"[\w'’.-]+(?:\s+{_BETWEEN})*\s*$",
    re.IGNORECASE | re.X,
)


def _capitalized_subject(tail: str) -> bool:
    m = _CAP_END.search(tail)
    if not m:
        return False
    word = m.group(0).split()[0].strip("().,").lower()
    return word not in _FUNCTION_WORDS


def speaker_before(doc: Document, lo: int, pos: int, *, depth: int = 0) -> bool:
    """True when the prose between ``lo`` and ``pos`` ends in a plausible speaker subject."""
    tail = doc.prose[max(lo, pos - 160):pos]
    if not tail.strip():
        return False
    stripped = tail.rstrip()
    # In a title-case headline every word is capitalized: only pronouns and speaker nouns count.
    capitals = not is_title_case_heading(doc, pos)
    # The cheap test first: the speaker-noun patterns are the largest the bias rules compile.
    if (capitals and _capitalized_subject(stripped + " ")) or _NOUN_END.search(stripped + " ") \
            or _NOUN_OF_END.search(stripped + " "):
        # Reject a capitalized word that is a storm's or place's name before a physical verb: left
        # to the rule's exceptions. Reject "'s" possessives (handled by the regex).
        return True
    # A parenthesis between subject and verb: "the party (LREM) slammed".
    if depth == 0 and stripped.endswith(")"):
        opening = stripped.rfind("(")
        if opening > 0:
            return speaker_before(doc, lo, max(lo, pos - len(tail)) + opening, depth=1)
    # One appositive or relative clause between subject and verb: "Smith, a Democrat, slammed".
    if depth == 0 and stripped.endswith(","):
        inner = stripped[:-1]
        comma = inner.rfind(",")
        if comma > 0:
            return speaker_before(doc, lo, max(lo, pos - len(tail)) + comma, depth=1)
    return False


def speaker_opens(doc: Document, lo: int, pos: int) -> bool:
    """The sentence opens with a speaker subject ("Trump tweeted on Sunday, claiming ...")."""
    m = _OPENING.match(doc.prose, lo, pos)
    if not m:
        return False
    if m.group("noun"):
        return True
    first = m.group(0).split()[0].strip("\"“‘'(").lower()
    if first in _FUNCTION_WORDS or first in _OPENERS:
        return False
    # "Yes, ...", "Still, ...": a capitalized word followed by a comma is not a subject.
    return not doc.prose[m.end():m.end() + 1] == ","


_OPENING = lazy(
    rf"[\"“‘'(]?(?:(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\b|(?i:the|a|an|his|her|their)\s+(?:[\w-]+\s+){{0,2}}(?P<noun>(?i:{SPEAKER_NOUNS})(?i:e?s)?)\b"
    r"|[A-Z][\w'’.-]*(?<!['’]s)\b)",
)


def speaker_after(doc: Document, pos: int, hi: int) -> bool:
    """An inverted reporting clause: '..., claimed Smith.' / '..., said the senator'."""
    head = doc.prose[pos:min(hi, pos + 80)]
    return bool(_INVERTED.match(head))


_INVERTED = lazy(
    rf"\s+(?:(?:the|a|an|his|her|their|its|one|two|three|several|some)\s+(?:[\w-]+\s+){{0,2}}?(?i:{SPEAKER_NOUNS})(?i:e?s)?\b"
    r"|[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)*)"
    r"\s*(?:[,.;:!?]|$)",
    re.X,
)

# ---------------------------------------------------------------------------
# Attribution

_REPORTING = r"""
said|says|say|saying|told|tells|tell|telling|stated|states|added|adds|wrote|writes|tweeted|tweets|posted
|argued|argues|argue|arguing|contended|contends|contend|claimed|claims|claiming|alleged|alleges|allege|alleging
|asserted|asserts|insisted|insists|insisting|maintained|maintains|warned|warns|warning|noted|notes|explained
|explains|suggested|suggests|believes|believe|believed|thinks|think|feels|fear|fears|feared|charged|charges
|complained|complains|described|describes|describing|branded|brands|branding|label(?:l)?ed|labels|labeling
|dubbed|dubs|denounced|denounces|decried|decries|decry|accuse|hailed|hails|praised|praises|berated|derided|derides|dismissed|dismisses|mocked|mocks|ridiculed|accused|accuses|accusing|blamed|blames|condemned|condemns
|criticized|criticised|criticizes|criticises|characterized|characterised|characterizes|referred\s+to|refers\s+to
|likened|likens|compared|portrayed|portrays|painted|views?|viewed|sees|seen|regards?|regarded|considers?|considered
|deemed|termed|reported|reports|testified|acknowledged|admitted|conceded|replied|responded|countered|recalled
|declared|proclaimed|slammed|blasted|lashed\s+out|quoted|quoting|cited|citing|predicted|predicts|forecast
|denied|denies|deny|denying|admits|acknowledges|concedes|maintain|assert|insist|allege|warn|note|suggest|explain
|add|state|tweet|post|write|announced|announces|concluded|concludes|found|finds|hoped|hopes|worried|worries|concerned
""".replace("\n", "")

# Verbs of saying that close a sentence: "..., the senator said on Tuesday."
_SAYING = r"""
said|says|told|tells|wrote|writes|added|adds|argued|argues|claimed|claims|insisted|insists|warned|warns|noted
|notes|explained|explains|contended|contends|asserted|asserts|maintained|maintains|alleged|alleges|tweeted|posted
|stated|complained|charged|suggested|believes|believe|thinks|think|reported|reports|acknowledged|admitted|conceded
|countered|replied|responded|recalled|predicted|declared|wrote|testified|concluded|found|finds|show|shows|showed
""".replace("\n", "")

_ATTR_BEFORE = lazy(
    rf"\b(?:{_REPORTING})\b|(?<!so-)(?<!so\s)\b(?:called|calls|call|calling)\b(?!\s+(?:for|on|off|up|in|out|back|upon|into)\b)"
    r"|\baccording\s+to\b|\bin\s+(?:his|her|their|the|its|[A-Z]\w+['’]s?)\s+(?:words|view|opinion|telling|account)\b"
    r"|\bas\s+(?:\w+\s+){1,3}(?:put\s+it|puts\s+it|sees\s+it|saw\s+it)\b"
    r"|\bknown\s+as\b|\bnicknamed\b|\bwhat\s+(?:\w+\s+){1,3}(?:calls?|called|describe[sd]?|terms?|termed)\b",
    re.IGNORECASE | re.X,
)
# A reporting clause after the term, closing the sentence: "..., the senator said on Tuesday."
_ATTR_AFTER = lazy(
    r"[,—–]\s*[\"”']?\s*(?:[\w.'’()-]+\s+){0,6}?"
    rf"(?:{_SAYING})\b[^,;:]{{0,70}}$",
    re.IGNORECASE | re.X,
)
# A reporting clause between commas later in the sentence: "Worse, he said, the money ...".
_TAG_BETWEEN = lazy(
    rf"^[^,;:]{{0,80}}?,\s*(?:[\w.'’()-]+\s+){{1,5}}?(?:{_SAYING})(?:\s+(?:on\s+)?\w+day)?\s*,",
    re.IGNORECASE | re.X,
)
# A label given by someone: "denounced as racist", "dismissed the claims as bogus".
_AS_LABEL = lazy(r"\b(?!(?:is|was|has|does|goes|seems|looks|sounds|this|thus|plus|its|his|hers|theirs|ours|yours|us|less|unless|always|perhaps)\b)\w+(?:ed|ing|s)\s+(?:[\w'’-]+\s+){0,6}?as\s+(?:(?:an?|the|being|too|so|more|most|very|both|either)\s+)?(?:[\w'’-]+(?:,|\s+(?:and|or))?\s+){0,2}$", re.I)
# A transcript line: "SMITH: ...", "Q: ...".
_TRANSCRIPT = lazy(
    r"\s*(?!(?:WATCH|UPDATE|UPDATED|BREAKING|EXCLUSIVE|VIDEO|PHOTOS?|LISTEN|READ|OPINION|ANALYSIS|EDITORIAL|"
    r"COMMENTARY|NOTE|EDITOR['’]S NOTE|CORRECTION|LIVE|REPORT|FACT CHECK|WARNING|ALERT|SPOILER|TRANSCRIPT)\s*:)"
    r"[A-Z][A-Z.'’ -]{0,30}:\s"
)
# A new main clause: a reporting verb before it does not govern what follows.
_CLAUSE_BREAK = lazy(r",\s+(?:and|but|while|whereas|yet|so|although|though|before|after)\s(?!that\b)|;|\s[—–]\s|\s--\s")
_ACCORDING = lazy(r"\baccording\s+to\b|\b(?:reportedly|allegedly|purportedly|supposedly)\b", re.I)


def sentence_bounds(doc: Document, start: int, end: int) -> tuple[int, int]:
    s = doc.sentence_at(start)
    if s is None:
        block = doc.block_at(start)
        if block is not None:
            return block.start, block.end
        return max(0, start - 300), min(len(doc.prose), end + 300)
    return s.start, max(s.end, end)


def reports_speech(doc: Document, start: int, end: int) -> bool:
    """True when the span (a sentence) contains a reporting verb or 'according to'."""
    return bool(_ATTR_BEFORE.search(doc.prose, start, end) or _ACCORDING.search(doc.prose, start, end))


def attributed(doc: Document, start: int, end: int) -> bool:
    """True when the sentence around ``start:end`` reports someone's words or views."""
    lo, hi = sentence_bounds(doc, start, end)
    line_start = doc.prose.rfind("\n", 0, start) + 1
    if _TRANSCRIPT.match(doc.prose, line_start, start):
        return True  # "SMITH: ..." a speaker's line in a transcript
    before = doc.prose[lo:start]
    cut = None
    for cut in _CLAUSE_BREAK.finditer(before):
        pass
    if cut is not None and not _ACCORDING.search(before):
        before = before[cut.end():]
    if _ATTR_BEFORE.search(before) or _AS_LABEL.search(before):
        return True
    after = doc.prose[end:hi]
    if _ATTR_AFTER.search(after) or _ACCORDING.search(after) or _TAG_BETWEEN.search(after):
        return True
    return False


# ---------------------------------------------------------------------------
# Names and titles

_INSTITUTION = frozenset(
    """act law bill amendment resolution treaty accord agreement party project movement committee commission
    group institute foundation center centre report index conference summit forum network campaign coalition
    alliance day trust fund initiative program programme club band show podcast series museum festival award
    prize doctrine plan society league association council games""".split()
)
_CAP_RUN = lazy(r"(?:[ \t]+(?:[A-Z][\w'’-]*|of|for|and|the|on|to))+")


def is_title_case_heading(doc: Document, offset: int) -> bool:
    block = doc.block_at(offset)
    if block is None or block.kind != "heading":
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", doc.prose[block.start:block.end])
    long_words = [w for w in words if len(w) > 3]
    if not long_words:
        return False
    caps = sum(1 for w in long_words if w[0].isupper())
    return caps / len(long_words) >= 0.6


def in_name(doc: Document, start: int, end: int) -> bool:
    """True when a capitalized term is part of a proper name or title, not a description."""
    text = doc.text[start:end]
    if not text[:1].isupper() or text.isupper() and len(text) > 1:
        return False
    if is_title_case_heading(doc, start):
        return False
    lo, _ = sentence_bounds(doc, start, end)
    before = doc.prose[lo:start].rstrip()
    sentence_start = not before or before[-1] in "\"“‘'([—–:"
    if not sentence_start:
        return True  # capitalized mid-sentence: a name ("Regime Change Act", "The Great Dictator")
    m = _CAP_RUN.match(doc.prose, end, min(len(doc.prose), end + 100))
    run = m.group(0).split() if m else []
    return any(w.lower() in _INSTITUTION for w in run)


def tokens(doc: Document) -> list[tuple[int, int, str]]:
    """The prose's words as (start, end, text), read off the document's token table."""
    return text_tokens.words(doc)


_POSSESSIVE_END = lazy(r"['’]s?$")


class WordIndex:
    """The prose's words normalised for term lookup, and where each key occurs.

    A rule with a dictionary of literal terms asks the index for the tokens whose key is
    one of its first words, instead of walking every token itself: a document is indexed
    once, however many rules look terms up in it. A token is found under its key, under
    its key without a possessive ("regime's" -> "regime") and under the first part of a
    hyphenated compound ("democrat-run" -> "democrat").

    A key's tokens are found by ``list.index`` (a C-level scan) when a rule asks for it:
    a rule asks for the few of its first words that the draft holds (a set intersection),
    and that costs less than sorting or grouping every word of every draft. Each such scan
    reads the whole draft, though: a long one (a report, a book linted in pieces) asked for
    many keys is grouped once instead (:attr:`where`).
    """

    __slots__ = ("keys", "variants", "_every", "_extra", "_distinct", "_where", "_scans")

    def __init__(self, texts: list[str], fold: bool, maybe_marked: "list[int] | None" = None) -> None:
        """``maybe_marked``: when known, the numbers of the words that may hold an
        apostrophe or a hyphen (a superset, in order); the others are not looked at."""
        # One string operation for all the words: a word never holds a line break, and
        # splitting keeps the count right even where lowering changes a word's length.
        joined = "\n".join(texts).replace("’", "'")
        keys = (joined.lower() if fold else joined).split("\n") if texts else []
        # Possessives and compounds are rare: their other keys are kept apart, after the
        # keys (``_every``), with the numbers of their tokens (``_extra``).
        variants: dict[int, tuple[str, str]] = {}
        every, extra = keys, []
        if "'" in joined or "-" in joined:
            every = list(keys)
            places = range(len(keys)) if maybe_marked is None else maybe_marked
            for i in compress(places, map(_MARKED, map(keys.__getitem__, places))):
                key = keys[i]
                base = _POSSESSIVE_END.sub("", key)
                head = key.split("-", 1)[0] if "-" in key else ""
                variants[i] = (base, head)
                for other in {base, head} - {key, ""}:
                    every.append(other)
                    extra.append(i)
        self._every, self._extra = every, extra
        self._distinct = set(every)
        self._where: "dict[str, list[int]] | None" = None
        # Scans left before grouping pays: a scan costs about a Python step per 50 words.
        self._scans = max(8, 64_000 // max(1, len(every)))
        self.keys, self.variants = keys, variants

    def base(self, i: int) -> str:
        """Token ``i``'s key without a possessive ending."""
        v = self.variants.get(i)
        return v[0] if v else self.keys[i]

    def head(self, i: int) -> str:
        """The first part of token ``i``'s key when it is a hyphenated compound, else ''."""
        v = self.variants.get(i)
        return v[1] if v else ""

    def positions(self, key: str) -> list[int]:
        """The tokens found under ``key``, in text order (not to be changed by the caller)."""
        if self._where is not None or self._scans <= 0:
            return self.where.get(key, [])
        self._scans -= 1
        every, found = self._every, []
        if key in self._distinct:
            i = every.index(key)
            try:
                while True:
                    found.append(i)
                    i = every.index(key, i + 1)
            except ValueError:
                pass
            n = len(self.keys)
            if found[-1] >= n:  # found under a variant too
                extra = self._extra
                found = sorted({i if i < n else extra[i - n] for i in found})
        return found

    @property
    def where(self) -> dict[str, list[int]]:
        """Every key with its tokens (:meth:`positions` of each), grouped in one pass."""
        if self._where is None:
            where: dict[str, list[int]] = {}
            for i, key in enumerate(self._every):
                found = where.get(key)
                if found is None:
                    where[key] = [i]
                else:
                    found.append(i)
            n, extra = len(self.keys), self._extra
            for key, found in where.items():
                if found[-1] >= n:  # found under a variant too
                    where[key] = sorted({i if i < n else extra[i - n] for i in found})
            self._where = where
        return self._where

    def candidates(self, first_words: dict, followers: "dict[str, frozenset[str]] | None" = None) -> list[int]:
        """Indexes of the tokens that may start one of these terms, in text order.

        ``followers``: for a first word whose terms all have two words or more, their
        second words; a token of it is kept only where the next token is found under one
        of them, and is looked for from there ("of" only before "course"), so a common
        first word costs nothing in a draft without its second words."""
        hits = self._distinct.intersection(first_words)
        if followers:
            found: list[int] = []
            keys, variants = self.keys, self.variants
            for w in hits:
                nexts = followers.get(w)
                if nexts is None:
                    found += self.positions(w)
                    continue
                for second in self._distinct.intersection(nexts):
                    for p in self.positions(second):
                        i = p - 1
                        if i >= 0 and (keys[i] == w or (i in variants and w in variants[i])):
                            found.append(i)
            return sorted(set(found))
        if len(hits) == 1:
            return self.positions(hits.pop())
        found: list[int] = []
        for w in hits:
            found += self.positions(w)
        return sorted(set(found))


_MARKED = re.compile(r"['-]").search


class CaseKeptIndex:
    """A :class:`WordIndex` with case kept, read off the folded one: the few rules that
    match case (a party name, a place name) do not pay for a second index of every word."""

    __slots__ = ("_texts", "_keys", "_folded")

    def __init__(self, texts: list[str], folded: WordIndex) -> None:
        self._texts = texts
        self._keys: list[str] | None = None
        self._folded = folded

    @property
    def keys(self) -> list[str]:
        """The words, curly apostrophes made straight; read the first time they are asked
        for (most drafts hold none of a case-kept rule's words, and never ask)."""
        if self._keys is None:
            texts = self._texts
            self._keys = "\n".join(texts).replace("’", "'").split("\n") if texts else []
        return self._keys

    def base(self, i: int) -> str:
        key = self.keys[i]
        return _POSSESSIVE_END.sub("", key) if "'" in key or "-" in key else key

    def head(self, i: int) -> str:
        key = self.keys[i]
        return key.split("-", 1)[0] if "-" in key else ""

    def candidates(self, first_words: dict) -> list[int]:
        # Folding keeps every token the case-kept index would find under a word; the
        # check on the kept key drops the ones that differ in case.
        folded = self._folded.candidates({w.lower(): None for w in first_words})
        if not folded:
            return folded
        return [i for i in folded
                if self.keys[i] in first_words or self.base(i) in first_words or self.head(i) in first_words]


def _folded_index(doc: Document) -> WordIndex:
    table = text_tokens.tokens(doc)
    texts = table.word_texts()
    # When the words are the tokens themselves (no token was split), only the tokens that
    # are not letters and digits alone can hold an apostrophe or a hyphen.
    return WordIndex(texts, True, table.not_alnum() if texts is table.texts else None)


def word_index(doc: Document, fold: bool) -> WordIndex | CaseKeptIndex:
    """The document's :class:`WordIndex` (``fold``) or its case-kept view, built once per document."""
    if fold:
        return doc.derived(("voice-word-index", True), lambda: _folded_index(doc))
    return doc.derived(("voice-word-index", False),
                       lambda: CaseKeptIndex(text_tokens.word_texts(doc), word_index(doc, True)))


def word_before(doc: Document, start: int, lo: int) -> str:
    """The word right before ``start`` within the sentence ('' at the start)."""
    m = re.search(r"([\w'’-]+)[^\w]*$", doc.prose[max(lo, start - 60):start])
    return m.group(1) if m else ""


# ---------------------------------------------------------------------------
# Labels: whose word is it?
#
# A speech verb in the sentence does not make every word in it the speaker's. In reported
# speech the reporter still chooses how to refer to people ("The strongman signed the decree,
# his office said": an office does not call its leader a strongman), while what the speaker
# said about them is theirs ("critics called him a dictator"). So a label counts as someone
# else's only when it is the thing reported: the complement of a verb of naming, a
# "described as" label, the predicate or an indefinite characterisation in reported content.
# A label used to name or refer (a title before a name, "the regime") stays the writer's.

# Words that cannot stand between a naming verb and its complement: the complement is then
# some other phrase ("called the police after the strongman ...").
_NOT_ADJ = (
    r"(?!(?:after|before|to|for|of|in|on|at|with|by|from|and|or|but|that|which|who|whom|when|while|because|over"
    r"|against|the|a|an|his|her|their|its|is|was|are|were|has|had|have|said|says|as|into|about|under|than)\b)"
)
_ADJS = rf"(?:{_NOT_ADJ}[\w'’-]+\s+){{0,2}}?"
_OBJECT = (
    r"(?:(?:him|her|them|it|himself|herself|themselves|itself|us|me|you)\s+"
    r"|(?:the|his|her|their|its|this|that|these|those)\s+(?:[\w'’-]+\s+){0,2}?"
    r"|(?:[A-Z][\w'’.-]*\s+){1,3})?"
)
_COMPLEMENT_DET = r"(?:(?:a|an|the|such\s+an?|nothing\s+but\s+an?|little\s+more\s+than\s+an?|no\s+better\s+than\s+an?)\s+)?"
# "called him a dictator", "branded the president a tyrant", "what critics call a regime".
_NAMED_AS = lazy(
    r"(?<![\w-])(?<!so\s)(?:call(?:s|ed|ing)?(?!\s+(?:for|on|off|up|in|out|back|upon|into)\b)|brand(?:s|ed|ing)?"
    r"|dub(?:s|bed|bing)?|label(?:l)?(?:s|ed|ing)?|term(?:s|ed|ing)?|nicknam(?:e|es|ed|ing))\s+"
    rf"{_OBJECT}{_COMPLEMENT_DET}{_ADJS}$",
    re.I,
)
# "denounced him as a tyrant", "whom protesters describe as a strongman", "seen as a regime".
_DESCRIBED_AS = lazy(
    r"(?<![\w-])(?:describ|portray|paint|depict|denounc|decr[iy]|brand|label|dismiss|derid|condemn|characteri[sz]"
    r"|regard|view|cast|slam|blast|attack|critici[sz]|hail|prais|refer|mock|ridicul|present|pictur|caricatur"
    r"|known|identif|see|seen|saw)\w*\s+(?:(?:to\s+)?[\w'’.-]+\s+){0,4}?as\s+"
    rf"{_COMPLEMENT_DET}{_ADJS}$",
    re.I,
)
# The label as a predicate: "(critics say) he is a dictator", "had become a regime".
_PREDICATE = lazy(
    r"(?<![\w'’-])(?:is|was|are|were|be|been|being|become|becomes|became|remains?|remained|seems?|seemed"
    r"|amounts?\s+to|amounted\s+to)\s+(?:(?:now|still|already|just|really|effectively|essentially|little\s+more\s+than"
    r"|nothing\s+but|no\s+better\s+than|more\s+of)\s+)?(?:(?:a|an|the)\s+)?"
    rf"{_ADJS}$",
    re.I,
)
# An indefinite characterisation ("said a dictator had seized power"), as against a reference
# with a definite article, a possessive or a demonstrative ("said the regime had ...").
_INDEFINITE = lazy(rf"(?<![\w'’-])(?:a|an|some|any|such|other|more|many)\s+{_ADJS}$", re.I)
_DEFINITE = lazy(
    r"(?:(?<![\w'’-])(?i:the|his|her|their|its|this|that|these|those|our|your|my)\s+|['’]s?\s+)"
    rf"{_ADJS}$|(?<![\w'’.-])[A-Z][\w'’.-]*\s+$"
)
_MONTHS_DAYS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december i""".split()
)
_NEXT_NAME = lazy(r"\s+([A-Z][\w'’.-]*)")
# What may follow a complement of "called": the end of the phrase, not a second complement
# ("called the regime a threat": the label is the object, not what it was called).
_COMPLEMENT_END = lazy(
    r"\s*(?:[,.;:!?)\"”]|['’](?!s\b)|$|(?:and|or|but|who|that|which|because|for|of|in|over|after|on|at|since|while|when)\b)"
)


def _title_before_name(doc: Document, end: int, hi: int) -> bool:
    """'strongman Nicolás Maduro', 'the regime Minister X': a label used as a title."""
    m = _NEXT_NAME.match(doc.prose, end, hi)
    return bool(m) and m.group(1).strip(".").lower() not in _MONTHS_DAYS


def label_reported(doc: Document, start: int, end: int) -> bool:
    """True when the label at ``start:end`` is itself what the sentence reports someone said.

    A label placed right before a name is a title the writer chose, even in reported speech.
    Direct quotes are left to the rules' ``skip: [quotes]``.
    """
    lo, hi = sentence_bounds(doc, start, end)
    if _title_before_name(doc, end, hi):
        return False
    line_start = doc.prose.rfind("\n", 0, start) + 1
    if _TRANSCRIPT.match(doc.prose, line_start, start):
        return True
    window = max(lo, start - 160)
    if _NAMED_AS.search(doc.prose, window, start) and _COMPLEMENT_END.match(doc.prose, end, hi):
        return True
    if _DESCRIBED_AS.search(doc.prose, window, start):
        return True
    if not attributed(doc, start, end):
        return False  # nobody is reported: a predicate or a characterisation is the writer's
    if _PREDICATE.search(doc.prose, window, start) or _INDEFINITE.search(doc.prose, window, start):
        return True
    # A bare plural ("said dictators never give up") characterises; a determiner, possessive
    # or name before the label makes it a reference, which is the writer's choice.
    return not _DEFINITE.search(doc.prose, window, start)


# ---------------------------------------------------------------------------
# The writer's own person: columns, reviews, letters, blogs and how-tos

_FIRST_PERSON = frozenset(
    "i i'm i've i'd i'll me my myself we we're we've we'd we'll us our ours ourselves".split()
)
_SECOND_PERSON = frozenset("you you're you've you'd you'll your yours yourself yourselves".split())
_ROMAN_I = lazy(r"[A-Z][\w.'’-]*\s+$")
_SENTENCE_END = lazy(r"[.!?\"“”:]\s*$")


def personal_voice(doc: Document, offset: int) -> bool:
    """True when the writer speaks in their own person around ``offset``.

    News copy keeps the reporter out of the story and rarely talks to the reader. Two
    signs that it is not news copy, where an aside or a verdict adverb is the genre: the
    paragraph has "I" or "we" outside quotes ("Naturally, I took the newer model"), or a
    third or more of the draft's paragraphs say "I", "we" or "you" outside quotes (a
    column, review, letter, blog or how-to). "Let's" is not counted: it is a set-up itself.
    """
    return doc.derived("voice-personal", lambda: _personal_draft(doc))


def _personal_draft(doc: Document) -> bool:
    toks = tokens(doc)
    index = word_index(doc, True)
    first: set[int] = set()
    second: set[int] = set()
    for key in _FIRST_PERSON | _SECOND_PERSON:
        for i in index.positions(key):
            start, end, text = toks[i]
            if index.keys[i] != key:
                continue  # found under a variant key
            if key == "us" and text != "us" or key[0] == "i" and text[0] != "I":
                continue  # "US"; "i" as a letter
            if key == "i":
                prev = doc.prose[max(0, start - 30):start]
                if _ROMAN_I.search(prev) and not _SENTENCE_END.search(prev):
                    continue  # "World War I", "Charles I"
            if doc.prose[end:end + 1] == "-" or doc.in_quote(start):
                continue  # "I-95"; a quotation
            block = doc.block_at(start)
            if block is not None:
                (second if key in _SECOND_PERSON else first).add(block.start)
    paragraphs = [b for b in doc.blocks if b.kind in ("paragraph", "list-item") and b.end - b.start > 40]
    personal = len(first | second)
    return personal >= 3 and bool(paragraphs) and personal >= len(paragraphs) / 3
