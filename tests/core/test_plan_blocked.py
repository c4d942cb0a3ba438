"""Entries the planner lists as blocked (B01–B07): each is skipped, with guidance, and never
stops the rest of the plan."""

from __future__ import annotations

from plan_cases import GMF_A, GMF_A_RECORD, GMF_B_RECORD, account, check, created, state

LEO = """\
  - {email: leo@example.org, title: monsieur, first_name: Léo, last_name: Roy,
     profile: personnel-administratif, services: [rvsq]}
"""


def test_b01_a_professional_named_by_an_unknown_username_has_no_account_yet() -> None:
    check(GMF_A + """\
  - {username: CE900, email: ana@example.org, title: docteure, first_name: Ana,
     last_name: Roy, profile: medecin, professional_number: "1-85012", services: [rvsq]}
""", state(GMF_A_RECORD), blocked=["B01 gmf-a CE900"])


def test_b02_an_unknown_username_is_not_created_for_anyone_else() -> None:
    check(GMF_A + """\
  - {username: CE900, email: ana@example.org, title: madame, first_name: Ana, last_name: Roy,
     profile: personnel-administratif, services: [rvsq]}
""" + LEO, state(GMF_A_RECORD),
          actions=["create_account gmf-a leo@example.org: rvsq"],
          blocked=["B02 gmf-a CE900"])


def test_b03_a_new_entry_whose_email_an_account_holds_is_not_added_to_it() -> None:
    check(GMF_A + """\
  - {email: ana@example.org, title: madame, first_name: Ana, last_name: Roy,
     profile: personnel-administratif, services: [rvsq]}
""", state(GMF_A_RECORD, account("CE100", establishment=None, services=())),
          blocked=["B03 gmf-a ana@example.org holder=CE100"],
          notices=["W202 count=1, examples=CE100"])


def test_b04_an_account_another_establishment_holds_outside_the_input_stays_there() -> None:
    check(GMF_A + """\
  - {username: CE100, email: ana@example.org, title: madame, first_name: Ana, last_name: Roy,
     profile: personnel-administratif, services: [rvsq]}
""", state(GMF_A_RECORD, GMF_B_RECORD, account("CE100", establishment="gmf-b")),
          blocked=["B04 gmf-a CE100 owner=gmf-b"],
          notices=["W201 establishment=gmf-b"])


def test_b05_no_new_secret_code_for_an_account_made_by_ramq() -> None:
    check(GMF_A + """\
  - {username: CE100, email: ana@example.org, title: madame, first_name: Ana, last_name: Roy,
     profile: personnel-administratif, services: [rvsq], secret_code: {rotate: t1}}
""", state(GMF_A_RECORD, account("CE100")), blocked=["B05 gmf-a CE100 _hint=ramq"])


def test_b05_no_new_secret_code_for_a_professional_even_on_a_representative_account() -> None:
    check(GMF_A + """\
  - {username: IELP100, email: ana@example.org, title: docteure, first_name: Ana,
     last_name: Roy, profile: medecin, professional_number: "1-85012", services: [rvsq],
     secret_code: {rotate: t1}}
""", state(GMF_A_RECORD, account("IELP100", title="docteure", profile="medecin",
                                 professional_number="1-85012")),
          blocked=["B05 gmf-a IELP100 _hint=professional"])


def test_b06_no_password_reset_for_an_account_made_by_ramq() -> None:
    check(GMF_A + """\
  - {username: IP100, email: ana@example.org, title: madame, first_name: Ana, last_name: Roy,
     profile: personnel-administratif, services: [rvsq], password_reset: {requested: INC-1}}
""", state(GMF_A_RECORD, account("IP100")), blocked=["B06 gmf-a IP100 _hint=ramq"])


def test_a_blocked_request_leaves_the_rest_of_the_entry_planned() -> None:
    check(GMF_A + """\
  - {username: CE100, email: ana@example.org, title: madame, first_name: Ana, last_name: Roy,
     profile: personnel-administratif, services: [rvsq, rvsq-reorientation-clinique],
     password_reset: {requested: INC-1}}
""", state(GMF_A_RECORD, account("CE100")),
          actions=["grant_services gmf-a CE100: rvsq-reorientation-clinique"],
          blocked=["B06 gmf-a CE100 _hint=ramq"])


def test_b07_a_new_email_another_account_holds_blocks_the_whole_entry() -> None:
    check(GMF_A + """\
  - {username: CE100, email: leo@example.org, title: madame, first_name: Ana, last_name: Roy,
     profile: personnel-administratif, services: [rvsq, rvsq-811]}
""", state(GMF_A_RECORD, account("CE100"),
           account("CE200", "leo@example.org", establishment=None, services=())),
          blocked=["B07 gmf-a CE100 holder=CE200, email=leo@example.org"],
          notices=["W202 count=1, examples=CE200"])


def test_a_created_account_keeps_its_keys_with_the_representative() -> None:
    # The counterpart of B05 and B06: the representative made it, so may ask for both.
    check(GMF_A + """\
  - {email: ana@example.org, title: madame, first_name: Ana, last_name: Roy,
     profile: personnel-administratif, services: [rvsq], secret_code: {rotate: t1},
     password_reset: {requested: INC-1}}
""", state(GMF_A_RECORD, created("ana@example.org")),
          actions=["regenerate_code gmf-a ana@example.org: t1",
                   "reset_password gmf-a ana@example.org: INC-1"])
