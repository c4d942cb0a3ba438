"""validate → snapshot → plan: the one way a plan is made (the plan, apply and report
commands, and the tests).

The speed-ups sit behind two seams here, never in the core: with a parse cache, files are
read by the cache's reader (cache.CachingReader), and the establishments an earlier plan
found in step are left out of the snapshot and handed to the planner as its `Scope`
(settled.py). Without one, every file is read and every account compared. The plans are
the same either way.

`plan_paths` runs the three steps; `validate` and `plan_validated` are its two halves, for
apply, which validates before it takes its lock and reads the state only under it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from reconciler.checking.cache import ParseCache, reader_for
from reconciler.checking.validation import Validation, validate_paths
from reconciler.clock import iso, utc_now
from reconciler.planning import settled
from reconciler.planning.planner import Plan, PlanResult, make_plan
from reconciler.records import EVERYTHING, Scope, State

if TYPE_CHECKING:
    from reconciler.store import SQLStore


class Planned(NamedTuple):
    """What one pass of the pipeline read and made."""

    validation: Validation
    state: State  # without the settled establishments' accounts (see `scope`)
    scope: Scope  # what the plan compared: every establishment but the settled ones
    result: PlanResult

    @property
    def plan(self) -> Plan:
        return self.result.plan


class InputErrors(Exception):
    """The input has errors: nothing was read from the state, nothing planned."""

    def __init__(self, validation: Validation) -> None:
        super().__init__(f"{validation.errors} error(s)")
        self.validation = validation


def validate(paths: list[Path], *, today: dt.date | None = None,
             cache: ParseCache | None = None, strict: bool = False) -> Validation:
    """The input validated, as of `today` (default: the real today)."""
    return validate_paths(paths, strict=strict, today=today, reader=reader_for(cache))


def plan_validated(store: SQLStore, validation: Validation, paths: list[Path], *,
                   today: dt.date | None = None, now: str | None = None,
                   cache: ParseCache | None = None, history: bool = False) -> Planned:
    """Snapshot the state and plan the validated input against it, as of `today` (default:
    the real today), dated `now` (default: the time of planning). With a `cache`, the
    settled establishments are neither read nor compared, and those the plan finds in step
    are remembered (unless the state shows errors in the input). With `history`, accounts
    say when they were created, updated, given a code and reset (reports): every account
    is read."""
    today = today or dt.date.today()
    if cache is None or history:
        state, scope = store.snapshot(history=history), EVERYTHING
    else:
        state, scope = settled.snapshot(store, cache, validation.files, today)
    result = make_plan(validation.files, state, scope=scope, today=today,
                       now=now or iso(utc_now()), config_digest=validation.digest,
                       paths=tuple(p.as_posix() for p in paths),
                       default_mode=validation.policy.mode)
    if cache is not None and not result.problems:
        settled.remember(cache, validation.files, result.plan, scope, today)
    return Planned(validation, state, scope, result)


def plan_paths(store: SQLStore, paths: list[Path], *,
               today: dt.date | None = None, now: str | None = None,
               cache: ParseCache | None = None, strict: bool = False,
               history: bool = False) -> Planned:
    """validate → snapshot → plan. Input with errors stops before the state is read
    (InputErrors); errors only the state shows are in the result's `problems`."""
    today = today or dt.date.today()
    validation = validate(paths, today=today, cache=cache, strict=strict)
    if validation.errors:
        raise InputErrors(validation)
    return plan_validated(store, validation, paths, today=today, now=now, cache=cache,
                          history=history)
