"""`rvsq-access state init | list | show USERNAME | import-directory FILE.csv | check`."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import click

from reconciler import files
from reconciler.catalog import Messages
from reconciler.checking.validation import display
from reconciler.clock import AsOf, day_for_people, for_people, iso, utc_now
from reconciler.commands import (
    EXIT_INVALID,
    EXIT_OK,
    Env,
    actor,
    change_ref,
    git_commit,
    open_state,
    print_problems,
    rebuild,
)
from reconciler.errors import UserError
from reconciler.folders import WORK_DIR
from reconciler.history import story
from reconciler.history.replay import Replayed
from reconciler.problems import Problem, error
from reconciler.reading import directory_csv as directory
from reconciler.records import AccountRecord
from reconciler.render import tasks_view
from reconciler.render.audit_view import action_words
from reconciler.render.markdown import plain
from reconciler.render.past_view import Rebuilt, rebuilt_lines, when_words
from reconciler.render.plan_view import origin_name
from reconciler.store import SQLStore, init_store
from reconciler.store.audit_chain import AuditEntry
from reconciler.terminal import json_for_terminal


def init(env: Env) -> int:
    """Create the state, or bring an existing one up to date; say which, and its id."""
    location = env.state_location
    store, done = init_store(location, iso(utc_now()))
    try:
        where, state_id, serial = store.location.shown, store.state_id(), store.serial()
    finally:
        store.close()
    if 1 in done:
        click.echo(env.messages("state.created", location=where, id=state_id))
    elif done:
        click.echo(env.messages("state.upgraded", location=where, id=state_id, serial=serial,
                                found=min(done) - 1, known=max(done)))
    else:
        click.echo(env.messages("state.exists", location=where, id=state_id, serial=serial))
    return EXIT_OK


def list_accounts(env: Env, as_of: AsOf | None = None) -> int:
    """Today's accounts; or, `as_of` a moment gone by, the accounts as the audit log
    rebuilds them then (said first, so that nobody takes them for today's)."""
    store = open_state(env)
    try:
        past, _ = _past(env, store, as_of)
        state = past.state if past is not None else store.snapshot()
        # Today's accounts say which changes wait for the portal; a moment gone by, none.
        waiting = tasks_view.by_account(store.portal_tasks()) if past is None else {}
    finally:
        store.close()
    accounts = sorted(state.accounts.values(), key=lambda a: (a.establishment or "", a.username))
    if not accounts:
        click.echo(env.messages("state.empty" if past is None else "history.empty"))
        return EXIT_OK
    m = env.messages
    # A column of its own only when some change waits: without portal tasks, the list is
    # as it always was.
    click.echo(m("state.header") + (f"\t{m('tasks.state_column')}" if waiting else ""))
    none = m("none")
    for a in accounts:
        services = ", ".join(a.services) or none
        fields = [a.username, a.email, a.establishment or none, origin_name(a.origin, m),
                  services]
        if waiting:
            numbers = waiting.get(a.username)
            fields.append(tasks_view.requested(numbers, m) if numbers else "")
        click.echo("\t".join(plain(field) for field in fields))
    return EXIT_OK


def _past(env: Env, store: SQLStore, as_of: AsOf | None
          ) -> tuple[Replayed, Rebuilt] | tuple[None, None]:
    """The state rebuilt from the log at a moment gone by, and how (said on stdout first);
    (None, None) for today's."""
    if as_of is None or not as_of.is_past(utc_now()):
        return None, None
    past, total = rebuild(store, as_of.iso)
    rebuilt = Rebuilt.of(past, as_of.given, total)
    for line in rebuilt_lines(rebuilt, env.messages):
        click.echo(line)
    return past, rebuilt


def show(env: Env, username: str, as_of: AsOf | None = None) -> int:
    store = open_state(env)
    try:
        past, rebuilt = _past(env, store, as_of)
        waiting: dict[str, list[int]] = {}
        if past is not None:
            accounts = past.state.accounts
            account = accounts.get(username) or accounts.get(username.lower())
            last = past.last_about.get(account.username) if account else None
        else:
            account = store.account(username) or store.account(username.lower())
            last = store.last_entry_about(account.username) if account else None
            waiting = tasks_view.by_account(
                store.portal_tasks(username=account.username)) if account else {}
    finally:
        store.close()
    if account is None:
        if rebuilt is not None:
            raise UserError("E216", username=username, when=when_words(rebuilt, env.messages))
        raise UserError("E123", username=username)
    m = env.messages
    none = m("none")
    fields = {k: (none if v is None else v) for k, v in account._asdict().items()}
    fields["services"] = ", ".join(account.services) or none
    fields["origin"] = origin_name(account.origin, m)
    if m.has(f"profile.{account.profile}"):
        fields["profile"] = m(f"profile.{account.profile}")
    for moment in ("code_issued_at", "reset_at", "created_at"):
        if fields[moment] != none:
            fields[moment] = for_people(fields[moment], m.lang)
    for day in ("expires", "reviewed"):
        if fields[day] != none:
            fields[day] = day_for_people(dt.date.fromisoformat(fields[day]), m.lang)
    fields["updated_at"] = _last_change(account, last, m)
    click.echo(m("state.show", **fields))
    numbers = waiting.get(account.username)
    if numbers:  # the state holds it; the portal may not show it yet
        click.echo(m("tasks.state_show", requested=tasks_view.requested(numbers, m)))
    return EXIT_OK


def _last_change(account: AccountRecord, last: AuditEntry | None, m: Messages) -> str:
    """The account's last change of any kind: its record's, or a later audit entry about it
    (a grant or a revocation leaves the record as it was)."""
    if last is None or (account.updated_at or "") > last.at:
        return for_people(account.updated_at, m.lang) if account.updated_at else m("none")
    return m("history.last_change", at=for_people(last.at, m.lang),
             action=action_words(last.action, m), actor=plain(last.actor))


IMPORT_LOCK_TIMEOUT = 60  # seconds: as long as apply waits by default


def import_directory(env: Env, csv_path: Path, update_managed: bool = False) -> int:
    """Load the directory's rows; a row that would change an account an access file
    manages is refused (the whole file with it) unless `update_managed`."""
    file = display(csv_path)
    reference = change_ref(env)
    store = open_state(env, write=True)
    try:
        with store.lock(IMPORT_LOCK_TIMEOUT, lambda: click.echo(env.messages(
                "import.waiting", timeout=IMPORT_LOCK_TIMEOUT), err=True)):
            state = store.snapshot()
            raw = files.read_file(csv_path, files.DIRECTORY, file)
            sheet = directory.sheet(raw, file)
            if sheet.encoding != directory.UTF8:  # said first: it explains odd accents below
                click.echo(env.messages("import.windows_1252", path=file))
            rows, problems = directory.rows(sheet, file, state)
            managed = directory.managed_changes(rows, state)
            if managed and not update_managed:
                problems = sorted([*problems, *(_refusal(env, file, m) for m in managed)],
                                  key=Problem.sort_key)
            print_problems(env, problems)
            if problems:
                click.echo(env.messages("import.failed"), err=True)
                return EXIT_INVALID
            now = iso(utc_now())
            fields = {"file": file, "accounts": len(rows),
                      "sha256": hashlib.sha256(raw).hexdigest(),
                      "usernames": sorted(r["username"] for r in rows),
                      # what each account received: the log alone can rebuild them
                      "rows": story.imported_rows(rows)}
            if managed:  # what the access files no longer say: for whoever corrects them
                fields["managed_changes"] = {
                    m.username: {"establishment": m.establishment, "line": m.line,
                                 "changes": m.changes} for m in managed}
            store.migrate(now)  # an older state is brought up to date only to be written
            store.check_head()
            with store.transaction():  # one audited change, like an action
                store.import_accounts(rows, now)
                store.append_audit(now, actor(env.actor), git_commit([]), f"import-{now}",
                                   "import_directory", None, None, fields, reference)
    finally:
        store.close()
    click.echo(env.messages("import.done", count=len(rows), path=file))
    if managed:
        click.echo(env.messages("import.managed_updated", count=len(managed),
                                accounts=", ".join(m.username for m in managed)))
    return EXIT_OK


def _refusal(env: Env, file: str, change: directory.ManagedChange) -> Problem:
    """E150 at the row's line: which fields would change, from what to what."""
    m = env.messages

    def value(text: str | None) -> str:
        return m("none") if text is None else m("import.value", value=plain(text))

    changes = ", ".join(m("import.change", field=field, old=value(c["old"]), new=value(c["new"]))
                        for field, c in change.changes.items())
    return error(file, (change.line, 1), "E150", username=change.username,
                 establishment=change.establishment or m("none"), changes=changes)


def check(env: Env, fmt: str) -> int:
    """Verify what an operator relies on; read only (a read-only copy will do). Exit 0 when
    every invariant holds, 1 with one located finding per broken one."""
    from reconciler.store import integrity

    store = open_state(env)  # read-only: a read-only copy will do
    try:
        where, state_id, rows = store.location.shown, store.state_id(), store.check_rows()
    finally:
        store.close()
    m = env.messages
    checked = integrity.check(rows, WORK_DIR / "codes", m)
    if fmt == "json":
        findings = [{"code": f.code, "message": m(f.code, **f.params),
                     "hint": m.hint(f.code, **f.params), "location": f.location}
                    for f in checked.findings]
        counts = checked._asdict()
        del counts["findings"], counts["serial"]
        click.echo(json_for_terminal(json.dumps(
            {"ok": not findings,
             "state": {"location": where, "id": state_id, "serial": checked.serial},
             "checked": counts, "findings": findings},
            ensure_ascii=False, indent=2, default=str)))
        return EXIT_INVALID if findings else EXIT_OK
    if not checked.findings:
        line = m("check.ok", location=where, **checked._asdict())
        if checked.unknown:
            line += " " + m("check.unknown", unknown=checked.unknown)
        if checked.portal:
            line += " " + m("check.portal", portal=checked.portal)
        click.echo(line)
        return EXIT_OK
    for finding in checked.findings:
        params = {k: plain(v) if isinstance(v, str) else v for k, v in finding.params.items()}
        click.echo(f"{m('fatal')}[{finding.code}] {m(finding.code, **params)}\n"
                   f"    {m('hint')} {m.hint(finding.code, **params)}", err=True)
    click.echo(m("check.failed", count=len(checked.findings), location=where), err=True)
    return EXIT_INVALID
