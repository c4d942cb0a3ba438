"""Time as the state records it (UTC, to the second, ISO 8601 with a Z), and as people read
it (Quebec's time, in words: `for_people`)."""

from __future__ import annotations

import datetime as dt
import functools
from typing import NamedTuple


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def iso(moment: dt.datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


# --- time for people ---------------------------------------------------------------------
# The state, JSON and CSV keep ISO 8601 UTC; people read the time of Quebec's zone, in words
# of their language. tzdata (a dependency) supplies the zone where the system has none.
QUEBEC = "America/Toronto"


@functools.cache
def _quebec() -> dt.tzinfo:
    # Loaded on first use: every command imports this module, few say a time to people.
    from zoneinfo import ZoneInfo
    return ZoneInfo(QUEBEC)


_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
}


def parse_iso(text: str) -> dt.datetime:
    """An ISO 8601 time as the state writes it (`…Z`); one with no zone is taken as UTC."""
    moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def moment_of(text: str, end: bool = False) -> dt.datetime | None:
    """A moment a person typed (`--as-of`, `--since`, `--until`), in UTC; None if it is not
    one. A day is Quebec's day: its first instant, or with `end` the first instant of the
    next (periods are half-open: a day given as their end is included whole). A time with
    no zone is Quebec's time; `Z` or an offset is taken as given."""
    text = text.strip()
    try:
        if len(text) == 10:
            day = dt.date.fromisoformat(text)
            if end:
                if day == dt.date.max:
                    return None
                day += dt.timedelta(days=1)
            start = dt.datetime.combine(day, dt.time())
            return start.replace(tzinfo=_quebec()).astimezone(dt.UTC)
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, OverflowError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=_quebec())
    try:
        return moment.astimezone(dt.UTC)
    except OverflowError:
        return None


class AsOf(NamedTuple):
    """`--as-of` as typed: a day (its whole, in Quebec) or a moment."""

    given: str
    moment: dt.datetime  # UTC: the state as it was just before it
    day: dt.date  # Quebec's day it falls in: reviews and expiries are counted from it

    @classmethod
    def read(cls, text: str) -> AsOf | None:
        moment = moment_of(text, end=True)
        if moment is None:
            return None
        day = dt.date.fromisoformat(text.strip()) if len(text.strip()) == 10 \
            else in_quebec(moment).date()
        return cls(text.strip(), moment, day)

    def is_past(self, now: dt.datetime) -> bool:
        """Whether it asks for a moment gone by: the log then rebuilds the state."""
        return self.moment <= now

    @property
    def iso(self) -> str:
        return iso(self.moment)


def day_for_people(day: dt.date, lang: str) -> str:
    """'December 2, 2026' / '2 décembre 2026' (French says the first day '1er')."""
    month = _MONTHS[lang][day.month - 1]
    if lang == "fr":
        return f"{'1er' if day.day == 1 else day.day} {month} {day.year}"
    return f"{month} {day.day}, {day.year}"


def in_quebec(moment: str | dt.datetime) -> dt.datetime:
    """A moment (the state's ISO text, or an aware datetime) in Quebec's time."""
    return (parse_iso(moment) if isinstance(moment, str) else moment).astimezone(_quebec())


@functools.lru_cache(maxsize=4096)  # a report lists thousands of changes of a few seconds
def for_people(moment: str | dt.datetime, lang: str) -> str:
    """A moment in Quebec's time, as people write it: 'December 2, 2026 at 6:40 p.m.' /
    '2 décembre 2026 à 18 h 40'. Takes the state's ISO text or an aware datetime."""
    local = in_quebec(moment)
    day = day_for_people(local.date(), lang)
    if lang == "fr":
        return f"{day} à {local.hour} h {local.minute:02d}"
    hour = local.hour % 12 or 12
    return f"{day} at {hour}:{local.minute:02d} {'a.m.' if local.hour < 12 else 'p.m.'}"
