"""What one audit entry means to a reader, decided once: `audit log` (every format) and the
report's changes in a period read a `ChangeRow`, never an entry's stored fields.

An entry written before entries told the story alone (no person, a deletion stored as
`{}`) says less, never breaks a reader: every field is looked for, and what an entry does
not hold is None or empty. Fields come from the database, which anyone able to write it
may have forged: nothing here trusts their types. No code is ever in an entry, so none
can be in a row.

The text table (`table`) is laid out here too: its columns, each cell one line of inert
text, wrapped at its column's width.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from reconciler.catalog import Messages
from reconciler.clock import for_people
from reconciler.planning.planner import ACTION_KINDS, full_name
from reconciler.render.plan_view import describe, field_name, quoted
from reconciler.store.audit_chain import AuditEntry
from reconciler.terminal import inert

IMPORT = "import_directory"  # a change the log records that no plan makes
CONFIRM, REOPEN = "confirm_task", "reopen_task"  # a portal task's (applying/portal_tasks.py)
ADOPT = "adopt_portal"  # the portal's truth recorded by `drift --adopt` (commands/drift.py)
# Every action the log records: what `audit log --action` accepts.
AUDITED_ACTIONS = (*ACTION_KINDS, IMPORT, CONFIRM, REOPEN, ADOPT)
COMMIT_SHOWN = 12  # hex digits of a commit a table shows (the JSON and CSV keep it whole)


class ChangeRow(NamedTuple):
    """One audit entry as people and spreadsheets read it."""

    seq: int
    at: str  # ISO UTC as stored
    action: str  # machine name
    establishment: str | None
    establishment_name: str | None
    username: str | None
    name: str  # the person's full name, "" when unknown
    email: str | None
    profile: str | None
    granted: tuple[str, ...]  # services this entry added
    removed: tuple[str, ...]  # services this entry removed
    changes: dict[str, dict[str, Any]]  # field -> {"old", "new"}
    token: str | None
    ticket: str | None
    actor: str
    git_commit: str | None
    change_ref: str | None
    held: tuple[str, ...] | None = None  # the account's services after, when recorded
    code: str | None = None  # where a new code went: "sealed" or "shown", never the code
    region: str | None = None  # an establishment's record: its region
    file: str | None = None  # an import: the file
    accounts: int | None = None  # an import: how many accounts
    listed: frozenset[str] = frozenset()  # usernames and emails named, casefolded
    places: frozenset[str] = frozenset()  # establishments named (a move: both)
    task: int | None = None  # a portal task's confirmation or reopening: the task
    task_action: str | None = None  # ...the change it carries out
    how: str | None = None  # ...confirmed by hand or by the portal's export
    source: str | None = None  # ...that export
    note: str | None = None  # ...the person's note

    @property
    def services(self) -> tuple[str, ...]:
        """The services acted on (what `plan_view.describe` reads)."""
        return self.granted or self.removed

    def concerns(self, user: str) -> bool:
        """Is this entry about the account `user` (a username or an email, any case)?"""
        return user.casefold() in self.listed

    def at_establishment(self, establishment: str) -> bool:
        return establishment in self.places


# --- an entry's fields, read without trusting them ------------------------------------------
def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _changes(value: Any) -> dict[str, dict[str, Any]]:
    return {field: c for field, c in _dict(value).items()
            if isinstance(c, dict) and "old" in c and "new" in c}


def change_row(entry: AuditEntry) -> ChangeRow:
    """What `entry` means, from whatever its fields hold (old entries hold less)."""
    fields = _dict(entry.fields)
    action = entry.action
    account = _dict(fields.get("account"))  # a deletion: the record before
    # Who: the person recorded with the entry, else what a creation or a deletion stored.
    person = _dict(fields.get("person")) or (fields if action == "create_account" else account)
    changes = _changes(fields.get("changes"))
    on_establishment = action in ACTION_KINDS and ACTION_KINDS[action].on_establishment
    granted: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    if action in ("create_account", "grant_services"):
        granted = _texts(fields.get("services"))
    elif action == "revoke_services":
        removed = _texts(fields.get("services"))
    elif action == "delete_account":
        removed = _texts(fields.get("services_before"))
    elif action == ADOPT:  # the services as the portal showed them, against the state's
        held_before, held_after = _texts(fields.get("services_before")), _texts(
            fields.get("services_after"))
        granted = tuple(s for s in held_after if s not in held_before)
        removed = tuple(s for s in held_before if s not in held_after)
    establishment_name = _text(fields.get("establishment_name"))
    if on_establishment:
        establishment_name = _text(fields.get("name"))
    email = _text(person.get("email"))
    listed = {entry.username, email, *_texts(fields.get("usernames"))}
    listed.update(_text(_dict(change).get(side)) for field, change in changes.items()
                  if field in ("email", "username") for side in ("old", "new"))
    for imported in fields.get("rows") if isinstance(fields.get("rows"), list) else ():
        listed.update((_text(_dict(imported).get("username")),
                       _text(_dict(imported).get("email"))))
    places = {entry.establishment, _text(account.get("establishment"))}
    places.update(_text(changes.get("establishment", {}).get(side)) for side in ("old", "new"))
    accounts = fields.get("accounts")
    after = fields.get("services_after")
    return ChangeRow(
        seq=entry.seq, at=entry.at, action=action, establishment=entry.establishment,
        establishment_name=establishment_name, username=entry.username,
        # (a task's confirmation records the name the plan gave, not a whole person)
        name=full_name(_text(person.get("first_name")), _text(person.get("last_name")))
        or (_text(fields.get("name")) or "" if action in (CONFIRM, REOPEN) else ""),
        email=email, profile=_text(person.get("profile")), granted=granted, removed=removed,
        changes=changes, token=_text(fields.get("token")), ticket=_text(fields.get("ticket")),
        actor=entry.actor, git_commit=entry.git_commit, change_ref=entry.change_ref,
        held=_texts(after) if isinstance(after, list) and action != "delete_account" else None,
        code=_text(fields.get("code")),
        region=_text(fields.get("region")) if on_establishment else None,
        file=_text(fields.get("file")) if action == IMPORT else None,
        accounts=accounts if isinstance(accounts, int) and action == IMPORT else None,
        listed=frozenset(who.casefold() for who in listed if who),
        places=frozenset(place for place in places if place),
        **(_task(fields) if action in (CONFIRM, REOPEN) else {}),
        **({"source": _text(fields.get("source"))} if action == ADOPT else {}),
    )


def _task(fields: dict[str, Any]) -> dict[str, Any]:
    task = fields.get("task")
    return {"task": task if isinstance(task, int) and not isinstance(task, bool) else None,
            "task_action": _text(fields.get("task_action")), "how": _text(fields.get("how")),
            "source": _text(fields.get("source")), "note": _text(fields.get("note"))}


def detail(row: ChangeRow, messages: Messages) -> str:
    """What the entry changed, in one line, in the plan's words: the services granted or
    removed (and those held after, when recorded), the fields from old to new, a release,
    a one-time request and where its code went, an import's count and file, an
    establishment's record. Data as stored: the medium makes it inert."""
    def value(v: Any) -> str:
        return quoted(v, messages, str)

    if row.action == IMPORT:
        return messages("audit_log.detail.import", count=row.accounts or 0,
                        file=row.file or messages("none"))
    if row.action in (CONFIRM, REOPEN):
        said = [messages("audit_log.detail.task", task=row.task if row.task is not None else "?",
                         action=action_words(row.task_action or "", messages))]
        if row.action == CONFIRM and row.how in ("hand", "export"):
            said.append(messages(f"audit_log.detail.task_how.{row.how}",
                                 source=row.source or messages("none")))
        if row.note:
            said.append(messages("audit_log.detail.note", note=row.note))
        return "; ".join(said)
    if row.action == ADOPT:  # fields from old to new, the services held after, the export
        said = [f"{field_name(field, messages)}{messages('plan.colon')}{value(c['old'])} → "
                f"{value(c['new'])}" for field, c in row.changes.items()]
        if row.held is not None:
            said.append(messages("audit_log.detail.held", services=", ".join(
                [*(f"+{s}" for s in row.granted), *(f"-{s}" for s in row.removed)])
                or messages("none"), held=", ".join(row.held) or messages("none")))
        said.append(messages("audit_log.detail.adopted", source=row.source or messages("none")))
        return "; ".join(said)
    if row.action == "delete_account":
        return (messages("audit_log.detail.deleted", services=", ".join(row.removed))
                if row.removed else "")
    code = [messages(f"audit_log.detail.code.{row.code}")] if row.code in _CODE_WENT else []
    if row.action in ("regenerate_code", "reset_password"):
        token = [messages("audit_log.detail.token", token=row.token)] if row.token else []
        return "; ".join(token + code)
    described = describe(row, messages, value, between=messages("plan.colon"))
    if row.services and row.held is not None:
        return messages("audit_log.detail.held", services=described,
                        held=", ".join(row.held) or messages("none"))
    if described:
        return "; ".join([described, *code])
    if row.region is not None:  # an establishment's record, without changes (old entries)
        return messages("audit_log.detail.region", region=row.region)
    return ""


