"""One message of the catalog: its English and its French, side by side; and how a message
says a number's noun in the right form (one account, two accounts; 0 compte, 2 comptes)."""

from __future__ import annotations

import string
from typing import Any, NamedTuple


class Message(NamedTuple):
    """A sentence (or a word) in both languages; `{name}` placeholders are the same in
    each (a test checks it).

    Plural forms are written where the number's words are, as the placeholder of the number
    with both forms, singular first: `{count} {count:account|accounts}`. The form follows
    each language's rule (English: 1 is singular; French: 0 and 1 are)."""

    en: str
    fr: str


# The one plural mechanism: a format specification holding '|' (no number's format
# specification does) picks one of two forms by the value.
PLURAL_MARK = "|"


def is_singular(count: Any, lang: str) -> bool:
    """Whether `count` takes the singular in `lang` (French counts 0 and 1 as singular)."""
    number = abs(count) if isinstance(count, int | float) else count
    return number < 2 if lang == "fr" else number == 1


class PluralFormatter(string.Formatter):
    """`str.format` that also says `{n:one|other}` as one or other form, by `n` and the
    language's rule."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if PLURAL_MARK in format_spec:
            one, other = format_spec.split(PLURAL_MARK, 1)
            return one if is_singular(value, self.lang) else other
        return super().format_field(value, format_spec)


def has_plural(text: str) -> bool:
    return PLURAL_MARK in text and any(
        spec and PLURAL_MARK in spec for _, _, spec, _ in string.Formatter().parse(text))
