"""`rvsq-access codes reveal FILE... --identity KEYFILE [--latest] [--format text|json]`."""

from __future__ import annotations

from pathlib import Path

import click

from reconciler import files
from reconciler.applying import secret_codes as codes
from reconciler.commands import EXIT_OK, Env
from reconciler.errors import UserError
from reconciler.render import codes_view
from reconciler.terminal import json_for_terminal


def reveal(env: Env, sealed: list[Path], identity: Path, latest: bool = False,
           fmt: str = "text") -> int:
    """Open the files given (with `latest`, each establishment's newest of them) and show
    their codes, each marked when a later one among them replaced it. Nothing is shown
    unless every file opens."""
    identity_text = files.read_file(identity, files.IDENTITY).decode("utf-8", errors="replace")
    given = [codes.SealedFile.named(path.as_posix())
             for path in dict.fromkeys(sealed)]  # a file named twice (a glob and by hand)
    chosen = codes.latest(given) if latest else sorted(given, key=codes.SealedFile.order)
    try:
        opened = [(file, codes.reveal(files.read_file(Path(file.path), files.SEALED),
                                      identity_text, file.path)["codes"]) for file in chosen]
    except UserError as exc:
        if exc.code == "E122" and len(chosen) > 1:  # another establishment's file, likely
            exc.params["_hint"] = "several"
        raise
    found = codes.revealed(opened)
    if fmt == "json":
        click.echo(json_for_terminal(codes_view.as_json(found)), nl=False)
    else:
        click.echo(codes_view.text(chosen, found, env.messages), nl=False)
    return EXIT_OK
