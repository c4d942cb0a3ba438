"""Every user-facing sentence, in English and French, keyed by a stable code.

The catalog is split by area, one module each (problems found reading a file, its shape,
the domain rules; the plan; the state; apply; emails; …). Each message holds its English
and its French side by side, `Message(en, fr)`, so one edit changes one place; EN and FR
are derived from them. Problem codes (E0xx–E1xx errors, W1xx and W2xx warnings, B0x
blocked entries) each have a message and a hint (`CODE.hint`); a hint may have variants
(`CODE.hint.suggest`) chosen by the caller. Both languages have the same placeholders, and
no key is defined in two areas (tests check both; the merge below refuses a duplicate).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from types import ModuleType
from typing import Any

from reconciler.catalog import (
    apply_output,
    audit_anchor,
    audit_log,
    command_line,
    drift,
    editing,
    emails,
    history,
    imports,
    plan_output,
    portal_tasks,
    problem_output,
    problems_reading,
    problems_rules,
    problems_schema,
    report_output,
    runbook_text,
    state_output,
)
from reconciler.catalog.message import Message, PluralFormatter, has_plural
from reconciler.catalog.typography import french
from reconciler.terminal import inert

LANGUAGES = ("en", "fr")

AREAS: tuple[ModuleType, ...] = (
    problems_reading, problems_schema, problems_rules, problem_output, plan_output, editing,
    state_output, imports, apply_output, emails, runbook_text, report_output, command_line,
    audit_anchor, audit_log, history, portal_tasks, drift,
)


def merged(areas: Iterable[ModuleType]) -> dict[str, Message]:
    """The areas' messages in one dict; a key two areas define is an error, not one of them
    silently dropped."""
    messages: dict[str, Message] = {}
    where: dict[str, str] = {}
    for area in areas:
        for key, message in area.MESSAGES.items():
            if key in messages:
                raise ValueError(f"catalog: '{key}' is defined in both {where[key]} and "
                                 f"{area.__name__}")
            messages[key] = message
            where[key] = area.__name__
    return messages


MESSAGES = merged(AREAS)
EN: dict[str, str] = {key: message.en for key, message in MESSAGES.items()}
# The messages that say a number's noun in its form (`{count:entry|entries}`).
PLURAL_KEYS = frozenset(key for key, message in MESSAGES.items()
                        if has_plural(message.en) or has_plural(message.fr))


class Typeset(Mapping[str, str]):
    """The French messages with French typography (typography.py), so that the areas are
    written with plain spaces. Each is set the first time it is read: setting them all
    would cost every command 25 ms at its start, and a run says a few dozen."""

    def __init__(self, written: dict[str, str]) -> None:
        self._written = written
        self._set: dict[str, str] = {}

    def __getitem__(self, key: str) -> str:
        try:
            return self._set[key]
        except KeyError:
            value = self._set[key] = french(self._written[key])
            return value

    def __contains__(self, key: object) -> bool:
        return key in self._written

    def __iter__(self) -> Iterator[str]:
        return iter(self._written)

    def __len__(self) -> int:
        return len(self._written)


FR: Mapping[str, str] = Typeset({key: message.fr for key, message in MESSAGES.items()})
CATALOGS: dict[str, Mapping[str, str]] = {"en": EN, "fr": FR}


# Where the language is read, first first: the tool's own variable, then POSIX's order for
# messages (GNU's LANGUAGE, a list such as `fr_CA:en`, before the locale's LC_ALL,
# LC_MESSAGES, LANG). The first one set decides: LC_ALL=C means English whatever LANG says.
LANGUAGE_VARIABLES = ("RVSQ_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def language_from_env(environ: Mapping[str, str] | None = None) -> str:
    """The first of LANGUAGE_VARIABLES that is set: French when it starts with 'fr',
    English otherwise."""
    env = os.environ if environ is None else environ
    value = next((env[name] for name in LANGUAGE_VARIABLES if env.get(name)), "")
    return "fr" if value.split(":")[0].lower().startswith("fr") else "en"


def _inert(value: Any) -> Any:
    """A message parameter as it may be shown: text (a path, an exception's words too) with
    its control characters escaped; numbers as they are, for their format specifications."""
    if type(value) is str:
        return inert(value)
    if isinstance(value, os.PathLike | BaseException):
        return inert(str(value))
    return value


# A problem's words: parameters that are themselves messages ("user 3", "physician"). The
# rules and the schema keep them as data, in no language (their findings are cached as
# JSON), under the parameter `_words` (a name data never takes); they are said here, in the
# reader's language, when the message that holds them is.
WORDS = "_words"


def phrase(key: str, /, **params: Any) -> dict[str, Any]:
    """A message as data: its key and parameters, said when the message holding it is."""
    return {"message": key, "params": params}


class Messages:
    """The catalog of one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._catalog = CATALOGS[lang]
        self._plural = PluralFormatter(lang)

    def __call__(self, key: str, /, **params: Any) -> str:
        words = params.pop(WORDS, None)
        if words:
            params.update({name: self._said(said) for name, said in words.items()})
        # Parameters come from data (files, the state, exceptions): none of their control
        # or format characters reaches a terminal, a log or an email as such.
        said = {k: _inert(v) for k, v in params.items()}
        text = self._catalog[key]
        # Most messages have no plural forms: those keep str.format's speed.
        if key in PLURAL_KEYS:
            return self._plural.vformat(text, (), said)
        return text.format(**said)

    def _said(self, words: dict[str, Any] | list[dict[str, Any]]) -> str:
        """A phrase (see `phrase`) in this language; several, joined by '; '."""
        if isinstance(words, list):
            return "; ".join(self._said(each) for each in words)
        return self(words["message"], **words["params"])

    def has(self, key: str) -> bool:
        return key in self._catalog

    def hint(self, code: str, **params: Any) -> str:
        """The hint for `code`, in the variant named by the `_hint` parameter if it has one."""
        key = f"{code}.hint"
        variant = f"{key}.{params.get('_hint')}"
        return self(variant if variant in self._catalog else key, **params)
