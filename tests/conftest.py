"""Shared fixtures: the example file, a fresh state on each backend, and the example access
repository with its state, as the working folder."""

from __future__ import annotations

import os
import pwd
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest
from helpers import EXAMPLE, cli, example_repository, ok

# A suite started in the background by a shell without job control runs with Ctrl-C
# ignored, and every command it starts would inherit that: the Ctrl-C tests would then
# test nothing, and fail. A person at a terminal has Ctrl-C at its default.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(autouse=True)
def _cache_outside_the_repository(tmp_path_factory: pytest.TempPathFactory,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands run from the repository must not leave a parse cache in it, nor a cache key
    in the developer's own configuration folder."""
    monkeypatch.setenv("RVSQ_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("RVSQ_CACHE_KEY", "the test suite's cache key")


@pytest.fixture
def valid_file_text() -> str:
    return (EXAMPLE / "06" / "gmf-hill-valley.yaml").read_text(encoding="utf-8")


# --- the example access repository, as the working folder ----------------------------------
# Settings a developer's shell or a CI job may hold that would reach the commands: no test
# of the example means to use a mail server, a change reference or a commit of its own.
_OUTSIDE_SETTINGS = ("RVSQ_SMTP_URL", "RVSQ_SMTP_USER", "RVSQ_SMTP_PASSWORD", "RVSQ_SMTP_CAFILE",
                     "RVSQ_MAIL_FROM", "RVSQ_CHANGE_REF", "GITHUB_SHA", "CI_COMMIT_SHA")


def _example_here(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(folder)
    for name in _OUTSIDE_SETTINGS:
        monkeypatch.delenv(name, raising=False)
    return example_repository(folder)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, state_url: str) -> Path:
    """The example access files in the working folder, with a new state holding the RAMQ
    directory: each test runs on SQLite and on PostgreSQL (`state_url`)."""
    return _example_here(tmp_path, monkeypatch)


@pytest.fixture
def applied(repo: Path) -> Path:
    """`repo`, applied once: its accounts are managed (apply exits 4: the creation emails
    wait, as there is no mail server)."""
    ok(cli("apply", "--auto-approve"), 4)
    return repo


@pytest.fixture
def sqlite_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`repo` on the default SQLite state (.rvsq/state.db) only, for tests whose subject
    is not the store."""
    monkeypatch.delenv("RVSQ_STATE", raising=False)
    return _example_here(tmp_path, monkeypatch)


# --- PostgreSQL for the tests ----------------------------------------------------------
# RVSQ_TEST_POSTGRES_URL names a server whose role may create databases and roles (.ci/run
# starts one). Without it, the first test that needs PostgreSQL starts a throwaway server
# from the installed binaries; `_throwaway_postgres` stops it at the end of the session.
_postgres: dict[str, str] = {}  # url, folder, pg_ctl, runuser; or outcome + reason


def _no_postgres(reason: str) -> NoReturn:
    """Skip a PostgreSQL test on a developer's machine; in CI every backend test must run."""
    _postgres.update(outcome="fail" if os.environ.get("CI") else "skip", reason=reason)
    _repeat_outcome()


def _repeat_outcome() -> NoReturn:
    if _postgres["outcome"] == "skip":
        pytest.skip(_postgres["reason"])
    pytest.fail(_postgres["reason"], pytrace=False)


def _postgres_binaries() -> tuple[str, str] | None:
    """initdb and pg_ctl: on PATH, else the newest of Debian's /usr/lib/postgresql/*/bin."""
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl:
        return initdb, pg_ctl

    def version(folder: Path) -> tuple[int, ...]:
        return tuple(int(part) for part in folder.parent.name.split(".") if part.isdigit())

    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=version, reverse=True):
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return str(folder / "initdb"), str(folder / "pg_ctl")
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start_postgres() -> str:
    """A throwaway server: data and socket in a new temporary folder, a free loopback port,
    fsync off. As root it runs as the `postgres` user (PostgreSQL refuses root), as
    .ci/postgres.sh does; nothing else is created on the system."""
    binaries = _postgres_binaries()
    if binaries is None:
        _no_postgres("PostgreSQL is not installed (no initdb and pg_ctl on PATH or under "
                     "/usr/lib/postgresql): see the README, \"PostgreSQL for the tests\", or "
                     "set RVSQ_TEST_POSTGRES_URL")
    initdb, pg_ctl = binaries
    runuser: list[str] = []
    account: pwd.struct_passwd | None = None
    if os.geteuid() == 0:
        try:
            account = pwd.getpwnam("postgres")
        except KeyError:
            _no_postgres("PostgreSQL refuses to run as root and there is no `postgres` user "
                         "to run it as: run the tests as another user, or set "
                         "RVSQ_TEST_POSTGRES_URL")
        if shutil.which("runuser") is None:
            _no_postgres("PostgreSQL refuses to run as root, and runuser is missing")
        runuser = ["runuser", "-u", "postgres", "--"]
    folder = Path(tempfile.mkdtemp(prefix="rvsq-pg-"))
    if account is not None:
        os.chown(folder, account.pw_uid, account.pw_gid)
    _postgres.update(folder=str(folder), pg_ctl=pg_ctl, runuser=shlex.join(runuser))
    data, log = folder / "data", folder / "server.log"

    def run(*command: str) -> None:
        subprocess.run([*runuser, *command], check=True, capture_output=True, text=True,
                       timeout=120)

    try:
        run(initdb, "-D", str(data), "-U", "postgres", "-A", "trust", "--no-sync",
            "-E", "UTF8", "--no-locale")
        for attempt in range(3):  # the free port may be taken before the server binds it
            port = _free_port()
            options = (f"-p {port} -k {shlex.quote(str(folder))} "
                       "-c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200")
            try:
                run(pg_ctl, "-D", str(data), "-l", str(log), "-w", "-o", options, "start")
                break
            except subprocess.CalledProcessError:
                if attempt == 2:
                    raise
    except (OSError, subprocess.SubprocessError) as exc:
        details = getattr(exc, "stderr", "") or ""
        if log.exists():
            details += log.read_text(encoding="utf-8", errors="replace")
        _stop_postgres()
        # The binaries are there, so the developer expects these tests to run: say why not.
        _postgres.update(outcome="fail", reason=f"could not start PostgreSQL with {initdb}: "
                                                f"{exc}\n{details}")
        _repeat_outcome()
    _postgres["url"] = f"postgresql://postgres@127.0.0.1:{port}/postgres"
    return _postgres["url"]


def _stop_postgres() -> None:
    folder = _postgres.pop("folder", None)
    if folder is None:
        return
    data = Path(folder) / "data"
    if (data / "postmaster.pid").exists():
        subprocess.run([*shlex.split(_postgres["runuser"]), _postgres["pg_ctl"], "-D",
                        str(data), "-m", "immediate", "stop"], capture_output=True, timeout=60)
    shutil.rmtree(folder, ignore_errors=True)


def postgres_admin_url() -> str:
    """The test server's URL: RVSQ_TEST_POSTGRES_URL, else a throwaway server started now."""
    given = os.environ.get("RVSQ_TEST_POSTGRES_URL")
    if given:
        return given
    if "outcome" in _postgres:
        _repeat_outcome()
    return _postgres.get("url") or _start_postgres()


@pytest.fixture(scope="session", autouse=True)
def _throwaway_postgres() -> Iterator[None]:
    """Stops the throwaway PostgreSQL server, if a test started one."""
    yield
    _stop_postgres()


def new_postgres_database() -> tuple[str, str]:
    """A new, empty database on the test server: (its URL, its name)."""
    import psycopg

    admin_url = postgres_admin_url()
    name = f"rvsq_test_{secrets.token_hex(6)}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    return admin_url.rsplit("/", 1)[0] + f"/{name}", name


def drop_postgres_database(name: str) -> None:
    import psycopg

    with psycopg.connect(postgres_admin_url(), autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgresql"])
def state_url(request: pytest.FixtureRequest, tmp_path: Path,
              monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """RVSQ_STATE for one test: the default SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        monkeypatch.delenv("RVSQ_STATE", raising=False)
        yield "sqlite:///.rvsq/state.db"
        return
    url, name = new_postgres_database()
    monkeypatch.setenv("RVSQ_STATE", url)
    yield url
    drop_postgres_database(name)
