"""Configuration: discovery, validation with lines, select/ignore, severities, per-path, excludes."""
import datetime as dt

import pytest

from lint.config import ConfigError, config_for, find_config, glob_match, load_config
from lint.engine import Engine, is_selected
from lint.findings import Severity
from lint.plugins import build


def engine(**kw):
    return Engine(plugins=build(entry_points=False), date=dt.date(2025, 11, 22), **kw)


def test_discovery_walks_up_and_pyproject_works(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.newslint]\nfail-level = "error"\nignore = ["clutter.ad-marker"]\n')
    sub = tmp_path / "desk" / "world"
    sub.mkdir(parents=True)
    draft = sub / "a.md"
    draft.write_text("x\n")
    assert find_config(draft) == (tmp_path / "pyproject.toml").resolve()
    cfg = config_for(draft)
    assert cfg.fail_level == Severity.ERROR and cfg.ignore == ("clutter.ad-marker",)
    (sub / ".newslint.yaml").write_text("fail-level: info\n")
    load_config.cache_clear()
    assert config_for(draft).fail_level == Severity.INFO


@pytest.mark.parametrize(
    "text,expected",
    [
        ("fail-level: loud\n", r"\.newslint\.yaml:1: 'fail-level': unknown severity 'loud'"),
        ("packs: [clutter]\ncolour: red\n", r"\.newslint\.yaml:2: 'colour': unknown key"),
        ("date: yesterday\n", r"'date': expected a date"),
        ("severity: [a]\n", r"'severity': expected a mapping"),
        ("per-path:\n  - paths: ['x/**']\n    ignor: [a]\n", r"\.newslint\.yaml:3: 'ignor': unknown key in per-path"),
        ("language: fr\n", r"'language': expected one of"),
        ("ignore: [clutter\n", r"\.newslint\.yaml:2: "),
        ("vocabulary: words/missing.txt\n", r"vocabulary file .* not found"),
    ],
)
def test_config_errors_name_file_and_line(tmp_path, text, expected):
    p = tmp_path / ".newslint.yaml"
    p.write_text(text)
    with pytest.raises(ConfigError, match=expected):
        load_config(str(p))


def test_select_ignore_longest_prefix_wins():
    assert is_selected("clutter.ad-marker", "clutter", [], [])
    assert not is_selected("clutter.ad-marker", "clutter", [], ["clutter"])
    assert is_selected("clutter.ad-marker", "clutter", ["clutter.ad-marker"], ["clutter"])
    assert not is_selected("clutter.ad-marker", "clutter", ["clutter"], ["clutter.ad-marker"])
    assert not is_selected("clutter.ad-marker", "clutter", ["spelling"], [])
    assert is_selected("clutter.ad-marker", "clutter", ["clutter"], [])
    # a category name selects the rules of that category
    assert not is_selected("clutter.ad-marker", "clutter", [], ["clutter"])
    # rules that are off by default need to be named
    assert not is_selected("x.y", "style", [], [], enabled_by_default=False)
    assert is_selected("x.y", "style", ["x.y"], [], enabled_by_default=False)


def test_unknown_rule_id_is_a_clear_error(tmp_path):
    from lint.config import Config, ConfigError

    with pytest.raises(ConfigError, match="unknown rule id or prefix 'clutter.nope'"):
        engine(select=["clutter.nope"]).check_text("x\n", "a.md", config=Config())


def test_severity_override_per_path_and_exclude(tmp_path):
    (tmp_path / ".newslint.yaml").write_text(
        "severity: {clutter: error}\n"
        "per-path:\n  - paths: ['opinion/**']\n    ignore: [clutter.navigation-link]\n"
        "exclude: ['archive/**', '*.skip.md']\n"
    )
    (tmp_path / "opinion").mkdir()
    (tmp_path / "archive").mkdir()
    for rel in ("news.md", "opinion/col.md", "archive/old.md", "x.skip.md"):
        (tmp_path / rel).write_text("Read more\n")
    from lint.engine import expand_paths

    e = engine()
    items = expand_paths([str(tmp_path)], e)
    names = sorted(p.replace(str(tmp_path) + "/", "") for p, _ in items)
    assert names == ["news.md", "opinion/col.md"]
    results = {p.replace(str(tmp_path) + "/", ""): e.check_file(p, c) for p, c in items}
    news = [(f.rule, f.severity) for f in results["news.md"].findings]
    assert news == [("clutter.navigation-link", Severity.ERROR)]
    assert results["opinion/col.md"].findings == []


