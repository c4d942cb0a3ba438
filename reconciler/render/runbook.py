"""The plan as a runbook, for `plan --format runbook` (ARCHITECTURE §10): for sites that still
make the changes by hand, numbered steps through the RAMQ portal's own screens, one
procedure per planned action, grouped by establishment.

The portal's screens, buttons and check boxes keep their French names in both languages
(they are what the representative sees; the English catalog glosses them); the rest follows
`messages`. Person data comes from the access files (desired users, by key) and, for
removals, from the state.

Only what the aide-mémoire « Gérer les accès à RVSQ » shows is prescribed: a person leaves a
list by « Supprimer » (a release, a deletion, a move's old site, a person left with no
service: the form needs at least one box), services change by ticking and unticking boxes
then « Mettre à jour », and a change the user's screen has no field for (names, email) is
said to be made through the regional representative. In each establishment the people
who leave come first (their other steps, then « Supprimer »), and establishments a person
moves out of come before the others.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import NamedTuple

from reconciler.catalog import Messages
from reconciler.catalog.typography import quoted  # the labels are quoted the French way
from reconciler.domain import SERVICE_LABELS
from reconciler.planning.planner import Action, Blocked, Plan
from reconciler.reading.model import AccessFile
from reconciler.records import State
from reconciler.render import tasks_view
from reconciler.render.markdown import capitalised, code, escape, escaped, short_digest
from reconciler.render.plan_view import Group, PlanView

DELETION_GUARD = frozenset({"E112", "E113"})  # refusals worth a caution in the portal too
# The portal's own words (aide-mémoire « Gérer les accès à RVSQ »), French in both languages.
TITLE_LABELS = {"madame": "Madame", "monsieur": "Monsieur", "docteur": "Docteur",
                "docteure": "Docteure"}
# `tasks list --format runbook`: (establishment, username) → the numbers of the open portal
# tasks each person's procedures there carry out.
TaskNumbers = Mapping[tuple[str, str], Sequence[int]]
# The fields of « Ajouter un utilisateur »: the user's screen shows none of them afterwards.
FORM_FIELDS = ("title", "first_name", "last_name", "email")


class Step(NamedTuple):
    text: str
    items: tuple[str, ...] = ()  # a bulleted list under the step (fields, check boxes)


class Procedure(NamedTuple):
    heading: str
    steps: list[Step]
    note: str | None = None  # a closing paragraph
    ticket: str | None = None
    removes: bool = False  # takes the person off the list: done before any addition


class _Context(NamedTuple):
    """What the procedures look up: the plan's view (people, the state, places), and how
    actions pair up."""

    messages: Messages
    view: PlanView
    joins: dict[tuple[str, str], Action]  # update_account bringing an account into an est
    releases: set[tuple[str, str]]  # (establishment, username) released by the plan
    granted: dict[tuple[str, str], Action]  # (establishment, username) → its grant_services
    revoked: dict[tuple[str, str], Action]  # (establishment, username) → its revoke_services
    departures: dict[str, list[Action]]  # old establishment → the joins moving out of it
    tasks: TaskNumbers | None = None  # the runbook of open portal tasks: their numbers


# --- small builders -----------------------------------------------------------------------
def _box(service: str) -> str:
    return quoted(SERVICE_LABELS.get(service, service))


def _field_value(ctx: _Context, name: str, value: str | None) -> str:
    """A form value as typed in the portal (titles as the form's choices)."""
    if not value:
        return ctx.messages("none")
    return code(TITLE_LABELS.get(value, value) if name == "title" else value)


def _label(ctx: _Context, name: str) -> str:
    """A form field's label, quoted (glossed in English)."""
    return ctx.messages(f"runbook.label.{name}")


def _field(ctx: _Context, name: str, value: str | None) -> str:
    return ctx.messages("runbook.field", label=_label(ctx, name),
                        value=_field_value(ctx, name, value))


def _kept_services(ctx: _Context, key: tuple[str, str]) -> tuple[str, ...]:
    """The services the person holds once the plan is carried out: the state's, less those
    revoked, plus those granted (the plan and the state say it; no file needed)."""
    account = ctx.view.account(key[1])
    revoked, granted = ctx.revoked.get(key), ctx.granted.get(key)
    kept = set(account.services if account else ()) - set(revoked.services if revoked else ())
    return tuple(sorted(kept | set(granted.services if granted else ())))


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
        Step(m("runbook.step.has_account", answer=m("runbook.answer.no"))),
        Step(m("runbook.step.fill"), form),
        Step(m("runbook.step.tick_only"), tuple(_box(s) for s in action.services)),
        Step(m("runbook.step.submit", email=code(after.get("email", "")))),
        Step(m("runbook.step.code_created", name=name)),
        Step(m("runbook.step.wait", name=name)),
    ], m("runbook.note.clinical") if after.get("profile") == "infirmiere-clinicienne" else None,
        action.ticket)


