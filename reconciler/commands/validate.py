"""`rvsq-access validate`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from reconciler.checking.cache import reader_for
from reconciler.checking.validation import validate_paths
from reconciler.commands import DEFAULT_PATHS, EXIT_INVALID, EXIT_OK, Env, refuse_links_out
from reconciler.render import problem_list as render
from reconciler.terminal import json_for_terminal


def run(env: Env, paths: list[Path], fmt: str, strict: bool, policy: Path | None,
        as_of: dt.date | None = None) -> int:
    refuse_links_out([*(paths or DEFAULT_PATHS), *([policy] if policy else [])])
    result = validate_paths(paths or list(DEFAULT_PATHS), policy, strict, as_of,
                            reader_for(env.parse_cache()))
    if fmt == "json":
        click.echo(json_for_terminal(render.as_json(result, env.messages)))
    else:
        click.echo(render.as_text(result, env.messages, env.color), color=env.color)
    return EXIT_INVALID if result.errors else EXIT_OK
