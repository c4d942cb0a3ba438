"""A plan as text, Terraform-like: `+` adds, `-` removes, `~` changes, `!` blocked."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterator

import click

from reconciler.catalog import Messages
from reconciler.planning.planner import ACTION_KINDS, Action, Blocked, Plan, Refusal
from reconciler.render.markdown import plain
from reconciler.render.plan_view import Place, PlanView, describe, quoted


def action_lines(view: PlanView, messages: Messages, color: bool
                 ) -> Callable[[Action], str]:
    """The line of an action, made by one function per plan: a province-wide plan has
    a hundred thousand lines, and what they share (each kind's sign and words) is made
    once."""
    value = functools.partial(quoted, messages=messages, text=plain)
    subject = view.subject
    starts = {name: f"  {kind.sign} {messages(kind.words)} "
              for name, kind in ACTION_KINDS.items()}
    colon = messages("plan.colon")

    def line(action: Action) -> str:
        text = f"{starts[action.action]}{plain(subject(action))}".rstrip()
        detail = describe(action, messages, value)
        if detail:
            text += colon + detail
        if action.ticket:  # file text: no control character reaches the terminal
            text += f" [{messages('md.person.ticket', ticket=plain(action.ticket))}]"
        return click.style(text, fg=ACTION_KINDS[action.action].colour) if color else text

    return line


def blocked_lines(blocked: Blocked, messages: Messages, color: bool) -> list[str]:
    label = f"! {messages('plan.blocked')}"
    if color:
        label = click.style(label, fg="red", bold=True)
    params = blocked.message_params
    return [
        f"  {label} {plain(blocked.username)} ({plain(blocked.source)}){messages('plan.colon')}"
        f"{messages(blocked.code, **params)}",
        f"      {messages('hint')} {messages.hint(blocked.code, **params)}",
    ]


def refusal_lines(refusal: Refusal, messages: Messages, color: bool) -> list[str]:
    label = f"{messages('severity.error')}[{refusal.code}]"
    if color:
        label = click.style(label, fg="red", bold=True)
    params = refusal.message_params
    hint = messages.hint(refusal.code, **params)
    return [f"  {label} {messages(refusal.code, **params)}",
            f"      {messages('hint')} {hint}"]


def summary_line(plan: Plan, messages: Messages) -> str:
    """`Plan: …`; establishments are counted only when the plan creates or updates one, so
    that the everyday line stays as scripts read it."""
    counts = plan.summary()
    records = counts["create_establishment"] or counts["update_establishment"]
    return messages("plan.summary.establishments" if records else "plan.summary", **counts)


def render_view(view: PlanView, messages: Messages, color: bool) -> Iterator[str]:
    """The plan as text, in pieces of a few thousand lines: a province-wide plan is
    written as it is rendered, never held whole."""
    lines = _lines(view, messages, color)
    while chunk := list(itertools.islice(lines, 2_000)):
        yield "\n".join(chunk) + "\n"


def lines(plan: Plan, establishments: dict[str, tuple[str, str]], messages: Messages,
          color: bool) -> Iterator[str]:
    """The plan's lines, for a caller holding a plan and its establishments' places."""
    known = {est: Place(*place) for est, place in establishments.items()}
    return _lines(PlanView(plan, known=known), messages, color)


def _lines(view: PlanView, messages: Messages, color: bool) -> Iterator[str]:
    """The plan's lines, one at a time. What would make apply refuse the plan comes
    first, where a reviewer starts reading."""
    plan = view.plan
    action_line = action_lines(view, messages, color)
    yield messages("state.named", location=plan.state_location, id=plan.state_id,
                   serial=plan.state_serial)
    yield ""
    if plan.refusals:
        heading = messages("plan.refusal.heading")
        yield click.style(heading, fg="red", bold=True) if color else heading
        for refusal in plan.refusals:
            yield from refusal_lines(refusal, messages, color)
        yield ""
    for group in view.by_id():
        name, region = group.place
        heading = messages("plan.establishment", id=group.establishment, name=name,
                           region=region)
        yield click.style(heading, bold=True) if color else heading
        tasks = view.portal_tasks(group)
        if tasks:
            yield "  " + messages("plan.by_hand", count=tasks)
        yield from map(action_line, group.actions)
        for entry in group.blocked:
            yield from blocked_lines(entry, messages, color)
        yield ""
    if plan.warnings:
        yield messages("plan.warnings")
        for w in plan.warnings:
            where = plain(w.source) + messages("plan.colon") if w.source else ""
            yield (f"  {where}{messages('severity.warning')}[{w.code}] "
                   f"{messages(w.code, **w.params)}")
            yield f"      {messages('hint')} {messages.hint(w.code, **w.params)}"
        yield ""
    if not plan.actions and not plan.blocked:
        yield messages("plan.no_changes")
    else:
        yield summary_line(plan, messages)
    if plan.refusals:  # again at the end, which a long plan's reader sees last
        yield messages("plan.refusal.summary", count=len(plan.refusals))