def test_a_folder_run_gives_each_folder_its_nearest_config(tmp_path):
    # find_drafts looks a config up once per folder: drafts side by side share it, and a
    # subfolder with its own config file gets that one, not its parent's.
    (tmp_path / ".newslint.yaml").write_text("severity: {clutter: error}\n")
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / ".newslint.yaml").write_text("ignore: [clutter]\n")
    (tmp_path / "plain").mkdir()
    for rel in ("a.md", "b.md", "desk/c.md", "desk/d.md", "plain/e.md"):
        (tmp_path / rel).write_text("Read more\n")
    from lint.engine import expand_paths

    e = engine()
    items = expand_paths([str(tmp_path)], e)
    by_name = {p.replace(str(tmp_path) + "/", ""): c for p, c in items}
    assert by_name["a.md"] is by_name["b.md"] is by_name["plain/e.md"]
    assert by_name["desk/c.md"] is by_name["desk/d.md"] is not by_name["a.md"]
    assert by_name["desk/c.md"].path == str(tmp_path / "desk" / ".newslint.yaml")
    results = {n: e.check_file(str(tmp_path / n), c) for n, c in by_name.items()}
    assert [f.severity for f in results["plain/e.md"].findings] == [Severity.ERROR]
    assert results["desk/c.md"].findings == []


def test_vocabulary_from_list_and_file(tmp_path):
    (tmp_path / "names.txt").write_text("# names\nZaluzhnyi\nSheinbaum\n")
    p = tmp_path / ".newslint.yaml"
    p.write_text("vocabulary: [Rosneft, names.txt]\n")
    cfg = load_config(str(p))
    assert cfg.settings().vocabulary == {"Rosneft", "Zaluzhnyi", "Sheinbaum"}


def test_glob_match():
    assert glob_match("archive/**", "archive/2020/a.md")
    assert glob_match("*.txt", "desk/a.txt")
    assert glob_match("drafts", "drafts/a.md")
    assert not glob_match("archive/**", "news/archive.md")


def test_rule_sets_follow_the_config_object_not_its_address():
    """A config freed and another built at the same address must not reuse its rules."""
    from lint.config import Config

    e = engine()
    text = "The colour of the center.\n"
    for _ in range(20):
        us = [f.match for f in e.check_text(text, "a.md", config=Config(language="en-US")).findings
              if f.rule == "spelling.variant"]
        gb = [f.match for f in e.check_text(text, "a.md", config=Config(language="en-GB")).findings
              if f.rule == "spelling.variant"]
        assert us == ["colour"] and gb == ["center"]


# ------------------------------------------------------------------ settings: and facts: are validated
@pytest.mark.parametrize("body,needle", [
    ("settings:\n  readability:\n    grade: high\n", ".newslint.yaml:3: 'grade': expected a Flesch-Kincaid grade above 0, got 'high'"),
    ("settings:\n  readability:\n    sentence-words: -5\n", ".newslint.yaml:3: 'sentence-words': expected a number of words above 0"),
    ("settings:\n  readabilty:\n    grade: 9\n", ".newslint.yaml:2: 'readabilty': unknown settings section"),
    ("settings:\n  readability:\n    grades: 9\n", ".newslint.yaml:3: 'grades': unknown key in settings.readability"),
    ("settings:\n  readability:\n    desks:\n      sports: {grade: 0}\n", "'grade': expected a Flesch-Kincaid grade above 0"),
    ("settings:\n  spelling:\n    names: maybe\n", ".newslint.yaml:3: 'names': expected true or false"),
    ("facts: [missing-pack.yaml]\n", ".newslint.yaml:1: 'facts': no fact pack at"),
])
def test_bad_settings_and_missing_fact_packs_are_config_errors(cli, tmp_path, body, needle):
    (tmp_path / ".newslint.yaml").write_text(body)
    (tmp_path / "a.md").write_text("The council met.\n")
    proc = cli("check", str(tmp_path / "a.md"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert needle in proc.stderr, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_good_settings_load(tmp_path):
    from lint.config import load_config

    (tmp_path / ".newslint.yaml").write_text(
        "settings:\n  readability:\n    grade: 11\n    sentence-words: 35\n    desks:\n      sports: {grade: 9}\n"
        "  spelling:\n    names: false\n")
    cfg = load_config(str(tmp_path / ".newslint.yaml"))
    assert cfg.options["readability"]["desks"]["sports"]["grade"] == 9
