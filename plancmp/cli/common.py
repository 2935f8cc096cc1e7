"""What every command shares: the Typer app, error exits, output helpers."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer
from typer.core import TyperCommand

from ..core.vocab import did_you_mean
from ..render.result import Result, View

if TYPE_CHECKING:
    from ..core.findings import Finding
    from ..ingest.workspace import Workspace


class NamedUsageCommand(TyperCommand):
    """A command whose usage line names its required arguments plainly: typer writes them
    `{A} {B}`, a notation no other CLI uses; ours read `plancmp diff [OPTIONS] A B` (optional
    ones keep their brackets: `[ITEM]`, `[PATH]...`)."""

    def collect_usage_pieces(self, ctx) -> list[str]:
        return [piece[1:-1] if piece.startswith("{") and piece.endswith("}") else piece
                for piece in super().collect_usage_pieces(ctx)]

    def format_help(self, ctx, formatter):
        """`{verdicts}` in a command's help is the legend of every verdict, from the catalogue
        (vocab/statuses.yaml): read only when help is shown, never lost when a verdict is added."""
        if self.help and VERDICTS in self.help:
            from ..core.verdicts import CATALOGUE

            self.help = self.help.replace(VERDICTS, ", ".join(f"{s.symbol} {s.words['en']}" for s in CATALOGUE.values()))
        return super().format_help(ctx, formatter)


VERDICTS = "{verdicts}"


class _Typer(typer.Typer):
    """typer.Typer whose commands are NamedUsageCommands unless told otherwise."""

    def command(self, name=None, *, cls=None, **kwargs):
        return super().command(name, cls=cls or NamedUsageCommand, **kwargs)


app = _Typer(
    name="plancmp",
    no_args_is_help=True,
    add_completion=True,    # --install-completion / --show-completion (bash, zsh, fish, PowerShell)
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

from ..core.errors import EXIT_INTERNAL, EXIT_INVALID, EXIT_USAGE  # noqa: E402,F401  (how a run ends)


def fail(message: str, findings: list[Finding] | None = None, code: int = EXIT_INVALID) -> NoReturn:
    """Print a clear message (and findings) to stderr and exit: never a traceback."""
    for finding in findings or []:
        print(finding.as_text(), file=sys.stderr)
    print(f"plancmp: {message}", file=sys.stderr)
    raise SystemExit(code)


def usage_error(message: str) -> NoReturn:
    fail(message, code=EXIT_USAGE)


COLOR_HELP = "Colour: auto (a terminal, unless NO_COLOR is set; FORCE_COLOR forces it), always or never."
LANG_HELP = ("Language of verdicts, headers, legends and summaries: zh or en. Default: from the locale "
             "(LC_ALL, LANG: zh_* gives zh). JSON keeps the English codes.")
BOM_HELP = "CSV: start with a UTF-8 byte-order mark, so that Excel reads the Chinese right."
OUT_HELP = "The file to write (required by --format xlsx; any format may be written to a file)."
BINDING_HELP = "Only targets of this 属性: 约束性 (binding) or 预期性 (expected); services and tasks have none."


# The options several commands share, declared once (each call is a fresh typer.Option).
def color_param():
    return typer.Option("auto", "--color", help=COLOR_HELP)


def lang_param():
    return typer.Option(None, "--lang", help=LANG_HELP, show_default=False)


def bom_param():
    return typer.Option(False, "--bom", help=BOM_HELP)


def out_param():
    return typer.Option(None, "--out", "-o", help=OUT_HELP, show_default=False)


def binding_param(prefix: str = ""):
    return typer.Option(None, "--binding", "-b", help=prefix + BINDING_HELP)


DATE_HELP = ("A workbook's title row and the report's stamp give this date (`today`: the current date). Without it "
             "the output holds no time at all: the same data gives the same bytes.")


def date_param():
    return typer.Option(None, "--date", metavar="today|YYYY-MM-DD", show_default=False, help=DATE_HELP)


def date_option(value: str | None) -> str | None:
    """`today` -> date.today(); an ISO date as given (checked); anything else is a usage error."""
    if value is None:
        return None
    from datetime import date

    if value.strip().lower() == "today":
        return date.today().isoformat()
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        usage_error(f"--date {value!r}: give `today` or a date as YYYY-MM-DD")


DOMAIN_HELP = "Domains, comma-separated: 老有所养, 养老, elderly, laoyousuoyang … Default: all."
KIND_HELP = "targets, services or tasks (comma-separated for several). Default: all."


try:   # typer ≥ 0.28 vendors click, with a choice type of its own
    from typer._types import TyperChoice as _Choice
except ImportError:   # pragma: no cover  (older typer: click's)
    from click import Choice as _Choice  # type: ignore[import-not-found, no-redef]


class FormatChoice(_Choice):
    """--format's choices, read from the format registry (render/formats/) when asked: the
    formats a result with these parts can be written in (a format registered later, by a
    plugin or a test, is offered too)."""

    def __init__(self, has: frozenset[str], text: str):
        self.has, self.text = has, text
        super().__init__([], case_sensitive=True)

    @property
    def choices(self):
        from ..render.formats import offered

        return offered(self.has, self.text)

    @choices.setter
    def choices(self, value) -> None:   # click.Choice sets it; the registry decides
        pass


def format_param(*has: str, text: str = "table", help: str | None = None):
    """--format/-f: every format the command's result can be written in (render/formats/),
    given what it has: `tables`, `annotations`, `text` (render/result.py); the text format is
    offered as `text` (the default)."""
    from ..render.formats import offered

    names = offered(frozenset(has), text)
    said = ", ".join(names[:-1]) + " or " + names[-1]
    return typer.Option(text, "--format", "-f", click_type=FormatChoice(frozenset(has), text),
                        help=help or f"{said}" + (" (with --out)." if "xlsx" in names else "."), show_default=True)


def domain_param(prefix: str = ""):
    return typer.Option(None, "--domain", "-d", help=prefix + DOMAIN_HELP)


def kind_param(default: str | None = None, help: str = KIND_HELP):
    return typer.Option(default, "--kind", "-k", help=help)


def plans_param(help: str):
    """--plans/-p: plans by id or alias, comma-separated (plan_ids_option reads them)."""
    return typer.Option(None, "--plans", "-p", help=help)


def echo(text: str, view: View | None = None) -> None:
    """Print text as it is (colour codes only when the view has colour)."""
    typer.echo(text, nl=False, color=bool(view and view.color))


def emit(result: Result, format: str, view: View | None = None, out=None) -> None:
    """Print (or write to `out`) the command's result in the chosen format (render/formats/),
    then exit with the result's status. A binary format (a workbook) needs `out`."""
    from ..render.formats import lookup, render

    view = name_plans(view or View())
    fmt = lookup(format)
    if fmt.binary and out is None:
        usage_error(f"--format {format} writes a workbook: name it with --out FILE.{fmt.name}")
    produced = render(fmt.name, result, view.for_file() if out is not None else view)
    if isinstance(produced, bytes):
        from ..files.output import write_bytes_atomic

        write_out(out, lambda path: write_bytes_atomic(path, produced))
    else:
        emit_text(produced, view, out)
    if result.status:
        raise SystemExit(result.status)


