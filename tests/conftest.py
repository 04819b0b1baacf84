import datetime as dt
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """Keep the disk cache (parsed packs, fact bases) of the test run out of the user's home."""
    import os

    old = os.environ.get("NEWSLINT_CACHE_DIR")
    os.environ["NEWSLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("newslint-cache"))
    yield
    if old is None:
        os.environ.pop("NEWSLINT_CACHE_DIR", None)
    else:
        os.environ["NEWSLINT_CACHE_DIR"] = old


@pytest.fixture(scope="session")
def engine():
    from lint.engine import Engine
    from lint.plugins import build

    return Engine(plugins=build(entry_points=False), today=dt.date(2025, 11, 22))


@pytest.fixture
def cli():
    """Run ``python -m lint ARGS`` in a subprocess."""
    return run_cli


def run_cli(*args, stdin=None, cwd=None, env=None):
    """Run ``python -m lint`` in a subprocess; returns CompletedProcess."""
    import subprocess

    return subprocess.run([sys.executable, "-m", "lint", *args], input=stdin, capture_output=True,
                          text=True, cwd=cwd, env=env)


@pytest.fixture(scope="session")
def shipped_regexes():
    """Every shipped rule, and every compiled regex its packs and the built-in kinds carry."""
    import re

    import importlib
    import pkgutil

    from lint import claims, date_mentions, datetext, kinds
    from lint.config import Config
    from lint.engine import Engine
    from lint.facts import analysis
    from lint.kinds import speech_verb
    from lint.text import voice
    from lint.plugins import build

    rules = Engine(plugins=build(entry_points=False)).all_rules(Config())
    found: dict = {}
    for rule in rules:
        for value in vars(rule).values():
            for item in value if isinstance(value, (list, tuple)) else (value,):
                rx = getattr(item, "compiled", item)
                if isinstance(rx, re.Pattern) and isinstance(rx.pattern, str):
                    found[(rx.pattern, rx.flags)] = rx
    # every kind module's own patterns too (the grammar checks keep theirs at module level)
    kind_modules = [importlib.import_module(f"lint.kinds.{m.name}") for m in pkgutil.iter_modules(kinds.__path__)]
    for module in (claims, datetext, date_mentions, analysis, speech_verb, voice, *kind_modules):
        for value in vars(module).values():
            rx = value if isinstance(value, re.Pattern) else getattr(value, "compiled", None)
            if isinstance(rx, re.Pattern):
                found[(rx.pattern, rx.flags)] = rx
    return rules, list(found.values())
