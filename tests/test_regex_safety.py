"""Pack regexes cannot hang a run: known-bad shapes are refused when the pack loads, and
whatever slips through is stopped by the per-rule time budget with a one-line error."""
import re
import subprocess
import sys

import pytest

from lint.regexcheck import backtracking_risk

# Each would run for minutes to hours on a line of a few dozen characters.
KNOWN_BAD = [
    r"(a+)+$",            # nested repeats
    r"(\w+\s?)*$",        # nested repeats, the classic word-list shape
    r"(x+x+)+y",          # nested, overlapping
    r"(a|aa)+$",          # alternatives with a common prefix (re factors it out: a(?:|a))
    r"(a|a)*b",           # identical alternatives
    r"(?:ab|a)+c",        # one alternative a prefix of the other
    r"(?:\s|\s)+$",       # overlapping classes as alternatives
    r"(a|b|ab)*c",        # an alternative that is the concatenation of two others
    r"(?:|a)+b",          # an alternative that matches nothing
    r"^(a+)\1*$",         # a back-reference under a repeat
    r"(\w+)(?:\1)+$",     # the same, in a group
    r"(.*a){20}",         # a long counted repeat over an unbounded one
]

SAFE = [
    r"\bfoo\b", r"(?:Mr|Mrs|Ms)\.? [A-Z]\w+", r"\d{1,2}:\d{2}", r"\b(?:read|see) more\b",
    r"\d+(?:,\d{3})*", r"(?:ab|cd)+", r"\w+\s+\w+", r"(?<!\w)x+(?!\w)", r"(\w|\d)+x",
    r"(?:please\s+)?donate(?:\s+(?:now|today))?\s*[.!]?",
]


@pytest.mark.parametrize("pattern", KNOWN_BAD)
def test_known_bad_shapes_are_refused(pattern):
    re.compile(pattern)  # valid syntax: refused for its shape, not as an error
    assert backtracking_risk(pattern), pattern


@pytest.mark.parametrize("pattern", SAFE)
def test_ordinary_patterns_pass(pattern):
    assert backtracking_risk(pattern) is None, pattern


def _pack(tmp_path, pattern):
    (tmp_path / "house.yaml").write_text(
        "pack: house\ndescription: d\ndefaults: {category: style}\nrules:\n"
        f"  - id: slow\n    kind: existence\n    patterns: ['{pattern}']\n    message: m\n"
        "    why: a rule whose pattern is under test here\n    examples: {bad: [a], good: [b]}\n", encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("extra-packs: [house.yaml]\n", encoding="utf-8")


def _run(tmp_path, *args, env=None):
    import os

    return subprocess.run([sys.executable, "-m", "lint", "check", *args], capture_output=True, text=True,
                          cwd=tmp_path, env={**os.environ, **(env or {})}, timeout=300)


@pytest.mark.parametrize("pattern", [r"(a|aa)+$", r"^(a+)\1*$", r"(?:ab|a)+c"])
def test_a_user_pack_with_a_bad_shape_stops_the_run_at_load(tmp_path, pattern):
    _pack(tmp_path, pattern)
    (tmp_path / "a.md").write_text("a" * 60 + "!\n", encoding="utf-8")
    proc = _run(tmp_path, "a.md")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "house.yaml:7: rule 'slow': 'patterns': unsafe regular expression" in proc.stderr


def test_a_runaway_pattern_the_check_lets_through_is_stopped_by_the_time_budget(tmp_path):
    # polynomial, not exponential: the load check passes it, yet 120 digits take minutes
    pattern = "[a-z]+[a-z]+[a-z]+[a-z]+[a-z]+x"
    assert backtracking_risk(pattern) is None
    _pack(tmp_path, pattern)
    (tmp_path / "a.md").write_text("a" * 150 + "!\n\nRead more\n", encoding="utf-8")
    proc = _run(tmp_path, "a.md", env={"NEWSLINT_RULE_TIME_LIMIT": "1"})
    assert proc.returncode == 2, proc.stdout + proc.stderr
    errors = [ln for ln in proc.stderr.splitlines() if ln.startswith("newslint: error:")]
    assert len(errors) == 1, proc.stderr
    assert "house.yaml:5: rule 'house.slow' was stopped after 1 s of CPU time on a.md" in errors[0], proc.stderr
    assert "clutter.navigation-link" in proc.stdout  # the other rules still ran


def test_the_time_budget_counts_per_rule_and_its_handler_is_restored(tmp_path):
    import signal
    import time

    from lint.engine import timebudget

    def spin(seconds: float) -> None:
        end = time.process_time() + seconds
        while time.process_time() < end:
            sum(range(1000))

    before = signal.getsignal(signal.SIGVTALRM)
    with timebudget.Budget(5) as budget:
        assert signal.getsignal(signal.SIGVTALRM) is not before
        assert signal.getitimer(signal.ITIMER_VIRTUAL)[0] > 0  # one timer for the document
    assert signal.getsignal(signal.SIGVTALRM) is before
    assert signal.getitimer(signal.ITIMER_VIRTUAL)[0] == 0
    # each rule gets the whole budget: two rules of 0.6 of it each are not stopped ...
    with timebudget.Budget(0.5) as budget:
        for _ in range(2):
            budget.start()
            spin(0.3)
            budget.stop()
        spin(0.6)  # ... nor is the engine's own work between rules
    # ... and a CPU-bound loop past its budget is
    with pytest.raises(timebudget.RuleTimeout):
        with timebudget.Budget(0.2) as budget:
            budget.start()
            while True:
                sum(range(1000))
    assert signal.getitimer(signal.ITIMER_VIRTUAL)[0] == 0
    assert signal.getsignal(signal.SIGVTALRM) is before
