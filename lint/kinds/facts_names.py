"""``facts-names``: known people's names spelled wrong, with the right spelling as a fix.

The one place newslint judges names (the speller leaves capitalised words near a known
name to this rule). Sources of evidence, in order of trust:

1. misspellings listed in a fact pack ("Kier Starmer");
2. a role next to a name close to the holder's ("White House press secretary Karoline
   Levit": the press secretary on that date is Karoline Leavitt; "Chancellor Herz");
3. near-misses of a known full name ("Olaf Sholz", "Ursula von der Leyden") and of a
   known surname on its own ("Lukashneko"), judged by :mod:`lint.facts.nearmiss`: the
   evidence that the writer meant the known person (a title, the first name, the person
   named elsewhere, their office or country nearby) against the evidence that the word is
   somebody else's real name ("Starner", "Jakob", "the Bidens"). A name that is itself
   known is never a near-miss (known people win).

A later bare surname follows the verdict on the full name ("Levit said ...").
"""
from __future__ import annotations

from itertools import compress
from typing import TYPE_CHECKING, Iterable, NamedTuple

from ..document import Document
from ..facts.rulebase import FactRule
from ..facts.text import norm, tokens_of
from ..text.distance import osa
from ..findings import Finding, Severity
from ..rule import BOOLEAN, Param

if TYPE_CHECKING:  # pragma: no cover
    from datetime import date

    from ..facts.analysis import Analysis
    from ..facts.model import FactBase
    from ..facts.index import TitleEntry
    from ..facts.model import Person
    from ..facts.nearmiss import Evidence
    from ..facts.index import NameIndex
    from ..facts.text import Token


class _Hit(NamedTuple):
    start: int
    end: int
    person: "Person"
    correct: str
    strong: bool
    why: str
    tok_start: int
    tok_end: int


