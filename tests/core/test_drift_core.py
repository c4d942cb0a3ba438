"""planning/drift.py, pure: states, tasks and portal rows built by hand."""

from __future__ import annotations

from typing import Any

import pytest

from reconciler.planning.drift import (
    DIFFERS,
    MISSING,
    ORPHAN,
    Difference,
    compare,
    compare_directory,
    differences,
    shown_done,
)
from reconciler.reading.directory_csv import Sheet
from reconciler.reading.portal_export import PortalRow, is_directory, rows
from reconciler.records import (
    CREATED,
    DONE,
    EXISTING,
    OPEN,
    AccountRecord,
    EstablishmentRecord,
    PortalTask,
    State,
)

SITE, OTHER = "gmf-a", "gmf-b"


def _account(username: str, establishment: str | None = SITE, services: tuple[str, ...] = (
        "rvsq",), first: str = "Ann", last: str = "Roy", origin: str = CREATED,
             email: str | None = None) -> AccountRecord:
    return AccountRecord(username, email or f"{username.lower()}@x.org", None, first, last,
                         None, None, establishment, None, None, None, origin, services, None,
                         None)


def _state(*accounts: AccountRecord) -> State:
    places = {i: EstablishmentRecord(i, i.upper(), "06", "gmf", "R", "r@x.org", None, False,
                                     "portal") for i in (SITE, OTHER)}
    return State(1, places, {a.username: a for a in accounts})


def _task(number: int, action: str, username: str, status: str = OPEN,
          **fields: Any) -> PortalTask:
    return PortalTask(number, "run", fields.pop("establishment", SITE), username, action,
                      {"action": action, "username": username, **fields}, "2026-12-01T00:00:00Z",
                      status)


def _row(username: str, services: tuple[str, ...] | None = ("rvsq",), first: str = "Ann",
         last: str = "Roy", line: int = 2) -> PortalRow:
    return PortalRow(line, username, first, last, None,
                     None if services is None else frozenset(services))


@pytest.mark.parametrize(("task", "row", "done"), [
    (_task(1, "create_account", "a@x.org", services=["rvsq"]), _row("A@X.ORG"), True),
    (_task(1, "create_account", "a@x.org", services=["rvsq-811"]), _row("a@x.org"), False),
    (_task(1, "create_account", "a@x.org"), None, False),
    (_task(1, "grant_services", "CE1", services=["rvsq-811"]),
     _row("CE1", ("rvsq", "rvsq-811")), True),
    (_task(1, "grant_services", "CE1", services=["rvsq-811"]), _row("CE1"), False),
    (_task(1, "revoke_services", "CE1", services=["rvsq-811"]), _row("CE1"), True),
    (_task(1, "revoke_services", "CE1", services=["rvsq"]), _row("CE1"), False),
    (_task(1, "delete_account", "a@x.org"), None, True),
    (_task(1, "delete_account", "a@x.org"), _row("a@x.org"), False),
    (_task(1, "update_account", "CE1", changes={"establishment": {"old": SITE, "new": None}}),
     None, True),
    (_task(1, "update_account", "CE1", changes={"establishment": {"old": None, "new": SITE}}),
     _row("CE1"), True),
    (_task(1, "update_account", "CE1", changes={"last_name": {"old": "Roi", "new": "Roy"}}),
     _row("CE1"), True),
    (_task(1, "update_account", "CE1", changes={"last_name": {"old": "Roy", "new": "Roi"}}),
     _row("CE1"), False),
    (_task(1, "update_account", "CE1", changes={"email": {"old": "a@x.org", "new": "b@x.org"}}),
     _row("CE1"), None),
    (_task(1, "regenerate_code", "a@x.org"), _row("a@x.org"), None),
    (_task(1, "reset_password", "a@x.org"), _row("a@x.org"), None),
])
def test_what_an_export_shows_done(task: PortalTask, row: PortalRow | None,
                                   done: bool | None) -> None:
    assert shown_done(task, row, services_compared=True) is done


def test_services_need_their_columns() -> None:
    grant = _task(1, "grant_services", "CE1", services=["rvsq"])
    assert shown_done(grant, _row("CE1", None), services_compared=False) is None
    create = _task(1, "create_account", "a@x.org", services=["rvsq"])
    assert shown_done(create, _row("a@x.org", None), services_compared=False) is True


