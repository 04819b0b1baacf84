"""The pre-commit hook, run by real pre-commit against a scratch git repository.

The working tree is snapshotted into a throwaway hook repository (so uncommitted and new
files count), and a newsroom repository points its ``.pre-commit-config.yaml`` at it:
pre-commit then installs newslint into its own environment, exactly as in a newsroom.
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent

def _have_pre_commit() -> bool:
    import importlib.util

    return importlib.util.find_spec("pre_commit") is not None


pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is needed to run pre-commit"),
    pytest.mark.skipif(not _have_pre_commit(), reason="pre-commit is not installed (pip install '.[test]' has it)"),
]


def test_manifest_declares_the_hook():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "newslint")
    assert {"id", "name", "entry", "language"} <= set(hook)
    assert hook["types_or"] == ["markdown", "plain-text"]
    assert hook["entry"] == "newslint check"


def _git(*args, cwd, env):
    return subprocess.run(["git", *args], cwd=cwd, check=True, env=env, capture_output=True, text=True).stdout


def _snapshot(dest, env):
    """Copy the project's files (tracked and new, not ignored) into a fresh git repo."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True)
    names = listed.stdout.splitlines() if listed.returncode == 0 else None
    if names is None:  # not a git checkout: copy everything but build litter
        shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.egg-info"),
                        dirs_exist_ok=True)
    else:
        for name in names:
            src = ROOT / name
            if src.is_file():
                (dest / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dest / name)
    _git("init", "-q", cwd=dest, env=env)
    _git("add", "-A", cwd=dest, env=env)
    _git("commit", "-q", "-m", "snapshot", cwd=dest, env=env)
    return _git("rev-parse", "HEAD", cwd=dest, env=env).strip()


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path_factory.mktemp("pre-commit-home")),
               GIT_AUTHOR_NAME="Desk", GIT_AUTHOR_EMAIL="desk@example.org",
               GIT_COMMITTER_NAME="Desk", GIT_COMMITTER_EMAIL="desk@example.org")
    env.pop("PRE_COMMIT", None)
    hook_repo = tmp_path_factory.mktemp("newslint-hook")
    rev = _snapshot(hook_repo, env)
    repo = tmp_path_factory.mktemp("newsroom")
    _git("init", "-q", cwd=repo, env=env)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo}\n    rev: {rev}\n    hooks:\n      - id: newslint\n")
    return repo, env


def run_hook(repo, env, *files):
    _git("add", *files, cwd=repo, env=env)
    cmd = [sys.executable, "-m", "pre_commit", "run", "--files", *files]
    return subprocess.run(cmd, cwd=repo, capture_output=True, text=True, env=env, timeout=900)


def test_hook_fails_on_bad_copy_and_passes_on_clean_copy(scratch):
    repo, env = scratch
    (repo / "bad.md").write_text("# Budget\n\nThe council met on Tuesday.\n\nRead more\n")
    (repo / "clean.md").write_text("# Budget\n\nThe council met on Tuesday and approved the budget.\n")
    (repo / "LICENSE").write_text("Read more\n")  # not Markdown or plain text by name: never linted
    bad = run_hook(repo, env, "bad.md", "LICENSE")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "clutter.navigation-link" in bad.stdout
    assert "LICENSE" not in bad.stdout.split("newslint")[-1]
    clean = run_hook(repo, env, "clean.md")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout
