"""``newslint facts import``: Wikidata Query Service exports (both shapes) to fact packs, with warnings."""
import datetime as dt
import json
from pathlib import Path

import pytest

from lint.facts import loader, wikidata

DATA = Path(__file__).parent / "facts_data"
SPARQL = DATA / "wikidata-sparql.json"
SIMPLE = DATA / "wikidata-simple.json"
AS_OF = dt.date(2025, 11, 1)


def convert(path=SPARQL, **kw):
    kw.setdefault("name", "imported")
    kw.setdefault("as_of", AS_OF)
    return wikidata.convert(json.loads(path.read_text()), **kw)


def load(result, tmp_path):
    p = tmp_path / "pack.yaml"
    p.write_text(result.yaml, encoding="utf-8")
    base, warnings = loader.load([str(p)])
    return base


def test_both_shapes_give_the_same_pack():
    a = convert(SPARQL)
    b = convert(SIMPLE)
    assert a.yaml == b.yaml
    assert a.warnings == b.warnings


def test_the_pack_loads_and_answers(tmp_path):
    base = load(convert(titles={"Q11696": ["U.S. President"]}, short_titles={"Q11696": ["President"]}), tmp_path)
    assert [p.name for p in base.holders("president-of-the-united-states", dt.date(2025, 11, 1))] == ["Donald Trump"]
    assert [p.name for p in base.holders("president-of-the-united-states", dt.date(2022, 1, 1))] == ["Joe Biden"]
    office = base.offices["president-of-the-united-states"]
    assert office.titles == ("U.S. President",) and office.short_titles == ("President",) and office.wikidata == "Q11696"
    trump = base.people["donald-trump"]
    assert trump.aliases == ("Donald J. Trump", "Donald John Trump") and trump.wikidata == "Q22686"


def test_dedupe_by_statement_and_skip_deprecated(tmp_path):
    r = convert()
    assert "1 duplicate row(s) merged (one row per statement)" in r.warnings
    assert "1 deprecated statement(s) skipped" in r.warnings
    base = load(r, tmp_path)
    assert len(base.terms_of("joe-biden")) == 1  # the deprecated 2020 start is gone
    assert len(base.terms_of("donald-trump")) == 2


def test_precision_coarser_than_a_day_is_flagged_and_kept_fuzzy(tmp_path):
    r = convert()
    assert any("Leo XIV" in w and "known only to the year" in w for w in r.warnings)
    base = load(r, tmp_path)
    [term] = base.terms_of("leo-xiv")
    assert str(term.start) == "2025"
    assert term.holds(dt.date(2025, 6, 1)) is None  # the day cannot be decided
    assert term.holds(dt.date(2024, 6, 1)) is False


def test_open_ended_ancient_terms_are_skipped():
    r = convert()
    assert any("Leo IV" in w and "open-ended term that started in 0847" in w for w in r.warnings)
    assert "person: leo-iv" not in r.yaml


def test_missing_start_end_unknown_and_death():
    r = convert()
    assert any("Angela Merkel" in w and "no start date; term skipped" in w for w in r.warnings)
    assert any("Olaf Scholz" in w and "'unknown value'" in w for w in r.warnings)
    assert "person: olaf-scholz, start: 2021-12-08, end: unknown" in r.yaml
    assert any("Elizabeth Example" in w and "the term ends at the death" in w for w in r.warnings)
    assert "person: elizabeth-example, start: 1990-01-01, end: 2000-05-05" in r.yaml


def test_end_unknown_is_not_in_office(tmp_path):
    base = load(convert(), tmp_path)
    assert base.holds("olaf-scholz", "federal-chancellor-of-germany", dt.date(2023, 6, 1)) is None
    assert base.holds("olaf-scholz", "federal-chancellor-of-germany", dt.date(2025, 11, 1)) is False  # by as_of
    assert base.holds("olaf-scholz", "federal-chancellor-of-germany", dt.date(2021, 12, 8)) is True