_CODE_WENT = ("sealed", "shown", "portal")  # where a new code went (never the code)


# --- the text table -------------------------------------------------------------------------
# Each column's header key and the width its cells wrap at (None: never wrapped).
COLUMNS: tuple[tuple[str, int | None], ...] = (
    ("audit_log.col.seq", None), ("audit_log.col.when", None),
    ("audit_log.col.action", 24), ("audit_log.col.person", 32),
    ("audit_log.col.establishment", 30), ("audit_log.col.detail", 44),
    ("audit_log.col.actor", None), ("audit_log.col.commit", None),
    ("audit_log.col.change_ref", 24), ("audit_log.col.ticket", 18),
)
GAP = "  "


def action_words(action: str, messages: Messages) -> str:
    """An entry's action as people say it: a plan's kind, or another change the log records
    (the CSV and JSON keep the machine name)."""
    if action in ACTION_KINDS:
        return messages(ACTION_KINDS[action].words)
    key = f"audit.action.{action}"
    return messages(key) if messages.has(key) else action


def cells(row: ChangeRow, messages: Messages) -> tuple[str, ...]:
    """One row of the table, each cell as people read it (not yet inert)."""
    person = (f"{row.name} ({row.username})" if row.name and row.username
              else row.username or row.name)
    place = row.establishment or ""
    if row.establishment_name and row.establishment_name != place:
        place = f"{row.establishment_name} ({place})" if place else row.establishment_name
    none = messages("none")
    return (str(row.seq), for_people(row.at, messages.lang), action_words(row.action, messages),
            person, place, detail(row, messages), row.actor,
            (row.git_commit or none)[:COMMIT_SHOWN], row.change_ref or none, row.ticket or none)


