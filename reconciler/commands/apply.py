"""`rvsq-access apply`: validate, plan (or read a saved plan), confirm, apply, report."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reconciler import asking, pipeline
from reconciler.applying import executor, mail
from reconciler.clock import for_people, iso, utc_now
from reconciler.commands import (
    EXIT_BLOCKED,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_UNDELIVERED,
    Env,
    actor,
    git_commit,
    given_change_ref,
    open_state,
    stop_listening,
    validated,
)
from reconciler.commands import plan as plan_command
from reconciler.errors import UserError
from reconciler.folders import WORK_DIR, refuse_planted_links
from reconciler.planning import planfile, refusals
from reconciler.planning.planner import Plan
from reconciler.records import State
from reconciler.render.error_text import error_text
from reconciler.render.markdown import plain
from reconciler.store import SQLStore
from reconciler.store import audit_chain as audit
from reconciler.terminal import is_terminal

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
    # Where sealed codes and emails go after commit: refused now, before any change, if
    # someone planted a link there.
    refuse_planted_links(WORK_DIR / "codes", WORK_DIR / "outbox")
    audit.audit_key()  # a short RVSQ_AUDIT_KEY is refused before any change, not during one
    store = open_state(env, write=True)  # first: a state that is not there stops at once
    try:
        state_id = store.state_id()
        if plan_file is not None and plan.state_id != state_id:
            raise UserError("E142", path=plan_file.as_posix(),
                            planned_location=plan.state_location, planned_id=plan.state_id,
                            location=store.location.shown, id=state_id)
        stage = _Stage()
        try:
            return _run_command(env, store, paths, plan_file, plan if plan_file else None,
                                auto_approve, max_deletes, allow_mass_delete, lock_timeout,
                                strict, stage)
        except KeyboardInterrupt:  # once changes have started, apply_plan tells the ending
            if stage.changing:
                raise
            stop_listening()
            raise UserError("E159") from None
    finally:
        store.close()


class _Stage:
    """Whether apply has started changing the state: an interruption before says only
    that nothing was changed."""

    changing = False


def _run_command(env: Env, store: SQLStore, paths: list[Path], plan_file: Path | None,
                 saved: Plan | None, auto_approve: bool, max_deletes: int,
                 allow_mass_delete: bool, lock_timeout: float, strict: bool,
                 stage: _Stage) -> int:
    cache = env.parse_cache()  # one for the whole run: validation, plan and settle
    validation = validated(env, paths, cache, strict)  # one invalid file: nothing is applied
    if saved is not None and validation.digest != saved.config_digest:
        raise UserError("E118")
    settings = executor.Settings(
        actor=actor(env.actor), git_commit=git_commit(paths), work_dir=WORK_DIR,
        interactive=is_terminal(sys.stdout), max_deletes=max_deletes,
        # Checked with the plan's other refusals, so that the plan is shown first.
        allow_mass_delete=allow_mass_delete, change_ref=given_change_ref(env),
    )

    def waiting() -> None:
        click.echo(env.messages("apply.waiting", timeout=f"{lock_timeout:g}"), err=True)

    # The lock is taken before planning: no other apply can change the state between
    # the plan shown here and its application.
    with store.lock(lock_timeout, waiting):
        # An older state is brought up to date only now: the files are valid, the saved
        # plan (if any) is this state's, and no other apply runs.
        store.migrate(iso(utc_now()))
        store.check_head()  # a serial or audit head edited outside the tool: named here
        # An entry without the key's MAC after authenticated ones would be a break: refused
        # before the plan, not at its first action.
        store.refuse_unauthenticated(audit.audit_key())
        planned = pipeline.plan_validated(store, validation, paths, cache=cache)
        state = planned.state
        fresh = plan_command.compute(env, planned)
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
        stage.changing = True
        report = _apply(env, plan, store, settings, state)
        if report.applied:
            plan_command.settle(store, validation, paths, cache)
        serial = store.serial()
        head = audit.Head(*store.audit_head())
        emails, sealed = store.undelivered()
    _report(env, plan, report)
    click.echo(env.messages("state.named", location=fresh.state_location, id=fresh.state_id,
                            serial=serial))
    if sealed:  # emails that wait were told of in the report, with what delivers them
        _tell_waiting(env, 0, sealed, settings)
    _tell_head(env, head)
    if emails or sealed:
        return EXIT_UNDELIVERED
    return EXIT_BLOCKED if plan.blocked else EXIT_OK


def _confirm(env: Env) -> None:
    if not is_terminal(sys.stdin):
        raise UserError("E115")
    try:
        approved = asking.confirm(env.messages, env.messages("apply.confirm"))
    except click.Abort as abort:  # click's word for Ctrl-C and for the end of input
        if isinstance(abort.__context__, KeyboardInterrupt):
            raise KeyboardInterrupt from None
        raise UserError("E154") from None  # Ctrl-D: no answer, no approval
    if not approved:
        click.echo(env.messages("apply.cancelled"))
        raise SystemExit(EXIT_OK)


def _apply(env: Env, plan: Plan, store: SQLStore, settings: executor.Settings,
           state: State) -> executor.Report:
    try:
        return _run(env, plan, store, settings, state)
    except executor.Stopped as stopped:
        stop_listening()  # what follows must be said whole
        _show_codes(env, stopped.progress.shown)
        click.echo(error_text(env.messages, stopped, store.location.url), err=True)
        raise SystemExit(_tell_ending(env, store, stopped.progress, settings)) from None


def _tell_ending(env: Env, store: SQLStore, progress: executor.Progress,
                 settings: executor.Settings) -> int:
    """After a stop: how many actions are applied, what waits, and what finishes the
    work. Exit 4 when every change is applied and only deliveries wait, else 1."""
    m = env.messages
    click.echo(m("apply.ending.done", done=progress.done, total=progress.total,
                 run_id=progress.run_id), err=True)
    for path in progress.code_files:  # written before it ended: the representative needs them
        click.echo(m("apply.code_files", path=path.as_posix()), err=True)
    try:
        emails, sealed = store.undelivered()
    except (OSError, *store.errors):  # the connection is gone: say so, not guess
        click.echo(m("apply.ending.unknown"), err=True)
        emails = sealed = 0
    if progress.done < progress.total:
        click.echo(m("apply.ending.rest", count=progress.total - progress.done), err=True)
    if emails or sealed:
        _tell_waiting(env, emails, sealed, settings)
    try:
        head = audit.Head(*store.audit_head())
    except (OSError, UserError, *store.errors):  # gone or damaged: `audit head` tells it
        head = None
    if head is not None:
        _tell_head(env, head, err=True)
    return EXIT_UNDELIVERED if progress.done == progress.total else EXIT_INVALID


def _tell_head(env: Env, head: audit.Head, err: bool = False) -> None:
    """Apply's last word: the audit head, to publish outside the database, where a
    rewrite of the chain up to it can no longer be hidden (`audit verify --head`)."""
    click.echo(env.messages("audit.head", head=str(head)), err=err)
    click.echo(env.messages("audit.head.hint", head=str(head)), err=err)


def _tell_waiting(env: Env, emails: int, sealed: int, settings: executor.Settings) -> None:
    """What committed changes still wait to reach people, and the command that delivers
    each."""
    m = env.messages
    click.echo(m("apply.ending.waiting", emails=emails, sealed=sealed), err=True)
    if sealed:
        click.echo(m("apply.ending.sealed", folder=(settings.work_dir / "codes").as_posix()),
                   err=True)
    if emails:
        click.echo(m("apply.ending.emails"), err=True)


def _show_codes(env: Env, shown: list[dict[str, str]]) -> None:
    if shown:  # only ever on a terminal: checked before the run
        click.echo(env.messages("apply.codes_shown"))
        for entry in shown:
            click.echo(f"  {plain(entry['username'])}\t{entry['code']}")


def _run(env: Env, plan: Plan, store: SQLStore, settings: executor.Settings, state: State
         ) -> executor.Report:
    if len(plan.actions) < PROGRESS_FROM or not is_terminal(sys.stderr):
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
        click.echo(m("apply.login_many", count=len(report.new_accounts),
                     available_at=for_people(last, m.lang)))
    else:
        for account in report.new_accounts:
            click.echo(m("apply.login", username=account.username,
                         available_at=for_people(account.available_at, m.lang)))
    for path in report.code_files:
        click.echo(m("apply.code_files", path=path.as_posix()))
    if report.tasks:  # portal mode: what the representatives now carry out by hand
        click.echo(m("apply.tasks", count=report.tasks))
    emails = report.emails
    if emails.sent:
        click.echo(m("apply.emails", count=emails.sent, path=emails.where))
    if emails.failed:
        error = plain(mail.reasons_text(m, emails.reasons))
        click.echo(m("apply.emails_failed", count=emails.failed, where=emails.where,
                     error=error), err=True)
    elif emails.waiting:  # no RVSQ_SMTP_URL: nothing was tried
        click.echo(m("apply.emails_waiting", count=emails.waiting), err=True)
    _show_codes(env, report.shown_codes)
    if plan.blocked:
        click.echo(m("apply.blocked", count=len(plan.blocked)), err=True)
