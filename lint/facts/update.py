"""Refreshing fact packs from Wikidata's query service: ``newslint facts update``.

This is the only code in newslint that touches the network, and it runs only when a user
asks for it. It sends three SPARQL queries (heads of state and government of every
sovereign state; the foreign ministers of the G20 countries; the heads of the main
international bodies), joins their answers and writes one fact pack through the same
converter as ``newslint facts import`` (:func:`lint.facts.wikidata.convert`), with its checks
and warnings. The pack is validated before it replaces an older one.

Wikidata does not know how journalists write titles ("U.S. President"); the pack gets the
position's label as its title and, where the label reads "<short title> of <place>", the
short title ("President") with the country, which is how the fact rules read a title right
before a name.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import re
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ENDPOINT = "https://query.wikidata.org/sparql"
PACK_NAME = "wikidata-world"
SINCE_YEAR = 2015

#: G20 members (the EU's foreign-policy chief is among the organisations' heads).
G20_COUNTRIES = {
    "Q414": "Argentina", "Q408": "Australia", "Q155": "Brazil", "Q16": "Canada", "Q148": "People's Republic of China",
    "Q142": "France", "Q183": "Germany", "Q668": "India", "Q252": "Indonesia", "Q38": "Italy", "Q17": "Japan",
    "Q96": "Mexico", "Q159": "Russia", "Q851": "Saudi Arabia", "Q258": "South Africa", "Q884": "South Korea",
    "Q43": "Turkey", "Q145": "United Kingdom", "Q30": "United States",
}

#: International bodies whose head ("office held by head of the organization", P2388) is
#: queried, with the English labels each Q-id may have: a label that differs means the Q-id
#: is wrong or the item changed, and that organisation is left out with a warning.
ORGANISATIONS = {
    "Q1065": ("United Nations",), "Q7817": ("World Health Organization",), "Q7809": ("UNESCO",),
    "Q82151": ("Food and Agriculture Organization", "Food and Agriculture Organization of the United Nations"),
    "Q54129": ("International Labour Organization",), "Q7184": ("NATO", "North Atlantic Treaty Organization"),
    "Q7804": ("International Monetary Fund",), "Q7164": ("World Bank", "World Bank Group"),
    "Q7825": ("World Trade Organization",), "Q47488": ("International Criminal Court",), "Q7159": ("African Union",),
    "Q7768": ("ASEAN", "Association of Southeast Asian Nations"),
    "Q7795": ("OPEC", "Organization of the Petroleum Exporting Countries"), "Q458": ("European Union",),
    "Q8880": ("European Commission",), "Q8901": ("European Central Bank",),
}

_FIELDS = """?position ?positionLabel ?countryLabel ?person ?personLabel ?start ?startPrecision ?end
       ?endPrecision ?endUnknown ?died ?nature ?rank ?statement"""

_STATEMENTS = """
  ?person p:P39 ?statement .
  ?statement ps:P39 ?position ; wikibase:rank ?rank .
  FILTER(?rank != wikibase:DeprecatedRank)
  OPTIONAL { ?statement pqv:P580 [ wikibase:timeValue ?start ; wikibase:timePrecision ?startPrecision ] }
  OPTIONAL { ?statement pqv:P582 [ wikibase:timeValue ?end ; wikibase:timePrecision ?endPrecision ] }
  OPTIONAL { ?statement pq:P582 ?endRaw }
  BIND(BOUND(?endRaw) && !BOUND(?end) AS ?endUnknown)
  FILTER(!BOUND(?end) || YEAR(?end) >= %(since)d)
  OPTIONAL { ?statement pq:P5102 ?nature }
  OPTIONAL { ?person wdt:P570 ?died }
  OPTIONAL { ?person skos:altLabel ?alias FILTER(LANG(?alias) = "en") }
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en,mul". }
"""

_QUERY = """SELECT %(fields)s
       (GROUP_CONCAT(DISTINCT ?alias; separator="|") AS ?aliases)
WHERE {
%(positions)s
%(statements)s
}
GROUP BY %(fields)s
"""

#: group name -> the part of the query that binds ?position (and ?country where there is one)
POSITIONS = {
    "heads": """  ?country wdt:P31 wd:Q3624078 .
  FILTER NOT EXISTS { ?country wdt:P576 [] }
  { ?country wdt:P1906 ?position } UNION { ?country wdt:P1313 ?position }""",
    "foreign-ministers": """  VALUES ?country { %(g20)s }
  { ?position wdt:P279 wd:Q7330070 } UNION { ?position wdt:P31 wd:Q7330070 }
  ?position wdt:P1001 ?country .""",
    "organisations": """  VALUES ?org { %(orgs)s }
  ?org wdt:P2388 ?position .
  ?org rdfs:label ?orgName . FILTER(LANG(?orgName) = "en")
  BIND(?orgName AS ?organisation)""",
}

#: the words a position label starts with that journalists write before a holder's name
SHORT_TITLES = ("Prime Minister", "President", "Chancellor", "Premier", "King", "Queen", "Emir", "Sultan",
                "Supreme Leader", "Grand Duke", "Prince", "Emperor", "Chief Executive", "Secretary-General",
                "Secretary General", "Director-General", "Director General", "Managing Director",
                "Foreign Minister", "Minister of Foreign Affairs", "Secretary of State", "Chairperson")


class UpdateError(Exception):
    """The query service could not be reached or answered something that is not a result."""


@dataclass
class Update:
    path: Path
    people: int
    offices: int
    terms: int
    warnings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def queries(since: int = SINCE_YEAR) -> dict[str, str]:
    """The SPARQL text of each group's query."""
    values = {"g20": " ".join(f"wd:{q}" for q in G20_COUNTRIES), "orgs": " ".join(f"wd:{q}" for q in ORGANISATIONS)}
    out = {}
    for group, positions in POSITIONS.items():
        fields = _FIELDS + (" ?org ?organisation" if group == "organisations" else "")
        out[group] = _QUERY % {"fields": fields, "positions": positions % values,
                               "statements": _STATEMENTS % {"since": since}}
    return out


