"""GitHub Actions annotations: `::warning file=…,line=…,title=…::message`, one per finding,
shown on the line it names (validate, changes)."""
from __future__ import annotations


def render(result, view) -> str:
    lines = [annotation_line(a) for a in result.annotations(view)]
    return "\n".join(lines) + ("\n" if lines else "")


def github_escape(text: str, property_: bool = False) -> str:
    # GitHub's workflow-command escaping: % and newlines always, : and , in properties
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_ else text


def annotation_line(a) -> str:
    props = f"file={github_escape(a.file, True)}"
    if a.line is not None:
        props += f",line={a.line}"
    if a.col is not None:
        props += f",col={a.col}"
    props += f",title={github_escape(a.title, True)}"
    return f"::{a.level} {props}::{github_escape(a.message)}"
