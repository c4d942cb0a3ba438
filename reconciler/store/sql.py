"""All the SQL, in one place. Written once for SQLite and PostgreSQL (placeholders `?`).

Migrations are numbered steps applied in order and recorded in `schema_migrations`;
never edit a released step: add the next one. A statement the two dialects write
differently (a trigger) is given as {dialect: statement}.
"""

from __future__ import annotations

Statement = str | dict[str, str]

# An establishment's revision is a random token that the database itself draws again
# whenever one of its accounts or their services changes, whoever writes (this tool, an
# import, a DBA's UPDATE). A plan may trust "this file was in step with these accounts"
# for as long as the token is the same (reconciler/planning/settled.py). The tokens live in a
# narrow table of their own: renewing one in every action's transaction then costs next to
# nothing (a wide `establishments` row cost a fifth more per transaction).
_NEW_REVISION = {"sqlite": "lower(hex(randomblob(16)))", "postgresql": "gen_random_uuid()::text"}


def _renew(dialect: str, table: str, row: str) -> str:
    """Renew the revision of the establishment that owns `row` (OLD or NEW), if any."""
    if table == "accounts":
        owner, source = f"{row}.establishment", ""
    else:
        owner, source = "establishment", f" FROM accounts WHERE username = {row}.username AND"
    return (f"INSERT INTO revisions (establishment, revision) SELECT {owner}, "
            f"{_NEW_REVISION[dialect]}{source or ' WHERE'} {owner} IS NOT NULL "
            "ON CONFLICT (establishment) DO UPDATE SET revision = excluded.revision")


def _revision_triggers() -> list[Statement]:
    statements: list[Statement] = []
    for table in ("accounts", "account_services"):
        for event, rows in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")),
                            ("DELETE", ("OLD",))):
            body = "; ".join(_renew("sqlite", table, row) for row in rows)
            statements.append({"sqlite": f"CREATE TRIGGER {table}_{event.lower()}_revision "
                                         f"AFTER {event} ON {table} BEGIN {body}; END"})
        statements.append({"postgresql": f"""CREATE FUNCTION {table}_revision() RETURNS trigger
            LANGUAGE plpgsql AS $$ BEGIN
            IF TG_OP <> 'INSERT' THEN {_renew('postgresql', table, 'OLD')}; END IF;
            IF TG_OP <> 'DELETE' THEN {_renew('postgresql', table, 'NEW')}; END IF;
            RETURN NULL; END $$"""})
        statements.append({"postgresql": f"""CREATE TRIGGER {table}_revision
            AFTER INSERT OR UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION {table}_revision()"""})
    return statements


