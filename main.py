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
import contextlib
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

EXIT_USAGE = 2

# Packages that add subcommands: each has ``register(subparsers, common)``
# where ``common`` is the parent parser holding --db/--database-url.
COMMAND_MODULES = (
    "reports.cli_quote",
    "reports.cli_deal",
    "db.commands",
    "db.cli_catalogue",
    "reports.pdf_cli",
    "reports.excel_cli",
)
# The options every command (and the GUI) takes, each followed by one value.
COMMON_OPTIONS = {"--db": "db", "--database-url": "database_url"}


TR_CONTEXT = "cli"
# argparse's own messages (its gettext message ids), in the user's language too.
TR_STRINGS = (
    "usage: ",
    "options",
    "positional arguments",
    "show this help message and exit",
    "argument %(argument_name)s: %(message)s",
    "the following arguments are required: %s",
    "unrecognized arguments: %s",
    "expected one argument",
    "expected at most one argument",
    "expected at least one argument",
    "ambiguous option: %(option)s could match %(matches)s",
    "not allowed with argument %s",
    "ignored explicit argument %r",
    "invalid choice: %(value)r (choose from %(choices)s)",
    "invalid %(type)s value: %(value)r",
    "one of the arguments %s is required",
)


def _t(text: str) -> str:
    from resources.i18n import translator

    return translator()(TR_CONTEXT, text)


def _argparse_text(message: str) -> str:
    return _t(message) if message in TR_STRINGS else message


def _one_line(text: str) -> str:
    from db.cli_args import one_line

    return one_line(text)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one translated line and status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, _one_line(f"{self.prog}: {_t('error')}: {message}") + "\n")

    def _get_values(self, action: argparse.Action, arg_strings: list[str]) -> Any:
        # ``--key-file=--``: Python 3.11's argparse drops the "--" and hands the
        # command an empty list, unchecked by the option's type; it is the value "--".
        if action.nargs is None and arg_strings == ["--"]:
            value = self._get_value(action, "--")
            self._check_value(action, value)
            return value
        return super()._get_values(action, arg_strings)


def _database_options(default: object) -> argparse.ArgumentParser:
    from db.cli_args import database_file

    common = _Parser(add_help=False)
    where = common.add_argument_group("database")
    where.add_argument(
        "--db", metavar="PATH", default=default, type=database_file, help="SQLite database file"
    )
    where.add_argument(
        "--database-url", metavar="URL", default=default, help="SQLAlchemy database URL"
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    argparse._ = _argparse_text  # type: ignore[attr-defined]  # argparse's gettext hook
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
        if dest == "db" and not _good_db_value(value):
            return None  # let argparse say what is wrong with it
        values[dest] = value
    return argparse.Namespace(**values, command=None)


def _good_db_value(value: str) -> bool:
    """Would the full parser take this ``--db`` value?"""
    from db.cli_args import database_file

    try:
        database_file(value)
    except argparse.ArgumentTypeError:
        return False
    return True


class _OutputFailed(BaseException):
    """Writing the command's output to stdout failed (a closed pipe, a full disk,
    a character set that cannot show the text).

    A BaseException, so no ``except Exception`` inside a command swallows it.
    """

    def __init__(self, error: OSError | UnicodeEncodeError) -> None:
        super().__init__(error)
        self.error = error


class _GuardedStdout:
    """``sys.stdout`` while a command runs: a failed write raises :class:`_OutputFailed`."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return int(self._stream.write(text))
        except (OSError, UnicodeEncodeError) as exc:
            raise _OutputFailed(exc) from exc

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise _OutputFailed(exc) from exc

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _silence_stdout(stream: Any) -> None:
    """Point stdout's file at the null device, so the exit's own flush cannot fail again."""
    import os

    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test's capture)
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, fd)
        finally:
            os.close(null)
    except OSError:
        pass


def _complain(prog: str, message: str) -> None:
    """One line on stderr; an unwritable stderr cannot be helped."""
    with contextlib.suppress(OSError, ValueError):
        print(f"{prog}: {_one_line(message)}", file=sys.stderr, flush=True)


def _run(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace, prog: str) -> int:
    """Run the command; its errors and output errors are handled here, once."""
    from lending.errors import UserError

    stream = sys.stdout
    if stream is not None:
        sys.stdout = _GuardedStdout(stream)  # type: ignore[assignment]
    try:
        status = handler(args)
        if sys.stdout is not None:
            sys.stdout.flush()
        return status
    except UserError as exc:
        _complain(prog, exc.message)
        return EXIT_USAGE
    except KeyboardInterrupt:
        _complain(prog, _t("interrupted"))
        return 130
    except _OutputFailed as failed:
        _silence_stdout(stream)
        error = failed.error
        if isinstance(error, BrokenPipeError):
            return 0  # the reader stopped reading (``| head``): not an error of ours
        if isinstance(error, UnicodeEncodeError):
            why = _t(
                "the output's character set ({encoding}) cannot show it; set PYTHONIOENCODING=utf-8"
            ).format(encoding=error.encoding)
        else:
            why = error.strerror or error.__class__.__name__
        _complain(prog, _t("The result could not be printed: {why}.").format(why=why))
        return EXIT_USAGE
    finally:
        if stream is not None:
            sys.stdout = stream


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
        _complain(prog, f"{_t('warning')}: {text}")

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
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # a usage error (one line already printed) or --help
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else EXIT_USAGE)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        from desktop.app import run_gui

        return run_gui(args)
    return _run(handler, args, parser.prog)


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # demo-data's worker processes in the frozen bundle
    sys.exit(main())
