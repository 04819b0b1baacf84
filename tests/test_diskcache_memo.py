"""The disk-cached memo (lint/diskcache.py, Memo): what one run stores the next one reads,
each entry unpickled only when it is asked for, and a long-lived process keeps it bounded."""
import pickle

from lint import diskcache


def test_entries_round_trip_and_are_unpickled_only_when_asked_for(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    first = diskcache.Memo("demo", ("v1",))
    assert "a" not in first and first.get("a") is None
    first.set("a", ("slam", "blast"))
    first.set("b", None)  # "unknown" is a value too
    first.set(("c", 2), {"x": [1, 2]})
    first.save()

    again = diskcache.Memo("demo", ("v1",))
    assert "a" in again and "b" in again and ("c", 2) in again and "z" not in again
    assert again._data == {}  # nothing unpickled yet
    assert again.get("a") == ("slam", "blast")
    assert list(again._data) == ["a"]  # only what was asked for
    assert again.get("b") is None and "b" in again
    assert again.get(("c", 2)) == {"x": [1, 2]}
    # another key, another file
    assert "a" not in diskcache.Memo("demo", ("v2",))


def test_a_later_run_adds_to_what_an_earlier_one_stored(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    one = diskcache.Memo("demo", ("k",))
    one.set("a", 1)
    one.save()
    two = diskcache.Memo("demo", ("k",))
    two.set("b", 2)
    two.save()
    three = diskcache.Memo("demo", ("k",))
    assert (three.get("a"), three.get("b")) == (1, 2)


def test_a_file_in_the_old_layout_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    diskcache.write("demo", ("k",), {"a": ("old", "value")})  # values not pickled one by one
    memo = diskcache.Memo("demo", ("k",))
    assert "a" not in memo and memo.get("a") is None


def test_a_damaged_entry_is_recomputed_not_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    memo = diskcache.Memo("demo", ("k",))
    memo.set("good", 1)
    memo.save()
    memo = diskcache.Memo("demo", ("k",))
    memo._load()["bad"] = b"not a pickle"
    assert memo.get("bad") is None and memo.get("good") == 1


def test_memory_and_file_are_bounded(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    memo = diskcache.Memo("demo", ("k",), most=10)
    for i in range(25):
        memo.set(i, i * i)
        assert len(memo._data) <= 20
    assert memo.get(24) == 576  # the newest are kept
    memo.save()
    stored = diskcache.read("demo", memo.key, dict)
    assert len(stored) == 10 and pickle.loads(stored[24]) == 576
