"""`rvsq-access import`: access files written from what the state holds (ARCHITECTURE §5).

The YAML is made so that planning it against the same state changes nothing: a created
account whose email changed keeps `username: <old email>`; the last applied tokens are
written back so no code or reset is requested again.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import yaml

from reconciler.records import CREATED, AccountRecord, EstablishmentRecord, State

SCHEMA_COMMENT = "# yaml-language-server: $schema=../../schemas/access-file.schema.json"


def scalar(value: str) -> str:
    """A string as YAML that reads back as that string: quoted only where YAML 1.1 would
    read it as something else (`NO`, `06`, a date) or where syntax needs it. A text
    holding a control, format or line-separator character (a state written before the
    loader refused them) is written in double quotes with every such character escaped:
    YAML would fold U+0085 into a space, and the file shows what it holds."""
    if _invisible(value):
        text = yaml.safe_dump(value, default_style='"', allow_unicode=False, width=10_000)
        return text.removesuffix("\n")
    text = yaml.safe_dump(value, allow_unicode=True, width=10_000)
    return text.removesuffix("\n...\n").removesuffix("\n")


def _invisible(value: str) -> bool:
    """Whether `value` holds a character of category Cc, Cf, Zl or Zp."""
    return any(unicodedata.category(c) in INVISIBLE for c in value)


INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp"})


def _date(value: str | None) -> str | None:
    """Quoted, so that YAML 1.2 readers (editors, ajv-cli) read text, as the schema says."""
    return f'"{dt.date.fromisoformat(value).isoformat()}"' if value else None


def establishment_yaml(est: EstablishmentRecord, accounts: list[AccountRecord],
                       serial: int, today: dt.date) -> str:
    lines = [
        SCHEMA_COMMENT,
        f"# Written by 'rvsq-access import' from the state (serial {serial}).",
        "version: 1",
        "establishment:",
        f"  id: {est.id}",
        f"  name: {scalar(est.name)}",
        f'  region: "{est.region}"',
        f"  type: {est.type}",
    ]
    if est.retired:
        lines.append("  retired: true")
    # Always said: the file must plan back to no change whatever the policy's default.
    lines.append(f"  mode: {scalar(est.mode)}")
    lines += [
        "representative:",
        f"  name: {scalar(est.representative_name)}",
        f"  email: {scalar(est.representative_email)}",
    ]
    if est.age_recipient:
        lines.append(f"  age_recipient: {est.age_recipient}")
    if not accounts:
        return "\n".join([*lines, "users: []"]) + "\n"
    lines.append("users:")
    for account in sorted(accounts, key=lambda a: (a.last_name or "", a.first_name or "",
                                                   a.username)):
        lines += _user_lines(account, today)
    return "\n".join(lines) + "\n"


def _user_lines(account: AccountRecord, today: dt.date) -> list[str]:
    fields: list[tuple[str, str | None]] = []
    # A created account's username is the email it was created with: written only once
    # the email has changed, as ARCHITECTURE §3 says, to keep the account's identity.
    if account.origin != CREATED or account.username != account.email:
        fields.append(("username", scalar(account.username)))
    fields += [
        ("email", scalar(account.email)),
        ("title", account.title),
        ("first_name", scalar(account.first_name or "")),
        ("last_name", scalar(account.last_name or "")),
        ("profile", account.profile),
        ("professional_number",
         scalar(account.professional_number) if account.professional_number else None),
    ]
    services = account.services
    if not services:  # only an expired user holds nothing; any service keeps the plan empty
        services = ("rvsq",)
    fields.append(("services", f"[{', '.join(services)}]"))
    if account.code_token:
        fields.append(("secret_code", f"{{rotate: {_flow(account.code_token)}}}"))
    if account.reset_token:
        fields.append(("password_reset", f"{{requested: {_flow(account.reset_token)}}}"))
    fields += [
        ("expires", _date(account.expires)),
        ("reviewed", _date(account.reviewed)),
        ("ticket", scalar(account.ticket) if account.ticket else None),
    ]
    present = [(name, value) for name, value in fields if value is not None]
    first, *rest = present
    return [f"  - {first[0]}: {first[1]}", *(f"    {name}: {value}" for name, value in rest)]


def _flow(value: str) -> str:
    """Tokens always quoted: inside a flow mapping `,` `}` and `:` would end them."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def owned_by(state: State, establishment: str) -> list[AccountRecord]:
    return [a for a in state.accounts.values() if a.establishment == establishment]
