"""Render: everything the tool writes for people or programs, from values the core made.

The plan's formats are in formats.py, the report's in report_formats.py; the names are
here too, so that the command line lists them without importing every renderer.
"""

PLAN_FORMAT_NAMES = ("text", "json", "markdown", "runbook")
REPORT_FORMAT_NAMES = ("markdown", "html", "csv", "json")
