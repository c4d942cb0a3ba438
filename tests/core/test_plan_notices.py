"""The planner's notices (W201–W205): things to know that change nothing by themselves,
and access that ends on a date."""

from __future__ import annotations

import datetime as dt

from plan_cases import (
    GMF_A,
    GMF_A_RECORD,
    GMF_B_RECORD,
    TODAY,
    account,
    check,
    created,
    state,
)

ANA = """\
  - {email: ana@example.org, title: madame, first_name: Ana, last_name: Roy,
     profile: personnel-administratif, services: [rvsq]}
"""


def ana_until(day: dt.date, username: str = "") -> str:
    """Ana's entry, her access ending on `day`."""
    named = f"username: {username}, " if username else ""
    return GMF_A + f"""\
  - {{{named}email: ana@example.org, title: madame, first_name: Ana, last_name: Roy,
     profile: personnel-administratif, services: [rvsq], expires: {day.isoformat()}}}
"""


def test_w201_an_establishment_no_file_describes_is_not_reconciled() -> None:
    check(GMF_A + ANA, state(GMF_A_RECORD, GMF_B_RECORD, created("ana@example.org"),
                             account("CE200", "leo@example.org", establishment="gmf-b")),
          notices=["W201 establishment=gmf-b"])


def test_w201_says_nothing_of_a_retired_establishment() -> None:
    check(GMF_A + ANA, state(GMF_A_RECORD, GMF_B_RECORD._replace(retired=True),
                             created("ana@example.org")))


def test_w202_counts_the_accounts_no_establishment_holds_and_names_five() -> None:
    unowned = [account(f"CE{n}", f"u{n}@example.org", establishment=None, services=())
               for n in range(101, 108)]
    check(GMF_A + ANA, state(GMF_A_RECORD, created("ana@example.org"), *unowned),
          notices=["W202 count=7, examples=CE101, CE102, CE103, CE104, CE105, …"])


def test_w203_access_ending_within_fourteen_days() -> None:
    ends = TODAY + dt.timedelta(days=14)
    check(ana_until(ends), state(GMF_A_RECORD),
          actions=["create_account gmf-a ana@example.org: rvsq"],
          notices=["W203 key=ana@example.org, date=2026-12-10"])


def test_no_notice_for_access_ending_in_fifteen_days() -> None:
    check(ana_until(TODAY + dt.timedelta(days=15)), state(GMF_A_RECORD),
          actions=["create_account gmf-a ana@example.org: rvsq"])


def test_w203_for_an_existing_account_too() -> None:
    ends = TODAY + dt.timedelta(days=1)
    check(ana_until(ends, "CE100"), state(GMF_A_RECORD, account("CE100", expires="2026-11-27")),
          notices=["W203 key=CE100, date=2026-11-27"])


def test_w204_no_account_is_created_for_access_that_ends_today() -> None:
    check(ana_until(TODAY), state(GMF_A_RECORD),
          notices=["W204 key=ana@example.org, date=2026-11-26"])


def test_w204_no_account_is_created_for_access_that_has_ended() -> None:
    check(ana_until(TODAY - dt.timedelta(days=30)), state(GMF_A_RECORD),
          notices=["W204 key=ana@example.org, date=2026-10-27"])


def test_access_ending_today_revokes_every_service_of_an_account() -> None:
    check(ana_until(TODAY, "CE100"),
          state(GMF_A_RECORD, account("CE100", services=("rvsq", "rvsq-811"),
                                      expires="2026-11-26")),
          actions=["revoke_services gmf-a CE100: rvsq, rvsq-811"])


def test_access_that_ended_and_is_revoked_asks_for_nothing_more() -> None:
    check(ana_until(TODAY - dt.timedelta(days=1), "CE100"),
          state(GMF_A_RECORD, account("CE100", services=(), expires="2026-11-25")))


def test_a_new_end_date_in_the_past_is_recorded_and_revokes() -> None:
    check(ana_until(TODAY - dt.timedelta(days=1), "CE100"), state(GMF_A_RECORD, account("CE100")),
          actions=["revoke_services gmf-a CE100: rvsq",
                   "update_account gmf-a CE100: expires None → 2026-11-25"])


def test_w205_an_account_named_by_its_email_is_planned_as_that_account() -> None:
    check(GMF_A + """\
  - {username: ana@example.org, email: ana@example.org, title: madame, first_name: Ana,
     last_name: Roy, profile: personnel-administratif, services: [rvsq, rvsq-811]}
""", state(GMF_A_RECORD, account("CE100")),
          actions=["grant_services gmf-a CE100: rvsq-811"],
          notices=["W205 key=ana@example.org, username=CE100"])


def test_w205_an_account_named_by_its_email_is_not_removed() -> None:
    check(GMF_A + """\
  - {username: ana@example.org, email: ana@example.org, title: madame, first_name: Ana,
     last_name: Roy, profile: personnel-administratif, services: [rvsq]}
""", state(GMF_A_RECORD, account("CE100")),
          notices=["W205 key=ana@example.org, username=CE100"])


def test_an_email_username_no_account_holds_is_not_known() -> None:
    check(GMF_A + """\
  - {username: ana@example.org, email: ana@example.org, title: madame, first_name: Ana,
     last_name: Roy, profile: personnel-administratif, services: [rvsq]}
""", state(GMF_A_RECORD), blocked=["B02 gmf-a ana@example.org"])


def test_notices_come_in_order_entries_then_establishments_then_accounts_then_dates() -> None:
    check(ana_until(TODAY + dt.timedelta(days=3), "ana@example.org"),
          state(GMF_A_RECORD, GMF_B_RECORD, account("CE100", expires="2026-11-29"),
                account("CE200", "leo@example.org", establishment=None, services=())),
          notices=["W205 key=ana@example.org, username=CE100",
                   "W201 establishment=gmf-b",
                   "W202 count=1, examples=CE200",
                   "W203 key=ana@example.org, date=2026-11-29"])
