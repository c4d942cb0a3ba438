"""Errors only the state can reveal (E070, E071): the plan holds them as problems, and a
plan with any is refused."""

from __future__ import annotations

from plan_cases import GMF_A, GMF_A_RECORD, GMF_B, GMF_B_RECORD, account, check, created, state

NURSE_CE100 = """\
  - {username: CE100, email: ana@example.org, title: madame, first_name: Ana, last_name: Roy,
     profile: infirmiere-clinicienne, services: [rvsq]}
"""


def test_e070_rvsq_is_not_added_to_a_clinical_nurse_s_existing_account() -> None:
    check(GMF_A + NURSE_CE100,
          state(GMF_A_RECORD, account("CE100", profile="infirmiere-clinicienne")),
          problems=["E070 a.yaml:5:30 key=CE100"])


def test_e070_a_clinical_nurse_s_new_account_needs_an_email_of_its_own() -> None:
    # Rule C needs the state: the email is her RAMQ account's.
    check(GMF_A + """\
  - {email: ana@example.org, title: madame, first_name: Ana, last_name: Roy,
     profile: infirmiere-clinicienne, services: [rvsq]}
""", state(GMF_A_RECORD, account("CE100", establishment=None, services=())),
          problems=["E070 a.yaml:5:13 key=CE100"],
          notices=["W202 count=1, examples=CE100"])


def test_a_clinical_nurse_s_account_made_by_this_tool_is_hers() -> None:
    check(GMF_A + """\
  - {username: ana@example.org, email: ana@example.org, title: madame, first_name: Ana,
     last_name: Roy, profile: infirmiere-clinicienne, services: [rvsq, rvsq-811]}
""", state(GMF_A_RECORD, created("ana@example.org", profile="infirmiere-clinicienne")),
          actions=["grant_services gmf-a ana@example.org: rvsq-811"])


def test_e071_an_account_named_by_its_email_and_by_its_username() -> None:
    check(GMF_A + """\
  - {username: ana@example.org, email: ana@example.org, title: madame, first_name: Ana,
     last_name: Roy, profile: personnel-administratif, services: [rvsq]}
  - {username: CE100, email: ana@example.org, title: madame, first_name: Ana, last_name: Roy,
     profile: personnel-administratif, services: [rvsq]}
""", state(GMF_A_RECORD, account("CE100")),
          notices=["W205 key=ana@example.org, username=CE100"],
          problems=["E071 a.yaml:5:16 key=ana@example.org, username=CE100, other=a.yaml:7"])


def test_e071_across_files() -> None:
    check([GMF_A + """\
  - {username: ana@example.org, email: ana@example.org, title: madame, first_name: Ana,
     last_name: Roy, profile: personnel-administratif, services: [rvsq]}
""", GMF_B + """\
  - {username: CE100, email: ana@example.org, title: madame, first_name: Ana, last_name: Roy,
     profile: personnel-administratif, services: [rvsq]}
"""], state(GMF_A_RECORD, GMF_B_RECORD, account("CE100")),
          actions=["update_account gmf-b CE100: establishment gmf-a → gmf-b"],
          notices=["W205 key=ana@example.org, username=CE100"],
          problems=["E071 a.yaml:5:16 key=ana@example.org, username=CE100, other=b.yaml:5"])
