"""The auditors' report as one self-contained HTML file: inline CSS, no script, no
external asset; semantic tables that print well (sections flow from page to page, a heading
stays with what follows it, rows whole, table headers repeated on each page, no
backgrounds), every printed page headed by the report's title and as-of moment and numbered
(CSS paged media). Every piece of text is escaped, for HTML or for CSS.
"""

from __future__ import annotations

import re
from html import escape

from reconciler.catalog import Messages
from reconciler.render.report_table import Section, Table, metadata, overview, sections
from reconciler.render.report_view import Report
from reconciler.terminal import inert

MARK = "✓"
DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T[\d:]+Z?)?")

STYLE = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; color: #1b1b1b; line-height: 1.45; max-width: 80rem; margin: 2rem auto;
  padding: 0 1.5rem; }
header { border-bottom: 3px solid #1f4e79; padding-bottom: 1rem; margin-bottom: 1.5rem; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; color: #1f4e79; }
h2 { font-size: 1.3rem; color: #1f4e79; border-bottom: 1px solid #c8d3df;
  padding-bottom: .2rem; margin: 2.5rem 0 .75rem; }
h3 { font-size: 1rem; margin: 1.25rem 0 .4rem; }
.dry-run { font-style: italic; color: #4a4a4a; margin: 0 0 1rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem;
  margin: 0 0 1rem; font-size: .9rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.overview { font-size: 1rem; background: #eef3f8; border-left: 4px solid #1f4e79;
  padding: .6rem .9rem; margin: 0; }
nav ol { columns: 2; margin: .25rem 0 0; padding-left: 1.5rem; }
nav a { color: #1f4e79; }
.note { color: #4a4a4a; margin: 0 0 .75rem; }
.empty { color: #4a4a4a; font-style: italic; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: 0 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0 .4rem; }
table.narrow { width: auto; min-width: 50%; }
th, td { border: 1px solid #c8ccd0; padding: .3rem .5rem; text-align: left;
  vertical-align: top; }
td { overflow-wrap: break-word; }
thead th { background: #e3ebf3; }
tbody tr:nth-child(even) { background: #f6f8fa; }
tfoot th, tfoot td { font-weight: 700; background: #eef1f4; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
.mark { text-align: center; }
.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
@page { margin: 1.8cm 1.5cm; font-family: system-ui, -apple-system, "Segoe UI", Roboto,
  "Helvetica Neue", Arial, sans-serif; font-size: 8pt; color: #000; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 9pt; }
  *, *::before, *::after { background: none !important; box-shadow: none !important; }
  body, h1, h2, nav a, .overview, .note { color: #000 !important; }
  .overview { border-left: 2px solid #000; }
  nav { display: none; }
  h2 { margin-top: 1.5rem; }
  h2, h3, caption, .note { break-after: avoid; }
  thead { display: table-header-group; }
  tfoot { display: table-row-group; }
  tr, th, td { break-inside: avoid; }
  th, td { border-color: #777; }
}
"""
# Characters a CSS string literal in a <style> element shows only escaped: its quotes, the
# escape character, `<` and `>` (`</style>` would end the element), `&`.
_CSS_SPECIAL = frozenset("\"'\\<>&")
_COUNTER = re.compile(r"\{(page|pages)\}")


def text(value: str) -> str:
    """Escaped, with line-break hints after '@' and '/', so emails and paths can wrap;
    control characters from data shown as escapes (the page may be read in a terminal)."""
    return escape(inert(value)).replace("@", "@<wbr>").replace("/", "/<wbr>")


def _cell(tag: str, value: str, index: int, table: Table, scope: str | None = None) -> str:
    classes = ("num" if index in table.numeric else "mark" if index in table.marks
               else "date" if DATE.fullmatch(value) else "")
    attrs = (f' class="{classes}"' if classes else "") + (f' scope="{scope}"' if scope else "")
    return f"<{tag}{attrs}>{text(value)}</{tag}>"


def _row(cells: tuple[str, ...], table: Table, header: bool = False) -> str:
    if header:
        parts = [_cell("th", c, i, table, "col") for i, c in enumerate(cells)]
    else:
        parts = [_cell("td", c, i, table) for i, c in enumerate(cells)]
    return "<tr>" + "".join(parts) + "</tr>"


def _footer(cells: tuple[str, ...], table: Table) -> str:
    first = _cell("th", cells[0], 0, table, "row")
    return "<tr>" + first + "".join(_cell("td", c, i + 1, table)
                                    for i, c in enumerate(cells[1:])) + "</tr>"


def table(t: Table, messages: Messages) -> str:
    if not t.rows:
        caption = f"<h3>{escape(t.caption)}</h3>" if t.caption else ""
        return f'{caption}<p class="empty">{escape(messages("report.empty"))}</p>'
    parts = ["<table>" if len(t.headers) > 2 else '<table class="narrow">']
    if t.caption:
        parts.append(f"<caption>{escape(t.caption)}</caption>")
    parts.append("<thead>" + _row(t.headers, t, header=True) + "</thead>")
    parts.append("<tbody>\n" + "\n".join(_row(r, t) for r in t.rows) + "\n</tbody>")
    if t.footer:
        parts.append("<tfoot>" + _footer(t.footer, t) + "</tfoot>")
    parts.append("</table>")
    return "\n".join(parts)


def section(s: Section, messages: Messages) -> str:
    parts = [f'<section id="{escape(s.id)}" aria-labelledby="{escape(s.id)}-title">',
             f'<h2 id="{escape(s.id)}-title">{escape(s.title)}</h2>']
    if s.note:
        parts.append(f'<p class="note">{escape(s.note)}</p>')
    parts.extend(table(t, messages) for t in s.tables)
    parts.append("</section>")
    return "\n".join(parts)


def css_string(value: str) -> str:
    """`value` as a CSS string literal that nothing in it can end or break out of: quotes,
    backslashes, line breaks, `<`, and every character that is not printable written as CSS
    escapes (hex digits and a space, which the escape consumes, so that a digit or a space
    after it is read as itself)."""
    return '"' + "".join(f"\\{ord(c):x} " if c in _CSS_SPECIAL or not c.isprintable() else c
                         for c in value) + '"'


def page_numbers(messages: Messages) -> str:
    """The catalog's "Page N of M" as CSS content, its numbers the page counters."""
    sentence = messages("report.page", page="{page}", pages="{pages}")
    pieces = _COUNTER.split(sentence)  # text, counter name, text, counter name, text
    return " ".join(f"counter({piece})" if i % 2 else css_string(piece)
                    for i, piece in enumerate(pieces) if i % 2 or piece)


def page_furniture(report: Report, messages: Messages) -> str:
    """The @page rule that heads every printed page with the report's title (left) and its
    as-of moment (right: the first pair of the report's metadata), and numbers it at its
    foot, in the report's language."""
    label, value = metadata(report, messages)[0]
    moment = messages("report.page.as_of", label=label, value=value)
    return (
        "@page {\n"
        f"  @top-left {{ content: {css_string(messages('report.title'))}; }}\n"
        f"  @top-right {{ content: {css_string(moment)}; }}\n"
        f"  @bottom-right {{ content: {page_numbers(messages)}; }}\n"
        "}\n"
    )


def _header(report: Report, messages: Messages, all_sections: list[Section]) -> str:
    meta = "\n".join(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>"
                     for label, value in metadata(report, messages))
    toc = "\n".join(f'<li><a href="#{escape(s.id)}">{escape(s.title)}</a></li>'
                    for s in all_sections)
    return (
        f"<header>\n<h1>{escape(messages('report.title'))}</h1>\n"
        f'<p class="dry-run">{escape(messages("report.dry_run"))}</p>\n'
        f'<dl class="meta">\n{meta}\n</dl>\n'
        f'<p class="overview">{escape(overview(report, messages))}</p>\n'
        f'<nav aria-label="{escape(messages("report.contents"))}">'
        f"<h2>{escape(messages('report.contents'))}</h2>\n<ol>\n{toc}\n</ol>\n</nav>\n"
        "</header>"
    )


def render(report: Report, messages: Messages) -> str:
    all_sections = sections(report, messages, mark=MARK)
    title = f"{messages('report.title')} — {report.header.today}"
    style = STYLE + page_furniture(report, messages)
    body = "\n".join(section(s, messages) for s in all_sections)
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(messages.lang)}">\n<head>\n'
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        f"{_header(report, messages, all_sections)}\n<main>\n{body}\n</main>\n"
        "</body>\n</html>\n"
    )
