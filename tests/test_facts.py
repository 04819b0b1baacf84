"""The fact base: loading, validation with file:line, date queries, the name index and its API."""
import datetime as dt
import textwrap
from pathlib import Path

import pytest

from lint import facts
from lint.config import Settings
from lint.facts import loader
from lint.facts.model import FuzzyDate, fmt_date

DATA = Path(__file__).parent / "facts_data"
MINI = (str(DATA / "ruritania.yaml"), str(DATA / "ruritania-ministers.yaml"))
D = dt.date


@pytest.fixture(scope="module")
def base():
    return facts.load_base(MINI)


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(p)


# ------------------------------------------------------------------ queries
def test_holder_on_a_date(base):
    assert [p.id for p in base.holders("ruritania-president", D(2019, 12, 31))] == ["anna-berg"]
    assert [p.id for p in base.holders("ruritania-president", D(2020, 1, 1))] == ["carl-dahl"]  # end is exclusive
    assert [p.id for p in base.holders("ruritania-president", D(2025, 6, 1))] == ["anna-berg"]
    assert base.holders("ruritania-president", D(2014, 6, 1)) == []


def test_vacancy_and_terms_of_a_person(base):
    assert base.holders("patriarch", D(2025, 3, 20)) == []  # between death and election
    terms = base.terms_of("anna-berg")
    assert [(t.start.lo, t.end.lo if t.end else None) for t in terms] == [(D(2015, 1, 1), D(2020, 1, 1)), (D(2025, 1, 15), None)]
    assert [o.id for o in base.offices_of("erik-falkenrath")] == ["ruritania-chancellor", "patriarch"]


def test_people_resolve_across_packs(base):
    # ruritania-ministers.yaml names people defined in ruritania.yaml
    assert [p.id for p in base.holders("ruritania-foreign-minister", D(2020, 1, 1))] == ["ingrid-jansson"]
    assert base.holds("carl-dahl", "ruritania-foreign-minister", D(2025, 3, 1)) is True


def test_fuzzy_dates_cannot_decide_inside_their_range():
    f = FuzzyDate.parse("2019")
    assert (f.lo, f.hi, f.exact) == (D(2019, 1, 1), D(2019, 12, 31), False)
    assert FuzzyDate.parse("2019-02").hi == D(2019, 2, 28)
    assert FuzzyDate.parse(D(2020, 2, 29)).exact
    from lint.facts.model import Term

    t = Term("x", "y", start=FuzzyDate.parse("2019"), end=FuzzyDate.parse("2021-06-15"))
    assert t.holds(D(2018, 12, 31)) is False
    assert t.holds(D(2019, 6, 1)) is None  # the year is known, not the day
    assert t.holds(D(2020, 6, 1)) is True
    assert t.holds(D(2021, 6, 15)) is False
    unknown_end = Term("x", "y", start=FuzzyDate.parse("2019-01-01"), end_unknown=True, as_of=D(2025, 1, 1))
    assert unknown_end.holds(D(2019, 1, 1)) is True
    assert unknown_end.holds(D(2022, 1, 1)) is None  # ended, but when is unknown


def test_dead_on(base):
    erik = base.people["erik-falkenrath"]
    assert erik.dead_on(D(2025, 3, 9)) is False
    assert erik.dead_on(D(2025, 3, 11)) is True
    assert base.people["anna-berg"].dead_on(D(2030, 1, 1)) is False


def test_ap_style_dates_in_messages():
    assert fmt_date(D(2025, 1, 20)) == "Jan. 20, 2025"
    assert fmt_date(D(2025, 5, 8)) == "May 8, 2025"
    assert fmt_date(D(2024, 9, 1)) == "Sept. 1, 2024"
    assert fmt_date(FuzzyDate.parse("2019")) == "2019"


# ------------------------------------------------------------------ validation
def test_valid_packs_load_with_warnings_only():
    base, warnings = loader.load(MINI)
    assert "ruritania" in {p.name for p in base.packs}
    assert not any("error" in w for w in warnings)


