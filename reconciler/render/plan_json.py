"""The plan as JSON (ARCHITECTURE §7), for `plan --out` and `plan --format json`: the format
apply reads back (planfile.read) and schemas/plan.schema.json describes. Blocked entries,
refusals and warnings carry their message and hint in the chosen language.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from reconciler.catalog import Messages
from reconciler.planning.planner import FORMAT_VERSION, Plan
from reconciler.render.plan_view import PlanView
from reconciler.terminal import json_for_terminal


def to_dict(plan: Plan, messages: Messages) -> dict[str, Any]:
    def text(code: str, params: dict[str, Any], **extra: Any) -> tuple[str, str]:
        return messages(code, **params, **extra), messages.hint(code, **params, **extra)

    blocked = []
    for b in plan.blocked:
        reason, hint = text(b.code, b.message_params)
        blocked.append({"username": b.username, "establishment": b.establishment,
                        "source": b.source, "code": b.code, "params": b.params,
                        "reason": reason, "hint": hint})
    refusals = []
    for r in plan.refusals:
        message, hint = text(r.code, r.message_params)
        refusals.append({"code": r.code, "establishment": r.establishment, "params": r.params,
                         "message": message, "hint": hint})
    warnings = []
    for w in plan.warnings:
        message, hint = text(w.code, w.params)
        warnings.append({"code": w.code, "message": message, "hint": hint,
                         **({"source": w.source} if w.source else {})})
    return {
        "format_version": FORMAT_VERSION,
        "state": {"location": plan.state_location, "id": plan.state_id,
                  "serial": plan.state_serial},
        "config_digest": plan.config_digest,
        "created_at": plan.created_at,
        "paths": list(plan.paths),
        "refusals": refusals,
        "actions": [a.to_dict() for a in plan.actions],
        "blocked": blocked,
        "warnings": warnings,
        "summary": plan.summary(),
    }


def to_json(plan: Plan, messages: Messages) -> str:
    return json.dumps(to_dict(plan, messages), ensure_ascii=False, indent=2) + "\n"


def render_view(view: PlanView, messages: Messages, color: bool = False) -> Iterator[str]:
    """The plan as standard output carries it (on a terminal, no control character)."""
    yield json_for_terminal(to_json(view.plan, messages))
