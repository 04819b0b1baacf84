"""The Python API a newsroom calls from its CMS: lint.check_text and friends."""
import datetime as dt
import subprocess
import sys

import pytest

import lint
from lint.config import Config, ConfigError

BAD = "# Budget\n\nThe council met on Tuesday.\n\nRead more\n"


def test_import_lint_is_cheap():
    code = ("import sys, lint; heavy = [m for m in ('lint.engine', 'lint.api', 'lint.packs', 'yaml') if m in sys.modules];"
            " print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip()
    assert out == "[]"
    assert callable(lint.check_text) and "check_paths" in lint.__all__


def test_check_text():
    result = lint.check_text(BAD, date="2025-11-22")
    assert result.error is None and result.date == dt.date(2025, 11, 22) and result.date_source == "cli"
    f = next(f for f in result.findings if f.rule == "clutter.navigation-link")
    assert (f.line, f.column, f.match) == (5, 1, "Read more")
    assert lint.check_text(BAD, date=dt.date(2025, 11, 22), select=["readability"]).findings == []
    # "Read more" is page furniture (a button label), not copy: only the body sentence counts.
    assert lint.check_text(BAD, stats=True).stats["words"] == 5


def test_config_as_mapping_path_or_object(tmp_path):
    mapping = {"ignore": ["clutter.navigation-link"]}
    assert not any(f.rule == "clutter.navigation-link" for f in lint.check_text(BAD, config=mapping).findings)
    (tmp_path / "cfg.yaml").write_text("ignore: [clutter]\n")
    assert lint.check_text(BAD, config=tmp_path / "cfg.yaml").findings == []
    assert lint.check_text(BAD, config=Config(select=("clutter.navigation-link",))).findings[0].match == "Read more"
    with pytest.raises(ConfigError):
        lint.check_text(BAD, config={"no-such-key": 1})
    with pytest.raises(ConfigError):
        lint.check_text(BAD, config=tmp_path / "missing.yaml")
    with pytest.raises(TypeError):
        lint.check_text(BAD, config=42)
    with pytest.raises(ValueError):
        lint.check_text(BAD, date="22/11/2025")


def test_engines_are_reused():
    from lint import api

    lint.check_text("One.\n", date="2025-01-01")
    count = len(api._ENGINES)
    lint.check_text("Two.\n", date="2025-01-01")
    assert len(api._ENGINES) == count


def test_check_file_and_paths(tmp_path):
    (tmp_path / "a.md").write_text(BAD)
    (tmp_path / "b.md").write_text("# Fine\n\nThe council met.\n")
    (tmp_path / "c.md").write_bytes(b"\xff\xfe\n")
    assert lint.check_file(tmp_path / "a.md").findings
    assert "not valid UTF-8" in lint.check_file(tmp_path / "c.md").error
    results = list(lint.check_paths([tmp_path], date="2025-11-22"))
    assert [r.path.rsplit("/", 1)[-1] for r in results] == ["a.md", "b.md", "c.md"]
    parallel = list(lint.check_paths([tmp_path], date="2025-11-22", jobs=2))
    assert [(r.path, r.findings, r.error) for r in parallel] == [(r.path, r.findings, r.error) for r in results]
    with_mapping = list(lint.check_paths([tmp_path], config={"ignore": ["clutter"]}, jobs=2))
    assert not with_mapping[0].findings


def test_fix_text():
    text = "The council met.\n\nRead more\n"
    fixed, applied = lint.fix_text(text)
    assert isinstance(fixed, str) and isinstance(applied, list)  # the built-in clutter rules have no safe fix
    assert fixed == text and applied == []
