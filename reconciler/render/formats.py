"""The plan's output formats, each one renderer with one signature: `plan --format` picks
from this table (report_formats.py is the report's). Apart from render/__init__.py, so
that importing one renderer, as most commands do, does not import them all."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from reconciler.catalog import Messages
from reconciler.render import (
    plan_json,
    plan_markdown,
    plan_text,
    runbook,
)
from reconciler.render.plan_view import PlanView

# A plan renderer: the view, the language, whether to colour; the output, in pieces that
# are written as they come (a province-wide text plan is never held whole).
PlanRenderer = Callable[[PlanView, Messages, bool], Iterator[str]]
PLAN_FORMATS: dict[str, PlanRenderer] = {
    "text": plan_text.render_view,
    "json": plan_json.render_view,
    "markdown": plan_markdown.render_view,
    "runbook": runbook.render_view,
}