class NameSpelling(FactRule):
    """A known person's name spelled wrong (listed misspellings, and near-misses weighed
    on the draft's evidence), with the right spelling as a fix."""

    kind = "facts-names"
    params = {
        "near-misses": Param(BOOLEAN, "flag near-misses of known full names (not only listed misspellings)", default=True),
        "roles": Param(BOOLEAN, "flag a name next to a role that is close to, but not, the holder's", default=True),
        "surnames": Param(BOOLEAN, "flag later bare surnames that follow a misspelled full name", default=True),
    }

    def setup(self) -> None:
        super().setup()
        # (fact base, {(offices, date): name forms}): see _role_forms
        self._role_memo: "tuple[FactBase | None, dict]" = (None, {})

    def check(self, doc: Document) -> Iterable[Finding]:
        from ..facts.analysis import capitalised_runs

        a = self.analysis(doc)
        vocab = self._vocab()
        hits: list[_Hit] = []
        # 1. listed misspellings
        for m in a.mentions:
            if m.kind != "misspelling":
                continue
            correct = _closest_form(m.person, m.text)
            hits.append(_Hit(m.start, m.end, m.person, correct, True, "listed", m.tok_start, m.tok_end))
        # 2 and 3. roles and near-misses
        if self.options["near-misses"] or self.options["roles"]:
            for i, j in capitalised_runs(a):
                hit = self._near(a, i, j, vocab)
                if hit is not None:
                    hits.append(hit)
        for h in hits:
            yield self._finding(doc, a, h)
        # 4. later bare surnames
        if self.options["surnames"]:
            yield from self._surnames(doc, a, hits, vocab)

    def _vocab(self) -> frozenset[str]:
        """The accepted vocabulary as name keys (computed once: a newsroom's list can be long)."""
        cached = getattr(self, "_vocab_keys", None)
        if cached is None:
            cached = self._vocab_keys = frozenset(norm(v) for v in self.settings.vocabulary)
        return cached

    # ------------------------------------------------------------------
    def _finding(self, doc: Document, a: Analysis, h: _Hit) -> Finding:
        written = doc.text[h.start:h.end]
        fix = _keep_case(h.correct, written)
        if h.why == "listed":
            msg = f"'{{match}}' is a misspelling of {h.correct}"
        elif h.why.startswith("role:"):
            who = h.person.name if h.person.name == h.correct else f"{h.person.name} ({h.correct})"
            msg = f"'{{match}}': {h.why[5:]} is {who}"
        else:
            msg = f"'{{match}}' looks like a misspelling of {h.correct}"
        return self.finding(doc, h.start, h.end, message=msg, suggestions=(fix,), fix=fix,
                            severity=None if h.strong else Severity.WARNING)

    def _near(self, a: Analysis, i: int, j: int, vocab: frozenset[str]) -> _Hit | None:
        idx = a.index
        toks = a.tokens
        helper = a.helper
        # a title at the start of the run ("Chancellor Olaf Sholz") or right before it
        title: TitleEntry | None = None
        k = i
        all_keys = helper.keys
        run_keys = tuple(all_keys[i:j])  # sliced below: runs are looked up many ways
        # (A title's words are all title words: most runs start with none.)
        for n in range(min(idx.max_title, j - i - 1) if run_keys[0] in idx.title_words else 0, 0, -1):
            keys = run_keys[:n]
            if keys in idx.titles and all(helper.joined(x) for x in range(i, i + n)):
                title, k = idx.titles[keys], i + n
                break
        while k < j - 2 and all_keys[k] in _SKIP_LEADING:
            k += 1
        if title is None and k and all_keys[k - 1] in idx.title_last_words:  # (what _title_before asks first)
            tm = helper._title_before(k)
            title = tm.entry if tm else None
        if j - k == 1 and title is not None and self.options["roles"]:
            return self._role_surname(a, k, title)
        if j - k < 2:
            return None
        if title is None and not _may_be_near(idx, run_keys[k - i:]):
            return None  # no role to judge, and no word a near-miss of a known name starts or ends with
        for start in range(k, j - 1):
            if start > k and not (all_keys[start] in idx.by_first or all_keys[start] in _FIRST_OK):
                continue
            run_title = title if start == k else None
            for end in range(j, start + 1, -1):
                keys = run_keys[start - i:end - i]
                if keys in idx.correct_forms:
                    return None  # a known person: never a misspelling of another
                if vocab and (any(key in vocab for key in keys) or " ".join(keys) in vocab):
                    return None
                hit = None
                if self.options["roles"] and run_title is not None:
                    hit = self._role(a, start, end, run_title)
                if hit is None and self.options["near-misses"]:
                    hit = self._near_name(a, start, end, run_title)
                if hit is not None:
                    return hit
        return None

    def _role(self, a: Analysis, k: int, end: int, title: TitleEntry) -> _Hit | None:
        base, d = a.base, a.date
        toks = a.tokens
        keys = a.helper.keys[k:end]
        written = " ".join(keys)
        offices = list(title.long) or list(title.short)
        cands: list[tuple[int, Person, str]] = []
        last = keys[-1]
        for p, form, fk, target in self._role_forms(base, tuple(offices), d).get((end - k, keys[0][:1]), ()):
            if fk[-1][:1] != last[:1] and osa(fk[-1], last, 1) > 1:
                continue  # a slip on the surname's first letter is the one slip there
            limit = 2 if len(target) <= 12 else 3
            dist = osa(written, target, limit)
            if 0 < dist <= limit:
                cands.append((dist, p, form))
        if not cands:
            return None
        cands.sort(key=lambda c: c[0])
        if len({c[1].id for c in cands if c[0] == cands[0][0]}) > 1:
            return None
        dist, p, form = cands[0]
        office = next(base.offices[o] for o in offices if p in base.holders(o, d))
        from ..facts.model import fmt_date

        why = f"role:the {office.display} on {fmt_date(d)},"
        return _Hit(toks[k].start, toks[end - 1].end, p, p.name if _same_shape(form, p.name) else form, True, why, k, end)

    def _role_forms(self, base: "FactBase", offices: tuple[str, ...], d: "date"
                    ) -> "dict[tuple[int, str], list[tuple[Person, str, list[str], str]]]":
        """The name forms of the holders of ``offices`` on ``d``, as ``(person, form, word
        keys, keys joined)`` grouped by (number of words, first letter), in the order of the
        offices, holders and forms (remembered per fact base: a title such as "President"
        names hundreds of offices, and a draft meets it again and again)."""
        memo = self._role_memo
        if memo[0] is not base or len(memo[1]) > 4096:
            memo = self._role_memo = (base, {})
        got = memo[1].get((offices, d))
        if got is None:
            got = memo[1][(offices, d)] = {}
            for oid in offices:
                for p in base.holders(oid, d):
                    for form in p.forms:
                        fk = [norm(w.text) for w in tokens_of(form)]
                        if fk:
                            got.setdefault((len(fk), fk[0][:1]), []).append((p, form, fk, " ".join(fk)))
        return got

    def _role_surname(self, a: "Analysis", k: int, title: "TitleEntry") -> "_Hit | None":
        """"President Lukashenkoo", "Chancellor Herz": a bare surname after a title, one slip
        (the first letter included) from the surname of the office's holder at the date."""
        from ..facts.model import fmt_date

        base, d = a.base, a.date
        from ..facts.nearmiss import common_word

        tok = a.tokens[k]
        if tok.key in a.index.word_keys or len(tok.key) < 4 or common_word(tok.text.lower()):
            return None  # known, too short, or a word after a title in a headline ("President Says")
        found: dict[str, tuple[int, "Person", str]] = {}
        for oid in (*title.long, *title.short):
            for p in base.holders(oid, d):
                for sn in a.index.surnames.get(p.id, ()):
                    if len(sn) != 1 or len(sn[0]) < 4:
                        continue
                    dist = osa(tok.key, sn[0], 1)
                    if dist == 1:
                        right = next((w.text for f in p.forms for w in tokens_of(f) if w.key == sn[0]), sn[0])
                        found[p.id] = (dist, p, right)
        if len(found) != 1:
            return None
        _, p, right = next(iter(found.values()))
        office = next(base.offices[o] for o in (*title.long, *title.short) if p in base.holders(o, d))
        why = f"role:the {office.display} on {fmt_date(d)},"
        return _Hit(tok.start, tok.end, p, right, True, why, k, k + 1)

    def _near_name(self, a: "Analysis", k: int, end: int, title: "TitleEntry | None") -> "_Hit | None":
        from ..facts import nearmiss as nm
        from ..facts.analysis import first_name_near, near_names

        toks = a.tokens
        scored = []
        # The first name written right, the rest a slip away ("Olaf Sholz") ...
        for p, form, dist in near_names(a, k, end):
            anchor = nm.first_name_points(toks[k].key)
            extra = 1 if nm.exact_words(a, k, end, form) >= 2 else 0
            ev = self._evidence(a, p, k, end, title, anchor, extra)
            v = nm.verdict(ev, nm.slipped_real(a, k, end, form), bare=False)
            if v is not None:
                scored.append((ev.score, -dist, p, form, v))
        # ... or the surname written right, the first name a slip away ("Kier Starmer")
        for p, form, dist in first_name_near(a, k, end):
            anchor = nm.surname_points(toks[end - 1].key)
            extra = 1 if nm.exact_words(a, k, end, form) >= 2 else 0
            ev = self._evidence(a, p, k, end, title, anchor, extra)
            v = nm.verdict(ev, nm.slipped_real(a, k, end, form), bare=False)
            if v is not None:
                scored.append((ev.score, -dist - 1, p, form, v))
        top = _best(scored)
        if top is None:
            return None
        _, _, p, form, v = top
        return _Hit(toks[k].start, toks[end - 1].end, p, form, v == "strong", "near", k, end)

    def _evidence(self, a: Analysis, p: Person, k: int, end: int, title: TitleEntry | None,
                  anchor: int = 0, extra: int = 0) -> "Evidence":
        from ..facts import nearmiss as nm

        points = 0
        if title is not None:
            offs = set(title.long) | set(title.short)
            if any(t.office in offs for t in p.terms):
                points = 3 if any(p in a.base.holders(o, a.date) for o in offs) else 2
        return nm.Evidence(title=points, anchor=anchor, extra=extra,
                           named=nm.named_points(a, p, a.tokens[k].start),
                           context=nm.context_points(a, p, k, end))

    def _surnames(self, doc: Document, a: Analysis, hits: list[_Hit], vocab: frozenset[str]) -> Iterable[Finding]:
        toks = a.tokens
        variants: dict[str, tuple[str, _Hit]] = {}
        for h in hits:
            wrong = toks[h.tok_end - 1]
            right = tokens_of(h.correct)[-1]
            if wrong.key != right.key:
                variants[wrong.key] = (right.text, h)
        in_hits = set()
        for h in hits:
            in_hits.update(range(h.tok_start, h.tok_end))
        near_on = self.options["near-misses"]
        idx = a.index
        word_keys = idx.word_keys
        caps = a.helper.capitalised()
        keys = a.helper.keys
        # What the test below asks of a word's key alone, asked once per distinct key: a
        # draft repeats its capitalised words, and most are near no known surname.
        distinct = set(map(keys.__getitem__, caps))
        wanted = distinct.intersection(variants)
        if near_on:
            wanted |= _keys_may_be_bare(distinct, idx)
        for i in compress(caps, map(wanted.__contains__, map(keys.__getitem__, caps))):
            t = toks[i]
            key = t.key
            if key not in variants and not (near_on and _may_be_bare(t, idx, word_keys)):
                continue  # neither a known slip of this draft nor near any known surname: _bare finds nothing
            if i in a.covered or i in in_hits or key in vocab:
                continue
            if i + 1 < len(toks) and a.helper.joined(i) and toks[i + 1].text[:1].isupper():
                continue  # part of a longer capitalised name
            if (i > 0 and a.helper.joined(i - 1) and toks[i - 1].text[:1].isupper() and not a.helper.sentence_start(i)
                    and toks[i - 1].key not in _COURTESY):
                continue  # part of a longer capitalised name ("Jane Starner"), but "Mr. Starmar" is one name
            if t.key in variants:
                right, h = variants[t.key]
                yield self.finding(doc, t.start, t.end, message=f"'{{match}}' looks like a misspelling of {right} "
                                   f"({h.correct})", suggestions=(right,), fix=right,
                                   severity=None if h.strong else Severity.WARNING)
                continue
            if near_on:
                found = self._bare(a, i)
                if found is not None:
                    right, p, strong = found
                    yield self.finding(doc, t.start, t.end,
                                       message=f"'{{match}}' looks like a misspelling of {right} ({p.name})",
                                       suggestions=(right,), fix=right,
                                       severity=None if strong else Severity.WARNING)

    def _bare(self, a: Analysis, i: int) -> "tuple[str, Person, bool] | None":
        """A capitalised word on its own, a slip from a known person's surname ("Lukashneko",
        "Elensky"), with the evidence to say it is that person (see lint.facts.nearmiss)."""
        t = a.tokens[i]
        key = t.key
        idx = a.index
        if len(key) < 4 or not key.isalpha() or key in idx.word_keys or (t.text.isupper() and len(t.text) > 1):
            return None
        near = idx.near_surnames(key)
        if not near:
            return None
        from ..facts import nearmiss as nm

        if nm.plural_of_known(a, key):
            return None  # nobody near, or a family ("the Bidens"), never a slip on one name
        real = nm.real_form(a, i)
        need = nm.needed(real, bare=True)
        scored = []
        for sk, dist in near:
            for pid in idx.surname_index.get((sk,), ()):
                if key in idx.context.get(pid, ()):
                    continue  # their own country or title word ("Saudi" by "Al Saud"), not a slip
                p = a.base.people[pid]
                named = nm.named_points(a, p, t.start)
                if named + nm.MOST_CONTEXT < need:
                    continue  # not enough evidence whatever the context: spare reading it
                ev = nm.Evidence(named=named, context=nm.context_points(a, p, i, i + 1))
                v = nm.verdict(ev, real, bare=True)
                if v is not None:
                    scored.append((ev.score, -dist, p, sk, v))
        top = _best(scored)
        if top is None:
            return None
        _, _, p, sk, v = top
        right = next((w.text for f in p.forms for w in tokens_of(f) if w.key == sk), sk)
        return _keep_case(right, t.text), p, v == "strong"


