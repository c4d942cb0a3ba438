"""Emails to users (ARCHITECTURE §8): account-creation and password-reset instructions, French
then English. They never carry a secret code: the representative passes that by hand.

Messages wait in the state's outbox and are delivered after commit by SMTP when
RVSQ_SMTP_URL is set (smtp:// with STARTTLS when offered, or smtps://); without it they
wait there, pending, for `rvsq-access outbox send` or `outbox export DIR` (.eml files named
by their outbox id, so that writing them again overwrites rather than duplicates).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import quopri
import re
import smtplib
import ssl
import stat
from collections import Counter
from email import message_from_string
from email.header import Header
from email.utils import format_datetime, formataddr, parseaddr
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from reconciler import files, os_words
from reconciler.catalog import Messages
from reconciler.clock import for_people
from reconciler.errors import UserError
from reconciler.folders import WORK_DIR, private_folder, safe_name
from reconciler.redaction import shown_url
from reconciler.store import OutboxMessage, SQLStore
from reconciler.terminal import inert

DEFAULT_SENDER = "RVSQ access <no-reply@rvsq-access.invalid>"
SMTP_TIMEOUT_SECONDS = 30
_LINE_END = re.compile(r"\r?\n")


def compose(kind: str, to: str, message_id: str, date: dt.datetime, **params: Any) -> str:
    """An RFC 5322 message of `kind` ('created' or 'reset') as text: UTF-8 text in
    quoted-printable, French then English. Written directly rather than through
    email.message, whose header folding costs more than the rest of an apply."""
    body = f"{_body(kind, 'fr', params)}\n\n---\n\n{_body(kind, 'en', params)}\n"
    headers = [
        f"From: {_sender(os.environ.get('RVSQ_MAIL_FROM', DEFAULT_SENDER))}",
        f"To: {inert(to)}",  # from data: a CR or LF would start a header of its own
        f"Subject: {_subject(kind)}",
        f"Date: {format_datetime(date)}",
        f"Message-ID: <{message_id}@rvsq-access>",
        "Content-Language: fr, en",
        "MIME-Version: 1.0",
        'Content-Type: text/plain; charset="utf-8"',
        "Content-Transfer-Encoding: quoted-printable",
    ]
    return "\n".join(headers) + "\n\n" + quopri.encodestring(body.encode()).decode("ascii")


def _body(kind: str, lang: str, params: dict[str, Any]) -> str:
    """The body in one language; the time the account opens, in Quebec's time and words."""
    if params.get("available_at"):
        with contextlib.suppress(ValueError):  # a row written otherwise: said as it is
            params = {**params, "available_at": for_people(params["available_at"], lang)}
    return _MESSAGES[lang](f"mail.{kind}.body", **params)


_MESSAGES = {"fr": Messages("fr"), "en": Messages("en")}


@cache
def _subject(kind: str) -> str:
    text = f"{Messages('fr')(f'mail.{kind}.subject')} / {Messages('en')(f'mail.{kind}.subject')}"
    return Header(text, "utf-8", header_name="Subject").encode()


@cache
def _sender(value: str) -> str:
    """RVSQ_MAIL_FROM as a header: its name encoded, its domain in IDNA when it is not
    ASCII (formataddr takes only ASCII addresses); an address no encoding makes ASCII is
    kept as given (RFC 6532), for a server with SMTPUTF8 to take."""
    name, address = parseaddr(value)
    try:
        return formataddr((name, ascii_address(address)), charset="utf-8")
    except Refused:
        return f"{Header(name, 'utf-8').encode()} <{address}>" if name else address


def write_eml(folder: Path, message: OutboxMessage) -> Path:
    """Write one message as `<id>.eml` in `folder`: whole or not at all, private (0600),
    and the same file again for the same id."""
    target = folder / safe_name(f"{message.id}.eml")
    files.write_whole(target, message.message.encode("utf-8"))
    return target


class Delivery(NamedTuple):
    sent: int
    failed: int  # tried by this delivery and not accepted
    where: str  # the SMTP server; "" when RVSQ_SMTP_URL is not set
    # Why they failed, as kept in the state (see reason_text), with how many failed for
    # each reason: the most frequent first.
    reasons: tuple[tuple[str, int], ...] = ()
    waiting: int = 0  # messages left waiting (pending or failed) after this delivery


