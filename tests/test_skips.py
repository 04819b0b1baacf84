"""No silent skips: every path named or found that is not linted is reported, and a folder
that cannot be read fails the run."""
import json
import os

from lint.engine import Engine, find_drafts
from lint.plugins import build

CLEAN = "The council met on Tuesday.\n"


def _tree(tmp_path):
    (tmp_path / "a.md").write_text(CLEAN)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "c.md").write_text(CLEAN)
    (tmp_path / ".drafts").mkdir()
    (tmp_path / ".drafts" / "hidden.md").write_text(CLEAN)
    (tmp_path / ".newslint.yaml").write_text("exclude: [wire]\n")


def test_files_found_but_not_linted_are_listed_with_the_reason(cli, tmp_path):
    _tree(tmp_path)
    report = json.loads(cli("check", str(tmp_path), "--format", "json").stdout)
    by_path = {os.path.relpath(f["path"], tmp_path): f for f in report["files"]}
    assert set(by_path) == {"a.md", "photo.jpg", os.path.join("wire", "c.md")}  # hidden folders are not looked in
    assert "findings" in by_path["a.md"] and "skipped" not in by_path["a.md"]
    assert by_path["photo.jpg"]["skipped"].startswith("not a draft")
    assert by_path[os.path.join("wire", "c.md")]["skipped"].startswith("excluded by")
    assert "findings" not in by_path["photo.jpg"]
    assert report["summary"]["files"] == 1 and report["summary"]["skipped"] == 2


def test_text_output_counts_them(cli, tmp_path):
    _tree(tmp_path)
    proc = cli("check", str(tmp_path))
    assert proc.returncode == 0
    assert "0 findings in 1 file; 2 skipped" in proc.stdout
    assert "skipped 2 files found in folders (1 excluded, 1 not drafts)" in proc.stderr


def test_a_named_excluded_file_says_so_and_passes(cli, tmp_path):
    _tree(tmp_path)
    proc = cli("check", str(tmp_path / "wire" / "c.md"))
    assert proc.returncode == 0  # a pre-commit hook passes excluded files: honour the config
    assert f"skipped {tmp_path / 'wire' / 'c.md'}: excluded by" in proc.stderr
    assert "0 findings in 0 files; 1 skipped" in proc.stdout


def test_an_empty_folder_is_not_an_excluded_file(cli, tmp_path):
    proc = cli("check", str(tmp_path))
    assert proc.returncode == 0 and "0 findings in 0 files" in proc.stdout and "skipped" not in proc.stdout


def test_an_unreadable_folder_is_an_error(tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text(CLEAN)
    real_walk = os.walk

    def walk(top, onerror=None, **kw):
        err = PermissionError(13, "Permission denied")
        err.filename = str(tmp_path / "locked")
        onerror(err)  # what os.walk does for a folder it cannot list
        yield from real_walk(top, onerror=onerror, **kw)

    monkeypatch.setattr(os, "walk", walk)
    items, skipped, errors = find_drafts([str(tmp_path)], Engine(plugins=build(entry_points=False)))
    assert [p for p, _ in items] == [str(tmp_path / "a.md")]
    assert errors == [f"{tmp_path / 'locked'}: cannot read folder: Permission denied"]


def test_a_run_with_an_unreadable_folder_exits_2(tmp_path, monkeypatch, capsys):
    from lint.cli import main

    (tmp_path / "a.md").write_text(CLEAN)
    real_walk = os.walk

    def walk(top, onerror=None, **kw):
        err = PermissionError(13, "Permission denied")
        err.filename = str(tmp_path / "locked")
        onerror(err)
        yield from real_walk(top, onerror=onerror, **kw)

    monkeypatch.setattr(os, "walk", walk)
    assert main(["check", str(tmp_path), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert f"newslint: error: {tmp_path / 'locked'}: cannot read folder: Permission denied" in err
