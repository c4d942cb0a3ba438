"""The audit chain anchored outside the database: every apply ends with the audit head;
`audit verify --head/--heads` finds any entry up to a published head deleted or rewritten,
even when the rest of the chain is made consistent again (on SQLite and PostgreSQL); the
optional MAC (RVSQ_AUDIT_KEY) finds entries written without the key; the key is never shown
or stored."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import cli, ok, sqlite_only, typeset

from reconciler.store import audit_chain as audit
from reconciler.store import open_store, parse_location, sql

NOW = "2026-11-26T00:00:00Z"
KEY = "the-ci-secret-" + "k3y" * 10  # 44 characters
ZEROS = "sha256:" + "0" * 64


# --- the pure core -----------------------------------------------------------------------
def _chain(count: int, key: str | None = None) -> list[audit.AuditEntry]:
    entries, prev = [], audit.GENESIS
    for seq in range(1, count + 1):
        digest = audit.entry_hash(prev, seq, f"2026-12-0{seq}T00:00:00Z", "ci", None, "run",
                                  "grant_services", "est", f"u{seq}", {"services": ["rvsq"]})
        entries.append(audit.AuditEntry(
            seq, f"2026-12-0{seq}T00:00:00Z", "ci", None, "run", "grant_services", "est",
            f"u{seq}", {"services": ["rvsq"]}, prev, digest, None,
            None if key is None else audit.mac_of(key, digest)))
        prev = digest
    return entries


@pytest.mark.parametrize(("text", "head"), [
    (f"42:{ZEROS}", audit.Head(42, ZEROS)),
    (f"  0:{ZEROS}\n", audit.Head(0, ZEROS)),
    (f"042:{ZEROS}", None), (f"42 {ZEROS}", None), (f"42:{ZEROS[:-1]}", None),
    (f"42:{ZEROS.upper()}", None), ("", None), (f"-1:{ZEROS}", None),
])
def test_a_head_is_read_as_apply_prints_it(text: str, head: audit.Head | None) -> None:
    assert audit.parse_head(text) == head
    if head is not None:
        assert audit.parse_head(str(head)) == head


def test_heads_the_chain_no_longer_holds_are_found() -> None:
    entries = _chain(4)
    held = [audit.Head(e.seq, e.hash) for e in entries] + [audit.Head(0, audit.GENESIS)]
    assert audit.lost_heads(entries, held) == []
    gone, rewritten = audit.Head(5, ZEROS), audit.Head(2, ZEROS)
    assert audit.lost_heads(entries, [gone, held[0], rewritten]) == [
        audit.HeadLost(gone, None, 4), audit.HeadLost(rewritten, entries[1].hash, 4)]


def test_macs_from_the_first_authenticated_entry_on() -> None:
    old, new = _chain(2), _chain(5, KEY)[2:]
    assert audit.check_macs(old + new, KEY) == audit.MacCheck(3, 2, 3, None)
    assert audit.check_macs(old + new, None) == audit.MacCheck(3, 0, 0, None)
    stripped = [*old, new[0], new[1]._replace(mac=None), new[2]]
    assert audit.check_macs(stripped, KEY).broken == audit.Break(4, "audit.mac.missing")
    forged = [*old, new[0]._replace(mac=audit.mac_of("another key" * 3, new[0].hash))]
    assert audit.check_macs(forged, KEY).broken == audit.Break(3, "audit.mac.wrong")


# --- the head at the end of apply, and `audit head` ---------------------------------------
def head_now() -> str:
    return ok(cli("audit", "head")).stdout.strip()


@sqlite_only
def test_every_apply_ends_with_the_audit_head_in_the_readers_language(repo: Path) -> None:
    applied = ok(cli("apply", "--auto-approve"), 4)
    head = head_now()
    assert head.startswith("19:sha256:") and audit.parse_head(head) is not None
    lines = applied.stdout.splitlines()
    assert lines[-2:] == [
        f"Audit head: {head}",
        "  Publish it where those who can write the database cannot rewrite it (the pull "
        f"request, the job log): 'rvsq-access audit verify --head {head}' then finds any "
        "entry up to it rewritten or deleted."]
    again = ok(cli("--lang", "fr", "apply", "--auto-approve"), 4)  # no changes: said too
    assert typeset(f"Tête du journal d'audit : {head}") in again.stdout.splitlines()[-2]
    assert ok(cli("audit", "head")).stdout == f"{head}\n"
    data = json.loads(ok(cli("audit", "head", "--format", "json")).stdout)
    state = json.loads(ok(cli("state", "check", "--format", "json")).stdout)["state"]
    assert data == {"seq": 19, "hash": head.partition(":")[2],
                    "state": {"id": state["id"], "location": state["location"]}}


@sqlite_only
def test_an_apply_stopped_after_some_actions_still_tells_the_head(repo: Path) -> None:
    # The fifth account's transaction fails, as on a full disk: four actions committed.
    with sqlite3.connect(repo / ".rvsq" / "state.db") as db:
        db.execute("CREATE TRIGGER full_disk BEFORE UPDATE OF code_hash ON accounts WHEN "
                   "NEW.username = 'julie.bouchard@ciusss-capitalenationale.gouv.qc.ca' "
                   "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
    stopped = ok(cli("apply", "--auto-approve"), 1)
    head = head_now()
    assert "error[E117] apply stopped at action" in stopped.stderr
    assert not head.startswith(("1:", "19:"))
    assert stopped.stderr.splitlines()[-2] == f"Audit head: {head}"
    # Failed deliveries (a mail server that is down) end with the head too.
    with sqlite3.connect(repo / ".rvsq" / "state.db") as db:
        db.execute("DROP TRIGGER full_disk")
    waiting = ok(cli("apply", "--auto-approve", env={"RVSQ_SMTP_URL": "smtp://127.0.0.1:9"}), 4)
    assert waiting.stdout.splitlines()[-2] == f"Audit head: {head_now()}"


def test_read_only_commands_never_create_a_state(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RVSQ_STATE", raising=False)
    for command in (["audit", "head"], ["audit", "verify", "--head", f"1:{ZEROS}"]):
        result = cli(*command)
        assert result.exit_code == 1 and "E1" in result.stderr, result.output
    assert not (tmp_path / ".rvsq").exists()


def test_a_new_state_has_the_genesis_head(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RVSQ_STATE", raising=False)
    ok(cli("state", "init"))
    assert head_now() == f"0:{audit.GENESIS}"
    verified = ok(cli("audit", "verify", "--head", f"0:{audit.GENESIS}"))
    assert f"Published head 0:{audit.GENESIS} holds" in verified.stdout


# --- the attack: rewrite the chain behind the tool, consistently -------------------------
Rewrite = Callable[[list[audit.AuditEntry]], list[audit.AuditEntry]]


def rewrite_chain(state_url: str, change: Rewrite, key: str | None = None) -> None:
    """What a database writer without the published head can do: change the entries, then
    renumber, re-link and re-hash every one, and fix meta's audit_head and serial, so that
    the chain verifies again. The MACs stay as they were unless `key` signs them anew."""
    store = open_store(parse_location(state_url), NOW, writing=True)
    try:
        entries = change(store.audit_entries())
        with store.transaction():
            store._execute("DELETE FROM audit_log", ())
            prev = audit.GENESIS
            for seq, e in enumerate(entries, start=1):
                digest = audit.entry_hash(prev, seq, e.at, e.actor, e.git_commit, e.run_id,
                                          e.action, e.establishment, e.username, e.fields,
                                          e.change_ref)
                mac = e.mac if key is None else audit.mac_of(key, digest)
                store._execute(sql.INSERT_AUDIT, (
                    seq, e.at, e.actor, e.git_commit, e.run_id, e.action, e.establishment,
                    e.username, json.dumps(e.fields, sort_keys=True), prev, digest,
                    e.change_ref, mac))
                prev = digest
            store._execute("UPDATE meta SET value = ? WHERE key = 'audit_head'",
                           (f"{len(entries)} {prev}",))
            store._execute("UPDATE meta SET value = ? WHERE key = 'serial'",
                           (str(len(entries)),))
    finally:
        store.close()


def _delete(seq: int) -> Rewrite:
    return lambda entries: [e for e in entries if e.seq != seq]


def _reword(seq: int) -> Rewrite:
    return lambda entries: [e._replace(username="someone-else") if e.seq == seq else e
                            for e in entries]


def _delete_tail(count: int) -> Rewrite:
    return lambda entries: entries[:-count]


@pytest.fixture
def published(applied: Path) -> Iterator[str]:
    """The example applied, and the head its apply printed (published, say, in a pull
    request), with one more apply after it (a new account)."""
    head = head_now()
    from helpers import add_cascades

    add_cascades()
    ok(cli("apply", "--auto-approve"), 4)
    yield head


@pytest.mark.parametrize(("change", "code"), [
    (_delete(3), "E203"), (_reword(19), "E203"), (_reword(1), "E203"),
    (_delete_tail(3), "E202"),
], ids=["entry-3-deleted", "head-entry-rewritten", "first-entry-rewritten", "tail-cut"])
def test_a_chain_made_consistent_again_still_fails_the_published_head(
        published: str, state_url: str, change: Rewrite, code: str) -> None:
    rewrite_chain(state_url, change)
    # The attack is consistent: the chain alone passes.
    assert "the chain is intact" in ok(cli("audit", "verify")).stdout
    failed = ok(cli("audit", "verify", "--head", published), 1)
    seq = published.split(":")[0]
    assert failed.stdout == ""
    if code == "E202":
        assert failed.stderr.startswith(
            f"error[E202] published head {published} is gone: the audit log has no entry "
            f"{seq}, it ends at entry 18\n    hint: entries up to the published head were "
            "deleted after it was published")
    else:
        found = json.loads(ok(cli("audit", "log", "--format", "json")).stdout)[18]["hash"]
        assert failed.stderr.startswith(
            f"error[E203] published head {published} does not hold: entry {seq} now has the "
            f"hash {found}\n    hint: an entry at or before entry {seq} was rewritten")
    french = ok(cli("--lang", "fr", "audit", "verify", "--head", published), 1).stderr
    assert french.startswith(typeset(f"erreur[{code}] la tête publiée {published} "))
    assert "falsifié" in french


@sqlite_only
def test_entries_after_the_last_published_head_are_counted_not_vouched_for(
        published: str) -> None:
    verified = ok(cli("audit", "verify", "--head", published))
    assert verified.stdout.splitlines()[1:] == [
        f"Published head {published} holds: entry 19 is in the chain with this hash, so no "
        "entry up to it was rewritten or deleted.",
        "2 entries come after the last published head: only a head published later vouches "
        "for them."]


@sqlite_only
def test_every_lost_head_is_named_and_the_earliest_is_the_error(published: str) -> None:
    later = head_now()
    rewrite_chain("sqlite:///.rvsq/state.db", _reword(2))
    failed = ok(cli("audit", "verify", "--head", later, "--head", published), 1)
    errors = [line for line in failed.stderr.splitlines() if line.startswith("error[")]
    assert [line[:11] for line in errors] == ["error[E203]", "error[E203]"]
    assert f"published head {later} " in errors[0] and f"published head {published} " in (
        errors[1])


# --- --heads FILE --------------------------------------------------------------------------
@sqlite_only
def test_a_file_of_heads_with_comments_and_blank_lines(published: str,
                                                       tmp_path: Path) -> None:
    heads = tmp_path / "heads.txt"
    heads.write_text(f"# published by CI\n\n{published}\n  # the next one\n{head_now()}\n",
                     encoding="utf-8")
    verified = ok(cli("audit", "verify", "--heads", str(heads)))
    assert verified.stdout.count("holds: entry") == 2
    rewrite_chain("sqlite:///.rvsq/state.db", _delete(1))
    assert "error[E203]" in ok(cli("audit", "verify", "--heads", str(heads)), 1).stderr


@sqlite_only
@pytest.mark.parametrize(("text", "expected"), [
    ("# a comment\n19:sha256:abc\n", "error[E201] {path}:2: '19:sha256:abc' is not an audit "
                                     "head\n    hint: write one head per line as apply prints "
                                     "it, SEQ:HASH"),
    ("# nothing but comments\n\n", "error[E206] '{path}' holds no audit head"),
    ("\udcff", "error[E207] '{path}' is not UTF-8 text"),
])
def test_a_malformed_heads_file_says_where_and_what_to_write(
        applied: Path, tmp_path: Path, text: str, expected: str) -> None:
    heads = tmp_path / "heads.txt"
    heads.write_bytes(text.encode("utf-8", errors="surrogateescape"))
    failed = ok(cli("audit", "verify", "--heads", str(heads)), 1)
    assert failed.stderr.startswith(expected.format(path=heads.as_posix())), failed.stderr


@sqlite_only
def test_a_heads_file_is_read_bounded(applied: Path) -> None:
    failed = ok(cli("audit", "verify", "--heads", "/dev/zero"), 1)
    assert "error[E174]" in failed.stderr
    assert "error[E200]" in ok(cli("audit", "verify", "--head", "19"), 1).stderr


# --- the MAC ---------------------------------------------------------------------------------
@pytest.fixture
def keyed(repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example applied by a CI that holds the key."""
    monkeypatch.setenv("RVSQ_AUDIT_KEY", KEY)
    ok(cli("apply", "--auto-approve"), 4)
    return repo


