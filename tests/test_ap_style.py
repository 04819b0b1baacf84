"""The ap-style pack: one stylebook's preferences, off unless a newsroom turns it on."""
import datetime as dt

from lint.config import Config
from lint.engine import Engine
from lint.plugins import build

_PLUGINS = build(entry_points=False)
TEXT = "The port reopens on January 5, after a dialog between the unions and the owners.\n"


def _rules(config, **kw):
    engine = Engine(plugins=_PLUGINS, date=dt.date(2025, 11, 22), **kw)
    result = engine.check_text(TEXT, "a.md", config=config)
    assert result.error is None
    return sorted(f.rule for f in result.findings if f.rule.startswith("ap-style."))


def test_off_by_default(tmp_path):
    assert _rules(Config(root=tmp_path)) == []


def test_on_when_the_config_adds_the_pack(tmp_path):
    config = Config(root=tmp_path, extra_packs=("ap-style",))
    assert _rules(config) == ["ap-style.dialogue-spelling", "ap-style.month-abbreviation"]


def test_on_when_the_config_lists_it_among_its_packs(tmp_path):
    config = Config(root=tmp_path, packs=("dates", "ap-style"))
    assert _rules(config) == ["ap-style.dialogue-spelling", "ap-style.month-abbreviation"]


def test_listed_and_selectable_while_off(tmp_path):
    config = Config(root=tmp_path)
    ids = {r.id for r in Engine(plugins=_PLUGINS).all_rules(config)}
    assert {"ap-style.month-abbreviation", "ap-style.dialogue-spelling"} <= ids
    assert _rules(config, select=["ap-style.month-abbreviation"]) == ["ap-style.month-abbreviation"]


def test_config_file_turns_it_on(tmp_path):
    from lint.config import load_config

    path = tmp_path / ".newslint.yaml"
    path.write_text("extra-packs: [ap-style]\n")
    assert _rules(load_config(str(path))) == ["ap-style.dialogue-spelling", "ap-style.month-abbreviation"]


def test_a_config_that_ignores_the_old_rule_id_still_loads(tmp_path):
    # dates.ap-month moved to ap-style.month-abbreviation; old configs ignored it.
    assert _rules(Config(root=tmp_path, ignore=("dates.ap-month",))) == []
