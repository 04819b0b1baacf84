"""The ``newslint`` command line: arguments and exit codes only."""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from .commands import COMMANDS
from .commands.common import EXIT_ERROR


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one line (the problem and where to look), not
    the whole usage block first. Help is as wide as the terminal: argparse asks
    ``shutil.get_terminal_size`` ($COLUMNS, else the terminal, else 80)."""

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


#: True when newslint runs as its own program (the console script, ``python -m lint``), not
#: called from another program: only then may a command tune the process (the garbage
#: collector: see :func:`lint.engine.parallel.own_heap`).
OWN_PROCESS = False


def entry() -> None:
    global OWN_PROCESS, _EXIT_CODE
    OWN_PROCESS = True
    import atexit

    atexit.register(_exit_without_teardown)  # registered first, so it runs last
    code = main()
    if isinstance(code, int):  # anything else is sys.exit's to report
        _EXIT_CODE = code
    sys.exit(code)


#: The code ``main`` returned, for :func:`_exit_without_teardown` (None: it did not return).
_EXIT_CODE: int | None = None


def _exit_without_teardown() -> None:
    """The program's last exit handler: once the others have run (the cache writes what
    it learned, :mod:`lint.diskcache`) and every thread has been joined, end the process
    without tearing the interpreter down. Freeing the word lists and the fact base object by
    object took about 0.1 s at the end of every run, a third of a one-page check, and
    nothing is left that needs it. A run that ended in an uncaught error, or whose output
    cannot be flushed (a closed pipe), exits the usual way and reports it as it always did."""
    if _EXIT_CODE is None:
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:
        return
    os._exit(_EXIT_CODE)
