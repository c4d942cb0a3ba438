"""`rvsq-access report`: a dry-run report for auditors. It reads the access files and the
state, plans, and writes what it found; it changes nothing, and refuses a missing state.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

import click

from reconciler import os_words
from reconciler.clock import AsOf, in_quebec, iso, moment_of, utc_now
from reconciler.commands import (
    DEFAULT_PATHS,
    EXIT_OK,
    Env,
    open_state,
    plan_input,
    rebuild,
    typed_moment,
)
from reconciler.commands.plan import compute, limits, refused
from reconciler.errors import UserError
from reconciler.render import report_csv, tasks_view
from reconciler.render import report_view as report
from reconciler.render.past_view import rebuilt_lines
from reconciler.render.report_formats import REPORT_FORMATS
from reconciler.store import SQLStore
from reconciler.terminal import json_for_terminal

FORMATS = tuple(REPORT_FORMATS)
BOM = report_csv.BOM


def encode(fmt: str, text: str) -> bytes:
    """The bytes written: UTF-8, with a byte order mark for CSV."""
    return report_csv.encoded(text) if fmt == "csv" else text.encode("utf-8")


def write(payload: bytes, out: Path | None) -> None:
    if out is None:
        click.echo(payload, nl=False)  # bytes go to the binary stream, whatever the locale
        return
    try:
        out.write_bytes(payload)
    except OSError as exc:
        raise UserError("E190", path=out.as_posix(), _words=os_words.words(exc)) from None


class Asked(NamedTuple):
    """What the report is asked for: a moment (today's, or one gone by) and a period."""

    as_of: AsOf | None
    since: str | None  # as typed
    until: str | None
    csv_table: str = "accounts"  # CSV holds one table: the accounts, or the period's changes


def run(env: Env, paths: list[Path], fmt: str, out: Path | None, asked: Asked,
        delimiter: str = ",") -> int:
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format: {fmt}")
    now = utc_now()
    as_of = asked.as_of
    past = as_of is not None and as_of.is_past(now)
    today = as_of.day if as_of is not None else in_quebec(now).date()
    since, until = _period(asked, today, as_of if past else None)
    # The accounts' CSV has no room for the changes: they are not read for it.
    listed = not (fmt == "csv" and asked.csv_table == "accounts")

    def changes(store: SQLStore) -> report.Period:
        return report.Period.of(since, until,
                                store.each_audit_entry(since, until) if listed else ())

    store = open_state(env)  # first: a state that is not there stops before any work
    try:
        if past:
            assert as_of is not None
            with store.reading():  # the replay, the period and the count agree
                past_state, total = rebuild(store, as_of.iso)
                period = changes(store)
            data = report.build_past(past_state, as_of.given, total, period)
            # Said apart from the report too: a CSV has no room to say it.
            assert data.header.rebuilt is not None
            for line in rebuilt_lines(data.header.rebuilt, env.messages):
                click.echo(line, err=True)
        else:
            # Reports show when accounts were created, updated, given a code and reset.
            planned = plan_input(env, store, paths or list(DEFAULT_PATHS), env.parse_cache(),
                                 today=today, history=True)
            last_change = store.last_audit_entry()
            period = changes(store)
            waiting = store.portal_tasks()
    finally:
        store.close()
    if not past:
        validation, state = planned.validation, planned.state
        plan = compute(env, planned)
        plan = refused(plan, state, limits(env))  # as `plan` shows them, with its defaults
        data = report.build(validation.files, state, plan, validation.policy, today,
                            last_change, period, tasks_view.rows(waiting, state, now))
    if fmt == "csv":  # the one format with options of its own
        text = report_csv.render(data, env.messages, delimiter, asked.csv_table)
    else:
        text = REPORT_FORMATS[fmt](data, env.messages)
    if out is None and fmt == "json":  # to a terminal: no control character from the state
        text = json_for_terminal(text)
    write(encode(fmt, text), out)
    return EXIT_OK


def _period(asked: Asked, today: dt.date, past: AsOf | None) -> tuple[str, str]:
    """[since, until) as ISO 8601 UTC. Since: --since, else the start of the day
    CHANGE_DAYS before the report's day (today's, for a day to come); until: --until (its
    whole day), else the past moment asked for, else now. A past report lists nothing after
    its moment."""
    start = typed_moment(asked.since)
    if start is None:  # a day to come: the last days up to now (nothing happened after it)
        last_day = min(today, in_quebec(utc_now()).date())
        start = moment_of((last_day - dt.timedelta(days=report.CHANGE_DAYS)).isoformat())
        assert start is not None
    end = typed_moment(asked.until, end=True)
    if end is not None:
        if past is not None and end > past.moment:
            raise UserError("E218", until=asked.until, as_of=past.given)
    else:
        end = past.moment if past is not None else utc_now() + dt.timedelta(seconds=1)
    if start >= end:
        raise UserError("E217", since=asked.since or iso(start), until=asked.until or iso(end))
    return iso(start), iso(end)
