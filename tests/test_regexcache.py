"""Patterns rebuilt from the disk cache are the patterns ``re.compile`` makes."""
import os
import re
import subprocess
import sys

from lint import regexcache


def test_every_shipped_pattern_is_rebuilt_equal(shipped_regexes):
    _rules, regexes = shipped_regexes
    assert len(regexes) > 50
    for rx in regexes:
        built = regexcache.compile(rx.pattern, rx.flags)
        assert built == re.compile(rx.pattern, rx.flags)  # same code, flags and pattern
        assert (built.groups, built.groupindex) == (rx.groups, rx.groupindex)


def test_bad_patterns_still_raise_re_error():
    try:
        regexcache.compile("(unclosed")
    except re.error:
        pass
    else:  # pragma: no cover
        raise AssertionError("expected re.error")


_CHILD = """
import re, sys
from lint import regexcache
pattern = r"(?<!\\w)(?:(?P<verb>slam(?:s|med)?)|blast(?:ed)?)\\b"
cached = regexcache._MEMO.get((pattern, int(re.I))) is not None
rx = regexcache.compile(pattern, re.I)
assert rx == re.compile(pattern, re.I)
assert rx.search("Critics BLASTED the plan").group() == "BLASTED"
assert rx.search("they slammed it").group("verb") == "slammed"
print("cached" if cached else "fresh")
"""


def _child(cache_dir):
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(cache_dir)}
    env.pop("NEWSLINT_NO_CACHE", None)
    out = subprocess.run([sys.executable, "-c", _CHILD], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_a_second_process_builds_from_the_cache(tmp_path):
    assert _child(tmp_path) == "fresh"
    assert list(tmp_path.glob("regex-*.pickle")), "the first process should have saved its patterns"
    assert _child(tmp_path) == "cached"


def test_a_broken_cache_file_is_ignored(tmp_path):
    _child(tmp_path)
    for f in tmp_path.glob("regex-*.pickle"):
        f.write_bytes(b"not a pickle")
    assert _child(tmp_path) == "fresh"


def test_a_second_run_compiles_nothing_new(tmp_path):
    """Rule patterns are the same string in every run (no set-ordered alternations), so a
    warm run neither compiles nor rewrites the cache."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path)}
    env.pop("NEWSLINT_NO_CACHE", None)
    argv = [sys.executable, "-m", "lint", "check", "--date", "2025-11-22", os.path.join(root, "examples", "drafts")]
    subprocess.run(argv, capture_output=True, env=env, cwd=root)
    saved = {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("*.pickle")}
    assert any(name.startswith("regex-") for name in saved)
    subprocess.run(argv, capture_output=True, env=env, cwd=root)
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("*.pickle")} == saved
