"""One module per command: each takes plain arguments and returns an exit code.

What several commands share lives here: the per-invocation settings, reading and
validating the input, opening the state.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import signal
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, NoReturn

import click

from reconciler.catalog import Messages
from reconciler.checking.cache import ParseCache
from reconciler.checking.validation import Validation
from reconciler.clock import iso, moment_of, utc_now
from reconciler.errors import UserError
from reconciler.folders import WORK_DIR
from reconciler.problems import Omitted, Problem
from reconciler.render import problem_list as render_problems
from reconciler.store import Location, SQLStore, open_store, state_location

if TYPE_CHECKING:
    from reconciler.history.replay import Replayed
    from reconciler.pipeline import Planned

EXIT_OK, EXIT_INVALID, EXIT_CHANGES, EXIT_BLOCKED = 0, 1, 2, 3
EXIT_UNDELIVERED = 4  # apply: every change applied, but emails or sealed codes wait
EXIT_REFUSED = EXIT_INVALID  # plan --detailed-exitcode: apply would refuse the plan
# The state changes were applied (or nothing was to be), but emails or sealed codes wait
# for delivery; wins over EXIT_BLOCKED.
EXIT_UNDELIVERED = 4
DEFAULT_PATHS = (Path("access"),)


class Env(NamedTuple):
    """What every command gets from the global options."""

    messages: Messages
    color: bool
    state_option: str | None  # --state, as given; RVSQ_STATE is read when a state is used
    actor: str | None
    use_cache: bool = True
    change_ref: str | None = None  # --change-ref, as given; else RVSQ_CHANGE_REF

    @property
    def state_location(self) -> Location:
        """Resolved when a command needs the state: `validate` works whatever it says."""
        return state_location(self.state_option)

    def parse_cache(self) -> ParseCache | None:
        """.rvsq/cache under the working folder, or RVSQ_CACHE_DIR (a CI cache, say); None
        with --no-cache. Making one reads its key and hashes the schemas: a command makes
        one, and hands it to every step of its run."""
        if not self.use_cache:
            return None
        return ParseCache(Path(os.environ.get("RVSQ_CACHE_DIR") or WORK_DIR / "cache"))


def listen_for_stop() -> None:
    """A stop signal (CI cancelling a job, `kill`) ends a command as Ctrl-C does: the
    transaction in progress rolls back and the command says what was done. Python's
    default would end it without a word."""
    signal.signal(signal.SIGTERM, _interrupt)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, _interrupt)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def stop_listening() -> None:
    """Once a command is ending (interrupted), a second Ctrl-C must not cut short what it
    says about the first."""
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)


class InvalidInput(Exception):
    """The input has errors; they were printed. The CLI exits 1."""


def validated(env: Env, paths: list[Path], cache: ParseCache | None, strict: bool = False,
              today: dt.date | None = None) -> Validation:
    """Validate the input; print its problems; stop (exit 1) on any error."""
    from reconciler import pipeline  # the planner's modules: not every command needs them

    paths = paths or list(DEFAULT_PATHS)
    refuse_links_out(paths)
    result = pipeline.validate(paths, today=today, cache=cache, strict=strict)
    if result.errors:
        _stop(env, result)
    return result


def plan_input(env: Env, store: SQLStore, paths: list[Path], cache: ParseCache | None,
               strict: bool = False, today: dt.date | None = None,
               history: bool = False) -> Planned:
    """validate → snapshot → plan (pipeline.py); print the input's problems and stop
    (exit 1) on any error in it. Errors only the state shows are the caller's."""
    from reconciler import pipeline

    paths = paths or list(DEFAULT_PATHS)
    refuse_links_out(paths)
    try:
        return pipeline.plan_paths(store, paths, today=today, cache=cache,
                                   strict=strict, history=history)
    except pipeline.InputErrors as invalid:
        _stop(env, invalid.validation)


def typed_moment(text: str | None, end: bool = False) -> dt.datetime | None:
    """`--since` or `--until` as typed (a day is Quebec's; `end`: a day's end), in UTC;
    None when not given; E210 when it is neither a date nor a time."""
    if text is None:
        return None
    found = moment_of(text, end=end)
    if found is None:
        raise UserError("E210", value=text)
    return found


def rebuild(store: SQLStore, moment: str) -> tuple[Replayed, int]:
    """The state as it was just before `moment` (ISO UTC), replayed from the audit log, and
    how many entries the log holds; inside the caller's read transaction, if any."""
    from reconciler.history.replay import Unreadable, replay

    with store.reading():  # the entries and their count agree
        total = store.audit_extent()[0]
        try:
            past = replay(store.each_audit_entry(until=moment), moment, store.state_id(),
                          store.location.shown)
        except Unreadable as unreadable:
            entry = unreadable.entry
            raise UserError("E219", seq=entry.seq, action=ascii(entry.action)[1:-1][:40],
                            at=ascii(entry.at)[1:-1][:40]) from None
    return past, total


def _stop(env: Env, validation: Validation) -> NoReturn:
    # Every problem is shown; without errors, warnings go into the plan.
    print_problems(env, validation.problems, validation.omitted)
    click.echo(render_problems.summary(validation, env.messages), err=True)
    raise InvalidInput