def _join(ctx: _Context, action: Action, join: Action) -> Procedure:
    """Add an existing account to the establishment's list (« Oui »), with every service it
    keeps: the boxes are ticked once, on the form (a move's revoke needs no step)."""
    m = ctx.messages
    name = _name(ctx, action)
    old = (join.changes or {})["establishment"]["old"]
    steps = [Step(m("runbook.step.add_user")),
             Step(m("runbook.step.has_account", answer=m("runbook.answer.yes"))),
             Step(m("runbook.step.username", username=code(action.username or ""))),
             Step(m("runbook.step.tick_only"),
                  tuple(_box(s) for s in _kept_services(ctx, _key(action)))),
             Step(m("runbook.step.submit_existing"))]
    if old is not None:  # a move: the old site's « Supprimer » comes first
        place = ctx.view.place(old)
        steps.insert(0, Step(m("runbook.step.after_release", name=name,
                               establishment=escape(place.name),
                               representative=escape(ctx.view.representatives.get(
                                   old, m("none"))))))
    return Procedure(m("runbook.h.join", name=name), steps, m("runbook.note.existing", name=name),
                     action.ticket or join.ticket)


def _departure(ctx: _Context, join: Action) -> Procedure:
    """A move's first half, at the old site: the person leaves its list."""
    m = ctx.messages
    name = _listed_name(ctx, join)
    return Procedure(m("runbook.h.departure", name=name), [
        Step(m("runbook.step.delete", name=name, username=code(join.username or ""))),
    ], m("runbook.note.departure", name=name,
         establishment=escape(ctx.view.place(join.establishment).name)), join.ticket, True)


def _services(ctx: _Context, key: tuple[str, str]) -> Procedure:
    """A change of services for a person who stays on the list and keeps at least one box:
    ticked and unticked on the same screen, then « Mettre à jour »."""
    m = ctx.messages
    granted, revoked = ctx.granted.get(key), ctx.revoked.get(key)
    action = granted or revoked
    assert action is not None
    steps = [_find(ctx, action)]
    if granted:
        steps.append(Step(m("runbook.step.tick"), tuple(_box(s) for s in granted.services)))
    if revoked:
        steps.append(Step(m("runbook.step.untick"), tuple(_box(s) for s in revoked.services)))
    heading = ("runbook.h.services" if granted and revoked
               else "runbook.h.grant" if granted else "runbook.h.revoke")
    tickets = (granted.ticket if granted else None) or (revoked.ticket if revoked else None)
    return Procedure(m(heading, name=_listed_name(ctx, action)),
                     [*steps, _update_button(ctx)], ticket=tickets)


def _no_service_left(ctx: _Context, action: Action) -> Procedure:
    """Every service revoked from a person who stays in the files: the form needs at least
    one box, so the person leaves the list with « Supprimer »."""
    m = ctx.messages
    name = _listed_name(ctx, action)
    return Procedure(m("runbook.h.no_service", name=name), [
        Step(m("runbook.step.delete", name=name, username=code(action.username or ""))),
    ], m("runbook.note.no_service", name=name), action.ticket, True)


def _correct(ctx: _Context, action: Action, fields: list[str]) -> Procedure:
    """Names or email changed: the user's screen has no field for them (only « Nom
    d'utilisateur », the password box and the services), so the portal cannot do it."""
    m = ctx.messages
    changes = action.changes or {}
    items = tuple(
        m("runbook.change", label=_label(ctx, f),
          old=_field_value(ctx, f, changes[f]["old"]), new=_field_value(ctx, f, changes[f]["new"]))
        for f in fields
    )
    return Procedure(m("runbook.h.update", name=_listed_name(ctx, action)), [
        Step(m("runbook.step.no_field"), items),
        Step(m("runbook.step.ask_regional", name=_listed_name(ctx, action),
               username=code(action.username or ""))),
    ], ticket=action.ticket)


