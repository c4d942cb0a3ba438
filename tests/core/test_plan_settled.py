"""The settled scope: a warm plan skips the establishments found in step with their
accounts (reconciler/planning/settled.py), and the store then reads only the accounts the other
files name or whose emails they give. Each case's state holds only those."""

from __future__ import annotations

import datetime as dt

from plan_cases import (
    GMF_A,
    GMF_A_RECORD,
    GMF_B,
    GMF_B_RECORD,
    TODAY,
    account,
    check,
    state,
)

ANA_CE100 = """\
  - {username: CE100, email: ana@example.org, title: madame, first_name: Ana, last_name: Roy,
     profile: personnel-administratif, services: [rvsq]}
"""
LEO = """\
  - {email: leo@example.org, title: monsieur, first_name: Léo, last_name: Roy,
     profile: personnel-administratif, services: [rvsq]}
"""


def test_a_settled_establishment_s_entries_are_not_compared() -> None:
    # Its accounts were not read: compared, its entry would ask for a new account.
    check([GMF_A + ANA_CE100, GMF_B + LEO], state(GMF_A_RECORD, GMF_B_RECORD),
          settled={"gmf-a"},
          actions=["create_account gmf-b leo@example.org: rvsq"])


def test_a_settled_establishment_s_own_record_is_still_compared() -> None:
    check(GMF_A + ANA_CE100, state(GMF_A_RECORD._replace(name="GMF Old")), settled={"gmf-a"},
          actions=["update_establishment gmf-a: name GMF Old → GMF A"])


def test_an_account_read_for_its_email_is_not_removed_from_its_settled_establishment() -> None:
    check([GMF_A + ANA_CE100, GMF_B + LEO.replace("leo@", "ana@")],
          state(GMF_A_RECORD, GMF_B_RECORD, account("CE100")), settled={"gmf-a"},
          blocked=["B03 gmf-b ana@example.org holder=CE100"])


def test_e071_an_account_of_a_settled_establishment_named_by_its_email() -> None:
    check([GMF_A + ANA_CE100, GMF_B + """\
  - {username: ana@example.org, email: ana@example.org, title: madame, first_name: Ana,
     last_name: Roy, profile: personnel-administratif, services: [rvsq]}
"""], state(GMF_A_RECORD, GMF_B_RECORD, account("CE100")), settled={"gmf-a"},
          actions=["update_account gmf-b CE100: establishment gmf-a → gmf-b"],
          notices=["W205 key=ana@example.org, username=CE100"],
          problems=["E071 b.yaml:5:16 key=ana@example.org, username=CE100, other=a.yaml:5"])


def test_access_ending_soon_is_noticed_in_a_settled_establishment_too() -> None:
    # A warm plan says what a cold one says: the date is in the file, not the accounts.
    ends = (TODAY + dt.timedelta(days=2)).isoformat()
    check(GMF_A + ANA_CE100.replace("services: [rvsq]", f"services: [rvsq], expires: {ends}"),
          state(GMF_A_RECORD), settled={"gmf-a"},
          notices=["W203 key=CE100, date=2026-11-28"])
