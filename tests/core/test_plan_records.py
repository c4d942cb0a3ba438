"""A created account's `after` (plan.NewAccount) reads, compares and serialises exactly
like the dict it stands for: plans saved, read back and compared (E134) depend on it."""

from __future__ import annotations

import json

from reconciler.planning.planner import Action, NewAccount

FIELDS = {
    "email": "marie@example.org", "title": "madame", "first_name": "Marie",
    "last_name": "Tremblay", "profile": "personnel-administratif",
    "professional_number": None, "establishment": "gmf-a", "expires": None,
    "reviewed": "2026-05-01", "ticket": "SR-1", "origin": "created", "code_token": None,
    "reset_token": None,
}


def test_a_new_account_reads_like_its_dict() -> None:
    after = NewAccount(tuple(FIELDS.values()))
    assert after == FIELDS
    assert FIELDS == after  # noqa: SIM300 (the dict's side of the comparison)
    assert list(after) == list(FIELDS) and len(after) == len(FIELDS)
    assert after["email"] == "marie@example.org" and after.get("expires") is None
    assert after.get("name", "?") == "?" and "name" not in after
    assert {**after, "services": []} == {**FIELDS, "services": []}


def test_a_create_action_round_trips_through_json() -> None:
    action = Action("create_account", "gmf-a", "marie@example.org",
                    after=NewAccount(tuple(FIELDS.values())))
    data = json.loads(json.dumps(action.to_dict()))
    assert data["after"] == FIELDS
    assert Action.from_dict(data) == action  # a saved plan equals the one made again
