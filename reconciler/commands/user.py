"""`rvsq-access user add | remove | services | rotate-code | reset-password`.

Each command reads the access file, edits it (edit.py), validates the result with the
real validator and writes it only if it has no errors, atomically. The file is never left
half-written and never made invalid by these commands.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from reconciler import edit, files, os_words
from reconciler.checking.validation import display, validate_paths
from reconciler.commands import EXIT_OK, Env, print_problems, refuse_links_out
from reconciler.domain import PROFESSIONALS, PROFILES, SERVICES, TITLES
from reconciler.errors import UserError
from reconciler.problems import ERROR, Problem
from reconciler.reading import policy as policy_mod
from reconciler.terminal import is_terminal

# The portal's form, in its order; professionals also name their account and number.
FORM = ("title", "first_name", "last_name", "email", "profile", "username",
        "professional_number", "services")
REQUIRED = frozenset({"title", "first_name", "last_name", "email", "profile", "services"})
PROFESSIONAL_REQUIRED = frozenset({"username", "professional_number"})
OPTIONS = {"services": "--service"}  # where the option is not the field's name


# --- the five commands --------------------------------------------------------------------


def add(env: Env, file: Path, *, email: str | None, title: str | None,
        first_name: str | None, last_name: str | None, profile: str | None,
        services: list[str], username: str | None, professional_number: str | None) -> int:
    fields: dict[str, Any] = {
        "username": username, "email": email, "title": title, "first_name": first_name,
        "last_name": last_name, "profile": profile,
        "professional_number": professional_number, "services": list(services),
    }
    fields = {k: v.strip() if isinstance(v, str) else v for k, v in fields.items()}
    if _missing(fields):
        _read(file)  # an unreadable file fails before any question is asked
        if not _is_terminal():
            options = ", ".join(OPTIONS.get(name, "--" + name.replace("_", "-"))
                                for name in _missing(fields))
            raise UserError("E092", options=options)
        _ask_missing(env, fields)
    key = fields["username"] or fields["email"]
    return _edit(env, file, lambda doc: _added(env, doc, fields, key, file))


def remove(env: Env, file: Path, key: str) -> int:
    def change(doc: Any) -> list[str]:
        edit.remove_user(doc, key)
        return [env.messages("user.removed", key=key, file=display(file))]

    return _edit(env, file, change)


def services(env: Env, file: Path, key: str, *, add: list[str], remove: list[str]) -> int:
    if not add and not remove:
        raise UserError("E097", file=display(file), key=key)
    for service in add:
        if service in remove:
            raise UserError("E098", service=service)

    def change(doc: Any) -> list[str]:
        done = edit.change_services(doc, key, add, remove)
        name = {"add": "user.service_added", "remove": "user.service_removed"}
        return [env.messages(name[what], service=service, key=key, file=display(file))
                for what, service in done]

    return _edit(env, file, change)


def rotate_code(env: Env, file: Path, key: str, token: str | None) -> int:
    return _request(env, file, key, token, edit.request_code, "user.code_requested")


def reset_password(env: Env, file: Path, key: str, token: str | None) -> int:
    return _request(env, file, key, token, edit.request_reset, "user.reset_requested")


def _request(env: Env, file: Path, key: str, token: str | None,
             request: Callable[[Any, str, str], bool], done: str) -> int:
    """A one-time request (new code, reset): write a new token, say so."""
    token = _token(token)

    def change(doc: Any) -> list[str]:
        if not request(doc, key, token):
            return []
        return [env.messages(done, key=key, file=display(file), token=token)]

    return _edit(env, file, change)


# --- add: what is missing, and asking for it ----------------------------------------------


def _required(fields: dict[str, Any]) -> frozenset[str]:
    if fields.get("profile") in PROFESSIONALS:  # rule P: an existing account, and its number
        return REQUIRED | PROFESSIONAL_REQUIRED
    return REQUIRED


def _missing(fields: dict[str, Any]) -> list[str]:
    return [name for name in FORM if name in _required(fields) and not fields.get(name)]


def _is_terminal() -> bool:
    return is_terminal(sys.stdin)


def _ask_missing(env: Env, fields: dict[str, Any]) -> None:
    """Prompt for each missing field in the form's order (profile decides the rest)."""
    for name in FORM:
        if name in _required(fields) and not fields.get(name):
            fields[name] = _ask(env, name)


def _ask(env: Env, name: str) -> Any:
    text = env.messages(f"user.prompt.{name}", allowed=", ".join(SERVICES))
    suffix = env.messages("answer.suffix")  # French: a space before the colon
    if name == "title":
        return click.prompt(text, type=click.Choice(TITLES), prompt_suffix=suffix)
    if name == "profile":
        return click.prompt(text, type=click.Choice(PROFILES), prompt_suffix=suffix)
    if name == "services":
        return click.prompt(text, value_proc=lambda value: _parse_services(env, value),
                            prompt_suffix=suffix)
    return click.prompt(text, value_proc=lambda value: _not_blank(env, value),
                        prompt_suffix=suffix)


