"""Each kind of action the planner makes (reconciler/planning/planner.py KINDS), and their order."""

from __future__ import annotations

from plan_cases import GMF_A, GMF_A_RECORD, GMF_B, GMF_B_RECORD, account, check, created, state

from reconciler.planning.planner import KINDS

ANA = """\
  - {email: ana@example.org, title: madame, first_name: Ana, last_name: Roy,
     profile: personnel-administratif, services: [rvsq]}
"""
LEO = """\
  - {email: leo@example.org, title: monsieur, first_name: Léo, last_name: Roy,
     profile: personnel-administratif, services: [rvsq]}
"""
ANA_CE100 = """\
  - {username: CE100, email: ana@example.org, title: madame, first_name: Ana, last_name: Roy,
     profile: personnel-administratif, services: [rvsq]}
"""


def test_these_cases_cover_every_kind() -> None:
    assert KINDS == ("create_establishment", "update_establishment", "create_account",
                     "grant_services", "revoke_services", "update_account", "regenerate_code",
                     "reset_password", "delete_account")


def test_a_file_and_state_in_step_plan_nothing() -> None:
    check(GMF_A + ANA, state(GMF_A_RECORD, created("ana@example.org")))
    check(GMF_A + ANA_CE100, state(GMF_A_RECORD, account("CE100")))


def test_an_establishment_the_state_does_not_know_is_created_first() -> None:
    check(GMF_A + ANA, state(),
          actions=["create_establishment gmf-a",
                   "create_account gmf-a ana@example.org: rvsq"])


def test_an_establishment_record_that_differs_is_updated_field_by_field() -> None:
    renamed = GMF_A_RECORD._replace(name="GMF Old", representative_email="old@example.org")
    check(GMF_A + ANA, state(renamed, created("ana@example.org")),
          actions=["update_establishment gmf-a: name GMF Old → GMF A, "
                   "representative_email old@example.org → rita.roy@example.org"])


def test_an_entry_without_username_creates_an_account_with_its_services_sorted() -> None:
    check(GMF_A + """\
  - {email: ana@example.org, title: madame, first_name: Ana, last_name: Roy,
     profile: personnel-administratif, services: [rvsq-reorientation-clinique, rvsq]}
""", state(GMF_A_RECORD),
          actions=["create_account gmf-a ana@example.org: rvsq, rvsq-reorientation-clinique"])


def test_a_new_account_only_records_the_tokens_of_its_one_time_requests() -> None:
    result = check(GMF_A + """\
  - {email: ana@example.org, title: madame, first_name: Ana, last_name: Roy,
     profile: personnel-administratif, services: [rvsq],
     secret_code: {rotate: "2026-11-20"}, password_reset: {requested: INC-1}}
""", state(GMF_A_RECORD), actions=["create_account gmf-a ana@example.org: rvsq"])
    after = result.plan.actions[0].after
    assert after is not None
    assert (after["origin"], after["code_token"], after["reset_token"]) == (
        "created", "2026-11-20", "INC-1")


def test_an_existing_ramq_account_no_establishment_holds_is_adopted() -> None:
    # RVSQ added to an account of the RAMQ directory: it is granted, then given the
    # establishment; no W202 for it, as it will belong to one once applied.
    check(GMF_A + ANA_CE100, state(GMF_A_RECORD, account("CE100", establishment=None,
                                                         services=())),
          actions=["grant_services gmf-a CE100: rvsq",
                   "update_account gmf-a CE100: establishment None → gmf-a"])


def test_services_unticked_are_revoked_and_ticked_ones_granted() -> None:
    check(GMF_A + ANA_CE100, state(GMF_A_RECORD, account("CE100", services=("rvsq-811",))),
          actions=["grant_services gmf-a CE100: rvsq",
                   "revoke_services gmf-a CE100: rvsq-811"])


def test_a_corrected_field_updates_the_account() -> None:
    check(GMF_A + ANA_CE100, state(GMF_A_RECORD, account("CE100", last_name="Roi",
                                                         ticket="INC-7")),
          actions=["update_account gmf-a CE100: last_name Roi → Roy, ticket INC-7 → None"])


def test_a_created_account_changes_its_email_under_its_old_one() -> None:
    check(GMF_A + """\
  - {username: ana@example.org, email: ana.roy@example.org, title: madame, first_name: Ana,
     last_name: Roy, profile: personnel-administratif, services: [rvsq]}
""", state(GMF_A_RECORD, created("ana@example.org")),
          actions=["update_account gmf-a ana@example.org: "
                   "email ana@example.org → ana.roy@example.org"])


def test_a_new_token_asks_for_a_new_secret_code() -> None:
    check(GMF_A + """\
  - {email: ana@example.org, title: madame, first_name: Ana, last_name: Roy,
     profile: personnel-administratif, services: [rvsq], secret_code: {rotate: t2}}
""", state(GMF_A_RECORD, created("ana@example.org", code_token="t1")),
          actions=["regenerate_code gmf-a ana@example.org: t2"])


