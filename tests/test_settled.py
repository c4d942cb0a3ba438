"""Settled establishments (reconciler/planning/settled.py): a warm plan skips the accounts of the
establishments a previous plan found in step, and gives exactly the plan made from scratch.

Every test runs on SQLite and on PostgreSQL: the revision that says "untouched since" is
drawn by each database's own triggers.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from helpers import cli, edit, example_repository, new_store, remove_user

from reconciler import pipeline
from reconciler.checking.cache import ParseCache
from reconciler.planning import settled
from reconciler.store import open_store, sql
from reconciler.store import state_location as resolve_state_url

GMF = Path("access/06/gmf-hill-valley.yaml")
URGENCE = Path("access/03/urgence-chu-de-quebec.yaml")
EVERY_SITE = {"gmf-hill-valley", "urgence-chu-de-quebec", "info-sante-811-capitale-nationale"}
MARTIN = "martinmacfly@ramq.gouv.qc.ca"


@pytest.fixture
def applied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, state_url: str) -> Path:
    """The example applied, then planned once: every establishment is settled."""
    monkeypatch.chdir(tmp_path)
    example_repository(tmp_path)
    assert cli("apply", "--auto-approve").exit_code == 4
    assert "No changes" in cli("plan").output
    return tmp_path


def plan(*args: str, cache: bool = True) -> dict[str, Any]:
    result = cli(*(() if cache else ("--no-cache",)), "plan", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    data.pop("created_at")
    return data


def warm_and_cold(*args: str) -> dict[str, Any]:
    """The plan with the shortcut, checked equal to the plan made from scratch."""
    warm, cold = plan(*args), plan(*args, cache=False)
    assert warm == cold
    return warm


def settled_now(today: dt.date | None = None, paths: tuple[str, ...] = ("access",)
                ) -> frozenset[str]:
    """The establishments the next plan would not read."""
    cache = ParseCache(Path(os.environ["RVSQ_CACHE_DIR"]))
    validation = pipeline.validate([Path(p) for p in paths], cache=cache)
    store = open_store(resolve_state_url(None), "2026-11-26T00:00:00Z", writing=True)
    try:
        _, scope = settled.snapshot(store, cache, validation.files, today or dt.date.today())
        return scope.settled
    finally:
        store.close()


def sql_on_state(*statements: str) -> None:
    """Change the state as a DBA would, behind the tool's back."""
    store = open_store(resolve_state_url(None), "2026-11-26T00:00:00Z", writing=True)
    try:
        with store.transaction():
            for statement in statements:
                store._execute(statement)
    finally:
        store.close()


def actions(data: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(a["action"], a.get("username")) for a in data["actions"]]


def test_a_plan_in_step_settles_every_establishment(applied: Path) -> None:
    assert settled_now() == EVERY_SITE
    assert warm_and_cold()["actions"] == []


