"""The embedded state: one SQLite file (WAL), locked for applies by flock on that file.

The apply lock is held by the database file itself, not by a file beside it that anyone
could delete: flock locks the inode, so renaming or deleting the file mid-apply lets no
second apply in (it finds no state, or another one). flock and the POSIX locks SQLite
takes are independent on Linux; but closing *any* descriptor of the file drops every
POSIX lock this process holds on it, SQLite's included, so the descriptor flock uses is
opened with the connection and closed only after it.
"""

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

from reconciler import os_words
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
        # The descriptor the apply lock is taken on: opened before the connection (so that
        # it names the file SQLite opens), closed after it (see the module's docstring).
        try:
            self._held: int | None = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # no FIFO wait
        except FileNotFoundError:  # gone since it was looked for
            raise UserError("E138", location=location.shown) from None
        except OSError as exc:
            raise UserError("E124", path=location.shown, _words=os_words.words(exc)) from None
        # isolation_level=None: we open transactions ourselves (BEGIN IMMEDIATE), so a
        # transaction is exactly one action of the plan. mode=rw: opening never creates
        # the file, even if it vanished since it was looked for; mode=ro for the commands
        # that only read: they cannot write to a state, whatever they do.
        mode = "rwc" if create else "ro" if read_only else "rw"
        uri = f"file:{quote(str(path))}"
        try:
            try:
                self.conn = self._open(f"{uri}?mode={mode}", probe=read_only)
            except sqlite3.OperationalError as exc:
                if not (read_only and self._unjournalled(exc)):
                    raise
                # A WAL state in a folder we may not write (a read-only copy): SQLite cannot
                # make its -shm file. With no journal waiting to be read, the file alone
                # is the state, and can be read as immutable (no lock, no file made).
                self.conn = self._open(f"{uri}?mode=ro&immutable=1", probe=True)
        except sqlite3.DatabaseError as exc:
            self.close()
            if "not a database" in str(exc):  # a file of something else: say which file
                raise UserError("E145", location=location.shown) from None
            raise
        except BaseException:
            self.close()
            raise

    @staticmethod
    def _open(uri: str, probe: bool = False) -> sqlite3.Connection:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=60)
        try:
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            if probe:  # a state we may not write fails here, not at its first read
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except BaseException:
            conn.close()
            raise
        return conn

    def _unjournalled(self, exc: sqlite3.OperationalError) -> bool:
        """Whether opening failed only because the state may not be written, and its WAL
        journal is empty or absent (nothing in it that the file lacks)."""
        wal = self.path.with_name(self.path.name + "-wal")
        try:
            empty = wal.stat().st_size == 0
        except FileNotFoundError:
            empty = True
        return ("readonly" in str(exc) or "unable to open" in str(exc)) and empty

    def still_there(self) -> bool:
        """The file the lock and the connection hold is still the one at the state's path:
        not deleted, not renamed, not replaced."""
        assert self._held is not None, "the store is closed"
        held = os.fstat(self._held)
        try:
            named = os.stat(self.path)
        except OSError:
            return False
        return held.st_nlink > 0 and (held.st_dev, held.st_ino) == (named.st_dev, named.st_ino)

    def close(self) -> None:
        """The connection first, then the lock's descriptor (never the other way round)."""
        with contextlib.suppress(AttributeError):  # no connection: it failed to open
            self.conn.close()
        if self._held is not None:
            os.close(self._held)
            self._held = None

    def prepare(self) -> None:
        """Private to its owner; WAL, a property of the file kept once set (readers need
        not set it). Also for a file that was there, empty, before `state init`."""
        os.chmod(self.path, 0o600)
        self.conn.execute("PRAGMA journal_mode = WAL")

    # Take the write lock at BEGIN, not at the first write: no deadlock between writers.
    begin_write = "BEGIN IMMEDIATE"

    @contextlib.contextmanager
    def lock(self, timeout: float, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
        """One apply at a time: flock on the database file. The kernel drops the lock if
        the holder dies; it stays on the file (its inode) if the file is renamed or
        deleted meanwhile."""
        assert self._held is not None, "the store is closed"
        deadline = time.monotonic() + timeout
        waited = False
        while True:
            try:
                fcntl.flock(self._held, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not waited and on_wait is not None:
                    on_wait()
                waited = True
                if time.monotonic() >= deadline:
                    raise UserError("E110", timeout=f"{timeout:g}") from None
                time.sleep(LOCK_POLL_SECONDS)
        try:
            yield
        finally:
            fcntl.flock(self._held, fcntl.LOCK_UN)
