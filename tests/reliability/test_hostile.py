"""Hostile input and a tampered state: refused quickly and clearly, nothing half-done."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from helpers import EXAMPLE, cli

from reconciler.checking import validation as validate
from reconciler.redaction import redact
from reconciler.store import open_store, parse_location

GMF = EXAMPLE / "06" / "gmf-hill-valley.yaml"


def test_a_link_out_of_the_access_folder_is_refused(sqlite_repo: Path, tmp_path: Path) -> None:
    secret = tmp_path.parent / f"{tmp_path.name}-outside.yaml"
    secret.write_text(GMF.read_text(encoding="utf-8"), encoding="utf-8")
    os.symlink(secret, sqlite_repo / "access" / "06" / "sneaky.yaml")
    result = cli("validate", "access")
    assert result.exit_code == 1
    assert "error[E015] 'access/06/sneaky.yaml' is a symbolic link that leads outside 'access'" in (
        result.output)
    assert cli("apply", "--auto-approve").exit_code == 1  # nothing applied either
    assert not Path(".rvsq/codes").exists()


def test_a_link_inside_the_access_folder_is_followed(sqlite_repo: Path) -> None:
    os.symlink(sqlite_repo / "access/06/gmf-hill-valley.yaml", sqlite_repo / "access/gmf-link.yaml")
    result = cli("validate", "access")
    assert "E015" not in result.output and "E062" in result.output  # read, then a duplicate


def test_too_many_files_is_refused(sqlite_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "MAX_FILES", 2)
    result = cli("validate", "access")
    assert result.exit_code == 1 and "error[E014] more than 2 access files" in result.output


def test_too_many_users_in_one_file_is_refused(tmp_path: Path) -> None:
    head = GMF.read_text(encoding="utf-8").split("users:\n")[0]
    users = "".join(
        f"  - {{email: u{i}@example.org, title: madame, first_name: A, last_name: B, "
        f"profile: personnel-administratif, services: [rvsq]}}\n" for i in range(10_001))
    path = tmp_path / "big.yaml"
    path.write_text(f"{head}users:\n{users}", encoding="utf-8")
    result = cli("validate", str(path))
    assert result.exit_code == 1
    assert "error[E044] 'users' lists 10001 entries, more than the limit of 10000" in (
        result.output)


def test_an_edited_saved_plan_is_refused(sqlite_repo: Path) -> None:
    assert cli("plan", "--out", "plan.json").exit_code == 0
    plan = json.loads(Path("plan.json").read_text(encoding="utf-8"))
    for action in plan["actions"]:  # seal every new code to someone else's key
        if "recipient" in action:
            action["recipient"] = "age1" + "q" * 58
    Path("plan.json").write_text(json.dumps(plan), encoding="utf-8")
    result = cli("apply", "--plan", "plan.json")
    assert result.exit_code == 1 and "error[E134]" in result.output
    assert not Path(".rvsq/codes").exists()


def test_a_tampered_file_name_in_the_state_is_never_written(sqlite_repo: Path) -> None:
    store = open_store(parse_location("sqlite:///.rvsq/state.db"), "2026-11-26T00:00:00Z",
                       writing=True)
    with store.transaction():
        store._execute("INSERT INTO outbox (id, run_id, kind, username, recipient, message, "
                       "created_at) VALUES ('../../escaped', 'r', 'created', 'u', "
                       "'a@example.org', 'x', '2026-11-26')")
    store.close()
    assert cli("apply", "--auto-approve").exit_code == 4  # apply writes no email file
    result = cli("outbox", "export", ".rvsq/outbox")
    assert result.exit_code == 1 and "error[E135]" in result.output
    assert not list(sqlite_repo.parent.glob("escaped*"))


def test_urls_are_shown_without_their_password(sqlite_repo: Path) -> None:
    assert redact("postgresql://rvsq:s3cret@db:5432/x") == "postgresql://***@db:5432/x"
    assert redact("could not reach postgresql://u:p/a@ss@db/x") == (
        "could not reach postgresql://***@db/x")
    assert redact("no postgresql://u:my secret@db/x here") == "no postgresql://***@db/x here"
    result = cli("--state", "mysql://rvsq:s3cret@db/x", "state", "list")
    assert result.exit_code == 1 and "s3cret" not in result.output


def test_directory_import_is_audited_and_moves_the_serial(sqlite_repo: Path) -> None:
    log = json.loads(cli("audit", "log", "--format", "json").output)
    assert [e["action"] for e in log] == ["import_directory"]
    assert log[0]["fields"]["accounts"] == 5
    assert "the chain is intact" in cli("audit", "verify").output


def test_state_folders_are_private_on_every_backend(sqlite_repo: Path) -> None:
    assert cli("apply", "--auto-approve").exit_code == 4
    assert cli("outbox", "export", ".rvsq/outbox").exit_code == 0
    for folder in (".rvsq", ".rvsq/codes", ".rvsq/outbox"):
        assert Path(folder).stat().st_mode & 0o777 == 0o700, folder
    for path in [*Path(".rvsq/outbox").iterdir(), *Path(".rvsq/codes").iterdir()]:
        assert path.stat().st_mode & 0o777 == 0o600, path


def test_a_policy_linked_from_outside_is_refused(sqlite_repo: Path, tmp_path: Path) -> None:
    outside = tmp_path.parent / f"{tmp_path.name}-policy.yaml"
    outside.write_text("version: 1\n", encoding="utf-8")
    (sqlite_repo / "access/policy.yaml").unlink()
    os.symlink(outside, sqlite_repo / "access/policy.yaml")
    result = cli("validate", "access")
    assert result.exit_code == 1 and "error[E015]" in result.output
