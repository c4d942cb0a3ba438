"""The plan as a pull-request comment (GitHub-flavoured Markdown), for
`plan --format markdown` (ARCHITECTURE §1, §10).

Reviewers get the totals per region and establishment, what would make apply refuse the
plan, one line per person, the blocked entries and warnings, then every action in a
collapsible block. User text is escaped, the domain of email keys is elided (`local@…`) to
keep personal emails out of PR comments, and the comment never exceeds `LIMIT` characters:
past it, person lines and details are cut and a note says how many lines were left out.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

from reconciler.catalog import Messages
from reconciler.planning.planner import (
    ESTABLISHMENT_KINDS,
    KINDS,
    Action,
    Blocked,
    Notice,
    Plan,
    Refusal,
)
from reconciler.reading.model import AccessFile
from reconciler.records import State
from reconciler.render.markdown import (
    capitalised,
    code,
    elide,
    escape,
    escaped,
    plain,
    short_digest,
)
from reconciler.render.plan_view import PlanView, describe, field_name, quoted

LIMIT = 60_000  # GitHub refuses comments over 65,536 characters
# Refusals are never cut to make room for the rest; only hundreds of them (a province's
# establishments without age_recipient) are shortened past this, so that the comment posts.
REFUSALS_LIMIT = LIMIT // 3
# The totals table: every kind of action on an account, then the blocked entries; led by
# the establishments' own records when the plan creates or updates any.
COLUMNS = (*(kind for kind in KINDS if kind not in ESTABLISHMENT_KINDS), "blocked")
RECORD_COLUMNS = tuple(kind for kind in KINDS if kind in ESTABLISHMENT_KINDS)


# --- the parts of the comment ----------------------------------------------------------
class _Section(NamedTuple):
    """A list that may be cut: `head` and `tail` always stay, `items` are (text, lines)."""

    head: list[str]
    items: list[tuple[str, int]]
    tail: list[str]
    more: Callable[[int], str]  # how a cut of so many lines is announced after the items


def _counts(view: PlanView) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    every = (*RECORD_COLUMNS, *COLUMNS)
    for group in view.by_id():
        row = counts[group.establishment] = dict.fromkeys(every, 0)
        for action in group.actions:
            row[action.action] += 1
        row["blocked"] = len(group.blocked)
    return counts


def totals_table(view: PlanView, messages: Messages) -> list[str]:
    """One row per establishment, by region, and a total row. Past half the size limit
    (a province-wide plan), one row per region instead, so that the table always fits."""
    counts = _counts(view)
    rows = [(group.place.region, escape(group.place.name), counts[group.establishment])
            for group in view.by_place()]
    # An establishment whose record alone changes would otherwise be a row of zeros.
    records = any(row[c] for row in counts.values() for c in RECORD_COLUMNS)
    columns = (*RECORD_COLUMNS, *COLUMNS) if records else COLUMNS
    lines = _table(rows, counts, columns, messages)
    if len(_join(lines)) > LIMIT // 2:
        lines = _table(_region_rows(rows, columns, messages), counts, columns, messages)
    return lines


def _region_rows(rows: list[tuple[str, str, dict[str, int]]], columns: tuple[str, ...],
                 messages: Messages) -> list[tuple[str, str, dict[str, int]]]:
    regions: dict[str, tuple[int, dict[str, int]]] = {}
    for region, _, row in rows:
        count, sums = regions.get(region, (0, dict.fromkeys(columns, 0)))
        regions[region] = (count + 1, {c: sums[c] + row[c] for c in columns})
    return [(region, messages("md.establishments", count=count), sums)
            for region, (count, sums) in sorted(regions.items())]


def _table(rows: list[tuple[str, str, dict[str, int]]], counts: dict[str, dict[str, int]],
           columns: tuple[str, ...], messages: Messages) -> list[str]:
    header = [messages("md.col.region"), messages("md.col.establishment"),
              *(messages(f"md.col.{c}") for c in columns)]
    lines = ["| " + " | ".join(header) + " |", "|---|---|" + "---:|" * len(columns)]
    for region, name, row in rows:
        cells = [escape(region), name, *(str(row[c]) for c in columns)]
        lines.append("| " + " | ".join(cells) + " |")
    total = [str(sum(row[c] for row in counts.values())) for c in columns]
    lines.append(f"| **{messages('md.total')}** | | " + " | ".join(f"**{t}**" for t in total)
                 + " |")
    return lines


def _who(name: str | None, key: str | None) -> str:
    shown = escape(elide(key or ""))
    return f"{escape(name)} ({shown})" if name else shown


def _person_parts(actions: list[Action], messages: Messages) -> list[str]:
    """What happens to one person, in a fixed reading order."""
    parts: list[tuple[int, str]] = []
    for a in actions:
        if a.action == "create_account":
            parts.append((0, messages("md.person.new_account")))
        if a.action in ("create_account", "grant_services"):
            parts += [(2, f"+{s}") for s in a.services]
        elif a.action == "revoke_services":
            parts += [(3, f"-{s}") for s in a.services]
        elif a.action == "regenerate_code":
            parts.append((4, messages("md.person.new_code")))
        elif a.action == "reset_password":
            parts.append((5, messages("md.person.reset")))
        elif a.action == "delete_account":
            parts.append((8, messages("md.person.deleted")))
        elif a.action == "update_account":
            parts += _update_parts(a, messages)
    return [text for _, text in sorted(parts, key=lambda p: p[0])]


def _update_parts(action: Action, messages: Messages) -> list[tuple[int, str]]:
    changes = dict(action.changes or {})
    parts: list[tuple[int, str]] = []
    moved = changes.pop("establishment", None)
    if action.releases:
        parts.append((7, messages("md.person.released")))
    elif moved is not None and moved["old"] is None:
        parts.append((1, messages("md.person.added")))
    elif moved is not None:
        parts.append((1, messages("md.person.moved", establishment=escape(moved["old"]))))
    if changes:
        parts.append((6, messages("md.person.updated", fields=_field_names(changes, messages))))
    return parts


def establishment_part(action: Action, messages: Messages) -> str:
    """What changes in the establishment's own record (name, representative, retired)."""
    if action.action == "create_establishment":
        return messages("md.establishment.new")
    changes = action.changes or {}
    if changes.get("retired", {}).get("new"):
        return messages("md.establishment.retired")
    return messages("md.establishment.updated", fields=_field_names(changes, messages))


