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
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import click

from reconciler import asking, domain, edit, files, os_words
from reconciler.checking.validation import discover, display, validate_paths
from reconciler.commands import EXIT_OK, Env, print_problems, refuse_links_out, stop_listening
from reconciler.domain import PROFESSIONALS, PROFILES, SERVICES, TITLES
from reconciler.errors import UserError
from reconciler.problems import ERROR, Problem
from reconciler.reading import policy as policy_mod
from reconciler.reading import text as text_policy
from reconciler.reading.model import AccessFile, User
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
        if not _filled_on_terminal(env, file, fields):
            click.echo(env.messages("user.not_written", file=display(file)))
            return EXIT_OK
    key = fields["username"] or fields["email"]
    return _edit(env, file, lambda doc: _added(env, doc, fields, key, file),
                 across=_repository_files(file))


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


def _filled_on_terminal(env: Env, file: Path, fields: dict[str, Any]) -> bool:
    """Ask for what is missing as the portal's form does, show the entry, ask to confirm.

    False if the person declines; Ctrl-C or the end of input at any question is E099. In
    every case the file has not been touched yet.
    """
    try:
        form = Form(env, file, Repository.read(file))
        form.fill(fields)
        click.echo(env.messages("user.summary", file=display(file)))
        click.echo(edit.entry_text(fields), nl=False)
        return asking.confirm(env.messages, env.messages("user.confirm"))
    except (KeyboardInterrupt, click.Abort) as ending:  # click's Abort: Ctrl-C or Ctrl-D
        if isinstance(ending, KeyboardInterrupt) or isinstance(ending.__context__,
                                                               KeyboardInterrupt):
            stop_listening()  # a second Ctrl-C must not cut short what follows
        click.echo()  # the cursor is still on the question's line
        raise UserError("E099", file=display(file)) from None


# --- add: the accounts of the whole access repository ------------------------------------


class Place(NamedTuple):
    """Where an email or a username is already listed."""

    file: str
    line: int
    key: str  # the entry's key there, to name it in a fix

    def where(self) -> str:
        return f"{self.file}:{self.line}"


class Repository(NamedTuple):
    """What the access repository of the edited file already holds, read as `validate`
    reads it: the policy's eligibility, and each email and username, where it is listed."""

    file: str  # the edited file, as shown
    policy: policy_mod.Policy
    listed: dict[str, tuple[AccessFile, User, str]]  # folded value → file, entry, field

    @classmethod
    def read(cls, file: Path) -> Repository:
        validation = validate_paths(_repository_files(file) or [file],
                                    policy_path=policy_mod.find([file]))
        listed: dict[str, tuple[AccessFile, User, str]] = {}
        for access in validation.files:
            for user in access.users:
                for field in ("email", "username"):
                    value = getattr(user, field)
                    if value:
                        listed.setdefault(_fold(value), (access, user, field))
        return cls(display(file), validation.policy, listed)

    def taken(self, value: str) -> Place | None:
        """Where `value` is already listed, if it is (located only then: it costs a
        re-read of that file)."""
        found = self.listed.get(_fold(value))
        if found is None:
            return None
        access, user, field = found
        return Place(access.file, access.where(user, field)[0], user.key)

    def allowed(self, profile: str) -> list[str]:
        """The services the policy lets `profile` have, in the form's order."""
        return [s for s in SERVICES if profile in self.policy.eligibility[s]]


def _fold(value: str) -> str:
    return unicodedata.normalize("NFC", value.strip()).casefold()


def _repository_files(file: Path) -> list[Path]:
    """Every access file of the repository `file` belongs to: those under the nearest
    folder named `access` above it, as `validate access` finds them; `file` alone when it
    is in no such folder."""
    here = file.resolve()
    for folder in here.parents:
        if folder.name == "access":
            return discover([folder])
        if (folder / ".git").exists() or folder == Path.cwd().resolve():
            break  # never look above the working folder or the repository
    return []


# --- add: the portal's form, each answer checked as it is typed --------------------------


