"""The workers of a --jobs run pass each other what their memos learned (lint.sharedmemo).

A lesson is only ever an entry that the receiving process would have worked out itself, so
what these tests check is that lessons travel whole, land in the memo of the same scope
only, and are then used instead of working the entry out again.
"""
import os

import pytest

from lint import sharedmemo
from lint.engine import Engine, expand_paths, parallel
from lint.plugins import build
from lint.spelling.checker import SpellChecker

DRAFT = ("Councillor Maribeth Quenneville said the Kestrelford bypass would open in spring. "
         "The borough's planners, she said, had rewritten the tender twice.\n")


@pytest.fixture
def registry(monkeypatch):
    """A registry of its own, so that the test's scopes never meet the run's."""
    monkeypatch.setattr(sharedmemo, "_MEMOS", {})
    monkeypatch.setattr(sharedmemo, "_PENDING", {})
    return sharedmemo


def test_lessons_are_what_a_memo_gained_since_the_mark(registry):
    memo = {"old": 1}
    registry.share("words", memo)
    mark = registry.marks()
    memo["new"] = 2
    memo["newer"] = 3
    other = {}
    registry.share("words", other)  # another process's memo of the same scope
    registry.learn([b""])  # nothing learned is nothing to do
    assert other == {}
    registry.share("words", memo)
    blob = registry.lessons_since(mark)
    registry.share("words", other)
    registry.learn([blob])
    assert other == {"new": 2, "newer": 3}
    assert registry.lessons_since(registry.marks()) == b""  # nothing new since


def test_an_emptied_memo_sends_all_it_holds_again(registry):
    memo = {"a": 1, "b": 2}
    registry.share("words", memo)
    mark = registry.marks()
    memo.clear()  # a bounded memo starting afresh
    memo["c"] = 3
    other = {}
    registry.share("words", other)
    registry.share("words", memo)
    blob = registry.lessons_since(mark)
    registry.share("words", other)
    registry.learn([blob])
    assert other == {"c": 3}


def test_lessons_for_a_memo_not_yet_made_wait_for_it(registry):
    memo = {"x": 1}
    registry.share("later", memo)
    blob = registry.lessons_since({})
    registry._MEMOS.clear()
    registry.learn([blob])  # this process has no such memo yet
    seen = []
    late = {}
    registry.share("later", late, lambda k, v: seen.append((k, v)))
    assert late == {"x": 1} and seen == [("x", 1)]


def test_lessons_go_only_to_the_memo_of_their_scope(registry):
    a, b = {}, {}
    registry.share(("speller", "en-US"), a)
    a["colour"] = "variant"
    blob = registry.lessons_since({})
    registry._MEMOS.clear()
    registry.share(("speller", "en-GB"), b)
    registry.learn([blob])
    assert b == {}


def test_a_checker_uses_the_verdicts_another_learned(registry, monkeypatch):
    teacher = SpellChecker(language="en-US")
    teacher.share_memos("scope")
    mark = registry.marks()
    taught = teacher.check(DRAFT)
    blob = registry.lessons_since(mark)
    assert blob

    pupil = SpellChecker(language="en-US")
    pupil.share_memos("scope")
    registry.learn([blob])
    asked = []
    real = SpellChecker.check_word
    monkeypatch.setattr(SpellChecker, "check_word", lambda self, w, *a: asked.append(w.text) or real(self, w, *a))
    got = pupil.check(DRAFT)
    assert [v[1:] for v in got] == [v[1:] for v in taught]
    assert [(v.word.text, v.word.start) for v in got] == [(v.word.text, v.word.start) for v in taught]
    assert asked == []  # every verdict came from the lessons
    # and the words fine wherever they stand are left out of the tokens, as after checking them
    assert {"bypass", "planners", "rewritten"} <= pupil._fine


def test_a_checker_of_other_settings_learns_nothing(registry):
    teacher = SpellChecker(language="en-US")
    teacher.share_memos("en-US settings")
    teacher.check(DRAFT)
    blob = registry.lessons_since({})
    pupil = SpellChecker(language="en-GB")
    pupil.share_memos("en-GB settings")
    registry.learn([blob])
    assert not pupil._memo and not pupil._fine


def test_chunks_cover_every_file_once_in_order_growing_then_shrinking():
    paths = [f"{n}.md" for n in range(200)]
    chunks = parallel._chunked(paths, 8, 2)
    assert [p for c in chunks for p in c] == paths
    sizes = [len(c) for c in chunks]
    assert sizes[:3] == [1, 2, 3] and max(sizes) == 8 and sizes[-1] == 1
    assert parallel._chunked(["a.md"], 8, 2) == [["a.md"]]


def _archive(tmp_path, n=12):
    for k in range(n):
        (tmp_path / f"{k:02d}.md").write_text(DRAFT.replace("spring", f"spring {k}"))
    return tmp_path


def test_a_worker_that_fails_stops_the_run_with_its_error(tmp_path, monkeypatch):
    if parallel._context().get_start_method() != "fork":
        pytest.skip("the failing lint_file is patched in this process; only forked workers inherit it")
    engine = Engine(plugins=build(entry_points=False))
    items = expand_paths([str(_archive(tmp_path))], engine)
    real = parallel.lint_file

    def failing(engine, path, *args):
        if path.endswith("07.md"):
            raise ValueError("a bug in a rule kind")
        return real(engine, path, *args)

    monkeypatch.setattr(parallel, "lint_file", failing)
    got = []
    with pytest.raises(ValueError, match="a bug in a rule kind"):
        for outcome in parallel.run(engine, items, jobs=2):
            got.append(outcome.result.path)
    assert [os.path.basename(p) for p in got] == [f"{k:02d}.md" for k in range(len(got))]
    import multiprocessing

    assert not multiprocessing.active_children()  # the workers were stopped


def test_a_worker_that_dies_is_an_error_not_a_hang(tmp_path, monkeypatch):
    if parallel._context().get_start_method() != "fork":
        pytest.skip("the dying lint_file is patched in this process; only forked workers inherit it")
    engine = Engine(plugins=build(entry_points=False))
    items = expand_paths([str(_archive(tmp_path))], engine)
    real = parallel.lint_file

    def dying(engine, path, *args):
        if path.endswith("05.md"):
            os._exit(3)
        return real(engine, path, *args)

    monkeypatch.setattr(parallel, "lint_file", dying)
    with pytest.raises(RuntimeError, match="worker process stopped"):
        list(parallel.run(engine, items, jobs=2))
