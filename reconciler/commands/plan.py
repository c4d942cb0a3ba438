"""`rvsq-access plan`: what apply would change."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

import click

from reconciler import os_words, pipeline
from reconciler.checking.cache import ParseCache
from reconciler.checking.validation import Validation
from reconciler.clock import utc_now
from reconciler.commands import (
    EXIT_CHANGES,
    EXIT_OK,
    EXIT_REFUSED,
    Env,
    InvalidInput,
    given_change_ref,
    open_state,
    plan_input,
    print_problems,
)
from reconciler.errors import UserError
from reconciler.pipeline import Planned
from reconciler.planning import planfile, refusals
from reconciler.planning.planner import Plan
from reconciler.records import State
from reconciler.render import plan_json, tasks_view
from reconciler.render.formats import PLAN_FORMATS
from reconciler.render.plan_view import PlanView
from reconciler.store import SQLStore


def compute(env: Env, planned: Planned) -> Plan:
    """The plan made of the validated input; stop on errors only the state shows."""
    result, validation = planned.result, planned.validation
    if result.problems:
        print_problems(env, result.problems)
        raise InvalidInput
    warnings = planfile.notices(validation.problems, result.plan, validation.files)
    return result.plan._replace(warnings=(*warnings, *result.plan.warnings))


def settle(store: SQLStore, validation: Validation, paths: list[Path],
           cache: ParseCache | None) -> None:
    """After an apply, plan again what it changed (the rest stays settled), so that the
    next plan, a pull request's say, finds it settled. Best effort: the apply is done."""
    if cache is None:
        return
    with contextlib.suppress(*store.errors):
        pipeline.plan_validated(store, validation, paths, cache=cache)


def write(env: Env, fmt: str, view: PlanView) -> None:
    """The plan in format `fmt` on standard output, written as it is rendered."""
    for piece in PLAN_FORMATS[fmt](view, env.messages, env.color):
        click.echo(piece, nl=False, color=env.color)


def show(env: Env, plan: Plan, validation: Validation) -> None:
    """The plan as text, as apply shows it before asking."""
    write(env, "text", PlanView(plan, validation.files))


def refused(plan: Plan, state: State, limits: refusals.Limits) -> Plan:
    """The plan with what would make apply refuse it."""
    return plan._replace(refusals=refusals.of(plan, state, limits))


def limits(env: Env, max_deletes: int = refusals.MAX_DELETES,
           allow_mass_delete: bool = False) -> refusals.Limits:
    """As apply will run in CI: with these flags, no terminal to show codes on, and this
    environment's mail server and change reference."""
    return refusals.Limits(max_deletes, allow_mass_delete, interactive=False,
                           smtp_url=refusals.smtp_url(), change_ref=given_change_ref(env))


def run(env: Env, paths: list[Path], fmt: str, out: Path | None, detailed: bool,
        strict: bool = False, as_of: dt.date | None = None,
        max_deletes: int = refusals.MAX_DELETES, allow_mass_delete: bool = False) -> int:
    paths = paths or [Path("access")]
    store = open_state(env)  # first: a state that is not there stops before any work
    try:
        planned = plan_input(env, store, paths, env.parse_cache(), strict, as_of)
        # Only the Markdown plan shows the tasks already waiting (a pull request's say).
        waiting = store.portal_tasks() if fmt == "markdown" else []
    finally:
        store.close()
    validation, state = planned.validation, planned.state
    plan = compute(env, planned)
    plan = refused(plan, state, limits(env, max_deletes, allow_mass_delete))
    if out is not None:
        try:
            out.write_text(plan_json.to_json(plan, env.messages), encoding="utf-8")
        except OSError as exc:
            raise UserError("E190", path=out.as_posix(), _words=os_words.words(exc)) from None
    write(env, fmt, PlanView(plan, validation.files, state,
                             tasks=tasks_view.rows(waiting, state, utc_now())))
    if fmt == "text" and out is not None:
        click.echo(env.messages("plan.saved", path=out.as_posix()))
    if not detailed:
        return EXIT_OK
    if plan.refusals:
        return EXIT_REFUSED  # before changes: such a plan cannot be applied as it is
    return EXIT_CHANGES if plan.has_changes else EXIT_OK
