"""Email delivery by SMTP, end to end: the real CLI (`apply --auto-approve`) against a real
aiosmtpd server on 127.0.0.1 that records what it receives.

Each test starts from a copy of the example repository with the RAMQ directory imported;
its first apply creates 7 accounts, 5 of them at register-mode sites, hence 5 creation
emails (the emergency department works in RAMQ's portal, which writes to its people). TLS
certificates are made at test time with the openssl command line, in a temp folder.
"""

from __future__ import annotations

import shutil
import sqlite3
import ssl
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session
from click.testing import Result
from helpers import REPO, ok, run
from smtp_server import HOST, Server, free_port, starter

from reconciler.applying import secret_codes as codes

IDENTITIES = REPO / "examples" / "demo-identities"
REFUSED = "martinmacfly@ramq.gouv.qc.ca"  # a new user of the example
NEW_USERS = 5  # the example's first apply: 5 creation emails
USER, PASSWORD = "representant@gmf.example", "Tr0ub4dor&3-pw"


# --- the SMTP server ------------------------------------------------------------------
@pytest.fixture
def smtp(request: pytest.FixtureRequest) -> Callable[..., Server]:
    """Start an SMTP server: smtp(port=None, scheme='smtp', **Controller options)."""
    return starter(request)


class Certificate(NamedTuple):
    cert: Path  # self-signed, for 127.0.0.1 and localhost: also the private CA file
    key: Path


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Certificate:
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command line is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    made = Certificate(folder / "cert.pem", folder / "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
         "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
         "-keyout", str(made.key), "-out", str(made.cert)],
        check=True, capture_output=True,
    )
    return made


def server_tls(certificate: Certificate) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificate.cert, certificate.key)
    return context


