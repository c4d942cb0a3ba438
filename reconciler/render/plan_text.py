"""A plan as text, Terraform-like: `+` adds, `-` removes, `~` changes, `!` blocked."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

import click

from reconciler.catalog import Messages
from reconciler.plan import Action, Blocked, Plan, Refusal
from reconciler.render.plan_markdown import plain

_SIGNS = {
    "create_establishment": ("+", "green"),
    "update_establishment": ("~", "yellow"),
    "create_account": ("+", "green"),
    "grant_services": ("+", "green"),
    "revoke_services": ("-", "red"),
    "update_account": ("~", "yellow"),
    "regenerate_code": ("~", "yellow"),
    "reset_password": ("~", "yellow"),
    "delete_account": ("-", "red"),
}


@functools.lru_cache(maxsize=32)
def _kind(messages: Messages, kind: str) -> str:
    return messages("plan.kind." + kind)  # the same few words on every line of a plan


def _value(value: Any, messages: Messages) -> str:
    if value is None:
        return messages("none")
    if isinstance(value, bool):  # an establishment's `retired`, as its file spells it
        return "true" if value else "false"
    return f'"{plain(str(value))}"'  # file or state text: no control character shown


def _detail(action: Action, messages: Messages) -> str:
    if action.services:
        return ": " + ", ".join(action.services)
    if action.is_removal and action.action == "update_account":
        return ": " + messages("plan.released")
    if action.changes:
        return ": " + "; ".join(
            f"{name} {_value(c['old'], messages)} → {_value(c['new'], messages)}"
            for name, c in action.changes.items()
        )
    return ""


def action_line(action: Action, messages: Messages, color: bool) -> str:
    sign, fg = _SIGNS[action.action]
    who = action.username or (action.after or {}).get("name", "")
    if action.name and action.username:
        who = f"{action.username} ({action.name})"
    text = f"  {sign} {_kind(messages, action.action)} {plain(who)}".rstrip()
    text += _detail(action, messages)
    if action.ticket:  # file text: no control character reaches the terminal
        text += f" [{messages('md.person.ticket', ticket=plain(action.ticket))}]"
    return click.style(text, fg=fg) if color else text


def blocked_lines(blocked: Blocked, messages: Messages, color: bool) -> list[str]:
    label = f"! {messages('plan.blocked')}"
    if color:
        label = click.style(label, fg="red", bold=True)
    params = {**blocked.params, "key": blocked.username}
    return [
        f"  {label} {plain(blocked.username)} ({plain(blocked.source)}): "
        f"{messages(blocked.code, **params)}",
        f"      {messages('hint')} {messages.hint(blocked.code, **params)}",
    ]


def refusal_lines(refusal: Refusal, messages: Messages, color: bool) -> list[str]:
    label = f"{messages('severity.error')}[{refusal.code}]"
    if color:
        label = click.style(label, fg="red", bold=True)
    hint = messages.hint(refusal.code, **refusal.params, _hint="plan")
    return [f"  {label} {messages(refusal.code, **refusal.params)}",
            f"      {messages('hint')} {hint}"]


def summary_line(plan: Plan, messages: Messages) -> str:
    """`Plan: …`; establishments are counted only when the plan creates or updates one, so
    that the everyday line stays as scripts read it."""
    counts = plan.summary()
    records = counts["create_establishment"] or counts["update_establishment"]
    return messages("plan.summary.establishments" if records else "plan.summary", **counts)


def lines(
    plan: Plan, establishments: dict[str, tuple[str, str]], messages: Messages, color: bool
) -> Iterator[str]:
    """The plan's lines, one at a time: a province-wide plan is written as it is rendered,
    never held whole. `establishments` maps an id to its (name, region), for headings.
    What would make apply refuse the plan comes first, where a reviewer starts reading."""
    yield messages("state.named", location=plan.state_location, id=plan.state_id,
                   serial=plan.state_serial)
    yield ""
    if plan.refusals:
        heading = messages("plan.refusal.heading")
        yield click.style(heading, fg="red", bold=True) if color else heading
        for refusal in plan.refusals:
            yield from refusal_lines(refusal, messages, color)
        yield ""
    actions, blocked = plan.by_establishment()
    for est in sorted(actions.keys() | blocked.keys()):
        name, region = establishments.get(est, (est, "?"))
        heading = messages("plan.establishment", id=est, name=name, region=region)
        yield click.style(heading, bold=True) if color else heading
        for action in actions.get(est, ()):
            yield action_line(action, messages, color)
        for entry in blocked.get(est, ()):
            yield from blocked_lines(entry, messages, color)
        yield ""
    if plan.warnings:
        yield messages("plan.warnings")
        for w in plan.warnings:
            where = f"{plain(w.source)}: " if w.source else ""
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


def render(
    plan: Plan, establishments: dict[str, tuple[str, str]], messages: Messages, color: bool
) -> str:
    return "\n".join(lines(plan, establishments, messages, color))
