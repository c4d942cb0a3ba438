"""`rvsq-access import --establishment ID [--out FILE]` | `import --all --out DIR`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from reconciler import os_words
from reconciler.commands import EXIT_OK, Env, open_state
from reconciler.errors import UserError
from reconciler.render import access_files


def run(env: Env, establishment: str | None, everything: bool, out: Path | None) -> int:
    if everything == (establishment is not None):
        raise UserError("E128")
    store = open_state(env)
    try:
        state = store.snapshot()
    finally:
        store.close()
    today = dt.date.today()
    if establishment is not None:
        record = state.establishments.get(establishment)
        if record is None:
            raise UserError("E129", establishment=establishment,
                            known=", ".join(sorted(state.establishments)) or "—")
        text = access_files.establishment_yaml(record, access_files.owned_by(state, establishment),
                                           state.serial, today)
        if out is None:
            click.echo(text, nl=False)
            return EXIT_OK
        _write_new(out, text)
        click.echo(env.messages("import.written", count=1, path=out.as_posix()))
        return EXIT_OK
    if out is None:
        raise UserError("E130")
    files = {
        out / record.region / f"{record.id}.yaml": access_files.establishment_yaml(
            record, access_files.owned_by(state, record.id), state.serial, today)
        for record in state.establishments.values()
    }
    clashes = sorted(path.as_posix() for path in files if path.exists())
    if clashes:  # never overwrite a representative's file: nothing is written
        raise UserError("E131", path=clashes[0], count=len(clashes))
    for path, text in sorted(files.items()):
        _write_new(path, text)
    click.echo(env.messages("import.written", count=len(files), path=out.as_posix()))
    return EXIT_OK


def _write_new(path: Path, text: str) -> None:
    if path.exists():
        raise UserError("E131", path=path.as_posix(), count=1)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError("E190", path=path.as_posix(), _words=os_words.words(exc)) from None
