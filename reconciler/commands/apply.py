"""`rvsq-access apply`: validate, plan (or read a saved plan), confirm, apply, report."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reconciler import apply as executor
from reconciler import mail, planfile, refusals
from reconciler.clock import iso, utc_now
from reconciler.commands import (
    EXIT_BLOCKED,
    EXIT_OK,
    EXIT_UNDELIVERED,
    Env,
    actor,
    git_commit,
    given_change_ref,
    open_state,
    validated,
)
from reconciler.commands import plan as plan_command
from reconciler.errors import UserError
from reconciler.plan import Plan
from reconciler.render.plan_markdown import plain
from reconciler.state import State
from reconciler.store import WORK_DIR, SQLStore

PROGRESS_FROM = 50  # actions: below this a progress bar is noise
LIST_NEW_ACCOUNTS_UP_TO = 20  # beyond this, one line says when they can all log in


def run(
    env: Env,
    paths: list[Path],
    plan_file: Path | None,
    auto_approve: bool,
    max_deletes: int,
    allow_mass_delete: bool,
    lock_timeout: float,
    strict: bool = False,
) -> int:
    if plan_file is not None:
        plan = planfile.read(plan_file)
        paths = paths or [Path(p) for p in plan.paths]
    paths = paths or [Path("access")]
    store = open_state(env, write=True)  # first: a state that is not there stops at once
    try:
        state_id = store.state_id()
        if plan_file is not None and plan.state_id != state_id:
            raise UserError("E142", path=plan_file.as_posix(),
                            planned_location=plan.state_location, planned_id=plan.state_id,
                            location=store.location.shown, id=state_id)
        return _run_command(env, store, paths, plan_file, plan if plan_file else None,
                            auto_approve, max_deletes, allow_mass_delete, lock_timeout,
                            strict)
    finally:
        store.close()


def _run_command(env: Env, store: SQLStore, paths: list[Path], plan_file: Path | None,
                 saved: Plan | None, auto_approve: bool, max_deletes: int,
                 allow_mass_delete: bool, lock_timeout: float, strict: bool) -> int:
    validation = validated(env, paths, strict)  # one invalid file: nothing is applied
    if saved is not None and validation.digest != saved.config_digest:
        raise UserError("E118")
    settings = executor.Settings(
        actor=actor(env.actor), git_commit=git_commit(paths), work_dir=WORK_DIR,
        interactive=sys.stdout.isatty(), max_deletes=max_deletes,
        # Checked with the plan's other refusals, so that the plan is shown first.
        allow_mass_delete=allow_mass_delete, change_ref=given_change_ref(env),
    )

    def waiting() -> None:
        click.echo(env.messages("apply.waiting", timeout=int(lock_timeout)), err=True)

    # The lock is taken before planning: no other apply can change the state between
    # the plan shown here and its application.
    with store.lock(lock_timeout, waiting):
        # An older state is brought up to date only now: the files are valid, the saved
        # plan (if any) is this state's, and no other apply runs.
        store.migrate(iso(utc_now()))
        state = plan_command.snapshot(env, store, validation)
        fresh = plan_command.compute(env, validation, state, paths)
        if saved is None:
            plan = plan_command.refused(fresh, state, executor.limits(settings))
            plan_command.show(env, plan, validation)
            refusals.refuse(plan.refusals)  # as apply_plan would, before the question
            if plan.actions and not auto_approve:
                _confirm(env)
        else:
            plan = saved
            if plan.state_serial == fresh.state_serial and (
                    plan.actions, plan.blocked) != (fresh.actions, fresh.blocked):
                # Same files, same state, yet other actions: the saved plan was edited (a
                # recipient swapped, a service added) or made by another version.
                raise UserError("E134", path=str(plan_file))
        report = _apply(env, plan, store, settings, state)
        if report.applied:
            plan_command.settle(env, store, validation, paths)
        serial = store.serial()
    _report(env, plan, report)
    click.echo(env.messages("state.named", location=fresh.state_location, id=fresh.state_id,
                            serial=serial))
    if report.emails.waiting:
        return EXIT_UNDELIVERED
    return EXIT_BLOCKED if plan.blocked else EXIT_OK


def _confirm(env: Env) -> None:
    if not sys.stdin.isatty():
        raise UserError("E115")
    if not click.confirm(env.messages("apply.confirm"), default=False):
        click.echo(env.messages("apply.cancelled"))
        raise SystemExit(EXIT_OK)


def _apply(env: Env, plan: Plan, store: SQLStore, settings: executor.Settings,
           state: State) -> executor.Report:
    try:
        return _run(env, plan, store, settings, state)
    except executor.Stopped as stopped:
        _show_codes(env, stopped.shown)
        raise


def _show_codes(env: Env, shown: list[dict[str, str]]) -> None:
    if shown:  # only ever on a terminal: checked before the run
        click.echo(env.messages("apply.codes_shown"))
        for entry in shown:
            click.echo(f"  {entry['username']}\t{entry['code']}")


def _run(env: Env, plan: Plan, store: SQLStore, settings: executor.Settings, state: State
         ) -> executor.Report:
    if len(plan.actions) < PROGRESS_FROM or not sys.stderr.isatty():
        return executor.apply_plan(plan, store, settings, state=state)
    label = env.messages("apply.progress")
    with click.progressbar(length=len(plan.actions), label=label, file=sys.stderr) as bar:
        return executor.apply_plan(plan, store, settings, state=state,
                                   on_progress=lambda done, total: bar.update(1))


def _report(env: Env, plan: Plan, report: executor.Report) -> None:
    m = env.messages
    if report.applied:
        click.echo(m("apply.done", count=len(report.applied), run_id=report.run_id))
    else:
        click.echo(m("apply.nothing"))
    if len(report.new_accounts) > LIST_NEW_ACCOUNTS_UP_TO:
        last = max(a.available_at for a in report.new_accounts)
        click.echo(m("apply.login_many", count=len(report.new_accounts), available_at=last))
    else:
        for account in report.new_accounts:
            click.echo(m("apply.login", username=account.username,
                         available_at=account.available_at))
    for path in report.code_files:
        click.echo(m("apply.code_files", path=path.as_posix()))
    emails = report.emails
    if emails.sent:
        click.echo(m("apply.emails", count=emails.sent, path=emails.where))
    if emails.failed:
        error = plain(mail.reason_text(m, emails.error or ""))
        click.echo(m("apply.emails_failed", count=emails.failed, where=emails.where,
                     error=error), err=True)
    elif emails.waiting:  # no RVSQ_SMTP_URL: nothing was tried
        click.echo(m("apply.emails_waiting", count=emails.waiting), err=True)
    _show_codes(env, report.shown_codes)
    if plan.blocked:
        click.echo(m("apply.blocked", count=len(plan.blocked)), err=True)