class Form(NamedTuple):
    """« Inscription d'utilisateurs par un représentant désigné », on a terminal."""

    env: Env
    file: Path
    repository: Repository

    def fill(self, fields: dict[str, Any]) -> None:
        """Ask for each missing field, the portal's first question first."""
        if not fields["username"] and asking.confirm(
                self.env.messages, self.env.messages("user.prompt.has_account")):
            fields["username"] = self.ask("username", self.username)
        for name in FORM:
            if name in _required(fields) and not fields.get(name):
                fields[name] = self.ask_field(name, fields)

    def ask_field(self, name: str, fields: dict[str, Any]) -> Any:
        if name == "title":
            return self.ask(name, self.title, allowed=", ".join(TITLES))
        if name == "email":
            # An account named by its email was created with it: offered as the answer.
            default = fields["username"] if domain.is_email(fields["username"] or "") else None
            return self.ask(name, self.email, default=default)
        if name == "profile":
            return self.ask(name, lambda v: self.profile(v, fields["username"]),
                            allowed=", ".join(PROFILES))
        if name == "username":
            return self.ask(name, self.username)
        if name == "professional_number":
            profile = fields["profile"]
            return self.ask(name, lambda v: self.number(v, profile),
                            example=domain.PROFESSIONAL_NUMBER_EXAMPLE[profile])
        if name == "services":
            self.show_boxes(fields["profile"])
            return self.ask(name, lambda v: self.services(v, fields["profile"]))
        return self.ask(name, self.text)

    def ask(self, name: str, check: Callable[[str], Any], default: str | None = None,
            **params: str) -> Any:
        """Ask until `check` takes the answer; click says why it did not, and asks again."""
        return click.prompt(self.env.messages(f"user.prompt.{name}", **params),
                            default=default, value_proc=check,
                            prompt_suffix=self.env.messages("answer.suffix"))

    def refuse(self, message: str, **params: Any) -> click.UsageError:
        return click.UsageError(self.env.messages(message, **params))

    # Each check takes the answer as typed and gives back the field's value, or raises.

    def text(self, value: str) -> str:
        if not value.strip():
            raise self.refuse("user.blank")
        return value.strip()

    def title(self, value: str) -> str:
        word = self.text(value).lower()
        if word not in TITLES:
            raise self.refuse("user.bad_title", value=value.strip(), allowed=", ".join(TITLES))
        return word

    def email(self, value: str) -> str:
        address = self.text(value)
        # The schema's shape first: it says in the reader's words what most typos are.
        refused = (("user.email_shape", "") if not domain.EMAIL.fullmatch(address)
                   else text_policy.email_refusal(address))
        if refused is not None:
            key, detail = refused
            raise self.refuse("user.bad_email", value=address,
                              reason=self.env.messages(key, detail=detail.rstrip(".")))
        self.not_taken(address)
        return address

    def username(self, value: str) -> str:
        name = self.text(value)
        if domain.is_email(name):
            return self.email(name)
        name = name.upper()  # ce12345 is CE12345
        if not domain.USERNAME.fullmatch(name):
            raise self.refuse("user.bad_username", value=value.strip())
        self.not_taken(name)
        return name

    def not_taken(self, value: str) -> None:
        place = self.repository.taken(value)
        if place is None:
            return
        if place.file == self.repository.file:
            raise self.refuse("user.taken_here", value=value, where=place.where(),
                              file=place.file, key=place.key)
        raise self.refuse("user.taken_elsewhere", value=value, where=place.where(),
                          other=place.file, key=place.key, file=self.repository.file)

    def profile(self, value: str, username: str | None) -> str:
        word = self.text(value).lower()
        if word not in PROFILES:
            raise self.refuse("user.bad_profile", value=value.strip(),
                              allowed=", ".join(PROFILES))
        if word == "infirmiere-clinicienne" and username:  # rule C
            raise self.refuse("user.clinical_nurse_account", username=username)
        return word

    def number(self, value: str, profile: str) -> str:
        number = self.text(value)
        if not domain.PROFESSIONAL_NUMBER[profile].fullmatch(number):
            raise self.refuse("user.bad_number", value=number,
                              example=domain.PROFESSIONAL_NUMBER_EXAMPLE[profile],
                              profile=self.env.messages(f"profile.{profile}"))
        return number

    def show_boxes(self, profile: str) -> None:
        """The form's four boxes, numbered; those the profile may not have say so."""
        allowed = self.repository.allowed(profile)
        click.echo(self.env.messages("user.services.heading"))
        for number, service in enumerate(SERVICES, start=1):
            key = "user.services.box" if service in allowed else "user.services.box_closed"
            click.echo(self.env.messages(key, number=number, service=service,
                                         label=domain.SERVICE_LABELS[service], profile=profile))

    def services(self, value: str, profile: str) -> list[str]:
        """'1, 3' or 'rvsq rvsq-811' → the ids; at least one, each one the profile may have."""
        chosen: list[str] = []
        for word in value.replace(",", " ").split():
            service = _service(word)
            if service is None:
                raise self.refuse("user.bad_service", value=word,
                                  allowed=", ".join(SERVICES), count=len(SERVICES))
            if service not in self.repository.allowed(profile):
                raise self.refuse("user.service_not_for_profile", service=service,
                                  profile=profile,
                                  allowed=", ".join(self.repository.allowed(profile)))
            if service not in chosen:
                chosen.append(service)
        if not chosen:
            raise self.refuse("user.no_service")
        return chosen


