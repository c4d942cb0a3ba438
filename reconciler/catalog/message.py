"""One message of the catalog: its English and its French, side by side."""

from __future__ import annotations

from typing import NamedTuple


class Message(NamedTuple):
    """A sentence (or a word) in both languages; `{name}` placeholders are the same in
    each (a test checks it)."""

    en: str
    fr: str
