"""Portal tasks as people and programs read them (`tasks list`, the runbook of open tasks,
`state show`, reports, the Markdown plan): pure, given the tasks, the state and the moment.

A task's row says whom it concerns (the establishment's name, the person's name as the
change recorded it, else as the state holds it), what to do in the portal (the plan's
one-line description), and its age in whole days since apply recorded it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from reconciler.catalog import Messages
from reconciler.clock import for_people, parse_iso
from reconciler.planning.planner import Action, Plan, full_name
from reconciler.records import PortalTask, State
from reconciler.render import audit_view
from reconciler.render.plan_view import PlanView, describe, places, quoted

Numbers = Mapping[tuple[str, str], Sequence[int]]  # (establishment, username) → task numbers


class TaskRow(NamedTuple):
    """One task with what its readers look up around it."""

    id: int
    establishment: str
    establishment_name: str
    username: str
    name: str  # the person's name ("" when nothing names them)
    action: str  # the plan's action kind
    services: tuple[str, ...]
    changes: dict[str, dict[str, Any]] | None
    created_at: str  # ISO UTC
    age_days: int
    status: str
    done_at: str | None
    done_by: str | None
    note: str | None


def age_days(created_at: str, now: dt.datetime) -> int:
    """Whole days since `created_at` (0: less than a day)."""
    return max(0, (now - parse_iso(created_at)).days)


def rows(tasks: Iterable[PortalTask], state: State, now: dt.datetime) -> list[TaskRow]:
    """The tasks' rows, oldest first (a task's number is its change's audit entry: the
    order it was recorded)."""
    known = places((), state)
    found = []
    for task in sorted(tasks, key=lambda t: t.id):
        fields = task.fields
        username = task.username or ""
        account = state.accounts.get(username)
        name = fields.get("name") or (
            full_name(account.first_name, account.last_name) if account else "")
        place = known.get(task.establishment)
        found.append(TaskRow(
            task.id, task.establishment, place.name if place else task.establishment, username,
            name, task.action, tuple(fields.get("services") or ()),
            fields.get("changes"), task.created_at, age_days(task.created_at, now),
            task.status, task.done_at, task.done_by, task.note))
    return found


def by_account(tasks: Iterable[PortalTask]) -> dict[str, list[int]]:
    """Username → the numbers of its open tasks."""
    found: dict[str, list[int]] = {}
    for task in tasks:
        if task.username and task.is_open:
            found.setdefault(task.username, []).append(task.id)
    return found


# --- words --------------------------------------------------------------------------------
def age_words(days: int, messages: Messages) -> str:
    return messages("tasks.age.today") if days == 0 else messages("tasks.age.days", days=days)


def what(row: TaskRow, messages: Messages, text: Callable[[str], str]) -> str:
    """What to do, as the plan says it: its kind, then its services, a release or its field
    changes (each value made safe by `text`)."""
    kind = messages(f"plan.kind.{row.action}")
    detail = describe(row, messages, lambda v: quoted(v, messages, text))
    return messages("tasks.what", kind=kind, detail=detail) if detail else kind


def place_words(row: TaskRow, messages: Messages) -> str:
    return messages("tasks.place", name=row.establishment_name, id=row.establishment)


def person_words(row: TaskRow) -> str:
    return f"{row.name} ({row.username})" if row.name else row.username


def numbers_words(numbers: Sequence[int]) -> str:
    return ", ".join(map(str, numbers))


def requested(numbers: Sequence[int], messages: Messages) -> str:
    """An account's open tasks, as `state show` and `state list` say them."""
    return messages("tasks.requested", count=len(numbers), numbers=numbers_words(numbers))


def done_command(numbers: Sequence[int]) -> str:
    return "rvsq-access tasks done " + " ".join(map(str, numbers))


# --- text ---------------------------------------------------------------------------------
def text_table(found: Sequence[TaskRow], messages: Messages, everything: bool = False
               ) -> Iterator[str]:
    """`tasks list`'s table: each cell one line of inert text (audit_view.grid)."""
    header = ["number", "age", "establishment", "person", "what", "status"]
    if everything:
        header += ["done_at", "done_by", "note"]
    caps: list[int | None] = [None, None, 30, 40, 48, None, None, 20, 30][:len(header)]
    lang = messages.lang

    def cells(row: TaskRow) -> tuple[str, ...]:
        shown = [str(row.id), age_words(row.age_days, messages), place_words(row, messages),
                 person_words(row), what(row, messages, str),
                 messages(f"tasks.status.{row.status}")]
        if everything:
            shown += [for_people(row.done_at, lang) if row.done_at else "",
                      row.done_by or "", row.note or ""]
        return tuple(shown)

    yield from audit_view.grid(tuple(messages(f"tasks.col.{c}") for c in header),
                               map(cells, found), caps)


# --- JSON -----------------------------------------------------------------------------------
def machine(row: TaskRow) -> dict[str, Any]:
    """Machine names and ISO UTC times."""
    return {"id": row.id, "establishment": row.establishment, "username": row.username or None,
            "action": row.action, "services": list(row.services), "changes": row.changes,
            "created_at": row.created_at, "age_days": row.age_days, "status": row.status,
            "done_at": row.done_at, "done_by": row.done_by, "note": row.note}


# --- the runbook: the open tasks as a plan -------------------------------------------------
def as_plan(tasks: Iterable[PortalTask], state: State, now: str) -> tuple[Plan, dict[
        tuple[str, str], list[int]]]:
    """The open tasks' actions as a plan, in the planner's order (by establishment,
    username and kind), so that the runbook's procedures carry them out; and each
    person's task numbers at each establishment. A person's grants (and revocations) of
    several runs are one action: one screen ticks (or unticks) all their boxes. `state` is
    after apply: the runbook's services kept (the state's, less those revoked, plus those
    granted) are the state's own, whichever tasks are still open."""
    merged: dict[tuple[str, str, str], Action] = {}
    others: list[tuple[int, Action]] = []
    numbers: dict[tuple[str, str], list[int]] = {}
    for task in sorted(tasks, key=lambda t: t.id):
        action = Action.from_dict(task.fields)
        key = (action.establishment, action.username or "")
        numbers.setdefault(key, []).append(task.id)
        if action.action in ("grant_services", "revoke_services"):
            kind_key = (*key, action.action)
            before = merged.get(kind_key)
            if before is not None:
                action = before._replace(services=tuple(sorted(
                    {*before.services, *action.services})))
            merged[kind_key] = action
        else:
            others.append((task.id, action))
    actions = [*merged.values(), *(a for _, a in others)]
    ordered = tuple(sorted(actions, key=Action.sort_key))  # stable: tasks keep their order
    plan = Plan(state.serial, "", now, (), ordered, (), (), state.id, state.location)
    return plan, numbers


def runbook_view(tasks: Sequence[PortalTask], state: State, now: str) -> tuple[PlanView,
                                                                                Numbers]:
    plan, numbers = as_plan(tasks, state, now)
    return PlanView(plan, (), state), numbers

