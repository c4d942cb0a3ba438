"""The auditors' report as JSON: everything, machine-readable, in a stable key order.

Keys follow the report's own field order (never sorted by the JSON writer), so the same
input gives byte-identical output. Blocked entries and refusals carry their reason
and hint in the chosen language next to their code.
"""

from __future__ import annotations

import json
from typing import Any

from reconciler.catalog import Messages
from reconciler.planning.planner import Blocked, Refusal
from reconciler.render.report_table import blocked_text, refusal_text
from reconciler.render.report_view import FORMAT_VERSION, Report
from reconciler.render.tasks_view import machine


def plain(value: Any) -> Any:
    """NamedTuples as objects (in field order), tuples as lists, sets as sorted lists, the
    rest as is."""
    if hasattr(value, "_asdict"):
        return {k: plain(v) for k, v in value._asdict().items()}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, set | frozenset):  # sorted: the same input, the same bytes
        return sorted(plain(v) for v in value)
    return value


def blocked(row: Blocked, messages: Messages) -> dict[str, Any]:
    reason, hint = blocked_text(row, messages)
    return {"establishment": row.establishment, "username": row.username,
            "source": row.source, "code": row.code, "reason": reason, "hint": hint}


def refusal(row: Refusal, messages: Messages) -> dict[str, Any]:
    message, hint = refusal_text(row, messages)
    return {"code": row.code, "establishment": row.establishment, "params": row.params,
            "message": message, "hint": hint}


_LOOKUPS = ("listed", "places")


def to_dict(report: Report, messages: Messages) -> dict[str, Any]:
    data = plain(report)
    data["blocked"] = [blocked(b, messages) for b in report.blocked]
    data["refusals"] = [refusal(r, messages) for r in report.refusals]
    # What each change is about, without the view's lookup sets (audit log's filters).
    data["changes"] = [{k: v for k, v in change.items() if k not in _LOOKUPS}
                       for change in data["changes"]]
    # Open portal tasks, as `tasks list --format json` writes them; the key only when some
    # change waits for the portal (a register-mode report is as it always was).
    del data["tasks"]
    if report.tasks:
        data["tasks"] = [machine(t) for t in report.tasks]
    return {"format_version": FORMAT_VERSION, "language": messages.lang, **data}


def render(report: Report, messages: Messages) -> str:
    return json.dumps(to_dict(report, messages), ensure_ascii=False, indent=2) + "\n"
