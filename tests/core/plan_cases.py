"""Planner cases without a database or the CLI: an access file written as inline YAML, a
state built by hand, and what the plan must hold, each written as one short line.

A case reads as yamllint's rule tests do (input, then what is expected of it):

    check(GMF_A + '''\\
      - {email: ana@example.org, title: madame, first_name: Ana, last_name: Roy,
         profile: personnel-administratif, services: [rvsq]}
    ''', state(GMF_A_RECORD),
          actions=["create_account gmf-a ana@example.org: rvsq"])

Lines, by what the plan holds (see `action_line`, `blocked_line`, `notice_line`,
`problem_line`):

    create_account ESTABLISHMENT USERNAME: SERVICES       an action
    update_account ESTABLISHMENT USERNAME: FIELD OLD → NEW, …
    B04 ESTABLISHMENT USERNAME owner=gmf-b               a blocked entry
    W203 key=ana@example.org, date=2026-12-01           a notice
    E070 a.yaml:LINE:COLUMN key=CE100                    a problem only the state reveals
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator, Sequence, Set
from typing import Any

from reconciler.planning.planner import Action, Blocked, Notice, PlanResult, make_plan
from reconciler.problems import Problem
from reconciler.reading import loader, model, schema
from reconciler.records import (
    CREATED,
    EXISTING,
    AccountRecord,
    EstablishmentRecord,
    Scope,
    State,
)

TODAY = dt.date(2026, 11, 26)
NOW = "2026-11-26T12:00:00Z"

# Two establishments, as their files begin (users follow) and as the state records them.
GMF_A = """\
version: 1
establishment: {id: gmf-a, name: GMF A, region: "06", type: gmf}
representative: {name: Rita Roy, email: rita.roy@example.org}
users:
"""
GMF_A_RECORD = EstablishmentRecord("gmf-a", "GMF A", "06", "gmf", "Rita Roy",
                                   "rita.roy@example.org", None, False)
GMF_B = """\
version: 1
establishment: {id: gmf-b, name: GMF B, region: "03", type: gmf}
representative: {name: Bob Bouchard, email: bob.bouchard@example.org}
users:
"""
GMF_B_RECORD = EstablishmentRecord("gmf-b", "GMF B", "03", "gmf", "Bob Bouchard",
                                   "bob.bouchard@example.org", None, False)


def access_file(text: str, file: str = "a.yaml") -> model.AccessFile:
    """The file as the tool reads it: strict YAML, the schema, the model. The domain rules
    are validate's concern, not the planner's: they are not run."""
    loaded = loader.load_bytes(text.encode("utf-8"), file)
    assert loaded.document is not None and not loaded.problems, loaded.problems
    problems = schema.check(loaded.document, schema.ACCESS_FILE)
    assert not problems, problems
    return model.from_document(loaded.document)


def account(username: str, email: str = "ana@example.org", *, establishment: str | None = "gmf-a",
            origin: str = EXISTING, services: tuple[str, ...] = ("rvsq",),
            code_token: str | None = None, reset_token: str | None = None,
            **fields: str | None) -> AccountRecord:
    """A row of the state's accounts. Its person is Ana Roy, `madame`, of the
    administrative staff, unless `fields` say otherwise (title, first_name, last_name,
    profile, professional_number, expires, reviewed, ticket)."""
    person: dict[str, str | None] = {
        "title": "madame", "first_name": "Ana", "last_name": "Roy",
        "profile": "personnel-administratif", "professional_number": None,
        "expires": None, "reviewed": None, "ticket": None,
    }
    unknown = fields.keys() - person.keys()
    assert not unknown, f"not an account field: {unknown}"
    person.update(fields)
    return AccountRecord(username=username, email=email, establishment=establishment,
                         origin=origin, services=tuple(sorted(services)),
                         code_token=code_token, reset_token=reset_token, **person)


def created(username: str, **row: Any) -> AccountRecord:
    """An account this tool created: its username is its email, its keys the
    representative's."""
    return account(username, row.pop("email", username), origin=CREATED, **row)


