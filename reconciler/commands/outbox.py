"""`rvsq-access outbox list [--all] [--format text|json] | send | export DIR`: the emails
that wait in the state's outbox, seen, sent by SMTP, or written out to send by hand."""

from __future__ import annotations

import contextlib
import errno
import json
import shlex
from collections.abc import Iterator
from pathlib import Path

import click

from reconciler import os_words, redaction
from reconciler.applying import mail
from reconciler.clock import for_people, iso, utc_now
from reconciler.commands import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_UNDELIVERED,
    Env,
    open_state,
    stop_listening,
)
from reconciler.errors import UserError
from reconciler.render.error_text import error_text
from reconciler.render.markdown import plain
from reconciler.store import OUTBOX_STATUSES, OutboxEntry, SQLStore
from reconciler.terminal import json_for_terminal


def list_messages(env: Env, fmt: str, everything: bool) -> int:
    """Read-only: never creates, migrates or changes a state."""
    store = open_state(env)
    try:
        entries, counts = store.outbox_entries(everything), store.outbox_counts()
    finally:
        store.close()
    m = env.messages
    if fmt == "json":
        click.echo(json_for_terminal(json.dumps(
            {"messages": [_as_json(env, e) for e in entries], "counts": counts},
            ensure_ascii=False, indent=2)))
        return EXIT_OK
    if entries:
        click.echo(m("outbox.header"))
    for e in entries:
        # Recipients and server replies come from the state: one line each, no escapes.
        click.echo("\t".join(plain(field) for field in (
            e.id, m(f"outbox.status.{e.status}"), _kind(env, e.kind), e.recipient,
            str(e.attempts), for_people(e.created_at, env.messages.lang), _detail(env, e))))
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
        sent_before = store.outbox_counts()["sent"]
        try:
            delivery = mail.send_outbox(store, target, iso(utc_now()))
        except KeyboardInterrupt:  # Ctrl-C or a stop signal: say what was done, what waits
            stop_listening()  # what follows must be said whole
            return _send_interrupted(env, store, target, sent_before)
    if not delivery.sent and not delivery.failed:
        click.echo(m("outbox.nothing"))
    if delivery.sent:
        click.echo(m("outbox.sent", count=delivery.sent, where=delivery.where))
    if delivery.failed:
        click.echo(m("outbox.failed", count=delivery.failed, where=delivery.where,
                     error=plain(mail.reasons_text(m, delivery.reasons))), err=True)
        return EXIT_UNDELIVERED
    return EXIT_OK


def _send_interrupted(env: Env, store: SQLStore, target: mail.SmtpTarget,
                      sent_before: int) -> int:
    """The ending of an interrupted `outbox send`: how many went (the state's count, which
    also holds one marked just as the stop came), how many still wait, what finishes."""
    try:
        counts = store.outbox_counts()
    except (OSError, *store.errors):  # the connection is gone: say so, not guess
        counts = None
    sent = str(counts["sent"] - sent_before) if counts else "?"  # unknown: not guessed
    click.echo(error_text(env.messages, UserError("E165", sent=sent, where=target.where)),
               err=True)
    _tell_waiting(env, counts, "rvsq-access outbox send")
    return EXIT_INVALID


def _tell_waiting(env: Env, counts: dict[str, int] | None, command: str) -> None:
    m = env.messages
    if counts is None:
        click.echo(m("outbox.ending.unknown", command=command), err=True)
    elif counts["pending"] + counts["failed"]:
        click.echo(m("outbox.ending.waiting", count=counts["pending"] + counts["failed"],
                     command=command), err=True)
    else:
        click.echo(m("outbox.ending.none_waiting"), err=True)


def export(env: Env, folder: Path, lock_timeout: float) -> int:
    with _writing(env, lock_timeout) as store:
        now = iso(utc_now())
        try:
            count = mail.export_outbox(store, folder, now)
        except mail.ExportFailed as failed:
            raise UserError("E163", path=plain(folder.as_posix()),
                            reason=_why(env, failed.error)) from None
        except mail.ExportInterrupted as stopped:
            stop_listening()  # what follows must be said whole
            return _export_interrupted(env, store, folder, stopped, now)
    if count:
        click.echo(env.messages("outbox.exported", count=count, path=plain(folder.as_posix())))
    else:
        click.echo(env.messages("outbox.nothing_exported"))
    return EXIT_OK


def _export_interrupted(env: Env, store: SQLStore, folder: Path,
                        stopped: mail.ExportInterrupted, now: str) -> int:
    """The ending of an interrupted `outbox export`. The files written are whole, so they
    are marked exported now (else a later `outbox send` would send them a second time);
    when the state cannot take that, they still wait and the next export rewrites them."""
    m = env.messages
    command = plain(f"rvsq-access outbox export {shlex.quote(folder.as_posix())}")
    click.echo(error_text(m, UserError("E166", written=len(stopped.written),
                                       total=stopped.total, path=plain(folder.as_posix()))),
               err=True)
    if stopped.written:
        try:
            mail.mark_written(store, folder, stopped.written, now)
        except (OSError, *store.errors) as exc:
            reason = _why(env, exc) if isinstance(exc, OSError) \
                else plain(redaction.scrub(str(exc), store.location.url))
            click.echo(m("outbox.ending.unmarked", count=len(stopped.written),
                         reason=reason, command=command), err=True)
        else:
            click.echo(m("outbox.ending.marked", count=len(stopped.written)), err=True)
    try:
        counts: dict[str, int] | None = store.outbox_counts()
    except (OSError, *store.errors):
        counts = None
    _tell_waiting(env, counts, command)
    return EXIT_INVALID


@contextlib.contextmanager
def _writing(env: Env, lock_timeout: float) -> Iterator[SQLStore]:
    """The state under the apply lock (an apply delivering and an `outbox send` must never
    both send a message), brought up to date just before it is written."""

    def waiting() -> None:
        click.echo(env.messages("apply.waiting", timeout=f"{lock_timeout:g}"), err=True)

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
    if key:
        return env.messages(f"outbox.why.{key}")
    said = os_words.reason(error)
    return env.messages(said["message"], **said["params"])


def _kind(env: Env, kind: str) -> str:
    return env.messages(f"outbox.kind.{kind}") if kind in ("created", "reset") else kind


def _detail(env: Env, entry: OutboxEntry) -> str:
    m = env.messages
    if entry.status == "exported":
        return m("outbox.exported_at", at=for_people(entry.exported_at, m.lang),
                 folder=entry.exported_to or "")
    if entry.status == "sent":
        return m("outbox.sent_at", at=for_people(entry.sent_at, m.lang))
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