class Refused(Exception):
    """One message this tool cannot hand to this server: the others still go. `reason` is
    what the state keeps: a code and the address, worded in the reader's language later."""

    def __init__(self, code: str, address: str) -> None:
        super().__init__(f"{code} {address}")
        self.reason = f"{code} {address}"


# Reasons of our own kept in last_error: "E161 address" (reason_text words them).
_OWN_REASON = re.compile(r"(E16[1-2]) (.*)", re.DOTALL)


def reason_text(messages: Messages, reason: str) -> str:
    """A kept failure as the reader should see it: ours in their language, a server's own
    reply as it gave it."""
    own = _OWN_REASON.fullmatch(reason)
    if own:
        return messages(own[1], address=own[2])
    system = os_words.kept_reason(reason)  # "OS ECONNREFUSED"
    return messages(system["message"], **system["params"]) if system else reason


MAX_REASONS = 3  # a summary names this many reasons, then counts the others


def reasons_text(messages: Messages, reasons: tuple[tuple[str, int], ...]) -> str:
    """Why a delivery's messages failed: one reason as it is; several each with how many
    it failed, the most frequent first, then how many failed for the others."""
    if len(reasons) == 1:
        return reason_text(messages, reasons[0][0])
    parts = [messages("outbox.reason", reason=reason_text(messages, reason), count=count)
             for reason, count in reasons[:MAX_REASONS]]
    others = reasons[MAX_REASONS:]
    if others:
        parts.append(messages("outbox.reasons_other", count=sum(n for _, n in others),
                              reasons=len(others)))
    return messages("outbox.reasons_joiner").join(parts)


def ascii_address(address: str) -> str:
    """`address` as a server without SMTPUTF8 takes it: the domain in IDNA (xn--…);
    Refused when the part before @ is not ASCII or the domain cannot be encoded."""
    if address.isascii():
        return address
    local, _, domain = address.rpartition("@")
    if not local.isascii():
        raise Refused("E161", address)
    try:
        encoded = domain.encode("idna").decode("ascii")
    except UnicodeError:  # an empty or overlong label, a character IDNA forbids
        raise Refused("E162", address) from None
    return f"{local}@{encoded}"


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
    if "@" in parts.netloc:  # a login goes in RVSQ_SMTP_USER and _PASSWORD, never here
        raise UserError("E164", url=shown_url(url))
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise UserError("E133", url=shown_url(url))
    return SmtpTarget(parts.scheme, parts.hostname, port)


def deliver_outbox(store: SQLStore, now: str) -> Delivery:
    """Send what waits in the outbox by SMTP when RVSQ_SMTP_URL is set. Without it nothing
    moves: the messages wait in the state (`rvsq-access outbox send` or `outbox export`),
    and the Delivery says how many."""
    target = smtp_target()
    if target is None:
        return Delivery(0, 0, "", waiting=store.waiting_outbox())
    return send_outbox(store, target, now)


def send_outbox(store: SQLStore, target: SmtpTarget, now: str) -> Delivery:
    """Send every waiting message (pending or failed). Each is marked sent in its own small
    transaction once the server has taken it, so an interruption sends nothing twice but
    the one in flight. A message the server refuses, or that cannot be written for it,
    fails alone; a server that fails keeps the rest waiting. Interrupted (Ctrl-C, a stop
    signal), it marks nothing more and lets the KeyboardInterrupt through: the messages not
    tried stay as they were."""
    pending = store.pending_outbox()
    if not pending:
        return Delivery(0, 0, target.where)
    sent, failures = 0, Counter[str]()

    def fail(message: OutboxMessage, reason: str) -> None:
        store.mark_failed(message.id, reason)
        failures[reason] += 1

    waiting = list(pending)
    try:
        server = _connect(target)
        try:
            utf8 = server.has_extn("smtputf8")
            while waiting:
                message = waiting[0]
                try:
                    sender, recipient, wire, options = _envelope(server, message, utf8)
                    server.sendmail(sender, [recipient], wire, mail_options=options)
                except Refused as exc:  # never sent to the server: this message only
                    fail(message, exc.reason)
                except (smtplib.SMTPRecipientsRefused, smtplib.SMTPResponseException) as exc:
                    fail(message, _reason(exc, message.recipient))  # this message only
                else:
                    store.mark_sent(message.id, now=now)  # once the server took it
                    sent += 1
                waiting.pop(0)
        except BaseException:
            # No QUIT: after a failure or an interruption its reply may be the late one to
            # the message in flight, and an error of its own would hide the real end.
            server.close()
            raise
        with contextlib.suppress(OSError, smtplib.SMTPException):  # every message is done
            server.quit()
        server.close()
    except (OSError, smtplib.SMTPException) as exc:  # the server itself: the rest wait
        error = (os_words.kept(exc) if isinstance(exc, OSError) else None) \
            or str(exc) or type(exc).__name__
        for message in waiting:
            fail(message, error)
    failed = len(pending) - sent
    return Delivery(sent, failed, target.where, tuple(failures.most_common()),
                    waiting=failed)


