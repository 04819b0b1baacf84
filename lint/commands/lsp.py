"""``newslint lsp``: a Language Server Protocol server over stdio (needs the ``lsp`` extra)."""
from __future__ import annotations

import argparse

from .common import EXIT_OK, fail


def add_parser(sub: argparse._SubParsersAction) -> None:
    sub.add_parser("lsp", help="a Language Server Protocol server over stdio",
                   description="Serve diagnostics, fixes and rule explanations to an editor over stdio "
                               "(see docs/editors.md).")


def run(args: argparse.Namespace) -> int:
    try:
        from ..lsp.server import serve
    except ImportError as exc:
        return fail(f"the language server needs pygls: pip install 'newslint[lsp]' ({exc})")
    serve()
    return EXIT_OK