# --- the repository, the CLI and the state ----------------------------------------------
def cli(*args: str) -> Result:
    result = run("--lang", "en", "--no-color", *args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def apply() -> Result:
    return cli("apply", "--auto-approve")


def use(monkeypatch: pytest.MonkeyPatch, url: str, **env: str | Path) -> None:
    monkeypatch.setenv("RVSQ_SMTP_URL", url)
    for name, value in env.items():
        monkeypatch.setenv(name, str(value))


def state_rows(query: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(".rvsq/state.db") as conn:
        return conn.execute(query).fetchall()


def new_users() -> list[str]:
    """The accounts created at register-mode sites: those this tool writes to (at a
    portal-mode site, RAMQ's portal does)."""
    return sorted(e for (e,) in state_rows(
        "SELECT a.email FROM accounts a JOIN establishments e ON e.id = a.establishment "
        "WHERE a.origin = 'created' AND e.mode = 'register'"))


def pending() -> int:
    return int(state_rows("SELECT count(*) FROM outbox WHERE sent_at IS NULL")[0][0])


def secret_codes() -> list[str]:
    found = []
    for path in Path(".rvsq/codes").glob("*.age"):
        establishment = next(p.stem for p in IDENTITIES.glob("*.txt")
                             if path.stem.endswith(p.stem))
        identity = (IDENTITIES / f"{establishment}.txt").read_text(encoding="utf-8")
        found += [entry["code"] for entry in codes.reveal(path.read_bytes(), identity)["codes"]]
    return found


def assert_all_new_users_got_one(server: Server) -> None:
    assert sorted(server.handler.recipients()) == new_users()
    assert len(new_users()) == NEW_USERS and pending() == 0


# --- 1. delivery ----------------------------------------------------------------------
def test_creation_emails_are_delivered_by_smtp_without_codes(
        sqlite_repo: Path, smtp: Callable[..., Server], monkeypatch: pytest.MonkeyPatch) -> None:
    server = smtp()
    use(monkeypatch, server.url)
    result = ok(apply())
    assert f"{NEW_USERS} emails delivered to {server.where}." in result.stdout
    assert_all_new_users_got_one(server)
    received = server.handler.received
    assert len({m.message["Message-ID"] for m in received}) == NEW_USERS
    secrets = secret_codes()
    assert len(secrets) == NEW_USERS
    for mail in received:
        assert mail.recipients == [mail.message["To"]]
        assert "Votre accès" in mail.message["Subject"]
        assert mail.message["Message-ID"].endswith("@rvsq-access>")
        body = mail.message.get_content()
        assert mail.message["To"] in body  # the username
        assert 0 <= body.index("Bonjour") < body.index("Hello")
        for code in secrets:
            for text in (mail.raw, body):
                assert code not in text and code.replace("-", "") not in text
    assert not list(Path(".rvsq").rglob("*.eml"))
    again = ok(apply())
    assert "delivered" not in again.output and len(received) == NEW_USERS


# --- 2. and 3. failures are kept and retried -------------------------------------------
def test_a_refused_recipient_is_kept_and_sent_by_the_next_apply(
        sqlite_repo: Path, smtp: Callable[..., Server], monkeypatch: pytest.MonkeyPatch) -> None:
    server = smtp()
    server.handler.refuse[REFUSED] = "550 5.1.1 No such mailbox here"
    use(monkeypatch, server.url)
    result = ok(apply(), 4)
    assert f"{NEW_USERS - 1} emails delivered to {server.where}." in result.stdout
    assert (f"1 email could not be delivered by {server.where}: 550 5.1.1 No such mailbox "
            "here. It waits in the state's outbox: send it with 'rvsq-access outbox send'"
            ) in result.stderr
    assert sorted(server.handler.recipients()) == [u for u in new_users() if u != REFUSED]
    assert state_rows("SELECT recipient, attempts, last_error FROM outbox "
                      "WHERE sent_at IS NULL") == [(REFUSED, 1, "550 5.1.1 No such mailbox here")]
    server.handler.refuse.clear()
    result = ok(apply())
    assert f"1 email delivered to {server.where}." in result.stdout
    assert "could not" not in result.output
    assert server.handler.recipients()[NEW_USERS - 1:] == [REFUSED]
    assert_all_new_users_got_one(server)


def test_server_down_the_changes_stay_and_the_emails_go_when_it_is_up(
        sqlite_repo: Path, smtp: Callable[..., Server], monkeypatch: pytest.MonkeyPatch) -> None:
    port = free_port()  # nothing listens here yet
    use(monkeypatch, f"smtp://{HOST}:{port}")
    result = ok(apply(), 4)
    assert "Applied 18 actions" in result.stdout
    assert f"{NEW_USERS} emails could not be delivered by {HOST}:{port}:" in result.stderr
    assert "the connection was refused" in result.stderr
    assert len(new_users()) == NEW_USERS and pending() == NEW_USERS
    server = smtp(port=port)
    result = ok(apply())
    assert f"{NEW_USERS} emails delivered to {server.where}." in result.stdout
    assert_all_new_users_got_one(server)
    assert "delivered" not in ok(apply()).output and len(server.handler.received) == NEW_USERS


def test_a_second_run_with_the_server_down_counts_each_kept_email_once(
        sqlite_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use(monkeypatch, f"smtp://{HOST}:{free_port()}")
    ok(apply(), 4)
    result = ok(apply(), 4)  # nothing to apply; the kept emails fail again
    assert f"{NEW_USERS} emails could not be delivered" in result.stderr
    assert state_rows("SELECT DISTINCT attempts FROM outbox") == [(2,)]


# --- 4. and 5. TLS ----------------------------------------------------------------------
def test_starttls_with_a_private_ca(sqlite_repo: Path, smtp: Callable[..., Server],
                                    certificate: Certificate,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    server = smtp(tls_context=server_tls(certificate), require_starttls=True)
    use(monkeypatch, server.url, RVSQ_SMTP_CAFILE=certificate.cert)
    assert f"{NEW_USERS} emails delivered to {server.where}." in ok(apply()).stdout
    assert_all_new_users_got_one(server)
    assert all(mail.encrypted for mail in server.handler.received)


def test_starttls_with_an_unknown_certificate_sends_nothing(
        sqlite_repo: Path, smtp: Callable[..., Server], certificate: Certificate,
        monkeypatch: pytest.MonkeyPatch) -> None:
    server = smtp(tls_context=server_tls(certificate), require_starttls=True)
    use(monkeypatch, server.url)  # no RVSQ_SMTP_CAFILE: the system CAs do not know it
    result = ok(apply(), 4)
    assert (f"{NEW_USERS} emails could not be delivered by {server.where}: "
            "[SSL: CERTIFICATE_VERIFY_FAILED]") in result.stderr
    assert "delivered to" not in result.stdout
    assert server.handler.received == [] and pending() == NEW_USERS


def test_smtps_with_a_private_ca(sqlite_repo: Path, smtp: Callable[..., Server],
                                 certificate: Certificate,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    server = smtp(scheme="smtps", ssl_context=server_tls(certificate))
    use(monkeypatch, server.url, RVSQ_SMTP_CAFILE=certificate.cert)
    assert f"{NEW_USERS} emails delivered to {server.where}." in ok(apply()).stdout
    assert_all_new_users_got_one(server)
    assert all(mail.encrypted for mail in server.handler.received)


# --- 6. authentication ------------------------------------------------------------------
def authenticator(server: SMTP, session: Session, envelope: Envelope, mechanism: str,
                  auth_data: Any) -> AuthResult:
    good = isinstance(auth_data, LoginPassword) and auth_data == (USER.encode(),
                                                                 PASSWORD.encode())
    return AuthResult(success=good, handled=False, auth_data=auth_data)


@pytest.fixture
def auth_server(smtp: Callable[..., Server], certificate: Certificate,
                monkeypatch: pytest.MonkeyPatch) -> Server:
    """A server that wants STARTTLS, then a login, before any message."""
    server = smtp(tls_context=server_tls(certificate), require_starttls=True,
                  authenticator=authenticator, auth_required=True)
    use(monkeypatch, server.url, RVSQ_SMTP_CAFILE=certificate.cert, RVSQ_SMTP_USER=USER)
    return server


def test_the_user_and_password_are_used(sqlite_repo: Path, auth_server: Server,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RVSQ_SMTP_PASSWORD", PASSWORD)
    result = ok(apply())
    assert f"{NEW_USERS} emails delivered to {auth_server.where}." in result.stdout
    assert_all_new_users_got_one(auth_server)
    assert {mail.login for mail in auth_server.handler.received} == {USER.encode()}
    assert PASSWORD not in result.output


def test_a_wrong_password_is_reported_and_nothing_is_marked_sent(
        sqlite_repo: Path, auth_server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    wrong = "not-the-Pa55word"
    monkeypatch.setenv("RVSQ_SMTP_PASSWORD", wrong)
    result = ok(apply(), 4)
    assert (f"{NEW_USERS} emails could not be delivered by {auth_server.where}: (535"
            in result.stderr)
    assert auth_server.handler.received == [] and pending() == NEW_USERS
    assert wrong not in result.output
    assert not any(wrong in str(row) for row in state_rows("SELECT * FROM outbox"))


# --- 7. a bad address -------------------------------------------------------------------
def test_a_bad_url_is_a_clear_error_and_a_good_one_then_delivers_everything(
        sqlite_repo: Path, smtp: Callable[..., Server], monkeypatch: pytest.MonkeyPatch) -> None:
    use(monkeypatch, "http://x")
    result = ok(apply(), 1)
    assert ("error[E133] 'http://x' is not a mail server address this tool can use\n"
            "    hint: set RVSQ_SMTP_URL to smtp://host:port (STARTTLS when offered) or "
            "smtps://host:port (TLS)") in result.stderr
    # Checked before the first action: nothing was changed, nothing waits.
    assert len(new_users()) == 0 and pending() == 0
    server = smtp()
    use(monkeypatch, server.url)
    result = ok(apply())
    assert "Applied 18 actions" in result.stdout
    assert f"{NEW_USERS} emails delivered to {server.where}." in result.stdout
    assert_all_new_users_got_one(server)


def test_a_url_with_a_bad_port_is_a_clear_error(sqlite_repo: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    use(monkeypatch, f"smtp://{HOST}:abc")
    assert "error[E133]" in ok(apply(), 1).stderr
