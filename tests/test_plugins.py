"""Plugins: real entry-point discovery of the example plugin, and isolation of broken plugins."""
import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lint import hookimpl
from lint.config import Config
from lint.engine import Engine
from lint.plugins import build
from lint.rule import Rule

ROOT = Path(__file__).resolve().parent.parent


class Exploding(Rule):
    kind = "exploding"

    def check(self, doc):
        raise RuntimeError("boom")


class ExplodingPlugin:
    @hookimpl
    def register_kinds(self):
        return [Exploding]

    @hookimpl
    def register_rules(self, settings):
        from lint.findings import Severity
        from lint.rule import Examples

        return [Exploding(id="boom.always", category="style", severity=Severity.WARNING, message="m", why="w",
                          examples=Examples(("a",), ("b",)), skip=frozenset(), options={}, settings=settings)]


class BrokenRegistration:
    @hookimpl
    def register_packs(self):
        raise ValueError("cannot find my packs")


def test_a_raising_rule_is_named_once_and_other_rules_still_run():
    plugins = build(entry_points=False, extra=[("exploder", ExplodingPlugin()), ("broken-packs", BrokenRegistration())])
    engine = Engine(plugins=plugins, date=dt.date(2025, 1, 1))
    r1 = engine.check_text("Read more\n", "a.md", config=Config())
    r2 = engine.check_text("Advertisement\n", "b.md", config=Config())
    assert [f.rule for f in r1.findings] == ["clutter.navigation-link"]
    assert [f.rule for f in r2.findings] == ["clutter.ad-marker"]
    messages = [str(e) for e in engine.errors]
    assert any(m.startswith("plugin 'broken-packs': register_packs raised ValueError: cannot find my packs") for m in messages)
    boom = [m for m in messages if "boom.always" in m]
    assert boom == ["plugin 'exploder': rule 'boom.always' raised RuntimeError: boom (in a.md)"]


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory):
    """Install examples/plugin into a private folder with pip, as a user would."""
    import shutil

    target = tmp_path_factory.mktemp("site")
    base = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target)]
    # build from a copy: a setuptools build leaves build/ and *.egg-info next to the sources
    src = str(tmp_path_factory.mktemp("plugin-src") / "plugin")
    shutil.copytree(ROOT / "examples" / "plugin", src, ignore=shutil.ignore_patterns("build", "*.egg-info"))
    proc = subprocess.run(base + ["--no-build-isolation", src], capture_output=True, text=True)
    if proc.returncode != 0:  # no setuptools in this environment: let pip fetch the backend
        proc = subprocess.run(base + [src], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return target


def _env(site):
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(site), str(ROOT)])
    return env


def test_example_plugin_is_discovered_through_its_entry_point(plugin_site, cli, tmp_path):
    env = _env(plugin_site)
    rules = cli("rules", env=env)
    assert "shouting.caps-run" in rules.stdout, rules.stderr
    draft = tmp_path / "d.md"
    draft.write_text('POLICE SAY THE ROAD IS CLOSED until Monday. NATO met. "WE WANT JUSTICE," they chanted.\n')
    proc = cli("check", str(draft), "--format", "json", "--fail-level", "suggestion", env=env)
    found = json.loads(proc.stdout)["files"][0]["findings"]
    assert [(f["rule"], f["match"]) for f in found] == [("shouting.caps-run", "POLICE SAY THE ROAD IS CLOSED")]
    assert proc.returncode == 1
    explain = cli("explain", "shouting.caps-run", env=env)
    assert "Three or more words" in explain.stdout


