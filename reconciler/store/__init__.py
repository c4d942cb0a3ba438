"""Where the state lives: `open_store(url)` gives a store for `sqlite:///path` (default
`.rvsq/state.db` under the working folder) or `postgresql://user@host:port/db`.
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from pathlib import Path

from reconciler.errors import UserError
from reconciler.store.base import OutboxMessage, SealedCodes, SQLStore

__all__ = ["DEFAULT_URL", "OutboxMessage", "SQLStore", "SealedCodes",
           "database_errors", "open_store", "private_folder", "redact", "safe_name"]

WORK_DIR = Path(".rvsq")
DEFAULT_URL = "sqlite:///.rvsq/state.db"


def database_errors() -> tuple[type[Exception], ...]:
    """Errors any loaded backend's driver may raise; the CLI reports them as E127.
    psycopg is looked up only if a PostgreSQL state loaded it: no import cost otherwise."""
    errors: tuple[type[Exception], ...] = (sqlite3.Error,)
    if "psycopg" in sys.modules:
        errors += (sys.modules["psycopg"].Error,)
    return errors


def state_url(option: str | None) -> str:
    return option or os.environ.get("RVSQ_STATE") or DEFAULT_URL


def open_store(url: str, now: str) -> SQLStore:
    """Open (creating and migrating if needed) the state at `url`."""
    if url.startswith("sqlite:///"):
        from reconciler.store.sqlite import SQLiteStore

        path = Path(url.removeprefix("sqlite:///"))
        if path.parent.name == WORK_DIR.name:
            private_folder(path.parent)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
        store: SQLStore = SQLiteStore(path, url)
    elif url.startswith(("postgresql://", "postgres://")):
        try:
            from reconciler.store.postgres import PostgresStore
        except ImportError:
            raise UserError("E132") from None
        store = PostgresStore(url)
    else:
        raise UserError("E111", url=redact(url))
    store.migrate(now)
    return store


def private_folder(folder: Path) -> Path:
    """A folder only its owner may enter, as is every folder of ours up to .rvsq: they
    hold hashes, sealed codes, emails to people and the parse cache."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    for part in (folder, *folder.parents):
        if part.name == WORK_DIR.name or part == folder:
            part.chmod(0o700)
        if part.name == WORK_DIR.name:
            break
    return folder


_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def safe_name(name: str) -> str:
    """A file name built from the state (run ids, establishment ids): refused if it could
    reach outside its folder, which only a tampered database could make it."""
    if not _SAFE_NAME.fullmatch(name) or ".." in name:
        raise UserError("E135", name=name)
    return name


def redact(text: str) -> str:
    """Text as it may be shown: every URL in it without its user and password (up to the
    last `@`, so that a password holding `@` or `/` is hidden too)."""
    return re.sub(r"([A-Za-z][A-Za-z0-9+.-]*://)\S*@", r"\1***@", text)
