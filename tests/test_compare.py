"""newslint compare: what several drafts or wire versions of one story disagree on."""
import json

import pytest

AP = """\
# Belarus frees prisoners after US talks

VILNIUS, Lithuania (AP) — Belarus freed 31 prisoners on Saturday after talks with a U.S. envoy.

Opposition activist Aliaksandr Hrabouski, 45, was among those released. Hrabouski was arrested
on March 3, 2021, and sentenced to 10 years in prison.

"We will not stop until every prisoner is free," Maryna Dzemidovich said in Vilnius.
"""
REUTERS = """\
# Belarus releases 30 prisoners

VILNIUS (Reuters) - Belarus released 30 prisoners on Saturday following talks with a U.S. envoy.

Among them was activist Aliaksandr Hrabovski, 46, who was arrested on March 5, 2021, and sentenced
to 12 years in prison.

"We will not stop until every political prisoner is released," Maryna Dzemidovich said.
"""
AFP = """\
# Belarus frees 31 political prisoners

Belarus freed 31 prisoners on Saturday, the presidential press service said.

Activist Aliaksandr Hrabouski, 45, was among them. Hrabouski was arrested on March 3, 2021.

"We will not stop until every prisoner is free," Dzemidovich said.
"""
BLAST_1 = "A bomb exploded in the market on Monday. Officials said 23 people were killed.\n"
BLAST_2 = "A bomb tore through the market on Monday, leaving at least 25 dead, police said.\n"
BLAST_3 = "At least 25 people were killed on Monday when a bomb exploded in the market.\n"


@pytest.fixture
def wires(tmp_path):
    for name, text in {"ap.md": AP, "reuters.md": REUTERS, "afp.md": AFP, "b1.md": BLAST_1, "b2.md": BLAST_2,
                       "b3.md": BLAST_3}.items():
        (tmp_path / name).write_text(text)
    return tmp_path


def test_table_shows_every_kind_of_disagreement(cli, wires):
    proc = cli("compare", "ap.md", "reuters.md", "afp.md", "--width", "100", cwd=wires)
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout
    assert out.startswith("Comparing 3 drafts:\n  A  ap.md\n  B  reuters.md\n  C  afp.md\n")
    section = lambda title: out.split(title)[1].split("\n\n")[0]  # noqa: E731
    names = section("NAMES")
    assert "*Hrabovski" in names and "Hrabouski ×2" in names
    assert "31 prisoners" in section("COUNTS") and "*30 prisoners" in section("COUNTS")
    assert "45" in section("AGES") and "*46" in section("AGES")  # Hrabovski's age, under one spelling
    assert "10 years" in section("PRISON SENTENCES") and "12 years" in section("PRISON SENTENCES")
    dates = section("DATES OF EVENTS")
    assert "Hrabouski's arrest" in dates and "March 3, 2021" in dates and "*March 5, 2021" in dates
    quotes = section("QUOTES")
    assert "Dzemidovich" in quotes and "B vs A: + political; free → released" in quotes
    assert "C vs A" not in quotes  # C quotes the same words as A
    assert out.rstrip().endswith("6 disagreements across 3 drafts; * marks a value that differs from most drafts")


def test_counts_with_qualifiers(cli, wires):
    proc = cli("compare", "b1.md", "b2.md", "b3.md", cwd=wires)
    assert proc.returncode == 1
    line = next(l for l in proc.stdout.splitlines() if "people killed" in l)
    assert "*23 people" in line and "at least 25 dead" in line and "At least 25 people" in line


def test_agreeing_drafts_exit_0(cli, wires):
    proc = cli("compare", "b2.md", "b3.md", cwd=wires)
    assert proc.returncode == 0
    assert "No disagreements found" in proc.stdout


def test_json(cli, wires):
    proc = cli("compare", "ap.md", "reuters.md", "--format", "json", cwd=wires)
    data = json.loads(proc.stdout)
    assert data["version"] == 1
    assert data["drafts"] == [{"label": "A", "path": "ap.md"}, {"label": "B", "path": "reuters.md"}]
    kinds = [d["kind"] for d in data["disagreements"]]
    assert kinds == ["name", "count", "age", "prison-sentence", "date", "quote"]
    age = data["disagreements"][2]
    assert age["subject"] == "Hrabouski" and age["values"]["A"][0] == {"text": "45", "line": 5}
    assert data["summary"] == {"drafts": 2, "disagreements": 6}


def test_five_versions_mark_the_odd_one_out(cli, wires):
    for i, n in enumerate([31, 31, 30, 31, 31]):
        (wires / f"v{i}.md").write_text(f"Belarus freed {n} prisoners on Saturday, officials said.\n")
    proc = cli("compare", *[f"v{i}.md" for i in range(5)], "--width", "120", cwd=wires)
    line = next(l for l in proc.stdout.splitlines() if "prisoner freed" in l)
    assert line.count("*") == 1 and "*30 prisoners" in line


def test_usage_errors(cli, wires):
    assert cli("compare", "ap.md", cwd=wires).returncode == 2
    missing = cli("compare", "ap.md", "nope.md", cwd=wires)
    assert missing.returncode == 2 and "nope.md" in missing.stderr