def state(*rows: EstablishmentRecord | AccountRecord) -> State:
    """A state snapshot holding these establishments and accounts."""
    return State(
        serial=1,
        establishments={r.id: r for r in rows if isinstance(r, EstablishmentRecord)},
        accounts={r.username: r for r in rows if isinstance(r, AccountRecord)},
    )


def plan(texts: Sequence[str], snapshot: State, today: dt.date = TODAY,
         settled: Set[str] = frozenset()) -> PlanResult:
    """The one call to the planner, on files named a.yaml, b.yaml, … in the order given
    (names show only in sources and problems). `settled`: the establishments a warm plan
    skips (settled.py); `snapshot` then holds only the accounts the store would read."""
    files = [access_file(text, f"{chr(ord('a') + n)}.yaml") for n, text in enumerate(texts)]
    return make_plan(files, snapshot, scope=Scope(frozenset(settled)), today=today, now=NOW,
                     config_digest="sha256:test", paths=("access",))


def _value(value: Any) -> str:
    return ", ".join(value) if isinstance(value, tuple | list) else str(value)


def action_line(action: Action) -> str:
    """`KIND ESTABLISHMENT [USERNAME][: DETAIL]`: services granted, revoked or given to a
    new account; fields changed (`FIELD OLD → NEW`); a one-time request's token."""
    head = " ".join(filter(None, (action.action, action.establishment, action.username)))
    if action.changes:
        detail = ", ".join(f"{name} {change['old']} → {change['new']}"
                           for name, change in action.changes.items())
    elif action.token:
        detail = action.token
    else:
        detail = _value(action.services)
    return f"{head}: {detail}" if detail else head


def _params(params: dict[str, Any]) -> str:
    """`name=value, …` (`_hint` names the variant of the advice the planner chose)."""
    return ", ".join(f"{k}={_value(v)}" for k, v in params.items())


def blocked_line(entry: Blocked) -> str:
    return " ".join(filter(None, (entry.code, entry.establishment, entry.username,
                                  _params(entry.params))))


def notice_line(notice: Notice) -> str:
    return f"{notice.code} {_params(notice.params)}"


def problem_line(problem: Problem) -> str:
    where = f"{problem.file}:{problem.line}:{problem.column}"
    return f"{problem.code} {where} {_params(problem.params)}"


def _differences(expected: dict[str, list[str]], found: dict[str, list[str]]) -> Iterator[str]:
    """What differs, as `-` expected and `+` found lines (this module's assertions are not
    rewritten by pytest: it is not a test module)."""
    for part, lines in expected.items():
        if lines != found[part]:
            yield f"{part}:"
            yield from (f"  {line}" for line in difflib.ndiff(lines, found[part])
                        if line[0] in "-+ ")


def check(texts: str | Sequence[str], snapshot: State, *, today: dt.date = TODAY,
          settled: Set[str] = frozenset(), actions: Sequence[str] = (),
          blocked: Sequence[str] = (), notices: Sequence[str] = (),
          problems: Sequence[str] = ()) -> PlanResult:
    """Plan `texts` (one access file's text, or several) against `snapshot`, `settled`
    establishments skipped (see `plan`); the plan must hold exactly these actions (in plan
    order), blocked entries, notices and problems."""
    result = plan([texts] if isinstance(texts, str) else texts, snapshot, today, settled)
    found = {
        "actions": [action_line(a) for a in result.plan.actions],
        "blocked": [blocked_line(b) for b in result.plan.blocked],
        "notices": [notice_line(n) for n in result.plan.warnings],
        "problems": [problem_line(p) for p in result.problems],
    }
    expected = {"actions": list(actions), "blocked": list(blocked), "notices": list(notices),
                "problems": list(problems)}
    assert found == expected, "\n".join(_differences(expected, found))
    return result
