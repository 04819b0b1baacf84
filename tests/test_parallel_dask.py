"""The archive audit example on Dask's local schedulers (skipped only without dask)."""
import importlib.util
from collections import Counter
from pathlib import Path

import pytest

dask = pytest.importorskip("dask")
pytest.importorskip("dask.bag")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def audit_module():
    spec = importlib.util.spec_from_file_location("dask_audit", ROOT / "examples" / "dask_audit" / "audit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def archive(tmp_path):
    for year in ("2024", "2025"):
        folder = tmp_path / year
        folder.mkdir()
        for n in range(12):
            extra = "\nRead more\n" if n % 3 == 0 else ""
            (folder / f"story-{n:02d}.md").write_text(
                f"# Story {n}\n\nThe council met on Tuesday and approved the budget for {year}.\n{extra}")
    (tmp_path / "2025" / "broken.txt").write_bytes(b"\xff\xfe\n")
    (tmp_path / ".drafts").mkdir()
    (tmp_path / ".drafts" / "hidden.md").write_text("Read more\n")
    return tmp_path


@pytest.mark.parametrize("scheduler", ["synchronous", "threads", "processes"])
def test_audit_matches_newslint(audit_module, archive, scheduler):
    import lint

    rep = audit_module.audit([archive], date="2025-11-22", scheduler=scheduler, partition_size=5)
    expected = list(lint.check_paths([archive], date="2025-11-22"))
    assert rep["files"] == len(expected) == 25
    assert rep["findings"] == sum(len(r.findings) for r in expected)
    assert rep["by_rule"] == dict(Counter(f.rule for r in expected for f in r.findings).most_common())
    assert rep["by_rule"]["clutter.navigation-link"] == 8
    assert [e["path"] for e in rep["errors"]] == [str(archive / "2025" / "broken.txt")]
    assert rep["words"] > 0 and rep["average_grade"] is not None
    assert rep["most_findings"][0]["findings"] >= 1


def test_render_and_main(audit_module, archive, capsys):
    status = audit_module.main([str(archive), "--scheduler", "synchronous", "--date", "2025-11-22"])
    out = capsys.readouterr().out
    assert status == 2  # one file could not be read
    assert out.startswith("25 drafts,") and "clutter.navigation-link" in out and "could not be linted" in out


def test_empty_archive(audit_module, tmp_path):
    assert audit_module.audit([tmp_path], scheduler="synchronous")["files"] == 0
