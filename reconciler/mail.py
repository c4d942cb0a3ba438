"""Emails to users (DESIGN §8): account-creation and password-reset instructions, French
then English. They never carry a secret code: the representative passes that by hand.

Messages wait in the state's outbox and are delivered after commit; a message's file is
named by its outbox id, so a retry overwrites rather than duplicates.
"""

from __future__ import annotations

import datetime as dt
import os
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from reconciler.catalog import Messages
from reconciler.store import OutboxMessage, SQLStore

DEFAULT_SENDER = "RVSQ access <no-reply@rvsq-access.invalid>"


def compose(kind: str, to: str, message_id: str, date: dt.datetime, **params: Any) -> str:
    """An RFC 5322 message of `kind` ('created' or 'reset') as text."""
    fr, en = Messages("fr"), Messages("en")
    msg = EmailMessage()
    msg["From"] = os.environ.get("RVSQ_MAIL_FROM", DEFAULT_SENDER)
    msg["To"] = to
    msg["Subject"] = f"{fr(f'mail.{kind}.subject')} / {en(f'mail.{kind}.subject')}"
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = f"<{message_id}@rvsq-access>"
    msg["Content-Language"] = "fr, en"
    body = f"{fr(f'mail.{kind}.body', **params)}\n\n---\n\n{en(f'mail.{kind}.body', **params)}"
    msg.set_content(body)
    return msg.as_string()


def write_eml(folder: Path, message: OutboxMessage) -> Path:
    """Deliver one message as a file; atomic, and idempotent for the same outbox id."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{message.id}.eml"
    partial = target.with_suffix(".eml.partial")
    partial.write_text(message.message, encoding="utf-8")
    os.replace(partial, target)
    return target


def deliver_outbox(store: SQLStore, folder: Path, now: str) -> int:
    """Deliver every message waiting in the outbox; returns how many were delivered."""
    delivered = 0
    for message in store.pending_outbox():
        write_eml(folder, message)
        store.mark_sent(message.id, now)
        delivered += 1
    return delivered
