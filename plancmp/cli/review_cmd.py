from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import typer

from .common import View, app, emit, fail, format_param, lang_param, open_workspace, plan_ids_option, usage_error

KEYS_HELP = "y accept, n reject, a the whole table or section, e edit in $EDITOR, s skip, q quit"


@app.command("review")
def review_command(
    plan: str = typer.Argument(..., metavar="PLAN", help="The plan to finish (id or alias: fujian, 福建 …).",
                               show_default=False),
    answers: Path = typer.Option(None, "--answers", help="Answer from this YAML file instead of the keyboard: "
                                 "`answers: {row:ID: y, item:ID: n, gap:ID: a, row:ID2: {e: {pin: ID}}}` "
                                 "(`plancmp review P --list --format json` gives the keys); `-` reads stdin."),
    list_only: bool = typer.Option(False, "--list", "-l", help="List the decisions left and exit (nothing is asked)."),
    format: str = format_param("text", text="text", help="--list: text or json."),
    timings: bool = typer.Option(False, "--timings", help="Say on stderr how long each answer took to write and show "
                                 "the next decision."),
    lang=lang_param(),
) -> None:
    """The decisions a person must make to finish a plan, most consequential first, one at a time.

    A drafted gap first (it makes national rows unknown rather than omitted), then every national
    row whose verdict rests on something nobody has checked (a draft item, a sentence of the text
    alone, an omission while drafts remain, a pair of low confidence) from a shortfall or an
    omission down to a match, then the draft items no national row uses. Each shows the national
    quote, the province's quotes with file:line and the verdict, and what each key writes:

      y  accept: confirm the items it rests on (delete draft: true), turn a sentence into an item,
         or record the verdict as accepted (review/PLAN.yaml)

      n  reject: forbid the pair (links.yaml), delete a draft item or gap, or say a sentence does
         not state it

      a  confirm every draft item of the same table or section at once

      e  edit in $EDITOR: the items as they should be, and a pin, forbid, deletion or vocabulary
         (data/vocab/commitments.yaml) for knowledge that carries to every province

      s  skip   q  quit: every answer is written at once, so it resumes where it stopped

    Examples:

      plancmp review fujian

      plancmp review fujian --list

      plancmp review fujian --answers answers.yaml
    """
    ws = open_workspace()
    plan_id = plan_ids_option(ws, [plan])[0]
    from ..core.errors import PlanError
    from ..views.review import Session

    root = ws.root
    try:
        session = Session(root, plan_id)
    except PlanError as exc:
        fail(str(exc), exc.findings)
    view = View(lang=lang)
    if list_only:
        from ..render.review import result

        emit(result(plan_id, [session.describe(d) for d in session.decisions()]), format, view)
        return
    if answers is not None:
        _from_file(session, answers, view, timings)
        return
    _interactive(session, view, timings)


# ---------------------------------------------------------------- answers from a file

def _read_answers(path: Path) -> dict:
    from ..ingest.yamldoc import parse

    try:
        text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    except (OSError, UnicodeError) as exc:
        usage_error(f"--answers {path}: {getattr(exc, 'strerror', None) or exc}")
    doc, findings = parse(text, str(path))
    data = doc.data if doc is not None else None
    if findings or not isinstance(data, dict) or not isinstance(data.get("answers", {}), dict):
        usage_error(f"--answers {path}: a mapping `answers: {{row:ID: y, item:ID: n, …}}`"
                    + (f" ({findings[0].message})" if findings else ""))
    return data.get("answers") or {}


def _answer_of(value) -> tuple[str, dict | None]:
    if isinstance(value, bool):   # YAML reads a bare y/n as a string, but `yes`/`no` as booleans
        return ("y" if value else "n"), None
    if isinstance(value, str) and value.strip().lower() in ("y", "n", "a", "s", "e"):
        return value.strip().lower(), None
    if isinstance(value, dict) and set(value) == {"e"} and isinstance(value["e"], dict):
        return "e", value["e"]
    raise ValueError(f"{value!r}: an answer is y, n, a, s, or {{e: {{…the edit…}}}}")


def _from_file(session, path: Path, view: View, timings: bool) -> None:
    """Answer every decision the file names, in the order they come (each key once a run); then
    say what is left. Exit 1 when an answer could not be written."""
    from ..views.review import ChangeError, NeedsEdit

    given = _read_answers(path)
    # the decisions as they stood when the file was written (`--list`): an answer whose decision an
    # earlier answer of the file changed (another verdict, another counterpart) is not applied
    asked = {d.key: d.signature for d in session.decisions()}
    done: set[str] = set()
    changed = 0
    failed = 0
    times = []
    while True:
        start = time.perf_counter()
        session.settle()
        pending = [d for d in session.decisions() if d.key in given and d.key not in done]
        if not pending:
            break
        d = pending[0]
        done.add(d.key)
        if d.key in asked and d.signature != asked[d.key]:
            print(f"plancmp: {d.key}: an earlier answer changed this decision: not answered (run again to see it)",
                  file=sys.stderr)
            changed += 1
            continue
        try:
            key, edit = _answer_of(given[d.key])
        except ValueError as exc:
            print(f"plancmp: {d.key}: {exc}", file=sys.stderr)
            failed += 1
            continue
        if key == "s":
            continue
        if key == "a" and "a" not in session.describe(d)["answers"]:
            print(f"plancmp: {d.key}: `a` confirms a table or section of draft items: this decision has none",
                  file=sys.stderr)
            failed += 1
            continue
        try:
            said, _ = session.answer(d, key, edit)
        except NeedsEdit:
            print(f"plancmp: {d.key}: `n` on an omission with no candidate needs the item: answer {{e: …}}",
                  file=sys.stderr)
            failed += 1
            continue
        except ChangeError as exc:
            print(f"plancmp: {d.key}: nothing written: {exc}", file=sys.stderr)
            failed += 1
            continue
        times.append(time.perf_counter() - start)
        print(f"{d.key}: {key}: {'; '.join(said)}")
    session.settle()
    left = session.decisions()
    print(_done(len(done) - changed, len(left), session.plan_id, view.labels))
    if timings and times:
        _say_times(times)
    if failed:
        raise SystemExit(1)