def _service(word: str) -> str | None:
    """A box's number (1 to 4) or a service's id, as the service's id."""
    if word.isascii() and word.isdigit() and 1 <= int(word) <= len(SERVICES):
        return SERVICES[int(word) - 1]
    return word.lower() if word.lower() in SERVICES else None


def _added(env: Env, doc: Any, fields: dict[str, Any], key: str, file: Path) -> list[str]:
    edit.add_user(doc, fields)
    return [env.messages("user.added", key=key, file=display(file))]


def _token(token: str | None) -> str:
    """The request's token: as given, else the current local date and time."""
    return token if token is not None else dt.datetime.now().strftime("%Y-%m-%dT%H:%M")


# --- read, edit, validate, write ----------------------------------------------------------

Change = Callable[[Any], list[str]]


def _edit(env: Env, file: Path, change: Change, across: list[Path] | None = None) -> int:
    """Apply `change` to the file; write it only if the result validates without errors,
    read with the files `across` (the other files of its repository: rule U)."""
    text, bom, newline = _decode(_read(file), file)
    doc = _parsed(text, file)
    done = _changed(doc, change, file)
    if not done:
        click.echo(env.messages("user.unchanged", file=display(file)))
        return EXIT_OK
    _write_if_valid(env, file, _encode(edit.dump(doc), bom, newline), across or [])
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


def _write_if_valid(env: Env, file: Path, content: bytes, across: list[Path]) -> None:
    """Validate `content` as `file` (same name, same policy, read with the files `across`),
    then put it in place.

    It is written beside the file, in a hidden folder that `validate` skips, under the
    file's own name; problems name the real file. On any error nothing is replaced.
    """
    policy_path = policy_mod.find([file])
    others = [p for p in across if p.resolve() != file.resolve()]
    folder = Path(tempfile.mkdtemp(prefix=".rvsq-edit-", dir=file.parent))
    try:
        candidate = folder / file.name
        candidate.write_bytes(content)
        problems = _problems(candidate, file, others, policy_path)
        before = {_identity(p) for p in _problems(file, file, others, policy_path)}
        print_problems(env, [p for p in problems  # errors, and warnings the change brings
                             if p.severity == ERROR or _identity(p) not in before])
        if any(p.severity == ERROR for p in problems):
            raise UserError("E093", file=display(file))
        shutil.copymode(file, candidate)
        os.replace(candidate, file)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _problems(path: Path, shown_as: Path, others: list[Path],
              policy_path: Path | None) -> list[Problem]:
    """The problems of `path`, shown as `shown_as`: those of the other files are theirs."""
    result = validate_paths([path, *others], policy_path=policy_path)
    name, real = display(path), display(shown_as)
    theirs = {display(other) for other in others}
    return [p._replace(file=real) if p.file == name else p for p in result.problems
            if p.file not in theirs]
