"""Reading and validating fact packs (format: docs/fact-packs.md).

Every problem is reported with the file and line it was found at. Validation runs
in two stages: each pack on its own (keys, types, dates, regexes), then all loaded
packs together (people and offices are resolved across packs: a term in one pack may
name a person defined in another; duplicate ids, overlapping terms of a single-holder
office, terms outside a person's life).
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any, Iterable


from .. import yamlfile
from .errors import FactPackError
from .model import FactBase, FactPack, FuzzyDate, Office, Person, Phrase, Term
from ..text.lazyre import lazy

_ID = lazy(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_QID = lazy(r"^Q\d+$")

PACK_KEYS = {"facts", "as_of", "description", "sources", "people", "offices", "terms", "phrases"}
PERSON_KEYS = {"id", "name", "aliases", "misspellings", "born", "died", "surname", "wikidata"}
OFFICE_KEYS = {"id", "titles", "short_titles", "single_holder", "country", "label", "wikidata"}
TERM_KEYS = {"office", "person", "start", "end", "elected", "acting"}
PHRASE_KEYS = {"id", "office", "window", "patterns", "person"}
WINDOWS = ("transition",)


# ---------------------------------------------------------------- YAML with lines
def _read_yaml(path: str) -> Any:
    try:
        return yamlfile.load(path)
    except yamlfile.YAMLError as exc:
        raise FactPackError([str(exc)]) from None


# ---------------------------------------------------------------- one pack
class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[str] = []
        self.warnings: list[str] = []

    def at(self, container: Any, key: Any = None) -> str:
        line = None
        if key is not None and hasattr(container, "line_of"):
            line = container.line_of(key)
        elif hasattr(container, "line"):
            line = container.line
        return f"{self.path}:{line}" if line else self.path

    def error(self, container: Any, key: Any, message: str) -> None:
        self.problems.append(f"{self.at(container, key)}: {message}")

    def warn(self, container: Any, key: Any, message: str) -> None:
        self.warnings.append(f"{self.at(container, key)}: {message}")

    # typed getters ----------------------------------------------------------
    def string(self, item: Any, key: str, required: bool = False, what: str = "") -> str | None:
        if key not in item or item[key] is None:
            if required:
                self.error(item, None, f"{what}missing '{key}'")
            return None
        v = item[key]
        if not isinstance(v, str) or not v.strip():
            self.error(item, key, f"{what}'{key}' must be a non-empty string")
            return None
        return v.strip()

    def strings(self, item: Any, key: str, what: str = "") -> tuple[str, ...]:
        v = item.get(key)
        if v is None:
            return ()
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list) or not all(isinstance(s, str) and s.strip() for s in v):
            self.error(item, key, f"{what}'{key}' must be a list of non-empty strings")
            return ()
        return tuple(s.strip() for s in v)

    def date(self, item: Any, key: str, required: bool = False, what: str = "") -> FuzzyDate | None:
        if key not in item or item[key] is None:
            if required:
                self.error(item, None, f"{what}missing '{key}'")
            return None
        try:
            return FuzzyDate.parse(item[key])
        except ValueError as exc:
            self.error(item, key, f"{what}'{key}': {exc}")
            return None

    def ident(self, item: Any, key: str, what: str) -> str | None:
        v = self.string(item, key, required=True, what=what)
        if v is not None and not _ID.match(v):
            self.error(item, key, f"{what}'{key}' must be kebab-case (like 'donald-trump'), got '{v}'")
            return None
        return v

    def unknown_keys(self, item: Any, allowed: set[str], what: str) -> None:
        for key in item:
            if key not in allowed:
                self.error(item, key, f"{what}unknown key '{key}' (known: {', '.join(sorted(allowed))})")


def read_pack(path: str | Path) -> tuple[FactPack | None, list[str], list[str]]:
    """Parse and check one pack on its own. Returns ``(pack or None, problems, warnings)``."""
    p = str(path)
    try:
        data = _read_yaml(p)
    except FactPackError as exc:
        return None, exc.problems, []
    r = _Reader(p)
    if not isinstance(data, dict):
        return None, [f"{p}:1: a fact pack must be a mapping with 'facts', 'as_of' and 'people'/'offices'/'terms'"], []
    r.unknown_keys(data, PACK_KEYS, "")
    name = r.string(data, "facts", required=True)
    if name is not None and not _ID.match(name):
        r.error(data, "facts", f"'facts' must be a kebab-case pack name, got '{name}'")
    as_of_f = r.date(data, "as_of", required=True)
    if as_of_f is not None and not as_of_f.exact:
        r.error(data, "as_of", "'as_of' must be a full date (YYYY-MM-DD)")
    as_of = as_of_f.lo if as_of_f is not None else None
    description = data.get("description") or ""
    if not isinstance(description, str):
        r.error(data, "description", "'description' must be a string")
        description = ""
    sources = data.get("sources") or {}
    if not isinstance(sources, dict) or not all(isinstance(v, str) for v in sources.values()):
        r.error(data, "sources", "'sources' must map office ids to notes (strings)")
        sources = {}
    pack = FactPack(name=name or Path(p).stem, path=p, as_of=as_of or _dt.date.min,
                    description=description, sources=dict(sources))

    def items(key: str) -> list:
        v = data.get(key)
        if v is None:
            return []
        if not isinstance(v, list):
            r.error(data, key, f"'{key}' must be a list")
            return []
        out = []
        for i, item in enumerate(v):
            if not isinstance(item, dict):
                line = v.line_of(i) if hasattr(v, "line_of") else None
                r.problems.append(f"{p}:{line}: each entry of '{key}' must be a mapping")
                continue
            out.append(item)
        return out

    for item in items("people"):
        pid = r.ident(item, "id", "person: ")
        what = f"person '{pid}': " if pid else "person: "
        r.unknown_keys(item, PERSON_KEYS, what)
        pname = r.string(item, "name", required=True, what=what)
        surname = r.strings(item, "surname", what)
        wd = r.string(item, "wikidata", what=what)
        if wd is not None and not _QID.match(wd):
            r.error(item, "wikidata", f"{what}'wikidata' must be a Q-id like Q22686")
        person = Person(
            id=pid or "", name=pname or "", aliases=r.strings(item, "aliases", what),
            misspellings=r.strings(item, "misspellings", what),
            born=r.date(item, "born", what=what), died=r.date(item, "died", what=what),
            surnames=surname, wikidata=wd, pack=pack.name, source=r.at(item),
        )
        if person.born and person.died and person.died.hi < person.born.lo:
            r.error(item, "died", f"{what}died before being born")
        for form in person.misspellings:
            if form in person.forms:
                r.error(item, "misspellings", f"{what}'{form}' is listed both as a correct form and as a misspelling")
        if pid and pname:
            pack.people.append(person)

    for item in items("offices"):
        oid = r.ident(item, "id", "office: ")
        what = f"office '{oid}': " if oid else "office: "
        r.unknown_keys(item, OFFICE_KEYS, what)
        titles = r.strings(item, "titles", what)
        if not titles and "titles" not in item:
            r.error(item, None, f"{what}missing 'titles' (the titles journalists write, e.g. [U.S. President])")
        single = item.get("single_holder", True)
        if not isinstance(single, bool):
            r.error(item, "single_holder", f"{what}'single_holder' must be true or false")
            single = True
        country = item.get("country")
        if country is not None and not isinstance(country, str):
            r.error(item, "country", f"{what}'country' must be a string")
            country = None
        wd = r.string(item, "wikidata", what=what)
        office = Office(id=oid or "", titles=titles, short_titles=r.strings(item, "short_titles", what),
                        single_holder=single, country=country, label=r.string(item, "label", what=what),
                        wikidata=wd, pack=pack.name, source=r.at(item))
        if oid:
            pack.offices.append(office)

    for item in items("terms"):
        what = f"term of '{item.get('person')}' as '{item.get('office')}': "
        r.unknown_keys(item, TERM_KEYS, what)
        office = r.ident(item, "office", what)
        person = r.ident(item, "person", what)
        start = r.date(item, "start", required=True, what=what)
        end_unknown = item.get("end") == "unknown"
        end = None if end_unknown else r.date(item, "end", what=what)
        elected = r.date(item, "elected", what=what)
        acting = item.get("acting", False)
        if not isinstance(acting, bool):
            r.error(item, "acting", f"{what}'acting' must be true or false")
            acting = False
        if start and end and end.hi <= start.lo:
            r.error(item, "end", f"{what}'end' ({end}) is not after 'start' ({start}); 'end' is exclusive")
        if start and elected and elected.lo > start.hi:
            r.error(item, "elected", f"{what}'elected' ({elected}) is after 'start' ({start})")
        if as_of and start and start.lo > as_of:
            r.error(item, "start", f"{what}'start' ({start}) is after the pack's as_of ({as_of})")
        if office and person and start:
            pack.terms.append(Term(office=office, person=person, start=start, end=end, end_unknown=end_unknown,
                                   elected=elected, acting=acting, pack=pack.name, source=r.at(item),
                                   as_of=as_of))

    from ..rule import ParamError, checked

    for item in items("phrases"):
        fid = r.ident(item, "id", "phrase: ")
        what = f"phrase '{fid}': " if fid else "phrase: "
        r.unknown_keys(item, PHRASE_KEYS, what)
        office = r.ident(item, "office", what)
        window = r.string(item, "window", required=True, what=what)
        if window is not None and window not in WINDOWS:
            r.error(item, "window", f"{what}'window' must be one of: {', '.join(WINDOWS)}")
        patterns = []
        for pat in r.strings(item, "patterns", what):
            try:
                patterns.append(checked(pat))  # validated now, compiled when a draft needs it
            except ParamError as exc:
                r.error(item, "patterns", f"{what}{exc}")
        if not patterns and "patterns" not in item:
            r.error(item, None, f"{what}missing 'patterns'")
        person = item.get("person")
        if person is not None and (not isinstance(person, str) or not _ID.match(person)):
            r.error(item, "person", f"{what}'person' must be a person id")
            person = None
        if fid and office and window in WINDOWS and patterns:
            pack.phrases.append(Phrase(fid, office, window, tuple(patterns), person, pack.name, r.at(item)))

    office_ids = {o.id for o in pack.offices}
    for key in pack.sources:
        if key not in office_ids:
            r.warn(sources, key, f"source note for '{key}', which is not an office of this pack")
    for o in pack.offices:
        if o.id not in pack.sources:
            r.warn(None, None, f"office '{o.id}' ({o.source}) has no source note under 'sources'")
    return pack, r.problems, r.warnings


# ---------------------------------------------------------------- all packs together
def cross_check(packs: list[FactPack]) -> tuple[list[str], list[str]]:
    """Checks that need every pack: ids, references, overlaps, life dates, titles."""
    problems: list[str] = []
    warnings: list[str] = []
    people: dict[str, Person] = {}
    offices: dict[str, Office] = {}
    for pack in packs:
        for p in pack.people:
            if p.id in people:
                problems.append(f"{p.source}: person id '{p.id}' is already defined at {people[p.id].source}")
            else:
                people[p.id] = p
        for o in pack.offices:
            if o.id in offices:
                problems.append(f"{o.source}: office id '{o.id}' is already defined at {offices[o.id].source}")
            else:
                offices[o.id] = o
    by_office: dict[str, list[Term]] = {}
    for pack in packs:
        for t in pack.terms:
            ok = True
            if t.person not in people:
                problems.append(f"{t.source}: term names unknown person '{t.person}'")
                ok = False
            if t.office not in offices:
                problems.append(f"{t.source}: term names unknown office '{t.office}'")
                ok = False
            if not ok:
                continue
            person = people[t.person]
            if person.born and t.start.hi < person.born.lo:
                problems.append(f"{t.source}: term of '{t.person}' starts ({t.start}) before they were born ({person.born})")
            if person.died:
                if t.start.lo > person.died.hi:
                    problems.append(f"{t.source}: term of '{t.person}' starts ({t.start}) after they died ({person.died})")
                elif t.open:
                    problems.append(f"{t.source}: term of '{t.person}' as '{t.office}' has no end, but they died on {person.died}")
                elif t.end is not None and t.end.lo > person.died.hi + _dt.timedelta(days=1):
                    problems.append(f"{t.source}: term of '{t.person}' ends ({t.end}) after they died ({person.died})")
            by_office.setdefault(t.office, []).append(t)
        for ph in pack.phrases:
            if ph.office not in offices:
                problems.append(f"{ph.source}: phrase '{ph.id}' names unknown office '{ph.office}'")
            if ph.person is not None and ph.person not in people:
                problems.append(f"{ph.source}: phrase '{ph.id}' names unknown person '{ph.person}'")
    for oid, terms in by_office.items():
        office = offices[oid]
        if not office.single_holder:
            continue
        terms = sorted(terms, key=lambda t: (t.start.lo, t.end_lo))
        for a, b in zip(terms, terms[1:]):
            # a definite overlap: b starts before a has certainly ended
            if b.start.hi < a.end_lo:
                end = str(a.end) if a.end else ("unknown" if a.end_unknown else "open")
                problems.append(
                    f"{b.source}: term of '{b.person}' as '{oid}' (from {b.start}) overlaps the term of "
                    f"'{a.person}' ({a.start} to {end}, {a.source}); '{oid}' has a single holder"
                )
        open_terms = [t for t in terms if t.open]
        if len(open_terms) > 1:
            problems.append(f"{open_terms[-1].source}: '{oid}' has {len(open_terms)} open-ended terms "
                            f"({', '.join(t.person for t in open_terms)}); a single-holder office has at most one")
    # Titles: a full title naming two offices makes the rules guess.
    title_owner: dict[str, Office] = {}
    from .text import norm_phrase

    for o in offices.values():
        for title in o.titles:
            key = norm_phrase(title)
            other = title_owner.get(key)
            if other is not None and other.id != o.id:
                problems.append(f"{o.source}: title '{title}' of '{o.id}' is also a title of '{other.id}' ({other.source}); "
                                "use it as a short title or qualify it")
            else:
                title_owner[key] = o
    # A misspelling that is somebody's correct name: known people win.
    correct: dict[str, Person] = {}
    for p in people.values():
        for f in p.forms:
            correct.setdefault(norm_phrase(f), p)
    for p in people.values():
        for m in p.misspellings:
            other = correct.get(norm_phrase(m))
            if other is not None and other.id != p.id:
                problems.append(f"{p.source}: misspelling '{m}' of '{p.id}' is the name of '{other.id}' ({other.source})")
    for p in people.values():
        if not any(t.person == p.id for pack in packs for t in pack.terms):
            warnings.append(f"{p.source}: person '{p.id}' has no terms (names are still checked)")
    return problems, warnings


def check_all(paths: Iterable[str | Path]) -> tuple[FactBase | None, list[str], list[str]]:
    """``(base or None, problems, warnings)`` for a set of packs, without raising."""
    packs: list[FactPack] = []
    problems: list[str] = []
    warnings: list[str] = []
    seen_names: dict[str, str] = {}
    for path in paths:
        pack, probs, warns = read_pack(path)
        problems.extend(probs)
        warnings.extend(warns)
        if pack is None:
            continue
        if pack.name in seen_names:
            problems.append(f"{pack.path}: fact pack name '{pack.name}' is also used by {seen_names[pack.name]}")
            continue
        seen_names[pack.name] = pack.path
        packs.append(pack)
    probs, warns = cross_check(packs)
    problems.extend(probs)
    warnings.extend(warns)
    if problems:
        return None, problems, warnings
    return FactBase(packs), problems, warnings


def load(paths: Iterable[str | Path]) -> tuple[FactBase, list[str]]:
    """Load, validate and cross-reference packs; raise :class:`FactPackError` listing every problem."""
    base, problems, warnings = check_all(paths)
    if base is None:
        raise FactPackError(problems)
    return base, warnings


def validate(paths: Iterable[str | Path]) -> tuple[list[str], list[str]]:
    """``(problems, warnings)`` for a set of packs, without raising."""
    _, problems, warnings = check_all(paths)
    return problems, warnings
