"""The report's output formats, each one renderer with one signature: `report --format`
picks from this table."""

from __future__ import annotations

from collections.abc import Callable

from reconciler.catalog import Messages
from reconciler.render import report_csv, report_html, report_json, report_markdown
from reconciler.render.report_view import Report

# A report renderer: the report and the language; the whole document.
ReportRenderer = Callable[[Report, Messages], str]
REPORT_FORMATS: dict[str, ReportRenderer] = {
    "markdown": report_markdown.render,
    "html": report_html.render,
    "csv": report_csv.render,
    "json": report_json.render,
}
