"""Kinds document themselves: every parameter a kind reads is declared (with a type and
help), every declared key is read, a YAML key a kind would ignore stops the load, and the
kinds section of docs/packs.md is generated from the declarations."""
import ast
import datetime as dt
import importlib
import inspect
import pkgutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lint import kinds as kinds_package
from lint.config import Config
from lint.engine import Engine
from lint.kinddoc import DOC_END, DOC_START, markdown
from lint.languagetool import LanguageTool
from lint.packs import PackError, build_pack, read_pack, rules_dir
from lint.plugins import build
from lint.rule import NUMBER, Param, Rule

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "examples" / "plugin"))
from newslint_shouting.kind import CapsRun  # noqa: E402  (the example plugin's kind, for plugin authors)

_PLUGINS = build(entry_points=False)
KINDS = Engine(plugins=_PLUGINS).kinds()
# the kinds packs name, the example plugin's, and the one a plugin hook registers ready-made
CHECKED = {**KINDS, CapsRun.kind: CapsRun, LanguageTool.kind: LanguageTool}


def options_read(cls: type[Rule]) -> tuple[set[str], list[str]]:
    """The keys the kind's code reads from ``self.options`` (in its class and the bases it
    inherits from, up to :class:`Rule`), and any use of ``options`` that cannot be checked
    (passed along whole, indexed by a variable): those must not exist."""
    keys: set[str] = set()
    unclear: list[str] = []
    for klass in cls.__mro__:
        if klass is Rule or not issubclass(klass, Rule):
            continue
        tree = ast.parse(textwrap.dedent(inspect.getsource(klass)))
        aliases: set[str] = set()

        def is_options(node: ast.AST) -> bool:
            return (isinstance(node, ast.Attribute) and node.attr == "options" and isinstance(node.value, ast.Name)
                    and node.value.id == "self") or (isinstance(node, ast.Name) and node.id in aliases)

        for node in ast.walk(tree):  # `o = self.options` makes `o` an alias
            if isinstance(node, ast.Assign) and is_options(node.value) and all(isinstance(t, ast.Name) for t in node.targets):
                aliases.update(t.id for t in node.targets)
        understood: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and is_options(node.value):
                understood.add(id(node.value))
            elif isinstance(node, ast.Subscript) and is_options(node.value):
                understood.add(id(node.value))
                if isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
                    keys.add(node.slice.value)
                else:
                    unclear.append(f"{klass.__name__} line {node.lineno}: options indexed by a non-literal")
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" \
                    and is_options(node.func.value):
                understood.add(id(node.func.value))
                if node.args and isinstance(node.args[0], ast.Constant):
                    keys.add(node.args[0].value)
                else:
                    unclear.append(f"{klass.__name__} line {node.lineno}: options.get of a non-literal")
        for node in ast.walk(tree):
            if is_options(node) and id(node) not in understood and not (
                    isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)):
                unclear.append(f"{klass.__name__} line {node.lineno}: options used whole")
    return keys, unclear


@pytest.mark.parametrize("name", sorted(CHECKED))
def test_every_parameter_a_kind_reads_is_declared_and_every_declared_one_is_read(name):
    kind = CHECKED[name]
    read, unclear = options_read(kind)
    assert not unclear, f"kind '{name}' reads its options in a way this test cannot check: {unclear}"
    undeclared = read - set(kind.params)
    assert not undeclared, f"kind '{name}' reads parameters it does not declare: {sorted(undeclared)}"
    ignored = set(kind.params) - read
    assert not ignored, f"kind '{name}' declares parameters it never reads (a pack setting them is ignored): {sorted(ignored)}"


@pytest.mark.parametrize("name", sorted(CHECKED))
def test_every_kind_and_parameter_is_documented(name):
    kind = CHECKED[name]
    assert kind.__doc__ and len(kind.__doc__.split()) >= 8, f"kind '{name}' needs a docstring saying what it flags"
    for pname, param in kind.params.items():
        assert param.type and param.help.strip(), pname
        assert not param.required or param.default is None, f"{name}.{pname}: a required parameter has no default"
        assert not param.choices or param.required or param.default in param.choices, f"{name}.{pname}"


def test_the_checker_sees_a_kind_that_reads_an_undeclared_parameter():
    class Sloppy(Rule):
        """A kind that forgot to declare one of its parameters."""

        kind = "sloppy"
        params = {"limit": Param(NUMBER, "how many", default=3)}

        def check(self, doc):
            o = self.options
            return [o["limit"], self.options.get("forgotten")]

    class Passes(Rule):
        """A kind that hands its options on whole."""

        kind = "passes"

        def check(self, doc):
            return helper(self.options)  # noqa: F821

    read, unclear = options_read(Sloppy)
    assert read == {"limit", "forgotten"} and not unclear
    assert options_read(Passes)[1] == ["Passes line 7: options used whole"]


