"""Mail that always moves (issue 13, item 3): the real CLI against real SMTP servers
(aiosmtpd on 127.0.0.1), on SQLite and PostgreSQL.

- Without RVSQ_SMTP_URL, apply delivers nothing: the emails wait in the state, apply says
  how many and how to deliver them, and exits 4 (before 3 for blocked entries).
- `outbox list` shows what waits (read-only), `outbox send` sends it, `outbox export DIR`
  writes it as .eml files for sending by hand (and never a secret code).
- A non-ASCII address goes by SMTPUTF8 when the server offers it; otherwise its domain
  in IDNA, and a non-ASCII local part fails for that message alone, with its reason kept.
- A server that dies mid-batch leaves the rest waiting, each with its attempts and error.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as email_policy
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from helpers import (
    CASCADES,
    CASCADES_TEXT,
    REPO,
    cli,
    emergency_in_register_mode,
    ok,
    sqlite_only,
    without_root_rights,
)
from smtp_server import Server, starter

from reconciler.applying import secret_codes as codes
from reconciler.clock import for_people
from reconciler.store import open_store, parse_location

IDENTITIES = REPO / "examples" / "demo-identities"
# The example's first apply creates 7 accounts, 5 at register-mode sites: 5 creation
# emails (the emergency department's 2 are left to RAMQ's portal, as portal tasks).
NEW_USERS = 5
ACCENTED = "andré.côté@exämple.org"  # the part before @ needs SMTPUTF8
IDN = "luc@bücher.example"  # only the domain is not ASCII: IDNA will do
IDN_ASCII = "luc@xn--bcher-kva.example"


# --- an SMTP server that records what it accepts ------------------------------------
@pytest.fixture
def smtp(request: pytest.FixtureRequest) -> Callable[..., Server]:
    """smtp(utf8=False, refuse=…, die_at=…): a server, with SMTPUTF8 or without."""
    start = starter(request)

    def with_utf8(utf8: bool = False, **recorder: Any) -> Server:
        return start(enable_SMTPUTF8=utf8, **recorder)

    return with_utf8


# --- the repository and the state -----------------------------------------------------
def apply(code: int) -> Result:
    result = ok(cli("apply", "--auto-approve"), code)
    assert "Traceback" not in result.output
    return result


def outbox(*args: str, code: int = 0, lang: str = "en") -> Result:
    result = cli("--lang", lang, "outbox", *args)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return result


def listed(*args: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(outbox("list", "--format", "json", *args).stdout)
    return data


def outbox_rows(state_url: str) -> list[tuple[Any, ...]]:
    """(recipient, attempts, last_error, sent?, exported?) for every message, by recipient."""
    store = open_store(parse_location(state_url), "2026-11-26T00:00:00Z", writing=True)
    try:
        rows = store._execute("SELECT recipient, attempts, last_error, sent_at IS NOT NULL, "
                              "exported_at IS NOT NULL FROM outbox").fetchall()
    finally:
        store.close()
    return sorted((r[0], r[1], r[2], bool(r[3]), bool(r[4])) for r in rows)


def use(monkeypatch: pytest.MonkeyPatch, server: Server) -> None:
    monkeypatch.setenv("RVSQ_SMTP_URL", server.url)


def new_users(state_url: str) -> list[str]:
    return sorted(row[0] for row in outbox_rows(state_url))


def add_accented_users() -> None:
    """A new establishment whose three new users have an ASCII address, an address with
    a non-ASCII domain only, and one with a non-ASCII part before @."""
    CASCADES.parent.mkdir()
    CASCADES.write_text(CASCADES_TEXT + "".join(
        f"  - email: {email}\n    title: monsieur\n    first_name: {first}\n"
        f"    last_name: {last}\n    profile: personnel-administratif\n    services: [rvsq]\n"
        for email, first, last in ((ACCENTED, "André", "Côté"), (IDN, "Luc", "Bücher"))),
        encoding="utf-8")


def secret_codes() -> list[str]:
    """Every code the applies sealed, opened with the example's demo identities."""
    found = []
    for path in Path(".rvsq/codes").glob("*.age"):
        identity = next(p for p in IDENTITIES.glob("*.txt") if path.stem.endswith(p.stem))
        opened = codes.reveal(path.read_bytes(), identity.read_text(encoding="utf-8"))
        found += [entry["code"] for entry in opened["codes"]]
    return found


