"""The embedded state: one SQLite file (WAL), locked for applies with a lock file."""

from __future__ import annotations

import contextlib
import fcntl
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from reconciler.errors import UserError
from reconciler.store.base import SQLStore

if TYPE_CHECKING:
    from reconciler.store import Location

LOCK_POLL_SECONDS = 0.1


class SQLiteStore(SQLStore):
    dialect = "sqlite"
    errors = (sqlite3.Error,)

    def __init__(self, path: Path, location: Location, create: bool = False,
                 read_only: bool = False) -> None:
        self.path = path
        self.location = location
        # isolation_level=None: we open transactions ourselves (BEGIN IMMEDIATE), so a
        # transaction is exactly one action of the plan. mode=rw: opening never creates
        # the file, even if it vanished since it was looked for; mode=ro for the commands
        # that only read, which then work on a state they may not write.
        mode = "rwc" if create else "ro" if read_only else "rw"
        self.conn = self._open(mode)
        if read_only and not self._readable():
            # A WAL state in a folder we may not write (an auditor's read-only copy): SQLite
            # cannot make the -shm file readers share. Opened as immutable, it reads the
            # file as it is, which is what a read-only copy is.
            self.conn.close()
            self.conn = self._open("ro&immutable=1")
        try:
            self.conn.execute("PRAGMA synchronous = FULL")
            self.conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            if "not a database" in str(exc):  # a file of something else: say which file
                raise UserError("E145", location=location.shown) from None
            raise

    def _open(self, mode: str) -> sqlite3.Connection:
        return sqlite3.connect(f"file:{quote(str(self.path))}?mode={mode}", uri=True,
                               isolation_level=None, timeout=60)

    def _readable(self) -> bool:
        try:
            self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as exc:  # "unable to open", "readonly database"
            return "not a database" in str(exc)  # that one is E145, said below
        except sqlite3.DatabaseError:
            return True
        return True

    def prepare(self) -> None:
        """Private to its owner; WAL, a property of the file kept once set (readers need
        not set it). Also for a file that was there, empty, before `state init`."""
        os.chmod(self.path, 0o600)
        self.conn.execute("PRAGMA journal_mode = WAL")

    # Take the write lock at BEGIN, not at the first write: no deadlock between writers.
    begin_write = "BEGIN IMMEDIATE"

    @contextlib.contextmanager
    def lock(self, timeout: float, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
        """One apply at a time. The kernel drops the lock if the holder dies."""
        lock_path = self.path.with_name(self.path.name + ".lock")
        with os.fdopen(os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600), "r+") as handle:
            deadline = time.monotonic() + timeout
            waited = False
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if not waited and on_wait is not None:
                        on_wait()
                    waited = True
                    if time.monotonic() >= deadline:
                        raise UserError("E110", timeout=int(timeout)) from None
                    time.sleep(LOCK_POLL_SECONDS)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