def _may_be_bare(t: "Token", idx: "NameIndex", word_keys: "frozenset[str]") -> bool:
    """False only when :meth:`NameSpelling._bare` would find nothing for ``t`` whatever the
    context: too short, not letters only, a known name word, an acronym, or no known surname
    near it. Lets the loop over a draft's capitalised words skip most of them before asking
    how they are joined to their neighbours."""
    if t.text.isupper() and len(t.text) > 1:
        return False
    return _key_may_be_bare(t.key, idx, word_keys)


def _key_may_be_bare(key: str, idx: "NameIndex", word_keys: "frozenset[str]") -> bool:
    """The part of :func:`_may_be_bare` that depends on the key alone."""
    if len(key) < 4 or not key.isalpha() or key in word_keys:
        return False
    return bool(idx.near_surnames(key))


def _keys_may_be_bare(keys: set[str], idx: "NameIndex") -> set[str]:
    """Those of ``keys`` for which :func:`_key_may_be_bare` holds, remembered per index (a
    run meets the same capitalised words draft after draft): set operations in C for the
    keys met before, the test for the others."""
    memo = idx.__dict__.get("_bare_memo")
    if memo is None or len(memo[0]) + len(memo[1]) > 200_000:
        memo = idx.__dict__["_bare_memo"] = (set(), set())  # (may be, cannot be); bounded
    yes, no = memo
    new = keys - yes - no
    if new:
        word_keys = idx.word_keys
        for key in new:
            (yes if _key_may_be_bare(key, idx, word_keys) else no).add(key)
    return keys & yes