def test_a_token_already_applied_asks_for_nothing() -> None:
    check(GMF_A + """\
  - {email: ana@example.org, title: madame, first_name: Ana, last_name: Roy,
     profile: personnel-administratif, services: [rvsq], secret_code: {rotate: t1},
     password_reset: {requested: INC-1}}
""", state(GMF_A_RECORD, created("ana@example.org", code_token="t1", reset_token="INC-1")))


def test_a_new_token_asks_for_a_password_reset() -> None:
    check(GMF_A + """\
  - {email: ana@example.org, title: madame, first_name: Ana, last_name: Roy,
     profile: personnel-administratif, services: [rvsq], password_reset: {requested: INC-2}}
""", state(GMF_A_RECORD, created("ana@example.org", reset_token="INC-1")),
          actions=["reset_password gmf-a ana@example.org: INC-2"])


def test_a_created_account_no_longer_listed_is_deleted() -> None:
    check(GMF_A + ANA, state(GMF_A_RECORD, created("ana@example.org"),
                             created("leo@example.org", title="monsieur", first_name="Léo")),
          actions=["delete_account gmf-a leo@example.org"])


def test_an_existing_ramq_account_no_longer_listed_loses_rvsq_and_is_released() -> None:
    check(GMF_A + ANA, state(GMF_A_RECORD, created("ana@example.org"),
                             account("CE200", "leo@example.org", services=("rvsq", "rvsq-811"))),
          actions=["revoke_services gmf-a CE200: rvsq, rvsq-811",
                   "update_account gmf-a CE200: establishment gmf-a → None"])


def test_a_released_account_without_services_is_only_released() -> None:
    check(GMF_A + ANA, state(GMF_A_RECORD, created("ana@example.org"),
                             account("CE200", "leo@example.org", services=())),
          actions=["update_account gmf-a CE200: establishment gmf-a → None"])


def test_a_release_counts_as_a_removal_for_the_deletion_guard() -> None:
    result = check(GMF_A + ANA, state(GMF_A_RECORD, created("ana@example.org"),
                                      account("CE200", "leo@example.org", services=())),
                   actions=["update_account gmf-a CE200: establishment gmf-a → None"])
    assert [a.is_removal for a in result.plan.actions] == [True]


def test_a_retired_establishment_removes_every_account_it_holds() -> None:
    check("""\
version: 1
establishment: {id: gmf-a, name: GMF A, region: "06", type: gmf, retired: true}
representative: {name: Rita Roy, email: rita.roy@example.org}
users: []
""", state(GMF_A_RECORD, created("ana@example.org"), account("CE200", "leo@example.org")),
          actions=["update_establishment gmf-a: retired False → True",
                   "revoke_services gmf-a CE200: rvsq",
                   "update_account gmf-a CE200: establishment gmf-a → None",
                   "delete_account gmf-a ana@example.org"])


def test_an_entry_moved_to_another_file_given_together_is_one_update() -> None:
    check([GMF_A + LEO, GMF_B + ANA_CE100],
          state(GMF_A_RECORD, GMF_B_RECORD, account("CE100"), created("leo@example.org",
                                                                      title="monsieur",
                                                                      first_name="Léo")),
          actions=["update_account gmf-b CE100: establishment gmf-a → gmf-b"])


def test_within_an_account_actions_run_in_the_order_of_their_kinds() -> None:
    # One entry asking for everything at once: a grant, a revoke, an update, a new code
    # and a reset, in that order (ARCHITECTURE §7), however the planner found them.
    check(GMF_A + """\
  - {username: IELP100, email: ana@example.org, title: madame, first_name: Ana,
     last_name: Roy, profile: personnel-administratif, services: [rvsq-reorientation-clinique],
     secret_code: {rotate: t2}, password_reset: {requested: r2}}
""", state(GMF_A_RECORD, account("IELP100", last_name="Roi", code_token="t1",
                                 reset_token="r1")),
          actions=["grant_services gmf-a IELP100: rvsq-reorientation-clinique",
                   "revoke_services gmf-a IELP100: rvsq",
                   "update_account gmf-a IELP100: last_name Roi → Roy",
                   "regenerate_code gmf-a IELP100: t2",
                   "reset_password gmf-a IELP100: r2"])


def test_actions_are_ordered_by_establishment_then_username() -> None:
    # Usernames compare as text: CE… and IELP… come before emails.
    check([GMF_B + ANA.replace("ana@", "zoe@"), GMF_A + ANA.replace("ana@", "bea@") + ANA],
          state(),
          actions=["create_establishment gmf-a",
                   "create_account gmf-a ana@example.org: rvsq",
                   "create_account gmf-a bea@example.org: rvsq",
                   "create_establishment gmf-b",
                   "create_account gmf-b zoe@example.org: rvsq"])
