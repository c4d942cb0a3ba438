"""The plan as a runbook, for `plan --format runbook` (ARCHITECTURE §10): for sites that still
make the changes by hand, numbered steps through the RAMQ portal's own screens, one
procedure per planned action, grouped by establishment.

The portal's screens, buttons and check boxes keep their French names in both languages
(they are what the representative sees); the rest follows `messages`. Person data comes
from the access files (desired users, by key) and, for removals, from the state.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from reconciler.catalog import Messages
from reconciler.catalog.typography import quoted  # the labels are quoted the French way
from reconciler.domain import SERVICE_LABELS
from reconciler.planning.planner import Action, Blocked, Plan
from reconciler.reading.model import AccessFile
from reconciler.records import State
from reconciler.render.markdown import capitalised, code, escape, escaped, short_digest
from reconciler.render.plan_view import Group, PlanView

DELETION_GUARD = frozenset({"E112", "E113"})  # refusals worth a caution in the portal too
# The portal's own words (aide-mémoire « Gérer les accès à RVSQ »), French in both languages.
TITLE_LABELS = {"madame": "Madame", "monsieur": "Monsieur", "docteur": "Docteur",
                "docteure": "Docteure"}
FORM_FIELDS = {"title": "Titre de civilité", "first_name": "Prénom", "last_name": "Nom",
               "email": "Courriel"}


class Step(NamedTuple):
    text: str
    items: tuple[str, ...] = ()  # a bulleted list under the step (fields, check boxes)


class Procedure(NamedTuple):
    heading: str
    steps: list[Step]
    note: str | None = None  # a closing paragraph
    ticket: str | None = None


class _Context(NamedTuple):
    """What the procedures look up: the plan's view (people, the state, places), and how
    actions pair up."""

    messages: Messages
    view: PlanView
    joins: dict[tuple[str, str], Action]  # update_account bringing an account into an est
    releases: set[tuple[str, str]]  # (establishment, username) released by the plan
    granted: set[tuple[str, str]]  # (establishment, username) with a grant_services


# --- small builders -----------------------------------------------------------------------
def _box(service: str) -> str:
    return quoted(SERVICE_LABELS.get(service, service))


def _field_value(ctx: _Context, name: str, value: str | None) -> str:
    """A form value as typed in the portal (titles as the form's choices)."""
    if not value:
        return ctx.messages("none")
    return code(TITLE_LABELS.get(value, value) if name == "title" else value)


def _field(ctx: _Context, name: str, value: str | None) -> str:
    return ctx.messages("runbook.field", label=FORM_FIELDS[name],
                        value=_field_value(ctx, name, value))


def _name(ctx: _Context, action: Action) -> str:
    """The person's name as the access files give it (else the plan, else the state)."""
    username = action.username or ""
    name = ctx.view.name(username) or action.name or ctx.view.listed_name(username)
    return escape(name) if name else code(username)


def _listed_name(ctx: _Context, action: Action) -> str:
    """The name the portal's list shows today: the state's, before any correction."""
    name = ctx.view.listed_name(action.username or "")
    return escape(name) if name else _name(ctx, action)


def _email(ctx: _Context, action: Action) -> str:
    user = ctx.view.people.get(action.username or "")
    account = ctx.view.account(action.username or "")
    return user.email if user else account.email if account else action.username or ""


def _find(ctx: _Context, action: Action) -> Step:
    return Step(ctx.messages("runbook.step.open", name=_listed_name(ctx, action),
                             username=code(action.username or "")))


def _update_button(ctx: _Context) -> Step:
    return Step(ctx.messages("runbook.step.update"))


# --- one procedure per action kind ---------------------------------------------------------
def _create(ctx: _Context, action: Action) -> Procedure:
    m, after = ctx.messages, action.after or {}
    name = _name(ctx, action)
    form = tuple(_field(ctx, f, after.get(f)) for f in FORM_FIELDS)
    return Procedure(m("runbook.h.create", name=name), [
        Step(m("runbook.step.add_user")),
        Step(m("runbook.step.has_account", answer=quoted("Non"))),
        Step(m("runbook.step.fill"), form),
        Step(m("runbook.step.tick_only"), tuple(_box(s) for s in action.services)),
        Step(m("runbook.step.submit", email=code(after.get("email", "")))),
        Step(m("runbook.step.code_created", name=name)),
        Step(m("runbook.step.wait", name=name)),
    ], m("runbook.note.clinical") if after.get("profile") == "infirmiere-clinicienne" else None,
        action.ticket)


def _join(ctx: _Context, action: Action, join: Action, services: tuple[str, ...]) -> Procedure:
    """Add an existing account to the establishment's list (« Oui »), with `services`."""
    m = ctx.messages
    name = _name(ctx, action)
    old = (join.changes or {})["establishment"]["old"]
    note = m("runbook.note.existing", name=name)
    if old is not None:
        note += " " + m("runbook.note.moved", establishment=escape(ctx.view.place(old).name))
    return Procedure(m("runbook.h.join", name=name), [
        Step(m("runbook.step.add_user")),
        Step(m("runbook.step.has_account", answer=quoted("Oui"))),
        Step(m("runbook.step.username", username=code(action.username or ""))),
        Step(m("runbook.step.tick_only"), tuple(_box(s) for s in services)),
        Step(m("runbook.step.submit_existing")),
    ], note, action.ticket or join.ticket)


def _services(ctx: _Context, action: Action, heading: str, tick: str) -> Procedure:
    m = ctx.messages
    return Procedure(m(heading, name=_listed_name(ctx, action)), [
        _find(ctx, action),
        Step(m(tick), tuple(_box(s) for s in action.services)),
        _update_button(ctx),
    ], ticket=action.ticket)


def _correct(ctx: _Context, action: Action, fields: list[str]) -> Procedure:
    m = ctx.messages
    changes = action.changes or {}
    items = tuple(
        m("runbook.change", label=FORM_FIELDS[f],
          old=_field_value(ctx, f, changes[f]["old"]), new=_field_value(ctx, f, changes[f]["new"]))
        for f in fields
    )
    return Procedure(m("runbook.h.update", name=_listed_name(ctx, action)), [
        _find(ctx, action),
        Step(m("runbook.step.correct"), items),
        _update_button(ctx),
    ], ticket=action.ticket)


def _release(ctx: _Context, action: Action) -> Procedure:
    m = ctx.messages
    name = _listed_name(ctx, action)
    account = ctx.view.account(action.username or "")
    held = account.services if account else ()
    untick = (Step(m("runbook.step.untick_all"), tuple(_box(s) for s in held)) if held
              else Step(m("runbook.step.untick_none")))
    return Procedure(m("runbook.h.release", name=name), [
        _find(ctx, action),
        untick,
        _update_button(ctx),
        Step(m("runbook.step.remove")),
    ], m("runbook.note.released", name=name), action.ticket)


def _regenerate(ctx: _Context, action: Action) -> Procedure:
    m = ctx.messages
    name = _listed_name(ctx, action)
    return Procedure(m("runbook.h.code", name=name), [
        _find(ctx, action),
        Step(m("runbook.step.code_box", email=code(_email(ctx, action)))),
        Step(m("runbook.step.code_shown", name=name)),
    ], ticket=action.ticket)


def _reset(ctx: _Context, action: Action) -> Procedure:
    m = ctx.messages
    name = _listed_name(ctx, action)
    return Procedure(m("runbook.h.reset", name=name), [
        _find(ctx, action),
        Step(m("runbook.step.reset_box", email=code(_email(ctx, action)))),
        Step(m("runbook.step.reset_sent")),
    ], ticket=action.ticket)


def _delete(ctx: _Context, action: Action) -> Procedure:
    m = ctx.messages
    name = _listed_name(ctx, action)
    return Procedure(m("runbook.h.delete", name=name), [
        Step(m("runbook.step.delete", name=name, username=code(action.username or ""))),
    ], m("runbook.note.deleted", name=name), action.ticket)


def covered(ctx: _Context, action: Action) -> bool:
    """Is `action` carried out by another action's procedure? A release unticks every box
    (so its revoke needs no steps of its own), and adding an existing account with « Oui »
    brings it into the establishment (so its update needs none, unless names change)."""
    key = (action.establishment, action.username or "")
    if action.action == "revoke_services":
        return key in ctx.releases
    if action.action == "update_account":
        changes = action.changes or {}
        return (key in ctx.joins and key in ctx.granted
                and not any(f in changes for f in FORM_FIELDS))
    return False


def procedures(ctx: _Context, action: Action) -> list[Procedure]:
    """The portal steps for `action`; none when the portal has nothing to do for it."""
    key = (action.establishment, action.username or "")
    kind = action.action
    if kind == "create_account":
        return [_create(ctx, action)]
    if kind == "grant_services":
        join = ctx.joins.get(key)
        if join is not None:
            return [_join(ctx, action, join, action.services)]
        return [_services(ctx, action, "runbook.h.grant", "runbook.step.tick")]
    if kind == "revoke_services":
        return [_services(ctx, action, "runbook.h.revoke", "runbook.step.untick")]
    if kind == "update_account":
        return _update(ctx, action, key)
    single = {"regenerate_code": _regenerate, "reset_password": _reset, "delete_account": _delete}
    return [single[kind](ctx, action)] if kind in single else []  # the establishment's record


def _update(ctx: _Context, action: Action, key: tuple[str, str]) -> list[Procedure]:
    if key in ctx.releases:
        return [_release(ctx, action)]
    found: list[Procedure] = []
    user = ctx.view.people.get(action.username or "")
    if key in ctx.joins and key not in ctx.granted and user is not None and user.services:
        # Moved in from another establishment with the services it already had: it still
        # has to be added to this establishment's list.
        found.append(_join(ctx, action, action, tuple(sorted(user.services))))
    fields = [f for f in FORM_FIELDS if f in (action.changes or {})]
    if fields:
        found.append(_correct(ctx, action, fields))
    return found


# --- assembling -----------------------------------------------------------------------------
def _context(view: PlanView, messages: Messages) -> _Context:
    joins: dict[tuple[str, str], Action] = {}
    releases: set[tuple[str, str]] = set()
    for a in view.plan.actions:
        if a.releases:
            releases.add((a.establishment, a.username or ""))
            continue
        moved = (a.changes or {}).get("establishment") if a.action == "update_account" else None
        if moved is not None and moved["new"] == a.establishment:
            joins[(a.establishment, a.username or "")] = a
    granted = {(a.establishment, a.username or "") for a in view.plan.actions
               if a.action == "grant_services"}
    return _Context(messages, view, joins, releases, granted)


def procedure_lines(number: int, proc: Procedure, messages: Messages) -> list[str]:
    lines = [f"### {number}. {proc.heading}", ""]
    if proc.ticket:
        lines += [f"_{messages('runbook.ticket', ticket=escape(proc.ticket))}_", ""]
    for i, step in enumerate(proc.steps, 1):
        marker = f"{i}. "
        lines.append(marker + step.text)
        lines += [" " * len(marker) + f"- {item}" for item in step.items]
    lines.append("")
    if proc.note:
        lines += [proc.note, ""]
    return lines


def blocked_lines(ctx: _Context, blocked: Blocked) -> list[str]:
    m = ctx.messages
    person = ctx.view.name(blocked.username)
    name = escape(person) if person else code(blocked.username)
    what_key = f"runbook.blocked.{blocked.code}"
    what = m(what_key if m.has(what_key) else "runbook.blocked.other", name=name)
    params = escaped(blocked.message_params)
    return [
        "- " + m("runbook.blocked.line", what=what, username=code(blocked.username),
                 reason=m(blocked.code, **params)),
        f"  - {capitalised(m('hint'))} {m.hint(blocked.code, **params)}",
    ]


def caution_lines(plan: Plan, messages: Messages) -> list[str]:
    """The deletion guard's numbers, as a caution before the procedures. The automated
    apply's other refusals (a missing age key, the mail server) mean nothing in the portal,
    which shows each code on screen and sends its own emails."""
    guard = [r for r in plan.refusals if r.code in DELETION_GUARD]
    if not guard:
        return []
    return [f"## {messages('plan.refusal.runbook')}", "", messages("plan.refusal.runbook_intro"),
            "", *(f"- {capitalised(messages(r.code, **escaped(r.params)))}." for r in guard),
            ""]


def establishment_lines(ctx: _Context, group: Group) -> list[str]:
    """The section of one establishment; empty when nothing in it needs the portal and
    nothing is blocked."""
    m = ctx.messages
    actions, blocked = group.actions, group.blocked
    steps: list[Procedure] = []
    quiet = 0  # changes the tool records with no portal step
    new = False  # an establishment the tool did not know: said once, before the steps
    for action in actions:
        if covered(ctx, action):
            continue
        found = procedures(ctx, action)
        steps += found
        new = new or action.action == "create_establishment"
        quiet += not found and action.action != "create_establishment"
    if not steps and not blocked:
        return []
    name, region = group.place
    representative = ctx.view.representatives.get(group.establishment, m("none"))
    lines = [f"## {m('runbook.establishment', name=escape(name), region=escape(region))}", "",
             m("runbook.representative", name=escape(representative)), ""]
    if new and steps:
        lines += [f"_{m('runbook.new_establishment')}_", ""]
    if steps:
        lines += [f"### {m('runbook.login.title')}", "",
                  f"1. {m('runbook.login.connect')}", f"2. {m('runbook.login.service')}", ""]
    for number, proc in enumerate(steps, 1):
        lines += procedure_lines(number, proc, m)
    if quiet:
        lines += [f"_{m('runbook.quiet', count=quiet)}_", ""]
    if blocked:
        lines += [f"### {m('runbook.blocked')}", ""]
        for b in blocked:
            lines += blocked_lines(ctx, b)
        lines.append("")
    return lines


def render_view(view: PlanView, messages: Messages, color: bool = False) -> Iterator[str]:
    """The runbook: login steps, then numbered procedures, establishment by establishment
    (`color`: never, in Markdown)."""
    plan = view.plan
    ctx = _context(view, messages)
    lines = [f"# {messages('runbook.title')}", "", messages("runbook.intro"), "",
             messages("runbook.meta", location=code(plan.state_location), id=plan.state_id,
                      serial=plan.state_serial, digest=short_digest(plan.config_digest)), ""]
    lines += caution_lines(plan, messages)
    untouched: list[str] = []
    shown = 0
    for group in view.by_place():
        section = establishment_lines(ctx, group)
        if section:
            lines += section
            shown += 1
        else:
            untouched.append(escape(group.place.name))
    if untouched:
        lines += [messages("runbook.untouched", names=", ".join(untouched)), ""]
    if not shown and not untouched:
        lines += [messages("runbook.nothing"), ""]
    yield "\n".join(lines).rstrip("\n") + "\n"


def render(plan: Plan, files: list[AccessFile], state: State, messages: Messages) -> str:
    """The runbook for a caller holding a plan, its files and its state."""
    return "".join(render_view(PlanView(plan, files, state), messages))
