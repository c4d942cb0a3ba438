"""history/replay.py on entries written by hand: what each kind of entry does to the state
rebuilt, entries written before entries told the story (a deletion as `{}`, an import that
names its accounts only), and the moment's edge. The property test over real applies is
tests/test_replay.py."""

from __future__ import annotations

from typing import Any

from reconciler.history.replay import AuditEntry, replay

GENESIS = "sha256:" + "0" * 64


def entry(seq: int, at: str, action: str, username: str | None = None,
          establishment: str | None = "gmf", **fields: Any) -> AuditEntry:
    return AuditEntry(seq, at, "ci", "c0ffee", "run", action, establishment, username, fields,
                      GENESIS, f"sha256:{seq:064x}")


GMF = entry(1, "2026-03-01T10:00:00Z", "create_establishment", None, id="gmf", name="GMF",
            region="06", type="gmf", representative_name="Jennifer Parker",
            representative_email="jp@example.org", age_recipient=None, retired=False)
ANA = entry(2, "2026-03-01T10:00:01Z", "create_account", "ana@example.org",
            email="ana@example.org", title="madame", first_name="Ana", last_name="Roy",
            profile="personnel-administratif", professional_number=None, establishment="gmf",
            expires=None, reviewed="2026-02-01", ticket="INC-1", origin="created",
            code_token=None, reset_token=None, services=["rvsq"], code="sealed")


def test_a_creation_then_a_grant_then_a_revocation() -> None:
    entries = [GMF, ANA,
               entry(3, "2026-03-02T10:00:00Z", "grant_services", "ana@example.org",
                     services=["rvsq-811"]),
               entry(4, "2026-03-03T10:00:00Z", "revoke_services", "ana@example.org",
                     services=["rvsq"])]
    assert replay(entries, "2026-03-02T00:00:00Z").state.accounts["ana@example.org"].services \
        == ("rvsq",)
    assert replay(entries, "2026-03-02T10:00:01Z").state.accounts[
        "ana@example.org"].services == ("rvsq", "rvsq-811")
    later = replay(entries, "2026-04-01T00:00:00Z")
    account = later.state.accounts["ana@example.org"]
    assert account.services == ("rvsq-811",)
    assert (account.created_at, account.code_issued_at) == ("2026-03-01T10:00:01Z",) * 2
    assert later.last == entries[-1] and later.state.serial == 4
    assert later.last_about["ana@example.org"].seq == 4
    assert later.state.establishments["gmf"].name == "GMF"


def test_an_entry_at_the_moment_itself_is_not_yet_part_of_it() -> None:
    assert replay([GMF, ANA], ANA.at).state.accounts == {}


def test_an_update_a_new_code_a_reset_and_a_deletion_written_as_before() -> None:
    entries = [GMF, ANA,
               entry(3, "2026-03-02T10:00:00Z", "update_account", "ana@example.org",
                     changes={"last_name": {"old": "Roy", "new": "Roy-Côté"},
                              "establishment": {"old": "gmf", "new": None}}),
               entry(4, "2026-03-03T10:00:00Z", "regenerate_code", "ana@example.org",
                     token="R-1", code="sealed"),
               entry(5, "2026-03-04T10:00:00Z", "reset_password", "ana@example.org",
                     token="P-1")]
    account = replay(entries, "2026-04-01T00:00:00Z").state.accounts["ana@example.org"]
    assert (account.last_name, account.establishment) == ("Roy-Côté", None)
    assert (account.code_token, account.code_issued_at) == ("R-1", "2026-03-03T10:00:00Z")
    assert (account.reset_token, account.reset_at) == ("P-1", "2026-03-04T10:00:00Z")
    assert account.updated_at == "2026-03-04T10:00:00Z"
    deleted = [*entries, entry(6, "2026-03-05T10:00:00Z", "delete_account", "ana@example.org")]
    assert replay(deleted, "2026-04-01T00:00:00Z").state.accounts == {}  # `{}`, as before


def test_an_import_that_named_its_accounts_only_is_said_unknown() -> None:
    old = entry(1, "2026-01-01T00:00:00Z", "import_directory", None, None,
                file="ramq.csv", accounts=2, usernames=["CE1", "CE2"])
    new = entry(2, "2026-01-02T00:00:00Z", "import_directory", None, None,
                usernames=["CE2"], rows=[{"username": "CE2", "email": "b@example.org",
                                          "title": "docteure", "first_name": "Bea",
                                          "last_name": "Roy", "profile": "medecin",
                                          "professional_number": "1-23456"}])
    first = replay([old], "2026-01-01T12:00:00Z")
    assert first.unknown == {"CE1", "CE2"} and first.state.accounts["CE1"].origin == "existing"
    both = replay([old, new], "2026-02-01T00:00:00Z")
    assert both.unknown == {"CE1"}  # CE2's whole identity came with the later import
    assert both.state.accounts["CE2"].email == "b@example.org"


def test_an_action_it_does_not_know_changes_nothing() -> None:
    later = entry(3, "2026-03-02T00:00:00Z", "confirm_task", "ana@example.org", task=7)
    rebuilt = replay([GMF, ANA, later], "2026-04-01T00:00:00Z")
    assert list(rebuilt.state.accounts) == ["ana@example.org"] and rebuilt.last == later


def test_an_adoption_of_the_portal() -> None:
    """`drift --adopt`: an account the portal lists that the state lacked is added as an
    existing one; a known one takes the portal's names, establishment and services."""
    entries = [GMF, ANA,
               entry(3, "2026-03-02T10:00:00Z", "adopt_portal", "bo@example.org",
                     new_account=True, source="portail.csv",
                     person={"username": "bo@example.org", "email": "bo@example.org",
                             "title": None, "first_name": "Bo", "last_name": "Lee",
                             "profile": None, "professional_number": None,
                             "origin": "existing"},
                     changes={"establishment": {"old": None, "new": "gmf"}},
                     services_before=[], services_after=["rvsq", "rvsq-811"]),
               entry(4, "2026-03-03T10:00:00Z", "adopt_portal", "ana@example.org",
                     source="portail.csv", changes={
                         "last_name": {"old": "Roy", "new": "Roi"},
                         "establishment": {"old": "gmf", "new": None}},
                     services_before=["rvsq"], services_after=[])]
    accounts = replay(entries, "2026-03-04T00:00:00Z").state.accounts
    bo = accounts["bo@example.org"]
    assert (bo.origin, bo.establishment, bo.services, bo.last_name, bo.created_at) == (
        "existing", "gmf", ("rvsq", "rvsq-811"), "Lee", "2026-03-02T10:00:00Z")
    ana = accounts["ana@example.org"]
    assert (ana.establishment, ana.services, ana.last_name, ana.updated_at) == (
        None, (), "Roi", "2026-03-03T10:00:00Z")
