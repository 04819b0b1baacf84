"""--fix and --diff: only safe fixes, never inside quotes, atomic writes, honest exit codes."""
import datetime as dt
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from lint import fixes
from lint.config import Config, load_config
from lint.document import parse
from lint.engine import Engine
from lint.findings import Finding, Severity
from lint.plugins import build

HOUSE = """\
pack: house
description: Test house style with safe swaps.
defaults: {category: style, severity: warning}
rules:
  - id: toward
    kind: substitution
    swap: {towards: toward, amongst: among}
    safe: true
    message: "use '{suggestion}'"
    why: American house style uses toward and among; the British forms read oddly here.
    examples: {bad: ["He walked towards the door."], good: ["He walked toward the door."]}
  - id: judgment
    kind: substitution
    swap: {judgement: [judgment, judgement call]}
    safe: true
    message: "use '{suggestion}'"
    why: Two replacements are offered, so this fix needs an editor and is never applied.
    examples: {bad: ["A judgement was made."], good: ["A judgment was made."]}
"""

DRAFT = '# Talks\n\nHe walked towards the door, amongst friends.\n\n"We went towards it," she said.\n'
FIXED = '# Talks\n\nHe walked toward the door, among friends.\n\n"We went towards it," she said.\n'


@pytest.fixture
def desk(tmp_path):
    (tmp_path / "house.yaml").write_text(HOUSE)
    (tmp_path / ".newslint.yaml").write_text("packs: [house.yaml]\n")
    return tmp_path


def cli(*args, cwd, stdin=None):
    return subprocess.run([sys.executable, "-m", "lint", *args], cwd=cwd, capture_output=True, text=True,
                          input=stdin)


def _finding(start, end, match, fix, rule="x.y"):
    return Finding(rule, "style", Severity.WARNING, "m", start, end, match, fix=fix)


# ------------------------------------------------------------------ choosing fixes
def test_choose_skips_quotes_overlaps_and_disagreements():
    text = 'Aaa bbb ccc. "Ddd eee," he said. Fff ggg.\n'
    doc = parse(text, "a.md")
    at = text.index
    found = [
        _finding(at("Aaa"), at("Aaa") + 3, "Aaa", "A1"),
        _finding(at("Aaa"), at("Aaa") + 7, "Aaa bbb", "AB"),  # overlaps the first: left for a later pass
        _finding(at("Ddd"), at("Ddd") + 3, "Ddd", "D1"),  # inside a quotation: never
        _finding(at('"Ddd') - 1, at("Ddd") + 3, ' "Ddd', "x"),  # reaches into a quotation: never
        _finding(at("Fff"), at("Fff") + 3, "Fff", "F1", rule="a.rule"),
        _finding(at("Fff"), at("Fff") + 3, "Fff", "F2", rule="b.rule"),  # two rules disagree: neither
        _finding(at("ggg"), at("ggg") + 3, "ggg", "ggg"),  # changes nothing
        _finding(at("ccc"), at("ccc") + 3, "XXX", "C1"),  # stale: the span no longer holds the match
        _finding(at("bbb"), at("bbb") + 3, "bbb", None),  # no fix
    ]
    chosen = fixes.choose(doc, found)
    assert [(f.match, f.fix) for f in chosen] == [("Aaa", "A1")]
    assert fixes.apply(text, chosen).startswith("A1 bbb ccc.")


def test_same_fix_from_two_rules_is_applied_once():
    text = "Aaa bbb.\n"
    doc = parse(text, "a.md")
    chosen = fixes.choose(doc, [_finding(0, 3, "Aaa", "A1", "a.r"), _finding(0, 3, "Aaa", "A1", "b.r")])
    assert fixes.apply(text, chosen) == "A1 bbb.\n"


def test_fix_text_applies_only_safe_single_replacements(desk):
    engine = Engine(plugins=build(entry_points=False), today=dt.date(2025, 11, 22))
    cfg = load_config(str(desk / ".newslint.yaml"))
    out = fixes.fix_text(engine, DRAFT + "A judgement was made.\n", str(desk / "d.md"), cfg)
    assert out.fixed == FIXED + "A judgement was made.\n"
    assert [(a.rule, a.old, a.new, a.line, a.column) for a in out.applied] == [
        ("house.toward", "towards", "toward", 3, 11), ("house.toward", "amongst", "among", 3, 29)]
    remaining = {f.rule for f in out.result.findings}
    assert remaining == {"house.toward", "house.judgment"}  # the quote and the two-way choice are left


# ------------------------------------------------------------------ writing
def test_write_atomic_keeps_mode_and_bom(tmp_path):
    p = tmp_path / "d.md"
    p.write_bytes(fixes.BOM + "Go towards it.\n".encode())
    os.chmod(p, 0o640)
    snap = fixes.Snapshot.read(p)
    fixes.write_atomic(snap, "Go toward it.\n")
    assert p.read_bytes() == fixes.BOM + b"Go toward it.\n"
    assert stat.S_IMODE(p.stat().st_mode) == 0o640
    assert [x.name for x in tmp_path.iterdir()] == ["d.md"]  # no temporary file left behind


def test_write_atomic_refuses_a_file_changed_since_it_was_read(tmp_path):
    p = tmp_path / "d.md"
    p.write_text("Go towards it.\n")
    snap = fixes.Snapshot.read(p)
    p.write_text("Go towards it now, the editor typed.\n")
    with pytest.raises(fixes.FixError, match="changed on disk"):
        fixes.write_atomic(snap, "Go toward it.\n")
    assert p.read_text() == "Go towards it now, the editor typed.\n"
    assert [x.name for x in tmp_path.iterdir()] == ["d.md"]