def _envelope(server: smtplib.SMTP, message: OutboxMessage, utf8: bool
              ) -> tuple[str, str, bytes, list[str]]:
    """Sender, recipient, bytes and MAIL options for this server. With SMTPUTF8 the
    addresses and the To header go as UTF-8 (RFC 6531, 6532); without it, in ASCII with
    an IDNA domain, or the message is Refused."""
    text = message.message
    sender = parseaddr(message_from_string(text)["From"] or "")[1]
    recipient = message.recipient
    options: list[str] = []
    if not (sender.isascii() and recipient.isascii()):
        if utf8:
            options = ["SMTPUTF8", *(["BODY=8BITMIME"] if server.has_extn("8bitmime") else [])]
        else:
            sender, recipient = ascii_address(sender), ascii_address(recipient)
            text = _TO_HEADER.sub(lambda _: f"To: {recipient}", text, count=1)
    # SMTP wants CRLF line ends; smtplib converts only str, so do it here.
    return sender, recipient, _LINE_END.sub("\r\n", text).encode("utf-8"), options


_TO_HEADER = re.compile(r"^To: [^\n]*$", re.MULTILINE)  # compose writes it in the head


class ExportFailed(Exception):
    """The folder could not take the emails (E163); nothing was marked exported."""

    def __init__(self, folder: Path, error: OSError) -> None:
        super().__init__(str(error))
        self.folder, self.error = folder, error


class ExportInterrupted(KeyboardInterrupt):
    """Ctrl-C or a stop signal during an export. `written`: the messages whose file is
    whole in the folder (a file is renamed into place only once whole), none of them
    marked exported yet; mark_written marks them, once the caller has stopped listening
    for a second interruption."""

    def __init__(self, written: list[OutboxMessage], total: int) -> None:
        super().__init__()
        self.written, self.total = written, total


def export_outbox(store: SQLStore, folder: Path, now: str) -> int:
    """Write every waiting message as `<id>.eml` in `folder` (made 0700 if missing), then
    mark them exported: someone sends them by hand, so they are neither sent nor counted
    as waiting again. Were the run stopped before the marking, the next export writes the
    same files under the same names. ExportFailed when the folder cannot take them;
    ExportInterrupted when stopped."""
    pending = store.pending_outbox()
    tried = 0
    try:
        try:  # the folder is checked even when nothing waits: a wrong DIR is said at once
            if any(part.name == WORK_DIR.name for part in (folder, *folder.parents)):
                private_folder(folder)  # under .rvsq: private, and ignored by git
            else:
                folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not os.access(folder, os.W_OK | os.X_OK):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
            for message in pending:
                tried += 1
                write_eml(folder, message)
            files.sync_folder(folder)  # the renames, durable before the state says "exported"
        except OSError as exc:
            raise ExportFailed(folder, exc) from None
        if not pending:
            return 0
        tried = len(pending)
        store.mark_mail_exported([message.id for message in pending],
                                 os.path.abspath(folder), now)
    except KeyboardInterrupt:
        # The one in flight counts if its rename was done (the stop may come just after).
        written = [message for message in pending[:tried]
                   if _is_file(folder / safe_name(f"{message.id}.eml"))]
        raise ExportInterrupted(written, len(pending)) from None
    return len(pending)


def mark_written(store: SQLStore, folder: Path, written: list[OutboxMessage],
                 now: str) -> None:
    """After an interrupted export: mark exported the messages whose file is whole, once
    the folder's renames are durable. OSError or a database error when that cannot be
    done: they then still wait, and the next export writes them again, same names."""
    files.sync_folder(folder)
    store.mark_mail_exported([message.id for message in written], os.path.abspath(folder),
                             now)


def _is_file(path: Path) -> bool:
    """A file itself: not a link planted under its name."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


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
        server.ehlo()  # what the server offers (STARTTLS, SMTPUTF8), over TLS for smtps
        if not encrypted and server.has_extn("starttls"):
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
