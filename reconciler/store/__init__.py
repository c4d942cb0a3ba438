"""Where the state lives: `sqlite:///path` (default `.rvsq/state.db` under the working
folder; `sqlite:////abs/path` for an absolute path) or `postgresql://user@host:port/db`.
`init_store` creates a state (`rvsq-access state init`); `open_store` opens one that
exists, and never creates it.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import stat
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from reconciler import os_words
from reconciler.errors import UserError
from reconciler.folders import WORK_DIR, private_folder
from reconciler.redaction import redact
from reconciler.store import sql
from reconciler.store.base import (
    OUTBOX_STATUSES,
    OutboxEntry,
    OutboxMessage,
    SealedCodes,
    SQLStore,
)

__all__ = ["DEFAULT_URL", "OUTBOX_STATUSES", "Location", "OutboxEntry", "OutboxMessage",
           "SQLStore", "SealedCodes",
           "database_errors", "init_store", "open_store", "parse_location", "state_location"]

DEFAULT_URL = "sqlite:///.rvsq/state.db"


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


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def parse_location(url: str) -> Location:
    if url != url.strip() or _CONTROL.search(url):
        # A secret pasted with its line break names another file, that `state init` would
        # create: refused, and shown with what is wrong in it made visible.
        raise UserError("E144", url=_CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}", redact(url)))
    if url.startswith("sqlite:///"):
        given = url.removeprefix("sqlite:///")
        # ":memory:" and "" would give a database gone when the command ends; "file:" and
        # "?" would be read as SQLite URI syntax by some and as a file name by others; "~"
        # is no shell's here; "dir/" and ".rvsq" name a folder.
        path = Path(os.path.abspath(given))  # relative to the working folder, said whole
        if (given in ("", ":memory:") or given.startswith(("file:", ":", "~")) or "?" in given
                or given.endswith(("/", "/.", "/..")) or given in (".", "..")
                or path.name == WORK_DIR.name):
            raise UserError("E137", url=redact(url))
        return Location(url, "sqlite", str(path), path)
    if url.startswith(("postgresql://", "postgres://")):
        try:
            parts = urlsplit(url)
            port = parts.port or 5432
        except ValueError:  # a port that is not a number, a broken [IPv6] address
            raise UserError("E111", url=redact(url)) from None
        # A first guess, for messages before connecting: the store says where libpq went.
        host = parts.hostname or "localhost"
        return Location(url, "postgresql", f"{host}:{port}/{parts.path.lstrip('/')}")
    raise UserError("E111", url=redact(url))


def init_store(location: Location, now: str) -> tuple[SQLStore, set[int]]:
    """Create the state at `location` if it is not there, and bring its schema up to date:
    the one way a state comes to be. Returns the store and the migrations this call
    applied (1 among them: it created the state)."""
    if location.path is not None:
        path = location.path
        kind = _file_kind(location)
        if kind == "folder":
            raise UserError("E137", url=location.shown)
        if kind == "other":  # a device, a FIFO: never opened, never chmodded
            raise UserError("E145", location=location.shown)
        try:
            if any(part.name == WORK_DIR.name for part in path.parents):
                private_folder(path.parent)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(FileExistsError):  # private from its first byte
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except OSError as exc:
            raise UserError("E190", path=location.shown, _words=os_words.words(exc)) from None
    store = _connect(location, create=True)
    try:
        applied = store.applied_migrations()
        _not_later(store, applied)
        if not applied:
            store.prepare()
        done = store.migrate(now)
        _identified(store, applied | done)
    except BaseException:
        store.close()
        raise
    return store, done


def open_store(location: Location, now: str, *, writing: bool = False) -> SQLStore:
    """Open the existing state at `location`. Nothing here creates a state: a missing or
    never initialised one is refused (a mistyped location must not plan against an empty
    state). A read-only command refuses an older schema (E140) and changes nothing; a
    writing command (`writing`) may open it, and brings it up to date (`migrate`) only
    when it is about to write. A read-only command opens a SQLite state read-only: in a
    folder it may not write, it is read all the same when no journal waits."""
    if location.path is not None:
        kind = _file_kind(location)
        if kind == "folder":
            raise UserError("E137", url=location.shown)
        if kind == "other":  # a FIFO, a device: opening it could block or read forever
            raise UserError("E145", location=location.shown)
        if kind != "file":
            raise UserError("E138", location=location.shown)
    store = _connect(location, create=False, read_only=not writing)
    try:
        applied = store.applied_migrations()
        if not applied:
            raise UserError("E139", location=store.location.shown)
        _not_later(store, applied)
        if len(applied) < len(sql.MIGRATIONS):
            if not writing:
                raise UserError("E140", location=store.location.shown, found=max(applied),
                                known=_latest())
        else:
            _identified(store, applied)
    except BaseException:
        store.close()
        raise
    return store


def _latest() -> int:
    return max(version for version, _, _ in sql.MIGRATIONS)


def _not_later(store: SQLStore, applied: set[int]) -> None:
    """A state a later release has migrated may hold what this one would misread."""
    if applied and max(applied) > _latest():
        raise UserError("E141", location=store.location.shown, found=max(applied),
                        known=_latest())


def _identified(store: SQLStore, applied: set[int]) -> None:
    """A state has the id drawn when it was created (or first migrated): without it, plans
    could not tell it from another, and something outside the tool removed it."""
    if sql.IDENTITY in applied and not store.state_id():
        raise UserError("E146", location=store.location.shown)


def _file_kind(location: Location) -> str:
    """'file', 'folder', 'missing' or 'other' for a SQLite state's path; a path no file
    can have (too long, a file where a folder should be) is refused with its reason."""
    assert location.path is not None
    try:
        mode = location.path.lstat().st_mode
    except FileNotFoundError:
        return "missing"
    except OSError as exc:
        raise UserError("E156", location=location.shown, _words=os_words.words(exc)) from None
    if stat.S_ISLNK(mode):
        # A link planted where the state should be would have the tool read, write and
        # chmod its target: the state is named by its own path, never through a link.
        raise UserError("E157", location=location.shown)
    return "folder" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else "other"


def _connect(location: Location, create: bool, read_only: bool = False) -> SQLStore:
    if location.backend == "sqlite":
        from reconciler.store.sqlite import SQLiteStore

        assert location.path is not None
        return SQLiteStore(location.path, location, create=create, read_only=read_only)
    try:
        from reconciler.store.postgres import PostgresStore
    except ImportError:
        raise UserError("E132") from None
    return PostgresStore(location)
