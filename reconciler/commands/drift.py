"""`rvsq-access drift EXPORT.csv [--establishment ID] [--format text|json|markdown]
[--directory] [--adopt]`: the state against what RAMQ's portal shows.

A write: the portal tasks the export shows done are confirmed (audited, how `export`), and
`--adopt` records the portal's truth in the state, one audited `adopt_portal` entry per
account. Both under the state's lock, after the state is migrated, as `state
import-directory` writes. The comparison itself is planning/drift.py's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from reconciler import domain, files
from reconciler.applying import portal_tasks
from reconciler.checking.validation import display
from reconciler.clock import iso, utc_now
from reconciler.commands import (
    EXIT_CHANGES,
    EXIT_INVALID,
    EXIT_OK,
    Env,
    actor,
    change_ref,
    git_commit,
    open_state,
    print_problems,
)
from reconciler.errors import UserError
from reconciler.history import story
from reconciler.planning import drift as compare
from reconciler.reading import directory_csv as directory
from reconciler.reading import portal_export
from reconciler.records import EXISTING, AccountRecord, State
from reconciler.render import drift_report
from reconciler.store import SQLStore
from reconciler.terminal import json_for_terminal

LOCK_TIMEOUT = 60  # seconds: as long as apply and import-directory wait
ADOPT = "adopt_portal"  # its audit entries' action (history/replay.py replays it)


def run(env: Env, export: Path, establishment: str | None, fmt: str, adopt: bool,
        as_directory: bool) -> int:
    file = display(export)
    reference = change_ref(env) if adopt else None
    raw = files.read_file(export, files.DIRECTORY, file)
    sheet = directory.sheet(raw, file)
    as_directory = as_directory or portal_export.is_directory(sheet)
    if adopt and as_directory:
        raise UserError("E237")
    store = open_state(env, write=True)
    try:
        with store.lock(LOCK_TIMEOUT, lambda: click.echo(env.messages(
                "import.waiting", timeout=LOCK_TIMEOUT), err=True)):
            # A writing command: an older state is brought up to date first (its portal
            # tasks are read below).
            store.migrate(iso(utc_now()))
            state = store.snapshot()
            if establishment is not None and establishment not in state.establishments:
                raise UserError("E236", establishment=establishment,
                                known=", ".join(sorted(state.establishments)) or "—")
            if sheet.encoding != directory.UTF8:  # said first: it explains odd accents
                click.echo(env.messages("drift.windows_1252", path=file), err=True)
            found = (_directory(env, sheet, file, state, establishment) if as_directory
                     else _portal(env, sheet, file, state, establishment, store))
            if found is None:
                return EXIT_INVALID
            drift, rows = found
            now = iso(utc_now())
            who = actor(env.actor)
            if drift.confirmed or (adopt and not drift.in_step):
                store.check_head()
            if drift.confirmed:
                portal_tasks.confirm(store, [t.id for t in drift.confirmed], actor=who,
                                     now=now, how=portal_tasks.BY_EXPORT, source=file,
                                     run_id=f"drift-{now}")
            adopted = 0
            if adopt and not drift.in_step:
                adopted = _adopt(store, state, drift, rows, file, who, now, reference)
    finally:
        store.close()
    names = {e.id: e.name for e in state.establishments.values()}
    if fmt == "json":
        click.echo(json_for_terminal(drift_report.json_document(drift, names, file,
                                                                bool(adopted))))
    else:
        lines = (drift_report.markdown_lines if fmt == "markdown" else drift_report.text)(
            drift, names, file, env.messages)
        for line in lines:
            click.echo(line)
        if fmt == "text" and not drift.in_step:
            click.echo(env.messages("drift.adopted", count=adopted) if adopted
                       else env.messages("drift.next"))
    return EXIT_OK if drift.in_step or adopted else EXIT_CHANGES


_Rows = dict[str, dict[str, portal_export.PortalRow]]  # establishment → username → row


def _portal(env: Env, sheet: directory.Sheet, file: str, state: State,
            establishment: str | None, store: SQLStore
            ) -> tuple[compare.Drift, _Rows] | None:
    export, problems = portal_export.rows(sheet, file, state.establishments)
    if problems:
        print_problems(env, problems)
        click.echo(env.messages("drift.failed"), err=True)
        return None
    if establishment is not None:  # the one given; an « Établissement » column narrows
        portal = {establishment: [r for r in export.rows if not export.has_establishment
                                  or r.establishment == establishment]}
    elif export.has_establishment:
        portal = {}
        for row in export.rows:
            portal.setdefault(row.establishment or "", []).append(row)
    else:
        raise UserError("E235", path=file)
    drift = compare.compare(state, store.portal_tasks(), portal, export.has_services)
    return drift, {place: {r.username.casefold(): r for r in found}
                   for place, found in portal.items()}


def _directory(env: Env, sheet: directory.Sheet, file: str, state: State,
               establishment: str | None) -> tuple[compare.Drift, _Rows] | None:
    rows, problems = directory.rows(sheet, file, state)
    if problems:
        print_problems(env, problems)
        click.echo(env.messages("drift.failed"), err=True)
        return None
    return compare.compare_directory(
        state, rows, None if establishment is None else [establishment]), {}


def _adopt(store: SQLStore, state: State, drift: compare.Drift, rows: _Rows, file: str,
           who: str, now: str, reference: str | None) -> int:
    """Each account as the portal shows it, one transaction and audit entry each. Every
    account is checked before the first is written (E238, E239): all or none."""
    accounts = {a.username.casefold(): a for a in state.accounts.values()}
    emails = state.emails()
    names = {e.id: e.name for e in state.establishments.values()}
    writes = []
    for place in drift.establishments:
        for found in place.accounts:
            key = found.username.casefold()
            before = accounts.get(key)
            row = rows[place.establishment].get(key)
            if before is None and row is not None:
                if "@" not in row.username or not domain.EMAIL.fullmatch(row.username):
                    raise UserError("E238", username=row.username, line=row.line)
                holder = emails.get(row.username)
                if holder is not None and holder.casefold() != key:
                    raise UserError("E239", username=row.username, line=row.line,
                                    holder=holder)
            writes.append((place.establishment, found, before, row))
    for place, found, before, row in writes:
        with store.transaction():
            fields = _adopted(store, place, found, before, row, drift.services_compared, now)
            store.append_audit(now, who, git_commit([]), f"drift-{now}", ADOPT, place,
                               fields["person"]["username"],
                               {**fields, "establishment_name": names.get(place),
                                "source": file}, reference)
    return len(writes)


def _adopted(store: SQLStore, place: str, found: compare.AccountDrift,
             before: AccountRecord | None, row: portal_export.PortalRow | None,
             services_compared: bool, now: str) -> dict[str, Any]:
    """Write one account as the portal shows it; the audit entry's story of it."""
    if before is None:  # listed in the portal, unknown to the state: an existing account
        assert row is not None
        record = {"username": row.username, "email": row.username, "title": None,
                  "first_name": row.first_name, "last_name": row.last_name, "profile": None,
                  "professional_number": None, "origin": EXISTING, "establishment": place}
        services = sorted(row.services or ())
        store.create_account(row.username, record, now)
        store.grant(row.username, services, now)
        person = {name: record.get(name) for name in story.PERSON}
        return {"person": person, "new_account": True,
                "changes": {"establishment": {"old": None, "new": place}},
                "services_before": [], "services_after": services}
    if row is None:  # declared, not listed: released from the establishment
        after: dict[str, Any] = {"establishment": None}
        services_after: set[str] = set()
    else:
        after = {"establishment": place, "first_name": row.first_name,
                 "last_name": row.last_name}
        services_after = set(row.services or ()) if services_compared else set(before.services)
    changes = {name: {"old": getattr(before, name), "new": value}
               for name, value in after.items() if getattr(before, name) != value}
    if changes:
        store.update_account(before.username, {k: c["new"] for k, c in changes.items()}, now)
    held = set(before.services)
    store.grant(before.username, sorted(services_after - held), now)
    store.revoke(before.username, sorted(held - services_after))
    return {"person": story.person(before), "changes": changes,
            "services_before": sorted(held), "services_after": sorted(services_after)}
