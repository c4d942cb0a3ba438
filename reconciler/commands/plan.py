"""`rvsq-access plan`: what apply would change."""

from __future__ import annotations

from pathlib import Path

import click

from reconciler import apply as executor
from reconciler import planfile
from reconciler.commands import (
    EXIT_CHANGES,
    EXIT_OK,
    Env,
    InvalidInput,
    open_state,
    print_problems,
    validated,
)
from reconciler.plan import Plan, make_plan
from reconciler.render import plan_text
from reconciler.store import SQLStore
from reconciler.validate import Validation


def compute(env: Env, validation: Validation, store: SQLStore, paths: list[Path]) -> Plan:
    """Plan the validated input against the state; stop on errors only the state shows."""
    now = executor.utc_now()
    result = make_plan(
        validation.files, store.snapshot(), today=now.date(), now=executor.iso(now),
        config_digest=validation.digest, paths=tuple(p.as_posix() for p in paths),
    )
    if result.problems:
        print_problems(env, result.problems)
        raise InvalidInput
    warnings = planfile.notices(validation.problems)
    return result.plan._replace(warnings=(*warnings, *result.plan.warnings))


def show(env: Env, plan: Plan, validation: Validation) -> None:
    names = {f.establishment.id: (f.establishment.name, f.establishment.region)
             for f in validation.files}
    click.echo(plan_text.render(plan, names, env.messages, env.color), color=env.color)


def run(env: Env, paths: list[Path], fmt: str, out: Path | None, detailed: bool) -> int:
    paths = paths or [Path("access")]
    validation = validated(env, paths)
    store = open_state(env)
    try:
        plan = compute(env, validation, store, paths)
    finally:
        store.close()
    if out is not None:
        out.write_text(planfile.to_json(plan, env.messages), encoding="utf-8")
    if fmt == "json":
        click.echo(planfile.to_json(plan, env.messages), nl=False)
    else:
        show(env, plan, validation)
        if out is not None:
            click.echo(env.messages("plan.saved", path=out.as_posix()))
    return EXIT_CHANGES if detailed and plan.has_changes else EXIT_OK
