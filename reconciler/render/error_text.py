"""An error for the user: `error[CODE] message` and its hint, with nothing secret in it.

One rendering for the CLI's last word and for the commands that must say more after an
error (an apply stopped part-way says what waits)."""

from __future__ import annotations

from typing import Any

from reconciler import redaction
from reconciler.catalog import Messages
from reconciler.errors import UserError


def error_text(messages: Messages, exc: UserError, state_url: str | None = None) -> str:
    params = shown(exc.params, state_url)
    return (f"{messages('fatal')}[{exc.code}] {messages(exc.code, **params)}\n"
            f"    {messages('hint')} {messages.hint(exc.code, **params)}")


def shown(params: dict[str, Any], state_url: str | None) -> dict[str, Any]:
    """An error's parameters as they may be shown: a URL without its user information; a
    reason (a driver's own words, which may quote parts of a URL it misread) without the
    state's password or any part of it."""
    result = dict(params)
    if isinstance(result.get("url"), str):
        result["url"] = redaction.shown_url(result["url"])
    if isinstance(result.get("reason"), str):
        result["reason"] = redaction.scrub(result["reason"], state_url)
    return result