MIGRATIONS: list[tuple[int, str, list[Statement]]] = [
    (
        1,
        "initial state: establishments, accounts, services, outbox, sealed codes, audit log",
        [
            """CREATE TABLE meta (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL)""",
            "INSERT INTO meta (key, value) VALUES ('serial', '0')",
            "INSERT INTO meta (key, value) VALUES ('audit_head', '')",
            """CREATE TABLE establishments (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                region TEXT NOT NULL,
                type TEXT NOT NULL,
                representative_name TEXT NOT NULL,
                representative_email TEXT NOT NULL,
                age_recipient TEXT,
                retired INTEGER NOT NULL DEFAULT 0,
                updated_at TEXT NOT NULL)""",
            """CREATE TABLE accounts (
                username TEXT PRIMARY KEY,
                email TEXT NOT NULL UNIQUE,
                title TEXT,
                first_name TEXT,
                last_name TEXT,
                profile TEXT,
                professional_number TEXT,
                establishment TEXT REFERENCES establishments (id),
                expires TEXT,
                reviewed TEXT,
                ticket TEXT,
                origin TEXT NOT NULL CHECK (origin IN ('created', 'existing')),
                code_hash TEXT,
                code_issued_at TEXT,
                code_token TEXT,
                reset_token TEXT,
                reset_at TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL)""",
            "CREATE INDEX accounts_by_establishment ON accounts (establishment)",
            """CREATE TABLE account_services (
                username TEXT NOT NULL REFERENCES accounts (username) ON DELETE CASCADE,
                service TEXT NOT NULL,
                granted_at TEXT NOT NULL,
                PRIMARY KEY (username, service))""",
            """CREATE TABLE outbox (
                id TEXT PRIMARY KEY,
                run_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                username TEXT NOT NULL,
                recipient TEXT NOT NULL,
                message TEXT NOT NULL,
                created_at TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT,
                sent_at TEXT)""",
            """CREATE TABLE sealed_codes (
                run_id TEXT NOT NULL,
                establishment TEXT NOT NULL,
                recipient TEXT NOT NULL,
                sealed TEXT NOT NULL,
                codes INTEGER NOT NULL,
                exported_at TEXT,
                PRIMARY KEY (run_id, establishment))""",
            """CREATE TABLE audit_log (
                seq INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                git_commit TEXT,
                run_id TEXT NOT NULL,
                action TEXT NOT NULL,
                establishment TEXT,
                username TEXT,
                fields TEXT NOT NULL,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL)""",
        ],
    ),
    (
        2,
        "revisions: a token per establishment, renewed by the database when its accounts change",
        [
            {"sqlite": """CREATE TABLE revisions (
                establishment TEXT PRIMARY KEY,
                revision TEXT NOT NULL) WITHOUT ROWID""",
             "postgresql": """CREATE TABLE revisions (
                establishment TEXT PRIMARY KEY,
                revision TEXT NOT NULL)"""},
            *({dialect: f"""INSERT INTO revisions (establishment, revision)
                SELECT establishment, {new} FROM accounts WHERE establishment IS NOT NULL
                GROUP BY establishment"""} for dialect, new in _NEW_REVISION.items()),
            *_revision_triggers(),
        ],
    ),
    (
        3,
        "identity: a random id per state; audit entries name the change they came from",
        [
            # 32 hexadecimal digits either way, drawn once, when the state is created (or
            # when a state from an earlier release is first brought up to date).
            {"sqlite": "INSERT INTO meta (key, value) VALUES "
                       "('state_id', lower(hex(randomblob(16))))",
             "postgresql": "INSERT INTO meta (key, value) VALUES "
                           "('state_id', replace(gen_random_uuid()::text, '-', ''))"},
            "ALTER TABLE audit_log ADD COLUMN change_ref TEXT",
        ],
    ),
    (
        4,
        "outbox: a message written out by hand (outbox export) says when and where",
        [
            # Exported messages are someone's to send: neither retried nor counted as waiting.
            "ALTER TABLE outbox ADD COLUMN exported_at TEXT",
            "ALTER TABLE outbox ADD COLUMN exported_to TEXT",
            # What waits stays found fast however many were sent before it.
            "CREATE INDEX outbox_waiting ON outbox (created_at, id) "
            "WHERE sent_at IS NULL AND exported_at IS NULL",
        ],
    ),
    (
        5,
        "audit: an entry may carry a MAC made with a key CI holds (RVSQ_AUDIT_KEY)",
        [
            # Outside the hashed fields: entries written before it verify as they did.
            "ALTER TABLE audit_log ADD COLUMN mac TEXT",
        ],
    ),
    (
        6,
        "portal mode: an establishment's mode, and the portal tasks apply records for it",
        [
            "ALTER TABLE establishments ADD COLUMN mode TEXT NOT NULL DEFAULT 'register'",
            # A task's id is its change's audit entry number: one task per change, and a
            # person can find the one in the other.
            """CREATE TABLE portal_tasks (
                id INTEGER PRIMARY KEY,
                run_id TEXT NOT NULL,
                establishment TEXT NOT NULL,
                username TEXT,
                action TEXT NOT NULL,
                fields TEXT NOT NULL,
                created_at TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'open',
                done_at TEXT,
                done_by TEXT,
                note TEXT)""",
            "CREATE INDEX portal_tasks_open ON portal_tasks (establishment, id) "
            "WHERE status = 'open'",
        ],
    ),
]

IDENTITY = 3  # the migration that draws the state's id