def test_drift_per_establishment() -> None:
    state = _state(_account("a@x.org"), _account("b@x.org"), _account("c@x.org", last="Roi"),
                   _account("d@x.org", services=("rvsq", "rvsq-811")),
                   _account("CE9", establishment=OTHER, origin=EXISTING))
    portal = {SITE: [_row("A@x.org"), _row("c@x.org", line=3), _row("d@x.org", line=4),
                     _row("e@x.org", line=5), _row("CE9", line=6)]}
    drift = compare(state, [], portal, services_compared=True)
    [place] = drift.establishments
    found = {(a.kind, a.username): a for a in place.accounts}
    assert set(found) == {(DIFFERS, "c@x.org"), (DIFFERS, "d@x.org"), (ORPHAN, "e@x.org"),
                          (ORPHAN, "CE9"), (MISSING, "b@x.org")}
    assert found[(DIFFERS, "c@x.org")].differences == (Difference("last_name", "Roi", "Roy"),)
    assert found[(DIFFERS, "d@x.org")].differences == (
        Difference("services", ["rvsq", "rvsq-811"], ["rvsq"]),)
    assert found[(ORPHAN, "CE9")].elsewhere == OTHER
    assert not drift.in_step


def test_an_account_with_a_waiting_task_is_not_drift() -> None:
    state = _state(_account("a@x.org", services=("rvsq", "rvsq-811")), _account("b@x.org"))
    tasks = [_task(7, "grant_services", "a@x.org", services=["rvsq-811"]),
             _task(8, "create_account", "b@x.org", services=["rvsq"]),
             _task(9, "regenerate_code", "b@x.org"),
             _task(3, "create_account", "z@x.org", status=DONE)]
    drift = compare(state, tasks, {SITE: [_row("a@x.org"), _row("b@x.org")]}, True)
    [place] = drift.establishments
    assert [t.id for t in place.confirmed] == [8]
    assert [t.id for t in place.waiting] == [7]
    assert [t.id for t in place.unseeable] == [9]
    assert place.accounts == () and drift.in_step


def test_without_service_columns_only_names_compare() -> None:
    state = _state(_account("a@x.org", services=("rvsq", "rvsq-811")))
    drift = compare(state, [], {SITE: [_row("a@x.org", None)]}, services_compared=False)
    assert drift.in_step


def test_differences_come_whole_from_deepdiff() -> None:
    assert differences({"first_name": None, "services": ["rvsq"]},
                       {"first_name": "Ann", "services": ["rvsq", "rvsq-811"]}) == (
        Difference("first_name", None, "Ann"),
        Difference("services", ["rvsq"], ["rvsq", "rvsq-811"]))
    assert differences({"a": "x"}, {"a": "x"}) == ()


def test_a_directory_compares_identity_fields() -> None:
    state = _state(_account("CE1", origin=EXISTING, email="one@x.org"),
                   _account("CE2", origin=EXISTING, email="two@x.org"))
    directory = [{"username": "CE1", "email": "one@x.org", "title": None, "first_name": "Ann",
                  "last_name": "Roi", "profile": None, "professional_number": None, "line": 2},
                 {"username": "CE3", "email": "three@x.org", "line": 3}]
    drift = compare_directory(state, directory, None)
    found = {(a.kind, a.username) for p in drift.establishments for a in p.accounts}
    assert found == {(DIFFERS, "CE1"), (MISSING, "CE2"), (ORPHAN, "CE3")}
    assert drift.directory and not drift.services_compared


def _sheet(text: str, delimiter: str = ",") -> Sheet:
    return Sheet(text, "utf-8", delimiter)


def test_the_reader_folds_headers_and_reads_boxes() -> None:
    text = ("NOM;Prénom;Nom d’utilisateur;Établissement;Rendez-vous santé Québec - 811\n"
            "Roy;Ann;A@X.ORG;gmf-a;Oui\n;;;;\nRoi;Bob;CE1;gmf-a;\n")
    export, problems = rows(_sheet(text, ";"), "e.csv", {SITE})
    assert problems == []
    assert export.has_services and export.has_establishment
    assert [(r.line, r.username, r.services) for r in export.rows] == [
        (2, "a@x.org", frozenset({"rvsq-811"})), (4, "CE1", frozenset())]


def test_a_directory_is_told_apart_by_its_columns() -> None:
    assert is_directory(_sheet("username,email,profile\nCE1,a@x.org,medecin\n"))
    assert not is_directory(_sheet("username,first_name,last_name,email\n"))
