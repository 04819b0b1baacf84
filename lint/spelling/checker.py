"""Deciding, word by word, what a news speller should say.

The order of the checks is what keeps a news speller quiet on names:

1. accepted vocabulary (config, packs), then the lexicon;
2. known misspellings (always reported when the word is not a real word);
3. words built from known words (compounds, prefixes) are accepted;
4. what is left is unknown, and its case decides:
   - lowercase: reported; an error when one candidate stands out, else a warning;
   - capitalized at the start of a sentence: reported only with a strong candidate
     (it is as likely a name: "Zaluzhnyi said ...");
   - capitalized inside a sentence: a name, unless it is one slip away from a known name
     (the gazetteer hook, :meth:`SpellChecker.add_names`) or a clear slip on a common word
     ("Goverment") that is not used the same way elsewhere in the draft.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections import Counter
from itertools import compress, repeat
from operator import xor
from typing import Callable, Hashable, Iterable, NamedTuple

from .distance import osa_bits, pattern
from .keys import fold, skeleton
from .lexicon import COMMON_ZIPF, Lexicon, default_lexicon
from .misspellings import Known, Misspellings
from .misspellings import default_table as default_misspellings
from .speller import MIN_COST, Candidate, Speller, letter_mask
from .tokens import Tokens, Word, guess_sentence_starts, words, words_at
from .variants import Variants, default_variants, variety

# Prefixes written with a hyphen in news copy ("pre-match", "co-operate", "ex-minister").
HYPHEN_PREFIXES = frozenset(
    """anti bi co counter cyber de eco ex extra hyper inter intra macro mega micro mid mini
    mis multi neo non over post pre pro quasi re semi sub super trans tri ultra un under
    vice""".split()
)
# Lowercase particles of names ("da Silva", "von Trapp", "bin Laden").
NAME_PARTICLES = frozenset(
    "al bin ben da dal de del della der di do dos du el ibn la le van von zu ter ten den".split()
)

# Function words never make half of a compound: "themself", "somethink" and "elseware"
# are misspellings, not coinages (the real compounds are in the lexicon already).
FUNCTION_WORDS = frozenset(
    """a an the this that these those some any every each no none all both either neither
    other else such what which who whom whose where when why how there here then than
    i me my mine you your yours he him his she her hers it its we us our ours they them
    their theirs self selves one ones thing things body where ever how
    and or but nor so yet if as at by for from into of onto to upon
    with within without about above after against along among around before behind
    below beneath beside between beyond during except inside near past since
    till toward towards until via
    am is are was were be been being have has had do does did will would shall should
    can could may might must ought not full""".split()
)
# Latin prefixes that are also short words ("con", "per", "pro"): a word that starts with
# one is the prefix spelled out ("condish", "persee", "proget"), not a compound of two
# words; real prefixed words are in the word list or pass the PREFIXES rule.
BOUND_PREFIXES = frozenset("con com per pro pre res dis sub ante".split())
# (Particles such as "up", "out", "on", "down" are left out of that list on purpose:
# "lineout", "upfield" and "onboard" are how news copy makes compounds.)
# Endings that make new words from known ones ("podcast" + "ers", "wireless" + "ly").
# Nouns in "-y" whose "-ist" drops the "y": -logy, -graphy, -nomy, -sophy, -metry,
# -pathy, -tomy, -scopy, -ory/-ary ("polyamory"), therapy.
Y_IST_STEMS = ("log", "graph", "nom", "soph", "metr", "path", "tom", "scop", "or", "ar", "therap")
# Under a prefix, a rest the word list lacks may still be derived when it ends like a
# plural ("un" + "block" + "ables", "re" + "design" + "ers"): one more step, no further.
INFLECTIONS = ("s",)
SUFFIXES = ("s", "es", "ers", "er", "ly", "ally", "ness", "ism", "ist", "ists", "less", "able", "ables", "ful")

# Verbs whose past tense is not "-ed": "catched", "teached" and "thinked" are slips, not
# regular inflections. Only stems of four letters or more matter (shorter ones are never
# inflected by the speller).
IRREGULAR_VERBS = frozenset(
    """arise awake bear beat become begin bend bind bite bleed blow break breed bring
    build burst cast catch choose cling come cost creep deal draw drink drive fall feed
    feel fight find flee fling forbid forecast foresee forget forgive forsake freeze
    give grind grow hang hear hide hold hurt keep kneel know lead leave lend light lose
    make mean meet overcome oversee overtake quit read rebuild rend rethink ride ring
    rise seek sell send shake shed shine shoot shrink shut sing sink slay sleep slide
    sling slit speak speed spend spin spit split spread spring stand steal stick sting
    stink stride strike string strive swear sweep swell swim swing take teach tear tell
    think throw thrust tread undergo understand undertake undo uphold upset wake wear
    weave weep wind withdraw withhold withstand wring write""".split()
)

# How common (x10 Zipf) the other participle of a verb must be for "-ed" or "-ing" on a
# known word to be read as a regular inflection: above SCOWL's largest sizes (8).
SIBLING_ZIPF = 10

# Prefixes that make new words from known ones in news copy ("reoffending", "unpatched").
PREFIXES = (
    "anti", "counter", "cyber", "eco", "euro", "inter", "mega", "micro", "mini", "multi",
    "non", "over", "post", "pre", "pro", "re", "self", "semi", "sub", "super", "tele",
    "trans", "ultra", "un", "under", "out", "co", "de", "dis", "mis", "hyper", "geo", "bio",
    "mid", "up", "nano",
)


def _regular_plural(stem: str) -> bool:
    """True when English makes the plural of ``stem`` by adding -s ("olds", "ons"):
    not "familys" (families) nor "boxs" (boxes)."""
    if len(stem) > 1 and stem[-1] == "y" and stem[-2] not in "aeiou":
        return False
    return not stem.endswith(("s", "x", "z", "ch", "sh"))


_ONSET = re.compile(r"^[^aeiouy]*")
_COMPOUND_PARTS = re.compile(r"[-‐‑–]")
_VOWELS = frozenset("aeiouy")


def echoes(word: str, other: str) -> bool:
    """Whether ``word`` is a rhyming or vowel-changing echo of ``other``, as in the
    reduplications "hocus-pocus", "easy-peasy" (only the first consonants differ) and
    "wishy-washy", "tittle-tattle" (one vowel differs). A typing slip seldom rhymes with
    the word beside it, so the pair reads as made on purpose."""
    if word == other or len(word) < 3 or len(other) < 3 or not (word.isalpha() and other.isalpha()):
        return False
    rhyme = _ONSET.sub("", word)
    if len(rhyme) >= 3 and rhyme == _ONSET.sub("", other):
        return True
    if len(word) != len(other):
        return False
    diff = [(a, b) for a, b in zip(word, other) if a != b]
    return len(diff) == 1 and diff[0][0] in _VOWELS and diff[0][1] in _VOWELS


class Policy:
    """Thresholds, in x10 Zipf frequency and weighted edit cost (see speller.py).

    ``Policy(name_cost=0.6)`` overrides one; the class attributes are the defaults.
    (A plain class rather than a dataclass: it is imported on every run, and building a
    dataclass with this many fields costs milliseconds at start-up.)
    """

    #: A word the lexicon knows but rarely sees is still reported when it is a known misspelling.
    known_override_zipf: int = 20
    #: ... and so is one below ``known_rare_zipf`` when its correction is this much more
    #: frequent (20: a hundred times): "pervious" for "previous", "waring" for "warning".
    known_rare_zipf: int = 30
    known_rare_gap: int = 20
    #: Known but rare lowercase words are reported (as suggestions) when a far more
    #: common word is one cheap slip away.
    #: Tiers of (highest frequency of the rare word, how much more frequent the common one
    #: must be): x10 Zipf, so 25 is ~300 times more frequent.
    rare_tiers: tuple[tuple[int, int], ...] = ((21, 25), (28, 30), (35, 35))
    rare_cost: float = 0.7
    #: Words only the larger dictionaries list (SCOWL sizes 70 and 80: "alway", "agen",
    #: both real entries) are reported when one cheap slip makes a fairly common word.
    obscure_zipf: int = 14
    obscure_cost: float = 0.8
    obscure_common: int = 30
    #: ... and one at most this frequent is reported when a candidate at most this costly
    #: is likelier by these odds (x10 log), the slip's cost counted as in the ranking:
    #: "retting" is likelier "getting" mistyped than the rare word itself.
    rare_odds_zipf: int = 29
    rare_odds_cost: float = 0.8
    rare_odds: int = 15
    #: Each half of a compound ("car"+"maker") must be at least this frequent.
    compound_zipf: int = 32
    compound_min_len: int = 3
    compound_right_len: int = 3
    #: ... and a three-letter half at least this frequent.
    short_part_zipf: int = 40
    #: ... and a three-letter first half this frequent: fragments such as "dec", "ser" and
    #: "ext" begin many long words, whose misspellings would pass for compounds
    #: ("decions" is no "dec" + "ions").
    short_left_zipf: int = 44
    #: The singular of a plural accepted as a word ("millennials") is at least this frequent.
    plural_zipf: int = 25
    #: The stem of a suffixed word ("podcast"+"ers") must be at least this frequent.
    suffix_zipf: int = 30
    #: ... and only when no candidate is this close.
    compound_max_slip: float = 0.8
    #: How much likelier (x10 log odds) two words are written together than their
    #: frequencies alone say; a compound must beat the best correction by this rule.
    compound_bonus: int = 0
    #: The rest of a prefixed word ("re"+"offending") must be at least this frequent ...
    prefix_zipf: int = 22
    #: ... or this frequent when it is at least ``prefix_long`` letters ("de"+"metrication").
    prefix_long: int = 9
    prefix_long_zipf: int = 15
    #: A stem of this many letters or more needs only ``suffix_long_zipf`` ("polyamory").
    suffix_long: int = 9
    suffix_long_zipf: int = 22
    #: A correction one slip away stops a compound or derived word ("pertend" is
    #: "pretend") unless every such correction is rarer than this: "unfollowed" is
    #: "un" + "followed", not the obscure "unfellowed" with a vowel changed.
    obscure_rival_zipf: int = 13
    #: A candidate is strong when its cost is at most this and it leads the next one by
    #: ``strong_gap`` cost units.
    strong_cost: float = 1.0
    strong_gap: float = 0.5
    #: An unknown word whose best candidate costs more than this is "far from any known
    #: word": a suggestion at most.
    near_cost: float = 1.5
    #: Sentence-initial capitalized unknown words: reported with a candidate this good.
    initial_cost: float = 1.0
    initial_zipf: int = 35
    initial_vowel_cost: float = 0.8
    initial_vowel_len: int = 8
    #: Capitalized words inside a sentence: reported as a slip on a common word only when
    #: at least this long, this close and the word this common.
    name_min_len: int = 6
    name_cost: float = 0.7
    name_zipf: int = 40

    def __init__(self, **overrides: object) -> None:
        for key, value in overrides.items():
            if not hasattr(Policy, key):
                raise TypeError(f"unknown policy setting {key!r}")
            setattr(self, key, value)


@functools.lru_cache(maxsize=1)
def standard_words() -> frozenset[str]:
    """Words of the core of standard dictionaries (SCOWL's sizes up to 35) frequent enough
    (x10 Zipf 30 to 35) to be meant wherever they stand: ``standard.txt``, read the first
    time a rare word has a common neighbour."""
    from .lexicon import data_dir

    text = (data_dir() / "standard.txt").read_text(encoding="utf-8")
    return frozenset(text.partition("\n")[2].split())


#: Verdicts memoised per checker before the memo starts afresh (a few MB at most).
MEMO_SIZE = 100_000
_UNSEEN = object()
_tuple_new = tuple.__new__


def _name_rank(part: str) -> tuple[bool, str]:
    return part.isascii(), part


class Verdict(NamedTuple):
    """What to report about one word."""

    word: Word
    #: misspelling (a known one), unknown (not a word we know), rare (a rare word one slip
    #: from a common one), variant (British/American: style), name (near a known name)
    kind: str
    suggestions: tuple[str, ...] = ()
    severity: str = "warning"  # error | warning | suggestion
    fix: str | None = None


class SpellChecker:
    """The news speller. Build one per (language, vocabulary); it caches as it goes.

    ``names_source`` is called once, when first needed, for known names (the fact packs'
    gazetteer); ``near_name`` may replace the built-in search for the known name a
    capitalized word nearly spells.
    """

    def __init__(
        self,
        language: str | None = "en-US",
        vocabulary: Iterable[str] = (),
        policy: Policy | None = None,
        lexicon: Lexicon | None = None,
        misspellings: Misspellings | None = None,
        variants: Variants | None = None,
        names_source: Callable[[], Iterable[str]] | None = None,
        near_name: Callable[[str], str | None] | None = None,
    ) -> None:
        self.language = language
        self.policy = policy if policy is not None else Policy()
        self.lexicon = lexicon
        self.misspellings = misspellings
        self._variants = variants
        self.names_source = names_source
        self.near_name = near_name
        vocab = list(vocabulary)
        self._vocab_exact = set(vocab)
        self._vocab_lower = {v.lower() for v in vocab}
        if self.lexicon is None:
            self.lexicon = default_lexicon(v for v in vocab if v.islower())
        if self.misspellings is None:
            self.misspellings = Misspellings(default_misspellings())
        self.speller = Speller(self.lexicon)
        self._names: dict[str, str] = {}  # folded name token -> name as written
        # (First letter, length) -> (folded names, their letter masks), parallel lists: a
        # word is compared only with names of about its length, read off five buckets at
        # most, and the masks rule most of them out at C speed.
        self._names_by_first: dict[tuple[str, int], tuple[list[str], list[int]]] = {}
        # _near_name's answers by word (a draft's names recur across drafts).
        self._near_memo: dict[str, str | None] = {}
        self._names_loaded = False
        self._name_words: frozenset[str] = frozenset()  # known name words, as written
        # Verdicts already given (see check_words): key -> verdict without its word.
        self._memo: dict[object, tuple | None] = {}
        # Tokens with nothing to report wherever they stand, left out of the words checked:
        # plain lowercase words and capitalized words the word list knows (see
        # check_words), and tokens that are no words (single letters, acronyms, numbers).
        self._fine: set[str] = set()
        # The policy's thresholds for rare slips, worked out once per frequency (see
        # _rare_limits): _rare_slip runs on every rare word of a run.
        self._rare_top = max(t[0] for t in self.policy.rare_tiers)
        self._rare_limits_memo: dict[int, tuple[int, float, int, int] | None] = {}

    def share_memos(self, scope: Hashable) -> None:
        """Let the processes of a ``--jobs`` run pass each other this checker's verdicts,
        candidates and near names (see :mod:`lint.sharedmemo`); ``scope`` names the
        settings it was built with."""
        from .. import sharedmemo

        sharedmemo.share(("spelling-verdicts", scope), self._memo, self._learned)
        sharedmemo.share(("spelling-candidates", scope), self.speller._memo)
        sharedmemo.share(("spelling-near-names", scope), self._near_memo)

    def _learned(self, key: object, got: tuple | None) -> None:
        # A verdict learned from another process: kept as check_words keeps its own.
        if got is None:
            if key.__class__ is str:
                self._note_fine(key, True, False, None)  # type: ignore[arg-type]
            else:
                self._note_fine(key[0], False, key[2], None)  # type: ignore[index]

    def _note_fine(self, text: str, plain: bool, compound: bool, known: bool | None) -> None:
        """After a verdict of None on ``text`` (``plain``: a lowercase word's verdict,
        keyed by its text alone): a word that is fine wherever it stands joins the tokens
        left out of later drafts' words (see :meth:`check`). ``known``: whether the word
        list knows the capitalized word, None when not asked yet."""
        if not text.isalpha():
            return
        if plain:
            if text.islower():
                # Right wherever it stands (a plain word's verdict depends on its text, and
                # the name particles are fine either way).
                self._fine.add(text)
        elif not compound and text[:1].isupper() \
                and ((self.known(text.lower()) is not None if known is None else known) or fold(text) in self._names):
            # A capitalized word the word list knows, or a word of a known name
            # ("Kavanaugh"): check_words passes it wherever it stands, before any other test.
            self._fine.add(text)

    @property
    def variants(self) -> Variants:
        """The US/UK pairs, read when a word first needs them (most drafts' words are known)."""
        if self._variants is None:
            self._variants = default_variants()
        return self._variants
    def _load_names(self) -> None:
        self._names_loaded = True
        if self.names_source is not None:
            self.add_names(self.names_source())

    # Names (the fact packs' gazetteer) ------------------------------------------
    def add_names(self, names: Iterable[str]) -> None:
        """Known names ("Volodymyr Zelensky", "Rosneft"): their words are accepted and
        capitalized words one slip away from them are reported."""
        self._memo.clear()  # verdicts on capitalized words may change
        self._fine.clear()
        self._near_memo.clear()
        for name in names:
            for part in name.replace("-", " ").split():
                part = part.strip(".,'’")
                if len(part) >= 2 and part[:1].isupper():
                    f = fold(part)
                    if f not in self._names:
                        self._names[f] = part
                        names, masks = self._names_by_first.setdefault((f[0], len(f)), ([], []))
                        names.append(f)
                        masks.append(letter_mask(f))
                    elif _name_rank(part) < _name_rank(self._names[f]):
                        # Names often come as a set, in no fixed order: of two spellings
                        # ("Kariņš", "Karins") suggest the same one every run, the one
                        # with its diacritics.
                        self._names[f] = part

    @staticmethod
    def _name_limit(word: str) -> int:
        """Edits allowed between a name and a near-miss: none for short names."""
        return SpellChecker._name_limit_of_length(len(word))

    @staticmethod
    def _name_limit_of_length(n: int) -> int:
        return 0 if n < 4 else 1 if n < 7 else 2

    def _near_name(self, text: str) -> str | None:
        """The one known name ``text`` is a slip away from, if exactly one is closest."""
        memo = self._near_memo
        got = memo.get(text, _UNSEEN)
        if got is _UNSEEN:
            if len(memo) >= MEMO_SIZE:
                memo.clear()
            got = memo[text] = self._nearest_name(text)
        return got  # type: ignore[return-value]

    def _nearest_name(self, text: str) -> str | None:
        f = fold(text)
        limit = self._name_limit(f)
        if limit == 0:
            return None
        n = len(f)
        mask = letter_mask(f)
        best: list[tuple[int, str]] = []
        by_first = self._names_by_first
        c_osa = self.speller.osa_c  # the C distance, once the run has loaded it
        peq = pattern(f) if c_osa is None else None
        first = f[0]
        for length in range(n - limit, n + limit + 1):
            bucket = by_first.get((first, length))
            if bucket is None:
                continue
            # Every name of a bucket has the same length, so the same edits allowed.
            name_limit = self._name_limit_of_length(length)
            lim = limit if limit < name_limit else name_limit
            if abs(length - n) > lim:
                continue
            names, masks = bucket
            # One edit changes the set of letters by two at most: most names are ruled out
            # by their letter masks, in C, without computing a distance.
            near = map((2 * lim).__ge__, map(int.bit_count, map(xor, masks, repeat(mask))))
            for name in compress(names, near):
                d = osa_bits(peq, n, name) if peq is not None else c_osa(f, name)  # type: ignore[misc]
                if d <= lim:
                    best.append((d, name))
        if not best:
            return None
        best.sort()
        if len(best) > 1 and best[1][0] == best[0][0]:
            return None  # two names as close: no telling which was meant
        return self._names[best[0][1]]

    # Words ----------------------------------------------------------------------
    def known(self, lower: str) -> int | None:
        """x10 Zipf frequency of a lowercase word, with contractions read as their base."""
        z = self.lexicon.zipf(lower)
        if z is not None:
            return z
        if "'" in lower:
            base, _, suffix = lower.rpartition("'")
            if suffix == "t" and base.endswith("n"):  # didn't, isn't
                return self.lexicon.zipf(base) or self.lexicon.zipf(base[:-1])
            if suffix in ("s", "d", "ll", "re", "ve", "m"):  # she's, we'd, they'll
                return self.lexicon.zipf(base)
            # rock'n'roll, ma'am: every piece known
            parts = [p for p in lower.split("'") if p]
            if parts and all(len(p) == 1 or self.lexicon.zipf(p) is not None for p in parts):
                return 0
        return None

    def built_from_known(self, lower: str, rival: float | None = None) -> bool:
        """Compounds, prefixed and suffixed words made of known words ("carmaker",
        "reoffending", "podcasters", "wirelessly", "unblockables").

        ``rival`` is how likely the best single-word correction is (its x10 Zipf frequency
        less the cost of the slip, in frequency units): a compound must be more likely than
        that. "gameplay" has no rival; "teephone" is far likelier "telephone" mistyped than
        "tee" + "phone", and "governmet" than "govern" + "met".

        """
        p = self.policy
        common = self.lexicon.common
        zipf = self.lexicon.zipf
        n = len(lower)
        # Two words written together are about as likely as the two words in a row:
        # the product of their frequencies (a sum of Zipf values, less the 9 that turns
        # per-billion counts into probabilities, x10), plus the policy's bonus.
        need = None if rival is None else rival + 90 - p.compound_bonus
        for i in range(p.compound_min_len, n - p.compound_right_len + 1):
            left, right = lower[:i], lower[i:]
            if left in FUNCTION_WORDS or right in FUNCTION_WORDS or left in BOUND_PREFIXES:
                continue
            zl = common.get(left)
            if zl is None and i >= 4:
                zl = zipf(left)
            if zl is None or zl < (p.compound_zipf if i >= 4 else p.short_left_zipf):
                continue
            zr = common.get(right) if len(right) < 4 else zipf(right)
            # A three-letter second half must be common ("frontman", "inkjet").
            if zr is not None and zr >= (p.compound_zipf if len(right) >= 4 else p.short_part_zipf) \
                    and (need is None or zl + zr > need):
                return True
        for prefix in PREFIXES:
            # Short prefixes make too many near-misses look like words ("remine"):
            # they need a longer rest.
            if lower.startswith(prefix) and n - len(prefix) >= (6 if len(prefix) <= 2 else 5):
                rest = lower[len(prefix):]
                z = zipf(rest)
                if z is None and len(rest) >= 7 and rest.endswith(INFLECTIONS):
                    # One more step, an inflection: "un" + "blockables" ("block" + "ables").
                    z = self._suffixed(rest)
                # A long rest is a word on its own evidence: "de" + "metrication".
                least = p.prefix_zipf if len(rest) < p.prefix_long else p.prefix_long_zipf
                if z is not None and z >= least:
                    return True
        # A singular whose plural is known ("telecom", "teraflop"), a plural of a common
        # short word ("olds" in "11 year olds").
        # Not when the "plural" is no plural ("previou" + "s") or comes from a "-y"
        # ("citie" + "s" is the plural of "city").
        if n >= 5 and not lower.endswith(("s", "u", "i")) and (zipf(lower + "s") or 0) >= p.suffix_zipf \
                and not (lower.endswith("ie") and zipf(lower[:-2] + "y") is not None):
            return True
        if lower.endswith("s") and common.get(lower[:-1], 0) >= 45 and _regular_plural(lower[:-1]):
            return True
        return self._suffixed(lower) is not None

    def _regular_inflection(self, lower: str) -> bool:
        """Whether ``lower`` is "-ed" or "-ing" on a fairly common word where English
        spelling leaves no doubt: after two consonants ("glitched"), two vowels and a
        consonant ("spooled"), or a vowel and w, x or y ("snowed"); in place of a silent
        "e" ("hoping"); "-ied" for a "-y" after a consonant ("carried"). A stem that ends
        in one vowel and one consonant may double it ("stopped", "visited"), so "stoped"
        is left to the speller, and so is "-ed" on an irregular verb ("catched")."""
        for suffix in ("ing", "ed"):
            if not lower.endswith(suffix):
                continue
            stem = lower[: -len(suffix)]
            if len(stem) < 4 or not stem.isalpha():
                return False
            forms = []
            last, before = stem[-1], stem[-2]
            if last == "e":
                pass  # "hopeing", "hopeed": the silent e goes
            elif last == "y":
                if before in "aeiou" or suffix == "ing":  # "played", "carrying" (not "carryed")
                    forms.append(stem)
            elif last in "aeiou":
                pass  # "skiing", "vetoed": too few to guess at
            elif before not in "aeiouy" or (last in "wx" and before in "aeiou") or stem[-3] in "aeiou":
                forms.append(stem)  # "glitch-ed", "box-ed", "spool-ed"
            if last not in "aeiouy":
                forms.append(stem + "e")  # "hop" + "ing" is "hope" + "ing"; "judg" + "ed"
            if suffix == "ed" and last == "i" and before not in "aeiou":
                forms.append(stem[:-1] + "y")  # "carri" + "ed"
            # The other participle must be a known word too ("glitching" for "glitched"),
            # and more than an entry of the largest lists only: evidence that the stem is a
            # verb, not "always" + "ed" or "comm" + "ing".
            sibling = (stem if stem[-1] != "i" else stem[:-1] + "y") + "ing" if suffix == "ed" else stem + "ed"
            if (self.lexicon.zipf(sibling) or 0) < SIBLING_ZIPF:
                return False
            least = self.policy.suffix_zipf
            for f in forms:
                if suffix == "ed" and f in IRREGULAR_VERBS:
                    continue
                if (self.lexicon.zipf(f) or 0) >= least:
                    return True
            return False
        return False

    def _suffixed(self, lower: str) -> int | None:
        """The frequency of the stem when ``lower`` is a known word with an ending
        ("podcast" + "ers", "polyamory" -> "polyamorist"), else None."""
        p = self.policy
        common = self.lexicon.common
        zipf = self.lexicon.zipf
        n = len(lower)
        for suffix in SUFFIXES:
            if not lower.endswith(suffix) or n - len(suffix) < 4:
                continue
            stem = lower[: n - len(suffix)]
            # English spelling rules the writer got wrong are not new words:
            # "familys" (families), "academicly" (academically), "simplely" (simply).
            if suffix in ("s", "es") and len(stem) > 1 and stem[-1] == "y" and stem[-2] not in "aeiou":
                continue
            if suffix == "ly" and stem.endswith(("ic", "le", "ll")):
                continue
            # "-ally" makes adverbs of "-ic" words ("basically"): "presentally" is "presently".
            if suffix == "ally" and not stem.endswith("ic"):
                continue
            # "-es" follows a hiss or an "o" ("boxes", "heroes"); after other letters the
            # word is a "-s" plural, and "reportses" is no word.
            if suffix == "es" and not stem.endswith(("s", "x", "z", "ch", "sh", "o", "i")):
                continue
            # Endings go on a word, not on its plural: "players" + "ness", "voters" + "ly".
            if stem.endswith("s") and not stem.endswith(("ss", "us", "is")) \
                    and common.get(stem[:-1], 0) >= COMMON_ZIPF:
                continue
            # "carri"+"es" is "carry"; "emploi"+"es" is no word ("employ" takes -s).
            y_stem = stem[:-1] + "y" if stem.endswith("i") and len(stem) > 2 and stem[-2] not in "aeiou" else ""
            # "-ist" takes the place of the final "-y" of a learned noun: "polyamory",
            # "polyamorist"; "biology", "biologist" (not of a verb: "magnifist").
            if suffix in ("ist", "ists") and not y_stem and stem.endswith(Y_IST_STEMS):
                y_stem = stem + "y"
            # A silent "e" goes before an ending that starts with a vowel ("advertise",
            # "advertiser") and stays before one that starts with a consonant ("largely",
            # "closeness"): "decidly" and "financly" are misspellings, not derived words.
            e_stem = stem + "e" if suffix[0] in "aeiou" else ""
            for s in (stem, e_stem, y_stem):
                if s and s not in FUNCTION_WORDS:
                    z = zipf(s)
                    least = p.suffix_zipf if len(s) < p.suffix_long else p.suffix_long_zipf
                    if z is not None and z >= least:
                        return z
        return None

    def _plain_part(self, text: str, lower: str) -> bool:
        """Whether a part of a hyphenated compound is a lowercase word the list knows well
        ("last" in "last-minute") with no variant to suggest: fine on every path of
        :meth:`check_word`, so the compound's readings (:meth:`_compound_ok`, a dozen
        lookups) need not be tried."""
        if text[:1].isupper():
            return False
        z = self.known(lower)
        return z is not None and z >= self.policy.known_rare_zipf and not self.variants.preferred(lower, self.language)

    def _compound_ok(self, word: Word) -> bool:
        """Parts of hyphenated compounds: "co-ordinator" (coordinator), "pre-match",
        "year-olds", "add-ons"."""
        lower = word.lower
        joined = word.compound.lower().replace("‐", "-").replace("‑", "-").replace("–", "-")
        if self.lexicon.zipf(joined.replace("-", "")) is not None or self.lexicon.zipf(joined) is not None:
            return True
        if word.before_hyphen and lower in HYPHEN_PREFIXES:
            return True
        # Reduplication: a known word and its echo ("clackety-clack", "tickety-tick"), or
        # its rhyme or vowel change ("hocus-pocus", "willy-nilly", "wishy-washy").
        parts = _COMPOUND_PARTS.split(joined)
        for part in parts:
            if part != lower and len(part) >= 4 and lower.startswith(part) and self.lexicon.zipf(part) is not None:
                return True
        if len(parts) == 2 and lower in parts:
            other = parts[1] if parts[0] == lower else parts[0]
            if echoes(lower, other) and self.lexicon.zipf(other) is not None:
                return True
        # A plural that only exists in compounds ("olds", "ons", "ups").
        if lower.endswith("s") and self.lexicon.common.get(lower[:-1], 0) >= 45:
            return True
        # A derived word made for the compound ("no-brainer", "high-flyers"): the hyphen
        # says the writer built it on purpose.
        return len(lower) >= 5 and self.built_from_known(lower)

    def _cased(self, suggestion: str, like: str) -> str:
        if like[:1].isupper() and suggestion[:1].islower():
            return suggestion[:1].upper() + suggestion[1:]
        return suggestion

    def _suggestions(self, cands: list[Candidate], like: str) -> tuple[str, ...]:
        """Candidates as suggestions, in the newsroom's variant ("organised" becomes
        "organized" in en-US copy), cased like the word they replace."""
        out: list[str] = []
        for c in cands:
            w = self.variants.preferred(c.word, self.language) or c.word
            w = self._cased(w, like)
            if w not in out:
                out.append(w)
        return tuple(out)

    def _strong(self, cands: list[Candidate]) -> bool:
        if not cands or cands[0].cost > self.policy.strong_cost:
            return False
        if len(cands) == 1:
            return True
        return (cands[1].score - cands[0].score) >= self.policy.strong_gap * self.speller.cost_weight

    def check_word(self, word: Word, names_in_doc: frozenset[str] = frozenset(),
                   name_heads: frozenset[int] = frozenset()) -> Verdict | None:
        """The verdict on one word, or None when it is fine.

        ``names_in_doc`` and ``name_heads`` come from :meth:`doc_context`: the capitalized
        words the draft uses as names, and where a sentence starts with a name.
        """
        text, lower = word.text, word.lower
        p = self.policy
        if text in self._vocab_exact or lower in self._vocab_lower:
            return None
        if word.compound and (self._plain_part(text, lower) or self._compound_ok(word)):
            return None
        if word.before_capital and lower in NAME_PARTICLES:
            return None
        capital = word.capitalized
        if capital and not self._names_loaded:
            self._load_names()
        mid_sentence_capital = capital and not word.initial
        z = self.known(lower)
        known_bad: Known | None = None
        if z is None or (z < p.known_rare_zipf and not capital):
            known_bad = self.misspellings.get(lower)
            if known_bad is not None and z is not None and z >= p.known_override_zipf \
                    and max(self.known(f.lower()) or 0 for f in known_bad.fixes) < z + p.known_rare_gap:
                known_bad = None  # a rare word in its own right ("racoon"), not a slip
        if z is not None and known_bad is None:
            if capital and (text in self._name_words or fold(text) in self._names):
                return None
            # One spelling of a British/American pair is a dictionary word in its variety
            # ("ax", "molt"), however rare the lists find it: never a rare slip.
            # Nor is a known word inside a hyphenated compound ("single-celled").
            if z <= self._rare_top and not capital and text.isascii() \
                    and not word.compound and not self.variants.is_pair_member(lower):
                rare = self._rare_slip(word, z, lower)
                if rare is not None:
                    return rare
            # A known word: only its variant (British/American) may be worth a remark.
            if capital:
                # "Labour", "Centre Court": proper nouns are never variants. check_words
                # relies on this (a capitalized known word is passed without asking here):
                # a remark on such words would have to be made there too.
                return None
            pref = self.variants.preferred(lower, self.language)
            if pref:
                return Verdict(word, "variant", (self._cased(pref, text),), "suggestion")
            return None
        if capital and (text in self._name_words or fold(text) in self._names):
            return None
        if known_bad is not None:
            # In the newsroom's variety: "organsied" is "organized" in American copy.
            fixes = tuple(self._cased(self.variants.preferred(f, self.language) or f, text) for f in known_bad.fixes)
            if mid_sentence_capital:
                # Inside a sentence a capitalized word is usually a name; a known
                # misspelling of a proper noun ("Febuary", "Isreal") is the exception.
                if not any(f[:1].isupper() for f in known_bad.fixes) or text in names_in_doc:
                    return self._name_check(word, names_in_doc)
            elif capital and word.before_capital and not any(f[:1].isupper() for f in known_bad.fixes):
                # The first word of a name ("Groupe Renault", "Tre Jones"): not a slip.
                return self._name_check(word, names_in_doc)
            safe = known_bad.safe and not (capital and known_bad.fixes[0][:1].isupper())
            return Verdict(word, "misspelling", fixes, "error", fixes[0] if safe else None)
        if not text.isascii():
            return self._name_check(word, names_in_doc) if capital else None
        derived = self.variants.derive(lower, self.lexicon)
        if derived is not None:
            # "trivialisation" is not in the word list but "trivialization" is: a variant
            # spelling (style), reported only when it is not the newsroom's variety.
            other, british = derived
            v = variety(self.language)
            # Reported only against a configured variety, and never on a capitalized word;
            # -ize is British too (Oxford spelling), and Canada writes -ize and -our alike.
            if capital or v is None or v == "ca" or (british and v != "us") \
                    or (not british and (v == "us" or "iz" in lower)):
                return None
            return Verdict(word, "variant", (self._cased(other, text),), "suggestion")
        if mid_sentence_capital:
            return self._name_check(word, names_in_doc)
        if len(lower) <= 4 and not any(ch in "aeiouy" for ch in lower) and not capital:
            return None  # "dvd", "bpd", "mm": lowercase abbreviations, not words
        if capital:
            # Sentence-initial: as likely a name ("Mutu said") as a word; speak up only for
            # a clear slip on a common word. The narrow search answers that quickly.
            if text in names_in_doc or word.start in name_heads:
                return self._name_check(word, names_in_doc)
            narrow = self.speller.candidates(lower, 3, max_cost=p.initial_cost, min_zipf=p.initial_zipf)
            if not self._initial_slip(text, narrow):
                return self._name_check(word, names_in_doc)
        # The regular plural of a known noun ("millennials", "bangers") is a word, however
        # close the singular is.
        if lower.endswith("s") and len(lower) >= 6 and _regular_plural(lower[:-1]) \
                and (self.lexicon.zipf(lower[:-1]) or 0) >= p.plural_zipf:
            return None
        # ... and so is the regular past or present participle of a known verb spelled as
        # English spells it ("glitched", "spooling"), however close another word is.
        if self._regular_inflection(lower):
            return None
        cands = self.speller.candidates(lower)
        # "carmaker" is two words run together on purpose; "pertend" is "pretend" with two
        # letters swapped: a compound counts only when no single slip explains the word.
        words_only = [c for c in cands if " " not in c.word]
        rival = max((c.zipf - c.cost * self.speller.cost_weight for c in words_only), default=None)
        close = max((c.zipf for c in words_only if c.cost <= p.compound_max_slip), default=None)
        if (close is None or close < p.obscure_rival_zipf) and self.built_from_known(lower, rival):
            return None
        sugg = self._suggestions(cands, text)
        if self._strong(cands):
            return Verdict(word, "unknown", sugg, "error")
        # A word more than one slip from every known word may be a word the list lacks
        # as well as a typo: worth a look, not a warning.
        near = bool(cands) and cands[0].cost <= p.near_cost
        return Verdict(word, "unknown", sugg, "warning" if near else "suggestion")

    def _rare_limits(self, z: int) -> tuple[int, float, int, int] | None:
        """For a known word of x10 Zipf ``z``: the frequency gap a rare slip needs, and the
        narrow search's cost and frequency limits and the least frequency a qualifying
        word may have (see :meth:`_rare_slip`); None when no word that frequent is rare."""
        p = self.policy
        gap = min((g for top, g in p.rare_tiers if z <= top), default=None)
        if gap is None:
            return None
        weight = self.speller.cost_weight
        # Most rare words of a draft are real: a narrow search (close, more common words
        # only) rules them out cheaply. Only when it finds one does the full search,
        # ranked against every candidate, decide.
        max_cost = max(p.rare_cost, p.obscure_cost if z <= p.obscure_zipf else 0.0, p.rare_odds_cost)
        min_zipf = min(z + gap, z + p.rare_odds, p.obscure_common if z <= p.obscure_zipf else 999)
        # The least frequent word that could qualify (a slip costs MIN_COST at least).
        need = min(z + gap, p.obscure_common if z <= p.obscure_zipf else 999,
                   z + p.rare_odds + int(MIN_COST * weight) if z <= p.rare_odds_zipf else 999)
        return gap, max_cost, min_zipf, need

    def _rare_slip(self, word: Word, z: int, lower: str) -> Verdict | None:
        """A rare word one slip from a far more common one ("tittles", "wonted"): worth a
        look. ``lower`` is ``word.lower``."""
        limits = self._rare_limits_memo.get(z, _UNSEEN)
        if limits is _UNSEEN:
            limits = self._rare_limits_memo[z] = self._rare_limits(z)
        if limits is None:
            return None
        gap, max_cost, min_zipf, need = limits  # type: ignore[misc]
        # A word of the standard dictionaries' core used once in a million words or more
        # ("ire", "fir", "to and fro") is the word the writer meant, not a slip on a
        # common neighbour ("are", "for"): published copy uses such words on purpose.
        if lower in standard_words():
            return None
        # Then a plain lookup of the word's one-letter edits: is any word frequent enough
        # to qualify one slip away? For most rare words of a draft none is, and no search
        # is needed.
        if self.speller.has_near(lower, max(need, min_zipf), max_cost) is False:
            return None
        p = self.policy
        weight = self.speller.cost_weight

        def qualifies(c: Candidate) -> bool:
            # A cheap slip on a far more common word, or (noisy channel, for the rarest
            # words) a slip that explains the word better than the word explains itself.
            return " " not in c.word and ((c.cost <= p.rare_cost and c.zipf >= z + gap) or (
                z <= p.obscure_zipf and c.cost <= p.obscure_cost and c.zipf >= p.obscure_common) or (
                z <= p.rare_odds_zipf and c.cost <= p.rare_odds_cost and len(lower) >= 3
                and c.zipf - c.cost * weight - z >= p.rare_odds))

        if not any(qualifies(c) for c in self.speller.candidates(lower, 3, max_cost=max_cost, min_zipf=min_zipf)):
            return None
        for c in self.speller.candidates(lower, 3):
            if qualifies(c):
                return Verdict(word, "rare", self._suggestions([c], word.text), "suggestion")
        return None

    def _typo_not_variant(self, text: str, cand: Candidate) -> bool:
        """True when ``text`` differs from ``cand`` by more than vowels, doubled letters and
        letters that sound alike (the skeleton key): names vary in exactly those ways
        ("Martyn", "Karolina", "Holliday"), while typing slips drop, add or swap letters
        ("Goverment", "Wahsington")."""
        return skeleton(fold(text)) != skeleton(fold(cand.word))

    def _initial_slip(self, text: str, cands: list[Candidate]) -> bool:
        p = self.policy
        if not cands or " " in cands[0].word:
            return False
        c = cands[0]
        if c.zipf >= p.initial_zipf and c.cost <= p.initial_cost and len(text) >= 5 and self._typo_not_variant(text, c):
            return True
        # A vowel slip on a long, common word ("Similarely") is no name either.
        return c.cost <= p.initial_vowel_cost and c.zipf >= p.initial_zipf and len(text) >= p.initial_vowel_len

    def _name_check(self, word: Word, names_in_doc: frozenset[str]) -> Verdict | None:
        """A capitalized unknown word: a name, unless it is a slip on a known name or word."""
        text = word.text
        if self.near_name is not None:
            near = self.near_name(text)
        else:
            near = self._near_name(text) if self._names else None
        if near is not None and near != text:
            if word.after_capital or word.before_capital:
                # Part of a full name ("Olaf Sholz"): the fact rules judge whole names
                # with more context (facts.name-spelling); left to them.
                return None
            return Verdict(word, "name", (near,), "warning")
        p = self.policy
        if text in names_in_doc or len(text) < p.name_min_len or not text.isascii():
            return None
        if self.speller.has_near(text.lower(), p.name_zipf, p.name_cost) is False:
            return None  # no common word one slip away: a name (most are), no search needed
        cands = self.speller.candidates(text.lower(), max_cost=p.name_cost, min_zipf=p.name_zipf)
        if cands and cands[0].cost <= p.name_cost and cands[0].zipf >= p.name_zipf and " " not in cands[0].word \
                and self._typo_not_variant(text, cands[0]):
            sugg = self._suggestions(cands, text)
            return Verdict(word, "unknown", sugg, "error" if self._strong(cands) else "warning")
        return None

    # Text -----------------------------------------------------------------------
    def check(self, text: "str | Tokens", sentence_starts: frozenset[int] | None = None) -> list[Verdict]:
        """Verdicts for every word of ``text`` (or of a document's token table) that needs one."""
        table = text if isinstance(text, Tokens) else Tokens(text)
        if sentence_starts is None:
            sentence_starts = guess_sentence_starts(table.prose)
        # Words already found correct anywhere are not even made into Words: most of a
        # draft's words, and the tokenizer's main cost.
        if len(self._fine) >= MEMO_SIZE:
            # Bounded like the memo: tokens that are no words (numbers, codes, acronyms)
            # join it without a verdict, and a server sees new ones in every draft.
            self._fine.clear()
        ws = list(words(table, sentence_starts, self._fine, never=self._fine))
        return self.check_words(ws, lambda w: self._word_after(table, sentence_starts, w))

    def _word_after(self, table: Tokens, sentence_starts: frozenset[int], word: Word) -> Word | None:
        """The word that follows ``word`` among the draft's words other than the lowercase
        ones known fine: the words :meth:`doc_context` reads after a sentence's first word.
        (Capitalized words known fine are left out of the words checked as well, but
        whether the word after a sentence's first is a common word decides whether that
        first word begins a name.)"""
        texts = table.texts
        fine = self._fine
        first = bisect_right(table.starts, word.start)  # the token after the word's own
        # A lowercase word known fine is dropped (its first letter is lowercase); a
        # capitalized one is read.
        todo = (i for i in range(first, len(texts)) if texts[i] not in fine or texts[i][0].isupper())
        return next(words_at(table, todo, sentence_starts), None)

    def doc_context(self, ws: list[Word], after: Callable[[Word], Word | None] | None = None,
                    ) -> tuple[frozenset[str], frozenset[int]]:
        """What the whole draft says about names: the capitalized words it uses twice or
        more, once at least inside a sentence (names the writer means), and the starts of sentence-initial
        words followed by a capitalized word that is not a common word ("Alain Dufresne
        said": the first word of a name; a title-case headline goes on with common
        words, "Wahsington Votes To Cut Taxes").

        ``after`` gives the word after a sentence's first when ``ws`` leaves out words that
        could follow it (:meth:`check` leaves out the capitalized words known fine); by
        default it is the next word of ``ws``."""
        counts = Counter(w.text for w in ws if not w.initial and w.text[:1].isupper())
        # Once inside a sentence and once at the start of one counts too: "Balmond Studio
        # (London) ... With it, Balmond Studio shows": a name the writer means.
        initial = {w.text for w in ws if w.initial and w.text in counts}
        names_in_doc = frozenset(t for t, c in counts.items() if c >= 2 or t in initial)
        heads = []
        common = self.lexicon.common
        for w, nxt in zip(ws, ws[1:] + [None]):
            if w.initial and w.before_capital and w.text[:1].isupper():
                if after is not None:
                    nxt = after(w)
                if nxt is None:
                    continue
                # The next word checked is the one the tokenizer saw when it stands just
                # after; if that one was not a word to check (an acronym, "O'Brien"),
                # it was a name-like token too.
                if nxt.start - w.end > 2 or common.get(nxt.lower, 0) < COMMON_ZIPF:
                    heads.append(w.start)
        return names_in_doc, frozenset(heads)

    def check_words(self, ws: list[Word], after: Callable[[Word], Word | None] | None = None) -> list[Verdict]:
        """Verdicts for a document's words, in order (``after``: see :meth:`doc_context`).

        Verdicts are memoised per process: the same word in the same circumstances gets the
        same verdict in every draft, and most words of a draft were seen in earlier ones.
        """
        names_in_doc, name_heads = self.doc_context(ws, after)
        memo = self._memo
        out = []
        for w in ws:
            text = w.text
            # A plain lowercase word's verdict depends on its text alone. Otherwise it also
            # depends on where it stands (check_word reads these fields) and, for a
            # capitalized word, on whether the draft uses it as a name.
            if w.compound or w.before_capital or text[:1].isupper():
                key: object = (text, w.initial, w.compound, w.before_hyphen, w.before_capital,
                               w.after_capital, text in names_in_doc, w.start in name_heads)
            else:
                key = text
            got = memo.get(key, _UNSEEN)
            if got is _UNSEEN:
                # A capitalized word the word list knows is never reported, where ever it
                # stands ("Labour", "The"): most capitalized words of a draft. (check_word
                # returns None for it on every path; only the names are loaded first.)
                known_capital = key is not text and not w.compound and text[:1].isupper() \
                    and self.known(w.lower) is not None
                if known_capital:
                    if not self._names_loaded:
                        self._load_names()
                    got = None
                else:
                    v = self.check_word(w, names_in_doc, name_heads)
                    got = None if v is None else v[1:]
                if len(memo) >= MEMO_SIZE:
                    memo.clear()  # bounded: an archive of drafts must not grow the process
                    self._fine.clear()
                memo[key] = got
                if got is None:
                    self._note_fine(text, key is text, w.compound, known_capital)
            if got is not None:
                out.append(_tuple_new(Verdict, (w, *got)))
        return out
