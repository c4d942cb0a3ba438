"""Render validation problems: one line per problem plus a hint, or JSON for machines."""

from __future__ import annotations

import json

import click

from reconciler.catalog import Messages
from reconciler.problems import Problem
from reconciler.validate import Validation

_COLORS = {"error": "red", "warning": "yellow"}


def message(problem: Problem, messages: Messages) -> str:
    return messages(problem.code, **problem.params)


def hint(problem: Problem, messages: Messages) -> str:
    return messages.hint(problem.code, **problem.params)


def problem_line(problem: Problem, messages: Messages, color: bool) -> str:
    label = f"{messages('severity.' + problem.severity)}[{problem.code}]"
    if color:
        label = click.style(label, fg=_COLORS[problem.severity], bold=True)
    location = f"{problem.file}:{problem.line}:{problem.column}"
    return (
        f"{location}: {label} {message(problem, messages)}\n"
        f"    {messages('hint')} {hint(problem, messages)}"
    )


def summary(result: Validation, messages: Messages) -> str:
    return messages("summary", files=result.file_count, users=result.user_count,
                    errors=result.errors, warnings=result.warnings)


def as_text(result: Validation, messages: Messages, color: bool) -> str:
    lines = [problem_line(p, messages, color) for p in result.problems]
    lines.append(summary(result, messages))
    lines.append(messages("invalid" if result.errors else "valid"))
    return "\n".join(lines)


def as_json(result: Validation, messages: Messages) -> str:
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
                for p in result.problems
            ],
        },
        ensure_ascii=False,
        indent=2,
    )