def test_a_param_must_name_its_type_and_have_help():
    with pytest.raises(TypeError, match="needs type="):
        Param(lambda v: v, "some help")
    with pytest.raises(TypeError, match="line of help"):
        Param(NUMBER, " ")
    assert Param(lambda v: v, "some help", type="colour").type == "colour"


def test_every_kind_module_holds_one_kind():
    found: dict[str, list[str]] = {}
    for info in pkgutil.iter_modules(kinds_package.__path__):
        module = importlib.import_module(f"lint.kinds.{info.name}")
        found[info.name] = [n for n, v in vars(module).items()
                            if inspect.isclass(v) and issubclass(v, Rule) and v.kind and v.__module__ == module.__name__]
    kinds_here = {m: k for m, k in found.items() if k}
    assert all(len(k) == 1 for k in kinds_here.values()), {m: k for m, k in kinds_here.items() if len(k) > 1}
    registered = {cls.__module__.rsplit(".", 1)[-1] for cls in KINDS.values() if cls.__module__.startswith("lint.kinds.")}
    assert registered == set(kinds_here), "a module in lint/kinds/ holds a kind newslint does not register, or the other way"


# --- a YAML key a kind ignores -----------------------------------------------------------

def _rules_by_kind():
    rules = Engine(plugins=_PLUGINS).all_rules(Config())
    by_kind: dict[str, list] = {}
    for rule in rules:
        by_kind.setdefault(rule.kind, []).append(rule)
    return by_kind


def _bad_example_messages(rule, template: str) -> list[str]:
    """The messages ``rule`` gives on its bad examples when its ``message`` is ``template``."""
    rule.message = template
    engine = Engine(plugins=_PLUGINS)
    out = []
    for ex in rule.examples.bad:
        text = ex["text"] if isinstance(ex, dict) else ex
        date = ex.get("date") if isinstance(ex, dict) else None
        doc = engine.parse(text + "\n", "example.md")
        doc.date = dt.date.fromisoformat(date) if isinstance(date, str) else (date or dt.date(2025, 11, 22))
        out.extend(f.message for f in rule.check(doc))
    return out


@pytest.mark.parametrize("kind", sorted(_rules_by_kind()))
def test_uses_message_says_truly_whether_the_kind_words_findings_with_the_pack_message(kind):
    """A kind that says it uses ``message:`` shows it on its shipped rules' bad examples;
    a kind that says it writes its own never does (so refusing the key loses nothing)."""
    rules = [r for r in Engine(plugins=_PLUGINS).all_rules(Config()) if r.kind == kind]
    messages = [m for rule in rules for m in _bad_example_messages(rule, "@@template@@ {match}")]
    cls = KINDS[kind]
    if cls.uses_message:
        assert any("@@template@@" in m for m in messages), f"kind '{kind}' says it uses 'message:' but never showed it"
    else:
        assert not any("@@template@@" in m for m in messages), f"kind '{kind}' says it words its own messages"


def _pack(tmp_path, rule_yaml: str) -> Path:
    path = tmp_path / "house.yaml"
    path.write_text("pack: house\ndescription: House rules.\ndefaults: {category: date, severity: error}\nrules:\n"
                    + textwrap.dedent(rule_yaml), encoding="utf-8")
    return path


def _load(path):
    return build_pack(read_pack(path), KINDS, Config().settings())


def test_a_message_on_a_kind_that_words_its_own_stops_the_load_naming_file_line_and_key(tmp_path):
    path = _pack(tmp_path, """\
          - id: wrong-weekday
            kind: date-weekday
            summary: a weekday that does not match its date
            message: "'{match}' pairs a date with the wrong weekday"
            why: A weekday that does not match its date leaves readers unsure which one is right.
            examples: {bad: ["On Tuesday, Dec. 3, 2025, it rained."], good: ["On Wednesday, Dec. 3, 2025, it rained."]}
        """)
    with pytest.raises(PackError, match=r"house\.yaml:8: rule 'wrong-weekday': kind 'date-weekday' writes its own "
                                        r"messages, so 'message' would be ignored"):
        _load(path)