def _field_names(fields: Iterable[str], messages: Messages) -> str:
    return ", ".join(field_name(field, messages) for field in fields)


def person_line(actions: list[Action], messages: Messages) -> str:
    first = actions[0]
    line = "- " + messages("md.line", who=_who(first.name, first.username),
                           what=", ".join(_person_parts(actions, messages)))
    tickets = sorted({a.ticket for a in actions if a.ticket})
    if tickets:
        line += " — " + messages("md.person.ticket", ticket=escape(", ".join(tickets)))
    return line


def _people(view: PlanView, messages: Messages) -> list[tuple[str, int]]:
    """Items for the per-person section: each establishment's heading rides with its first
    line, so that a cut never leaves a heading alone."""
    items: list[tuple[str, int]] = []
    for group in view.by_place():
        if not group.actions:
            continue
        people: dict[str, list[Action]] = {}
        lines: list[str] = []
        for action in group.actions:
            if action.kind.on_establishment:
                lines.append(f"- {establishment_part(action, messages)}")
            else:
                people.setdefault(action.username or "", []).append(action)
        order = sorted(people.values(),
                       key=lambda acts: ((acts[0].name or "").casefold(), acts[0].username or ""))
        lines += [person_line(acts, messages) for acts in order]
        name, region = group.place
        heading = "#### " + messages("md.establishment", name=escape(name),
                                     id=escape(group.establishment), region=escape(region))
        prefix = "" if not items else "\n"
        tasks = view.portal_tasks(group)
        if tasks:
            heading += "\n\n_" + messages("plan.by_hand", count=tasks) + "_"
        items.append((f"{prefix}{heading}\n\n{lines[0]}", 1))
        items += [(line, 1) for line in lines[1:]]
    return items


def blocked_item(blocked: Blocked, who: str, messages: Messages) -> str:
    params = escaped(blocked.message_params, private=True)
    return _with_hint(f"{who}, {code(blocked.source)}", blocked.code, params, messages)


def warning_item(notice: Notice, messages: Messages) -> str:
    params = escaped(notice.params, private=True)
    where = f" {code(notice.source)}" if notice.source else ""
    return _with_hint(f"**{notice.code}**{where}", notice.code, params, messages)


def refusal_item(refusal: Refusal, messages: Messages) -> str:
    params = escaped(refusal.message_params, private=True)
    return _with_hint(f"**{refusal.code}**", refusal.code, params, messages)


def refusals_block(plan: Plan, messages: Messages) -> list[str]:
    """What would make apply refuse the plan, under its own heading; empty when nothing."""
    if not plan.refusals:
        return []
    items, budget = [], REFUSALS_LIMIT
    for refusal in plan.refusals:
        item = refusal_item(refusal, messages)
        budget -= len(item) + 1
        if budget < 0:
            left = len(plan.refusals) - len(items)
            items.append("- _" + messages("md.more", count=left) + "_")
            break
        items.append(item)
    return [f"### {messages('plan.refusal.md', count=len(plan.refusals))}", "",
            messages("plan.refusal.md_intro"), "", *items, ""]


def _with_hint(who: str, problem: str, params: dict[str, Any], messages: Messages) -> str:
    """A list item: where and what, then the hint as a nested item."""
    return (f"- {messages('md.line', who=who, what=messages(problem, **params))}\n"
            f"  - {capitalised(messages('hint'))} {messages.hint(problem, **params)}")