def fetch(query: str, endpoint: str = ENDPOINT, timeout: float = 120.0) -> dict:
    """POST one query; the parsed SPARQL JSON results."""
    from .. import __version__

    body = urllib.parse.urlencode({"query": query}).encode()
    req = urllib.request.Request(endpoint, data=body, method="POST", headers={
        "Accept": "application/sparql-results+json",
        "Content-Type": "application/x-www-form-urlencoded",
        # the query service asks every client to say who it is
        "User-Agent": f"newslint/{__version__} (fact pack update; python-urllib)",
    })
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw = resp.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read(300).decode("utf-8", "replace").strip().splitlines()
        raise UpdateError(f"{endpoint} answered HTTP {exc.code} {exc.reason}"
                          + (f": {detail[0]}" if detail else "")) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise UpdateError(f"cannot reach {endpoint}: {reason}") from None
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise UpdateError(f"{endpoint} did not answer with JSON (first bytes: {raw[:60]!r})") from None
    if not (isinstance(data, dict) and isinstance(data.get("results"), dict)
            and isinstance(data["results"].get("bindings"), list)):
        raise UpdateError(f"{endpoint} answered JSON that is not a SPARQL result")
    return data


def _short_titles(label: str) -> list[str]:
    for short in SHORT_TITLES:
        if re.match(rf"{re.escape(short)}\b(?: of\b|$)", label, re.I):
            return [short]
    return []


def update(out_dir: Path, *, endpoint: str = ENDPOINT, as_of: _dt.date | None = None, timeout: float = 120.0,
           since: int = SINCE_YEAR, progress: Callable[[str], None] = lambda _m: None) -> Update:
    """Query, convert and write ``out_dir/wikidata-world.yaml``; validated before it replaces
    an older pack (a pack with problems is written beside it as ``.rejected.yaml``)."""
    from . import wikidata
    from .loader import cross_check, read_pack

    as_of = as_of or _dt.date.today()
    rows: list[dict] = []
    warnings: list[str] = []
    for group, query in queries(since).items():
        progress(f"querying {group}")
        data = fetch(query, endpoint, timeout)
        got = data["results"]["bindings"]
        if group == "organisations":
            kept = []
            for row in got:
                org = wikidata.qid(wikidata._value(row.get("org")))
                name = wikidata._value(row.get("organisation")) or ""
                expected = ORGANISATIONS.get(org or "", ())
                if expected and name.casefold() not in {e.casefold() for e in expected}:
                    warnings.append(f"organisation {org} is labelled {name!r}, not {expected[0]!r}; left out")
                    continue
                row = dict(row)
                row.pop("countryLabel", None)  # an organisation is not a country
                kept.append(row)
            got = kept
        progress(f"{group}: {len(got)} rows")
        rows.extend(got)
    titles: dict[str, list[str]] = {}
    shorts: dict[str, list[str]] = {}
    for row in rows:
        q = wikidata.qid(wikidata._value(row.get("position")))
        label = (wikidata._value(row.get("positionLabel")) or "").strip()
        if q and label and q not in shorts:
            shorts[q] = _short_titles(label)
    result = wikidata.convert({"head": {"vars": []}, "results": {"bindings": rows}}, name=PACK_NAME, as_of=as_of,
                              titles=titles, short_titles=shorts, source=f"newslint facts update from {endpoint}")
    warnings.extend(result.warnings)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{PACK_NAME}.yaml"
    fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=".newslint-", suffix=".yaml")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(result.yaml)
    pack, problems, _warn = read_pack(Path(tmp))
    if pack is not None:
        more, _ = cross_check([pack])
        problems = [*problems, *more]
    problems = [str(p).replace(tmp, str(target)) for p in problems]
    if problems:
        rejected = out_dir / f"{PACK_NAME}.rejected.yaml"
        os.replace(tmp, rejected)
        return Update(rejected, result.people, result.offices, result.terms, warnings, problems)
    os.replace(tmp, target)
    return Update(target, result.people, result.offices, result.terms, warnings, [])