def _release(ctx: _Context, action: Action) -> Procedure:
    m = ctx.messages
    name = _listed_name(ctx, action)
    return Procedure(m("runbook.h.release", name=name), [
        Step(m("runbook.step.delete", name=name, username=code(action.username or ""))),
    ], m("runbook.note.released", name=name), action.ticket, True)


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
    ], m("runbook.note.deleted", name=name), action.ticket, True)


def _key(action: Action) -> tuple[str, str]:
    return (action.establishment, action.username or "")


def covered(ctx: _Context, action: Action) -> bool:
    """Is `action` carried out by another action's procedure? A release's « Supprimer »
    takes every box with the person (so its revoke needs no steps of its own); adding an
    existing account with « Oui » brings it into the establishment with the services it
    keeps (so its revoke needs none, nor its update unless names change); a grant and a
    revoke for one person are one screen, shown with the grant."""
    key = _key(action)
    if action.action == "revoke_services":
        return key in ctx.releases or key in ctx.joins or key in ctx.granted
    if action.action == "update_account":
        changes = action.changes or {}
        return (key in ctx.joins and key in ctx.granted
                and not any(f in changes for f in FORM_FIELDS))
    return False


def procedures(ctx: _Context, action: Action) -> list[Procedure]:
    """The portal steps for `action`; none when the portal has nothing to do for it."""
    key = _key(action)
    kind = action.action
    if kind == "create_account":
        return [_create(ctx, action)]
    if kind == "grant_services":
        join = ctx.joins.get(key)
        return [_join(ctx, action, join) if join is not None else _services(ctx, key)]
    if kind == "revoke_services":
        if not _kept_services(ctx, key):
            return [_no_service_left(ctx, action)]
        return [_services(ctx, key)]
    if kind == "update_account":
        return _update(ctx, action, key)
    single = {"regenerate_code": _regenerate, "reset_password": _reset, "delete_account": _delete}
    return [single[kind](ctx, action)] if kind in single else []  # the establishment's record


def _update(ctx: _Context, action: Action, key: tuple[str, str]) -> list[Procedure]:
    if key in ctx.releases:
        return [_release(ctx, action)]
    found: list[Procedure] = []
    if key in ctx.joins and key not in ctx.granted and _kept_services(ctx, key):
        # Moved in (or adopted) with services it already had: it still has to be added to
        # this establishment's list.
        found.append(_join(ctx, action, action))
    fields = [f for f in FORM_FIELDS if f in (action.changes or {})]
    if fields:
        found.append(_correct(ctx, action, fields))
    return found


# --- assembling -----------------------------------------------------------------------------
def _context(view: PlanView, messages: Messages, tasks: TaskNumbers | None = None
             ) -> _Context:
    joins: dict[tuple[str, str], Action] = {}
    releases: set[tuple[str, str]] = set()
    granted: dict[tuple[str, str], Action] = {}
    revoked: dict[tuple[str, str], Action] = {}
    departures: dict[str, list[Action]] = {}
    for a in view.plan.actions:
        key = _key(a)
        if a.action == "grant_services":
            granted[key] = a
        elif a.action == "revoke_services":
            revoked[key] = a
        elif a.releases:
            releases.add(key)
        elif a.action == "update_account":
            moved = (a.changes or {}).get("establishment")
            if moved is not None and moved["new"] == a.establishment:
                joins[key] = a
                if moved["old"] is not None:
                    departures.setdefault(moved["old"], []).append(a)
    return _Context(messages, view, joins, releases, granted, revoked, departures, tasks)


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


def _in_portal_order(found: list[tuple[str, Procedure, tuple[str, str]]]
                     ) -> list[tuple[Procedure, tuple[str, str]]]:
    """Off the list before anyone is added: the people who leave first, each one's other
    steps before their « Supprimer » (once off the list, nobody can click their name);
    otherwise plan order (the sort is stable). Each procedure with the key of the tasks
    it carries out (a move's « Supprimer » at the old site: the new site's)."""
    leaving = {who for who, proc, _ in found if proc.removes}
    found = sorted(found, key=lambda entry: (entry[0] not in leaving, entry[1].removes))
    return [(proc, key) for _, proc, key in found]