def _private(text: str) -> str:
    return plain(elide(text))


def detail_line(view: PlanView, action: Action, messages: Messages) -> str:
    """One action in full, for the collapsible block (a `diff` code block: no escaping)."""
    kind = action.kind
    text = f"{kind.sign} {messages(kind.words)} {view.subject(action, elide)}"
    detail = describe(action, messages, functools.partial(quoted, messages=messages,
                                                          text=_private))
    if detail:
        text += messages("plan.colon") + detail
    if action.ticket:
        text += f" [{messages('md.person.ticket', ticket=action.ticket)}]"
    if action.source:
        text += f"  ({action.source})"
    return _private(text)  # names and tickets may hold emails too


def _details(view: PlanView, messages: Messages) -> list[tuple[str, int]]:
    items: list[tuple[str, int]] = []
    for group in view.by_place():
        if not group.actions:
            continue
        name, region = group.place
        heading = messages("md.establishment", name=name, id=group.establishment, region=region)
        heading = f"@@ {plain(elide(heading))} @@"
        lines = [detail_line(view, a, messages) for a in group.actions]
        items.append((f"{heading}\n{lines[0]}", 1))  # a cut never leaves a heading alone
        items += [(line, 1) for line in lines[1:]]
    return items


def _sections(view: PlanView, messages: Messages) -> list[_Section]:
    plan = view.plan
    def more(count: int) -> str:
        return "- _" + messages("md.more", count=count) + "_"

    sections = []
    if plan.blocked:
        items = [(blocked_item(b, _who(view.name(b.username), b.username), messages), 1)
                 for b in plan.blocked]
        sections.append(_Section([f"### {messages('md.blocked', count=len(plan.blocked))}", ""],
                                 items, [""], more))
    if plan.warnings:
        items = [(warning_item(w, messages), 1) for w in plan.warnings]
        sections.append(_Section(
            [f"### {messages('md.warnings', count=len(plan.warnings))}", ""], items, [""], more))
    if plan.actions:
        sections.append(_Section([f"### {messages('md.people')}", ""],
                                 _people(view, messages), [""], more))
        summary = messages("md.details", count=len(plan.actions))
        sections.append(_Section([f"<details><summary>{summary}</summary>", "", "```diff"],
                                 _details(view, messages), ["```", "", "</details>"],
                                 lambda count: messages("md.more", count=count)))
    return sections


# --- fitting under the limit -------------------------------------------------------------
def _join(parts: Iterable[str]) -> str:
    return "\n".join(parts)


def _section_text(section: _Section, kept: int) -> list[str]:
    items = [text for text, _ in section.items[:kept]]
    left = sum(lines for _, lines in section.items[kept:])
    if left:
        items.append(section.more(left))
    return [*section.head, *items, *section.tail]


def _fit(top: list[str], sections: list[_Section], messages: Messages) -> str:
    """The whole comment if it fits; else keep each section's leading items while they fit,
    in order, and add the note. Heads, tails and the top (totals) are never cut."""
    full = _join([*top, *(line for s in sections for line in _section_text(s, len(s.items)))])
    if len(full) <= LIMIT:
        return full
    total = sum(lines for s in sections for _, lines in s.items)
    note = ["> " + messages("md.truncated", count=total), ""]
    fixed = top + note + [line for s in sections for line in _section_text(s, 0)]
    budget = LIMIT - len(_join(fixed)) - 1
    kept = []
    for section in sections:
        count = 0
        for text, _ in section.items:
            if len(text) + 1 > budget:
                break
            budget -= len(text) + 1
            count += 1
        kept.append(count)
    left = sum(lines for s, k in zip(sections, kept, strict=True) for _, lines in s.items[k:])
    note = ["> " + messages("md.truncated", count=left), ""]
    body = [line for s, k in zip(sections, kept, strict=True) for line in _section_text(s, k)]
    return _join([*top, *note, *body])


def render_view(view: PlanView, messages: Messages, color: bool = False) -> Iterator[str]:
    """The plan as one PR comment, at most LIMIT characters (`color`: never, in Markdown)."""
    plan = view.plan
    top = [
        f"## {messages('md.title')}",
        "",
        messages("md.meta", location=code(plan.state_location), id=plan.state_id,
                 serial=plan.state_serial, digest=short_digest(plan.config_digest)),
        "",
    ]
    if not plan.actions and not plan.blocked:
        top += [f"**{messages('plan.no_changes')}**", ""]
    else:
        top += [*totals_table(view, messages), ""]
    top += refusals_block(plan, messages)  # part of the top: never cut for the sections
    text = _fit(top, _sections(view, messages), messages)
    yield text.rstrip("\n") + "\n"


def render(plan: Plan, files: list[AccessFile], state: State, messages: Messages) -> str:
    """The comment for a caller holding a plan, its files and its state."""
    return "".join(render_view(PlanView(plan, files, state), messages))
