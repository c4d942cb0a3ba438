"""The auditors' report as CSV: one row per account, one column per service.

The command writes it with a UTF-8 byte order mark so that Excel reads accents right.
Cells that a spreadsheet would run as a formula are prefixed with a quote.
"""

from __future__ import annotations

import csv
import io

from reconciler import domain
from reconciler.catalog import Messages
from reconciler.render.report_view import AccountRow, Report

MARK = "x"
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


def render(report: Report, messages: Messages) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe(c) for c in header(messages)])
    writer.writerows([safe(c) for c in row(a, messages)] for a in report.accounts)
    return out.getvalue()
