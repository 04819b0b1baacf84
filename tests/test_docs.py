"""Documentation that must not drift from the code."""
import inspect
from pathlib import Path

from lint import hookspecs

ROOT = Path(__file__).resolve().parent.parent


def test_every_hook_is_documented():
    doc = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    hooks = [name for name, fn in inspect.getmembers(hookspecs, inspect.isfunction)
             if hasattr(fn, "newslint_spec")]
    assert hooks, "no hook specs found"
    for name in hooks:
        assert f"`{name}(" in doc, f"hook {name} is missing from docs/plugins.md"


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```sh", 1)[1].split("```", 1)[0].strip().splitlines()
    assert block[0].startswith("python -m pip install . && newslint check examples")
    assert block[1] == "python -m pip install '.[test]' && python -m pytest"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert block[1] in ci
