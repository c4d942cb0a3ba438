"""`drift`'s output (planning/drift.py's `Drift`): text, JSON and Markdown, pure.

Every name, username and cell comes from the export or the state: inert for its medium
(the terminal's escapes, Markdown's), never obeyed. JSON keeps machine names.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from reconciler.catalog import Messages
from reconciler.planning.drift import DIFFERS, MISSING, ORPHAN, AccountDrift, Drift
from reconciler.planning.planner import Action
from reconciler.records import PortalTask
from reconciler.render import markdown
from reconciler.render.audit_view import action_words
from reconciler.render.plan_view import describe, field_name, quoted
from reconciler.terminal import inert

_SIGN = {ORPHAN: "+", MISSING: "-", DIFFERS: "~"}


def _value(value: Any, messages: Messages, text: Callable[[str], str]) -> str:
    if isinstance(value, list):
        return quoted(", ".join(value), messages, text) if value else messages("none")
    return quoted(value, messages, text)


def _task(task: PortalTask, messages: Messages, text: Callable[[str], str]) -> str:
    """A task as the plan said its action: whom, then its services or its changes."""
    colon = messages("plan.colon")
    try:
        services = [text(str(s)) for s in task.fields.get("services") or ()]
        what = describe(Action.from_dict({**task.fields, "services": services}), messages,
                        lambda v: quoted(v, messages, text), between=colon)
    except (TypeError, ValueError, AttributeError, KeyError):  # a task edited outside the tool
        what = ""
    return messages("drift.task", id=task.id, action=action_words(task.action, messages),
                    username=text(task.username or ""),
                    name=text(str(task.fields.get("name") or messages("none"))),
                    what=f"{colon}{what}" if what else "")


def _account(row: AccountDrift, messages: Messages, text: Callable[[str], str]) -> str:
    params = {"username": text(row.username), "name": text(row.name or messages("none")),
              "line": row.line if row.line is not None else "—"}
    if row.kind == ORPHAN:
        if row.elsewhere is not None:
            return messages("drift.orphan.elsewhere", elsewhere=text(row.elsewhere), **params)
        return messages("drift.orphan", **params)
    if row.kind == MISSING:
        return messages("drift.missing", **params)
    said = "; ".join(messages("drift.difference", field=_field(d.field, messages),
                              state=_value(d.state, messages, text),
                              portal=_value(d.portal, messages, text))
                     for d in row.differences)
    return messages("drift.differs", differences=said, **params)


def _field(name: str, messages: Messages) -> str:
    return messages("drift.services") if name == "services" else field_name(name, messages)


def _heading(establishment: str, names: Mapping[str, str], messages: Messages,
             text: Callable[[str], str]) -> str:
    if not establishment:
        return messages("drift.establishment.none")
    return messages("drift.establishment", id=text(establishment),
                    name=text(names.get(establishment, establishment)))


def _counts(drift: Drift) -> dict[str, int]:
    return {"confirmed": len(drift.confirmed),
            "waiting": sum(len(e.waiting) + len(e.unseeable) for e in drift.establishments),
            "drift": sum(len(e.accounts) for e in drift.establishments)}


def text(drift: Drift, names: Mapping[str, str], file: str, messages: Messages) -> Iterator[str]:
    """For a terminal: one line per task and per account, inert."""
    yield messages("drift.title.directory" if drift.directory else "drift.title",
                   path=inert(file))
    if not drift.directory and not drift.services_compared:
        yield messages("drift.no_services")
    for place in drift.establishments:
        yield ""
        yield _heading(place.establishment, names, messages, inert)
        for key, tasks in (("drift.confirmed", place.confirmed), ("drift.waiting", place.waiting),
                           ("drift.unseeable", place.unseeable)):
            if tasks:
                yield "  " + messages(key, count=len(tasks))
                yield from ("    " + _task(t, messages, inert) for t in tasks)
        if place.accounts:
            yield "  " + messages("drift.accounts", count=len(place.accounts))
            yield from (f"    {_SIGN[a.kind]} {_account(a, messages, inert)}"
                        for a in place.accounts)
        else:
            yield "  " + messages("drift.in_step")
    yield ""
    yield messages("drift.summary", **_counts(drift))


def markdown_lines(drift: Drift, names: Mapping[str, str], file: str, messages: Messages
                   ) -> Iterator[str]:
    """For a pull request or a ticket: headings and lists, every datum escaped."""
    esc = markdown.escape
    yield "## " + messages("drift.title.directory" if drift.directory else "drift.title",
                           path=esc(file))
    if not drift.directory and not drift.services_compared:
        yield ""
        yield messages("drift.no_services")
    for place in drift.establishments:
        yield ""
        yield "### " + _heading(place.establishment, names, messages, esc)
        for key, tasks in (("drift.confirmed", place.confirmed), ("drift.waiting", place.waiting),
                           ("drift.unseeable", place.unseeable)):
            if tasks:
                yield ""
                yield messages(key, count=len(tasks))
                yield ""
                yield from ("- " + _task(t, messages, esc) for t in tasks)
        yield ""
        if place.accounts:
            yield messages("drift.accounts", count=len(place.accounts))
            yield ""
            yield from (f"- `{_SIGN[a.kind]}` {_account(a, messages, esc)}"
                        for a in place.accounts)
        else:
            yield messages("drift.in_step")
    yield ""
    yield "**" + messages("drift.summary", **_counts(drift)) + "**"


def json_document(drift: Drift, names: Mapping[str, str], file: str, adopted: bool
                  ) -> str:
    """Machine names and values; the state's and the portal's values as they are."""
    def task(t: PortalTask) -> dict[str, Any]:
        return {"id": t.id, "action": t.action, "username": t.username,
                "name": t.fields.get("name"), "services": t.fields.get("services", []),
                "created_at": t.created_at}

    def account(a: AccountDrift) -> dict[str, Any]:
        return {"kind": a.kind, "username": a.username, "name": a.name, "line": a.line,
                "differences": [{"field": d.field, "state": d.state, "portal": d.portal}
                                for d in a.differences],
                "services": list(a.services), "elsewhere": a.elsewhere}

    return json.dumps({
        "export": file, "source": "directory" if drift.directory else "portal",
        "services_compared": drift.services_compared, "in_step": drift.in_step,
        "adopted": adopted, **_counts(drift),
        "establishments": [{
            "id": p.establishment or None, "name": names.get(p.establishment),
            "confirmed": [task(t) for t in p.confirmed],
            "waiting": [task(t) for t in p.waiting],
            "unseeable": [task(t) for t in p.unseeable],
            "drift": [account(a) for a in p.accounts]} for p in drift.establishments],
    }, ensure_ascii=False, indent=2)
