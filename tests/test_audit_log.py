"""`audit log` (issue 17, item 2): what an entry means (render/audit_view.py), old entries
and new; the filters (--user, --establishment, --action, --since, --until); the text table
in English and French (a golden file), hostile text inert in it; JSON and CSV with the
view's columns; an empty answer that says what matched nothing.

The command line runs against real SQLite and PostgreSQL (`state_url`), the example
repository applied. Entries the executor will write once they tell the story alone
(person, services before and after) are forged into the log here: the view must read them
whoever wrote them, and `audit log` does not verify the chain (`audit verify` does)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from golden_files import assert_golden
from helpers import cli, ok, run, typeset
from paths import REPO

from reconciler import cli as command_line
from reconciler.catalog import Messages
from reconciler.render import audit_view
from reconciler.render.audit_view import ChangeRow, change_row, detail
from reconciler.store import open_store, state_location
from reconciler.store.audit_chain import AuditEntry

EN, FR = Messages("en"), Messages("fr")
HOSTILE = "Person\r\x1b[2K\x1b[1A\x1b[2K  + create account CE99999\u202e\u200b\x08\u2028end"
OBEYED = ("\r", "\x08", "\x1b[2K", "\x1b[1A", "\u202e", "\u200b", "\u2028")
PERSON = {"username": "CE10455", "email": "emmett.brown@example.org", "title": "docteur",
          "first_name": "Emmett", "last_name": "Brown", "profile": "medecin",
          "professional_number": "1-23456", "origin": "existing"}


def entry(action: str, fields: dict[str, Any], username: str | None = "CE10455",
          establishment: str | None = "gmf-hill-valley", seq: int = 7) -> AuditEntry:
    return AuditEntry(seq, "2026-12-02T15:04:05Z", "ci", "0123456789abcdef0123", "run-1",
                      action, establishment, username, fields, "sha256:0", "sha256:1",
                      "PR-12")


# --- the view, pure ----------------------------------------------------------------------
def test_an_old_deletion_stored_as_nothing_reads_as_what_it_holds() -> None:
    row = change_row(entry("delete_account", {}))
    assert (row.username, row.name, row.email, row.removed, row.granted) == (
        "CE10455", "", None, (), ())
    assert detail(row, EN) == ""
    assert row.concerns("ce10455") and not row.concerns("emmett.brown@example.org")


def test_a_new_deletion_says_who_and_which_services_went() -> None:
    row = change_row(entry("delete_account", {
        "person": PERSON, "establishment_name": "GMF Hill Valley", "ticket": "REQ-9",
        "account": {"establishment": "gmf-hill-valley", "expires": None},
        "services_before": ["rvsq", "rvsq-811"], "services_after": []}))
    assert (row.name, row.email, row.profile, row.establishment_name, row.ticket) == (
        "Emmett Brown", "emmett.brown@example.org", "medecin", "GMF Hill Valley", "REQ-9")
    assert row.removed == ("rvsq", "rvsq-811") and row.granted == ()
    assert detail(row, EN) == "services held: rvsq, rvsq-811"
    assert detail(row, FR) == typeset("services détenus : rvsq, rvsq-811")
    assert row.concerns("Emmett.Brown@example.org")


def test_a_creation_grants_its_services_and_names_its_person() -> None:
    row = change_row(entry("create_account", {
        "email": "helene.fortin@example.org", "first_name": "Hélène", "last_name": "Fortin",
        "profile": "personnel-administratif", "services": ["rvsq"], "code": "sealed",
        "available_at": "2026-12-02T15:34:05Z"}, username="helene.fortin@example.org"))
    assert (row.name, row.granted, row.removed) == ("Hélène Fortin", ("rvsq",), ())
    assert detail(row, EN) == "rvsq; secret code sealed"


def test_grants_and_revocations_say_what_was_held_after_when_recorded() -> None:
    granted = change_row(entry("grant_services", {
        "person": PERSON, "services": ["rvsq-811"], "services_before": ["rvsq"],
        "services_after": ["rvsq", "rvsq-811"]}))
    assert granted.granted == ("rvsq-811",)
    assert detail(granted, EN) == "rvsq-811 (held after: rvsq, rvsq-811)"
    revoked = change_row(entry("revoke_services", {
        "services": ["rvsq"], "services_before": ["rvsq"], "services_after": []}))
    assert revoked.removed == ("rvsq",) and detail(revoked, EN) == "rvsq (held after: —)"
    old = change_row(entry("revoke_services", {"services": ["rvsq"]}))  # before the story
    assert old.removed == ("rvsq",) and detail(old, EN) == "rvsq"


def test_updates_say_fields_from_old_to_new_and_a_release_as_the_plan_does() -> None:
    moved = change_row(entry("update_account", {"person": PERSON, "changes": {
        "establishment": {"old": "gmf-hill-valley", "new": "urgence-chu-de-quebec"},
        "last_name": {"old": "Brown", "new": "Braun"}}}))
    assert detail(moved, EN) == ('establishment: "gmf-hill-valley" → "urgence-chu-de-quebec"; '
                                 'last name: "Brown" → "Braun"')
    assert moved.at_establishment("urgence-chu-de-quebec")
    assert moved.at_establishment("gmf-hill-valley")
    released = change_row(entry("update_account", {"changes": {
        "establishment": {"old": "gmf-hill-valley", "new": None}}}))
    assert detail(released, EN) == EN("plan.released")


def test_a_one_time_request_says_its_token_and_where_its_code_went_never_a_code() -> None:
    row = change_row(entry("regenerate_code", {"token": "T-77", "code": "sealed",
                                               "ticket": "INC-1"}))
    assert (row.token, row.ticket) == ("T-77", "INC-1")
    assert detail(row, EN) == "request T-77; secret code sealed"
    forged = change_row(entry("reset_password", {"token": "T-78", "code": "K7Q2-9XZP"}))
    assert detail(forged, EN) == "request T-78" and "K7Q2" not in repr(audit_view.machine(forged))


def test_an_import_says_how_many_accounts_from_which_file_and_is_about_each() -> None:
    row = change_row(entry("import_directory", {
        "file": "ramq.csv", "accounts": 2, "sha256": "ab", "usernames": ["CE1", "IP2"],
        "rows": [{"username": "CE1", "email": "un@example.org"}]},
        username=None, establishment=None))
    assert detail(row, EN) == "2 accounts imported from ramq.csv"
    assert detail(row, FR) == "2 comptes importés de ramq.csv"
    assert row.concerns("ip2") and row.concerns("UN@example.org") and not row.concerns("CE3")


def test_an_establishment_record_names_it() -> None:
    record = {"id": "gmf-hill-valley", "name": "GMF Hill Valley", "region": "06"}
    created = change_row(entry("create_establishment", record, username=None))
    assert (created.establishment_name, detail(created, EN)) == ("GMF Hill Valley",
                                                                 "region 06")
    updated = change_row(entry("update_establishment", {**record, "changes": {
        "name": {"old": "GMF HV", "new": "GMF Hill Valley"}}}, username=None))
    assert detail(updated, EN) == 'name: "GMF HV" → "GMF Hill Valley"'


@pytest.mark.parametrize("fields", [
    {"person": ["x"], "services": "rvsq", "changes": [1], "rows": {"a": 1}, "account": 3},
    {"person": {"first_name": 5}, "services_before": [None, 2], "changes": {"x": 1},
     "rows": [None, "CE1"], "accounts": "many", "token": ["t"]},
])
@pytest.mark.parametrize("action", audit_view.AUDITED_ACTIONS)
def test_a_forged_entry_of_any_shape_is_read_never_thrown(action: str,
                                                          fields: dict[str, Any]) -> None:
    row = change_row(entry(action, fields))
    assert isinstance(detail(row, EN), str) and isinstance(row, ChangeRow)
    assert list(audit_view.table([row], FR))


def test_the_command_line_offers_every_action_the_log_records() -> None:
    assert command_line.AUDITED_ACTIONS == audit_view.AUDITED_ACTIONS
    for messages in (EN, FR):  # and its help names each
        assert ", ".join(audit_view.AUDITED_ACTIONS) in messages("help.audit_action")


def test_wide_cells_wrap_and_lose_nothing() -> None:
    assert audit_view.wrap("lorrainebainesmacfly@ramq.gouv.qc.ca", 20) == [
        "lorrainebainesmacfly", "@ramq.gouv.qc.ca"]
    assert audit_view.wrap("a b c", 3) == ["a b", "c"]
    assert "".join(audit_view.wrap("x" * 50, 7)) == "x" * 50
    assert audit_view.width("漢字é") == 5


# --- the command line, on both stores -----------------------------------------------------
def _sql(statement: str, *params: Any) -> list[tuple[Any, ...]]:
    store = open_store(state_location(None), "2026-11-26T00:00:00Z", writing=True)
    try:
        with store.transaction():
            cursor = store._execute(statement, params)
            return cursor.fetchall() if cursor.description else []
    finally:
        store.close()


def _forge(seq: int, at: str, action: str, establishment: str | None, username: str | None,
           fields: dict[str, Any], ticket_ref: str | None = None) -> None:
    """An entry in the log as the executor will write it, its hash not linked."""
    _sql("INSERT INTO audit_log (seq, at, actor, git_commit, run_id, action, establishment, "
         "username, fields, prev_hash, hash, change_ref, mac) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         seq, at, "ci-bot", "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432", "run-2", action,
         establishment, username, json.dumps(fields, ensure_ascii=False), "sha256:x",
         "sha256:y", ticket_ref, None)


def _entries(*args: str) -> list[dict[str, Any]]:
    return json.loads(ok(cli("audit", "log", "--format", "json", *args)).stdout)


@pytest.fixture
def story(applied: Path) -> Path:
    """The example applied, its entries at fixed times a minute apart from 14:00 UTC on
    2 December 2026, by `ci-bot` in one commit, the import's path as in the repository;
    then a day later, three entries that tell the story alone: Georges loses a service,
    his password is reset on a ticket, Lorraine is deleted."""
    for (seq,) in _sql("SELECT seq FROM audit_log ORDER BY seq"):
        _sql("UPDATE audit_log SET at = ?, actor = ?, git_commit = ? WHERE seq = ?",
             f"2026-12-02T14:{seq:02d}:00Z", "ci-bot",
             "0123456789abcdef0123456789abcdef01234567" if seq > 1 else None, seq)
    _sql("UPDATE audit_log SET fields = replace(fields, ?, ?)", str(REPO) + "/", "")
    last = _sql("SELECT max(seq) FROM audit_log")[0][0]
    georges = {**PERSON, "username": "georgemacfly@ramq.gouv.qc.ca",
               "email": "georgemacfly@ramq.gouv.qc.ca", "first_name": "Georges",
               "last_name": "MacFly", "title": "monsieur", "profile": "personnel-administratif",
               "professional_number": None, "origin": "created"}
    lorraine = {**georges, "username": "lorrainebainesmacfly@ramq.gouv.qc.ca",
                "email": "lorrainebainesmacfly@ramq.gouv.qc.ca", "first_name": "Lorraine",
                "last_name": "Baines MacFly", "title": "madame"}
    where = {"establishment_name": "GMF Hill Valley"}
    _forge(last + 1, "2026-12-03T16:00:00Z", "revoke_services", "gmf-hill-valley",
           georges["username"], {"person": georges, **where, "services": ["rvsq"],
                                 "services_before": ["rvsq"], "services_after": []},
           "https://git.example.org/acces/pull/42")
    _forge(last + 2, "2026-12-03T16:01:00Z", "reset_password", "gmf-hill-valley",
           georges["username"], {"person": georges, **where, "token": "RST-3",
                                 "ticket": "REQ-2026-118"})
    _forge(last + 3, "2026-12-03T16:02:00Z", "delete_account", "gmf-hill-valley",
           lorraine["username"], {"person": lorraine, **where, "ticket": "REQ-2026-119",
                                  "account": {"establishment": "gmf-hill-valley"},
                                  "services_before": ["rvsq", "rvsq-reorientation-clinique"],
                                  "services_after": []})
    return applied


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_table_in_english_and_french(story: Path, lang: str) -> None:
    result = run("--lang", lang, "--no-color", "audit", "log")
    assert result.exit_code == 0, result.output
    assert_golden(f"audit-log.{lang}.txt", result.stdout)


def test_each_filter(story: Path) -> None:
    everything = _entries()
    assert len(everything) == 22 and everything[-1]["removed"] == [
        "rvsq", "rvsq-reorientation-clinique"]
    # --user: the entry's username, its person's email (any case), an import listing it
    georges = _entries("--user", "GeorgeMacFly@ramq.gouv.qc.ca")
    assert [e["action"] for e in georges] == ["create_account", "revoke_services",
                                              "reset_password"]
    assert georges[1]["name"] == "Georges MacFly" and georges[1]["removed"] == ["rvsq"]
    assert [e["action"] for e in _entries("--user", "CE10455")] == [
        "import_directory", "grant_services", "update_account"]
    # --establishment, --action (repeatable)
    urgence = _entries("--establishment", "urgence-chu-de-quebec")
    assert urgence and {e["establishment"] for e in urgence} == {"urgence-chu-de-quebec"}
    chosen = _entries("--action", "delete_account", "--action", "reset_password")
    assert [e["seq"] for e in chosen] == [21, 22]
    assert _entries("--action", "import_directory")[0]["seq"] == 1
    # --since and --until: Quebec's days, --until's whole day included
    assert [e["seq"] for e in _entries("--since", "2026-12-03")] == [20, 21, 22]
    assert len(_entries("--until", "2026-12-02")) == 19
    assert [e["seq"] for e in _entries("--since", "2026-12-03T11:01",
                                       "--until", "2026-12-03T16:02Z")] == [21]
    both = _entries("--user", "CE10455", "--action", "grant_services", "--since", "2026-12-02")
    assert [e["action"] for e in both] == ["grant_services"]


def test_since_is_a_day_of_quebec_around_midnight_utc(applied: Path) -> None:
    # 04:30 UTC is 23:30 on 1 December in Quebec; 05:30 UTC is 00:30 on 2 December.
    _sql("UPDATE audit_log SET at = ? WHERE seq = 1", "2026-12-02T04:30:00Z")
    _sql("UPDATE audit_log SET at = ? WHERE seq > 1", "2026-12-02T05:30:00Z")
    assert [e["seq"] for e in _entries("--until", "2026-12-01")] == [1]
    since = _entries("--since", "2026-12-02")
    assert since and since[0]["seq"] == 2
    assert _entries("--since", "2026-12-01", "--until", "2026-12-01")[0]["at"] == (
        "2026-12-02T04:30:00Z")


def test_an_empty_answer_says_what_matched_nothing_and_what_the_log_holds(story: Path
                                                                          ) -> None:
    result = ok(cli("audit", "log", "--since", "2026-12-04", "--user", "CE10455"))
    assert result.stdout == (
        "No entry matches: since December 4, 2026 at 12:00 a.m., user CE10455 (the log "
        "holds 22 entries, from December 2, 2026 at 9:01 a.m. to December 3, 2026 at "
        "11:02 a.m.).\n")
    french = ok(run("--lang", "fr", "audit", "log", "--action", "create_establishment",
                    "--establishment", "clinique-des-cascades"))
    assert french.stdout == typeset(
        "Aucune entrée ne correspond : établissement clinique-des-cascades, action créer "
        "l'établissement (le journal contient 22 entrées, du 2 décembre 2026 à 9 h 01 au "
        "3 décembre 2026 à 11 h 02).\n")
    assert ok(cli("audit", "log", "--user", "nobody", "--format", "json")).stdout == "[]\n"


def test_an_empty_log_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                              state_url: str) -> None:
    monkeypatch.chdir(tmp_path)
    ok(cli("state", "init"))
    assert ok(cli("audit", "log", "--since", "2026-01-01")).stdout == (
        "The audit log is empty.\n")


@pytest.mark.parametrize("value", ["yesterday", "2026-13-01", "2026-12-02T25:00", ""])
def test_a_moment_that_is_not_one_is_refused_with_the_forms_accepted(applied: Path,
                                                                      value: str) -> None:
    result = ok(cli("audit", "log", "--until", value), 1)
    assert "error[E210]" in result.output and "YYYY-MM-DDTHH:MM" in result.output


def test_hostile_text_of_a_forged_entry_is_inert_in_the_table(applied: Path) -> None:
    _forge(100, "2026-12-03T16:00:00Z", "delete_account", f"est-{HOSTILE}", f"u{HOSTILE}",
           {"person": {"first_name": HOSTILE, "last_name": HOSTILE, "email": HOSTILE},
            "establishment_name": HOSTILE, "ticket": HOSTILE,
            "services_before": [HOSTILE]}, HOSTILE)
    for lang in ("en", "fr"):
        text = ok(run("--lang", lang, "audit", "log", "--since", "2026-12-03")).stdout
        assert not [c for c in OBEYED if c in text]
        assert "\\u001b[2K" in text and "\\u202e" in text


def test_json_and_csv_keep_machine_names_iso_times_and_the_views_columns(story: Path) -> None:
    entries = _entries("--user", "lorrainebainesmacfly@ramq.gouv.qc.ca")
    deletion = entries[-1]
    assert deletion["action"] == "delete_account" and deletion["at"] == "2026-12-03T16:02:00Z"
    assert deletion["fields"]["services_before"] == deletion["removed"]
    assert (deletion["name"], deletion["ticket"], deletion["establishment_name"]) == (
        "Lorraine Baines MacFly", "REQ-2026-119", "GMF Hill Valley")
    sheet = ok(cli("audit", "log", "--format", "csv", "--delimiter", ";",
                   "--action", "delete_account")).stdout_bytes.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(sheet), delimiter=";"))
    assert len(rows) == 1 and rows[0]["action"] == "delete_account"
    assert rows[0]["removed"] == "rvsq rvsq-reorientation-clinique"
    assert rows[0]["name"] == "Lorraine Baines MacFly" and rows[0]["at"].endswith("Z")
    assert json.loads(rows[0]["fields"])["ticket"] == "REQ-2026-119"