def emit_text(text: str, view: View | None, out) -> None:
    """Print the rendered text, or write it to `out`."""
    if out is not None:
        from ..files.output import write_atomic

        write_out(out, lambda path: write_atomic(path, text))
        return
    echo(text, view)


def _check_folder(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        usage_error(f"{path} is a directory; name the file to write")
    if not path.parent.is_dir():
        usage_error(f"{path.parent}: no such directory")


def check_out(out) -> None:
    """Before long work: an --out file plancmp may write (a regular file, or a new one in an
    existing folder); exit 2 saying why not."""
    from ..files.output import NotAFile, refuse_unless_regular

    path = Path(out)
    _check_folder(path)
    try:
        refuse_unless_regular(path)
    except NotAFile as exc:
        usage_error(str(exc))


def write_out(out, write) -> None:
    """Write an --out file safely (a regular file or a new one, atomically), or exit 2 saying why."""
    from ..files.output import NotAFile

    path = Path(out)
    _check_folder(path)
    try:
        write(path)   # the atomic writers refuse a non-regular file, at the moment they write
    except NotAFile as exc:
        usage_error(str(exc))
    except OSError as exc:
        usage_error(f"cannot write {path}: {exc.strerror or exc}")
    typer.echo(f"wrote {path}", err=True)


def open_workspace(root: Path | None = None, *, writable: bool = False) -> Workspace:
    """The one way a command opens its data folder (once, then passes it down): `root`, else
    PLANCMP_DATA, else ./data when it holds plans/, else the checkout's data/ beside the
    package; `writable` (plancmp new) never that last one: exit 2 saying to set PLANCMP_DATA."""
    from ..ingest.workspace import NoDataFolder, Workspace

    try:
        ws = Workspace.open(root, writable=writable)
    except NoDataFolder as exc:
        usage_error(str(exc))
    _OPENED.append(ws)
    return ws


_OPENED: list[Workspace] = []   # the workspace this run opened: its plans' names label the output


def name_plans(view: View) -> View:
    """Under --lang zh a plan is named as its readers name it (全国, 辽宁省: its `region`);
    ids stay in JSON and as the way to type a plan. English keeps the ids."""
    if view.labels.zh and _OPENED and not view.labels.plans:
        from ..core.errors import PlanError
        from ..files import cache

        ws = _OPENED[-1]
        try:   # memoised by the plan files: a warm run reads no YAML for it
            view.labels.plans = cache.by_files("plan-names", ws.folder, ws.plan_files(), "",
                                               lambda: {pid: p.region or pid for pid, p in ws.plans().items()}, dict)
        except (PlanError, OSError):
            pass   # a plan that does not load (validate says why): its id it is
    return view


def plan_ids_option(ws: Workspace, queries: list[str]) -> list[str]:
    """Plans as people type them (ids, aliases, regions) -> the ids of the workspace's plans,
    in order, without repeats; a usage error naming the known plans for one that names none."""
    from ..ingest.workspace import UnknownPlan

    try:
        return list(dict.fromkeys(ws.resolve(q) for q in queries))
    except UnknownPlan as exc:
        usage_error(str(exc))


def split_list(text: str | None) -> list[str]:
    """`a,b`, `a，b` (a full-width comma), `a b`: the parts, in order, without repeats."""
    parts = [p.strip() for p in (text or "").replace("，", ",").replace("、", ",").split(",")]
    return list(dict.fromkeys(p for p in parts if p))


def domain_option(value: str | None) -> str | None:
    """One --domain (name, alias, pinyin, English) -> the domain name; a usage error otherwise."""
    if not value:
        return None
    from ..core.vocab import domain_names, domains, resolve_domain_query

    resolved = resolve_domain_query(value)
    if resolved is None:
        spellings = [s for d in domains() for s in (d.name, *d.aliases, *d.search)]
        usage_error(f"unknown --domain {value!r}{did_you_mean(value, spellings)}; choose from: "
                    f"{', '.join(domain_names())} (or 养老, elderly, laoyousuoyang …)")
    return resolved


def domains_option(value: str | None) -> list[str] | None:
    """--domain 养老,医疗: several domains, each as domain_option reads it; None for all."""
    if not value:
        return None
    return list(dict.fromkeys(d for part in split_list(value) if (d := domain_option(part)) is not None))


def kinds_option(value: str | None, default: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """--kind targets,services: the kinds, in the model's order; a usage error names the valid ones."""
    from ..core.model import KINDS
    from ..core.vocab import kind_spellings

    kinds = []
    for word in split_list(value):
        kind = kind_spellings().get(word.lower())
        if kind is None:
            usage_error(f"unknown --kind {word!r}{did_you_mean(word, KINDS)}; choose from: {', '.join(KINDS)}")
        kinds.append(kind)
    if not kinds:
        return default if default is not None else KINDS
    return tuple(k for k in KINDS if k in kinds)


def statuses_option(value: str | None, option: str = "--status") -> set[str] | None:
    """Verdicts typed as codes, English or Chinese words (低于, not comparable) -> their codes."""
    if not value:
        return None
    from ..core.verdicts import STATUSES, status_from_text

    statuses = set()
    for word in split_list(value):
        slug = status_from_text(word)
        if slug is None:
            usage_error(f"unknown {option} {word!r}{did_you_mean(word, STATUSES)}; choose from: {', '.join(STATUSES)}")
        statuses.add(slug)
    return statuses


def kinds_for_binding(kinds: tuple[str, ...], wanted: str | None) -> tuple[str, ...]:
    """--binding selects targets (only targets have 约束性/预期性): the kinds left to list."""
    if not wanted:
        return kinds
    if "targets" not in kinds:
        usage_error("--binding selects targets (约束性/预期性); add targets to --kind")
    return ("targets",)


def binding_option(value: str | None) -> str | None:
    """--binding 约束性|预期性 (or binding, expected …) -> the binding as plans write it."""
    if not value:
        return None
    from ..core.vocab import binding_spellings

    words = binding_spellings()
    found = words.get(value.strip().lower())
    if found is None:
        usage_error(f"unknown --binding {value!r}{did_you_mean(value, words)}; choose from: 约束性 (binding), 预期性 (expected)")
    return found
