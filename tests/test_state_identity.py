"""A state has an identity: it is created once (`state init`), never by a mistake of
location, and every plan, apply, report and audit entry says which state and which change.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import drop_postgres_database, new_postgres_database
from helpers import EXAMPLE, REPO, cli, edit, emergency_in_register_mode, new_store

from reconciler.store import sql

GMF = Path("access/06/gmf-hill-valley.yaml")
ID = re.compile(r"[0-9a-f]{32}")
# Every command that reads the state, and none that writes it.
READ_ONLY = [
    ("plan",),
    ("plan", "--format", "json"),
    ("plan", "--format", "markdown"),
    ("report",),
    ("state", "list"),
    ("state", "show", "CE10455"),
    ("audit", "verify"),
    ("audit", "log"),
    ("import", "--establishment", "gmf-hill-valley"),
]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example access files and no state; cwd is inside it."""
    shutil.copytree(EXAMPLE, tmp_path / "access")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RVSQ_STATE", raising=False)
    monkeypatch.delenv("RVSQ_CHANGE_REF", raising=False)
    return tmp_path


def new_state_with_directory() -> None:
    """`state init`, then the RAMQ directory, as the README's quick start does."""
    assert cli("state", "init").exit_code == 0
    loaded = cli("state", "import-directory", str(REPO / "examples/ramq-directory.csv"))
    assert loaded.exit_code == 0, loaded.output


def files_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


# --- no state is ever made by mistake -------------------------------------------------
@pytest.mark.parametrize("args", READ_ONLY, ids=" ".join)
def test_read_only_commands_refuse_a_missing_state_and_create_nothing(folder: Path,
                                                                      args: tuple[str, ...]
                                                                      ) -> None:
    before = files_under(folder)
    result = cli(*args)
    assert result.exit_code == 1
    assert f"error[E138] there is no state at {folder / '.rvsq' / 'state.db'}" in result.output
    assert "rvsq-access state init" in result.output
    assert "Traceback" not in result.output
    assert files_under(folder) == before  # no .rvsq, no state, no cache


def test_writing_commands_refuse_a_missing_state_too(folder: Path) -> None:
    for args in (("apply", "--auto-approve"),
                 ("state", "import-directory", str(REPO / "examples/ramq-directory.csv"))):
        result = cli(*args)
        assert result.exit_code == 1 and "error[E138]" in result.output, result.output
    assert not (folder / ".rvsq").exists()


def test_validate_needs_no_state_whatever_the_state_settings_say(folder: Path) -> None:
    assert cli("validate").exit_code == 0
    assert cli("validate", env={"RVSQ_STATE": ""}).exit_code == 0
    assert cli("--state", "sqlite:///:memory:", "validate").exit_code == 0
    assert not (folder / ".rvsq" / "state.db").exists()


def test_a_set_but_empty_rvsq_state_is_an_error_not_the_default(folder: Path) -> None:
    assert cli("state", "init").exit_code == 0  # the default state exists...
    result = cli("plan", env={"RVSQ_STATE": ""})  # ...and is still not used
    assert result.exit_code == 1
    assert "error[E136] RVSQ_STATE is set but empty" in result.output
    result = cli("--state", "", "plan")
    assert result.exit_code == 1 and "error[E136] --state is set but empty" in result.output


def test_three_slashes_are_relative_and_the_message_shows_where(folder: Path) -> None:
    result = cli("--state", "sqlite:///srv/rvsq/state.db", "plan")
    assert result.exit_code == 1
    assert f"there is no state at {folder}/srv/rvsq/state.db" in result.output
    assert "sqlite:////path is absolute" in result.output
    assert not (folder / "srv").exists()