def test_write_atomic_writes_through_a_symlink(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("Go towards it.\n")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    fixes.write_atomic(fixes.Snapshot.read(link), "Go toward it.\n")
    assert link.is_symlink() and real.read_text() == "Go toward it.\n"


def test_unified_diff_marks_missing_final_newline():
    diff = fixes.unified_diff("d.md", "a\nb", "a\nc")
    assert diff.startswith("--- a/d.md\n+++ b/d.md\n")
    assert "-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n" in diff


# ------------------------------------------------------------------ the command line
def test_diff_prints_and_writes_nothing(desk):
    (desk / "d.md").write_text(DRAFT)
    proc = cli("check", "d.md", "--diff", cwd=desk)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith("--- a/d.md\n+++ b/d.md\n")
    assert "-He walked towards the door, amongst friends.\n+He walked toward the door, among friends.\n" in proc.stdout
    assert "-\"We went towards it" not in proc.stdout  # the quotation is not touched
    assert "2 fixes in 1 file would be applied" in proc.stderr
    assert (desk / "d.md").read_text() == DRAFT


def test_diff_exits_0_when_there_is_nothing_to_fix(desk):
    (desk / "d.md").write_text(FIXED)
    proc = cli("check", "d.md", "--diff", cwd=desk)
    assert proc.returncode == 0 and proc.stdout == ""
    assert "nothing to fix" in proc.stderr


def test_fix_writes_reports_and_fails_the_run(desk):
    p = desk / "d.md"
    p.write_text(DRAFT)
    os.chmod(p, 0o600)
    proc = cli("check", "d.md", "--fix", "--format", "json", cwd=desk)
    assert proc.returncode == 1  # a changed file fails the run, as pre-commit expects
    assert p.read_text() == FIXED
    assert stat.S_IMODE(p.stat().st_mode) == 0o600
    assert "d.md:3:11: fixed house.toward: 'towards' -> 'toward'" in proc.stderr
    assert "fixed 2 problems in 1 file" in proc.stderr
    import json

    left = json.loads(proc.stdout)["files"][0]["findings"]  # what is left: the quotation
    assert [(f["rule"], f["line"]) for f in left] == [("house.toward", 5)]
    again = cli("check", "d.md", "--fix", "--fail-level", "error", cwd=desk)
    assert again.returncode == 0 and p.read_text() == FIXED  # nothing more to do


def test_fix_and_diff_together_is_a_usage_error(desk):
    proc = cli("check", "d.md", "--fix", "--diff", cwd=desk)
    assert proc.returncode == 2


def test_fix_on_standard_input_prints_the_fixed_text(desk):
    proc = cli("check", "-", "--fix", "--stdin-filename", "d.md", cwd=desk, stdin=DRAFT)
    assert proc.stdout == FIXED
    assert "fixed house.toward" in proc.stderr
    assert proc.returncode == 1


def test_fix_leaves_unfixable_files_alone(desk):
    (desk / "bad.md").write_bytes(b"caf\xe9 towards\n")
    (desk / "d.md").write_text(DRAFT)
    proc = cli("check", "bad.md", "d.md", "--fix", cwd=desk)
    assert proc.returncode == 2
    assert "not valid UTF-8" in proc.stderr
    assert (desk / "bad.md").read_bytes() == b"caf\xe9 towards\n"
    assert (desk / "d.md").read_text() == FIXED


@pytest.mark.skipif(shutil.which("git") is None, reason="git is needed to run pre-commit")
def test_pre_commit_hook_with_fix_fails_when_it_changes_a_file(desk):
    pytest.importorskip("pre_commit")
    env = dict(os.environ, PRE_COMMIT_HOME=str(desk / ".pc-home"), GIT_AUTHOR_NAME="Desk",
               GIT_AUTHOR_EMAIL="desk@example.org", GIT_COMMITTER_NAME="Desk", GIT_COMMITTER_EMAIL="desk@example.org")
    env.pop("PRE_COMMIT", None)
    git = lambda *a: subprocess.run(["git", *a], cwd=desk, env=env, check=True, capture_output=True)  # noqa: E731
    git("init", "-q")
    # A local hook runs this checkout's newslint, as the published hook would with args: [--fix].
    (desk / ".pre-commit-config.yaml").write_text(
        "repos:\n  - repo: local\n    hooks:\n      - id: newslint\n        name: newslint\n"
        f"        entry: {sys.executable} -m lint check --fix\n        language: system\n"
        "        types_or: [markdown, plain-text]\n")
    (desk / "d.md").write_text(DRAFT)
    git("add", "-A")
    run = lambda: subprocess.run([sys.executable, "-m", "pre_commit", "run", "--files", "d.md"],  # noqa: E731
                                 cwd=desk, env=env, capture_output=True, text=True, timeout=300)
    first = run()
    assert first.returncode == 1, first.stdout + first.stderr
    assert "Failed" in first.stdout
    assert (desk / "d.md").read_text() == FIXED
    (desk / "d.md").write_text(FIXED.replace('"We went towards it," she said.\n', "She agreed.\n"))
    git("add", "-A")
    second = run()
    assert second.returncode == 0, second.stdout + second.stderr