def test_entries_carry_their_mac_and_verify_with_the_key(
        keyed: Path, state_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    log = json.loads(ok(cli("audit", "log", "--format", "json")).stdout)
    # The directory import came before the key: only apply's entries are authenticated.
    assert log[0]["mac"] is None
    assert all(e["mac"] == audit.mac_of(KEY, e["hash"]) for e in log[1:])
    verified = ok(cli("audit", "verify")).stdout
    assert verified.splitlines()[1:] == ["18 entries are authenticated by RVSQ_AUDIT_KEY.",
                                         "1 entry was written before the key (no MAC)."]
    monkeypatch.delenv("RVSQ_AUDIT_KEY")
    unchecked = ok(cli("--lang", "fr", "audit", "verify")).stdout
    assert typeset("18 entrées portent un MAC, non vérifié : définissez RVSQ_AUDIT_KEY pour "
                   "les vérifier.") in unchecked


@pytest.mark.parametrize("macs", ["kept", "stripped"])
def test_a_writer_without_the_key_cannot_forge_a_consistent_chain(
        keyed: Path, state_url: str, macs: str) -> None:
    if macs == "kept":  # the old MACs no longer match the new hashes
        rewrite_chain(state_url, _reword(5))
        expected = ("error[E205] the audit log's MAC fails at entry 5: its MAC is not the one "
                    "the key gives")
    else:  # MACs removed from entry 10 on: the entries before were authenticated
        rewrite_chain(state_url, lambda entries: [
            e._replace(mac=None) if e.seq >= 10 else e for e in _reword(12)(entries)])
        expected = ("error[E205] the audit log's MAC fails at entry 10: it has no MAC, though "
                    "an entry before it was authenticated by the key")
    failed = ok(cli("audit", "verify"), 1)
    assert failed.stderr.startswith(expected), failed.stderr
    checked = ok(cli("state", "check"), 1)
    assert "error[E205]" in checked.stderr
    data = json.loads(cli("state", "check", "--format", "json").stdout)
    assert any(f["code"] == "E205" for f in data["findings"])


def test_a_writer_with_the_key_is_caught_only_by_a_published_head(
        keyed: Path, state_url: str) -> None:
    head = head_now()
    rewrite_chain(state_url, _delete(7), key=KEY)  # the chain is one entry shorter
    ok(cli("audit", "verify"))
    assert "error[E202]" in ok(cli("audit", "verify", "--head", head), 1).stderr


@sqlite_only
def test_a_short_key_is_refused_before_any_change(repo: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RVSQ_AUDIT_KEY", "s3cret-but-short")
    for command in (["apply", "--auto-approve"], ["audit", "verify"], ["state", "check"]):
        failed = ok(cli(*command), 1)
        assert failed.stderr.startswith(
            "error[E204] RVSQ_AUDIT_KEY is too short: an audit key has at least 32 "
            "characters"), failed.stderr
        assert "s3cret" not in failed.output
    monkeypatch.delenv("RVSQ_AUDIT_KEY")
    assert head_now().startswith("1:")  # the directory import only: nothing applied


def _tables(state_url: str) -> str:
    """Every row of every table of the state, as text."""
    store = open_store(parse_location(state_url), NOW)
    try:
        listing = ("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                   "'public'" if state_url.startswith("postgresql") else
                   "SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = [row[0] for row in store._execute(listing, ()).fetchall()]
        return "\n".join(repr(store._execute(f"SELECT * FROM {table}", ()).fetchall())
                         for table in tables)
    finally:
        store.close()


def test_the_key_appears_in_no_artefact(repo: Path, state_url: str,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RVSQ_AUDIT_KEY", KEY)
    said = [cli("apply", "--auto-approve").output]
    rewrite_chain(state_url, _reword(4))
    for command in (["audit", "verify"], ["state", "check"], ["state", "check", "--format",
                                                              "json"],
                    ["audit", "log", "--format", "json"], ["audit", "log", "--format", "csv"],
                    ["audit", "head", "--format", "json"], ["report", "--format", "json"],
                    ["outbox", "export", "mails"], ["apply", "--auto-approve"]):
        said.append(cli(*command).output)
    monkeypatch.setenv("RVSQ_AUDIT_KEY", KEY[:-13])  # too short: refused, never shown
    said.append(cli("audit", "verify").output)
    assert any("E205" in text for text in said) and "E204" in said[-1]
    secret = KEY[:19]  # any long part of it
    written = [path for path in repo.rglob("*") if path.is_file()]
    # 5 creation emails and 2 sealed files: the register-mode sites' (the emergency
    # department's changes are portal tasks, with neither).
    assert len([path for path in written if path.suffix in (".age", ".eml")]) >= 7
    assert not [path for path in written if secret.encode() in path.read_bytes()]
    assert not [text for text in said if secret in text]
    tables = _tables(state_url)
    assert "hmac-sha256:" in tables and secret not in tables


def test_once_entries_are_authenticated_no_entry_is_written_without_the_key(
        keyed: Path, state_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from helpers import REPO, add_cascades

    head = head_now()
    add_cascades()
    monkeypatch.delenv("RVSQ_AUDIT_KEY")  # a CI secret lost, or a workstation without it
    refused = ok(cli("apply", "--auto-approve"), 1)
    assert refused.stderr.startswith(
        "error[E208] RVSQ_AUDIT_KEY is not set, but the audit log's entries are "
        "authenticated with it\n    hint: nothing was changed"), refused.stderr
    imported = ok(cli("state", "import-directory",
                      str(REPO / "examples" / "ramq-directory.csv")), 1)
    assert "error[E208]" in imported.stderr
    monkeypatch.setenv("RVSQ_AUDIT_KEY", "another-key-" + "x" * 30)
    assert "error[E209] RVSQ_AUDIT_KEY is not the key" in ok(cli("apply", "--auto-approve"),
                                                               1).stderr
    assert head_now() == head  # nothing written
    monkeypatch.setenv("RVSQ_AUDIT_KEY", KEY)
    ok(cli("apply", "--auto-approve"), 4)
    assert "20 entries are authenticated" in ok(cli("audit", "verify")).stdout


def test_a_mac_forged_with_any_characters_is_a_wrong_mac() -> None:
    [entry] = _chain(1, KEY)
    forged = entry._replace(mac="hmac-sha256:é\u202e")
    assert audit.check_macs([forged], KEY).broken == audit.Break(1, "audit.mac.wrong")
    assert audit.key_refusal(entry.hash, forged.mac, KEY) == "E209"
    assert audit.key_refusal(entry.hash, entry.mac, KEY) is None
    assert audit.key_refusal(entry.hash, entry.mac, None) == "E208"
    assert audit.key_refusal(entry.hash, None, None) is None
