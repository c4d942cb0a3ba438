"""Plan and apply end to end, through the CLI, on a real SQLite state in a temp folder.

Each test starts from a copy of the example repository with the RAMQ directory imported,
then edits the YAML as a representative would and checks what the plan and the state say.
"""

from __future__ import annotations

import json
import sqlite3
from email import message_from_bytes
from email.policy import default as email_policy
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from helpers import REPO, cli, edit, ok, plan_json, remove_user, sqlite_only

from reconciler.applying import secret_codes as codes
from reconciler.store import open_store
from reconciler.store import state_location as resolve_state_url

GMF = Path("access/06/gmf-hill-valley.yaml")
URGENCE = Path("access/03/urgence-chu-de-quebec.yaml")
IDENTITIES = REPO / "examples" / "demo-identities"


def kinds(plan: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(a["action"], a.get("username")) for a in plan["actions"]]


def state_rows(query: str) -> list[tuple[Any, ...]]:
    """Run SQL on the test's state, whichever backend it is on."""
    store = open_store(resolve_state_url(None), "2026-11-26T00:00:00Z", writing=True)
    try:
        cursor = store._execute(query)
        return cursor.fetchall() if cursor.description else []
    finally:
        store.close()


def emails(skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Every message the applies composed, by file name (written out by `outbox export`),
    except those named in `skip`."""
    ok(cli("outbox", "export", ".rvsq/outbox"))
    return {p.name: message_from_bytes(p.read_bytes(), policy=email_policy)
            for p in sorted(Path(".rvsq/outbox").glob("*.eml")) if p.name not in skip}


def revealed(path: Path) -> list[dict[str, str]]:
    establishment = next(p.stem for p in IDENTITIES.glob("*.txt") if path.stem.endswith(p.stem))
    identity = (IDENTITIES / f"{establishment}.txt").read_text(encoding="utf-8")
    return codes.reveal(path.read_bytes(), identity)["codes"]


def apply_all() -> Result:
    """Apply; exit 4 while emails wait in the outbox (no RVSQ_SMTP_URL here), else 0."""
    result = cli("apply", "--auto-approve")
    waiting = "in the state's outbox, not sent" in result.output
    assert result.exit_code == (4 if waiting else 0), result.output
    return result


def test_first_apply_creates_and_adds_then_nothing_left_to_do(repo: Path) -> None:
    assert ok(cli("plan", "--detailed-exitcode"), 2)
    out = apply_all().output
    assert "Applied 18 actions" in out
    assert "martinmacfly@ramq.gouv.qc.ca can log in from" in out
    assert "No changes." in ok(cli("plan", "--detailed-exitcode")).output
    # New accounts: created; at a register-mode site each with one code (hash only) and one
    # creation email; at the emergency department (portal mode) with neither: RAMQ's portal
    # issues the code and writes to the person.
    created = state_rows("SELECT username, code_hash, establishment FROM accounts "
                         "WHERE origin = 'created'")
    assert len(created) == 7
    register = [(u, h) for u, h, site in created if site != "urgence-chu-de-quebec"]
    assert len(register) == 5 and all(h.startswith("sha256:") for _, h in register)
    assert sorted(u for u, h, site in created if site == "urgence-chu-de-quebec" and h is None
                  ) == ["marc-andre.cote@chudequebec.ca", "sophie.gagnon@chudequebec.ca"]
    assert sorted(m["To"] for m in emails().values()) == sorted(u for u, _ in register)
    # Existing RAMQ accounts got RVSQ added, not a new account.
    show = ok(cli("state", "show", "CE10455")).output
    assert "origin: existing" in show and "services: rvsq" in show
    assert "establishment: gmf-hill-valley" in show


def test_sealed_codes_open_with_the_representatives_identity(repo: Path) -> None:
    apply_all()
    files = sorted(Path(".rvsq/codes").glob("*.age"))
    assert len(files) == 2  # the register-mode sites'; none for the portal-mode one
    hashes = dict(state_rows("SELECT username, code_hash FROM accounts"))
    for path in files:
        assert path.stat().st_mode & 0o777 == 0o600
        for entry in revealed(path):
            assert codes.code_hash(entry["code"]) == hashes[entry["username"]]
    gmf = next(p for p in files if p.stem.endswith("gmf-hill-valley"))
    identity = IDENTITIES / "gmf-hill-valley.txt"
    out = ok(cli("codes", "reveal", str(gmf), "--identity", str(identity))).output
    assert "martinmacfly@ramq.gouv.qc.ca" in out
    wrong = IDENTITIES / "urgence-chu-de-quebec.txt"
    result = ok(cli("codes", "reveal", str(gmf), "--identity", str(wrong)), 1)
    assert "error[E122]" in result.output


def test_every_action_kind(repo: Path) -> None:
    apply_all()
    # Rename, add a service, a new code and a reset for a created account.
    edit(GMF, "    last_name: MacFly\n    profile: personnel-administratif\n    services: [rvsq]",
         "    last_name: McFly\n    profile: personnel-administratif\n"
         "    services: [rvsq, rvsq-reorientation-clinique]\n"
         "    secret_code: {rotate: \"2026-11-26\"}\n"
         "    password_reset: {requested: INC-4411}\n    ticket: INC-4411")
    edit(GMF, "services: [rvsq, rvsq-reorientation-clinique]\n    reviewed: \"2026-05-01\"\n"
              "  - email: georgemacfly", "services: [rvsq]\n    reviewed: \"2026-05-01\"\n"
              "  - email: georgemacfly")
    remove_user(URGENCE, "email: sophie.gagnon@chudequebec.ca")  # created: deleted
    remove_user(URGENCE, "username: IELP20417")  # existing: released
    plan = plan_json()
    assert kinds(plan) == [
        ("grant_services", "georgemacfly@ramq.gouv.qc.ca"),
        ("update_account", "georgemacfly@ramq.gouv.qc.ca"),
        ("regenerate_code", "georgemacfly@ramq.gouv.qc.ca"),
        ("reset_password", "georgemacfly@ramq.gouv.qc.ca"),
        ("revoke_services", "martinmacfly@ramq.gouv.qc.ca"),
        ("revoke_services", "IELP20417"),
        ("update_account", "IELP20417"),
        ("delete_account", "sophie.gagnon@chudequebec.ca"),
    ]
    assert plan["actions"][1]["changes"] == {"last_name": {"old": "MacFly", "new": "McFly"},
                                             "ticket": {"old": None, "new": "INC-4411"}}
    before = frozenset(emails())
    out = apply_all().output
    assert "Applied 8 actions" in out
    assert ok(cli("plan", "--detailed-exitcode")).exit_code == 0
    george = ok(cli("state", "show", "georgemacfly@ramq.gouv.qc.ca")).output
    assert "name: monsieur Georges McFly" in george
    assert "services: rvsq, rvsq-reorientation-clinique" in george
    released = ok(cli("state", "show", "IELP20417")).output
    assert "establishment: —" in released and "services: —" in released
    assert "error[E123]" in ok(cli("state", "show", "sophie.gagnon@chudequebec.ca"), 1).output
    reset = list(emails(skip=before).values())
    assert [m["To"] for m in reset] == ["georgemacfly@ramq.gouv.qc.ca"]
    assert "Réinitialisation" in reset[0]["Subject"]
    new_code = sorted(p for p in Path(".rvsq/codes").glob("*.age") if "gmf" in p.name)[-1]
    assert [e["username"] for e in revealed(new_code)] == ["georgemacfly@ramq.gouv.qc.ca"]
    audit = json.loads(ok(cli("audit", "log", "--format", "json")).stdout)
    assert audit[-7]["fields"]["ticket"] == "INC-4411"


def test_transfer_between_establishments_is_one_update(repo: Path) -> None:
    apply_all()
    remove_user(GMF, "email: georgemacfly@ramq.gouv.qc.ca")
    edit(URGENCE, "users:\n", "users:\n  - email: georgemacfly@ramq.gouv.qc.ca\n"
         "    title: monsieur\n    first_name: Georges\n    last_name: MacFly\n"
         "    profile: personnel-administratif\n    services: [rvsq]\n"
         "    reviewed: \"2026-05-01\"\n")
    plan = plan_json()
    assert kinds(plan) == [("update_account", "georgemacfly@ramq.gouv.qc.ca")]
    assert plan["actions"][0]["changes"] == {
        "establishment": {"old": "gmf-hill-valley", "new": "urgence-chu-de-quebec"}}


def test_plan_is_deterministic_and_saved_plan_applies_once(repo: Path) -> None:
    first, second = plan_json(), plan_json()
    first.pop("created_at"), second.pop("created_at")
    assert first == second
    ok(cli("plan", "--out", "plan.json"))
    assert "Applied 18 actions" in ok(cli("apply", "--plan", "plan.json"), 4).output
    stale = ok(cli("apply", "--plan", "plan.json"), 1)
    assert "error[E116]" in stale.output and "run plan again" in stale.output


def test_saved_plan_refused_when_files_changed(repo: Path) -> None:
    ok(cli("plan", "--out", "plan.json"))
    edit(GMF, "first_name: Martin", "first_name: Marty")
    result = ok(cli("apply", "--plan", "plan.json"), 1)
    assert "error[E118]" in result.output
    assert state_rows("SELECT value FROM meta WHERE key = 'serial'") == [("1",)]  # the import


def test_blocked_entries_never_stop_the_rest(repo: Path) -> None:
    edit(GMF, "username: CE10455", "username: CE99999")  # a physician without an account
    edit(URGENCE, "services: [rvsq]\n    expires", "services: [rvsq]\n"
         "    secret_code: {rotate: \"1\"}\n    expires")  # rule K: a CE resident
    plan = plan_json()
    assert [(b["username"], b["code"]) for b in plan["blocked"]] == [
        ("CE99999", "B01"), ("CE20931", "B05")]
    result = ok(cli("apply", "--auto-approve"), 4)  # emails wait: 4 wins over 3
    assert "2 entries remain blocked" in result.output
    assert state_rows("SELECT COUNT(*) FROM accounts WHERE origin = 'created'") == [(7,)]


def test_deletion_guard(repo: Path) -> None:
    apply_all()
    for person in ("georgemacfly", "martinmacfly", "lorrainebainesmacfly"):
        remove_user(GMF, f"email: {person}@ramq.gouv.qc.ca")
    result = ok(cli("apply", "--auto-approve", "--max-deletes", "2"), 1)
    assert "error[E112] the plan removes 3 accounts" in result.output
    assert "Nothing was changed" in result.output
    assert state_rows("SELECT COUNT(*) FROM accounts WHERE origin = 'created'") == [(7,)]
    assert "Applied 3 actions" in apply_all().output


def test_closing_an_establishment_needs_the_mass_delete_flag(repo: Path) -> None:
    apply_all()
    text = GMF.read_text(encoding="utf-8")
    GMF.write_text(text[: text.index("users:")].replace("  type: gmf\n",
                   "  type: gmf\n  retired: true\n") + "users: []\n", encoding="utf-8")
    result = ok(cli("apply", "--auto-approve"), 1)
    assert "error[E113] the plan removes 4 of the 4 accounts of 'gmf-hill-valley'" in result.output
    ok(cli("apply", "--auto-approve", "--allow-mass-delete"), 4)
    assert "establishment: —" in ok(cli("state", "show", "CE10455")).output
    assert "No changes." in ok(cli("plan")).output


def test_missing_file_is_not_reconciled_and_deletes_nothing(repo: Path) -> None:
    apply_all()
    plan = json.loads(ok(cli("plan", "--format", "json", "access/06")).stdout)
    assert plan["actions"] == []
    assert "W201" in {w["code"] for w in plan["warnings"]}


def test_expired_access_is_revoked(repo: Path) -> None:
    apply_all()
    edit(URGENCE, "expires: \"2027-06-30\"", "expires: 2020-06-30")
    assert kinds(plan_json()) == [("revoke_services", "CE20931"), ("update_account", "CE20931")]


def test_clinical_nurse_reusing_a_known_email_is_an_error(repo: Path) -> None:
    edit(GMF, "email: lorrainebainesmacfly@ramq.gouv.qc.ca", "email: biff.tannen@example.org")
    result = ok(cli("plan"), 1)
    assert "access/06/gmf-hill-valley.yaml:30:12: error[E070]" in result.output


def test_codes_without_recipient_refused_outside_a_terminal(repo: Path) -> None:
    edit(GMF, "  age_recipient:", "  # age_recipient:")
    result = ok(cli("apply", "--auto-approve"), 1)
    assert "error[E114]" in result.output and "gmf-hill-valley" in result.output
    assert state_rows("SELECT COUNT(*) FROM accounts WHERE origin = 'created'") == [(0,)]


def test_apply_asks_for_confirmation(repo: Path) -> None:
    result = ok(cli("apply"), 1)
    assert "error[E115]" in result.output and "--auto-approve" in result.output


def test_tampered_audit_log_is_detected(repo: Path) -> None:
    apply_all()
    # 18 actions, after the directory import's own entry
    assert "19 entries, the chain is intact" in ok(cli("audit", "verify")).output
    state_rows("UPDATE audit_log SET actor = 'mallory' WHERE seq = 5")
    result = ok(cli("audit", "verify"), 1)
    assert "error[E125] the audit log is broken at entry 5" in result.output


def test_truncated_audit_log_is_detected(repo: Path) -> None:
    apply_all()
    state_rows("DELETE FROM audit_log WHERE seq = 19")
    assert "removed from the end" in ok(cli("audit", "verify"), 1).output


def test_audit_log_formats(repo: Path) -> None:
    apply_all()
    csv_out = ok(cli("audit", "log", "--format", "csv", "--since", "2000-01-01")).output
    assert csv_out.splitlines()[0].startswith("\ufeffseq,at,actor")  # a BOM, for Excel
    assert len(csv_out.splitlines()) == 20  # a header, the import, 18 actions
    assert "error[E210]" in ok(cli("audit", "log", "--since", "yesterday"), 1).output


def test_import_directory_reports_bad_rows_and_imports_nothing(repo: Path) -> None:
    bad = repo / "bad.csv"
    bad.write_text("username,email,title,first_name,last_name,profile,professional_number\n"
                   "CE1,a@example.org,madame,A,B,medecin,1-12345\n"
                   "ce2,not-an-email,miss,A,B,medecin,5-12345\n"
                   "CE3,a@example.org,madame,A,B,personnel-administratif,\n", encoding="utf-8")
    result = ok(cli("state", "import-directory", str(bad)), 1)
    codes_by_line = sorted((line.split(":")[1], line.split("[")[1][:4])
                           for line in result.output.splitlines() if "error[" in line)
    assert codes_by_line == [("3", "E081"), ("3", "E082"), ("3", "E083"), ("3", "E084"),
                             ("4", "E085")]
    assert "Nothing was imported" in result.output
    assert "error[E123]" in ok(cli("state", "show", "CE1"), 1).output


def test_migrations_are_recorded_once(repo: Path) -> None:
    assert state_rows("SELECT version FROM schema_migrations") == [(v,) for v in range(1, 7)]
    ok(cli("state", "init"))  # initialising again applies nothing twice
    ok(cli("state", "list"))
    assert state_rows("SELECT version FROM schema_migrations") == [(v,) for v in range(1, 7)]


@sqlite_only
def test_state_folder_is_private(repo: Path) -> None:
    assert Path(".rvsq").stat().st_mode & 0o777 == 0o700
    assert Path(".rvsq/state.db").stat().st_mode & 0o777 == 0o600


@sqlite_only
def test_state_url_option_and_environment(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{repo / 'elsewhere.db'}"
    assert "error[E138]" in ok(cli("--state", url, "state", "list"), 1).output
    assert not (repo / "elsewhere.db").exists()  # a read-only command creates no state
    ok(cli("--state", url, "state", "init"))
    ok(cli("--state", url, "state", "list"))
    monkeypatch.setenv("RVSQ_STATE", "mysql://nope")
    assert "error[E111]" in ok(cli("state", "list"), 1).output


def test_account_held_by_an_establishment_outside_the_input_is_blocked(repo: Path) -> None:
    apply_all()
    edit(URGENCE, "users:\n", "users:\n  - username: CE10455\n"
         "    email: emmettbrown@ramq.gouv.qc.ca\n    title: docteur\n"
         "    first_name: Emmett\n    last_name: Brown\n"
         "    profile: medecin\n    professional_number: \"1-85012\"\n    services: [rvsq]\n")
    plan = json.loads(ok(cli("plan", "--format", "json", "access/03")).stdout)
    assert [(b["username"], b["code"]) for b in plan["blocked"]] == [("CE10455", "B04")]
    assert "gmf-hill-valley" in plan["blocked"][0]["reason"]


def test_email_taken_by_another_account_is_blocked_not_crashed(repo: Path) -> None:
    apply_all()
    edit(GMF, "email: emmettbrown@ramq.gouv.qc.ca", "email: biff.tannen@example.org")
    plan = plan_json()
    assert [(b["username"], b["code"]) for b in plan["blocked"]] == [("CE10455", "B07")]
    assert "CE55120" in plan["blocked"][0]["reason"]
    result = ok(cli("apply", "--auto-approve"), 4)  # the creation emails still wait
    assert "Traceback" not in result.output


def test_rule_k_hint_is_a_sentence(repo: Path) -> None:
    apply_all()
    edit(GMF, "    professional_number: \"1-85012\"\n",
         "    professional_number: \"1-85012\"\n    password_reset: {requested: x}\n")
    [blocked] = plan_json()["blocked"]
    assert blocked["code"] == "B06"
    assert blocked["hint"].startswith("physicians, residents and IPS reset their own password")


@sqlite_only
def test_reading_commands_do_not_wait_for_a_writer(repo: Path) -> None:
    apply_all()
    writer = sqlite3.connect(".rvsq/state.db", isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # as an apply does, mid-action
    try:
        assert "No changes." in ok(cli("plan")).output
        assert "the chain is intact" in ok(cli("audit", "verify")).output
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_an_interrupted_export_writes_the_same_emails_again(repo: Path) -> None:
    """Exported emails are marked together, after the files: an export stopped in between
    leaves them unmarked, and the next one writes the very same files again."""
    apply_all()
    first = {name: message.as_bytes() for name, message in emails().items()}
    assert len(first) == 5  # the register-mode sites' new accounts
    assert state_rows("SELECT count(*) FROM outbox WHERE exported_at IS NULL") == [(0,)]
    state_rows("UPDATE outbox SET exported_at = NULL")  # as if stopped before the marking
    for path in Path(".rvsq/outbox").glob("*.eml"):
        path.unlink()
    assert "Nothing to apply" in apply_all().output
    assert {name: message.as_bytes() for name, message in emails().items()} == first
    assert state_rows("SELECT count(*) FROM outbox WHERE exported_at IS NULL") == [(0,)]


def test_plans_read_no_history_and_reports_do(repo: Path) -> None:
    """A plan compares what the files ask for; when accounts were created or given a
    code is read only for the reports that show it."""
    apply_all()
    store = open_store(resolve_state_url(None), "2026-11-26T00:00:00Z", writing=True)
    try:
        planned, full = store.snapshot(), store.snapshot(history=True)
    finally:
        store.close()
    assert planned.accounts.keys() == full.accounts.keys()
    for username, account in planned.accounts.items():
        assert account.values() == full.accounts[username].values()
        assert account.services == full.accounts[username].services
        assert account.created_at is None and full.accounts[username].created_at
