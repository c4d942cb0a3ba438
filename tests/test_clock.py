"""Times for people: Quebec's time (America/Toronto), in each language's words; the state's
ISO 8601 UTC text in, a winter and a summer time, midnight, the first of the month."""

from __future__ import annotations

import datetime as dt

import pytest

from reconciler.clock import day_for_people, for_people, iso, parse_iso


@pytest.mark.parametrize(("stored", "en", "fr"), [
    # winter (EST, UTC-5): the issue's own example
    ("2026-12-02T23:40:29Z", "December 2, 2026 at 6:40 p.m.", "2 décembre 2026 à 18 h 40"),
    # summer (EDT, UTC-4)
    ("2026-07-15T13:05:00Z", "July 15, 2026 at 9:05 a.m.", "15 juillet 2026 à 9 h 05"),
    # midnight in Quebec, the first of the month; a UTC day that is still yesterday there
    ("2026-03-01T05:00:00Z", "March 1, 2026 at 12:00 a.m.", "1er mars 2026 à 0 h 00"),
    ("2027-01-01T02:30:00Z", "December 31, 2026 at 9:30 p.m.", "31 décembre 2026 à 21 h 30"),
    # noon
    ("2026-06-21T16:00:00Z", "June 21, 2026 at 12:00 p.m.", "21 juin 2026 à 12 h 00"),
])
def test_a_stored_time_is_said_in_quebec_time(stored: str, en: str, fr: str) -> None:
    assert for_people(stored, "en") == en
    assert for_people(stored, "fr") == fr


def test_the_change_of_hour_is_the_zone_s() -> None:
    # 2026-03-08: clocks go forward at 2:00 in Quebec; one UTC hour apart, two local hours
    assert for_people("2026-03-08T06:59:00Z", "fr") == "8 mars 2026 à 1 h 59"
    assert for_people("2026-03-08T07:00:00Z", "fr") == "8 mars 2026 à 3 h 00"


def test_an_aware_datetime_and_a_day() -> None:
    moment = dt.datetime(2026, 12, 2, 23, 40, tzinfo=dt.UTC)
    assert for_people(moment, "en") == "December 2, 2026 at 6:40 p.m."
    assert day_for_people(dt.date(2026, 11, 1), "fr") == "1er novembre 2026"
    assert day_for_people(dt.date(2026, 11, 20), "en") == "November 20, 2026"


def test_the_state_keeps_utc_iso() -> None:
    moment = parse_iso("2026-12-02T23:40:29Z")
    assert moment.tzinfo is not None and iso(moment) == "2026-12-02T23:40:29Z"