def _may_be_near(idx: "NameIndex", keys: tuple[str, ...]) -> bool:
    """False only when neither :func:`~lint.facts.analysis.near_names` nor
    :func:`~lint.facts.analysis.first_name_near` can find anybody in any part of the run
    ``keys`` that :meth:`NameSpelling._near` asks about: the first must start at a known
    first name (``by_first``), the second must end with the last word of a known name's
    rest (``by_rest``)."""
    return not idx.by_first.keys().isdisjoint(keys[:-1]) or not idx.rest_lasts.isdisjoint(keys[1:])


_FIRST_OK: frozenset[str] = frozenset()
# Courtesy titles before a bare surname ("Mr. Starmar", "Ms. Leavit"): one name, not two.
_COURTESY = frozenset("mr mrs ms mx dr sir dame lord lady prof".split())
_SKIP_LEADING = {"former", "ex", "then", "late", "sir", "dame", "lord", "lady", "mr", "mrs", "ms", "dr", "the"}


def _closest_form(p: Person, written: str) -> str:
    """The correct form a listed misspelling stands for (same number of words, fewest edits)."""
    wk = norm(written)
    n = len(tokens_of(written))
    best = None
    for f in p.forms:
        if len(tokens_of(f)) != n or (f != p.name and any(norm(w) in _TITLE_WORDS for w in f.split()[:1])):
            continue
        dist = osa(wk, norm(f), 10)
        if best is None or dist < best[0]:
            best = (dist, f)
    return best[1] if best else p.name


_TITLE_WORDS = {"pope", "king", "queen", "emperor", "sir", "lord", "prince"}


def _same_shape(a: str, b: str) -> bool:
    return len(a.split()) == len(b.split())


def _keep_case(correct: str, written: str) -> str:
    if written.isupper() and len(written) > 3:
        return correct.upper()
    return correct


def _best(scored: list[tuple]) -> tuple | None:
    """The best-scored ``(score, -distance, person, form, verdict)``; None when there is none,
    or when two people score equally (not guessed)."""
    if not scored:
        return None
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    top = scored[0]
    if any(s[2].id != top[2].id and (s[0], s[1]) == (top[0], top[1]) for s in scored[1:]):
        return None
    return top
