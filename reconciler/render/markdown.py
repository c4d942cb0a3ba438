"""Text made safe for its medium, shared by the Markdown plan, the runbook and the
Markdown report: one line of terminal text (`plain`), inert Markdown (`escape`), no email
in full (`elide`), code spans (`code`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from reconciler.terminal import inert

DIGEST_HEX = 12  # hex digits of the config digest shown
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&])")
# An email's domain, whatever its local part holds (quotes, «, spaces in a quoted part).
_EMAIL = re.compile(r"@[^@\s<>()\[\]:;,\"'«»]+\.[^@\s<>()\[\]:;,\"'«».]+")
# What GitHub would make live: a URL, a `www.` link (autolinked), an @mention (notified).
# Shown in a code span instead, where GitHub neither links nor notifies.
_LIVE = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*://|(?<![\w.-])www\.)[^\s<>'\"`|)\]]*"
                   r"|(?<![\w.+-])@[\w-]+")


def plain(text: str) -> str:
    """One line of text: control and format characters (newlines, escapes, bidi,
    zero-width) shown as their escapes (`\\u001b`), never obeyed."""
    return inert(text)


def escape(text: str) -> str:
    """User text made inert in Markdown: no emphasis, link, HTML, table cell break, no
    email in full, no live URL or mention."""
    text = elide(plain(text))
    out, last = [], 0
    for live in live_parts(text):
        out += [_SPECIAL.sub(r"\\\1", text[last:live.start()]), code(live.group())]
        last = live.end()
    out.append(_SPECIAL.sub(r"\\\1", text[last:]))
    return "".join(out)


def live_parts(text: str) -> Iterator[re.Match[str]]:
    """The URLs, domains and @mentions in `text` that GitHub would make live."""
    if "@" not in text and "." not in text and ":" not in text:  # most names: no search
        return iter(())
    return _LIVE.finditer(text)


def code(text: str) -> str:
    """`text` as a code span, whatever backticks it holds."""
    text = plain(text)
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def elide(text: str) -> str:
    """Every email in `text` shortened to `local@…`."""
    return _EMAIL.sub("@…", text) if "@" in text else text


def escaped(params: dict[str, Any], private: bool = False) -> dict[str, Any]:
    """Message parameters made inert in Markdown (the catalog's own text is trusted);
    `private` also elides emails, for text that goes into a PR comment."""
    return {k: escape(elide(v) if private else v) if isinstance(v, str) else v
            for k, v in params.items()}


def short_digest(digest: str) -> str:
    algorithm, _, value = digest.partition(":")
    return f"{algorithm}:{value[:DIGEST_HEX]}" if value else digest[:DIGEST_HEX]


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
