"""One module per command: each takes plain arguments and returns an exit code.

What several commands share lives here: the per-invocation settings, reading and
validating the input, opening the state.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import subprocess
from pathlib import Path
from typing import NamedTuple

import click

from reconciler.cache import ParseCache
from reconciler.catalog import Messages
from reconciler.clock import iso, utc_now
from reconciler.problems import Problem
from reconciler.render import problems as render_problems
from reconciler.store import WORK_DIR, SQLStore, open_store
from reconciler.validate import Validation, validate_paths

EXIT_OK, EXIT_INVALID, EXIT_CHANGES, EXIT_BLOCKED = 0, 1, 2, 3
EXIT_REFUSED = EXIT_INVALID  # plan --detailed-exitcode: apply would refuse the plan
DEFAULT_PATHS = (Path("access"),)


class Env(NamedTuple):
    """What every command gets from the global options."""

    messages: Messages
    color: bool
    state_url: str
    actor: str | None
    use_cache: bool = True

    def parse_cache(self) -> ParseCache | None:
        """.rvsq/cache under the working folder, or RVSQ_CACHE_DIR (a CI cache, say)."""
        if not self.use_cache:
            return None
        return ParseCache(Path(os.environ.get("RVSQ_CACHE_DIR") or WORK_DIR / "cache"))


class InvalidInput(Exception):
    """The input has errors; they were printed. The CLI exits 1."""


def validated(env: Env, paths: list[Path], strict: bool = False,
              today: dt.date | None = None) -> Validation:
    """Validate the input; print its problems; stop (exit 1) on any error."""
    result = validate_paths(paths or list(DEFAULT_PATHS), env.messages, strict=strict,
                            today=today, cache=env.parse_cache())
    if result.errors:  # show every problem; without errors, warnings go into the plan
        print_problems(env, result.problems)
        click.echo(render_problems.summary(result, env.messages), err=True)
        raise InvalidInput
    return result


def print_problems(env: Env, problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(render_problems.problem_line(problem, env.messages, env.color), err=True,
                   color=env.color)


def open_state(env: Env) -> SQLStore:
    return open_store(env.state_url, iso(utc_now()))


def actor(option: str | None) -> str:
    """--actor, else the CI's user, else the login name."""
    for value in (option, os.environ.get("GITHUB_ACTOR"), os.environ.get("GITLAB_USER_LOGIN")):
        if value:
            return value
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def git_commit() -> str | None:
    """The commit being applied, from CI's variables or the working copy, if known."""
    for name in ("GITHUB_SHA", "CI_COMMIT_SHA"):
        if os.environ.get(name):
            return os.environ[name]
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True,
                             timeout=5, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None if out.returncode == 0 else None
