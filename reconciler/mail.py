"""Emails to users (DESIGN §8): account-creation and password-reset instructions, French
then English. They never carry a secret code: the representative passes that by hand.

Messages wait in the state's outbox and are delivered after commit: by SMTP when
RVSQ_SMTP_URL is set (smtp:// with STARTTLS when offered, or smtps://), else as .eml files
named by their outbox id, so that a retry overwrites rather than duplicates.
"""

from __future__ import annotations

import datetime as dt
import os
import quopri
import re
import smtplib
import ssl
from email import message_from_string
from email.header import Header
from email.utils import format_datetime, formataddr, parseaddr
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from reconciler.catalog import Messages
from reconciler.errors import UserError
from reconciler.redaction import shown_url
from reconciler.store import OutboxMessage, SQLStore, private_folder, safe_name

DEFAULT_SENDER = "RVSQ access <no-reply@rvsq-access.invalid>"
SMTP_TIMEOUT_SECONDS = 30
_LINE_END = re.compile(r"\r?\n")


def compose(kind: str, to: str, message_id: str, date: dt.datetime, **params: Any) -> str:
    """An RFC 5322 message of `kind` ('created' or 'reset') as text: UTF-8 text in
    quoted-printable, French then English. Written directly rather than through
    email.message, whose header folding costs more than the rest of an apply."""
    fr, en = Messages("fr"), Messages("en")
    body = f"{fr(f'mail.{kind}.body', **params)}\n\n---\n\n{en(f'mail.{kind}.body', **params)}\n"
    headers = [
        f"From: {_sender(os.environ.get('RVSQ_MAIL_FROM', DEFAULT_SENDER))}",
        f"To: {to}",
        f"Subject: {_subject(kind)}",
        f"Date: {format_datetime(date)}",
        f"Message-ID: <{message_id}@rvsq-access>",
        "Content-Language: fr, en",
        "MIME-Version: 1.0",
        'Content-Type: text/plain; charset="utf-8"',
        "Content-Transfer-Encoding: quoted-printable",
    ]
    return "\n".join(headers) + "\n\n" + quopri.encodestring(body.encode()).decode("ascii")


@cache
def _subject(kind: str) -> str:
    text = f"{Messages('fr')(f'mail.{kind}.subject')} / {Messages('en')(f'mail.{kind}.subject')}"
    return Header(text, "utf-8", header_name="Subject").encode()


@cache
def _sender(value: str) -> str:
    return formataddr(parseaddr(value), charset="utf-8")


def write_eml(folder: Path, message: OutboxMessage) -> Path:
    """Deliver one message as a file, in a folder made private by the caller; atomic, and
    idempotent for the same outbox id."""
    target = folder / safe_name(f"{message.id}.eml")
    partial = target.with_suffix(".eml.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(message.message)
    os.replace(partial, target)
    return target


class Delivery(NamedTuple):
    sent: int
    failed: int
    where: str  # the outbox folder, or the SMTP server
    error: str | None = None  # the last failure, for the report
    as_files: bool = False  # written as .eml files: nobody has received them yet



class SmtpTarget(NamedTuple):
    scheme: str  # smtp (STARTTLS when offered) or smtps (TLS from the start)
    host: str
    port: int

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"


def smtp_target() -> SmtpTarget | None:
    """The mail server RVSQ_SMTP_URL names; None to write .eml files instead."""
    return parse_smtp_url(os.environ.get("RVSQ_SMTP_URL"))


def parse_smtp_url(url: str | None) -> SmtpTarget | None:
    """A mail server's address, checked (E133). Apply refuses a bad one before changing
    anything (refusals.py), so it stops nothing half-way."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
        port = parts.port or (465 if parts.scheme == "smtps" else 25)
    except ValueError:  # a port that is not a number or out of range, an unclosed [
        raise UserError("E133", url=shown_url(url)) from None
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise UserError("E133", url=shown_url(url))
    return SmtpTarget(parts.scheme, parts.hostname, port)


def deliver_outbox(store: SQLStore, folder: Path, now: str) -> Delivery:
    """Deliver every message waiting in the outbox: by SMTP when RVSQ_SMTP_URL is set,
    else as .eml files. A message is marked sent only once delivered; the rest wait for
    the next run."""
    pending = store.pending_outbox()
    target = smtp_target()
    if target is not None:
        return _by_smtp(store, pending, target, now)
    if pending:
        private_folder(folder)
    for message in pending:
        write_eml(folder, message)
    # Marked in one transaction, not one per message: were the run stopped before it, the
    # next one would write the same files again under the same names, which is harmless.
    store.mark_sent(*(message.id for message in pending), now=now)
    return Delivery(len(pending), 0, folder.as_posix(), as_files=True)


def _by_smtp(store: SQLStore, pending: list[OutboxMessage], target: SmtpTarget,
             now: str) -> Delivery:
    if not pending:
        return Delivery(0, 0, target.where)
    sent, error = 0, None
    waiting = list(pending)
    try:
        with _connect(target) as server:
            while waiting:
                message = waiting[0]
                # SMTP wants CRLF line ends; smtplib converts only str, so do it here.
                wire = _LINE_END.sub("\r\n", message.message).encode("utf-8")
                try:
                    sender = message_from_string(message.message)["From"]
                    server.sendmail(sender, [message.recipient], wire)
                except (smtplib.SMTPRecipientsRefused, smtplib.SMTPResponseException) as exc:
                    error = _reason(exc, message.recipient)  # this message only
                    store.mark_failed(message.id, error)
                else:
                    store.mark_sent(message.id, now=now)  # once the server took it
                    sent += 1
                waiting.pop(0)
    except (OSError, smtplib.SMTPException) as exc:  # the server itself: the rest wait
        error = str(exc) or type(exc).__name__
        for message in waiting:
            store.mark_failed(message.id, error)
    return Delivery(sent, len(pending) - sent, target.where, error)


def _reason(exc: smtplib.SMTPException, recipient: str) -> str:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, text = exc.recipients.get(recipient, (0, b""))
        return f"{code} {text.decode(errors='replace')}"
    assert isinstance(exc, smtplib.SMTPResponseException)
    return f"{exc.smtp_code} {exc.smtp_error.decode(errors='replace')}"


def _connect(target: SmtpTarget) -> smtplib.SMTP:
    """Open the SMTP session: TLS from the start for smtps://, STARTTLS when offered;
    a password is only ever sent encrypted."""
    context = ssl.create_default_context(cafile=os.environ.get("RVSQ_SMTP_CAFILE"))
    if target.scheme == "smtps":
        server: smtplib.SMTP = smtplib.SMTP_SSL(target.host, target.port,
                                                timeout=SMTP_TIMEOUT_SECONDS, context=context)
    else:
        server = smtplib.SMTP(target.host, target.port, timeout=SMTP_TIMEOUT_SECONDS)
    try:
        encrypted = target.scheme == "smtps"
        if not encrypted:
            server.ehlo()
            if server.has_extn("starttls"):
                server.starttls(context=context)
                server.ehlo()
                encrypted = True
        user = os.environ.get("RVSQ_SMTP_USER")
        if user:
            if not encrypted:
                raise smtplib.SMTPException(
                    "the server offers no TLS: the password is not sent in clear")
            server.login(user, os.environ.get("RVSQ_SMTP_PASSWORD", ""))
    except BaseException:
        server.close()
        raise
    return server
