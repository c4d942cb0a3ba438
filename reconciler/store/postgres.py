"""The shared state on PostgreSQL (psycopg 3), for several runners and regions (ARCHITECTURE §9).

The apply lock is a PostgreSQL advisory lock, held by the session: it is released when
the apply ends or its connection dies, on whichever runner it was.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import psycopg

from reconciler.errors import UserError
from reconciler.store.base import SQLStore

if TYPE_CHECKING:
    from reconciler.store import Location

# pg_advisory_lock key: 'RVSQ' in ASCII, so a DBA can tell whose lock it is.
LOCK_KEY = 0x52565351
MIGRATION_LOCK_KEY = 0x52565352  # 'RVSR': two `state init` at once migrate in turn
LOCK_POLL_SECONDS = 0.2


class PostgresStore(SQLStore):
    dialect = "postgresql"
    errors = (psycopg.Error,)
    placeholder = "%s"
    begin_read = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"

    def __init__(self, location: Location) -> None:
        self.location = location
        self.conn = psycopg.connect(location.url, autocommit=True, connect_timeout=10,
                                    application_name="rvsq-access")
        # Where libpq really connected: the URL's query and the PG* variables may say other
        # than its host and path, and every message must name the database used.
        info = self.conn.info
        self.location = location._replace(shown=f"{info.host}:{info.port}/{info.dbname}")

    def _serialise_migrations(self) -> None:
        self._execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK_KEY,))

    @contextlib.contextmanager
    def lock(self, timeout: float, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
        deadline = time.monotonic() + timeout
        waited = False
        while not self._execute("SELECT pg_try_advisory_lock(?)", (LOCK_KEY,)).fetchone()[0]:
            if not waited and on_wait is not None:
                on_wait()
            waited = True
            if time.monotonic() >= deadline:
                raise UserError("E110", timeout=f"{timeout:g}")
            time.sleep(LOCK_POLL_SECONDS)
        try:
            yield
        finally:
            with contextlib.suppress(*self.errors):  # a dead session has released it already
                self._execute("SELECT pg_advisory_unlock(?)", (LOCK_KEY,))
