"""A moment gone by, as people are told it was rebuilt from the audit log: `state list`,
`state show` and `report` with `--as-of` a past day or time (history/replay.py)."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from reconciler.catalog import Messages
from reconciler.clock import day_for_people, for_people
from reconciler.history.replay import Replayed
from reconciler.render.markdown import plain


class Rebuilt(NamedTuple):
    """How a past state was rebuilt: up to which entry of the chain (its hash, so that a
    published head vouches for it), and what the log could not say."""

    moment: str  # ISO 8601 UTC: the state as it was just before it
    as_of: str  # as the reader typed it (a day, or a moment)
    seq: int  # the last entry replayed (0: none)
    hash: str | None
    total: int  # entries in the log when it was read
    unknown: tuple[str, ...]  # accounts whose identity the log does not hold

    @classmethod
    def of(cls, past: Replayed, as_of: str, total: int) -> Rebuilt:
        return cls(past.moment, as_of, past.last.seq if past.last else 0,
                   past.last.hash if past.last else None, total, tuple(sorted(past.unknown)))


def when_words(rebuilt: Rebuilt, messages: Messages) -> str:
    """'at the end of March 15, 2026' for a day given whole; 'on March 15, 2026 at 2:30
    p.m.' for a moment."""
    given = rebuilt.as_of
    if len(given) == 10:
        day = dt.date.fromisoformat(given)
        return messages("history.when_day", day=day_for_people(day, messages.lang))
    return messages("history.when_moment", moment=for_people(rebuilt.moment, messages.lang))


def rebuilt_lines(rebuilt: Rebuilt, messages: Messages) -> list[str]:
    """What a reconstruction says before anything else: the moment, the entry of the log it
    stops after, and the accounts the log could not describe."""
    when = when_words(rebuilt, messages)
    if rebuilt.seq == 0:
        return [messages("history.rebuilt_empty", when=when)]
    return [messages("history.rebuilt", when=when, seq=rebuilt.seq, total=rebuilt.total,
                     hash=rebuilt.hash), *_unknown(rebuilt, messages)]


def rebuilt_detail(rebuilt: Rebuilt, messages: Messages) -> str:
    """How a report's past moment was rebuilt, after the moment itself is said: up to which
    entry, and what the log could not say."""
    if rebuilt.seq == 0:
        return messages("report.meta.rebuilt_empty")
    return " ".join([messages("report.meta.rebuilt_value", seq=rebuilt.seq,
                              total=rebuilt.total, hash=rebuilt.hash),
                     *_unknown(rebuilt, messages)])


def _unknown(rebuilt: Rebuilt, messages: Messages) -> list[str]:
    """The accounts the log names without describing them, if any, said once."""
    if not rebuilt.unknown:
        return []
    return [messages("history.unknown", count=len(rebuilt.unknown),
                     usernames=plain(", ".join(rebuilt.unknown)))]
