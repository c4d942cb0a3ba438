"""The `rvsq-access` command line: parses arguments and calls one function per command.

User errors (UserError) are caught once, here, and printed with their hint (exit 1).
Command modules are imported when their command runs, so `--help` starts fast.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import math
import os
import sys
from pathlib import Path
from typing import Any

import click

from reconciler import terminal
from reconciler.catalog import Messages
from reconciler.cli_words import (
    Argument,
    AtLeast,
    Group,
    Option,
    language,
    language_of,
    show_version,
)
from reconciler.clock import AsOf, in_quebec, moment_of
from reconciler.domain import PROFILES, SERVICES, TITLES
from reconciler.errors import UserError
from reconciler.render import PLAN_FORMAT_NAMES, REPORT_FORMAT_NAMES

# Help texts and metavars are catalog keys, said in the run's language when shown
# (cli_words.py); every option and argument is one of cli_words' own.
option = functools.partial(click.option, cls=Option)
argument = functools.partial(click.argument, cls=Argument)

# Files the tool reads: their checks (there, readable, a regular file, not too large) are
# the tool's own reader's (files.py), which says what is wrong in the user's language.
READ = click.Path(path_type=Path, readable=False)
PATHS = argument("paths", nargs=-1, type=READ, metavar="metavar.path")
# The checks count days forward and back from --as-of (14 days to an expiry, 30 days of
# new accounts): Python's last year of dates stays out of reach, and no day before 1900
# can matter to RVSQ.
AS_OF_RANGE = (dt.date(1900, 1, 1), dt.date(9998, 12, 31))


def _as_of(ctx: click.Context, param: click.Parameter, value: dt.datetime | None
           ) -> dt.date | None:
    if value is None:
        return None
    first, last = AS_OF_RANGE
    if not first <= value.date() <= last:
        raise UserError("E155", date=value.date().isoformat(), first=first.isoformat(),
                        last=last.isoformat())
    return value.date()


MAX_LOCK_TIMEOUT = 86_400.0  # seconds: a day; longer is a mistake, or a hung job


def _lock_timeout(ctx: click.Context, param: click.Parameter, value: float) -> float:
    if not (math.isfinite(value) and 0 <= value <= MAX_LOCK_TIMEOUT):  # nan, inf, -1
        raise UserError("E193", given=str(value), most=f"{MAX_LOCK_TIMEOUT:g}")
    return value


LOCK_TIMEOUT = option("--lock-timeout", type=float, default=60.0, show_default=True,
                      metavar="metavar.seconds", callback=_lock_timeout,
                      help="help.lock_timeout")
def _as_of_moment(ctx: click.Context, param: click.Parameter, value: str | None
                  ) -> AsOf | None:
    if value is None:
        return None
    moment = moment_of(value)
    if moment is None:
        raise UserError("E210", value=value)
    day = in_quebec(moment).date() if len(value.strip()) != 10 \
        else dt.date.fromisoformat(value.strip())
    first, last = AS_OF_RANGE
    as_of = AsOf.read(value) if first <= day <= last else None
    if as_of is None:
        raise UserError("E155", date=day.isoformat(), first=first.isoformat(),
                        last=last.isoformat())
    return as_of


# `state` and `report`: a day or a moment; one gone by is rebuilt from the audit log.
AS_OF_STATE = option("--as-of", metavar="metavar.moment", callback=_as_of_moment,
                     help="help.as_of_state")
AS_OF_REPORT = option("--as-of", metavar="metavar.moment", callback=_as_of_moment,
                      help="help.as_of_report")
AS_OF = option("--as-of", type=click.DateTime(["%Y-%m-%d"]), metavar="metavar.date",
               callback=_as_of, help="help.as_of")
FILE = argument("file", type=READ, metavar="metavar.file")
KEY = argument("key", metavar="metavar.user")
# Every CSV the tool writes: a comma, or a semicolon for a French Excel.
DELIMITER = option("--delimiter", type=click.Choice([",", ";"]), default=",",
                   show_default=True, help="help.delimiter")


class _Group(Group):
    def invoke(self, ctx: click.Context) -> Any:
        from reconciler.commands import EXIT_INVALID, InvalidInput, stop_listening
        from reconciler.store import database_errors

        try:
            try:
                return super().invoke(ctx)
            except KeyboardInterrupt:  # Ctrl-C, or SIGTERM (see cli): never "Aborted!"
                stop_listening()
                raise UserError("E151") from None
            except click.Abort:  # a question that got no answer: the input ended
                raise UserError("E154") from None
            except (click.exceptions.Exit, click.ClickException, InvalidInput):
                raise  # InvalidInput: its problems are printed; exit 1 below, nothing more
            except Exception as exc:
                raise _user_error(exc, database_errors()) from exc
        except InvalidInput:
            ctx.exit(EXIT_INVALID)
        except UserError as exc:
            from reconciler.render.error_text import error_text

            env = ctx.obj
            messages = env.messages if env else Messages(language())
            click.echo(error_text(messages, exc, _state_url(env)), err=True)
            ctx.exit(getattr(exc, "exit_code", EXIT_INVALID))


def _user_error(exc: Exception, database: tuple[type[Exception], ...]) -> UserError:
    """What escaped a command, as an error a user can act on: never a traceback."""
    if isinstance(exc, UserError):
        return exc
    from reconciler import os_words  # only when something escaped: it reads the text policy

    if isinstance(exc, database):  # locked, unreachable, damaged: outside actions
        return UserError("E127", reason=str(exc).strip())
    if isinstance(exc, OSError):  # a file or folder the system refused
        where = exc.filename if exc.filename is not None else ""
        return UserError("E191", path=os.fsdecode(where), _words=os_words.words(exc))
    if isinstance(exc, UnicodeError):  # a name or text the system's encoding cannot hold
        return UserError("E192", _words=os_words.words(exc))
    if os.environ.get("RVSQ_DEBUG"):
        raise exc
    return UserError("E199", kind=type(exc).__name__, reason=str(exc)[:300])


def _state_url(env: Any) -> str | None:
    """The state URL this command uses, as given (with its password), if it can be read."""
    try:
        return env.state_location.url if env else None
    except UserError:
        return None


def _exit(code: int) -> None:
    sys.exit(code)


@click.group(cls=_Group, help="help.main")
@option("--no-color", is_flag=True, help="help.no_color")
@option("--state", "state_url", metavar="metavar.url", help="help.state")
@option("--actor", metavar="metavar.name", help="help.actor")
@option("--change-ref", metavar="metavar.ref", help="help.change_ref")
@option("--no-cache", is_flag=True, help="help.no_cache")
@option("--version", is_flag=True, expose_value=False, is_eager=True, callback=show_version,
        help="help.version")
@click.pass_context
def cli(ctx: click.Context, no_color: bool, state_url: str | None,
        actor: str | None, change_ref: str | None, no_cache: bool) -> None:
    from reconciler.commands import Env, listen_for_stop

    listen_for_stop()
    messages = Messages(language())  # --lang's, wherever it was given (cli_words)
    color = not no_color and terminal.is_terminal(sys.stdout)
    ctx.obj = Env(messages, color, state_url, actor, not no_cache, change_ref)


@cli.command(help="help.validate")
@PATHS
@option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
        help="help.format")
@option("--strict", is_flag=True, help="help.strict")
@option("--policy", type=READ, metavar="metavar.file", help="help.policy")
@AS_OF
@click.pass_obj
def validate(env: Any, paths: tuple[Path, ...], fmt: str, strict: bool,
             policy: Path | None, as_of: dt.date | None) -> None:
    from reconciler.commands import validate as command

    _exit(command.run(env, list(paths), fmt, strict, policy, as_of))


@cli.command(help="help.plan")
@PATHS
@option("--format", "fmt", type=click.Choice(PLAN_FORMAT_NAMES),
        default="text", help="help.plan_format")
@option("--out", type=click.Path(path_type=Path, dir_okay=False), metavar="metavar.file",
        help="help.out")
@option("--detailed-exitcode", is_flag=True, help="help.detailed_exitcode")
@option("--strict", is_flag=True, help="help.strict")
@AS_OF
@option("--max-deletes", type=AtLeast(0), default=10, show_default=True,
        metavar="metavar.count", help="plan.refusal.help_max_deletes")
@option("--allow-mass-delete", is_flag=True, help="plan.refusal.help_allow_mass_delete")
@click.pass_obj
def plan(env: Any, paths: tuple[Path, ...], fmt: str, out: Path | None,
         detailed_exitcode: bool, strict: bool, as_of: dt.date | None, max_deletes: int,
         allow_mass_delete: bool) -> None:
    from reconciler.commands import plan as command

    _exit(command.run(env, list(paths), fmt, out, detailed_exitcode, strict, as_of,
                      max_deletes, allow_mass_delete))


@cli.command(help="help.apply")
@PATHS
@option("--plan", "plan_file", type=READ, metavar="metavar.file", help="help.plan_file")
@option("--auto-approve", is_flag=True, help="help.auto_approve")
@option("--max-deletes", type=AtLeast(0), default=10, show_default=True,
        metavar="metavar.count", help="help.max_deletes")
@option("--allow-mass-delete", is_flag=True, help="help.allow_mass_delete")
@LOCK_TIMEOUT
@option("--strict", is_flag=True, help="help.strict")
@click.pass_obj
def apply(env: Any, paths: tuple[Path, ...], plan_file: Path | None, auto_approve: bool,
          max_deletes: int, allow_mass_delete: bool, lock_timeout: float, strict: bool) -> None:
    from reconciler.commands import apply as command

    _exit(command.run(env, list(paths), plan_file, auto_approve, max_deletes,
                      allow_mass_delete, lock_timeout, strict))


@cli.group(cls=_Group, help="help.state_group")
def state() -> None:
    pass


@state.command("init", help="help.state_init")
@click.pass_obj
def state_init(env: Any) -> None:
    from reconciler.commands import state as command

    _exit(command.init(env))


@state.command("list", help="help.state_list")
@AS_OF_STATE
@click.pass_obj
def state_list(env: Any, as_of: AsOf | None) -> None:
    from reconciler.commands import state as command

    _exit(command.list_accounts(env, as_of))


@state.command("show", help="help.state_show")
@argument("username", metavar="metavar.username")
@AS_OF_STATE
@click.pass_obj
def state_show(env: Any, username: str, as_of: AsOf | None) -> None:
    from reconciler.commands import state as command

    _exit(command.show(env, username, as_of))


@state.command("check", help="help.state_check")
@option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
        help="help.format")
@click.pass_obj
def state_check(env: Any, fmt: str) -> None:
    from reconciler.commands import state as command

    _exit(command.check(env, fmt))


@state.command("import-directory", help="help.import_directory")
@argument("csv_file", type=READ, metavar="metavar.csv_file")
@option("--update-managed", is_flag=True, help="help.update_managed")
@click.pass_obj
def state_import_directory(env: Any, csv_file: Path, update_managed: bool) -> None:
    from reconciler.commands import state as command

    _exit(command.import_directory(env, csv_file, update_managed))


@cli.command("drift", help="help.drift")
@argument("export", type=READ, metavar="metavar.export")
@option("--establishment", metavar="metavar.establishment", help="help.drift_establishment")
@option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
        help="help.format")
@option("--directory", "as_directory", is_flag=True, help="help.drift_directory")
@option("--adopt", is_flag=True, help="help.drift_adopt")
@click.pass_obj
def drift(env: Any, export: Path, establishment: str | None, fmt: str, as_directory: bool,
          adopt: bool) -> None:
    from reconciler.commands import drift as command

    _exit(command.run(env, export, establishment, fmt, adopt, as_directory))


@cli.group(cls=_Group, help="help.codes")
def codes() -> None:
    pass


@codes.command("reveal", help="help.codes_reveal")
@argument("sealed", nargs=-1, required=True, type=READ, metavar="metavar.sealed_file")
@option("--identity", type=READ, required=True, metavar="metavar.keyfile",
        help="help.identity")
@option("--latest", is_flag=True, help="help.codes_latest")
@option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
        help="help.format")
@click.pass_obj
def codes_reveal(env: Any, sealed: tuple[Path, ...], identity: Path, latest: bool,
                 fmt: str) -> None:
    from reconciler.commands import codes as command

    _exit(command.reveal(env, list(sealed), identity, latest, fmt))


@cli.group(cls=_Group, help="help.audit")
def audit() -> None:
    pass


@audit.command("verify", help="help.audit_verify")
@option("--head", "heads", multiple=True, metavar="metavar.audit_head",
        help="help.audit_verify_head")
@option("--heads", "heads_file", type=READ, metavar="metavar.file",
        help="help.audit_verify_heads")
@click.pass_obj
def audit_verify(env: Any, heads: tuple[str, ...], heads_file: Path | None) -> None:
    from reconciler.commands import audit as command

    _exit(command.verify(env, heads, heads_file))


@audit.command("head", help="help.audit_head")
@option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
        help="help.format")
@click.pass_obj
def audit_head(env: Any, fmt: str) -> None:
    from reconciler.commands import audit as command

    _exit(command.head(env, fmt))


# What `audit log --action` accepts: the plan's kinds and the directory import (named here,
# not imported from the planner, so that the command line starts fast; a test keeps them
# equal to render/audit_view.AUDITED_ACTIONS).
AUDITED_ACTIONS = ("create_establishment", "update_establishment", "create_account",
                   "grant_services", "revoke_services", "update_account", "regenerate_code",
                   "reset_password", "delete_account", "import_directory", "confirm_task",
                   "reopen_task", "adopt_portal")


@audit.command("log", help="help.audit_log")
@option("--since", metavar="metavar.moment", help="help.audit_since")
@option("--until", metavar="metavar.moment", help="help.audit_until")
@option("--user", metavar="metavar.user", help="help.audit_user")
@option("--establishment", metavar="metavar.establishment", help="help.audit_establishment")
@option("--action", "actions", type=click.Choice(AUDITED_ACTIONS), multiple=True,
        metavar="metavar.action", help="help.audit_action")
@option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text",
        help="help.format")
@DELIMITER
@click.pass_obj
def audit_log(env: Any, since: str | None, until: str | None, user: str | None,
              establishment: str | None, actions: tuple[str, ...], fmt: str,
              delimiter: str) -> None:
    from reconciler.commands import audit as command

    _exit(command.log(env, fmt, delimiter, since=since, until=until, user=user,
                      establishment=establishment, actions=actions))


@cli.command(help="help.report")
@PATHS
@option("--format", "fmt", type=click.Choice(REPORT_FORMAT_NAMES),
        default="markdown", help="help.format")
@option("--out", type=click.Path(path_type=Path, dir_okay=False), metavar="metavar.file",
        help="help.report_out")
@AS_OF_REPORT
@option("--since", metavar="metavar.moment", help="help.report_since")
@option("--until", metavar="metavar.moment", help="help.report_until")
@option("--table", "csv_table", type=click.Choice(["accounts", "changes", "tasks"]),
        default="accounts", show_default=True, help="help.report_table")
@DELIMITER
@click.pass_obj
def report(env: Any, paths: tuple[Path, ...], fmt: str, out: Path | None,
           as_of: AsOf | None, since: str | None, until: str | None, csv_table: str,
           delimiter: str) -> None:
    from reconciler.commands import report as command

    asked = command.Asked(as_of, since, until, csv_table)
    _exit(command.run(env, list(paths), fmt, out, asked, delimiter))


@cli.command("import", help="help.import")
@option("--establishment", "establishment", metavar="metavar.establishment",
        help="help.import_one")
@option("--all", "everything", is_flag=True, help="help.import_all")
@option("--out", type=click.Path(path_type=Path), metavar="metavar.path",
        help="help.import_out")
@click.pass_obj
def import_(env: Any, establishment: str | None, everything: bool, out: Path | None) -> None:
    from reconciler.commands import importer as command

    _exit(command.run(env, establishment, everything, out))


@cli.group(cls=_Group, help="help.user")
def user() -> None:
    pass


@user.command("add", help="help.user_add")
@FILE
@option("--email", metavar="metavar.email", help="help.user_email")
@option("--title", type=click.Choice(TITLES), help="help.user_title")
@option("--first-name", metavar="metavar.first_name", help="help.user_first_name")
@option("--last-name", metavar="metavar.last_name", help="help.user_last_name")
@option("--profile", type=click.Choice(PROFILES), help="help.user_profile")
@option("--service", "services", multiple=True, type=click.Choice(SERVICES),
        help="help.user_service")
@option("--username", metavar="metavar.username", help="help.user_username")
@option("--professional-number", metavar="metavar.number",
        help="help.user_professional_number")
@click.pass_obj
def user_add(env: Any, file: Path, email: str | None, title: str | None,
             first_name: str | None, last_name: str | None, profile: str | None,
             services: tuple[str, ...], username: str | None,
             professional_number: str | None) -> None:
    from reconciler.commands import user as command

    _exit(command.add(env, file, email=email, title=title, first_name=first_name,
                      last_name=last_name, profile=profile, services=list(services),
                      username=username, professional_number=professional_number))


@user.command("remove", help="help.user_remove")
@FILE
@KEY
@click.pass_obj
def user_remove(env: Any, file: Path, key: str) -> None:
    from reconciler.commands import user as command

    _exit(command.remove(env, file, key))


@user.command("services", help="help.user_services")
@FILE
@KEY
@option("--add", "add", multiple=True, type=click.Choice(SERVICES),
        help="help.user_services_add")
@option("--remove", "remove", multiple=True, type=click.Choice(SERVICES),
        help="help.user_services_remove")
@click.pass_obj
def user_services(env: Any, file: Path, key: str, add: tuple[str, ...],
                  remove: tuple[str, ...]) -> None:
    from reconciler.commands import user as command

    _exit(command.services(env, file, key, add=list(add), remove=list(remove)))


@user.command("rotate-code", help="help.user_rotate_code")
@FILE
@KEY
@option("--token", metavar="metavar.token", help="help.user_token")
@click.pass_obj
def user_rotate_code(env: Any, file: Path, key: str, token: str | None) -> None:
    from reconciler.commands import user as command

    _exit(command.rotate_code(env, file, key, token))


@user.command("reset-password", help="help.user_reset_password")
@FILE
@KEY
@option("--token", metavar="metavar.token", help="help.user_token")
@click.pass_obj
def user_reset_password(env: Any, file: Path, key: str, token: str | None) -> None:
    from reconciler.commands import user as command

    _exit(command.reset_password(env, file, key, token))


@cli.group(cls=_Group, help="help.tasks")
def tasks() -> None:
    pass


@tasks.command("list", help="help.tasks_list")
@option("--establishment", metavar="metavar.establishment", help="help.tasks_establishment")
@option("--all", "everything", is_flag=True, help="help.tasks_all")
@option("--format", "fmt", type=click.Choice(["text", "json", "markdown", "runbook"]),
        default="text", help="help.tasks_format")
@click.pass_obj
def tasks_list(env: Any, establishment: str | None, everything: bool, fmt: str) -> None:
    from reconciler.commands import tasks as command

    _exit(command.list_tasks(env, establishment, everything, fmt))


@tasks.command("done", help="help.tasks_done")
@argument("ids", nargs=-1, required=True, type=AtLeast(1), metavar="metavar.task")
@option("--note", metavar="metavar.note", help="help.tasks_note")
@click.pass_obj
def tasks_done(env: Any, ids: tuple[int, ...], note: str | None) -> None:
    from reconciler.commands import tasks as command

    _exit(command.done(env, list(ids), note))


@tasks.command("reopen", help="help.tasks_reopen")
@argument("task_id", type=AtLeast(1), metavar="metavar.task")
@option("--note", metavar="metavar.note", help="help.tasks_note")
@click.pass_obj
def tasks_reopen(env: Any, task_id: int, note: str | None) -> None:
    from reconciler.commands import tasks as command

    _exit(command.reopen(env, task_id, note))


@cli.group(cls=_Group, help="help.outbox")
def outbox() -> None:
    pass


@outbox.command("list", help="help.outbox_list")
@option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
        help="help.format")
@option("--all", "everything", is_flag=True, help="help.outbox_all")
@click.pass_obj
def outbox_list(env: Any, fmt: str, everything: bool) -> None:
    from reconciler.commands import outbox as command

    _exit(command.list_messages(env, fmt, everything))


@outbox.command("send", help="help.outbox_send")
@LOCK_TIMEOUT
@click.pass_obj
def outbox_send(env: Any, lock_timeout: float) -> None:
    from reconciler.commands import outbox as command

    _exit(command.send(env, lock_timeout))


@outbox.command("export", help="help.outbox_export")
@argument("folder", metavar="metavar.folder", type=click.Path(path_type=Path))
@LOCK_TIMEOUT
@click.pass_obj
def outbox_export(env: Any, folder: Path, lock_timeout: float) -> None:
    from reconciler.commands import outbox as command

    _exit(command.export(env, folder, lock_timeout))


def main() -> None:
    # A province-wide plan builds a few million objects that all live until the end, and
    # its hot paths make no reference cycles (schema.py avoids the one a library made per
    # user): the collector would only scan them, a tenth of a plan's time at 100,000
    # users, a third with its default thresholds. Reference counting frees the rest.
    gc.disable()
    terminal.tolerant_streams()
    stdout = terminal.forgiving_stdout()
    try:
        cli(prog_name="rvsq-access")
        code = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:  # a message instead of a code: print it as sys.exit would
            print(exc.code, file=sys.stderr)
            code = 1
    # Leave without the interpreter's teardown, which frees a province of objects one by
    # one (a third of a second at 100,000 users). Every command has written and closed
    # its files and its state by now; only the terminal's buffers remain to flush.
    if stdout is not None and stdout.lost:  # said where it is still read
        with contextlib.suppress(OSError, ValueError):
            lang = language_of(sys.argv[1:], os.environ)  # --lang too, wherever given
            print(Messages(lang)("output_cut"), file=sys.stderr)
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:  # None: closed when the command started (`>&-`)
            with contextlib.suppress(OSError, ValueError):  # `| head`: the reader left
                stream.flush()
    os._exit(code)
