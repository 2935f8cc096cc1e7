"""Any terminal, any stream: the standard streams and the environment as plancmp finds
them, and one line (never a traceback) for what it cannot work with.

- A stdout whose encoding cannot show Chinese (PYTHONIOENCODING=cp1252 or latin-1, a
  console on a legacy code page): what it cannot encode is written as a \\u escape (JSON
  stays valid, exact JSON), and the first time, one line on stderr says how to get the
  Chinese: PYTHONIOENCODING=utf-8.
- A closed stdout (`>&-`): one line and exit 1, before any work.
- A stdout that cannot be written (a full disk, /dev/full, an I/O error): one line, exit 1.
- A working directory deleted under the run, a file name longer than the file system
  takes: one line, exit 2 (the command could not run as asked).
"""
from __future__ import annotations

import codecs
import errno
import io
import os
import sys

ESCAPE = "plancmp-escape"
NAME_SHOWN = 60   # characters of an over-long file name that a message shows
_said: list[str] = []


def _escape(exc: UnicodeError):
    """backslashreplace, and the first time, how to get the Chinese instead."""
    if not _said:
        _said.append("escape")
        encoding = getattr(sys.stdout, "encoding", None) or "?"
        print(f"plancmp: the output's encoding ({encoding}) cannot show Chinese, written as \\u escapes; "
              "for Chinese set PYTHONIOENCODING=utf-8 (or a UTF-8 locale)", file=sys.stderr)
    return codecs.backslashreplace_errors(exc)


class OutputFailed(OSError):
    """Writing stdout failed (ENOSPC, EIO …): the environment's problem, not plancmp's."""


class _Stdout(io.TextIOWrapper):
    """sys.stdout as it was, whose failures to write say that it was stdout that failed (a
    closed pipe stays BrokenPipeError: `plancmp … | head` is no error)."""

    def write(self, text):
        try:
            return super().write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputFailed(exc.errno, exc.strerror) from None

    def flush(self):
        try:
            return super().flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputFailed(exc.errno, exc.strerror) from None


def clamp_columns() -> None:
    """COLUMNS within 20–1000 (render/textgrid.py WIDTHS) for every layout, --help's too:
    COLUMNS=99999999 would have --help write 300 MB of spaces."""
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit():
        from ..render.textgrid import clamp_width

        os.environ["COLUMNS"] = str(clamp_width(int(columns)))


def prepare() -> None:
    """Before any work: exit 1 when stdout is closed; escape what stdout cannot encode; make
    a failure to write stdout known as one (OutputFailed); clamp COLUMNS."""
    clamp_columns()
    out = sys.stdout
    if out is None:   # Python finds no descriptor 1 (`>&-`)
        print("plancmp: standard output is closed; nothing could be printed (redirect it: > FILE)", file=sys.stderr)
        raise SystemExit(1)
    if not isinstance(out, io.TextIOWrapper) or isinstance(out, _Stdout):
        return   # a test's capture, or prepared already
    encoding = out.encoding or "ascii"
    errors = out.errors
    try:
        "中文‰≥–".encode(encoding)
    except (UnicodeError, LookupError):
        codecs.register_error(ESCAPE, _escape)
        errors = ESCAPE
    line_buffering, write_through = out.line_buffering, out.write_through
    out.flush()
    sys.stdout = _Stdout(out.detach(), encoding=encoding, errors=errors, line_buffering=line_buffering,
                         write_through=write_through)


def flush() -> None:
    """Write out what stdout still holds, so that a failure to write shows here, inside the run."""
    if sys.stdout is not None:
        sys.stdout.flush()


def quiet_stdout() -> None:
    """Point descriptor 1 at /dev/null so that the interpreter's last flush cannot fail again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass


def _cwd_gone() -> bool:
    try:
        os.getcwd()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return False


def clamp(name) -> str:
    """A file name for a message: at most NAME_SHOWN characters."""
    text = os.fsdecode(name) if isinstance(name, bytes) else str(name)
    return text if len(text) <= NAME_SHOWN else text[: NAME_SHOWN - 1] + "…"


def explain(exc: OSError) -> tuple[str, int] | None:
    """(one line, exit code) for an OSError that the environment caused, None for any other
    (a bug: the caller reports it as one)."""
    if isinstance(exc, OutputFailed):
        quiet_stdout()
        return f"cannot write the output: {exc.strerror or exc}", 1
    if exc.errno == errno.ENAMETOOLONG:
        return (f"a file name is too long for the file system (over 255 bytes a name, or 4,096 a path): "
                f"{clamp(exc.filename)}", 2)
    if _cwd_gone():
        return "the working directory no longer exists (deleted?); cd to a folder that does, or set PLANCMP_DATA", 2
    return None
