"""Run ``python main.py ARGS`` inside the test process, as a real process would see it.

A real process costs about half a second before it does anything (the
interpreter, SQLAlchemy, the password hasher at production cost); hundreds of
command-line tests paid that again and again.  :func:`run_main` calls
``main.main`` here instead, with what a process would have of its own:

* the environment given (``None``: the variable removed), the working folder, and
  the language it gives (the translator a process caches is cleared),
* stdin that is not a terminal (optionally with text on it),
* stdout and stderr as UTF-8 text streams with bytes underneath, captured,
* warnings shown as a process shows them (not turned into errors by pytest),
* the exit status ``SystemExit`` would have given.

It returns a :class:`subprocess.CompletedProcess`, so a test reads it as it
read a real process.  What only a real process shows (a terminal prompt, a
reader that stops reading, a killed process, the frozen program's start) is
still tested with real processes: :func:`run_process`.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import warnings
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class _Stdin(io.StringIO):
    def isatty(self) -> bool:
        return False


@contextlib.contextmanager
def _environment(env: Mapping[str, str | None]) -> Iterator[None]:
    saved = dict(os.environ)
    try:
        for name, value in env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _text_stream() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict", newline="\n")


def _read(stream: io.TextIOWrapper) -> str:
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8")


def run_main(
    args: Sequence[str],
    *,
    env: Mapping[str, str | None] | None = None,
    cwd: Path = ROOT,
    stdin: str = "",
) -> subprocess.CompletedProcess[str]:
    """``python main.py *args`` in this process; its status, stdout and stderr."""
    import main
    from resources.i18n import translator

    argv = [str(a) for a in args]
    out, err = _text_stream(), _text_stream()
    previous = (sys.stdin, sys.stdout, sys.stderr, os.getcwd())
    with _environment({"LOANDESK_LANG": "en", **(env or {})}), warnings.catch_warnings():
        warnings.simplefilter("default")  # a process shows a warning; pytest would raise it
        sys.stdin, sys.stdout, sys.stderr = _Stdin(stdin), out, err
        os.chdir(cwd)
        translator.cache_clear()  # a process detects its language afresh (LOANDESK_LANG)
        try:
            try:
                status = main.main(argv)
            except SystemExit as exc:
                code = exc.code
                status = code if isinstance(code, int) else (0 if code is None else 1)
        finally:
            sys.stdin, sys.stdout, sys.stderr = previous[0], previous[1], previous[2]
            os.chdir(previous[3])
            translator.cache_clear()
    return subprocess.CompletedProcess(["main.py", *argv], status, _read(out), _read(err))


def run_process(
    args: Sequence[str],
    *,
    env: Mapping[str, str | None] | None = None,
    cwd: Path = ROOT,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """``python main.py *args`` as a real process (what only a process shows)."""
    full = {**os.environ, "LOANDESK_LANG": "en", "PYTHONIOENCODING": "utf-8"}
    for name, value in (env or {}).items():
        if value is None:
            full.pop(name, None)
        else:
            full[name] = value
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        env=full,
        timeout=timeout,
        cwd=cwd,
    )
