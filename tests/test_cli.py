"""The command line as users meet it: exit codes, formats, the JSON contract, bad input."""
import json
import os

import pytest

BAD = "# Budget news\n\nThe council met on Tuesday.\n\nRead more\n"
CLEAN = "# Budget news\n\nThe council met on Tuesday and approved the budget.\n"


@pytest.fixture
def drafts(tmp_path):
    (tmp_path / "bad.md").write_text(BAD)
    (tmp_path / "clean.md").write_text(CLEAN)
    return tmp_path


def test_exit_codes_and_text_format(cli, drafts):
    bad = cli("check", str(drafts / "bad.md"), "--date", "2025-11-22")
    assert bad.returncode == 1
    first = bad.stdout.splitlines()[0]
    assert first == (f"{drafts / 'bad.md'}:5:1: warning clutter clutter.navigation-link: "
                     "'Read more' is a link or button from a web page, not copy; delete it")
    assert "\033[" not in bad.stdout  # no colour in a pipe
    assert bad.stdout.splitlines()[-1].startswith("1 finding in 1 file; 1 warning; judged at 2025-11-22 (cli)")
    clean = cli("check", str(drafts / "clean.md"))
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert clean.stdout.strip().startswith("0 findings in 1 file")


def test_fail_level(cli, drafts):
    assert cli("check", str(drafts / "bad.md"), "--fail-level", "error").returncode == 0
    assert cli("check", str(drafts / "bad.md"), "--fail-level", "info").returncode == 1


def test_json_contract(cli, drafts):
    proc = cli("check", str(drafts / "bad.md"), "--format", "json", "--date", "2025-11-22")
    report = json.loads(proc.stdout)
    assert report["version"] == 1
    assert set(report["summary"]) == {"files", "findings", "error", "warning", "suggestion", "info"}
    entry = report["files"][0]
    assert entry["date"] == "2025-11-22" and entry["date_source"] == "cli"
    f = [f for f in entry["findings"] if f["rule"] == "clutter.navigation-link"][0]
    assert set(f) == {"rule", "category", "severity", "message", "line", "column", "end_line", "end_column",
                      "offset", "end_offset", "match", "suggestions"}
    assert BAD[f["offset"]:f["end_offset"]] == f["match"] == "Read more"
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (5, 1, 5, 10)


def test_github_format(cli, drafts):
    proc = cli("check", str(drafts / "bad.md"), "--format", "github")
    assert proc.stdout.startswith(f"::warning file={drafts / 'bad.md'},line=5,col=1,endLine=5,endColumn=10,"
                                  "title=clutter.navigation-link::'Read more'")


def test_stdin(cli):
    proc = cli("check", "-", "--format", "json", "--stdin-filename", "draft.md", stdin=BAD)
    report = json.loads(proc.stdout)
    assert report["files"][0]["path"] == "draft.md"
    assert proc.returncode == 1


def test_select_ignore_flags(cli, drafts):
    assert cli("check", str(drafts / "bad.md"), "--ignore", "clutter").returncode == 0
    assert cli("check", str(drafts / "bad.md"), "--select", "clutter.ad-marker").returncode == 0
    proc = cli("check", str(drafts / "bad.md"), "--select", "clutter.no-such-rule")
    assert proc.returncode == 2
    assert proc.stderr.strip() == ("newslint: error: --select/--ignore: unknown rule id or prefix "
                                   "'clutter.no-such-rule' (see 'newslint rules')")


def test_rules_and_explain(cli):
    rules = cli("rules")
    assert rules.returncode == 0
    assert any(line.startswith("clutter.navigation-link ") for line in rules.stdout.splitlines())
    explain = cli("explain", "clutter.navigation-link")
    assert explain.returncode == 0
    assert "Why" in explain.stdout and "✗ Read more" in explain.stdout and "✓ She said she would read more" in explain.stdout
    unknown = cli("explain", "clutter.navigation-lnk")
    assert unknown.returncode == 2 and "did you mean clutter.navigation-link" in unknown.stderr


def test_python_m_lint_and_usage_error(cli):
    assert cli("--version").stdout.startswith("newslint ")
    assert cli("check", "--format").returncode == 2
    assert cli("check", "--format", "xml", "x").returncode == 2


def test_help_and_a_mistyped_command_list_every_command(cli):
    """Only the named command's module is loaded to parse its arguments; help and errors
    still show the whole command line."""
    from lint.commands import COMMANDS

    top = cli("--help")
    assert top.returncode == 0 and all(name in top.stdout for name in COMMANDS)
    typo = cli("chek", "draft.md")
    assert typo.returncode == 2 and "invalid choice: 'chek'" in typo.stderr
    assert all(f"'{name}'" in typo.stderr for name in COMMANDS)
    assert "--fail-level" in cli("check", "--help").stdout
    assert "--format" in cli("--no-such-option", "compare", "--help").stdout


# Bad input: a clear one-line error or a clean result, never a traceback, never a hang.
def _assert_clean_error(proc, *needles):
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    for n in needles:
        assert n in proc.stderr


