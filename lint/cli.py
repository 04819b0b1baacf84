"""The ``newslint`` command line: arguments and exit codes only."""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from .commands import COMMANDS
from .commands.common import EXIT_ERROR


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, sized without importing shutil (5 ms of every run)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        if width is None:
            width = _columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def _columns() -> int:
    # What shutil.get_terminal_size does: $COLUMNS, else the terminal, else 80.
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):
        return 80


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose subcommands use :class:`_Formatter` too, and whose usage errors
    are one line (the problem and where to look), not the whole usage block first."""

    def __init__(self, *args, formatter_class: type = _Formatter, **kwargs) -> None:
        super().__init__(*args, formatter_class=formatter_class, **kwargs)

    def error(self, message: str):  # type: ignore[override]
        self.exit(2, f"newslint: error: {message} (see '{self.prog} --help')\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or with ``only`` just that subcommand's part of it.

    Each subcommand lives in its own module; a pre-commit run of ``check`` should not
    import the modules of ``compare`` or ``facts`` to parse its arguments.
    """
    from . import __version__

    parser = _Parser(
        prog="newslint",
        description="An editorial error and bias linter for news copy.",
    )
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in (only,) if only in COMMANDS else COMMANDS:
        importlib.import_module(f".commands.{name}", __package__).add_parser(sub)
    return parser



def main(argv: list[str] | None = None) -> int:
    args_list = sys.argv[1:] if argv is None else argv
    # The first word that is not an option names the command; "--help" alone, no
    # command or an unknown one get the whole parser, so help and errors list them all.
    first = next((a for a in args_list if not a.startswith("-")), None)
    parser = build_parser(first)
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    module = importlib.import_module(f".commands.{args.command.replace('-', '_')}", __package__)
    try:
        return module.run(args)
    except KeyboardInterrupt:
        sys.stderr.write("newslint: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0


def entry() -> None:
    sys.exit(main())