def _done(answered: int, left: int, plan_id: str, labels) -> str:
    if left:
        return labels._get("review", "done").format(n=answered, left=left, plan=plan_id)
    return labels._get("review", "done_all").format(n=answered)


def _say_times(times: list[float]) -> None:
    ordered = sorted(times)
    print(f"plancmp: {len(times)} answers: median {1000 * ordered[len(ordered) // 2]:.0f} ms, "
          f"slowest {1000 * ordered[-1]:.0f} ms", file=sys.stderr)


# ---------------------------------------------------------------- the keyboard

def _key(prompt: str) -> str:
    """One key: a single keypress on a terminal, else the first letter of a line (a pipe)."""
    sys.stdout.write(prompt)
    sys.stdout.flush()
    if sys.stdin.isatty():
        import termios
        import tty

        fd = sys.stdin.fileno()
        old = termios.tcgetattr(fd)
        try:
            tty.setcbreak(fd, termios.TCSANOW)   # not TCSAFLUSH: a key typed ahead is kept, not dropped
            ch = sys.stdin.read(1)
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, old)
        sys.stdout.write(ch + "\n")
        return ch
    line = sys.stdin.readline()
    if not line:
        return "q"
    return (line.strip() or " ")[0]


def _edit(text: str) -> str | None:
    """The template opened in $VISUAL / $EDITOR (vi by default); the text saved, None if it failed."""
    import shlex
    import subprocess
    import tempfile

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", prefix="plancmp-review-", delete=False,
                                     encoding="utf-8") as fh:
        fh.write(text)
        name = fh.name
    try:
        if subprocess.call([*shlex.split(editor), name]) != 0:
            return None
        return Path(name).read_text(encoding="utf-8")
    finally:
        os.unlink(name)


def _interactive(session, view: View, timings: bool) -> None:
    from ..render.review import decision_text
    from ..views.review import ChangeError, NeedsEdit, read_edit, template

    labels = view.labels
    skipped: set[str] = set()
    times: list[float] = []
    queue = session.decisions()
    answered = 0
    shown_at = None
    while True:
        queue = [d for d in queue if d.key not in skipped]
        if not queue:
            session.settle()
            queue = [d for d in session.decisions() if d.key not in skipped]
            if not queue:
                break
        d = queue[0]
        total = answered + len(queue)
        info = session.describe(d)
        sys.stdout.write("\n" + decision_text(info, answered + 1, total, labels))
        sys.stdout.flush()
        if shown_at is not None:
            times.append(time.perf_counter() - shown_at)
        offered = [k for k in ("y", "n", "a", "e", "s", "q") if k in info["answers"]]
        key = _key(f"{'/'.join(offered)}? ")
        shown_at = time.perf_counter()
        if key == "q":
            shown_at = None
            break
        if key == "s":
            skipped.add(d.key)
            queue = queue[1:]
            continue
        if key not in offered:
            print(f"  ({', '.join(offered)})")
            shown_at = None
            continue
        if session.busy or session._pending is not None:
            session.settle()   # the last answer moved verdicts: is this decision still the same?
            fresh = {x.key: x for x in session.decisions()}
            now = fresh.get(d.key)
            if now is None or now.signature != d.signature:
                print("  (the last answer changed this decision: here it is again)" if now else
                      "  (the last answer settled this decision)")
                queue = [x for x in session.decisions()]
                shown_at = None
                continue
            d = now
        edit = None
        if key == "e" or (key == "n" and d.what == "row" and d.row.right is None and d.row.passage is None
                          and d.candidate is None):
            before = template(session.ws, session.national, session.plan, d)
            text = _edit(before)
            shown_at = time.perf_counter()   # the editor's time is the person's, not ours
            try:
                edit = read_edit(text, before) if text is not None else None
            except ChangeError as exc:
                print(f"  nothing written: {exc}")
                continue
            if edit is None:
                print("  unchanged: nothing written")
                continue
            key = "e"
        try:
            said, written = session.answer(d, key, edit)
        except NeedsEdit:
            continue
        except ChangeError as exc:
            print(f"  nothing written: {exc}")
            continue
        answered += 1
        print("  " + "; ".join(said))
        if session._pending is not None:
            # verdicts may move: show the next decision of the list in hand at once; the next
            # answer checks it against the diff computed meanwhile
            queue = [x for x in queue if x.key != d.key]
        else:
            queue = session.decisions()
    session.settle()
    left = session.decisions()
    print("\n" + _done(answered, len(left), session.plan_id, labels))
    if timings and times:
        _say_times(times)