def table(rows: Iterable[ChangeRow], messages: Messages) -> Iterator[str]:
    """The rows as a table a terminal shows (`grid`)."""
    yield from grid(tuple(messages(key) for key, _ in COLUMNS),
                    (cells(row, messages) for row in rows), [cap for _, cap in COLUMNS])


def grid(header: tuple[str, ...], rows: Iterable[tuple[str, ...]],
         caps: Sequence[int | None]) -> Iterator[str]:
    """A table a terminal shows: a header, a rule, then each row; columns aligned, a cell
    wider than its column's cap (None: never wrapped) wrapped on the lines below (nothing
    cut). Every cell is made inert: data (a name, a forged entry's text) is shown, never
    obeyed. `tasks list` lays out its table here too."""
    body = [tuple(inert(cell) for cell in row) for row in rows]
    widths = [max([width(header[i]), *(width(r[i]) for r in body)]) for i in range(len(header))]
    widths = [w if cap is None else min(w, max(cap, width(header[i])))
              for i, (w, cap) in enumerate(zip(widths, caps, strict=True))]
    yield _line(header, widths)
    yield _line(tuple("-" * w for w in widths), widths)
    for cells_of_row in body:
        wrapped = [wrap(cell, w) for cell, w in zip(cells_of_row, widths, strict=True)]
        for n in range(max(len(lines) for lines in wrapped)):
            yield _line(tuple(lines[n] if n < len(lines) else "" for lines in wrapped), widths)


def _line(cells_of_line: tuple[str, ...], widths: list[int]) -> str:
    return GAP.join(cell + " " * (w - width(cell))
                    for cell, w in zip(cells_of_line, widths, strict=True)).rstrip()


def width(text: str) -> int:
    """Columns a terminal gives `text`: a wide (East Asian) character two, a combining
    mark none."""
    if text.isascii():
        return len(text)
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def wrap(text: str, most: int) -> list[str]:
    """`text` in lines of at most `most` columns, broken between words; a longer word (an
    email, a path) broken after its last `@ . - _ /` that fits, else where it must."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if width(candidate) <= most:
            line = candidate
            continue
        if line:
            lines.append(line)
        while width(word) > most:
            cut = _fitting(word, most)
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    lines.append(line)
    return lines


_BREAKS = "@.-_/"


def _fitting(word: str, most: int) -> int:
    """Where to break `word` so that its first part fits in `most` columns (at least one
    character, so that wrapping always moves on)."""
    fits = 1
    while fits < len(word) and width(word[:fits + 1]) <= most:
        fits += 1
    after = max(word.rfind(c, 0, fits) for c in _BREAKS) + 1
    return after if after > fits // 2 else fits


# The view's columns a spreadsheet or a script reads beside the stored entry.
MACHINE_COLUMNS = ("establishment_name", "name", "email", "profile", "granted", "removed",
                   "ticket", "token")


def machine(row: ChangeRow) -> dict[str, Any]:
    """MACHINE_COLUMNS of `row`: machine names and values, no language (lists as lists)."""
    return {column: list(value) if isinstance(value := getattr(row, column), tuple) else value
            for column in MACHINE_COLUMNS}