def test_running_from_a_sub_folder_finds_no_state_there(folder: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("state", "init").exit_code == 0
    monkeypatch.chdir(folder / "access" / "06")
    result = cli("plan", ".")
    assert result.exit_code == 1
    assert f"there is no state at {folder}/access/06/.rvsq/state.db" in result.output
    assert not (folder / "access" / "06" / ".rvsq").exists()


@pytest.mark.parametrize("url", ["sqlite:///:memory:", "sqlite:///", "sqlite:///file:x.db",
                                 "sqlite:///x.db?mode=memory"])
def test_locations_that_cannot_hold_a_state_are_clear_errors(folder: Path, url: str) -> None:
    for args in (("state", "init"), ("plan",)):
        result = cli("--state", url, *args)
        assert result.exit_code == 1 and "error[E137]" in result.output, result.output
        assert "Traceback" not in result.output
    assert files_under(folder) == {p for p in files_under(folder) if p.startswith("access")}


def test_a_folder_is_not_a_state(folder: Path) -> None:
    (folder / "states").mkdir()
    assert "error[E137]" in cli("--state", "sqlite:///states", "state", "init").output
    assert "error[E137]" in cli("--state", "sqlite:///states", "plan").output


@pytest.mark.parametrize("url", ["sqlite:///sub/", "sqlite:///~/state.db", "sqlite:///.rvsq",
                                 "sqlite:///.", "sqlite:///a/.."])
def test_names_of_folders_are_not_states(folder: Path, url: str) -> None:
    result = cli("--state", url, "state", "init")
    assert result.exit_code == 1 and "error[E137]" in result.output, result.output
    assert sorted(files_under(folder)) == sorted(p for p in files_under(folder)
                                                  if p.startswith("access"))


@pytest.mark.parametrize("given", ["sqlite:///.rvsq/state.db\n", " sqlite:///.rvsq/state.db",
                                   "sqlite:///.rvsq/state.db ", "sqlite:///.rvsq/st\tate.db"])
def test_a_location_pasted_with_a_line_break_or_a_space_is_refused(folder: Path,
                                                                   given: str) -> None:
    assert cli("state", "init").exit_code == 0  # the state meant is there
    for args in (("state", "init"), ("plan",), ("apply", "--auto-approve")):
        result = cli(*args, env={"RVSQ_STATE": given})
        assert result.exit_code == 1, result.output
        assert "error[E144] the state location '" in result.output
        assert "\n" not in result.output.split("'")[1]  # the line break is shown, escaped
    assert sorted(p.name for p in (folder / ".rvsq").iterdir()) == [".gitignore", "state.db"]


def test_an_unknown_scheme_is_refused(folder: Path) -> None:
    result = cli("--state", "mysql://root:secret@db/rvsq", "plan")
    assert result.exit_code == 1 and "error[E111]" in result.output
    assert "secret" not in result.output


# --- state init, and the identity it draws ----------------------------------------------
def test_a_file_made_empty_beforehand_becomes_a_private_wal_state(folder: Path) -> None:
    Path("empty.db").touch(mode=0o644)
    assert cli("--state", "sqlite:///empty.db", "state", "init").exit_code == 0
    assert Path("empty.db").stat().st_mode & 0o777 == 0o600
    store = new_store(f"sqlite:///{folder / 'empty.db'}")
    assert store._execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_a_state_below_the_work_folder_is_ignored_by_git_too(folder: Path) -> None:
    assert cli("--state", "sqlite:///.rvsq/states/prod.db", "state", "init").exit_code == 0
    assert (folder / ".rvsq" / ".gitignore").is_file()
    assert (folder / ".rvsq").stat().st_mode & 0o777 == 0o700


def test_what_is_not_an_rvsq_access_state_is_named_so(folder: Path) -> None:
    Path("notes.db").write_text("not a database, only text\n" * 100, encoding="utf-8")
    for args in (("plan",), ("state", "init")):
        result = cli("--state", "sqlite:///notes.db", *args)
        assert result.exit_code == 1 and "error[E145]" in result.output, result.output
    other = new_store(f"sqlite:///{folder / 'rails.db'}")  # a state: then made foreign
    with other.transaction():
        other._execute("DELETE FROM schema_migrations WHERE version = 2")
    other.close()
    for args in (("plan",), ("state", "init"), ("apply", "--auto-approve")):
        result = cli("--state", "sqlite:///rails.db", *args)
        assert result.exit_code == 1 and "error[E145]" in result.output, result.output
    import sqlite3

    with sqlite3.connect("app.db") as conn:  # another tool's table of the same name
        conn.execute("CREATE TABLE schema_migrations (version varchar PRIMARY KEY)")
        conn.execute("INSERT INTO schema_migrations VALUES ('20240101120000_add_users')")
    for args in (("plan",), ("state", "init")):
        result = cli("--state", "sqlite:///app.db", *args)
        assert result.exit_code == 1 and "error[E145]" in result.output, result.output


def test_a_state_without_its_id_is_refused(folder: Path) -> None:
    new_state_with_directory()
    store = new_store(f"sqlite:///{folder / '.rvsq' / 'state.db'}")
    with store.transaction():
        store._execute("DELETE FROM meta WHERE key = 'state_id'")
    store.close()
    for args in (("plan",), ("state", "init"), ("apply", "--auto-approve"), ("report",)):
        result = cli(*args)
        assert result.exit_code == 1 and "error[E146]" in result.output, result.output


def test_state_init_creates_once_and_says_which_state(folder: Path) -> None:
    created = cli("state", "init")
    assert created.exit_code == 0
    where = folder / ".rvsq" / "state.db"
    [state_id] = re.findall(rf"Created a new state at {where} \(id ({ID.pattern})\)\.",
                            created.output)
    again = cli("state", "init")
    assert again.exit_code == 0
    assert again.output == (f"The state at {where} already exists (id {state_id}, serial 0); "
                            "it is up to date.\n")
    assert (folder / ".rvsq").stat().st_mode & 0o777 == 0o700
    assert where.stat().st_mode & 0o777 == 0o600


def test_every_plan_format_and_apply_name_the_state(folder: Path) -> None:
    new_state_with_directory()
    where = folder / ".rvsq" / "state.db"
    plan = json.loads(cli("plan", "--format", "json").stdout)
    state_id = plan["state"]["id"]
    assert ID.fullmatch(state_id)
    assert plan["state"] == {"location": str(where), "id": state_id, "serial": 1}
    text = cli("plan").stdout
    assert text.startswith(f"State: {where} (id {state_id}, serial 1)\n")
    markdown = cli("plan", "--format", "markdown").stdout
    assert f"State `{where}` (id `{state_id}`, serial 1)" in markdown
    runbook = cli("plan", "--format", "runbook").stdout
    assert f"the state `{where}` (id `{state_id}`, serial 1;" in runbook
    applied = cli("apply", "--auto-approve")
    assert applied.exit_code == 4, applied.output  # applied; the creation emails wait
    assert applied.output.startswith(f"State: {where} (id {state_id}, serial 1)\n")
    serial = json.loads(cli("plan", "--format", "json").stdout)["state"]["serial"]
    # Then the audit head, to publish (tests/test_audit_anchor.py), ends every apply.
    head = cli("audit", "head").stdout.strip()
    assert applied.output.endswith(f"State: {where} (id {state_id}, serial {serial})\n"
                                   f"Audit head: {head}\n"
                                   f"  Publish it where those who can write the database "
                                   f"cannot rewrite it (the pull request, the job log): "
                                   f"'rvsq-access audit verify --head {head}' then finds any "
                                   f"entry up to it rewritten or deleted.\n")
    report = cli("report").stdout
    assert f"- **State:** {where} (id {state_id})" in report


def test_a_saved_plan_is_refused_by_another_state(folder: Path) -> None:
    new_state_with_directory()
    assert cli("plan", "--out", "plan.json").exit_code == 0
    planned = json.loads(Path("plan.json").read_text(encoding="utf-8"))["state"]
    other = f"sqlite:///{folder / 'other.db'}"
    assert cli("--state", other, "state", "init").exit_code == 0
    assert cli("--state", other, "state", "import-directory",
               str(REPO / "examples/ramq-directory.csv")).exit_code == 0
    # Same files, same serial: only the id tells the two states apart.
    result = cli("--state", other, "apply", "--plan", "plan.json")
    assert result.exit_code == 1
    assert (f"error[E142] the saved plan 'plan.json' was made against another state "
            f"({planned['location']}, id {planned['id']})") in result.output
    assert "Nothing was changed." in result.output
    assert json.loads(cli("--state", other, "audit", "log", "--format", "json").stdout)[-1][
        "action"] == "import_directory"
    assert cli("apply", "--plan", "plan.json").exit_code == 4  # its own state takes it


def as_an_earlier_release_left_it(folder: Path) -> None:
    """The state as the release before identities left it: schema 2, no id, no column for
    change references (its audit entries are the same), no exported emails."""
    store = new_store(f"sqlite:///{folder / '.rvsq' / 'state.db'}")
    with store.transaction():
        store._execute("DELETE FROM schema_migrations WHERE version IN (3, 4, 5, 6)")
        store._execute("DROP TABLE portal_tasks")
        store._execute("ALTER TABLE establishments DROP COLUMN mode")
        store._execute("ALTER TABLE audit_log DROP COLUMN mac")
        store._execute("DROP INDEX outbox_waiting")
        store._execute("ALTER TABLE outbox DROP COLUMN exported_at")
        store._execute("ALTER TABLE outbox DROP COLUMN exported_to")
        store._execute("DELETE FROM meta WHERE key = 'state_id'")
        store._execute("ALTER TABLE audit_log DROP COLUMN change_ref")
    store.close()


def test_a_state_from_an_earlier_release_is_migrated_only_by_writing_commands(
        folder: Path) -> None:
    # That release had no portal mode: it applied every site in register mode.
    emergency_in_register_mode()
    new_state_with_directory()
    assert cli("apply", "--auto-approve").exit_code == 4
    as_an_earlier_release_left_it(folder)
    before = (folder / ".rvsq" / "state.db").read_bytes()
    for args in READ_ONLY:
        result = cli(*args)
        assert result.exit_code == 1, (args, result.output)
        assert "error[E140]" in result.output and "schema 2; this version uses 6" in result.output
    assert (folder / ".rvsq" / "state.db").read_bytes() == before
    refused = cli("apply", "--plan", "nowhere.json")  # nothing to apply: nothing migrated
    assert refused.exit_code == 1
    edit(GMF, "first_name: Martin", "first_name: [Martin")  # an invalid file: the same
    assert cli("apply", "--auto-approve").exit_code == 1
    edit(GMF, "first_name: [Martin", "first_name: Martin")
    assert (folder / ".rvsq" / "state.db").read_bytes() == before
    migrated = cli("state", "init")
    assert migrated.exit_code == 0
    assert re.fullmatch(rf"Brought the state at {folder}/.rvsq/state.db up to date \(schema 2 "
                        rf"to 6; id {ID.pattern}, serial \d+\)\.\n", migrated.output)
    plan = json.loads(cli("plan", "--format", "json").stdout)
    assert ID.fullmatch(plan["state"]["id"]) and plan["actions"] == []
    assert cli("audit", "verify").exit_code == 0  # the old entries still verify


def test_an_apply_brings_an_earlier_state_up_to_date(folder: Path) -> None:
    new_state_with_directory()
    as_an_earlier_release_left_it(folder)
    applied = cli("apply", "--auto-approve")
    assert applied.exit_code == 4, applied.output  # applied; the creation emails wait
    assert cli("audit", "verify").exit_code == 0


def test_a_state_from_a_later_release_is_refused(folder: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    new_state_with_directory()
    store = new_store(f"sqlite:///{folder / '.rvsq' / 'state.db'}")
    with store.transaction():
        store._execute(sql.RECORD_MIGRATION, (7, "from the future", "2030-01-01"))
    store.close()
    for args in (("plan",), ("state", "init"), ("apply", "--auto-approve")):
        result = cli(*args)
        assert result.exit_code == 1 and "error[E141]" in result.output, result.output
        assert "schema 7; this version knows up to 6" in result.output


# --- PostgreSQL -------------------------------------------------------------------------
def test_a_saved_plan_never_migrates_an_earlier_state(folder: Path) -> None:
    new_state_with_directory()
    assert cli("plan", "--out", "plan.json").exit_code == 0
    other = f"sqlite:///{folder / 'other.db'}"
    assert cli("--state", other, "state", "init").exit_code == 0
    store = new_store(other)
    store.close()
    as_an_earlier_release_left_it(folder)  # the default state, now as the old release had it
    before = (folder / ".rvsq" / "state.db").read_bytes()
    result = cli("apply", "--plan", "plan.json")
    assert result.exit_code == 1 and "error[E142]" in result.output
    assert (folder / ".rvsq" / "state.db").read_bytes() == before


def test_postgresql_messages_name_the_database_libpq_used(folder: Path) -> None:
    url, name = new_postgres_database()
    try:
        host_port = url.split("@", 1)[1].rsplit("/", 1)[0]
        # The URL's path says one database, its query another: libpq follows the query.
        misleading = url.rsplit("/", 1)[0] + f"/elsewhere?dbname={name}"
        created = cli("--state", misleading, "state", "init")
        assert created.exit_code == 0, created.output
        assert f"Created a new state at {host_port}/{name} (id " in created.output
        plan = plan_json_of(misleading)
        assert plan["state"]["location"] == f"{host_port}/{name}"
    finally:
        drop_postgres_database(name)


def plan_json_of(url: str) -> dict[str, object]:
    result = cli("--state", url, "plan", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_role_that_may_not_read_the_state_is_not_told_it_is_empty(folder: Path) -> None:
    import psycopg

    url, name = new_postgres_database()
    role = f"{name}_nobody"
    try:
        assert cli("--state", url, "state", "init").exit_code == 0
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"CREATE ROLE {role} LOGIN")
        result = cli("--state", url.replace("postgres@", f"{role}@"), "plan")
        assert result.exit_code == 1
        assert "error[E127]" in result.output and "permission denied" in result.output
        assert "never initialised" not in result.output
    finally:
        drop_postgres_database(name)
        with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
            admin.execute(f"DROP ROLE IF EXISTS {role}")


def test_state_init_run_four_times_at_once_creates_one_state(folder: Path) -> None:
    import os
    import sys

    url, name = new_postgres_database()
    try:
        for target in (url, f"sqlite:///{folder / 'together.db'}"):
            env = {**os.environ, "RVSQ_STATE": target, "RVSQ_LANG": "en"}
            runs = [subprocess.Popen([sys.executable, "-m", "reconciler", "state", "init"],
                                     env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True) for _ in range(4)]
            outputs = [(run.wait(60), *run.communicate()) for run in runs]
            assert all(code == 0 for code, _, _ in outputs), outputs
            created = [out for _, out, _ in outputs if out.startswith("Created a new state")]
            assert len(created) == 1, outputs
            ids = {re.search(ID.pattern, out)[0] for _, out, _ in outputs}
            assert len(ids) == 1
    finally:
        drop_postgres_database(name)


def test_an_empty_postgresql_database_is_not_a_state(folder: Path) -> None:
    url, name = new_postgres_database()
    try:
        secret_url = url.replace("postgres@", "postgres:s3cr%40t@")
        for args in READ_ONLY:
            result = cli("--state", url, *args)
            assert result.exit_code == 1, (args, result.output)
            assert "is not an rvsq-access state: it was never initialised" in result.output
        import psycopg

        with psycopg.connect(url) as conn:  # nothing was created by those commands
            assert conn.execute("SELECT count(*) FROM information_schema.tables "
                                "WHERE table_schema = 'public'").fetchone() == (0,)
        created = cli("--state", url, "state", "init")
        assert created.exit_code == 0, created.output
        host_port_db = url.split("@", 1)[1]
        assert f"Created a new state at {host_port_db} (id " in created.output
        plan = json.loads(cli("--state", secret_url, "plan", "--format", "json").stdout)
        assert plan["state"]["location"] == host_port_db  # never the user or password
    finally:
        drop_postgres_database(name)


# --- nothing the tool writes can be committed by accident -------------------------------
def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True,
                          check=True).stdout


def init_repository(folder: Path) -> None:
    git(folder, "init", "-q", "-b", "main")
    git(folder, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "access")
    git(folder, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "a")


def test_the_work_folder_ignores_itself(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    init_repository(folder)
    monkeypatch.delenv("RVSQ_CACHE_DIR")  # the default place, .rvsq/cache, as a user has it
    assert cli("validate").exit_code == 0  # what the pre-commit hook runs: it caches
    assert (folder / ".rvsq" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert git(folder, "status", "--porcelain") == ""
    assert cli("state", "init").exit_code == 0
    git(folder, "add", "-A")
    assert git(folder, "status", "--porcelain") == ""  # nothing under .rvsq was staged


# --- the audit entry's commit and change ---------------------------------------------------
def audit_entries() -> list[dict[str, object]]:
    return json.loads(cli("audit", "log", "--format", "json").stdout)


def test_the_audit_names_the_commit_dirty_when_the_files_are_not_it(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("GITHUB_SHA", "CI_COMMIT_SHA"):
        monkeypatch.delenv(name, raising=False)
    new_state_with_directory()
    init_repository(folder)
    head = git(folder, "rev-parse", "HEAD").strip()
    assert cli("apply", "--auto-approve").exit_code == 4
    assert {e["git_commit"] for e in audit_entries()} - {None} == {head}
    edit(GMF, "first_name: Martin", "first_name: Marty")  # not committed
    assert cli("apply", "--auto-approve").exit_code == 4
    assert audit_entries()[-1]["git_commit"] == f"{head}-dirty"
    git(folder, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qam", "b")
    (folder / "access" / "06" / "notes.txt").write_text("not an access file\n")
    edit(GMF, "first_name: Marty", "first_name: Martin")
    git(folder, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qam", "c")
    head = git(folder, "rev-parse", "HEAD").strip()
    assert cli("apply", "--auto-approve").exit_code == 4
    assert audit_entries()[-1]["git_commit"] == head  # an untracked note is not applied
    git(folder, "rm", "-q", "--cached", GMF.as_posix())  # the same bytes, no longer in HEAD
    edit(GMF, "first_name: Martin", "first_name: Marty")
    assert cli("apply", "--auto-approve").exit_code == 4
    assert audit_entries()[-1]["git_commit"] == f"{head}-dirty"  # an access file not committed


def test_the_change_reference_is_in_every_entry_of_the_run(folder: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    new_state_with_directory()
    pr = "https://git.example.org/rvsq/access/pull/42"
    result = cli("--change-ref", pr, "apply", "--auto-approve")
    assert result.exit_code == 4, result.output
    entries = audit_entries()
    applied = [e for e in entries if e["action"] != "import_directory"]
    assert applied and {e["change_ref"] for e in applied} == {pr}
    monkeypatch.setenv("RVSQ_CHANGE_REF", "INC-5001")
    edit(GMF, "first_name: Martin", "first_name: Marty")
    assert cli("apply", "--auto-approve").exit_code == 4
    assert audit_entries()[-1]["change_ref"] == "INC-5001"
    assert cli("audit", "verify").exit_code == 0  # the reference is part of the chain
    text = cli("audit", "log").stdout.splitlines()
    # The change column, before the ticket's, on the last entry's first line.
    assert any("  INC-5001  " in line for line in text[-4:])
    csv = cli("audit", "log", "--format", "csv").stdout.splitlines()
    assert csv[0].endswith(",change_ref,mac") and csv[-1].endswith(",INC-5001,")
    assert "; change INC-5001)" in cli("report").stdout
    bad = cli("--change-ref", "line\nbreak", "apply", "--auto-approve")
    assert bad.exit_code == 1 and "error[E143]" in bad.output


def test_an_edited_change_reference_breaks_the_chain(folder: Path) -> None:
    new_state_with_directory()
    assert cli("--change-ref", "PR-1", "apply", "--auto-approve").exit_code == 4
    store = new_store(f"sqlite:///{folder / '.rvsq' / 'state.db'}")
    with store.transaction():
        store._execute("UPDATE audit_log SET change_ref = 'PR-2' WHERE seq = 2")
    store.close()
    result = cli("audit", "verify")
    assert result.exit_code == 1 and "error[E125]" in result.output


@pytest.mark.skipif(not shutil.which("git"), reason="git is not installed")
def test_outside_a_working_copy_ci_names_the_commit(folder: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_SHA", "a" * 40)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(folder.parent))
    new_state_with_directory()
    assert cli("apply", "--auto-approve").exit_code == 4
    assert audit_entries()[-1]["git_commit"] == "a" * 40
