"""Render validation problems: one line per problem plus a hint, or JSON for machines.

At most MAX_PER_FILE problems of a file and MAX_PER_RUN in all are shown; one line then
says how many more a file has, and one how many more the files not shown have.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

import click

from reconciler.catalog import Messages
from reconciler.checking.validation import Validation
from reconciler.problems import MAX_PER_FILE, MAX_PER_RUN, Omitted, Problem
from reconciler.terminal import inert

_COLORS = {"error": "red", "warning": "yellow"}


def message(problem: Problem, messages: Messages) -> str:
    """The problem in the reader's language: its parameters are data, its words (under
    `_words`, see catalog.phrase) are said here too, so a cached finding fits any language."""
    return messages(problem.code, **problem.params)


def hint(problem: Problem, messages: Messages) -> str:
    return messages.hint(problem.code, **problem.params)


def problem_line(problem: Problem, messages: Messages, color: bool) -> str:
    label = f"{messages('severity.' + problem.severity)}[{problem.code}]"
    if color:
        label = click.style(label, fg=_COLORS[problem.severity], bold=True)
    location = f"{inert(problem.file)}:{problem.line}:{problem.column}"  # a name from disk
    return (
        f"{location}: {label} {message(problem, messages)}\n"
        f"    {messages('hint')} {hint(problem, messages)}"
    )


class FileCount(NamedTuple):
    file: str
    total: int
    shown: int

    @property
    def omitted(self) -> int:
        return self.total - self.shown


class Shown(NamedTuple):
    """Which problems are shown, and how many each file has."""

    problems: list[Problem]  # in the order given, at most MAX_PER_FILE a file
    files: list[FileCount]  # every file with a problem, in order

    @property
    def total(self) -> int:
        return sum(f.total for f in self.files)

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "shown": len(self.problems),
                "omitted": self.total - len(self.problems),
                "files": [{"file": f.file, "total": f.total, "shown": f.shown,
                           "omitted": f.omitted} for f in self.files]}


def shown(problems: list[Problem], omitted: Mapping[str, Omitted] | None = None) -> Shown:
    """The problems to show: the first MAX_PER_FILE of each file (in the order given),
    MAX_PER_RUN in all; `omitted` counts those of each file not even kept."""
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.file, []).append(problem)
    kept: list[Problem] = []
    counts = []
    for file, in_file in by_file.items():
        room = max(0, min(MAX_PER_FILE, MAX_PER_RUN - len(kept)))
        kept.extend(in_file[:room])
        more = omitted[file].total if omitted and file in omitted else 0
        counts.append(FileCount(file, len(in_file) + more, min(room, len(in_file))))
    return Shown(kept, counts)


def lines(problems: list[Problem], messages: Messages, color: bool,
          omitted: Mapping[str, Omitted] | None = None) -> Iterator[str]:
    """The problems to show, each file's followed by how many more it has, then how
    many more the files not shown have."""
    chosen = shown(problems, omitted)
    counts = {f.file: f for f in chosen.files}
    for i, problem in enumerate(chosen.problems):
        yield problem_line(problem, messages, color)
        last = i + 1 == len(chosen.problems) or chosen.problems[i + 1].file != problem.file
        count = counts[problem.file]
        if last and count.omitted:
            yield messages("problems.more_in_file", file=problem.file, count=count.omitted,
                           shown=count.shown, total=count.total, limit=MAX_PER_FILE)
    unshown = [f for f in chosen.files if not f.shown]
    if unshown:
        yield messages("problems.more_in_run", count=sum(f.total for f in unshown),
                       files=len(unshown), limit=MAX_PER_RUN)


def summary(result: Validation, messages: Messages) -> str:
    return messages("summary", files=result.file_count, users=result.user_count,
                    errors=result.errors, warnings=result.warnings)


def as_text(result: Validation, messages: Messages, color: bool) -> str:
    text = list(lines(result.problems, messages, color, result.omitted))
    text.append(summary(result, messages))
    text.append(messages("invalid" if result.errors else "valid"))
    return "\n".join(text)


def as_json(result: Validation, messages: Messages) -> str:
    chosen = shown(result.problems, result.omitted)
    return json.dumps(
        {
            "valid": result.errors == 0,
            "files": result.file_count,
            "users": result.user_count,
            "errors": result.errors,
            "warnings": result.warnings,
            "problems": [
                {
                    "file": p.file,
                    "line": p.line,
                    "column": p.column,
                    "severity": p.severity,
                    "code": p.code,
                    "message": message(p, messages),
                    "hint": hint(p, messages),
                }
                for p in chosen.problems
            ],
            "problem_counts": chosen.to_dict(),
        },
        ensure_ascii=False,
        indent=2,
    )

