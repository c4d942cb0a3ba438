"""Where the state lives: `sqlite:///path` (default `.rvsq/state.db` under the working
folder; `sqlite:////abs/path` for an absolute path) or `postgresql://user@host:port/db`.
`init_store` creates a state (`rvsq-access state init`); `open_store` opens one that
exists, and never creates it.
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from reconciler import redaction
from reconciler.errors import UserError
from reconciler.store import sql
from reconciler.store.base import OutboxMessage, SealedCodes, SQLStore

__all__ = ["DEFAULT_URL", "Location", "OutboxMessage", "SQLStore", "SealedCodes",
           "database_errors", "init_store", "open_store", "parse_location", "private_folder",
           "redact", "safe_name", "state_location"]

WORK_DIR = Path(".rvsq")
DEFAULT_URL = "sqlite:///.rvsq/state.db"
# Inside .rvsq, so that nothing the tool writes (state, codes, emails, cache) can be
# committed by accident: git, like pytest's and ruff's caches, then ignores the folder.
GITIGNORE = "# Written by rvsq-access: nothing in this folder belongs in git.\n*\n"


def database_errors() -> tuple[type[Exception], ...]:
    """Errors any loaded backend's driver may raise; the CLI reports them as E127.
    psycopg is looked up only if a PostgreSQL state loaded it: no import cost otherwise."""
    errors: tuple[type[Exception], ...] = (sqlite3.Error,)
    if "psycopg" in sys.modules:
        errors += (sys.modules["psycopg"].Error,)
    return errors


class Location(NamedTuple):
    """Where a state is: the URL as given (it may hold a password) and how it is shown."""

    url: str
    backend: str  # "sqlite" or "postgresql"
    shown: str  # the SQLite file's absolute path, or host:port/database: never a secret
    path: Path | None = None  # the SQLite file

    def __str__(self) -> str:
        return self.shown


def state_location(option: str | None, environ: Mapping[str, str] = os.environ) -> Location:
    """--state, else RVSQ_STATE, else .rvsq/state.db under the working folder. Set but
    empty is a mistake (an unset CI secret, say), never a reason to use the default."""
    if option is not None:
        url, origin = option, "--state"
    elif "RVSQ_STATE" in environ:
        url, origin = environ["RVSQ_STATE"], "RVSQ_STATE"
    else:
        url, origin = DEFAULT_URL, ""
    if not url.strip():
        raise UserError("E136", origin=origin)
    return parse_location(url)


def parse_location(url: str) -> Location:
    if url.startswith("sqlite:///"):
        given = url.removeprefix("sqlite:///")
        # ":memory:" and "" would give a database gone when the command ends; "file:" and
        # "?" would be read as SQLite URI syntax by some and as a file name by others.
        if given in ("", ":memory:") or given.startswith(("file:", ":")) or "?" in given:
            raise UserError("E137", url=redact(url))
        path = Path(os.path.abspath(given))  # relative to the working folder, said whole
        return Location(url, "sqlite", str(path), path)
    if url.startswith(("postgresql://", "postgres://")):
        parts = urlsplit(url)
        try:
            port = parts.port or 5432
        except ValueError:
            raise UserError("E111", url=redact(url)) from None
        host = parts.hostname or "localhost"
        return Location(url, "postgresql", f"{host}:{port}/{parts.path.lstrip('/')}")
    raise UserError("E111", url=redact(url))


def init_store(location: Location, now: str) -> tuple[SQLStore, bool]:
    """Create the state at `location` if it is not there, and bring its schema up to date:
    the one way a state comes to be. Returns the store and whether it was new."""
    if location.path is not None:
        if location.path.is_dir():
            raise UserError("E137", url=location.shown)
        try:
            if location.path.parent.name == WORK_DIR.name:
                private_folder(location.path.parent)
            else:
                location.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError("E190", path=location.shown,
                            reason=exc.strerror or str(exc)) from None
    store = _connect(location, create=True)
    try:
        applied = store.applied_migrations()
        _not_later(location, applied)
        store.migrate(now)
    except BaseException:
        store.close()
        raise
    return store, not applied


def open_store(location: Location, now: str, *, write: bool = False) -> SQLStore:
    """Open the existing state at `location`. Nothing here creates a state: a missing or
    never initialised one is refused (a mistyped location must not plan against an empty
    state). A writing command (`write`) brings an older schema up to date; a read-only
    one says so and changes nothing."""
    if location.path is not None and not location.path.is_file():
        raise UserError("E138", location=location.shown)
    store = _connect(location, create=False)
    try:
        applied = store.applied_migrations()
        if not applied:
            raise UserError("E139", location=location.shown)
        _not_later(location, applied)
        if len(applied) < len(sql.MIGRATIONS):
            if not write:
                raise UserError("E140", location=location.shown, found=max(applied),
                                known=_latest())
            store.migrate(now)
    except BaseException:
        store.close()
        raise
    return store


def _latest() -> int:
    return max(version for version, _, _ in sql.MIGRATIONS)


def _not_later(location: Location, applied: set[int]) -> None:
    """A state a later release has migrated may hold what this one would misread."""
    if applied and max(applied) > _latest():
        raise UserError("E141", location=location.shown, found=max(applied), known=_latest())


def _connect(location: Location, create: bool) -> SQLStore:
    if location.backend == "sqlite":
        from reconciler.store.sqlite import SQLiteStore

        assert location.path is not None
        return SQLiteStore(location.path, location, create=create)
    try:
        from reconciler.store.postgres import PostgresStore
    except ImportError:
        raise UserError("E132") from None
    return PostgresStore(location)


def private_folder(folder: Path) -> Path:
    """A folder only its owner may enter, as is every folder of ours up to .rvsq: they
    hold hashes, sealed codes, emails to people and the parse cache."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    for part in (folder, *folder.parents):
        if part.name == WORK_DIR.name or part == folder:
            part.chmod(0o700)
        if part.name == WORK_DIR.name:
            _ignored_by_git(part)
            break
    return folder


def _ignored_by_git(work_dir: Path) -> None:
    """`.rvsq/.gitignore` holding `*`, unless it is there already (it is never rewritten:
    a user may have made it say more)."""
    try:
        fd = os.open(work_dir / ".gitignore", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except OSError:  # there already; or a folder we may not write, where nothing is made
        return
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(GITIGNORE)


_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def safe_name(name: str) -> str:
    """A file name built from the state (run ids, establishment ids): refused if it could
    reach outside its folder, which only a tampered database could make it."""
    if not _SAFE_NAME.fullmatch(name) or ".." in name:
        raise UserError("E135", name=name)
    return name


def redact(text: str) -> str:
    """Text as it may be shown: every URL in it without its user and password (up to the
    last `@` of its line, so that a password holding `@`, `/` or a space is hidden too)."""
    return redaction.redact(text)
