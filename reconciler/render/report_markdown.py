"""The auditors' report as Markdown: sections of tables, for a Git repository or a ticket."""

from __future__ import annotations

import re

from reconciler.catalog import Messages
from reconciler.render.markdown import code, elide, live_parts
from reconciler.render.report_table import Section, Table, metadata, overview, sections
from reconciler.render.report_view import Report
from reconciler.terminal import inert

_ESCAPES = str.maketrans({
    "\\": "\\\\", "|": "\\|", "&": "&amp;", "<": "&lt;", ">": "&gt;", "`": "\\`", "*": "\\*",
    "[": "\\[", "]": "\\]", "\n": " ", "\r": " ",
})


# A cell with none of these, and printable, is shown as it is: most cells are names, ids,
# dates and numbers, and a report of a province's first apply has a million of them.
_INERT_ALREADY = re.compile(r"[^\\|&<>`*\[\]@]*")


def cell(text: str) -> str:
    """User text made inert in a table cell: no column break, no HTML, no emphasis/link,
    no control character, no email in full, no live URL or mention (as in the plan)."""
    if (text.isprintable() and _INERT_ALREADY.fullmatch(text) and "://" not in text
            and "www." not in text):
        return text
    text = elide(inert(text))
    out, last = [], 0
    for live in live_parts(text):  # in a code span, where GitHub neither links nor notifies
        out += [text[last:live.start()].translate(_ESCAPES), code(live.group())]
        last = live.end()
    out.append(text[last:].translate(_ESCAPES))
    return "".join(out)


def _row(cells: tuple[str, ...], bold_first: bool = False) -> str:
    texts = [cell(c) for c in cells]
    if bold_first and texts[0]:
        texts[0] = f"**{texts[0]}**"
    return "| " + " | ".join(texts) + " |"


def _rule(table: Table) -> str:
    return "|" + "|".join("---:" if i in table.numeric else ":---:" if i in table.marks
                          else "---" for i in range(len(table.headers))) + "|"


def table(t: Table, messages: Messages) -> list[str]:
    lines = [f"### {cell(t.caption)}", ""] if t.caption else []
    if not t.rows:
        return [*lines, f"_{messages('report.empty')}_", ""]
    lines += [_row(t.headers), _rule(t), *(_row(r) for r in t.rows)]
    if t.footer:
        lines.append(_row(t.footer, bold_first=True))
    return [*lines, ""]


def section(s: Section, messages: Messages) -> list[str]:
    lines = [f"## {cell(s.title)}", ""]
    if s.note:
        lines += [s.note, ""]
    for t in s.tables:
        lines += table(t, messages)
    return lines


def render(report: Report, messages: Messages) -> str:
    lines = [f"# {messages('report.title')}", "", f"_{messages('report.dry_run')}_", ""]
    colon = messages("plan.colon").rstrip()  # French puts a space before it
    lines += [f"- **{label}{colon}** {cell(value)}" for label, value in metadata(report, messages)]
    lines += ["", overview(report, messages), ""]
    for s in sections(report, messages):
        lines += section(s, messages)
    return "\n".join(lines).rstrip("\n") + "\n"