def task_lines(ctx: _Context, key: tuple[str, str], last: bool) -> list[str]:
    """Which open portal tasks a procedure carries out: the last of a person's procedures
    ends with the command that confirms them; an earlier one says it is part of them."""
    numbers = list((ctx.tasks or {}).get(key, ()))
    if not numbers:
        return []
    m, shown = ctx.messages, tasks_view.numbers_words(numbers)
    if not last:
        return [f"_{m('tasks.runbook.part', count=len(numbers), numbers=shown)}_", ""]
    command = code(tasks_view.done_command(numbers))
    return [f"_{m('tasks.runbook.carries', count=len(numbers), numbers=shown)}_ "
            + m("tasks.runbook.confirm", command=command), ""]


def establishment_lines(ctx: _Context, group: Group) -> list[str]:
    """The section of one establishment; empty when nothing in it needs the portal and
    nothing is blocked."""
    m = ctx.messages
    actions, blocked = group.actions, group.blocked
    found_for: list[tuple[str, Procedure, tuple[str, str]]] = [  # (username, procedure, key)
        (join.username or "", _departure(ctx, join), _key(join))
        for join in ctx.departures.get(group.establishment, ())]
    quiet = 0  # changes the tool records with no portal step
    new = False  # an establishment the tool did not know: said once, before the steps
    for action in actions:
        if covered(ctx, action):
            continue
        found = procedures(ctx, action)
        found_for += [(action.username or "", proc, _key(action)) for proc in found]
        new = new or action.action == "create_establishment"
        quiet += not found and action.action != "create_establishment"
    ordered = _in_portal_order(found_for)
    steps = [proc for proc, _ in ordered]
    # A person's tasks are confirmed after their last procedure in the section of the
    # tasks' own establishment: a move's « Supprimer » at the old site is only part of them.
    last_of = {key: i for i, (_, key) in enumerate(ordered)}
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
    for number, (proc, key) in enumerate(ordered, 1):
        lines += procedure_lines(number, proc, m)
        if ctx.tasks is not None:
            lines += task_lines(ctx, key, last=last_of[key] == number - 1
                                and key[0] == group.establishment)
    if quiet:
        lines += [f"_{m('runbook.quiet', count=quiet)}_", ""]
    if blocked:
        lines += [f"### {m('runbook.blocked')}", ""]
        for b in blocked:
            lines += blocked_lines(ctx, b)
        lines.append("")
    return lines


def _sections(ctx: _Context) -> list[Group]:
    """The establishments to show, by place, those a person moves out of first (their
    « Supprimer » must come before the new site's « Ajouter un utilisateur »), with a
    section of their own when the plan has nothing else there."""
    view = ctx.view
    groups = {g.establishment: g for g in view.by_place()}
    for est in ctx.departures.keys() - groups.keys():
        groups[est] = Group(est, view.place(est), [], [])
    ordered = view.in_place_order(groups)
    return [groups[est] for est in sorted(ordered, key=lambda e: e not in ctx.departures)]


def render_view(view: PlanView, messages: Messages, color: bool = False, *,
                tasks: TaskNumbers | None = None) -> Iterator[str]:
    """The runbook: login steps, then numbered procedures, establishment by establishment
    (`color`: never, in Markdown). With `tasks`, the view's plan is made of open portal
    tasks (`tasks list --format runbook`): each procedure says which it carries out."""
    plan = view.plan
    ctx = _context(view, messages, tasks)
    if tasks is None:
        lines = [f"# {messages('runbook.title')}", "", messages("runbook.intro"), "",
                 messages("runbook.meta", location=code(plan.state_location),
                          id=plan.state_id, serial=plan.state_serial,
                          digest=short_digest(plan.config_digest)), ""]
    else:
        count = len({n for numbers in tasks.values() for n in numbers})
        lines = [f"# {messages('tasks.runbook.title')}", "", messages("tasks.runbook.intro"),
                 "", messages("tasks.runbook.meta", location=code(plan.state_location),
                              id=plan.state_id, count=count), ""]
    lines += caution_lines(plan, messages)
    untouched: list[str] = []
    shown = 0
    for group in _sections(ctx):
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
