"""Write the kinds section of docs/packs.md from the built-in kinds' declarations.

    python tools/kinds_doc.py           # rewrite docs/packs.md
    python tools/kinds_doc.py --check   # exit 1 when docs/packs.md is out of date

Everything between the two marker lines of :mod:`lint.kinddoc` is generated from each
kind's docstring, ``params`` and ``uses_message``; tests/test_kind_params.py fails when
the file differs from what this writes.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lint.kinddoc import DOC_END, DOC_START, markdown  # noqa: E402

PACKS_MD = ROOT / "docs" / "packs.md"


def builtin_kinds() -> dict:
    """newslint's own kinds, as its plugin registers them (installed plugins left out)."""
    from lint.engine import Engine
    from lint.plugins import build

    return Engine(plugins=build(entry_points=False)).kinds()


def updated(text: str, kinds: dict) -> str:
    """``text`` (docs/packs.md) with its generated section rewritten."""
    start, end = text.index(DOC_START), text.index(DOC_END) + len(DOC_END) + 1
    return text[:start] + markdown(kinds) + text[end:]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only say whether docs/packs.md is up to date")
    args = ap.parse_args()
    text = PACKS_MD.read_text(encoding="utf-8")
    new = updated(text, builtin_kinds())
    if args.check:
        if new != text:
            print(f"{PACKS_MD} is out of date: run python tools/kinds_doc.py", file=sys.stderr)
            return 1
        return 0
    if new != text:
        PACKS_MD.write_text(new, encoding="utf-8")
        print(f"wrote {PACKS_MD}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
