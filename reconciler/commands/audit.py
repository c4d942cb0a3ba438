"""`rvsq-access audit verify | log [--since DATE] [--format text|json|csv] [--delimiter ;]`."""

from __future__ import annotations

import datetime as dt
import json

import click

from reconciler.catalog import Messages
from reconciler.commands import EXIT_OK, Env, open_state
from reconciler.errors import UserError
from reconciler.planning.planner import ACTION_KINDS
from reconciler.render import report_csv
from reconciler.render.markdown import plain
from reconciler.store import audit_chain as audit
from reconciler.terminal import json_for_terminal


def action_words(action: str, messages: Messages) -> str:
    """An entry's action as people say it: a plan's kind, or another change the log records
    (the CSV and JSON keep the machine name)."""
    if action in ACTION_KINDS:
        return messages(ACTION_KINDS[action].words)
    key = f"audit.action.{action}"
    return messages(key) if messages.has(key) else action


def verify(env: Env) -> int:
    store = open_state(env)
    try:
        entries, head = store.audit_entries(), store.audit_head()
    finally:
        store.close()
    broken = audit.verify(entries, head)
    if broken is not None:
        seq = broken.seq if broken.seq is not None else head[0]
        raise UserError("E125", seq=seq, reason=env.messages(broken.reason))
    click.echo(env.messages("audit.ok", count=len(entries)))
    return EXIT_OK


def log(env: Env, since: str | None, fmt: str, delimiter: str = ",") -> int:
    if since:
        try:
            dt.date.fromisoformat(since)
        except ValueError:
            raise UserError("E126", value=since) from None
    store = open_state(env)
    try:
        entries = store.audit_entries(since or "")
    finally:
        store.close()
    if fmt == "json":
        click.echo(json_for_terminal(json.dumps([e._asdict() for e in entries],
                                                ensure_ascii=False, indent=2)))
    elif fmt == "csv":  # times stay ISO 8601 UTC, as stored; a formula is shown as text
        rows = [[*e[:8], json.dumps(e.fields, ensure_ascii=False), *e[9:]] for e in entries]
        text = report_csv.sheet([audit.AuditEntry._fields, *rows], delimiter)
        click.echo(report_csv.encoded(text), nl=False)  # bytes: whatever the locale
    elif not entries:
        click.echo(env.messages("audit.empty"))
    else:
        none = env.messages("none")
        click.echo(env.messages("audit.header"))
        for e in entries:
            who = f"{e.establishment or ''} {e.username or ''}".strip()
            fields = json.dumps(e.fields, ensure_ascii=False, sort_keys=True)
            click.echo("\t".join(plain(str(field)) for field in (
                e.seq, e.at, e.actor, action_words(e.action, env.messages), who, fields,
                e.git_commit or none, e.change_ref or none)))
    return EXIT_OK
