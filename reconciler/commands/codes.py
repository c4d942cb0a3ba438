"""`rvsq-access codes reveal FILE --identity KEYFILE`."""

from __future__ import annotations

from pathlib import Path

import click

from reconciler import codes, files
from reconciler.commands import EXIT_OK, Env


def reveal(env: Env, sealed: Path, identity: Path) -> int:
    identity_text = files.read_file(identity, files.IDENTITY).decode("utf-8", errors="replace")
    content = codes.reveal(files.read_file(sealed, files.SEALED), identity_text,
                           sealed.as_posix())
    for entry in content["codes"]:
        click.echo("\t".join(entry[field] for field in codes.SEALED_FIELDS))
    return EXIT_OK