def test_binary_file(cli, tmp_path):
    p = tmp_path / "photo.md"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    _assert_clean_error(cli("check", str(p)), "photo.md", "binary")


def test_non_utf8_file(cli, tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Le café est fermé.\n".encode("latin-1"))
    _assert_clean_error(cli("check", str(p)), "latin.txt:1: not valid UTF-8")


def test_bad_file_does_not_stop_the_others(cli, tmp_path):
    # b"\xff\xfe\x00bad" was the bad file here: since UTF-16 support it reads as a UTF-16 draft
    (tmp_path / "a.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00bad")
    (tmp_path / "b.md").write_text(BAD)
    proc = cli("check", str(tmp_path), "--format", "json")
    assert proc.returncode == 2
    report = json.loads(proc.stdout)
    assert [len(f["findings"]) for f in report["files"]] == [0, 1]
    assert "error" in report["files"][0]


def test_empty_file_and_empty_folder(cli, tmp_path):
    (tmp_path / "empty.md").write_text("")
    proc = cli("check", str(tmp_path / "empty.md"))
    assert proc.returncode == 0 and "0 findings in 1 file" in proc.stdout
    (tmp_path / "nothing").mkdir()
    proc = cli("check", str(tmp_path / "nothing"))
    assert proc.returncode == 0 and "0 findings in 0 files" in proc.stdout


def test_missing_path(cli, tmp_path):
    _assert_clean_error(cli("check", str(tmp_path / "nope.md")), "nope.md: no such file or folder")


def test_ten_megabyte_file(cli, tmp_path):
    paragraph = ("The council met on Tuesday to discuss the budget, and members said the plan would "
                 "keep every library open through the winter. ") * 4 + "\n\n"
    p = tmp_path / "big.md"
    with open(p, "w", encoding="utf-8") as fh:
        while fh.tell() < 10 * 1024 * 1024:
            fh.write(paragraph)
    fh_size = os.path.getsize(p)
    assert fh_size >= 10 * 1024 * 1024
    proc = cli("check", str(p), "--select", "clutter")
    assert proc.returncode == 0, proc.stderr[-500:]
    assert "0 findings in 1 file" in proc.stdout


def test_malformed_config_yaml(cli, tmp_path):
    (tmp_path / ".newslint.yaml").write_text("ignore: [clutter\nfail-level: error\n")
    (tmp_path / "a.md").write_text(CLEAN)
    proc = cli("check", str(tmp_path / "a.md"))
    _assert_clean_error(proc, ".newslint.yaml:2:")
    assert len(proc.stderr.strip().splitlines()) == 1


def test_unknown_rule_id_in_config(cli, tmp_path):
    (tmp_path / ".newslint.yaml").write_text("ignore: [clutter.read-mor]\n")
    (tmp_path / "a.md").write_text(CLEAN)
    _assert_clean_error(cli("check", str(tmp_path / "a.md")), "unknown rule id or prefix 'clutter.read-mor'")


def test_catastrophic_regex_in_user_pack_is_refused(cli, tmp_path):
    (tmp_path / "house.yaml").write_text(
        "pack: house\ndescription: d\ndefaults: {category: style}\nrules:\n"
        "  - id: slow\n    kind: existence\n    patterns: ['(\\w+\\s?)*$']\n    message: m\n"
        "    why: w\n    examples: {bad: [a], good: [b]}\n")
    (tmp_path / ".newslint.yaml").write_text("extra-packs: [house.yaml]\n")
    (tmp_path / "a.md").write_text("x" * 50000 + "!\n")
    proc = cli("check", str(tmp_path / "a.md"))
    _assert_clean_error(proc, "house.yaml:7: rule 'slow': 'patterns': unsafe regular expression")


def test_colour_only_when_asked_or_on_a_terminal(cli, drafts):
    coloured = cli("check", str(drafts / "bad.md"), "--color", "always")
    assert "\033[33mwarning\033[0m" in coloured.stdout
    assert "\033[" not in cli("check", str(drafts / "bad.md"), "--color", "auto").stdout


def test_rules_json_lists_the_engine_rule(cli):
    import json as _json

    rows = _json.loads(cli("rules", "--format", "json").stdout)
    ids = [r["id"] for r in rows]
    assert "newslint.unused-suppression" in ids and "clutter.ad-marker" in ids
    assert ids == sorted(ids)


def test_a_usage_error_is_one_line(cli):
    proc = cli("check", "--fail-level", "bogus", ".")
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "newslint: error: argument --fail-level: invalid choice: 'bogus' (choose from 'error', 'warning', "
        "'suggestion', 'info') (see 'newslint check --help')"]


def test_facts_check_keeps_quiet_about_the_shipped_packs(cli):
    proc = cli("facts", "check")
    assert proc.returncode == 0 and proc.stdout == ""
    assert "0 problem(s)" in proc.stderr and "about the shipped packs not shown: --all" in proc.stderr
    assert "(warning)" in cli("facts", "check", "--all").stdout