def _not_blank(env: Env, value: str) -> str:
    if not value.strip():
        raise click.UsageError(env.messages("user.blank"))
    return value.strip()


def _parse_services(env: Env, value: str) -> list[str]:
    """'rvsq, rvsq-811' → ['rvsq', 'rvsq-811']; click asks again on a bad answer."""
    chosen = list(dict.fromkeys(s.strip() for s in value.split(",") if s.strip()))
    if not chosen:
        raise click.UsageError(env.messages("user.blank"))
    for service in chosen:
        if service not in SERVICES:
            raise click.UsageError(env.messages("user.bad_service", value=service,
                                                allowed=", ".join(SERVICES)))
    return chosen


def _added(env: Env, doc: Any, fields: dict[str, Any], key: str, file: Path) -> list[str]:
    edit.add_user(doc, fields)
    return [env.messages("user.added", key=key, file=display(file))]


def _token(token: str | None) -> str:
    """The request's token: as given, else the current local date and time."""
    return token if token is not None else dt.datetime.now().strftime("%Y-%m-%dT%H:%M")


# --- read, edit, validate, write ----------------------------------------------------------

Change = Callable[[Any], list[str]]


def _edit(env: Env, file: Path, change: Change) -> int:
    """Apply `change` to the file; write it only if the result validates without errors."""
    text, bom, newline = _decode(_read(file), file)
    doc = _parsed(text, file)
    done = _changed(doc, change, file)
    if not done:
        click.echo(env.messages("user.unchanged", file=display(file)))
        return EXIT_OK
    _write_if_valid(env, file, _encode(edit.dump(doc), bom, newline))
    for line in done:
        click.echo(line)
    if edit.dump(edit.load(text)) != text:  # the file's own layout could not be kept
        click.echo(env.messages("user.reformatted", file=display(file)), err=True)
    return EXIT_OK


def _read(file: Path) -> bytes:
    refuse_links_out([file])
    return files.read_file(file, files.ACCESS, display(file))


def _decode(raw: bytes, file: Path) -> tuple[str, bool, str]:
    """(text with \\n line ends, whether it had a BOM, its line end)."""
    bom = raw.startswith(codecs.BOM_UTF8)
    try:
        text = raw[len(codecs.BOM_UTF8) if bom else 0 :].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UserError("E094", file=display(file), _words=os_words.words(exc)) from exc
    newline = "\r\n" if "\r\n" in text else "\n"
    return text.replace("\r\n", "\n"), bom, newline


def _encode(text: str, bom: bool, newline: str) -> bytes:
    raw = text.replace("\n", newline).encode("utf-8")
    return codecs.BOM_UTF8 + raw if bom else raw


def _parsed(text: str, file: Path) -> Any:
    try:
        return edit.load(text)
    except UserError as exc:  # the edit cannot be made: say in which file
        raise UserError(exc.code, file=display(file), **exc.params) from exc


def _changed(doc: Any, change: Change, file: Path) -> list[str]:
    try:
        return change(doc)
    except UserError as exc:  # the edit cannot be made: say in which file
        raise UserError(exc.code, file=display(file), **exc.params) from exc


def _identity(problem: Problem) -> tuple[str, str]:
    """A problem without its place: lines move when entries are added or removed."""
    return problem.code, repr(sorted(problem.params.items()))


def _write_if_valid(env: Env, file: Path, content: bytes) -> None:
    """Validate `content` as `file` (same name, same policy), then put it in place.

    It is written beside the file, in a hidden folder that `validate` skips, under the
    file's own name; problems name the real file. On any error nothing is replaced.
    """
    policy_path = policy_mod.find([file])
    folder = Path(tempfile.mkdtemp(prefix=".rvsq-edit-", dir=file.parent))
    try:
        candidate = folder / file.name
        candidate.write_bytes(content)
        problems = _problems(env, candidate, file, policy_path)
        before = {_identity(p) for p in _problems(env, file, file, policy_path)}
        print_problems(env, [p for p in problems  # errors, and warnings the change brings
                             if p.severity == ERROR or _identity(p) not in before])
        if any(p.severity == ERROR for p in problems):
            raise UserError("E093", file=display(file))
        shutil.copymode(file, candidate)
        os.replace(candidate, file)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _problems(env: Env, path: Path, shown_as: Path, policy_path: Path | None) -> list[Problem]:
    result = validate_paths([path], policy_path=policy_path)
    name, real = display(path), display(shown_as)
    return [p._replace(file=real) if p.file == name else p for p in result.problems]