def test_errors_name_file_and_line(tmp_path):
    path = write(tmp_path, "bad.yaml", """\
        facts: bad-pack
        as_of: 2025-01-01
        people:
          - id: a-person
            name: A Person
          - id: b-person
            name: B Person
            nickname: Bee
        offices:
          - id: an-office
            titles: [Office Holder]
        terms:
          - {office: an-office, person: a-person, start: 2020-01-01, end: 2019-01-01}
          - {office: an-office, person: nobody, start: 2021-01-01}
          - {office: an-office, person: b-person, start: 2022-01-01}
          - {office: an-office, person: a-person, start: 2022-06-01}
        """)
    problems, _ = loader.validate([path])
    text = "\n".join(problems)
    assert f"{path}:8: person 'b-person': unknown key 'nickname'" in text
    assert f"{path}:13: " in text and "'end' (2019-01-01) is not after 'start' (2020-01-01)" in text
    assert f"{path}:14: term names unknown person 'nobody'" in text
    assert f"{path}:16: " in text and "overlaps the term of 'b-person'" in text
    assert "open-ended terms" in text


def test_yaml_syntax_error_has_a_line(tmp_path):
    path = write(tmp_path, "broken.yaml", "facts: x\nas_of: 2025-01-01\npeople: [\n  - id: a\n")
    problems, _ = loader.validate([path])
    assert problems and problems[0].startswith(f"{path}:")


def test_missing_as_of_and_bad_dates(tmp_path):
    path = write(tmp_path, "nodate.yaml", """\
        facts: no-date
        people:
          - {id: a-person, name: A Person, born: 1950-13-01}
        """)
    problems, _ = loader.validate([path])
    assert any("missing 'as_of'" in p for p in problems)
    assert any(p.startswith(f"{path}:3:") and "'born'" in p for p in problems)


def test_cross_pack_duplicates_and_references(tmp_path):
    a = write(tmp_path, "a.yaml", """\
        facts: pack-a
        as_of: 2025-01-01
        people:
          - {id: same-person, name: Same Person}
        """)
    b = write(tmp_path, "b.yaml", """\
        facts: pack-b
        as_of: 2025-01-01
        people:
          - {id: same-person, name: Same Person}
        terms:
          - {office: missing-office, person: same-person, start: 2020-01-01}
        """)
    problems, _ = loader.validate([a, b])
    assert any(p.startswith(f"{b}:4:") and "already defined at" in p and a in p for p in problems)
    assert any("unknown office 'missing-office'" in p for p in problems)


def test_terms_outside_a_life_and_open_after_death(tmp_path):
    path = write(tmp_path, "life.yaml", """\
        facts: life
        as_of: 2025-01-01
        people:
          - {id: old-person, name: Old Person, born: 1950-01-01, died: 2020-01-01}
        offices:
          - {id: post, titles: [Post Holder]}
        terms:
          - {office: post, person: old-person, start: 1940-01-01, end: 1945-01-01}
          - {office: post, person: old-person, start: 2010-01-01}
        """)
    problems, _ = loader.validate([path])
    assert any(":8:" in p and "before they were born" in p for p in problems)
    assert any(":9:" in p and "has no end, but they died" in p for p in problems)


def test_bad_phrase_regex_and_ambiguous_titles(tmp_path):
    path = write(tmp_path, "phr.yaml", """\
        facts: phr
        as_of: 2025-01-01
        offices:
          - {id: one, titles: [Grand Vizier]}
          - {id: two, titles: [Grand Vizier]}
        phrases:
          - {id: p, office: one, window: transition, patterns: ['(unclosed']}
          - {id: q, office: one, window: sometimes, patterns: ['x']}
        """)
    problems, _ = loader.validate([path])
    assert any(":7:" in p and "bad regular expression" in p for p in problems)
    assert any(":8:" in p and "'window' must be one of" in p for p in problems)
    assert any("title 'Grand Vizier' of 'two' is also a title of 'one'" in p for p in problems)


