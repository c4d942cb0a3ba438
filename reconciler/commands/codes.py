"""`rvsq-access codes reveal FILE --identity KEYFILE`."""

from __future__ import annotations

from pathlib import Path

import click

from reconciler import files
from reconciler.applying import secret_codes as codes
from reconciler.commands import EXIT_OK, Env
from reconciler.terminal import inert


def reveal(env: Env, sealed: Path, identity: Path) -> int:
    identity_text = files.read_file(identity, files.IDENTITY).decode("utf-8", errors="replace")
    content = codes.reveal(files.read_file(sealed, files.SEALED), identity_text,
                           sealed.as_posix())
    for entry in content["codes"]:
        # The reader refuses control characters; shown inert all the same if one slips by.
        click.echo("\t".join(inert(entry[field]) for field in codes.SEALED_FIELDS))
    return EXIT_OK
