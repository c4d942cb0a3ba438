"""A plan as text, Terraform-like: `+` adds, `-` removes, `~` changes, `!` blocked."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import click

from reconciler.catalog import Messages
from reconciler.plan import Action, Blocked, Plan

_SIGNS = {
    "update_establishment": ("~", "yellow"),
    "create_account": ("+", "green"),
    "grant_services": ("+", "green"),
    "revoke_services": ("-", "red"),
    "update_account": ("~", "yellow"),
    "regenerate_code": ("~", "yellow"),
    "reset_password": ("~", "yellow"),
    "delete_account": ("-", "red"),
}


def _value(value: Any, messages: Messages) -> str:
    return messages("none") if value is None else f'"{value}"'


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
    text = f"  {sign} {messages('plan.kind.' + action.action)} {who}".rstrip()
    text += _detail(action, messages)
    return click.style(text, fg=fg) if color else text


def blocked_lines(blocked: Blocked, messages: Messages, color: bool) -> list[str]:
    label = f"! {messages('plan.blocked')}"
    if color:
        label = click.style(label, fg="red", bold=True)
    params = {**blocked.params, "key": blocked.username}
    return [
        f"  {label} {blocked.username} ({blocked.source}): {messages(blocked.code, **params)}",
        f"      {messages('hint')} {messages.hint(blocked.code, **params)}",
    ]


def render(
    plan: Plan, establishments: dict[str, tuple[str, str]], messages: Messages, color: bool
) -> str:
    """`establishments` maps an id to its (name, region), for the group headings."""
    lines: list[str] = []
    groups: dict[str, list[str]] = defaultdict(list)  # one pass: plans can be province-wide
    for action in plan.actions:
        groups[action.establishment].append(action_line(action, messages, color))
    for blocked in plan.blocked:
        groups[blocked.establishment].extend(blocked_lines(blocked, messages, color))
    for est in sorted(groups):
        name, region = establishments.get(est, (est, "?"))
        heading = messages("plan.establishment", id=est, name=name, region=region)
        lines.append(click.style(heading, bold=True) if color else heading)
        lines.extend(groups[est])
        lines.append("")
    if plan.warnings:
        lines.append(messages("plan.warnings"))
        for w in plan.warnings:
            where = f"{w.source}: " if w.source else ""
            lines.append(f"  {where}{messages('severity.warning')}[{w.code}] "
                         f"{messages(w.code, **w.params)}")
            lines.append(f"      {messages('hint')} {messages.hint(w.code, **w.params)}")
        lines.append("")
    if not plan.actions and not plan.blocked:
        lines.append(messages("plan.no_changes"))
    else:
        lines.append(messages("plan.summary", **plan.summary()))
    return "\n".join(lines)
