"""LoanDesk entry point.

No arguments opens the GUI; a subcommand runs headless (see
ARCHITECTURE.md for the contract).  Bad input on the command line prints one
line on stderr and exits with status 2; nothing is half-written.

Start-up: with no subcommand (only ``--db``/``--database-url``, the usual
way the counter PC starts) the GUI is opened without building the
subcommand parsers, which would import every command module first.
Anything else - a subcommand, ``--help``, an unknown or malformed option -
goes through the full parser, so its behaviour and messages are unchanged.
Command modules keep their heavy imports (data layer, ReportLab, openpyxl)
inside their handlers.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

EXIT_USAGE = 2

# Packages that add subcommands: each has ``register(subparsers, common)``
# where ``common`` is the parent parser holding --db/--database-url.
COMMAND_MODULES = (
    "reports.cli_quote",
    "reports.cli_deal",
    "db.commands",
    "reports.pdf_cli",
    "reports.excel_cli",
)
# The options every command (and the GUI) takes, each followed by one value.
COMMON_OPTIONS = {"--db": "db", "--database-url": "database_url"}


TR_CONTEXT = "cli"


def _t(text: str) -> str:
    from resources.i18n import translator

    return translator()(TR_CONTEXT, text)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one translated line and status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {_t('error')}: {message}\n")


def _database_options(default: object) -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    where = common.add_argument_group("database")
    where.add_argument("--db", metavar="PATH", default=default, help="SQLite database file")
    where.add_argument(
        "--database-url", metavar="URL", default=default, help="SQLAlchemy database URL"
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="loandesk",
        description="LoanDesk (车贷助手) - no subcommand opens the GUI",
        parents=[_database_options(None)],
    )
    # The subcommands accept the same options after their name; SUPPRESS keeps
    # a value given before the subcommand (``main.py --db F backup ...``).
    common = _database_options(argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub, common)
    return parser


def gui_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The GUI's arguments when ``argv`` holds only ``--db``/``--database-url``, else None.

    Gives the same namespace as the full parser would (``command`` None, no
    handler); anything it is not sure about is left to the full parser.
    """
    values: dict[str, str | None] = dict.fromkeys(COMMON_OPTIONS.values())
    tokens = list(argv)
    while tokens:
        token = tokens.pop(0)
        option, sep, value = token.partition("=")
        dest = COMMON_OPTIONS.get(option)
        if dest is None:
            return None
        if not sep:
            if not tokens or tokens[0].startswith("-"):
                return None  # missing value: let argparse say so
            value = tokens.pop(0)
        values[dest] = value
    return argparse.Namespace(**values, command=None)


def _hide_own_console() -> None:
    """The frozen Windows program is a console program (so ``LoanDesk.exe quote ...``
    prints); started by a double-click, Windows opened a console just for it: hide that
    one, never a console the user typed the command in (it has other processes)."""
    if sys.platform != "win32" or not getattr(sys, "frozen", False):
        return
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    processes = (ctypes.c_uint * 2)()
    if kernel32.GetConsoleProcessList(processes, 2) == 1:  # only us: our own console
        window = kernel32.GetConsoleWindow()
        if window:
            ctypes.windll.user32.ShowWindow(window, 0)  # type: ignore[attr-defined]  # SW_HIDE


def _warnings_as_lines(prog: str) -> None:
    """A warning meant for the user (it carries ``key_path``) is one translated line on stderr.

    Today that is :class:`db.crypto.KeyFileExposedWarning`: the key file can
    be read by other users; the line says how to make it private.
    """
    import warnings

    shown = warnings.showwarning
    if getattr(shown, "loandesk", False):
        return

    def show(message: Warning | str, category: type[Warning], *rest: object, **kw: object) -> None:
        key_path = getattr(message, "key_path", None)
        if key_path is None:
            shown(message, category, *rest, **kw)  # type: ignore[arg-type]
            return
        text = _t(
            "The key file {path} can be read by other users of this computer; make it "
            "private with: chmod 600 {path}"
        ).format(path=key_path)
        print(f"{prog}: {_t('warning')}: {text}", file=sys.stderr)

    show.loandesk = True  # type: ignore[attr-defined]
    warnings.showwarning = show


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    _warnings_as_lines("loandesk")
    gui_args = gui_arguments(argv)
    if gui_args is not None:
        from desktop.app import run_gui

        _hide_own_console()
        return run_gui(gui_args)
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        from desktop.app import run_gui

        return run_gui(args)
    from lending.errors import UserError

    try:
        return handler(args)
    except UserError as exc:
        print(f"{parser.prog}: {exc.message}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"{parser.prog}: {_t('interrupted')}", file=sys.stderr)
        return 130


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # demo-data's worker processes in the frozen bundle
    sys.exit(main())
