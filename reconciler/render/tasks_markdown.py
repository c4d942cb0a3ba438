"""Portal tasks as inert Markdown: `tasks list --format markdown` (a table per
establishment) and the section of the Markdown plan that shows the tasks already waiting
at the establishments it touches."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reconciler.catalog import Messages
from reconciler.clock import for_people
from reconciler.render.markdown import code, elide, escape
from reconciler.render.tasks_view import TaskRow, age_words, what


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def table(rows: Sequence[TaskRow], messages: Messages, everything: bool = False) -> list[str]:
    """One establishment's tasks: number, age, person, what to do (and, `everything`,
    status and confirmation). Every cell from the state is escaped (`|`, HTML, links)."""
    columns = ["number", "age", "username", "name", "what"]
    if everything:
        columns += ["status", "done_at", "done_by", "note"]
    lines = [_row(messages(f"tasks.col.{c}") for c in columns),
             "|" + "|".join("---:" if c == "number" else "---" for c in columns) + "|"]
    for r in rows:
        cells = [str(r.id), age_words(r.age_days, messages), code(r.username) if r.username
                 else "", escape(r.name), what(r, messages, escape)]
        if everything:
            cells += [messages(f"tasks.status.{r.status}"),
                      for_people(r.done_at, messages.lang) if r.done_at else "",
                      escape(r.done_by or ""), escape(r.note or "")]
        lines.append(_row(cells))
    return [*lines, ""]


def by_establishment(rows: Sequence[TaskRow]) -> list[list[TaskRow]]:
    """The rows grouped by establishment, by its name then id; oldest first in each."""
    groups: dict[str, list[TaskRow]] = {}
    for r in rows:
        groups.setdefault(r.establishment, []).append(r)
    return [groups[e] for e in sorted(groups, key=lambda e: (
        groups[e][0].establishment_name.casefold(), e))]


def heading(rows: Sequence[TaskRow], messages: Messages) -> str:
    first = rows[0]
    return messages("tasks.place", name=escape(first.establishment_name),
                    id=code(first.establishment))


def render(rows: Sequence[TaskRow], messages: Messages, everything: bool = False,
           done: int = 0) -> str:
    """`tasks list --format markdown` (`done`: how many tasks are done, said when none is
    shown)."""
    lines = [f"# {messages('tasks.md.title_all' if everything else 'tasks.md.title')}", ""]
    if not rows:
        return "\n".join([*lines, messages("tasks.none_open", done=done)]) + "\n"
    lines += [messages("tasks.md.intro"), ""]
    for group in by_establishment(rows):
        lines += [f"## {heading(group, messages)}", "", *table(group, messages, everything)]
    return "\n".join(lines).rstrip("\n") + "\n"


def plan_item(row: TaskRow, messages: Messages) -> str:
    """One open task in the Markdown plan: its number and age, where, whom, what to do;
    emails shortened, as everywhere in a pull request's comment."""
    username = escape(elide(row.username))
    person = f"{escape(row.name)} ({username})" if row.name else username
    return "- " + messages("tasks.plan.item", number=row.id,
                           age=age_words(row.age_days, messages),
                           establishment=escape(row.establishment_name), person=person,
                           what=what(row, messages, escape))
