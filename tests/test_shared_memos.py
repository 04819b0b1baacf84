"""The workers of a --jobs run pass each other what their memos learned (lint.sharedmemo).

A lesson is only ever an entry that the receiving process would have worked out itself, so
what these tests check is that lessons travel whole, land in the memo of the same scope
only, and are then used instead of working the entry out again.
"""
import json
import os
import subprocess
import sys

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


def _run_where(tmp_path, monkeypatch, name, then):
    """parallel.run with two workers over an archive in which linting the draft ``name``
    calls ``then`` first (forked workers inherit the patched lint_file)."""
    if parallel._context().get_start_method() != "fork":
        pytest.skip("lint_file is patched in this process; only forked workers inherit it")
    engine = Engine(plugins=build(entry_points=False))
    items = expand_paths([str(_archive(tmp_path))], engine)
    real = parallel.lint_file

    def patched(engine, path, *args):
        if path.endswith(name):
            then()
        return real(engine, path, *args)

    monkeypatch.setattr(parallel, "lint_file", patched)
    return parallel.run(engine, items, jobs=2)


def test_a_worker_that_fails_stops_the_run_with_its_error(tmp_path, monkeypatch):
    def bug():
        raise ValueError("a bug in a rule kind")

    got = []
    with pytest.raises(ValueError, match="a bug in a rule kind"):
        for outcome in _run_where(tmp_path, monkeypatch, "07.md", bug):
            got.append(outcome.result.path)
    assert [os.path.basename(p) for p in got] == [f"{k:02d}.md" for k in range(len(got))]
    import multiprocessing

    assert not multiprocessing.active_children()  # the workers were stopped


def test_a_worker_that_dies_is_an_error_not_a_hang(tmp_path, monkeypatch):
    with pytest.raises(RuntimeError, match="worker process stopped"):
        list(_run_where(tmp_path, monkeypatch, "05.md", lambda: os._exit(3)))


def test_long_messages_both_ways_do_not_stall_the_pipes(tmp_path):
    # Each draft's results (1,250 findings) and its lessons (25,000 new numbers' syllable
    # counts) run to hundreds of kilobytes, more than a pipe holds. A parent that wrote the
    # next chunk to a worker still busy with one would wait for it to read, while the worker
    # waited for the parent to read its results: the run would never end.
    for k in range(8):
        first = 100_000 + k * 25_000
        sentences = []
        for s in range(2_500):
            numbers = " ".join(str(first + s * 10 + i) for i in range(10))
            sentences.append(f"They recieve {numbers}." if s % 2 == 0 else f"Counts {numbers}.")
        (tmp_path / f"{k:02d}.md").write_text(" ".join(sentences) + "\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    args = [sys.executable, "-m", "lint", "check", ".", "--format", "json", "--date", "2025-11-22",
            "--no-progress", "--jobs", "2"]
    proc = subprocess.run(args, cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    misspelt = [sum(x["rule"] == "spelling.misspelling" for x in f["findings"]) for f in report["files"]]
    assert misspelt == [1_250] * 8


def _children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []


def _alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children"),
                    reason="reads the process tree from /proc (Linux)")
def test_workers_stop_when_the_parent_is_killed(tmp_path):
    import signal
    import time

    for k in range(400):
        (tmp_path / f"{k:03d}.md").write_text(DRAFT.replace("spring", f"spring {k}") * 20)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    proc = subprocess.Popen([sys.executable, "-m", "lint", "check", ".", "--jobs", "2", "--no-progress"], cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    workers = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        workers = _children(proc.pid)
    assert len(workers) == 2, "the run ended before its workers were seen"
    proc.send_signal(signal.SIGKILL)  # no exit handler, no clean-up: the workers are orphans
    proc.wait()
    deadline = time.monotonic() + 30
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [w for w in workers if _alive(w)]
    for w in left:
        os.kill(w, signal.SIGKILL)
    assert not left


def test_spawned_workers_build_their_own_engines_and_learn_too(tmp_path, monkeypatch):
    # macOS and Windows start workers afresh (spawn): nothing inherited, lessons included.
    import multiprocessing

    if "spawn" not in multiprocessing.get_all_start_methods():
        pytest.skip("no spawn start method here")
    engine = Engine(plugins=build(entry_points=False))
    for k in range(6):
        (tmp_path / f"{k:02d}.md").write_text(DRAFT.replace("spring", f"spring {k}; the planners will recieve bids"))
    items = expand_paths([str(tmp_path)], engine)
    one = [o.result.findings for o in parallel.run(engine, items, jobs=1)]
    monkeypatch.setattr(parallel, "_context", lambda: multiprocessing.get_context("spawn"))
    two = [o.result.findings for o in parallel.run(engine, items, jobs=2)]
    assert one == two and all(one)