def test_example_plugin_examples_hold(plugin_site):
    code = textwrap.dedent("""
        import json
        from lint.config import Config
        from lint.engine import Engine
        engine = Engine()
        out = []
        for rule in engine.all_rules(Config()):
            if rule.pack != "shouting":
                continue
            for which in ("bad", "good"):
                for ex in getattr(rule.examples, which):
                    res = Engine(plugins=engine.plugins, select=[rule.id]).check_text(ex, "x.md", config=Config())
                    out.append([which, bool([f for f in res.findings if f.rule == rule.id])])
        print(json.dumps(out))
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(plugin_site))
    results = json.loads(proc.stdout)
    assert results and all(flagged == (which == "bad") for which, flagged in results)


def test_installed_plugins_are_loaded_by_pluggy_with_their_distribution(plugin_site):
    code = ("from lint.plugins import build; pm = build().manager;"
            "print(sorted((pm.get_name(p), d.project_name) for p, d in pm.list_plugin_distinfo()))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(plugin_site))
    assert proc.stdout.strip() == "[('shouting', 'newslint-shouting')]", proc.stderr
    without = subprocess.run([sys.executable, "-c", code.replace("build().manager", "build(entry_points=False).manager")],
                             capture_output=True, text=True, env=_env(plugin_site))
    assert without.stdout.strip() == "[]"


def test_a_plugin_that_fails_to_import_is_named(cli, tmp_path):
    site = tmp_path / "site"
    dist = site / "broken_plugin-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[newslint]\nbroken = broken_plugin_module_that_is_missing\n")
    draft = tmp_path / "d.md"
    draft.write_text("Read more\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(site), str(ROOT)]))
    proc = cli("check", str(draft), "--format", "json", env=env)
    assert proc.returncode == 2
    assert "plugin 'broken-plugin[broken]': failed to load: ModuleNotFoundError" in proc.stderr
    report = json.loads(proc.stdout)
    assert [f["rule"] for f in report["files"][0]["findings"]] == ["clutter.navigation-link"]
    assert report["errors"][0].startswith("plugin 'broken-plugin[broken]'")
    assert "Traceback" not in proc.stderr


class BadSetup(Rule):
    kind = "bad-setup"

    def setup(self):
        raise KeyError("a table the plugin forgot to ship")

    def check(self, doc):
        return []


def test_a_kind_whose_setup_raises_is_one_error_and_the_pack_s_other_rules_run(tmp_path):
    pack = tmp_path / "house.yaml"
    pack.write_text(textwrap.dedent("""\
        pack: house
        description: a plugin's pack
        defaults: {category: style}
        rules:
          - id: broken
            kind: bad-setup
            message: m
            why: a rule whose kind cannot set itself up
            examples: {bad: [a], good: [b]}
          - id: fine
            kind: existence
            tokens: [blorp]
            message: "'{match}' is not a word"
            why: a rule that must still run when its neighbour breaks
            examples: {bad: [blorp], good: [b]}
        """), encoding="utf-8")

    class Plugin:
        @hookimpl
        def register_kinds(self):
            return [BadSetup]

        @hookimpl
        def register_packs(self):
            return [str(pack)]

    engine = Engine(plugins=build(entry_points=False, extra=[("house-plugin", Plugin())]), date=dt.date(2025, 1, 1))
    result = engine.check_text("The blorp met on Tuesday.\n", "a.md", config=Config())
    assert "house.fine" in [f.rule for f in result.findings]
    assert [str(e) for e in engine.errors] == [
        "plugin 'house-plugin': rule 'house.broken' (kind 'bad-setup') failed to set up: "
        "KeyError: 'a table the plugin forgot to ship'; the other rules still run"]


def test_a_rule_without_a_message_never_gives_a_blank_one(tmp_path):
    pack = tmp_path / "house.yaml"
    pack.write_text(textwrap.dedent("""\
        pack: house
        description: d
        defaults: {category: style}
        rules:
          - id: no-message
            kind: existence
            tokens: [blorp]
            summary: an invented word
            why: a rule written without a message line
            examples: {bad: [blorp], good: [b]}
        """), encoding="utf-8")
    cfg = tmp_path / ".newslint.yaml"
    cfg.write_text("extra-packs: [house.yaml]\n", encoding="utf-8")
    from lint.config import load_config

    engine = Engine(plugins=build(entry_points=False), date=dt.date(2025, 1, 1), select=["house"])
    (f,) = engine.check_text("A blorp.\n", str(tmp_path / "a.md"), config=load_config(str(cfg))).findings
    assert f.message == "'blorp': an invented word"


HOOKS = ("register_kinds", "register_packs", "register_fact_packs", "register_rules", "register_reporters",
         "parse_document")


class HookSpy:
    """Wraps every hook, as a tracing or timing plugin would."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def _wrap(name):  # noqa: N805 - builds one wrapper method per hook
        def wrapper(self, **kwargs):
            self.seen.append(name)
            return (yield)

        wrapper.__name__ = name
        return hookimpl(wrapper=True)(wrapper)

    register_kinds = _wrap("register_kinds")
    register_packs = _wrap("register_packs")
    register_fact_packs = _wrap("register_fact_packs")
    register_rules = _wrap("register_rules")
    register_reporters = _wrap("register_reporters")
    parse_document = _wrap("parse_document")


def _lint_once(plugins) -> list[str]:
    from lint.reporters.outcomes import reporter_classes

    engine = Engine(plugins=plugins, date=dt.date(2025, 11, 22))
    reporter_classes(engine)
    result = engine.check_text("The the council met on Tuesday.\n", "draft.md", config=Config())
    return [f.rule for f in result.findings]


def test_a_hook_wrapper_sees_every_hook_and_changes_nothing():
    spy = HookSpy()
    plain = _lint_once(build(entry_points=False))
    wrapped = _lint_once(build(entry_points=False, extra=[("spy", spy)]))
    assert wrapped == plain and "grammar.repeated-word" in plain
    assert set(spy.seen) == set(HOOKS)


def test_tracing_sees_every_hook_and_a_raising_plugin_is_still_isolated():
    plugins = build(entry_points=False, extra=[("broken-packs", BrokenRegistration())])
    lines: list[str] = []
    plugins.manager.trace.root.setwriter(lines.append)
    plugins.manager.enable_tracing()
    assert "grammar.repeated-word" in _lint_once(plugins)
    traced = "".join(lines)
    for hook in HOOKS:
        assert hook in traced
    assert [str(e) for e in plugins.errors] == [
        "plugin 'broken-packs': register_packs raised ValueError: cannot find my packs"]
