"""`rvsq-access tasks list | done ID... | reopen ID`: the portal tasks apply recorded at
portal-mode establishments (ARCHITECTURE §11), listed, confirmed and reopened.

`list` reads only (the state is opened read-only, as `state list` does); `done` and
`reopen` write each change in its own transaction with its audit entry
(applying/portal_tasks.py), under the state's lock, as the other writing commands do.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator, Sequence

import click

from reconciler.applying import portal_tasks
from reconciler.clock import iso, utc_now
from reconciler.commands import EXIT_OK, Env, actor, open_state
from reconciler.errors import UserError
from reconciler.records import PortalTask, State
from reconciler.render import runbook, tasks_markdown
from reconciler.render import tasks_view as view
from reconciler.render.markdown import plain
from reconciler.store import SQLStore
from reconciler.terminal import json_for_terminal

FORMATS = ("text", "json", "markdown", "runbook")
LOCK_TIMEOUT = 60  # seconds: as long as apply waits by default


def list_tasks(env: Env, establishment: str | None, everything: bool, fmt: str) -> int:
    """Read-only: never creates, migrates or changes a state."""
    store = open_state(env)
    try:
        with store.reading():  # the tasks and the state they name agree
            tasks = store.portal_tasks(establishment, everything=True)
            state = store.snapshot()
    finally:
        store.close()
    if establishment is not None and establishment not in state.establishments and not tasks:
        raise UserError("E223", id=establishment)
    now = utc_now()
    shown = tasks if everything else [t for t in tasks if t.is_open]
    m = env.messages
    if fmt == "json":
        click.echo(json_for_terminal(json.dumps(
            {"tasks": [view.machine(r) for r in view.rows(shown, state, now)],
             "counts": _counts(tasks)}, ensure_ascii=False, indent=2)))
    elif fmt == "markdown":
        click.echo(tasks_markdown.render(view.rows(shown, state, now), m, everything,
                                          _counts(tasks)["done"]), nl=False)
    elif fmt == "runbook":
        click.echo(_runbook(env, [t for t in tasks if t.is_open], state), nl=False)
    else:
        _text(env, view.rows(shown, state, now), tasks, establishment, state, everything)
    return EXIT_OK


def _counts(tasks: Sequence[PortalTask]) -> dict[str, int]:
    opened = sum(t.is_open for t in tasks)
    return {"open": opened, "done": len(tasks) - opened}


def _runbook(env: Env, tasks: Sequence[PortalTask], state: State) -> str:
    """The open tasks as the runbook's procedures (render/runbook.py, as `plan --format
    runbook` writes them), each saying which tasks it carries out."""
    plan_view, numbers = view.runbook_view(tasks, state, iso(utc_now()))
    return "".join(runbook.render_view(plan_view, env.messages, tasks=numbers))


def _text(env: Env, rows: list[view.TaskRow], tasks: Sequence[PortalTask],
          establishment: str | None, state: State, everything: bool) -> None:
    m = env.messages
    counts = _counts(tasks)
    if not rows:
        if establishment is None:
            click.echo(m("tasks.none_open", done=counts["done"]))
        else:
            known = state.establishments.get(establishment)
            click.echo(m("tasks.none_open_at", done=counts["done"], establishment=plain(
                m("tasks.place", name=known.name, id=establishment) if known
                else establishment)))
        return
    for line in view.text_table(rows, m, everything):
        click.echo(line)
    click.echo(m("tasks.counts", **counts))


def done(env: Env, ids: Sequence[int], note: str | None) -> int:
    """Confirm the tasks `ids`: each in its own transaction with its audit entry."""
    portal_tasks.usable_note(note)  # E222 before the state is opened
    with _writing(env) as store:
        outcome = portal_tasks.confirm(store, ids, actor=actor(env.actor),
                                       now=iso(utc_now()), note=note)
    m = env.messages
    if outcome.changed:
        click.echo(m("tasks.confirmed", count=len(outcome.changed),
                     ids=view.numbers_words([t.id for t in outcome.changed])))
    if outcome.unchanged:
        click.echo(m("tasks.already_done", count=len(outcome.unchanged),
                     ids=view.numbers_words([t.id for t in outcome.unchanged])))
    return EXIT_OK


def reopen(env: Env, task_id: int, note: str | None) -> int:
    """Open a confirmed task again, audited."""
    portal_tasks.usable_note(note)
    with _writing(env) as store:
        outcome = portal_tasks.reopen(store, [task_id], actor=actor(env.actor),
                                      now=iso(utc_now()), note=note)
    click.echo(env.messages("tasks.reopened" if outcome.changed else "tasks.already_open",
                            ids=str(task_id)))
    return EXIT_OK


@contextlib.contextmanager
def _writing(env: Env) -> Iterator[SQLStore]:
    """The state under the apply lock (a confirmation and an apply never interleave their
    audit entries), brought up to date just before it is written, as `state
    import-directory` does."""
    store = open_state(env, write=True)
    try:
        with store.lock(LOCK_TIMEOUT, lambda: click.echo(env.messages(
                "apply.waiting", timeout=LOCK_TIMEOUT), err=True)):
            store.migrate(iso(utc_now()))
            store.check_head()  # a serial or audit head edited outside the tool: named here
            yield store
    finally:
        store.close()
