"""`rvsq-access outbox list [--all] [--format text|json] | send | export DIR`: the emails
that wait in the state's outbox, seen, sent by SMTP, or written out to send by hand."""

from __future__ import annotations

import contextlib
import errno
import json
from collections.abc import Iterator
from pathlib import Path

import click

from reconciler import mail
from reconciler.clock import iso, utc_now
from reconciler.commands import EXIT_OK, EXIT_UNDELIVERED, Env, open_state
from reconciler.errors import UserError
from reconciler.render.plan_markdown import plain
from reconciler.store import OUTBOX_STATUSES, OutboxEntry, SQLStore


def list_messages(env: Env, fmt: str, everything: bool) -> int:
    """Read-only: never creates, migrates or changes a state."""
    store = open_state(env)
    try:
        entries, counts = store.outbox_entries(everything), store.outbox_counts()
    finally:
        store.close()
    m = env.messages
    if fmt == "json":
        click.echo(json.dumps({"messages": [_as_json(env, e) for e in entries],
                               "counts": counts}, ensure_ascii=False, indent=2))
        return EXIT_OK
    if entries:
        click.echo(m("outbox.header"))
    for e in entries:
        # Recipients and server replies come from the state: one line each, no escapes.
        click.echo("\t".join(plain(field) for field in (
            e.id, m(f"outbox.status.{e.status}"), _kind(env, e.kind), e.recipient,
            str(e.attempts), e.created_at, _detail(env, e))))
    if not entries:
        click.echo(m("outbox.empty" if everything or not any(counts.values())
                     else "outbox.none_waiting"))
    click.echo(m("outbox.counts", **counts))
    return EXIT_OK


def send(env: Env, lock_timeout: float) -> int:
    target = mail.smtp_target()  # E133 for a bad URL, before the state is opened
    if target is None:
        raise UserError("E160")
    m = env.messages
    with _writing(env, lock_timeout) as store:
        delivery = mail.send_outbox(store, target, iso(utc_now()))
    if not delivery.sent and not delivery.failed:
        click.echo(m("outbox.nothing"))
    if delivery.sent:
        click.echo(m("outbox.sent", count=delivery.sent, where=delivery.where))
    if delivery.failed:
        click.echo(m("outbox.failed", count=delivery.failed, where=delivery.where,
                     error=plain(mail.reason_text(m, delivery.error or ""))), err=True)
        return EXIT_UNDELIVERED
    return EXIT_OK


def export(env: Env, folder: Path, lock_timeout: float) -> int:
    with _writing(env, lock_timeout) as store:
        try:
            count = mail.export_outbox(store, folder, iso(utc_now()))
        except mail.ExportFailed as failed:
            raise UserError("E163", path=plain(folder.as_posix()),
                            reason=_why(env, failed.error)) from None
    if count:
        click.echo(env.messages("outbox.exported", count=count, path=plain(folder.as_posix())))
    else:
        click.echo(env.messages("outbox.nothing_exported"))
    return EXIT_OK


@contextlib.contextmanager
def _writing(env: Env, lock_timeout: float) -> Iterator[SQLStore]:
    """The state under the apply lock (an apply delivering and an `outbox send` must never
    both send a message), brought up to date just before it is written."""

    def waiting() -> None:
        click.echo(env.messages("apply.waiting", timeout=int(lock_timeout)), err=True)

    store = open_state(env, write=True)
    try:
        with store.lock(lock_timeout, waiting):
            store.migrate(iso(utc_now()))
            yield store
    finally:
        store.close()


# The usual reasons a folder refuses files, in the reader's language; others as the
# system words them.
_WHY = {errno.EEXIST: "not_folder", errno.ENOTDIR: "not_folder", errno.EACCES: "denied",
        errno.EPERM: "denied", errno.EROFS: "denied", errno.ENOSPC: "full",
        errno.EDQUOT: "full", errno.ELOOP: "link"}


def _why(env: Env, error: OSError) -> str:
    key = _WHY.get(error.errno or 0)
    return env.messages(f"outbox.why.{key}") if key else plain(error.strerror or str(error))


def _kind(env: Env, kind: str) -> str:
    return env.messages(f"outbox.kind.{kind}") if kind in ("created", "reset") else kind


def _detail(env: Env, entry: OutboxEntry) -> str:
    m = env.messages
    if entry.status == "exported":
        return m("outbox.exported_at", at=entry.exported_at, folder=entry.exported_to or "")
    if entry.status == "sent":
        return m("outbox.sent_at", at=entry.sent_at)
    return mail.reason_text(m, entry.last_error) if entry.last_error else m("none")


def _as_json(env: Env, entry: OutboxEntry) -> dict[str, object]:
    assert entry.status in OUTBOX_STATUSES
    return {
        "id": entry.id, "status": entry.status, "kind": entry.kind,
        "username": entry.username, "to": entry.recipient, "attempts": entry.attempts,
        "last_error": mail.reason_text(env.messages, entry.last_error)
        if entry.last_error else None,
        "created_at": entry.created_at, "sent_at": entry.sent_at,
        "exported_at": entry.exported_at, "exported_to": entry.exported_to,
    }