def test_overlaps_are_reported_and_the_office_marked(tmp_path):
    r = convert()
    assert any("overlaps" in w and "Overlap Person" in w for w in r.warnings)
    assert "# overlapping terms in the export" in r.yaml
    base = load(r, tmp_path)
    assert base.offices["prime-minister-of-the-united-kingdom"].single_holder is False
    # declared multi-holder: no warning
    r2 = convert(multi_holder=["Q14211"])
    assert not any("overlaps" in w for w in r2.warnings)


def test_acting_holders():
    assert "person: acting-holder, start: 2020-01-01, end: 2020-02-01, acting: true" in convert().yaml
    r = convert(skip_acting=True)
    assert "acting-holder, start" not in r.yaml and any("acting holder skipped" in w for w in r.warnings)


def test_labels_missing_or_odd():
    r = convert()
    assert any("no English label; using alias 'Label Less'" in w for w in r.warnings)
    rows = json.loads(SIMPLE.read_text())[:1]
    rows[0]["personLabel"] = "donald trump 2"
    r = wikidata.convert(rows, name="x", as_of=AS_OF)
    assert any("looks odd" in w for w in r.warnings)


def test_not_an_export():
    with pytest.raises(wikidata.ImportError_):
        wikidata.convert({"something": 1}, name="x", as_of=AS_OF)


def test_yaml_quoting_survives_odd_names(tmp_path):
    rows = [{"position": "http://www.wikidata.org/entity/Q1", "positionLabel": "Mayor: of [Town], #1",
             "person": "http://www.wikidata.org/entity/Q2", "personLabel": "Jean-Luc O'Neil, Jr.",
             "start": "2020-01-01T00:00:00Z", "startPrecision": "11", "aliases": "J. O'Neil|Yes|a, b"}]
    base = load(wikidata.convert(rows, name="odd", as_of=AS_OF), tmp_path)
    [p] = base.people.values()
    assert p.name == "Jean-Luc O'Neil, Jr." and p.aliases == ("J. O'Neil", "Yes", "a, b")
    assert base.offices[next(iter(base.offices))].titles == ("Mayor: of [Town], #1",)


# ------------------------------------------------------------------ the command line
def test_cli_import_writes_a_valid_pack(tmp_path, cli):
    out = tmp_path / "leaders.yaml"
    r = cli("facts", "import", str(SPARQL), "-o", str(out), "--as-of", "2025-11-01",
            "--title", "Q11696=U.S. President", "--short-title", "Q11696=President")
    assert r.returncode == 0, r.stderr
    assert "warning:" in r.stderr and "wrote" in r.stderr
    text = out.read_text()
    assert text.startswith("# Imported from a Wikidata") and "facts: leaders" in text
    chk = cli("facts", "check", str(out))
    assert chk.returncode == 0, chk.stdout + chk.stderr


def test_cli_import_strict_and_errors(tmp_path, cli):
    r = cli("facts", "import", str(SIMPLE), "--strict", "--as-of", "2025-11-01")
    assert r.returncode == 1 and "facts: wikidata-import" in r.stdout
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    r = cli("facts", "import", str(bad))
    assert r.returncode == 2 and "bad.json:1: not JSON" in r.stderr
    r = cli("facts", "import", str(SPARQL), "--title", "nonsense")
    assert r.returncode == 2 and "QID=TITLE" in r.stderr


def test_cli_check_who_person(tmp_path, cli):
    bad = tmp_path / "bad.yaml"
    bad.write_text("facts: bad\nas_of: 2025-01-01\nterms:\n  - {office: x, person: y, start: 2020-01-01}\n")
    r = cli("facts", "check", str(bad))
    assert r.returncode == 2 and f"{bad}:4: term names unknown person 'y'" in r.stdout
    r = cli("facts", "who", "NATO Secretary-General", "--date", "2025-11-22")
    assert r.returncode == 0 and "Mark Rutte (since Oct. 1, 2024)" in r.stdout
    r = cli("facts", "who", "us-president", "--date", "2024-12-01")
    assert "Joe Biden" in r.stdout
    r = cli("facts", "person", "Pope Francis")
    assert r.returncode == 0 and "died April 21, 2025" in r.stdout