def refuse_links_out(paths: list[Path]) -> None:
    """A path given that is a link in the repository (git's top level of the working
    folder, else the working folder), or goes through one, leading out of it is refused
    (E015), as discover refuses a link inside the access folder: a pull request must not
    turn `access` into a door to files the reviewers never saw. A real folder named
    explicitly, even outside, is the user's own choice and stays allowed; so are links
    outside the repository (no pull request plants them; macOS's /tmp is one)."""
    top: Path | None = None
    for given in paths:
        walked = Path.cwd()  # physical (getcwd): only what was given is walked
        for part in given.parts:
            walked = walked / part  # unnormalised: `link/..` still goes through the link
            if not walked.is_symlink():
                continue
            if top is None:  # git is asked only when a link is met
                top = repository_top()
            where = walked.parent.resolve() / walked.name  # the link itself, not its target
            if where.is_relative_to(top) and not walked.resolve().is_relative_to(top):
                raise UserError("E015", link=given.as_posix(), path=top.as_posix())


def repository_top() -> Path:
    """The git top level of the working folder, or the working folder outside git."""
    here = Path.cwd()
    top = _git(here, "rev-parse", "--show-toplevel")
    return Path(top).resolve() if top else here.resolve()


def print_problems(env: Env, problems: list[Problem],
                   omitted: Mapping[str, Omitted] | None = None) -> None:
    """The problems on stderr, at most MAX_PER_FILE a file and MAX_PER_RUN in all; then
    how many more there are (`omitted`: those a validation counted but did not keep)."""
    for line in render_problems.lines(problems, env.messages, env.color, omitted):
        click.echo(line, err=True, color=env.color)


def open_state(env: Env, write: bool = False) -> SQLStore:
    """The existing state; refused if missing or never initialised. A command that
    writes (`write`) may open an older schema, and migrates it just before it writes."""
    return open_store(env.state_location, iso(utc_now()), writing=write)


def given_change_ref(env: Env) -> str | None:
    """--change-ref, else RVSQ_CHANGE_REF, unchecked: a plan shows it as a refusal."""
    value = env.change_ref if env.change_ref is not None else os.environ.get("RVSQ_CHANGE_REF")
    return value or None


def change_ref(env: Env) -> str | None:
    """What the audit entries of this run name as their change: a pull request's URL, a
    ticket. Refused (E143) unless apply would take it (refusals.change_ref)."""
    from reconciler.planning import refusals  # the planner's modules: not every command needs them

    value = given_change_ref(env)
    refusal = refusals.change_ref(value)
    if refusal is not None:
        raise UserError(refusal.code, **refusal.params)
    return value


def actor(option: str | None) -> str:
    """--actor, else the CI's user, else the login name."""
    for value in (option, os.environ.get("GITHUB_ACTOR"), os.environ.get("GITLAB_USER_LOGIN")):
        if value:
            return value
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def git_commit(paths: list[Path]) -> str | None:
    """The commit being applied: CI's variable or the HEAD of the repository holding the
    (first) access path, wherever the command runs from, with `-dirty` appended (as `git
    describe --dirty` does) when the access files under `paths` differ from it: edited,
    added, removed, ignored by .gitignore, or not committed at all. None outside a
    repository when CI names no commit."""
    named = next((os.environ[name] for name in ("GITHUB_SHA", "CI_COMMIT_SHA")
                  if os.environ.get(name)), None)
    given = [p.resolve() for p in paths or DEFAULT_PATHS]
    where = given[0] if given[0].is_dir() else given[0].parent
    top = _git(where, "rev-parse", "--show-toplevel")
    local = _git(where, "rev-parse", "HEAD") if top else None
    if top is None or local is None:  # no repository (or no git): CI's word is all we know
        return named
    listed = ["--", *(p.as_posix() for p in given)]
    # --ignored: an ignored access file is applied all the same, yet no commit holds it;
    # traditional mode (the default) lists the files inside an ignored folder, one by one.
    status = _git(where, "status", "--porcelain", "--untracked-files=all", "--ignored",
                  *listed)
    dirty = status is None or _applied(status.splitlines(), Path(top), given, porcelain=True)
    if not dirty and named not in (None, local):  # CI names another commit than HEAD
        diff = _git(where, "diff", "--name-only", named, *listed)
        dirty = diff is None or _applied(diff.splitlines(), Path(top), given)
    return f"{named or local}-dirty" if dirty else named or local


def _applied(lines: list[str], top: Path, given: list[Path], porcelain: bool = False) -> bool:
    """Whether git's list of paths (relative to the repository's top) names a file the
    tool would read as an access file: *.yaml or *.yml under a path given, and not in a
    folder whose name starts with a dot (validate.discover skips those)."""
    for line in lines:
        names = line[3:].split(" -> ") if porcelain else [line]  # a rename names both
        for name in names:
            name = name.strip('"')  # git quotes names with unusual characters
            if not name.endswith((".yaml", ".yml")):
                continue
            path = top / name
            for root in given:
                if path == root or (path.is_relative_to(root) and not any(
                        part.startswith(".") for part in path.relative_to(root).parts)):
                    return True
    return False


def _git(folder: Path, *args: str) -> str | None:
    """git's output in `folder`, without its last line end (a status line starts with a
    space); None when git is missing or the command fails."""
    try:
        out = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True,
                             timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.rstrip("\n") if out.returncode == 0 else None
