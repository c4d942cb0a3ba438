"""The auditors' report as CSV: one row per account, one column per service; and what
every CSV the tool writes shares (`sheet`, `encoded`).

Every CSV is written with a UTF-8 byte order mark, so that Excel reads accents right, and
takes `;` as its separator for a French Excel (whose list separator is the semicolon).
Cells that a spreadsheet would run as a formula are prefixed with a quote.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from reconciler import domain
from reconciler.catalog import Messages
from reconciler.render.report_view import AccountRow, Report

MARK = "x"
BOM = "\ufeff"  # so that Excel reads a UTF-8 CSV's accents right
DELIMITERS = (",", ";")  # `--delimiter`: a comma, or a semicolon for a French Excel
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_COLUMNS = ("status", "username", "email", "first_name", "last_name", "profile",
            "establishment", "region", "origin")
_DATES = ("created_at", "code_issued_at", "reviewed", "expires")


def safe(value: str | None) -> str:
    """A cell a spreadsheet shows as text, never evaluates (CSV injection)."""
    text = value or ""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def header(messages: Messages) -> list[str]:
    return [*(messages(f"report.col.{c}") for c in _COLUMNS), *domain.SERVICES,
            *(messages(f"report.col.{c}") for c in _DATES)]


def row(account: AccountRow, messages: Messages) -> list[str]:
    values = [messages(f"report.status.{account.status}"),
              *(getattr(account, c) for c in _COLUMNS[1:])]
    marks = [MARK if s in account.services else "" for s in domain.SERVICES]
    return [*values, *marks, *(getattr(account, c) for c in _DATES)]


def sheet(rows: Iterable[Sequence[str | int | None]], delimiter: str = ",") -> str:
    """Rows as CSV text, each text cell made safe (numbers are left as they are)."""
    if delimiter not in DELIMITERS:
        raise ValueError(f"unknown CSV delimiter: {delimiter!r}")
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([c if isinstance(c, int) else safe(c) for c in cells] for cells in rows)
    return out.getvalue()


def encoded(text: str) -> bytes:
    """The bytes of a CSV file as written: UTF-8 after a byte order mark."""
    return (BOM + text).encode("utf-8")


_CHANGE_COLUMNS = ("seq", "at", "action", "establishment", "username", "name", "email",
                   "profile", "granted", "removed", "changes", "actor", "git_commit",
                   "change_ref", "ticket")


def changes(report: Report, messages: Messages, delimiter: str = ",") -> str:
    """The period's changes, one row per audit entry: machine names and ISO 8601 UTC times,
    as the log keeps them (the column headers in the reader's language)."""
    rows = [[messages(f"report.change_col.{c}") for c in _CHANGE_COLUMNS]]
    for change in report.changes:
        values = change._asdict()
        rows.append([
            *(values[c] for c in _CHANGE_COLUMNS[:8]), " ".join(change.granted),
            " ".join(change.removed),
            "; ".join(f"{name}: {_text(c.get('old'))} → {_text(c.get('new'))}"
                      for name, c in change.changes.items()),
            *(values[c] for c in _CHANGE_COLUMNS[11:])])
    return sheet(rows, delimiter)


def _text(value: object) -> str:
    return "" if value is None else str(value)


_TASK_COLUMNS = ("id", "establishment", "username", "action", "services", "changes",
                 "created_at", "age_days")


def tasks(report: Report, messages: Messages, delimiter: str = ",") -> str:
    """The open portal tasks, oldest first: machine names and ISO 8601 UTC times (the
    column headers in the reader's language)."""
    rows: list[list[str | int | None]] = [
        [messages(f"report.task_col.{c}") for c in _TASK_COLUMNS]]
    for t in report.tasks:
        rows.append([t.id, t.establishment, t.username, t.action, " ".join(t.services),
                     "; ".join(f"{name}: {_text(c.get('old'))} → {_text(c.get('new'))}"
                               for name, c in (t.changes or {}).items()),
                     t.created_at, t.age_days])
    return sheet(rows, delimiter)


TABLES = ("accounts", "changes", "tasks")  # `report --format csv --table`: one table per file


def render(report: Report, messages: Messages, delimiter: str = ",",
           table: str = "accounts") -> str:
    if table == "changes":
        return changes(report, messages, delimiter)
    if table == "tasks":
        return tasks(report, messages, delimiter)
    return sheet([header(messages), *(row(a, messages) for a in report.accounts)], delimiter)
