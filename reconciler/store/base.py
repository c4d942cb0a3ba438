"""The store API, written once over DB-API; each backend supplies its connection, its
transaction start and its lock.

Writes happen only inside `transaction()`, which the executor opens once per action, so
that the state change, its audit entry, its outbox rows and its sealed code commit
together or not at all.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from sys import intern
from typing import TYPE_CHECKING, Any, NamedTuple

from reconciler.errors import UserError
from reconciler.records import (
    OPEN,
    REGISTER,
    AccountRecord,
    EstablishmentRecord,
    Focus,
    PortalTask,
    State,
    services_of,
)
from reconciler.store import audit_chain as audit
from reconciler.store import sql

if TYPE_CHECKING:
    from reconciler.store import Location


class OutboxMessage(NamedTuple):
    id: str
    kind: str
    username: str
    recipient: str
    message: str
    attempts: int


class OutboxEntry(NamedTuple):
    """A message as `outbox list` shows it: never its text."""

    id: str
    status: str  # pending (never tried), failed, sent or exported
    kind: str
    username: str
    recipient: str
    attempts: int
    last_error: str | None
    created_at: str
    sent_at: str | None
    exported_at: str | None
    exported_to: str | None


OUTBOX_STATUSES = ("pending", "failed", "sent", "exported")


class SealedCodes(NamedTuple):
    run_id: str
    establishment: str
    sealed: str  # ASCII-armoured age file
    codes: int


class CheckRows(NamedTuple):
    """What `state check` reads, as stored: text where the schema says text, unparsed."""

    meta: dict[str, Any]  # key → value
    audit: list[tuple[Any, ...]]  # sql.AUDIT_COLUMNS, fields as JSON text
    sealed: list[tuple[Any, ...]]  # run_id, establishment, sealed, codes, exported_at
    creation_emails: set[tuple[str, str]]  # (run_id, username) of each 'created' email


class SQLStore:
    """Shared implementation; subclasses set `conn` and implement `_begin` and `lock`."""

    conn: Any
    dialect: str  # which of a migration's {dialect: statement} is ours
    placeholder = "?"
    location: Location
    errors: tuple[type[Exception], ...] = ()  # the driver's errors an action may raise
    _reading = False  # inside `reading()`: what is read joins its transaction

    # --- plumbing -------------------------------------------------------------------
    def _sql(self, statement: str) -> str:
        return statement if self.placeholder == "?" else statement.replace("?", self.placeholder)

    def _execute(self, statement: str, params: Iterable[Any] = ()) -> Any:
        cur = self.conn.cursor()
        cur.execute(self._sql(statement), tuple(params))
        return cur

    def _many(self, statement: str, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            self.conn.cursor().executemany(self._sql(statement), rows)

    # Both drivers run in autocommit mode: transactions are exactly what we open here.
    begin_write = "BEGIN"
    begin_read = "BEGIN"

    def lock(
        self, timeout: float, on_wait: Callable[[], None] | None = None
    ) -> contextlib.AbstractContextManager[None]:
        """Exclusive for one apply; `on_wait` is called once if another holds it."""
        raise NotImplementedError

    def still_there(self) -> bool:
        """Whether the state is still where it was opened (a SQLite file may be moved or
        deleted under a running apply; a database server's cannot)."""
        return True

    def close(self) -> None:
        self.conn.close()

    @contextlib.contextmanager
    def transaction(self, begin: str | None = None) -> Iterator[None]:
        self._execute(begin or self.begin_write)
        try:
            yield
        except BaseException:
            with contextlib.suppress(*self.errors):  # a lost connection cannot roll back
                self._execute("ROLLBACK")
            raise
        self._execute("COMMIT")

    def applied_migrations(self) -> set[int]:
        """The schema's numbered steps found in this database; none for an empty one. A
        table we may not read is the driver's error (a missing GRANT is no empty state);
        a database that is not ours says so (E145)."""
        try:
            with self.transaction(self.begin_read):
                if not self._execute(sql.TABLE_EXISTS[self.dialect],
                                     ("schema_migrations",)).fetchone()[0]:
                    return set()
                rows = self._execute(sql.APPLIED_MIGRATIONS).fetchall()
        except self.errors as exc:
            if "not a database" in str(exc):  # SQLite, given a file of something else
                raise UserError("E145", location=self.location.shown) from None
            raise
        try:
            versions = {int(row[0]) for row in rows}
        except (TypeError, ValueError):  # another tool's schema_migrations table
            raise UserError("E145", location=self.location.shown) from None
        if versions and versions != set(range(1, max(versions) + 1)):
            raise UserError("E145", location=self.location.shown)  # steps missing: not ours
        return versions

    def prepare(self) -> None:
        """What a new state needs before its first table (SQLite: its mode, WAL)."""

    def _serialise_migrations(self) -> None:
        """Inside migrate's transaction: one migration at a time (PostgreSQL; SQLite's
        BEGIN IMMEDIATE already is)."""

    def migrate(self, now: str) -> set[int]:
        """Apply the numbered steps this state lacks, and say which it applied (none when
        another process did them first). A current state is only read, so opening it
        never waits for another process's write."""
        wanted = {version for version, _, _ in sql.MIGRATIONS}
        if wanted <= self.applied_migrations():
            return set()
        done = set()
        with self.transaction():
            self._serialise_migrations()
            self._execute(sql.CREATE_MIGRATIONS_TABLE)
            # Read again inside the transaction: another runner may have migrated meanwhile.
            applied = {row[0] for row in self._execute(sql.APPLIED_MIGRATIONS).fetchall()}
            for version, description, statements in sql.MIGRATIONS:
                if version in applied:
                    continue
                for statement in statements:
                    text = statement if isinstance(statement, str) else statement.get(self.dialect)
                    if text:  # a statement for the other dialect only
                        self._execute(text)
                self._execute(sql.RECORD_MIGRATION, (version, description, now))
                done.add(version)
        return done

    # --- reads ----------------------------------------------------------------------
    def serial(self) -> int:
        value = self._meta("serial")
        if not value.isdigit():
            raise self._damaged("serial", value)
        return int(value)

    def _meta(self, key: str) -> str:
        row = self._execute(sql.GET_META, (key,)).fetchone()
        if row is None or not isinstance(row[0], str):
            raise self._damaged(key, None if row is None else row[0])
        return row[0]

    def _damaged(self, key: str, found: object) -> UserError:
        """A meta record edited or deleted outside the tool: named, never a traceback."""
        return UserError("E147", location=self.location.shown, key=key,
                         found="—" if found is None else ascii(found)[:60])

    def state_id(self) -> str:
        """The random id drawn when the state was created: a saved plan, a report or an
        audit reader can tell one state from another, wherever it is reached from."""
        row = self._execute(sql.GET_META, ("state_id",)).fetchone()
        return row[0] if row else ""

    def reading(self) -> contextlib.AbstractContextManager[None]:
        """One read transaction for everything read inside it, so that its parts agree:
        a warm plan's snapshot is of the revisions it chose the settled establishments by
        (settled.py). Inside another `reading`, the outer transaction holds."""
        if self._reading:
            return contextlib.nullcontext()
        return self._read_transaction()

    @contextlib.contextmanager
    def _read_transaction(self) -> Iterator[None]:
        with self.transaction(self.begin_read):
            self._reading = True
            try:
                yield
            finally:
                self._reading = False

    def revisions(self) -> dict[str, str]:
        """Each establishment's revision: a random token the database draws again whenever
        one of its accounts or their services changes, whoever writes (store/sql.py)."""
        with self.reading():
            return dict(self._execute(sql.REVISIONS).fetchall())

    def snapshot(self, history: bool = False, only: Focus | None = None) -> State:
        """The state read in one transaction, so that its parts agree: what the planner
        compares against. With `history`, accounts also say when they were created,
        updated, given a code and reset (reports show it; plans do not need it).

        `only`: read only the accounts a Focus asks for (a warm plan skips the settled
        establishments). Plans only: a partial read has no history."""
        assert not (history and only), "a report reads every account"
        with self.reading():
            establishments = {
                row[0]: EstablishmentRecord(*row[:7], bool(row[7]), row[8])
                for row in self._execute(sql.ALL_ESTABLISHMENTS).fetchall()
            }
            if only is None or not only.settled:
                # Rows as the cursor gives them: each is dropped once it is a record.
                accounts = self._accounts(self._execute(sql.ALL_SERVICES),
                                          self._execute(sql.ALL_ACCOUNTS if history
                                                        else sql.PLANNED_ACCOUNTS),
                                          history)
            else:
                rows = {row[0]: row for row in self._execute(sql.UNOWNED_ACCOUNTS).fetchall()}
                for query, values in ((sql.ACCOUNTS_OF, only.unsettled),
                                      (sql.ACCOUNTS_NAMED, only.names),
                                      (sql.ACCOUNTS_WITH_EMAIL, only.emails)):
                    rows.update((row[0], row) for row in self._select_in(query, values))
                services = self._select_in(sql.SERVICES_OF_ACCOUNTS, rows)
                accounts = self._accounts(services, rows.values(), history=False)
            return State(self.serial(), establishments, accounts, self.state_id(),
                         self.location.shown)

    def _select_in(self, query: str, values: Iterable[str]) -> list[tuple[Any, ...]]:
        """`query` for every value, a few hundred placeholders at a time (SQLite's limit)."""
        values, found = sorted(values), []
        for start in range(0, len(values), _IN_CHUNK):
            chunk = values[start:start + _IN_CHUNK]
            found.extend(self._execute(query.format(marks=", ".join("?" * len(chunk))),
                                       chunk).fetchall())
        return found

    @staticmethod
    def _accounts(services: Iterable[tuple[str, str]], rows: Iterable[tuple[Any, ...]],
                  history: bool) -> dict[str, AccountRecord]:
        listed: dict[str, list[str]] = {}
        for username, service in services:
            listed.setdefault(username, []).append(service)
        # A few dozen combinations of services, a few titles, profiles, sites and dates
        # among 100,000 accounts: each kept once (the driver makes a new text per value).
        held: dict[str, tuple[str, ...]] = {}
        for username, names in listed.items():
            if len(names) > 1:  # sorted here: a PostgreSQL collation may differ
                names.sort()
            held[username] = services_of(tuple(names))
        unread = () if history else _NO_HISTORY
        # tuple.__new__: a NamedTuple's own constructor costs a third more, 100,000 times
        # (and fills no defaults: the history not read is given as None here).
        new, of, none = tuple.__new__, held.get, ()
        # Names are interned as the access files' are (model.py): one copy for both. A
        # created account's username is its email: one copy too.
        return {
            row[0]: new(AccountRecord, (
                row[0], row[0] if row[0] == row[1] else row[1], _shared(row[2]),
                _shared(row[3]), _shared(row[4]), _shared(row[5]), row[6], _shared(row[7]),
                _shared(row[8]), _shared(row[9]), row[10], intern(row[11]), of(row[0], none),
                *row[12:], *unread))
            for row in rows
        }

    def account(self, username: str) -> AccountRecord | None:
        row = self._execute(sql.ONE_ACCOUNT, (username,)).fetchone()
        if row is None:
            return None
        services = [r[0] for r in self._execute(sql.SERVICES_OF, (username,)).fetchall()]
        return _account(row, services)

    def code_of(self, username: str) -> tuple[str | None, str | None]:
        row = self._execute(sql.CODE_OF, (username,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def pending_outbox(self) -> list[OutboxMessage]:
        return [OutboxMessage(*row) for row in self._execute(sql.PENDING_OUTBOX).fetchall()]

    def waiting_outbox(self) -> int:
        """How many messages wait: pending or failed (not sent, not exported)."""
        return int(self._execute(sql.WAITING_OUTBOX).fetchone()[0])

    def outbox_entries(self, everything: bool = False) -> list[OutboxEntry]:
        where = "" if everything else "WHERE sent_at IS NULL AND exported_at IS NULL"
        return [OutboxEntry(*row)
                for row in self._execute(sql.LIST_OUTBOX.format(where=where)).fetchall()]

    def outbox_counts(self) -> dict[str, int]:
        """Messages per status, every status named (0 when none)."""
        counts = dict.fromkeys(OUTBOX_STATUSES, 0)
        counts.update((status, int(count))
                      for status, count in self._execute(sql.COUNT_OUTBOX).fetchall())
        return counts

    def pending_sealed(self) -> list[SealedCodes]:
        return [SealedCodes(*row) for row in self._execute(sql.PENDING_SEALED).fetchall()]

    def check_head(self) -> None:
        """Before a writing command writes: the serial, the audit head and the last audit
        entry agree (each change moves all three). Edited outside the tool, they are named
        (E147), rather than a constraint failing in the middle of an action."""
        seq, digest = self.audit_head()
        row = self._execute(sql.LAST_AUDIT_LINK).fetchone()
        if (seq, digest) != ((0, audit.GENESIS) if row is None else (int(row[0]), row[1])):
            raise self._damaged("audit_head", f"{seq} {digest}")
        serial = self.serial()
        if serial != seq:
            raise self._damaged("serial", serial)

    def undelivered(self) -> tuple[int, int]:
        """How many emails and files of sealed codes wait for delivery: committed, not yet
        sent or written out."""
        with self.transaction(self.begin_read):
            emails = self.waiting_outbox()
            sealed = self._execute(sql.COUNT_UNEXPORTED_SEALED).fetchone()[0]
        return emails, int(sealed)

    def portal_tasks(self, establishment: str | None = None, *, username: str | None = None,
                     everything: bool = False) -> list[PortalTask]:
        """The open portal tasks (`everything`: done ones too), in the order they were
        recorded; of one establishment or account, or of all."""
        where, params = [] if everything else [f"status = '{OPEN}'"], []
        for column, value in (("establishment", establishment), ("username", username)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        query = sql.LIST_TASKS.format(where=f"WHERE {' AND '.join(where)}" if where else "")
        with self.reading():
            return [_task(row) for row in self._execute(query, params).fetchall()]

    def portal_task(self, task_id: int) -> PortalTask | None:
        row = self._execute(sql.ONE_TASK, (task_id,)).fetchone()
        return None if row is None else _task(row)

    def open_task_count(self) -> int:
        return int(self._execute(sql.COUNT_OPEN_TASKS).fetchone()[0])

    def audit_entries(self, since: str = "", until: str | None = None
                      ) -> list[audit.AuditEntry]:
        """The entries of a period, half-open [since, until), in order; both are ISO 8601
        UTC text as the log stores its times (`clock.iso`). Every entry by default."""
        return list(self.each_audit_entry(since, until))

    def each_audit_entry(self, since: str = "", until: str | None = None
                         ) -> Iterator[audit.AuditEntry]:
        """`audit_entries`, one at a time: a replay of a province's log holds one entry,
        not all of them (read it to its end inside the caller's transaction)."""
        cursor = self._execute(sql.AUDIT_BETWEEN, (since, until or _AFTER_ANY_TIME))
        while rows := cursor.fetchmany(_ENTRIES_AT_ONCE):
            yield from map(self._audit_entry, rows)

    def last_entry_about(self, username: str) -> audit.AuditEntry | None:
        """The last entry about one account (a grant or a revocation included)."""
        row = self._execute(sql.LAST_ENTRY_ABOUT, (username,)).fetchone()
        return None if row is None else self._audit_entry(row)

    def audit_extent(self) -> tuple[int, str | None, str | None]:
        """How many entries the log holds, and the times of its first and last."""
        count, first, last = self._execute(sql.AUDIT_COUNT).fetchone()
        return int(count), first, last

    def last_audit_entry(self) -> audit.AuditEntry | None:
        row = self._execute(sql.LAST_AUDIT).fetchone()
        return None if row is None else self._audit_entry(row)

    def _audit_entry(self, row: tuple[Any, ...]) -> audit.AuditEntry:
        try:
            fields = json.loads(row[8])
        except (TypeError, ValueError):  # edited outside the tool: named, not thrown
            fields = None
        if not isinstance(fields, dict):
            raise UserError("E148", location=self.location.shown, seq=row[0])
        return audit.AuditEntry(*row[:8], fields, *row[9:])

    def audit_head(self) -> tuple[int, str]:
        value = self._meta("audit_head")
        if not value:
            return 0, audit.GENESIS
        seq, _, digest = value.partition(" ")
        if not seq.isdigit() or not _DIGEST.fullmatch(digest):
            raise self._damaged("audit_head", value)
        return int(seq), digest

    def check_rows(self) -> CheckRows:
        """Everything `state check` compares, read in one transaction (its parts agree)."""
        with self.transaction(self.begin_read):
            return CheckRows(
                dict(self._execute(sql.CHECK_META).fetchall()),
                self._execute(sql.CHECK_AUDIT).fetchall(),
                self._execute(sql.CHECK_SEALED).fetchall(),
                {(row[0], row[1]) for row in self._execute(sql.CHECK_CREATION_EMAILS)},
            )

    # --- writes (inside transaction()) ---------------------------------------------
    def put_establishment(self, est: dict[str, Any], now: str) -> None:
        self._execute(sql.UPSERT_ESTABLISHMENT, (
            est["id"], est["name"], est["region"], est["type"], est["representative_name"],
            est["representative_email"], est.get("age_recipient"), int(est["retired"]),
            est.get("mode") or REGISTER, now,
        ))

    def create_account(self, username: str, record: Mapping[str, Any], now: str) -> None:
        self._execute(sql.INSERT_ACCOUNT, (
            username, record["email"], record.get("title"), record.get("first_name"),
            record.get("last_name"), record.get("profile"), record.get("professional_number"),
            record.get("establishment"), record.get("expires"), record.get("reviewed"),
            record.get("ticket"), record["origin"], record.get("code_token"),
            record.get("reset_token"), None, None, now, now,
        ))

    def update_account(self, username: str, fields: dict[str, Any], now: str) -> None:
        unknown = set(fields) - sql.UPDATABLE
        if unknown:
            raise ValueError(f"not an account field: {sorted(unknown)}")
        assignments = ", ".join(f"{name} = ?" for name in sorted(fields))
        self._execute(
            f"UPDATE accounts SET {assignments}, updated_at = ? WHERE username = ?",
            [fields[name] for name in sorted(fields)] + [now, username],
        )

    def grant(self, username: str, services: Iterable[str], now: str) -> None:
        self._many(sql.GRANT_SERVICE, [(username, s, now) for s in services])

    def revoke(self, username: str, services: Iterable[str]) -> None:
        self._many(sql.REVOKE_SERVICE, [(username, s) for s in services])

    def delete_account(self, username: str) -> None:
        self._execute(sql.DELETE_SERVICES, (username,))
        self._execute(sql.DELETE_ACCOUNT, (username,))

    def set_code(self, username: str, code_hash: str, token: str | None, now: str) -> None:
        self._execute(sql.SET_CODE, (code_hash, now, token, now, username))

    def set_code_token(self, username: str, token: str | None, now: str) -> None:
        self._execute(sql.SET_CODE_TOKEN, (token, now, username))

    def set_reset(self, username: str, token: str, now: str) -> None:
        self._execute(sql.SET_RESET, (token, now, now, username))

    def add_outbox(self, message_id: str, run_id: str, kind: str, username: str,
                   recipient: str, message: str, now: str) -> None:
        self._execute(sql.INSERT_OUTBOX, (message_id, run_id, kind, username, recipient,
                                          message, now))

    def put_sealed(self, sealed: SealedCodes, recipient: str) -> None:
        self._execute(sql.UPSERT_SEALED, (sealed.run_id, sealed.establishment, recipient,
                                          sealed.sealed, sealed.codes))

    def append_audit(self, at: str, actor: str, git_commit: str | None, run_id: str,
                     action: str, establishment: str | None, username: str | None,
                     fields: dict[str, Any], change_ref: str | None = None) -> int:
        """Record a change: its audit entry, chained to the last one, and a new serial (a
        plan made before it is stale). Inside the change's own transaction. With
        RVSQ_AUDIT_KEY, the entry also carries its MAC (outside the chain's hash).
        Returns the entry's number."""
        seq, prev = self.audit_head()
        seq += 1
        text = audit.fields_text(fields)  # written once: hashed and stored alike
        digest = audit.linked_hash(prev, seq, at, actor, git_commit, run_id, action,
                                   establishment, username, text, change_ref)
        key = audit.audit_key()
        self.refuse_unauthenticated(key)
        self._execute(sql.INSERT_AUDIT, (
            seq, at, actor, git_commit, run_id, action, establishment, username, text, prev,
            digest, change_ref, None if key is None else audit.mac_of(key, digest),
        ))
        self._execute(sql.ADVANCE, (f"{seq} {digest}",))
        return seq

    def add_task(self, seq: int, run_id: str, establishment: str, username: str | None,
                 action: str, fields: dict[str, Any], now: str) -> None:
        """A portal task for the change audited as entry `seq`, in that change's
        transaction."""
        self._execute(sql.INSERT_TASK, (seq, run_id, establishment, username, action,
                                        json.dumps(fields, ensure_ascii=False, sort_keys=True),
                                        now, OPEN, None, None, None))

    def set_task_status(self, task_id: int, status: str, at: str | None, by: str | None,
                        note: str | None) -> None:
        self._execute(sql.SET_TASK_STATUS, (status, at, by, note, task_id))

    def refuse_unauthenticated(self, key: str | None) -> None:
        """Before an audit entry is written: the log's last entry carries a MAC the key
        does not give (no key: E208; another key: E209), so the new entry would break it."""
        row = self._execute(sql.LAST_AUDIT_MAC).fetchone()
        refusal = audit.key_refusal(*(row or (None, None)), key)
        if refusal is not None:
            raise UserError(refusal, variable=audit.KEY_VARIABLE)

    def import_accounts(self, rows: list[dict[str, Any]], now: str) -> None:
        self._many(sql.IMPORT_ACCOUNT, [
            (r["username"], r["email"], r.get("title"), r.get("first_name"),
             r.get("last_name"), r.get("profile"), r.get("professional_number"), now, now)
            for r in rows
        ])

    # --- delivery bookkeeping (each its own small transaction) ----------------------
    def mark_sent(self, *message_ids: str, now: str) -> None:
        if message_ids:
            with self.transaction():
                self._many(sql.MARK_SENT, [(now, message_id) for message_id in message_ids])

    def mark_failed(self, message_id: str, reason: str) -> None:
        with self.transaction():
            self._execute(sql.MARK_FAILED, (reason, message_id))

    def mark_mail_exported(self, message_ids: list[str], folder: str, now: str) -> None:
        if message_ids:
            with self.transaction():
                self._many(sql.MARK_MAIL_EXPORTED,
                           [(now, folder, message_id) for message_id in message_ids])

    def mark_exported(self, run_id: str, establishment: str, now: str) -> None:
        with self.transaction():
            self._execute(sql.MARK_EXPORTED, (now, run_id, establishment))


_IN_CHUNK = 500
_ENTRIES_AT_ONCE = 1000
_AFTER_ANY_TIME = "A"  # sorts after every ISO 8601 time ("9999-…Z" included)


def _shared(text: str | None) -> str | None:
    return None if text is None else intern(text)


_NO_HISTORY = (None,) * (len(AccountRecord._fields) - 15)  # the four timestamps


_DIGEST = re.compile(r"sha256:[0-9a-f]{64}")


def _account(row: tuple[Any, ...], services: Iterable[str]) -> AccountRecord:
    return AccountRecord(*row[:12], tuple(sorted(services)), *row[12:])


def _task(row: tuple[Any, ...]) -> PortalTask:
    """A stored task. Its fields were written by apply as JSON; a row damaged outside the
    tool gives what can be read of it (`state check` is where damage is reported)."""
    try:
        fields = json.loads(row[5])
    except (TypeError, ValueError):
        fields = {}
    return PortalTask(int(row[0]), str(row[1]), str(row[2]), row[3], str(row[4]),
                      fields if isinstance(fields, dict) else {}, str(row[6]), str(row[7]),
                      *row[8:11])
