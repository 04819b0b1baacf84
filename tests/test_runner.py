"""The runner: rule sets validated before any file is read, each draft read in one place, and
outcomes produced in order for a consumer that only reports."""
import io
import json
import textwrap

import pytest

from lint.config import Config
from lint.engine import Engine, parallel, runner

BAD_PACK = textwrap.dedent("""\
    pack: house
    description: House rules.
    defaults: {category: bias, severity: warning}
    rules:
      - id: loaded-verb
        kind: existence
        tokens: [slammed]
        message: "'{match}' is loaded"
        why: A sneering verb tells the reader what to think of the speaker.
        colour: red
        examples: {bad: ["She slammed the plan."], good: ["She criticised the plan."]}
    """)
DRAFT = "The the minister slammed the plan on Tuesday.\n"


def _desk(root, name, pack=None):
    folder = root / name
    folder.mkdir()
    if pack is not None:
        (folder / "house.yaml").write_text(pack)
        (folder / ".newslint.yaml").write_text("extra-packs: [house.yaml]\n")
    for i in range(3):
        (folder / f"d{i}.md").write_text(DRAFT)
    return folder


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bad_pack_stops_the_run_before_any_draft_is_read(tmp_path, cli, fmt, jobs):
    folder = _desk(tmp_path, "desk", BAD_PACK)
    proc = cli("check", "--format", fmt, "--jobs", jobs, "--no-progress", str(folder))
    assert proc.returncode == 2
    assert proc.stdout == ""  # no findings, no half-written JSON
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert "house.yaml:10" in lines[0] and "colour" in lines[0] and "Traceback" not in proc.stderr


def test_a_bad_pack_of_a_later_folder_stops_the_run_before_the_first_folder_is_reported(tmp_path, cli):
    good = _desk(tmp_path, "a-good")
    bad = _desk(tmp_path, "b-bad", BAD_PACK)
    proc = cli("check", "--no-progress", str(good), str(bad))
    assert proc.returncode == 2
    assert proc.stdout == ""  # a-good's findings are not printed before the error
    assert len(proc.stderr.splitlines()) == 1 and "house.yaml:10" in proc.stderr
    assert cli("check", "--no-progress", str(good)).stdout.count("grammar.repeated-word") == 3


def test_prepare_builds_every_rule_set_the_items_need(tmp_path):
    from lint.packs import PackError

    good, bad = _desk(tmp_path, "a-good"), _desk(tmp_path, "b-bad", BAD_PACK)
    engine = Engine()
    items = [(str(good / "d0.md"), engine.config_for(good / "d0.md")),
             (str(bad / "d0.md"), engine.config_for(bad / "d0.md"))]
    engine.prepare(items[:1])
    with pytest.raises(PackError, match="house.yaml:10"):
        engine.prepare(items)


@pytest.mark.parametrize("mode", runner.MODES)
def test_a_draft_that_cannot_be_decoded_is_an_error_result_in_every_mode(tmp_path, mode):
    path = tmp_path / "latin1.md"
    path.write_bytes("Caf\xe9 society.\n".encode("latin-1"))
    out = runner.lint_file(Engine(), str(path), Config(), mode)
    assert out.result.error.startswith(f"{path}:1: not valid UTF-8")
    assert not out.applied and not out.changed and path.read_bytes() == "Caf\xe9 society.\n".encode("latin-1")


def test_standard_input_and_files_come_back_in_the_order_given(tmp_path):
    engine = Engine()
    names = []
    for i, text in enumerate(["The the cat sat.\n", "A fine day.\n", "It it rained.\n"]):
        p = tmp_path / f"f{i}.md"
        p.write_text(text)
        names.append(str(p))
    items = [(names[0], None), ("-", None), (names[1], None), (names[2], None)]
    stdin = io.BytesIO("We we agreed.\n".encode("utf-16"))  # decoded by the same reader as files
    got = list(runner.outcomes(engine, items, jobs=2, stdin=stdin, stdin_name="pasted.md"))
    assert [o.result.path for o in got] == [names[0], "pasted.md", names[1], names[2]]
    assert [[f.match for f in o.result.findings if f.rule == "grammar.repeated-word"] for o in got] == [
        [" the"], [" we"], [], [" it"]]
    assert all(o.fail_level is not None for o in got)


def test_fixing_standard_input_hands_the_text_back_and_writes_nothing(tmp_path):
    cfg = Config()
    out = runner.lint_stream(Engine(), io.BytesIO(b"Go towards it.\n"), "<stdin>", cfg, "fix")
    plain = runner.lint_stream(Engine(), io.BytesIO(b"Go towards it.\n"), "<stdin>", cfg, "check")
    assert out.fixed_text is not None and (out.fixed_text != "Go towards it.\n") == bool(out.applied)
    assert plain.fixed_text is None and not plain.applied


def test_the_pool_and_one_process_give_the_same_outcomes(tmp_path):
    folder = _desk(tmp_path, "desk")
    engine = Engine()
    items = [(str(p), None) for p in sorted(folder.glob("*.md"))]
    one = [o.result.findings for o in parallel.run(engine, items, jobs=1)]
    two = [o.result.findings for o in parallel.run(engine, items, jobs=2)]
    assert one == two and all(one)