# --- 1. without RVSQ_SMTP_URL, emails wait in the state; apply exits 4 -----------------
def test_without_smtp_apply_delivers_nothing_says_what_waits_and_exits_4(
        repo: Path, state_url: str) -> None:
    result = apply(4)
    assert "Applied 18 actions" in result.stdout
    assert (f"{NEW_USERS} emails wait in the state's outbox, not sent: RVSQ_SMTP_URL is "
            "not set. Send them with 'rvsq-access outbox send' once it is, or write them as "
            ".eml files with 'rvsq-access outbox export DIR'") in result.stderr
    assert not list(repo.rglob("*.eml")) and not (repo / ".rvsq" / "outbox").exists()
    rows = outbox_rows(state_url)
    assert len(rows) == NEW_USERS
    assert {row[1:] for row in rows} == {(0, None, False, False)}  # pending: never tried
    # Nothing left to apply, but the emails still wait: 4 again, and counted once.
    again = apply(4)
    assert "Nothing to apply." in again.stdout
    assert f"{NEW_USERS} emails wait" in again.stderr


def test_french_apply_says_how_many_emails_wait(repo: Path) -> None:
    result = ok(cli("--lang", "fr", "apply", "--auto-approve"), 4)
    assert (f"{NEW_USERS} courriels attendent dans la boîte d'envoi de l'état, non "
            "envoyés\u00a0: RVSQ_SMTP_URL n'est pas défini.") in result.stderr
    assert "«\u00a0rvsq-access outbox export DOSSIER\u00a0»" in result.stderr


def test_emails_waiting_win_over_blocked_entries(repo: Path) -> None:
    gmf = repo / "access" / "06" / "gmf-hill-valley.yaml"
    gmf.write_text(gmf.read_text(encoding="utf-8").replace(
        "username: CE10455", "username: CE99999"), encoding="utf-8")  # blocked (B01)
    result = apply(4)
    assert "1 entry remains blocked" in result.stderr
    assert "emails wait" in result.stderr
    outbox("export", "sent-by-hand")
    assert "emails wait" not in apply(3).output  # only the blocked entry remains


# --- 2. outbox list: read-only ---------------------------------------------------------
def test_outbox_list_shows_what_waits_and_counts_each_status(repo: Path,
                                                            state_url: str) -> None:
    empty = outbox("list")
    assert empty.stdout == ("The outbox is empty.\n"
                            "Pending: 0, failed: 0, sent: 0, exported: 0.\n")
    apply(4)
    text = outbox("list").stdout.splitlines()
    assert text[0] == "id\tstatus\tkind\tto\tattempts\tcreated\tlast error or delivery"
    assert len(text) == 1 + NEW_USERS + 1
    for line in text[1:-1]:
        _, status, kind, _, attempts, created, detail = line.split("\t")
        assert (status, kind, attempts, detail) == ("pending", "account creation", "0", "—")
        assert created.endswith((" a.m.", " p.m."))  # Quebec's time, in words
    assert text[-1] == f"Pending: {NEW_USERS}, failed: 0, sent: 0, exported: 0."
    data = listed()
    assert data["counts"] == {"pending": NEW_USERS, "failed": 0, "sent": 0, "exported": 0}
    assert sorted(m["to"] for m in data["messages"]) == new_users(state_url)
    assert {(m["status"], m["kind"], m["attempts"], m["last_error"]) for m in data["messages"]
            } == {("pending", "created", 0, None)}
    french = outbox("list", lang="fr").stdout.splitlines()
    assert french[0].startswith("identifiant\tstatut\ttype\tdestinataire\t")
    assert "\ten attente\tcréation de compte\t" in french[1]
    assert french[-1] == (f"En attente\u00a0: {NEW_USERS}, en échec\u00a0: 0, "
                          "envoyés\u00a0: 0, exportés\u00a0: 0.")


