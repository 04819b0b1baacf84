"""Subcommands of the ``newslint`` command line, one module each.

A module provides ``add_parser(subparsers)`` and ``run(args) -> int`` (the exit code).
"""
COMMANDS = ("check", "rules", "explain", "stats", "compare", "facts", "lsp", "serve", "audit")
