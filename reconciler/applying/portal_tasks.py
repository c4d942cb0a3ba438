"""Portal tasks confirmed or reopened (ARCHITECTURE §11): the shell's verbs that `tasks done`,
`tasks reopen` and `drift` share.

A task is a change apply recorded at a portal-mode establishment for a representative to
carry out by hand in RAMQ's portal. Confirming it says the portal shows it done; reopening
says it was not. Each is its own transaction with its audit entry (who, when, how, the
note), so the log tells which changes the portal was seen to carry out, and when.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from reconciler.errors import UserError
from reconciler.records import DONE, OPEN, PortalTask
from reconciler.store import SQLStore

CONFIRM, REOPEN = "confirm_task", "reopen_task"  # their audit entries' actions
BY_HAND, BY_EXPORT = "hand", "export"  # how a confirmation was made
NOTE_LIMIT = 500  # characters of a note (it is shown to people, one line)


class Outcome(NamedTuple):
    changed: list[PortalTask]  # as they were before: confirmed (or reopened) now
    unchanged: list[PortalTask]  # already done (or already open): nothing to do


def usable_note(note: str | None) -> str | None:
    """A note the audit can record: one line of printable text (E222), or none."""
    if note is None or not note.strip():
        return None
    if len(note) > NOTE_LIMIT or not note.isprintable():
        raise UserError("E222", limit=NOTE_LIMIT)
    return note.strip()


def confirm(store: SQLStore, ids: Iterable[int], *, actor: str, now: str,
            note: str | None = None, how: str = BY_HAND, source: str | None = None,
            run_id: str = "") -> Outcome:
    """Mark the tasks `ids` done, each in its own transaction with its audit entry. An
    unknown id is refused before any changes (E220); one already done is left as it is."""
    return _set(store, ids, DONE, actor=actor, now=now, note=usable_note(note), how=how,
                source=source, run_id=run_id)


def reopen(store: SQLStore, ids: Iterable[int], *, actor: str, now: str,
           note: str | None = None, run_id: str = "") -> Outcome:
    """The tasks `ids` open again: the portal does not show them done after all."""
    return _set(store, ids, OPEN, actor=actor, now=now, note=usable_note(note), how=BY_HAND,
                source=None, run_id=run_id)


def _set(store: SQLStore, ids: Iterable[int], status: str, *, actor: str, now: str,
         note: str | None, how: str, source: str | None, run_id: str) -> Outcome:
    wanted = list(dict.fromkeys(ids))
    found = {i: store.portal_task(i) for i in wanted}
    missing = [i for i, task in found.items() if task is None]
    if missing:
        raise UserError("E220", ids=", ".join(map(str, missing)))
    changed: list[PortalTask] = []
    unchanged: list[PortalTask] = []
    try:
        for task_id in wanted:
            with store.transaction():
                task = store.portal_task(task_id)  # again, inside: another run may have
                assert task is not None  # moved it (tasks are never deleted)
                if task.status == status:
                    unchanged.append(task)
                    continue
                done = status == DONE
                store.set_task_status(task_id, status, now if done else None,
                                      actor if done else None, note)
                store.append_audit(now, actor, None, run_id, CONFIRM if done else REOPEN,
                                   task.establishment, task.username,
                                   entry_fields(task, note=note, how=how, source=source))
            changed.append(task)
    except KeyboardInterrupt:  # Ctrl-C or a stop signal: the current task rolled back
        raise _interrupted(store, found, status) from None
    return Outcome(changed, unchanged)


def _interrupted(store: SQLStore, found: dict[int, PortalTask | None], status: str
                 ) -> UserError:
    """E224: which tasks this command changed before it was stopped, read again from the
    state (a stop may land between a commit and its bookkeeping), and which it did not."""
    done, rest = [], []
    for task_id, before in found.items():
        try:
            now = store.portal_task(task_id)
        except (OSError, *store.errors):  # a connection the stop broke: not known done
            now = None
        moved = before is not None and now is not None and before.status != status == now.status
        (done if moved else rest).append(str(task_id))
    return UserError("E224", done=", ".join(done) or "—", rest=", ".join(rest) or "—")


def entry_fields(task: PortalTask, **more: Any) -> dict[str, Any]:
    """What a confirmation's audit entry records: the task, the change it carried out (its
    entry), the person and the establishment as the change's own entry named them."""
    fields = task.fields
    return {"task": task.id, "task_action": task.action,
            **{k: fields[k] for k in ("name", "services", "changes", "token") if k in fields},
            **{k: v for k, v in more.items() if v is not None}}
