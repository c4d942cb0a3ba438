"""`rvsq-access report`: a dry-run report for auditors. It reads the access files and the
state, plans, and writes what it found; it changes nothing, and refuses a missing state.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from reconciler import os_words
from reconciler.commands import DEFAULT_PATHS, EXIT_OK, Env, open_state, plan_input
from reconciler.commands.plan import compute, limits, refused
from reconciler.errors import UserError
from reconciler.render import report_csv
from reconciler.render import report_view as report
from reconciler.render.report_formats import REPORT_FORMATS
from reconciler.terminal import json_for_terminal

FORMATS = tuple(REPORT_FORMATS)
BOM = report_csv.BOM


def render(fmt: str, data: report.Report, env: Env, delimiter: str = ",") -> str:
    if fmt == "csv":  # the one format with an option of its own
        return report_csv.render(data, env.messages, delimiter)
    return REPORT_FORMATS[fmt](data, env.messages)


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


def run(env: Env, paths: list[Path], fmt: str, out: Path | None,
        as_of: dt.date | None, delimiter: str = ",") -> int:
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format: {fmt}")
    paths = paths or list(DEFAULT_PATHS)
    today = as_of or dt.date.today()
    store = open_state(env)  # first: a state that is not there stops before any work
    try:
        # Reports show when accounts were created, updated, given a code and reset.
        planned = plan_input(env, store, paths, env.parse_cache(), today=today, history=True)
        last_change = store.last_audit_entry()
    finally:
        store.close()
    validation, state = planned.validation, planned.state
    plan = compute(env, planned)
    plan = refused(plan, state, limits(env))  # as `plan` shows them, with its defaults
    data = report.build(validation.files, state, plan, validation.policy, today, last_change)
    text = render(fmt, data, env, delimiter)
    if out is None and fmt == "json":  # to a terminal: no control character from the state
        text = json_for_terminal(text)
    write(encode(fmt, text), out)
    return EXIT_OK
