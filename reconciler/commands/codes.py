"""`rvsq-access codes reveal FILE --identity KEYFILE`."""

from __future__ import annotations

from pathlib import Path

import click

from reconciler import codes
from reconciler.commands import EXIT_OK, Env
from reconciler.errors import UserError


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UserError("E124", path=path.as_posix(), reason=exc.strerror or str(exc)) from None


def reveal(env: Env, sealed: Path, identity: Path) -> int:
    identity_text = _read(identity).decode("utf-8", errors="replace")
    content = codes.reveal(_read(sealed), identity_text)
    for entry in content.get("codes", []):
        click.echo(f"{entry['username']}\t{entry['email']}\t{entry['code']}\t{entry['issued_at']}")
    return EXIT_OK
