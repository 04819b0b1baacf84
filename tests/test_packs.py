"""Pack validation: every mistake names the file, the line and the key."""
import datetime as dt
import textwrap

import pytest

from lint.config import Config
from lint.engine import Engine
from lint.packs import PackError, build_pack, read_pack
from lint.plugins import build

GOOD_RULE = """
  - id: {id}
    kind: existence
    tokens: [slammed]
    message: "'{{match}}' is loaded"
    why: A sneering verb tells the reader what to think of the speaker.
    examples: {{bad: ["She slammed the plan."], good: ["She criticised the plan."]}}
"""


def write_pack(tmp_path, body, name="p.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def load(path):
    engine = Engine(plugins=build(entry_points=False))
    return build_pack(read_pack(path), engine.kinds(), Config().settings())


def header(extra=""):
    return f"pack: house\ndescription: House rules.\ndefaults: {{category: bias, severity: warning}}\n{extra}rules:\n"


def test_valid_pack_loads(tmp_path):
    pack = load(write_pack(tmp_path, header() + GOOD_RULE.format(id="loaded-verb")))
    assert [r.id for r in pack.rules] == ["house.loaded-verb"]
    assert pack.rules[0].source.endswith("p.yaml:6")


@pytest.mark.parametrize(
    "body,expected",
    [
        (header() + GOOD_RULE.format(id="x").replace("tokens:", "tokenz:"), r"p.yaml:8: rule 'x': unknown key 'tokenz'"),
        (header() + GOOD_RULE.format(id="x").replace("kind: existence", "kind: nope"), r"p.yaml:7: rule 'x': unknown kind 'nope'"),
        (header() + GOOD_RULE.format(id="x").replace("tokens: [slammed]", "patterns: ['(unclosed']"), r"p.yaml:8: rule 'x': 'patterns': bad regular expression"),
        (header() + GOOD_RULE.format(id="Bad_Id"), r"p.yaml:6: 'id' must be kebab-case"),
        (header() + GOOD_RULE.format(id="x").replace("tokens: [slammed]", "tokens: 3"), r"p.yaml:8: rule 'x': 'tokens': expected a string"),
        (header() + GOOD_RULE.format(id="x").replace('good: ["She criticised the plan."]', "good: []"), r"needs at least one bad and one good example"),
        (header("colour: red\n") + GOOD_RULE.format(id="x"), r"p.yaml:4: unknown key 'colour'"),
        ("pack: house\nrules: []\n", r"p.yaml:1: missing key 'description'"),
        (header() + GOOD_RULE.format(id="x") + GOOD_RULE.format(id="x"), r"duplicate rule id 'house.x'"),
        ("pack: house\ndescription: [unclosed\n", r"p.yaml:3: "),
    ],
)
def test_invalid_packs_name_file_line_and_key(tmp_path, body, expected):
    path = write_pack(tmp_path, body)
    with pytest.raises(PackError, match=expected):
        load(path)


def test_bad_pack_in_config_exits_2_with_file_and_line(tmp_path, cli):

    write_pack(tmp_path, header() + GOOD_RULE.format(id="x").replace("kind: existence", "kind: nope"), "house.yaml")
    (tmp_path / ".newslint.yaml").write_text("extra-packs: [house.yaml]\n")
    (tmp_path / "d.md").write_text("Text.\n")
    proc = cli("check", str(tmp_path / "d.md"))
    assert proc.returncode == 2
    assert "house.yaml:7: rule 'x': unknown kind 'nope'" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_pack_rule_runs_with_its_skip_contexts(tmp_path):
    write_pack(tmp_path, header().replace("severity: warning", "severity: warning, skip: [quotes]") + GOOD_RULE.format(id="x"), "house.yaml")
    cfg_path = tmp_path / ".newslint.yaml"
    cfg_path.write_text("packs: [house.yaml]\n")
    from lint.config import load_config

    engine = Engine(plugins=build(entry_points=False), date=dt.date(2025, 1, 1))
    res = engine.check_text('She slammed the plan. "We slammed the door," he said.\n', str(tmp_path / "d.md"),
                            config=load_config(str(cfg_path)))
    assert [(f.rule, f.match) for f in res.findings] == [("house.x", "slammed")]


def test_shipped_packs_pass_the_strict_pattern_checks():
    """Built-in packs skip the backtracking check at run time; here they must pass it."""
    from lint.packs import rules_dir

    engine = Engine(plugins=build(entry_points=False))
    for path in sorted(rules_dir().glob("*.yaml")):
        build_pack(read_pack(path), engine.kinds(), Config().settings(), trusted=False)


def test_user_packs_are_checked(tmp_path):
    body = header() + GOOD_RULE.format(id="x").replace("tokens: [slammed]", "patterns: ['(a+)+b']")
    with pytest.raises(PackError, match="unsafe regular expression"):
        load(write_pack(tmp_path, body))
