"""Where the state lives: `open_store(url)` gives a store for `sqlite:///path` (default
`.rvsq/state.db` under the working folder) or `postgresql://user@host:port/db`.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

from reconciler.errors import UserError
from reconciler.store.base import OutboxMessage, SealedCodes, SQLStore

__all__ = ["DEFAULT_URL", "OutboxMessage", "SQLStore", "SealedCodes",
           "database_errors", "open_store"]

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
        _private_folder(path.parent)
        store: SQLStore = SQLiteStore(path, url)
    elif url.startswith(("postgresql://", "postgres://")):
        try:
            from reconciler.store.postgres import PostgresStore
        except ImportError:
            raise UserError("E132") from None
        store = PostgresStore(url)
    else:
        raise UserError("E111", url=url)
    store.migrate(now)
    return store


def _private_folder(folder: Path) -> None:
    """The state's folder holds hashes and sealed codes: only its owner may enter it."""
    folder.mkdir(parents=True, exist_ok=True)
    if folder.name == WORK_DIR.name:
        folder.chmod(0o700)
