"""Convergence: for random desired files and states, apply then plan gives no actions.

Each example starts from a state that knows a small RAMQ directory, applies a random
configuration (the starting state), then a second random configuration over the same
people (keys come back with other names, profiles, services, establishments, tokens;
accounts are removed, transferred, establishments retired or left out), and plans that
second configuration again: nothing may be left to do. The real validator, planner and
executor run in-process against a real SQLite state.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path
from typing import Any

from helpers import new_store
from hypothesis import HealthCheck, given, settings
from strategies import TODAY, Scenario, directory_csv, scenarios

from reconciler import domain, pipeline
from reconciler.applying.executor import Settings, apply_plan
from reconciler.catalog import Messages
from reconciler.checking.cache import ParseCache
from reconciler.planning.planner import Plan
from reconciler.reading import directory_csv as directory
from reconciler.render import plan_json
from reconciler.store import SQLStore

MESSAGES = Messages("en")
NOON = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)
RULE_K = {"B05", "B06"}  # a code or a reset the representative may not request


def _plan(access: Path, store: SQLStore, now: dt.datetime = NOON,
          cache: ParseCache | None = None) -> Plan:
    """As `rvsq-access plan` makes it; with a `cache`, establishments found in step by an
    earlier plan, and untouched since, are not read again."""
    try:
        planned = pipeline.plan_paths(store, [access], today=TODAY,
                                      now=now.isoformat(), cache=cache)
    except pipeline.InputErrors as invalid:
        raise AssertionError([p for p in invalid.validation.problems
                              if p.severity == "error"]) from None
    assert planned.result.problems == []
    return planned.plan


def _settled_plan(access: Path, store: SQLStore, cache: ParseCache) -> Plan:
    return _plan(access, store, cache=cache)


def _apply(plan: Plan, store: SQLStore, work_dir: Path) -> None:
    options = Settings(actor="test", git_commit=None, work_dir=work_dir, interactive=False,
                       allow_mass_delete=True)
    apply_plan(plan, store, options, clock=lambda: NOON)


def _without_time(plan: Plan) -> dict[str, Any]:
    data = plan_json.to_dict(plan, MESSAGES)
    del data["created_at"]
    return data


def _import_directory(store: SQLStore, folder: Path) -> None:
    path = folder / "directory.csv"
    path.write_text(directory_csv(), encoding="utf-8")
    rows, problems = directory.read(path, path.name, store.snapshot())
    assert problems == []
    with store.transaction():
        store.import_accounts(rows, NOON.isoformat())


def _key(user: dict[str, Any]) -> str:
    """An entry's key as ARCHITECTURE §3 defines it: its username, else its email (lower-cased)."""
    username = user.get("username")
    if username is None:
        return user["email"].lower()
    return username.lower() if "@" in username else username


def _keys_not_held(scenario: Scenario) -> set[str]:
    """Keys whose code or password the representative may not touch (rule K)."""
    return {
        _key(user)
        for content in scenario.after.files.values()
        for user in content["users"]
        if not domain.representative_holds_keys(user.get("username"), user["profile"])
    }


@settings(max_examples=80, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(scenarios)
def test_apply_then_plan_has_no_actions(scenario: Scenario) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = new_store(f"sqlite:///{folder / '.rvsq' / 'state.db'}", NOON.isoformat())
        try:
            _import_directory(store, folder)
            _apply(_plan(scenario.before.write(folder / "before"), store), store,
                   folder / ".rvsq")
            after = scenario.after.write(folder / "after")
            plan = _plan(after, store)
            # Deterministic: the same input and state give the same plan but for its time.
            again = _plan(after, store, now=NOON + dt.timedelta(hours=1))
            assert json.dumps(_without_time(again)) == json.dumps(_without_time(plan))
            _apply(plan, store, folder / ".rvsq")
            replan = _plan(after, store)
        finally:
            store.close()
    assert [a.to_dict() for a in replan.actions] == []
    assert {b.code for b in replan.blocked} <= RULE_K
    assert {b.username for b in replan.blocked} <= _keys_not_held(scenario)


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(scenarios)
def test_a_plan_that_skips_settled_establishments_is_the_full_plan(scenario: Scenario) -> None:
    """The first configuration is applied and planned again (what is in step is
    remembered), then the second is applied: the establishments it did not touch stay
    settled. Planning the first configuration again must not see a difference."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = new_store(f"sqlite:///{folder / '.rvsq' / 'state.db'}", NOON.isoformat())
        cache = ParseCache(folder / "cache")
        try:
            _import_directory(store, folder)
            before = scenario.before.write(folder / "before")
            _apply(_plan(before, store), store, folder / ".rvsq")
            _settled_plan(before, store, cache)
            _apply(_plan(scenario.after.write(folder / "after"), store), store,
                   folder / ".rvsq")
            warm, cold = _settled_plan(before, store, cache), _plan(before, store)
        finally:
            store.close()
    assert _without_time(warm) == _without_time(cold)
