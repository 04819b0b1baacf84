"""YAML reading: line numbers, the front-matter fast path, and the disk cache of parsed files."""
import datetime as dt
import os
from pathlib import Path

import pytest

from lint import diskcache, yamlfile

# Front matter an editor might write. The fast path must read each exactly as the YAML
# parser does, or leave it to the parser.
FRONT_MATTERS = [
    "title: Court report\ndate: 2025-09-07\ndesk: metro",
    "title: Council's budget, explained\nauthor: Zoë Ångström",
    "headline: Kyiv’s mayor & the grid\nslug: kyiv/grid",
    "date: 2025-02-30",          # impossible: YAML keeps it as text
    "date: 2025-1-5",
    "published: yes",            # a YAML boolean
    "draft: Off",
    "count: 31",
    "tags: [city, budget]",
    "title: 'Quoted: with colon'",
    "title: Budget # a comment",
    "title: Budget\ntitle: Again",   # a duplicate key is an error
    "yes: no",
    "title: x, ",
    "title: Budget\n  continued",
    "notes: ~",
    "title: (draft)",
    "title: 1st reading",
]


def _yaml(text):
    """What the full parser (libyaml, with our constructors) makes of ``text``."""
    try:
        value = yamlfile.loads(text)
    except yamlfile.YAMLError:
        return "error"
    return dict(value) if isinstance(value, dict) else value


@pytest.mark.parametrize("text", FRONT_MATTERS)
def test_front_matter_fast_path_reads_exactly_what_yaml_reads(text):
    fast = yamlfile._flat_mapping(text)
    if fast is not None:
        assert fast == _yaml(text)
    expected = _yaml(text)
    if expected == "error":
        with pytest.raises(yamlfile.YAMLError):
            yamlfile.loads_front_matter(text)
    else:
        got = yamlfile.loads_front_matter(text)
        assert (dict(got) if isinstance(got, dict) else got) == expected


def test_common_front_matter_takes_the_fast_path():
    assert yamlfile._flat_mapping("title: Court report\ndate: 2025-09-07\ndesk: metro") == {
        "title": "Court report", "date": dt.date(2025, 9, 7), "desk": "metro"}


def _pack(tmp_path, body="id: demo\nrules: {}\n"):
    path = tmp_path / "pack.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_a_parsed_file_comes_from_the_cache_until_it_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    path = _pack(tmp_path)
    first = yamlfile.load(path, cache=True)
    assert first == {"id": "demo", "rules": {}}
    assert first.line_of("rules") == 2

    def no_parsing(_path):
        raise AssertionError("parsed again although the file did not change")

    monkeypatch.setattr(yamlfile, "_load_uncached", no_parsing)
    again = yamlfile.load(path, cache=True)
    assert again == first and again.line_of("rules") == 2  # lines survive the cache
    monkeypatch.undo()

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    path.write_text("id: demo-changed\nrules: {}\n", encoding="utf-8")
    assert yamlfile.load(path, cache=True)["id"] == "demo-changed"


def test_a_broken_cache_entry_is_rebuilt_not_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    path = _pack(tmp_path)
    yamlfile.load(path, cache=True)
    entries = list((tmp_path / "cache").glob("yaml-*.pickle"))
    assert len(entries) == 1
    entries[0].write_bytes(b"not a pickle")
    assert yamlfile.load(path, cache=True) == {"id": "demo", "rules": {}}


def test_files_that_do_not_parse_are_not_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    path = _pack(tmp_path, "id: [unclosed\n")
    for _ in range(2):
        with pytest.raises(yamlfile.YAMLError, match="pack.yaml:2"):
            yamlfile.load(path, cache=True)
    assert not list((tmp_path / "cache").glob("yaml-*.pickle"))


def test_the_cache_can_be_turned_off_and_an_unwritable_one_costs_nothing(tmp_path, monkeypatch):
    path = _pack(tmp_path)
    monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    assert yamlfile.load(path, cache=True)["id"] == "demo"
    assert not (tmp_path / "cache").exists()
    monkeypatch.delenv("NEWSLINT_NO_CACHE")
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(blocker / "cache"))
    assert yamlfile.load(path, cache=True)["id"] == "demo"


def test_old_cache_entries_are_pruned(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(diskcache, "MOST_ENTRIES", 3)
    for i in range(6):
        diskcache.write("demo", (i,), {"n": i})
        os.utime(diskcache.entry("demo", (i,)), (1_000_000 + i, 1_000_000 + i))
    left = sorted(tmp_path.glob("demo-*.pickle"))
    assert len(left) <= 4
    assert diskcache.read("demo", (5,)) == {"n": 5}


# ------------------------------------------------------------------ a cache that cannot run code
class _Boom:
    """Unpickling this runs code: it writes a marker file."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (Path(self.marker).write_text, ("pwned",))


def test_a_planted_pickle_in_the_cache_folder_is_never_loaded(tmp_path, monkeypatch):
    import pickle

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    diskcache.write("yaml", ("k",), {"a": 1})
    path = diskcache.entry("yaml", ("k",))
    marker = tmp_path / "marker"
    # someone with write access to a shared cache folder replaces the entry, header and all
    planted = pickle.dumps(_Boom(str(marker)))
    head = path.read_bytes()[: len(diskcache._MAGIC) + diskcache._TAG]
    path.write_bytes(head + planted)
    assert diskcache.read("yaml", ("k",)) is None
    path.write_bytes(planted)  # or a bare pickle
    assert diskcache.read("yaml", ("k",)) is None
    assert not marker.exists()


def test_an_entry_of_the_wrong_type_is_dropped_and_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    diskcache.write("facts", ("k",), ["not", "a", "fact", "base"])
    assert diskcache.read("facts", ("k",), dict) is None
    assert diskcache.read("facts", ("k",), list) == ["not", "a", "fact", "base"]


def test_the_key_lives_outside_the_cache_folder_and_is_private(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(diskcache, "_SECRET", False)
    diskcache.write("yaml", ("k",), {"a": 1})
    key = tmp_path / "config" / "newslint" / "cache.key"
    assert key.stat().st_mode & 0o777 == 0o600
    assert diskcache.read("yaml", ("k",)) == {"a": 1}
    # a key others can read makes the cache off, not forgeable
    key.chmod(0o644)
    monkeypatch.setattr(diskcache, "_SECRET", False)
    assert diskcache.read("yaml", ("k",)) is None