def test_outbox_list_never_creates_or_changes_a_state(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RVSQ_STATE", raising=False)
    result = outbox("list", code=1)
    assert "error[E138] there is no state at" in result.stderr
    assert not (tmp_path / ".rvsq").exists()


def test_outbox_list_escapes_what_the_state_holds(repo: Path, state_url: str) -> None:
    apply(4)
    store = open_store(parse_location(state_url), "2026-11-26T00:00:00Z", writing=True)
    try:  # a server's reply, or a DBA's edit, with a terminal escape and a line break
        store._execute("UPDATE outbox SET attempts = 1, last_error = ?",
                       ("550 no\x1b]0;owned\x07\nFAKE LINE",))
    finally:
        store.close()
    text = outbox("list").stdout
    assert "\x1b" not in text and "\x07" not in text and "\nFAKE LINE" not in text
    assert "550 no\\u001b]0;owned\\u0007\\u000aFAKE LINE" in text  # shown, not obeyed


# --- 3. outbox export: .eml files for sending by hand -----------------------------------
def test_outbox_export_writes_private_whole_messages_without_codes(
        repo: Path, state_url: str) -> None:
    apply(4)
    result = outbox("export", "by-hand/today")
    assert result.stdout == (f"{NEW_USERS} emails written to by-hand/today, one .eml file "
                             "each: send them by hand. They are marked as exported and will "
                             "not be sent again.\n")
    folder = repo / "by-hand" / "today"
    assert folder.stat().st_mode & 0o777 == 0o700
    files = sorted(folder.iterdir())
    assert len(files) == NEW_USERS and all(f.suffix == ".eml" for f in files)
    secrets = secret_codes()
    assert len(secrets) == NEW_USERS
    recipients = []
    for path in files:
        assert path.stat().st_mode & 0o777 == 0o600
        raw = path.read_bytes()
        message = message_from_bytes(raw, policy=email_policy)
        assert isinstance(message, EmailMessage)
        assert path.stem in message["Message-ID"]
        assert "Votre accès" in message["Subject"]
        body = message.get_content()
        assert 0 <= body.index("Bonjour") < body.index("Hello")
        recipients.append(str(message["To"]))
        assert message["To"] in body  # the username
        for code in secrets:
            for text in (raw.decode("utf-8"), body):
                assert code not in text and code.replace("-", "") not in text
    assert sorted(recipients) == new_users(state_url)
    assert {row[1:] for row in outbox_rows(state_url)} == {(0, None, False, True)}
    data = listed("--all")
    assert data["counts"] == {"pending": 0, "failed": 0, "sent": 0, "exported": NEW_USERS}
    assert {m["exported_to"] for m in data["messages"]} == {str(folder)}
    assert outbox("list").stdout.startswith("No email waits in the outbox.\n")
    exported = for_people(data["messages"][0]["exported_at"], "en")
    assert f"exported on {exported} to {folder}" in outbox(
        "list", "--all").stdout
    # Exported messages are someone's to send: not written again, not waiting, not sent.
    assert outbox("export", "by-hand/today").stdout == "No email waits: nothing was written.\n"
    assert "emails" not in apply(0).output


def test_outbox_export_into_a_file_is_refused_and_nothing_is_marked(
        repo: Path, state_url: str) -> None:
    apply(4)
    Path("in-the-way").write_text("a file\n", encoding="utf-8")
    for target in ("in-the-way", "in-the-way/below"):
        result = outbox("export", target, code=1)
        assert f"error[E163] the emails cannot be written to '{target}': a file is in the " \
               "way: it is not a folder" in result.stderr
    assert listed()["counts"]["pending"] == NEW_USERS
    french = outbox("export", "in-the-way", code=1, lang="fr")
    assert ("erreur[E163] les courriels ne peuvent pas être écrits dans "
            "«\u00a0in-the-way\u00a0»\u00a0: un fichier est là\u00a0: ce n'est pas un "
            "dossier") in french.stderr


def test_outbox_export_into_a_folder_one_may_not_write_is_refused(repo: Path,
                                                                  state_url: str) -> None:
    apply(4)
    Path("locked").mkdir(mode=0o500)
    result = subprocess.run([*without_root_rights(), sys.executable, "-m", "reconciler",
                             "--lang", "en", "--state", state_url, "outbox", "export",
                             "locked"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "error[E163]" in result.stderr and "you may not write there" in result.stderr
    assert listed()["counts"]["pending"] == NEW_USERS


def test_outbox_export_is_idempotent_for_a_message_written_but_not_marked(
        repo: Path, state_url: str) -> None:
    """An export stopped between writing and marking writes the same files again."""
    apply(4)
    outbox("export", "first")
    store = open_store(parse_location(state_url), "2026-11-26T00:00:00Z", writing=True)
    try:  # as if the marking had never committed
        store._execute("UPDATE outbox SET exported_at = NULL, exported_to = NULL")
    finally:
        store.close()
    outbox("export", "first")
    assert len(list(Path("first").iterdir())) == NEW_USERS  # the same names, no .partial


# --- 4. outbox send ---------------------------------------------------------------------
def test_outbox_send_without_a_server_is_a_clear_error(repo: Path) -> None:
    apply(4)
    result = outbox("send", code=1)
    assert "error[E160] RVSQ_SMTP_URL is not set" in result.stderr
    assert "outbox export DIR" in result.stderr
    assert listed()["counts"]["pending"] == NEW_USERS


def test_outbox_send_delivers_what_apply_left_waiting(
        repo: Path, state_url: str, smtp: Callable[..., Server],
        monkeypatch: pytest.MonkeyPatch) -> None:
    apply(4)
    server = smtp()
    use(monkeypatch, server)
    assert outbox("send").stdout == f"{NEW_USERS} emails sent by {server.where}.\n"
    assert sorted(server.handler.recipients()) == new_users(state_url)
    assert listed("--all")["counts"] == {"pending": 0, "failed": 0, "sent": NEW_USERS,
                                         "exported": 0}
    assert outbox("send").stdout == "No email waits: nothing to send.\n"
    assert len(server.handler.received) == NEW_USERS  # none twice
    assert "emails" not in apply(0).output


# --- 5. non-ASCII addresses --------------------------------------------------------------
def test_a_server_without_smtputf8_gets_idna_domains_and_the_one_it_cannot_take_waits(
        repo: Path, state_url: str, smtp: Callable[..., Server],
        monkeypatch: pytest.MonkeyPatch) -> None:
    add_accented_users()
    server = smtp(utf8=False)
    use(monkeypatch, server)
    result = apply(4)
    assert f"{NEW_USERS + 2} emails delivered to {server.where}." in result.stdout
    assert (f"1 email could not be delivered by {server.where}: the address '{ACCENTED}' "
            "has characters other than ASCII before the @, and the mail server does not "
            "offer SMTPUTF8. It waits in the state's outbox") in result.stderr
    received = {mail.recipients[0]: mail for mail in server.handler.received}
    assert ACCENTED not in received and len(received) == NEW_USERS + 2
    idn = received[IDN_ASCII]  # envelope and header in ASCII, the domain in IDNA
    assert idn.message["To"] == IDN_ASCII and "SMTPUTF8" not in idn.options
    assert all(mail.message["To"] == mail.recipients[0] for mail in received.values())
    kept = [row for row in outbox_rows(state_url) if row[0] == ACCENTED]
    assert kept == [(ACCENTED, 1, f"E161 {ACCENTED}", False, False)]
    failed = [m for m in listed()["messages"] if m["status"] == "failed"]
    assert [(m["to"], m["attempts"]) for m in failed] == [(ACCENTED, 1)]
    french = outbox("list", lang="fr").stdout
    assert (f"l'adresse «\u00a0{ACCENTED}\u00a0» contient, avant le @, des caractères "
            "hors ASCII, et le serveur de courriel n'offre pas SMTPUTF8") in french
    # The same server again: the message fails alone again, nothing else is sent twice.
    again = outbox("send", code=4)
    assert "1 email could not be sent" in again.stderr and "E161" not in again.stderr
    assert len(server.handler.received) == NEW_USERS + 2


def test_a_server_with_smtputf8_takes_the_address_as_it_is(
        repo: Path, state_url: str, smtp: Callable[..., Server],
        monkeypatch: pytest.MonkeyPatch) -> None:
    add_accented_users()
    use(monkeypatch, smtp(utf8=False))
    apply(4)  # André's email waits, refused by a server without SMTPUTF8
    server = smtp(utf8=True)
    use(monkeypatch, server)
    assert outbox("send").stdout == f"1 email sent by {server.where}.\n"
    (mail,) = server.handler.received
    assert mail.recipients == [ACCENTED] and "SMTPUTF8" in mail.options
    assert mail.message["To"] == ACCENTED  # an RFC 6532 header, read back as UTF-8
    assert "André" in mail.message.get_content()
    assert listed("--all")["counts"] == {"pending": 0, "failed": 0, "sent": NEW_USERS + 3,
                                         "exported": 0}


def test_with_smtputf8_from_the_start_every_address_goes_as_given(
        repo: Path, state_url: str, smtp: Callable[..., Server],
        monkeypatch: pytest.MonkeyPatch) -> None:
    add_accented_users()
    server = smtp(utf8=True)
    use(monkeypatch, server)
    result = apply(0)
    assert f"{NEW_USERS + 3} emails delivered to {server.where}." in result.stdout
    by_to = {mail.recipients[0]: mail for mail in server.handler.received}
    assert by_to[IDN].message["To"] == IDN and by_to[ACCENTED].message["To"] == ACCENTED
    # SMTPUTF8 only where an address needs it.
    assert "SMTPUTF8" not in by_to["helene.fortin@example.org"].options


def test_an_unencodable_domain_fails_that_message_alone(
        repo: Path, state_url: str, smtp: Callable[..., Server],
        monkeypatch: pytest.MonkeyPatch) -> None:
    bad = f"zoe@{'é' * 70}.example"  # a label IDNA cannot encode (over 63 characters)
    add_accented_users()
    CASCADES.write_text(CASCADES.read_text(encoding="utf-8").replace(ACCENTED, bad),
                        encoding="utf-8")
    # email-validator refuses such an address in the access file (E017) before anything is
    # planned; E162 remains for an address that reached the state another way.
    server = smtp(utf8=False)
    use(monkeypatch, server)
    result = ok(cli("apply", "--auto-approve"), 1)
    assert f"error[E017] '{bad}' is not an email address that can receive mail" in result.output
    assert "Traceback" not in result.output and not server.handler.received


def test_an_unencodable_domain_in_the_state_fails_that_message_alone(
        repo: Path, state_url: str, smtp: Callable[..., Server],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """E162 for an address that reached the state another way (a DBA's edit, an older
    release): the access files refuse it before (E017)."""
    bad = f"zoe@{'é' * 70}.example"  # a label IDNA cannot encode (over 63 characters)
    apply(4)
    store = open_store(parse_location(state_url), "2026-11-26T00:00:00Z", writing=True)
    try:
        with store.transaction():
            store._execute("UPDATE outbox SET recipient = ? WHERE id = (SELECT min(id) FROM "
                           "outbox)", (bad,))
    finally:
        store.close()
    server = smtp(utf8=False)
    use(monkeypatch, server)
    result = outbox("send", code=4)
    assert "Traceback" not in result.output
    assert f"{NEW_USERS - 1} emails sent by {server.where}." in result.stdout
    assert "cannot be written in ASCII (IDNA)" in result.stderr
    assert [row[2] for row in outbox_rows(state_url) if row[0] == bad] == [f"E162 {bad}"]
    assert len(server.handler.received) == NEW_USERS - 1


# --- 6. a server that dies mid-batch ------------------------------------------------------
def test_a_server_dying_mid_batch_leaves_the_rest_waiting_with_the_reason(
        repo: Path, state_url: str, smtp: Callable[..., Server],
        monkeypatch: pytest.MonkeyPatch) -> None:
    dying = smtp(die_at=3)
    use(monkeypatch, dying)
    result = apply(4)
    assert "Applied 18 actions" in result.stdout
    assert f"2 emails delivered to {dying.where}." in result.stdout
    assert f"{NEW_USERS - 2} emails could not be delivered by {dying.where}:" in result.stderr
    rows = outbox_rows(state_url)
    assert sum(row[3] for row in rows) == 2
    waiting = [row for row in rows if not row[3]]
    assert len(waiting) == NEW_USERS - 2
    assert {row[1] for row in waiting} == {1} and all(row[2] for row in waiting)
    data = listed()
    assert data["counts"] == {"pending": 0, "failed": NEW_USERS - 2, "sent": 2,
                              "exported": 0}
    assert {m["attempts"] for m in data["messages"]} == {1}
    # A server that works: the rest go, and none of the first two is sent again.
    server = smtp()
    use(monkeypatch, server)
    assert outbox("send").stdout == f"{NEW_USERS - 2} emails sent by {server.where}.\n"
    delivered = [m.message["Message-ID"] for s in (dying, server) for m in s.handler.received]
    assert len(delivered) == len(set(delivered)) == NEW_USERS
    assert sorted(r for s in (dying, server) for r in s.handler.recipients()) == \
        new_users(state_url)


def test_a_refused_recipient_fails_alone_and_the_others_go(
        repo: Path, state_url: str, smtp: Callable[..., Server],
        monkeypatch: pytest.MonkeyPatch) -> None:
    refused = "georgemacfly@ramq.gouv.qc.ca"
    server = smtp(refuse={refused: "550 5.1.1 No such mailbox here"})
    use(monkeypatch, server)
    result = apply(4)
    assert f"{NEW_USERS - 1} emails delivered" in result.stdout
    assert ("1 email could not be delivered by "
            f"{server.where}: 550 5.1.1 No such mailbox here.") in result.stderr
    (failed,) = [m for m in listed()["messages"] if m["status"] == "failed"]
    assert (failed["to"], failed["attempts"], failed["last_error"]) == (
        refused, 1, "550 5.1.1 No such mailbox here")
    # Written out for sending by hand, it is no longer retried.
    outbox("export", "by-hand")
    assert [p.name for p in Path("by-hand").iterdir()] == [f"{failed['id']}.eml"]
    assert "could not" not in apply(0).output


def test_send_and_export_wait_for_the_apply_lock(repo: Path, state_url: str,
                                                 smtp: Callable[..., Server],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    apply(4)
    use(monkeypatch, smtp())
    store = open_store(parse_location(state_url), "2026-11-26T00:00:00Z", writing=True)
    try:
        with store.lock(5):  # an apply (or another sender) holds it
            for args in (("send",), ("export", "by-hand")):
                result = outbox(*args, "--lock-timeout", "0.3", code=1)
                assert "Another apply holds the state lock" in result.stderr
                assert "error[E110]" in result.stderr
    finally:
        store.close()
    assert listed()["counts"]["pending"] == NEW_USERS and not Path("by-hand").exists()


@sqlite_only  # the same SQL on both
def test_the_sqlite_state_file_of_an_older_version_is_brought_up_to_date_by_export(
        repo: Path, state_url: str) -> None:
    apply(4)
    with sqlite3.connect(".rvsq/state.db") as conn:  # as release 3 left it
        conn.execute("DROP INDEX outbox_waiting")
        conn.execute("ALTER TABLE outbox DROP COLUMN exported_to")
        conn.execute("ALTER TABLE outbox DROP COLUMN exported_at")
        conn.execute("ALTER TABLE audit_log DROP COLUMN mac")
        conn.execute("DELETE FROM schema_migrations WHERE version IN (4, 5, 6)")
        conn.execute("DROP TABLE portal_tasks")
        conn.execute("ALTER TABLE establishments DROP COLUMN mode")
    assert "error[E140]" in outbox("list", code=1).stderr  # read-only: changes nothing
    outbox("export", "by-hand")
    assert len(list(Path("by-hand").iterdir())) == NEW_USERS
    assert listed()["counts"]["exported"] == NEW_USERS


# --- 7. the README's quick start still runs from start to end ----------------------------
def test_the_quick_start_applies_writes_the_emails_and_plans_no_change(
        tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1]
    [line] = [line for line in quick_start.splitlines() if line.startswith("pip install . && ")]
    shutil.copytree(REPO / "access", tmp_path / "access")
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    env = {k: v for k, v in os.environ.items() if not k.startswith("RVSQ_")}
    env |= {"PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
            "RVSQ_LANG": "en", "RVSQ_CACHE_DIR": str(tmp_path / "cache"),
            "RVSQ_CACHE_KEY": "the quick start's key"}
    done = subprocess.run(["bash", "-c", line.removeprefix("pip install . && ")],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{NEW_USERS} emails wait" in done.stderr
    assert f"{NEW_USERS} emails written to .rvsq/outbox" in done.stdout
    assert done.stdout.rstrip().endswith("No changes. The state matches the access files.")
    assert len(list((tmp_path / ".rvsq" / "outbox").glob("*.eml"))) == NEW_USERS


# --- 8. Ctrl-C and SIGTERM while emails go out -------------------------------------------
RUNNER = Path(__file__).with_name("crash_runner.py")


def interrupted(state_url: str, point: str, nth: int, signal_name: str, *args: str,
                smtp_url: str | None = None) -> subprocess.CompletedProcess[str]:
    """The real CLI in its own process, sending itself SIG`signal_name` at the Nth
    `point` (crash_runner.py): a person's Ctrl-C, or CI cancelling the job."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RVSQ_")}
    env |= {"RVSQ_STATE": state_url, **({"RVSQ_SMTP_URL": smtp_url} if smtp_url else {})}
    done = subprocess.run([sys.executable, str(RUNNER), point, str(nth), "--signal",
                           signal_name, "--", "--lang", "en", "--no-color", *args],
                          env=env, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    assert "Aborted!" not in done.stdout + done.stderr
    return done


@pytest.mark.parametrize("signal_name", ["INT", "TERM"])
def test_apply_stopped_while_sending_says_so_and_leaves_the_rest_as_they_were(
        repo: Path, state_url: str, smtp: Callable[..., Server], signal_name: str) -> None:
    """Stopped just after the third email's text went, before the server's reply was read:
    no late reply passes for an error, no email not tried is marked failed."""
    server = smtp()
    done = interrupted(state_url, "mid-smtp", 3, signal_name, "apply", "--auto-approve",
                       smtp_url=server.url)
    assert done.returncode == 4, done.stderr
    assert "error[E152] apply interrupted after 18 of 18 actions" in done.stderr
    assert "Applied and recorded: 18 of 18 actions" in done.stderr
    # Two marked sent; the third reached the server, but no one read that it took it.
    assert (f"Waiting for delivery: {NEW_USERS - 2} emails and 0 files of sealed "
            "codes.") in done.stderr
    assert "To deliver the emails: 'rvsq-access outbox send'" in done.stderr
    # No SMTP reply (`250 OK`) is shown; a run id's time may hold the digits 250.
    assert "could not be delivered" not in done.stderr
    assert re.search(r"(?<![\w-])250[ -]", done.stderr) is None
    assert len(server.handler.received) == 3
    rows = outbox_rows(state_url)
    assert sorted(row[1:] for row in rows) == [(0, None, False, False)] * (NEW_USERS - 2) + [
        (1, None, True, False)] * 2  # the rest pending, never tried: not "failed"


@pytest.mark.parametrize("signal_name", ["INT", "TERM"])
def test_outbox_send_stopped_says_how_many_went_how_many_wait_and_what_finishes(
        repo: Path, state_url: str, smtp: Callable[..., Server],
        monkeypatch: pytest.MonkeyPatch, signal_name: str) -> None:
    apply(4)
    server = smtp(refuse={"georgemacfly@ramq.gouv.qc.ca": "550 5.1.1 No such mailbox"})
    done = interrupted(state_url, "mid-smtp", 3, signal_name, "outbox", "send",
                       smtp_url=server.url)
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith(
        f"error[E165] outbox send interrupted: 2 emails sent by {server.where}\n"), \
        done.stderr
    assert done.stderr.endswith(
        f"Still waiting: {NEW_USERS - 2} emails. To finish: run 'rvsq-access outbox send' "
        "again.\n")
    # The refused one failed before the stop, with its reason; the rest are as they were.
    waiting = [row for row in outbox_rows(state_url) if not row[3]]
    assert sorted(row[1:3] for row in waiting) == [(0, None)] * (NEW_USERS - 3) + [
        (1, "550 5.1.1 No such mailbox")]
    # The same command finishes: only the third goes twice (the server took it unseen).
    use(monkeypatch, server)
    server.handler.refuse.clear()
    assert outbox("send").stdout == f"{NEW_USERS - 2} emails sent by {server.where}.\n"
    assert listed()["counts"]["sent"] == NEW_USERS
    assert len(server.handler.received) == NEW_USERS + 1


def test_outbox_send_stopped_between_two_emails_counts_the_one_just_marked(
        repo: Path, state_url: str, smtp: Callable[..., Server]) -> None:
    apply(4)
    server = smtp()
    # Stopped just after the third is marked sent: two still wait (of five).
    done = interrupted(state_url, "after-sent", 3, "INT", "outbox", "send",
                       smtp_url=server.url)
    assert done.returncode == 1, done.stderr
    assert "outbox send interrupted: 3 emails sent" in done.stderr
    assert f"Still waiting: {NEW_USERS - 3} emails." in done.stderr
    assert listed()["counts"] == {"pending": NEW_USERS - 3, "failed": 0, "sent": 3,
                                  "exported": 0}


@pytest.mark.parametrize("signal_name", ["INT", "TERM"])
def test_outbox_export_stopped_marks_the_whole_files_and_says_what_waits(
        repo: Path, state_url: str, signal_name: str) -> None:
    apply(4)
    done = interrupted(state_url, "after-email", 3, signal_name, "outbox", "export",
                       "by hand")
    assert done.returncode == 1, done.stderr
    assert done.stderr == (
        f"error[E166] outbox export interrupted: 3 of {NEW_USERS} emails written to "
        "'by hand'\n"
        "    hint: every file in the folder is whole: none is cut short.\n"
        "The 3 emails written are marked as exported: send them by hand; they will not be "
        "sent again.\n"
        f"Still waiting: {NEW_USERS - 3} emails. To finish: run 'rvsq-access outbox export "
        "'by hand'' again.\n")  # the folder as the shell takes it
    files = sorted(p.stem for p in Path("by hand").iterdir())
    assert len(files) == 3 and all(not name.startswith(".") for name in files)
    assert sorted(m["id"] for m in listed("--all")["messages"]
                  if m["status"] == "exported") == files
    assert outbox("export", "by hand").stdout.startswith(f"{NEW_USERS - 3} emails written")
    assert len(list(Path("by hand").iterdir())) == NEW_USERS


# A SQLite trigger stands for a state that refuses the write: one backend is enough.
@sqlite_only
def test_outbox_export_stopped_when_the_state_cannot_mark_says_the_files_wait(
        repo: Path, state_url: str) -> None:
    apply(4)
    with sqlite3.connect(".rvsq/state.db") as conn:
        conn.execute("CREATE TRIGGER full_disk BEFORE UPDATE OF exported_at ON outbox "
                     "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
    done = interrupted(state_url, "after-email", 2, "INT", "outbox", "export", "by-hand")
    assert done.returncode == 1, done.stderr
    assert (f"outbox export interrupted: 2 of {NEW_USERS} emails written to 'by-hand'"
            in done.stderr)
    assert ("The 2 emails written could not be marked as exported (database or disk is "
            "full): they still count as waiting, and 'rvsq-access outbox export by-hand' "
            "writes them again under the same names (no duplicate file).") in done.stderr
    assert f"Still waiting: {NEW_USERS} emails." in done.stderr
    assert listed()["counts"]["pending"] == NEW_USERS


# --- 9. a login inside RVSQ_SMTP_URL is refused, never used nor shown -------------------
def test_a_login_inside_the_smtp_url_is_refused_and_its_password_never_shown(
        repo: Path, state_url: str, smtp: Callable[..., Server],
        monkeypatch: pytest.MonkeyPatch) -> None:
    server = smtp()
    monkeypatch.setenv("RVSQ_SMTP_URL", f"smtp://rvsq:S3cret-pw@{server.where}")
    expected = (f"error[E164] RVSQ_SMTP_URL holds a login (user name or password) for "
                f"'smtp://{server.where}': this tool takes the login only from "
                "RVSQ_SMTP_USER and RVSQ_SMTP_PASSWORD\n"
                "    hint: remove the login from RVSQ_SMTP_URL")
    planned = ok(cli("plan", "--detailed-exitcode"), 1)
    assert expected.split("\n")[0] in planned.stdout
    refused = ok(cli("apply", "--auto-approve"), 1)
    assert expected in refused.stderr and "Nothing was changed." in refused.stderr
    assert outbox_rows(state_url) == []  # refused before any change
    monkeypatch.delenv("RVSQ_SMTP_URL")
    apply(4)
    monkeypatch.setenv("RVSQ_SMTP_URL", f"smtp://rvsq:S3cret-pw@{server.where}")
    assert expected in outbox("send", code=1).stderr
    french = outbox("send", code=1, lang="fr").stderr
    assert (f"erreur[E164] RVSQ_SMTP_URL contient un identifiant (nom d'utilisateur ou mot "
            f"de passe) pour «\u00a0smtp://{server.where}\u00a0»") in french
    for result in (planned, refused, french):
        text = result if isinstance(result, str) else result.output
        assert "S3cret" not in text and "rvsq:" not in text
    assert server.handler.received == []


# --- 10. several reasons: each told with how many it failed -------------------------------
def test_the_summary_counts_the_emails_failed_for_each_reason(
        repo: Path, state_url: str, smtp: Callable[..., Server],
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Seven emails are needed (six refused, one sent): the emergency department's two
    # people get theirs here, as in register mode.
    emergency_in_register_mode()
    apply(4)
    # Five reasons for six emails: the three most frequent are named, the others counted.
    server = smtp(refuse={"georgemacfly@ramq.gouv.qc.ca": "452 4.2.2 Mailbox full",
                          "lorrainebainesmacfly@ramq.gouv.qc.ca": "550 5.7.1 Refused",
                          "martinmacfly@ramq.gouv.qc.ca": "451 4.3.0 Try again later",
                          "julie.bouchard@ciusss-capitalenationale.gouv.qc.ca": "554 Spam",
                          "marc-andre.cote@chudequebec.ca": "554 Spam",
                          "sophie.gagnon@chudequebec.ca": "550 5.1.1 No such mailbox"})
    use(monkeypatch, server)
    sent = outbox("send", code=4)
    assert sent.stdout == f"1 email sent by {server.where}.\n"
    assert sent.stderr.startswith(
        f"6 emails could not be sent by {server.where}: 554 Spam (2 emails); 452 4.2.2 "
        "Mailbox full (1 email); 550 5.7.1 Refused (1 email); and 2 emails for 2 "
        "other reasons. They wait: run 'rvsq-access outbox send' again"), sent.stderr
    french = outbox("send", code=4, lang="fr")
    assert ("554 Spam (2 courriels)\u00a0; 452 4.2.2 Mailbox full (1 courriel)\u00a0; 550 5.7.1 "
            "Refused (1 courriel)\u00a0; et 2 courriels pour 2 autres raisons. Ils "
            "attendent") in french.stderr
    # apply delivers what waits, and tells its failures the same way.
    server.handler.refuse.clear()
    server.handler.refuse.update({"georgemacfly@ramq.gouv.qc.ca": "451 4.3.0 Try later",
                                  "martinmacfly@ramq.gouv.qc.ca": "451 4.3.0 Try later",
                                  "sophie.gagnon@chudequebec.ca": "550 5.1.1 No mailbox"})
    result = apply(4)
    assert "3 emails delivered" in result.stdout
    assert (f"3 emails could not be delivered by {server.where}: 451 4.3.0 Try later "
            "(2 emails); 550 5.1.1 No mailbox (1 email). They wait") in result.stderr
