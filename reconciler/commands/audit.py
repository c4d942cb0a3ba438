"""`rvsq-access audit verify | log [--since DATE] [--format text|json|csv]`."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import click

from reconciler import audit
from reconciler.commands import EXIT_OK, Env, open_state
from reconciler.errors import UserError


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


def log(env: Env, since: str | None, fmt: str) -> int:
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
        click.echo(json.dumps([e._asdict() for e in entries], ensure_ascii=False, indent=2))
    elif fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(audit.AuditEntry._fields)
        for e in entries:
            writer.writerow([*e[:8], json.dumps(e.fields, ensure_ascii=False), *e[9:]])
        click.echo(out.getvalue(), nl=False)
    elif not entries:
        click.echo(env.messages("audit.empty"))
    else:
        none = env.messages("none")
        for e in entries:
            who = f"{e.establishment or ''} {e.username or ''}".strip()
            fields = json.dumps(e.fields, ensure_ascii=False, sort_keys=True)
            click.echo(f"{e.seq}\t{e.at}\t{e.actor}\t{e.action}\t{who}\t{fields}\t"
                       f"{e.git_commit or none}\t{e.change_ref or none}")
    return EXIT_OK