CREATE_MIGRATIONS_TABLE = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at TEXT NOT NULL)"""
APPLIED_MIGRATIONS = "SELECT version FROM schema_migrations"
TABLE_EXISTS = {
    "sqlite": "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
    "postgresql": "SELECT to_regclass(?) IS NOT NULL",
}
RECORD_MIGRATION = (
    "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)"
)

GET_META = "SELECT value FROM meta WHERE key = ?"
# One statement per audited change: the serial moves, the audit chain's head follows.
ADVANCE = ("UPDATE meta SET value = CASE key WHEN 'serial' THEN "
           "CAST(CAST(value AS INTEGER) + 1 AS TEXT) ELSE ? END "
           "WHERE key IN ('serial', 'audit_head')")

ALL_ESTABLISHMENTS = """SELECT id, name, region, type, representative_name,
    representative_email, age_recipient, retired, mode FROM establishments"""
UPSERT_ESTABLISHMENT = """INSERT INTO establishments (id, name, region, type,
    representative_name, representative_email, age_recipient, retired, mode, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, region = excluded.region,
    type = excluded.type, representative_name = excluded.representative_name,
    representative_email = excluded.representative_email,
    age_recipient = excluded.age_recipient, retired = excluded.retired,
    mode = excluded.mode, updated_at = excluded.updated_at"""
REVISIONS = "SELECT establishment, revision FROM revisions"

ACCOUNT_COLUMNS = """username, email, title, first_name, last_name, profile,
    professional_number, establishment, expires, reviewed, ticket, origin,
    code_token, reset_token, code_issued_at, reset_at, created_at, updated_at"""
ALL_ACCOUNTS = f"SELECT {ACCOUNT_COLUMNS} FROM accounts"
# What a plan compares: every column but the four timestamps at the end (a quarter less to
# read at province scale).
PLANNED_ACCOUNTS = f"SELECT {ACCOUNT_COLUMNS.rsplit(', code_issued_at', 1)[0]} FROM accounts"
# A partial read (some establishments settled): the accounts still to compare, by owner,
# by name or by email. `{marks}` stands for a list of placeholders.
ACCOUNTS_OF = f"{PLANNED_ACCOUNTS} WHERE establishment IN ({{marks}})"
UNOWNED_ACCOUNTS = f"{PLANNED_ACCOUNTS} WHERE establishment IS NULL"
ACCOUNTS_NAMED = f"{PLANNED_ACCOUNTS} WHERE username IN ({{marks}})"
ACCOUNTS_WITH_EMAIL = f"{PLANNED_ACCOUNTS} WHERE email IN ({{marks}})"
SERVICES_OF_ACCOUNTS = "SELECT username, service FROM account_services WHERE username IN ({marks})"
ONE_ACCOUNT = f"SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE username = ?"
ALL_SERVICES = "SELECT username, service FROM account_services ORDER BY username, service"
SERVICES_OF = "SELECT service FROM account_services WHERE username = ? ORDER BY service"
CODE_OF = "SELECT code_hash, code_issued_at FROM accounts WHERE username = ?"
INSERT_ACCOUNT = f"""INSERT INTO accounts ({ACCOUNT_COLUMNS})
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
# Columns an update may name; anything else is refused before SQL is built.
UPDATABLE = frozenset({"email", "title", "first_name", "last_name", "profile",
                       "professional_number", "establishment", "expires", "reviewed",
                       "ticket"})
DELETE_ACCOUNT = "DELETE FROM accounts WHERE username = ?"
DELETE_SERVICES = "DELETE FROM account_services WHERE username = ?"
GRANT_SERVICE = """INSERT INTO account_services (username, service, granted_at)
    VALUES (?, ?, ?) ON CONFLICT (username, service) DO NOTHING"""
REVOKE_SERVICE = "DELETE FROM account_services WHERE username = ? AND service = ?"
SET_CODE = """UPDATE accounts SET code_hash = ?, code_issued_at = ?, code_token = ?,
    updated_at = ? WHERE username = ?"""
# Portal mode: the token is applied, the code is the portal's (none stored here).
SET_CODE_TOKEN = "UPDATE accounts SET code_token = ?, updated_at = ? WHERE username = ?"
SET_RESET = "UPDATE accounts SET reset_token = ?, reset_at = ?, updated_at = ? WHERE username = ?"
IMPORT_ACCOUNT = f"""INSERT INTO accounts ({ACCOUNT_COLUMNS})
    VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, 'existing', NULL, NULL, NULL, NULL,
    ?, ?)
    ON CONFLICT (username) DO UPDATE SET email = excluded.email, title = excluded.title,
    first_name = excluded.first_name, last_name = excluded.last_name,
    profile = excluded.profile, professional_number = excluded.professional_number,
    updated_at = excluded.updated_at"""

INSERT_OUTBOX = """INSERT INTO outbox (id, run_id, kind, username, recipient, message,
    created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"""
# Waiting: neither accepted by a mail server nor written out by `outbox export`.
PENDING_OUTBOX = """SELECT id, kind, username, recipient, message, attempts FROM outbox
    WHERE sent_at IS NULL AND exported_at IS NULL ORDER BY created_at, id"""
WAITING_OUTBOX = "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND exported_at IS NULL"
MARK_SENT = "UPDATE outbox SET sent_at = ?, attempts = attempts + 1 WHERE id = ?"
MARK_FAILED = "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?"
MARK_MAIL_EXPORTED = "UPDATE outbox SET exported_at = ?, exported_to = ? WHERE id = ?"
OUTBOX_STATUS = """CASE WHEN exported_at IS NOT NULL THEN 'exported'
    WHEN sent_at IS NOT NULL THEN 'sent' WHEN attempts > 0 THEN 'failed' ELSE 'pending' END"""
# `outbox list`: every message but its text; {where} keeps the waiting ones or all.
LIST_OUTBOX = f"""SELECT id, {OUTBOX_STATUS}, kind, username, recipient, attempts,
    last_error, created_at, sent_at, exported_at, exported_to FROM outbox {{where}}
    ORDER BY created_at, id"""
COUNT_OUTBOX = f"SELECT {OUTBOX_STATUS} AS status, count(*) FROM outbox GROUP BY 1"

UPSERT_SEALED = """INSERT INTO sealed_codes (run_id, establishment, recipient, sealed, codes)
    VALUES (?, ?, ?, ?, ?) ON CONFLICT (run_id, establishment) DO UPDATE SET
    sealed = excluded.sealed, codes = excluded.codes"""
PENDING_SEALED = """SELECT run_id, establishment, sealed, codes FROM sealed_codes
    WHERE exported_at IS NULL ORDER BY run_id, establishment"""
# What committed runs have not delivered yet: files of sealed codes (emails: WAITING_OUTBOX).
COUNT_UNEXPORTED_SEALED = "SELECT count(*) FROM sealed_codes WHERE exported_at IS NULL"
MARK_EXPORTED = "UPDATE sealed_codes SET exported_at = ? WHERE run_id = ? AND establishment = ?"

TASK_COLUMNS = """id, run_id, establishment, username, action, fields, created_at, status,
    done_at, done_by, note"""
INSERT_TASK = f"INSERT INTO portal_tasks ({TASK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
# `{where}`: the open ones or all, and of one establishment or every one.
LIST_TASKS = f"SELECT {TASK_COLUMNS} FROM portal_tasks {{where}} ORDER BY id"
ONE_TASK = f"SELECT {TASK_COLUMNS} FROM portal_tasks WHERE id = ?"
SET_TASK_STATUS = """UPDATE portal_tasks SET status = ?, done_at = ?, done_by = ?, note = ?
    WHERE id = ?"""
COUNT_OPEN_TASKS = "SELECT count(*) FROM portal_tasks WHERE status = 'open'"

AUDIT_COLUMNS = """seq, at, actor, git_commit, run_id, action, establishment, username,
    fields, prev_hash, hash, change_ref, mac"""
INSERT_AUDIT = f"""INSERT INTO audit_log ({AUDIT_COLUMNS})
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
# A period, half-open: [since, until). Times are ISO 8601 UTC text, compared as text.
AUDIT_BETWEEN = f"SELECT {AUDIT_COLUMNS} FROM audit_log WHERE at >= ? AND at < ? ORDER BY seq"
# `state show`: the last entry about one account, whatever it changed.
LAST_ENTRY_ABOUT = f"""SELECT {AUDIT_COLUMNS} FROM audit_log WHERE username = ?
    ORDER BY seq DESC LIMIT 1"""
AUDIT_COUNT = "SELECT count(*), min(at), max(at) FROM audit_log"
LAST_AUDIT = f"SELECT {AUDIT_COLUMNS} FROM audit_log ORDER BY seq DESC LIMIT 1"
LAST_AUDIT_LINK = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"
LAST_AUDIT_MAC = "SELECT hash, mac FROM audit_log ORDER BY seq DESC LIMIT 1"

# `state check`: every row as stored, nothing parsed (damage is reported, not raised).
CHECK_META = "SELECT key, value FROM meta"
CHECK_AUDIT = f"SELECT {AUDIT_COLUMNS} FROM audit_log ORDER BY seq"
CHECK_SEALED = """SELECT run_id, establishment, sealed, codes, exported_at FROM sealed_codes
    ORDER BY run_id, establishment"""
CHECK_CREATION_EMAILS = "SELECT DISTINCT run_id, username FROM outbox WHERE kind = 'created'"