def test_nothing_is_settled_before_the_first_apply(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    example_repository(tmp_path)
    assert cli("plan").exit_code == 0
    assert settled_now() == frozenset()


def test_a_change_behind_the_tools_back_is_seen(applied: Path) -> None:
    sql_on_state(f"UPDATE accounts SET last_name = 'McFly' WHERE email = '{MARTIN}'")
    assert settled_now() == EVERY_SITE - {"gmf-hill-valley"}
    assert actions(warm_and_cold()) == [("update_account", MARTIN)]


def test_the_revisions_and_the_accounts_are_read_in_one_transaction(applied: Path) -> None:
    """settled.snapshot reads the revisions, then the accounts: a write between the two is
    seen by neither, or an account changed meanwhile would be skipped as settled."""
    store = open_store(resolve_state_url(None), "2026-11-26T00:00:00Z")
    try:
        with store.reading():
            before = store.revisions()
            sql_on_state(f"UPDATE accounts SET last_name = 'McFly' WHERE email = '{MARTIN}'")
            state = store.snapshot()
            assert store.revisions() == before
    finally:
        store.close()
    assert state.accounts[MARTIN].last_name == "MacFly"
    assert settled_now() == EVERY_SITE - {"gmf-hill-valley"}  # seen by the next read


def test_a_service_removed_behind_the_tools_back_is_granted_again(applied: Path) -> None:
    sql_on_state("DELETE FROM account_services WHERE username = 'CE20931'")
    assert settled_now() == EVERY_SITE - {"urgence-chu-de-quebec"}
    assert actions(warm_and_cold()) == [("grant_services", "CE20931")]


def test_an_account_deleted_behind_the_tools_back_is_made_again(applied: Path) -> None:
    sql_on_state(f"DELETE FROM account_services WHERE username = '{MARTIN}'",
                 f"DELETE FROM accounts WHERE username = '{MARTIN}'")
    assert actions(warm_and_cold()) == [("create_account", MARTIN)]


def test_an_edited_file_is_compared_again(applied: Path) -> None:
    edit(GMF, "first_name: Georges", "first_name: George")
    assert settled_now() == EVERY_SITE - {"gmf-hill-valley"}
    assert actions(warm_and_cold()) == [("update_account", "georgemacfly@ramq.gouv.qc.ca")]


def test_an_entry_moved_between_files(applied: Path) -> None:
    remove_user(GMF, f"email: {MARTIN}")
    edit(URGENCE, "users:\n", f"""users:
  - email: {MARTIN}
    title: monsieur
    first_name: Martin
    last_name: MacFly
    profile: personnel-administratif
    services: [rvsq]
    reviewed: \"2026-05-01\"
""")
    data = warm_and_cold()
    assert ("update_account", MARTIN) in actions(data)
    assert ("revoke_services", MARTIN) in actions(data)


def test_an_email_held_in_a_settled_establishment_is_found(applied: Path) -> None:
    """Planning one region: the email is an account's of a site not in the input."""
    edit(URGENCE, "users:\n", """users:
  - email: emmettbrown@ramq.gouv.qc.ca
    title: monsieur
    first_name: Emmett
    last_name: Doppelganger
    profile: personnel-administratif
    services: [rvsq]
    reviewed: \"2026-05-01\"
""")
    assert settled_now(paths=("access/03",)) == {"info-sante-811-capitale-nationale"}
    data = warm_and_cold("access/03")
    assert [(b["username"], b["code"], b["params"]) for b in data["blocked"]] == [
        ("emmettbrown@ramq.gouv.qc.ca", "B03", {"holder": "CE10455"})]


def test_a_removed_entry_is_still_removed(applied: Path) -> None:
    remove_user(GMF, "email: georgemacfly@ramq.gouv.qc.ca")
    assert actions(warm_and_cold()) == [("delete_account", "georgemacfly@ramq.gouv.qc.ca")]


@pytest.mark.parametrize("fmt", ["text", "markdown", "runbook"])
def test_reviewers_read_the_same_plan(applied: Path, fmt: str) -> None:
    """The renderings a pull request shows, made from a partly read state."""
    edit(GMF, "first_name: Georges", "first_name: George")
    remove_user(URGENCE, "email: sophie.gagnon@chudequebec.ca")
    assert settled_now() == {"info-sante-811-capitale-nationale"}
    warm, cold = (cli(*option, "plan", "--format", fmt) for option in ((), ("--no-cache",)))
    assert (warm.exit_code, warm.output) == (cold.exit_code, cold.output)
    assert "George" in warm.output


def test_another_day_settles_nothing(applied: Path) -> None:
    """Time-bound access ends on a date: what was in step yesterday is compared again."""
    assert settled_now(dt.date.today() + dt.timedelta(days=1)) == frozenset()


def test_an_apply_settles_what_it_changed(applied: Path) -> None:
    """So that the next pull request's plan compares only the files it changes."""
    edit(GMF, "first_name: Georges", "first_name: George")
    assert settled_now() == EVERY_SITE - {"gmf-hill-valley"}
    assert cli("apply", "--auto-approve").exit_code == 4
    assert settled_now() == EVERY_SITE
    assert warm_and_cold()["actions"] == []


def test_an_apply_renews_the_revision_of_what_it_changed(applied: Path) -> None:
    """A plan of the old bytes, settled before the apply, is compared again after it."""
    edit(GMF, "first_name: Georges", "first_name: George")
    assert cli("apply", "--auto-approve").exit_code == 4
    edit(GMF, "first_name: George", "first_name: Georges")
    assert settled_now() == EVERY_SITE - {"gmf-hill-valley"}
    assert actions(warm_and_cold()) == [("update_account", "georgemacfly@ramq.gouv.qc.ca")]


def test_migration_2_gives_existing_establishments_a_revision(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, state_url: str) -> None:
    monkeypatch.chdir(tmp_path)
    with monkeypatch.context() as first_release:
        first_release.setattr(sql, "MIGRATIONS", sql.MIGRATIONS[:1])
        new_store(state_url).close()
        sql_on_state(
            "INSERT INTO establishments (id, name, region, type, representative_name, "
            "representative_email, updated_at) VALUES ('gmf-a', 'A', '06', 'gmf', 'R', "
            "'r@example.org', 'now')",
            "INSERT INTO accounts (username, email, establishment, origin, created_at, "
            "updated_at) VALUES ('a@example.org', 'a@example.org', 'gmf-a', 'created', "
            "'now', 'now')",
        )

    def revision() -> str:  # brought up to date as apply does it
        store = open_store(resolve_state_url(None), "2026-11-26T00:00:00Z", writing=True)
        store.migrate("2026-11-26T00:00:00Z")
        try:
            return dict(store._execute(sql.REVISIONS).fetchall())["gmf-a"]
        finally:
            store.close()

    first = revision()
    assert len(first) >= 32
    sql_on_state("INSERT INTO account_services (username, service, granted_at) "
                 "VALUES ('a@example.org', 'rvsq', 'now')")
    second = revision()
    sql_on_state("UPDATE accounts SET establishment = NULL WHERE username = 'a@example.org'")
    third = revision()
    assert len({first, second, third}) == 3