def test_the_command_exits_2_on_an_ignored_key(tmp_path):
    path = _pack(tmp_path, """\
          - id: wrong-weekday
            kind: date-weekday
            message: "wrong weekday"
            why: A weekday that does not match its date leaves readers unsure which one is right.
            examples: {bad: ["On Tuesday, Dec. 3, 2025, it rained."], good: ["On Wednesday, Dec. 3, 2025, it rained."]}
        """)
    (tmp_path / ".newslint.yaml").write_text("extra-packs: [house.yaml]\n", encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text("The council met on Wednesday, Dec. 3, 2025.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "lint", "check", "--no-progress", str(draft)], cwd=tmp_path,
                          capture_output=True, text=True)
    assert proc.returncode == 2, proc.stderr
    assert "house.yaml:7:" in proc.stderr and "'message'" in proc.stderr


def test_an_undeclared_key_names_the_parameters_the_kind_takes(tmp_path):
    path = _pack(tmp_path, """\
          - id: ap-month
            kind: date-ap-month
            en-us: true
            summary: AP month style
            why: AP abbreviates some months before a day and spells out the others.
            examples: {bad: ["It opens on January 5."], good: ["It opens on Jan. 5."]}
        """)
    with pytest.raises(PackError, match=r"house\.yaml:7: rule 'ap-month': unknown key 'en-us' \(kind 'date-ap-month' takes: en-gb\)"):
        _load(path)


def test_a_wrong_type_names_the_key(tmp_path):
    path = _pack(tmp_path, """\
          - id: ap-month
            kind: date-ap-month
            en-gb: "yes"
            summary: AP month style
            why: AP abbreviates some months before a day and spells out the others.
            examples: {bad: ["It opens on January 5."], good: ["It opens on Jan. 5."]}
        """)
    with pytest.raises(PackError, match=r"house\.yaml:7: rule 'ap-month': 'en-gb': expected true or false"):
        _load(path)


def test_a_value_outside_the_choices_names_the_key_and_the_choices(tmp_path):
    path = _pack(tmp_path, """\
          - id: long-sentence
            kind: readability
            measure: sentence-length
            max: 35
            category: readability
            why: Long sentences make readers work harder than they need to for the news.
            examples: {bad: ["One two three."], good: ["One."]}
        """)
    with pytest.raises(PackError, match=r"house\.yaml:7: rule 'long-sentence': 'measure' must be one of "
                                        r"sentence-words, paragraph-words, grade, not 'sentence-length'"):
        _load(path)


@pytest.mark.parametrize("old,check,new", [("grammar", "a-an", "a-an"), ("consistency", "counts", "consistency-counts")])
def test_a_pack_naming_a_kind_that_was_split_is_told_the_new_kind(tmp_path, old, check, new):
    path = _pack(tmp_path, f"""\
          - id: old-style
            kind: {old}
            check: {check}
            why: A rule written before each check became a kind of its own.
            examples: {{bad: ["a apple"], good: ["an apple"]}}
        """)
    with pytest.raises(PackError, match=rf"house\.yaml:6: rule 'old-style': kind '{old}' with 'check: {check}' is now kind '{new}'"):
        _load(path)


def test_every_shipped_pack_loads_with_every_rule():
    settings = Config().settings()
    paths = sorted(rules_dir().glob("*.yaml"))
    assert len(paths) >= 10
    for path in paths:
        pack = build_pack(read_pack(path), KINDS, settings)
        assert pack.rules and not pack.failed, (path, pack.failed)


# --- docs and explain ------------------------------------------------------------------

def test_docs_packs_md_lists_every_kind_as_the_declarations_say():
    text = (ROOT / "docs" / "packs.md").read_text(encoding="utf-8")
    start, end = text.index(DOC_START), text.index(DOC_END) + len(DOC_END) + 1
    assert text[start:end] == markdown(KINDS), "docs/packs.md is out of date: run python tools/kinds_doc.py"
    for name in KINDS:
        assert f"### `{name}`" in text


def test_the_docs_tool_reports_an_out_of_date_file(tmp_path):
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import kinds_doc
    finally:
        sys.path.remove(str(ROOT / "tools"))
    stale = f"# Packs\n\n{DOC_START}\n### `old`\n{DOC_END}\n\nAfter.\n"
    fresh = kinds_doc.updated(stale, KINDS)
    assert fresh.startswith("# Packs\n\n" + DOC_START) and fresh.endswith(DOC_END + "\n\nAfter.\n")
    assert "### `old`" not in fresh and "### `substitution`" in fresh
    assert kinds_doc.updated(fresh, KINDS) == fresh


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "lint", *args], capture_output=True, text=True, cwd=ROOT)


def test_explain_shows_the_kind_and_the_values_the_rule_sets():
    out = _cli("explain", "house-usage.renamed-city")
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert "kind: substitution" in text
    params = text[text.index("Parameters\n"):]
    assert "  swap: {Bombay: Mumbai," in params
    assert "  ignorecase: false\n" in params  # set by the pack
    assert "  safe: false   (the default)\n" in params
    assert "--fix may apply the replacement" in params  # the parameter's help


def test_explain_kind_shows_its_parameters_and_an_unknown_kind_is_a_usage_error():
    out = _cli("explain", "--kind", "date-ap-month")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("kind date-ap-month\n")
    assert "  en-gb  (boolean; default: false)\n" in out.stdout
    assert "take no 'message:'" in out.stdout
    bad = _cli("explain", "--kind", "date-ap-mnth")
    assert bad.returncode == 2 and "did you mean date-ap-month" in bad.stderr
