"""`rvsq-access plan`: what apply would change."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

import click

from reconciler import planfile, refusals, settled
from reconciler.clock import iso, utc_now
from reconciler.commands import (
    EXIT_CHANGES,
    EXIT_OK,
    EXIT_REFUSED,
    Env,
    InvalidInput,
    given_change_ref,
    open_state,
    print_problems,
    validated,
)
from reconciler.errors import UserError
from reconciler.plan import Plan, PlanResult, make_plan
from reconciler.render import plan_json
from reconciler.render.formats import PLAN_FORMATS
from reconciler.render.plan_view import PlanView
from reconciler.state import State
from reconciler.store import SQLStore
from reconciler.validate import Validation


def snapshot(env: Env, store: SQLStore, validation: Validation,
             today: dt.date | None = None) -> State:
    """What a plan compares against: with the parse cache, without the accounts of the
    establishments a previous plan found in step and nothing has touched since."""
    cache = env.parse_cache()
    if cache is None:
        return store.snapshot()
    return store.snapshot(focus=settled.focus(cache, validation.files, today or dt.date.today()))


def _planned(env: Env, validation: Validation, state: State, paths: list[Path],
             today: dt.date) -> PlanResult:
    """The plan, and what it settles when the state shows no error in the input."""
    result = make_plan(
        validation.files, state, today=today, now=iso(utc_now()),
        config_digest=validation.digest, paths=tuple(p.as_posix() for p in paths),
    )
    cache = env.parse_cache()
    if cache is not None and not result.problems:
        settled.remember(cache, validation.files, result.plan, state, today)
    return result


def compute(env: Env, validation: Validation, state: State, paths: list[Path],
            today: dt.date | None = None) -> Plan:
    """Plan the validated input against the state; stop on errors only the state shows."""
    result = _planned(env, validation, state, paths, today or dt.date.today())
    if result.problems:
        print_problems(env, result.problems)
        raise InvalidInput
    warnings = planfile.notices(validation.problems, result.plan, validation.files)
    return result.plan._replace(warnings=(*warnings, *result.plan.warnings))


def settle(env: Env, store: SQLStore, validation: Validation, paths: list[Path]) -> None:
    """After an apply, plan again what it changed (the rest stays settled), so that the
    next plan, a pull request's say, finds it settled. Best effort: the apply is done."""
    if not env.use_cache:
        return
    today = dt.date.today()
    with contextlib.suppress(*store.errors):
        _planned(env, validation, snapshot(env, store, validation, today), paths, today)


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
        validation = validated(env, paths, strict, as_of)
        state = snapshot(env, store, validation, as_of)
    finally:
        store.close()
    plan = compute(env, validation, state, paths, as_of)
    plan = refused(plan, state, limits(env, max_deletes, allow_mass_delete))
    if out is not None:
        try:
            out.write_text(plan_json.to_json(plan, env.messages), encoding="utf-8")
        except OSError as exc:
            raise UserError("E190", path=out.as_posix(), reason=exc.strerror or str(exc)
                            ) from None
    write(env, fmt, PlanView(plan, validation.files, state))
    if fmt == "text" and out is not None:
        click.echo(env.messages("plan.saved", path=out.as_posix()))
    if not detailed:
        return EXIT_OK
    if plan.refusals:
        return EXIT_REFUSED  # before changes: such a plan cannot be applied as it is
    return EXIT_CHANGES if plan.has_changes else EXIT_OK
