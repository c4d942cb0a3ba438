"""Saved plans (ARCHITECTURE §7): read by `apply --plan`, checked against
schemas/plan.schema.json (render/plan_json.py writes them); and the validation warnings a
plan carries.
"""

from __future__ import annotations

import json
from pathlib import Path

from reconciler import files, os_words
from reconciler.catalog import phrase
from reconciler.errors import UserError
from reconciler.planning.planner import Action, Blocked, Notice, Plan
from reconciler.problems import Problem
from reconciler.reading import schema
from reconciler.reading.model import AccessFile

__all__ = ["PLAN_SCHEMA", "notices", "read"]

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


_TOO_DEEP = {"detail": phrase("planfile.too_deep")}


def read(path: Path) -> Plan:
    raw = files.read_file(path, files.PLAN)
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise UserError("E119", path=path.as_posix(), _words={"detail": os_words.reason(exc)}
                        ) from None
    except json.JSONDecodeError as exc:
        raise UserError("E119", path=path.as_posix(), _words={"detail": phrase(
            "planfile.not_json", line=exc.lineno, column=exc.colno)}) from None
    except RecursionError:  # nested deeper than Python reads: no plan of ours is
        raise UserError("E119", path=path.as_posix(), _words=_TOO_DEEP) from None
    import jsonschema  # only here: slow to import, and needed only to read a saved plan

    validator = jsonschema.Draft202012Validator(schema.load_schema(PLAN_SCHEMA))
    try:
        error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    except RecursionError:
        raise UserError("E119", path=path.as_posix(), _words=_TOO_DEEP) from None
    if error is not None:  # jsonschema's sentence is English: say where, and what kind
        where = "/".join(str(p) for p in error.absolute_path) or "/"
        missing = error.validator == "required" and isinstance(error.instance, dict)
        detail = phrase("planfile.missing", where=where, field=next(
            (f for f in error.validator_value if f not in error.instance), "")) if missing \
            else phrase("planfile.shape", where=where)
        raise UserError("E119", path=path.as_posix(), _words={"detail": detail})
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
