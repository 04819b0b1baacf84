"""Imports run downward: a lower layer never imports a higher one, not even inside a function.

Read from the source with ``ast`` (nothing is imported), so a cycle that Python tolerates
through a late import still fails here. Type-checking-only imports count too: they are the
first step of a real one.
"""
import ast
from pathlib import Path

import pytest

LINT = Path(__file__).resolve().parent.parent / "lint"

FRONT_ENDS = ("lint.cli", "lint.commands", "lint.server", "lint.lsp", "lint.api", "lint.audit")
#: package (or module) -> what it must never import
RULES = {
    # the fact base, the speller and shared text helpers sit below the rule kinds
    "lint.facts": ("lint.kinds", "lint.engine", "lint.reporters", "lint.plugins", "lint.builtin", *FRONT_ENDS),
    "lint.spelling": ("lint.kinds", "lint.engine", "lint.reporters", "lint.plugins", "lint.builtin", *FRONT_ENDS),
    "lint.text": ("lint.kinds", "lint.engine", "lint.reporters", "lint.plugins", "lint.builtin", *FRONT_ENDS),
    # the memos a run's processes share are a leaf every layer may use
    "lint.sharedmemo": ("lint.spelling", "lint.facts", "lint.text", "lint.kinds", "lint.engine", "lint.reporters",
                        "lint.plugins", "lint.builtin", *FRONT_ENDS),
    # rule kinds know documents, settings and data, never what runs them
    "lint.kinds": ("lint.engine", "lint.reporters", "lint.plugins", "lint.builtin", *FRONT_ENDS),
    # the documents and packs the kinds are built on
    "lint.document": ("lint.kinds", "lint.engine", "lint.reporters", "lint.plugins", "lint.builtin", *FRONT_ENDS),
    "lint.reading": ("lint.kinds", "lint.engine", "lint.reporters", "lint.plugins", "lint.builtin", *FRONT_ENDS),
    "lint.findings": ("lint.kinds", "lint.engine", "lint.reporters", "lint.plugins", "lint.builtin", *FRONT_ENDS),
    "lint.languagetool": ("lint.kinds", "lint.engine", "lint.reporters", *FRONT_ENDS),
    "lint.builtin": ("lint.engine", "lint.reporters.outcomes", *FRONT_ENDS),
    "lint.plugins": ("lint.engine", "lint.kinds", *FRONT_ENDS),
    # the engine runs rules; it neither reports nor parses arguments
    "lint.engine": ("lint.reporters", *FRONT_ENDS),
    "lint.fixes": ("lint.reporters", *FRONT_ENDS),
    "lint.reporters": FRONT_ENDS,
}


def module_name(path: Path) -> str:
    parts = path.relative_to(LINT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports, anywhere in it, as absolute names."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                mod = ".".join([*base, node.module] if node.module else base)
            else:
                mod = node.module or ""
            out.add(mod)
            out.update(f"{mod}.{a.name}" for a in node.names)  # "from . import engine"
    return out


def under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def modules():
    return sorted(LINT.rglob("*.py"))


def test_the_import_reader_resolves_relative_imports():
    found = imports(LINT / "facts" / "index.py")
    assert "lint.facts.surnames.COMMON_SURNAMES" in found or "lint.facts.surnames" in found


@pytest.mark.parametrize("layer", sorted(RULES))
def test_no_import_runs_upward(layer):
    bad = []
    for path in modules():
        name = module_name(path)
        if not under(name, layer):
            continue
        for imported in sorted(imports(path)):
            for banned in RULES[layer]:
                if under(imported, banned) and not under(name, banned):
                    bad.append(f"{name} imports {imported}")
    assert not bad, "\n".join(bad)
