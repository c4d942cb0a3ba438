"""Plans as JSON (DESIGN §7): written by `plan --out`/`--format json`, read by
`apply --plan`, checked against schemas/plan.schema.json both ways.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reconciler import files, schema
from reconciler.catalog import Messages
from reconciler.errors import UserError
from reconciler.model import AccessFile
from reconciler.plan import FORMAT_VERSION, Action, Blocked, Notice, Plan
from reconciler.problems import Problem

PLAN_SCHEMA = "plan.schema.json"


RULE_K = frozenset({"W102", "W103"})  # rule K as validate foresees it, without the state


def notices(problems: list[Problem], plan: Plan, files: list[AccessFile]) -> list[Notice]:
    """Validation warnings, carried into `plan` so reviewers see them too; but not rule K.
    With the state, the plan decides it: a request it blocks is listed once, as blocked
    (B05, B06), and one whose token the account already has asks for nothing. The warning
    stays only for an entry blocked for another reason (an unknown account, say), whose
    request the plan could not judge."""
    unjudged: dict[str, set[str]] = {}  # file → sources of the entries blocked otherwise
    for b in plan.blocked:
        if b.code not in ("B05", "B06"):
            unjudged.setdefault(b.source.rpartition(":")[0], set()).add(b.source)
    by_file = {access.file: access for access in files}
    carried = []
    for p in problems:
        if p.code in RULE_K:
            access = by_file.get(p.file)
            blocked = unjudged.get(p.file, set())
            # A key is listed once per file (E059), so this finds the one entry.
            if access is None or not any(access.source(u) in blocked for u in access.users
                                         if u.key == p.params["key"]):
                continue
        carried.append(Notice(p.code, p.params, f"{p.file}:{p.line}"))
    return carried


def to_dict(plan: Plan, messages: Messages) -> dict[str, Any]:
    def text(code: str, params: dict[str, Any], **extra: Any) -> tuple[str, str]:
        return messages(code, **params, **extra), messages.hint(code, **params, **extra)

    blocked = []
    for b in plan.blocked:
        reason, hint = text(b.code, {**b.params, "key": b.username})
        blocked.append({"username": b.username, "establishment": b.establishment,
                        "source": b.source, "code": b.code, "params": b.params,
                        "reason": reason, "hint": hint})
    refusals = []
    for r in plan.refusals:
        message, hint = text(r.code, r.params, _hint="plan")
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


def read(path: Path) -> Plan:
    raw = files.read_file(path, files.PLAN)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError("E119", path=path.as_posix(), detail=str(exc)) from None
    except RecursionError:  # nested deeper than Python reads: no plan of ours is
        raise UserError("E119", path=path.as_posix(), detail="nested too deeply") from None
    import jsonschema  # only here: slow to import, and needed only to read a saved plan

    validator = jsonschema.Draft202012Validator(schema.load_schema(PLAN_SCHEMA))
    try:
        error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    except RecursionError:
        raise UserError("E119", path=path.as_posix(), detail="nested too deeply") from None
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "/"
        raise UserError("E119", path=path.as_posix(), detail=f"{where}: {error.message}")
    return Plan(
        state_serial=data["state"]["serial"],
        config_digest=data["config_digest"],
        created_at=data["created_at"],
        paths=tuple(data["paths"]),
        actions=tuple(Action.from_dict(a) for a in data["actions"]),
        # Blocked entries, refusals and warnings are for people; apply only counts the
        # blocked, and finds its own refusals (they depend on how it runs).
        blocked=tuple(Blocked(b["username"], b["establishment"], b["source"], b["code"],
                              b["params"]) for b in data["blocked"]),
        warnings=(),
        state_id=data["state"]["id"],
        state_location=data["state"]["location"],
    )
