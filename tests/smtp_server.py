"""A real SMTP server for the tests (aiosmtpd on 127.0.0.1) that records what it accepts,
refuses the addresses it is told to, and can die in the middle of a batch."""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as email_policy
from typing import Any, NamedTuple

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, LoginPassword, Session

HOST = "127.0.0.1"


class Received(NamedTuple):
    mail_from: str
    recipients: list[str]
    options: list[str]  # MAIL FROM options: SMTPUTF8, BODY=8BITMIME
    message: EmailMessage
    raw: str
    encrypted: bool
    login: bytes | None


@dataclass
class Recorder:
    """Keeps every message it accepts; refuses the addresses in `refuse` (address → the
    server's reply); drops the connection, without a reply, on message number `die_at`
    (counted from 1)."""

    refuse: dict[str, str] = field(default_factory=dict)
    die_at: int | None = None
    received: list[Received] = field(default_factory=list)
    seen: int = 0

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope,
                          address: str, rcpt_options: list[str]) -> str:
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.seen += 1
        assert server.transport is not None
        if self.seen == self.die_at:
            server.transport.abort()  # the server dies: this message is not accepted
            return "421 gone"
        content = envelope.original_content or b""
        auth = session.auth_data
        self.received.append(Received(
            str(envelope.mail_from), list(envelope.rcpt_tos), list(envelope.mail_options),
            message_from_bytes(content, policy=email_policy),  # type: ignore[arg-type]
            content.decode("utf-8", errors="replace"),
            server.transport.get_extra_info("ssl_object") is not None,
            auth.login if isinstance(auth, LoginPassword) else None,
        ))
        return "250 Message accepted for delivery"

    def recipients(self) -> list[str]:
        return [address for message in self.received for address in message.recipients]


class Server(NamedTuple):
    handler: Recorder
    url: str
    where: str  # host:port, as the apply output names it


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def starter(request: pytest.FixtureRequest) -> Callable[..., Server]:
    """start(port=None, scheme='smtp', refuse=…, die_at=…, **Controller options): a server,
    stopped at the end of the test."""

    def start(port: int | None = None, scheme: str = "smtp",
              refuse: dict[str, str] | None = None, die_at: int | None = None,
              **options: Any) -> Server:
        handler = Recorder(refuse or {}, die_at)
        controller = Controller(handler, hostname=HOST, port=port or free_port(),
                                server_hostname="localhost", **options)
        controller.start()
        request.addfinalizer(controller.stop)
        where = f"{HOST}:{controller.port}"
        return Server(handler, f"{scheme}://{where}", where)

    return start