def test_misspelling_that_is_a_known_name_is_an_error(tmp_path):
    path = write(tmp_path, "m.yaml", """\
        facts: m
        as_of: 2025-01-01
        people:
          - {id: olaf-x, name: Olaf Scholz, misspellings: [Martin Schulz]}
          - {id: martin-x, name: Martin Schulz}
        """)
    problems, _ = loader.validate([path])
    assert any("misspelling 'Martin Schulz' of 'olaf-x' is the name of 'martin-x'" in p for p in problems)


def test_fact_base_error_is_raised_with_every_problem(tmp_path):
    path = write(tmp_path, "e.yaml", "facts: Bad Name\nas_of: soon\n")
    with pytest.raises(facts.FactPackError) as info:
        facts.load_base([path])
    assert len(info.value.problems) == 2
    assert "more problem" in str(info.value)


def test_shipped_packs_are_valid():
    problems, _ = loader.validate(facts.shipped_fact_packs())
    assert problems == [], "\n".join(problems)


def test_sources_note_per_office_is_a_warning(tmp_path):
    path = write(tmp_path, "s.yaml", """\
        facts: s
        as_of: 2025-01-01
        offices:
          - {id: post, titles: [Post Holder]}
        """)
    problems, warnings = loader.validate([path])
    assert problems == []
    assert any("has no source note" in w for w in warnings)


# ------------------------------------------------------------------ paths and caching
def test_fact_pack_paths_from_settings():
    s = Settings(registered_fact_packs=(), fact_packs=MINI)
    assert facts.fact_pack_paths(s) == tuple(str(Path(p).resolve()) for p in MINI)
    shipped = facts.fact_pack_paths(Settings())
    assert shipped and all("/rules/facts/" in p for p in shipped)


def test_base_is_cached_per_process():
    s = Settings(registered_fact_packs=(), fact_packs=MINI)
    assert facts.fact_base(s) is facts.fact_base(s)


def test_disk_cache_round_trip(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    facts._CACHE.clear()
    first = facts.load_base(MINI)
    assert list((tmp_path / "cache").glob("facts-*.pickle"))
    facts._CACHE.clear()
    second = facts.load_base(MINI)
    assert second is not first and set(second.people) == set(first.people)
    assert second.index.first  # the index came with it


def test_changed_pack_is_reloaded(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
    path = write(tmp_path, "c.yaml", "facts: c\nas_of: 2025-01-01\npeople:\n  - {id: a-b, name: Ann Bee}\n")
    assert "a-b" in facts.load_base([path]).people
    Path(path).write_text("facts: c\nas_of: 2025-01-01\npeople:\n  - {id: c-d, name: Cid Dee, aliases: [C. Dee]}\n")
    assert "c-d" in facts.load_base([path]).people


# ------------------------------------------------------------------ gazetteer
def test_known_name_words_and_near_miss():
    s = Settings(registered_fact_packs=(), fact_packs=MINI)
    words = facts.known_name_words(s)
    assert {"Holmqvist", "Holmkvist", "Falkenrath", "Dahl"} <= words
    assert "Dhal" not in words  # a listed misspelling is not a known word
    assert facts.name_near_miss("Falkenrat", s) == "Falkenrath"
    assert facts.name_near_miss("Holmqvist", s) is None  # known
    assert facts.name_near_miss("falkenrat", s) is None  # only capitalised words
    assert facts.name_near_miss("Table", s) is None


def test_gazetteer_of_shipped_packs():
    words = facts.known_name_words()
    assert {"Lukashenko", "Leavitt", "Tsikhanouskaya"} <= words
    assert facts.name_near_miss("Lukashenkov") == "Lukashenko"
    assert facts.name_near_miss("Leavit") == "Leavitt"


def test_index_splits_titles_out_of_aliases(base):
    entries = base.index.first["patriarch"]
    e = next(x for x in entries if x.person == "pius-xx")
    assert e.title_len == 1 and e.form == "Pius XX"
