"""--jobs: the same report in the same order; streaming; the progress bar only on a terminal."""
import io
import os
import subprocess
import sys
import types

import pytest

from lint.engine import parallel
from lint.reporters.progress import Progress
from lint.engine import Engine, expand_paths
from lint.plugins import build

DRAFT = "# Budget {n}\n\nThe council met on Tuesday.\n\nRead more\n"


@pytest.fixture
def archive(tmp_path):
    for n in range(30):
        (tmp_path / f"{n:03d}.md").write_text(DRAFT.format(n=n) + ("\nBecome a member today!\n" if n % 7 == 0 else ""))
    (tmp_path / "broken.md").write_bytes(b"\xff\xfe broken\n")
    return tmp_path


def _run(*args, cwd, env=None):
    env = dict(os.environ, PYTHONHASHSEED="0", **(env or {}))  # the same hash seed for every run compared
    return subprocess.run([sys.executable, "-m", "lint", *args], cwd=cwd, capture_output=True, text=True, env=env)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_jobs_give_the_same_report_in_the_same_order(archive, fmt):
    one = _run("check", ".", "--format", fmt, "--date", "2025-11-22", cwd=archive)
    two = _run("check", ".", "--format", fmt, "--date", "2025-11-22", "--jobs", "2", cwd=archive)
    assert one.returncode == two.returncode == 2  # the broken file is an input error either way
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr and "broken.md" in two.stderr
    if fmt == "text":
        paths = [line.split(":")[0] for line in two.stdout.splitlines()[:-1]]
        assert paths == sorted(paths)


def test_jobs_zero_means_one_per_cpu(archive):
    proc = _run("check", "000.md", "001.md", "--jobs", "0", "--date", "2025-11-22", cwd=archive)
    assert proc.returncode == 1 and proc.stdout.count("clutter.") == 3
    assert _run("check", ".", "--jobs", "-1", cwd=archive).returncode == 2


def test_fix_in_parallel(tmp_path):
    (tmp_path / "house.yaml").write_text(
        "pack: house\ndescription: d\ndefaults: {category: style}\nrules:\n  - id: toward\n    kind: substitution\n"
        "    swap: {towards: toward}\n    safe: true\n    message: use '{suggestion}'\n"
        "    why: American house style uses toward in every story we publish.\n"
        "    examples: {bad: [towards it], good: [toward it]}\n")
    (tmp_path / ".newslint.yaml").write_text("packs: [house.yaml]\n")
    for n in range(6):
        (tmp_path / f"{n}.md").write_text(f"Story {n} went towards the end.\n")
    proc = _run("check", ".", "--fix", "--jobs", "2", cwd=tmp_path)
    assert proc.returncode == 1
    assert all((tmp_path / f"{n}.md").read_text() == f"Story {n} went toward the end.\n" for n in range(6))
    fixed = [line.split(":")[0] for line in proc.stderr.splitlines() if "fixed house.toward" in line]
    assert fixed == [f"{n}.md" for n in range(6)]


def test_run_streams_results_lazily(archive):
    engine = Engine(plugins=build(entry_points=False))
    items = expand_paths([str(archive)], engine)
    stream = parallel.run(engine, items, jobs=2)
    assert isinstance(stream, types.GeneratorType)
    first = next(stream)
    assert first.result.path.endswith("000.md") and first.result.findings
    assert not hasattr(first.result, "doc")  # documents stay in the worker
    rest = list(stream)
    assert len(rest) == len(items) - 1 and rest[-1].result.error


def test_single_process_path_is_the_same_function(archive):
    engine = Engine(plugins=build(entry_points=False))
    items = expand_paths([str(archive)], engine)[:3]
    seq = [o.result.findings for o in parallel.run(engine, items, jobs=1)]
    par = [o.result.findings for o in parallel.run(engine, items, jobs=2)]
    assert seq == par


# ------------------------------------------------------------------ progress bar
class FakeTTY(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_on_a_terminal_and_never_in_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert Progress.wanted(FakeTTY(), 100)
    assert not Progress.wanted(io.StringIO(), 100)  # a pipe
    assert not Progress.wanted(FakeTTY(), 3)  # too few files to need one
    monkeypatch.setenv("CI", "true")
    assert not Progress.wanted(FakeTTY(), 100)


def test_progress_bar_draws_and_clears(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    stream = FakeTTY()
    bar = Progress(40, stream, enabled=True)
    for _ in range(40):
        bar.advance()
    assert "40/40 files" in stream.getvalue() and "[" + "#" * 30 + "]" in stream.getvalue()
    bar.close()
    assert stream.getvalue().endswith("\r\033[K")


def test_no_progress_output_in_a_pipe(archive):
    proc = _run("check", ".", "--date", "2025-11-22", cwd=archive, env={"CI": ""})
    assert "files (" not in proc.stderr and "\r" not in proc.stderr
