"""Shared fixtures: the example file, and a fresh state on each backend."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import EXAMPLE

# Set by .ci/run, which starts a throwaway PostgreSQL server for the test suite.
POSTGRES_ADMIN_URL = os.environ.get("RVSQ_TEST_POSTGRES_URL")


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


def new_postgres_database() -> tuple[str, str]:
    """A new, empty database on the test server: (its URL, its name)."""
    import psycopg

    if POSTGRES_ADMIN_URL is None:
        if os.environ.get("CI"):
            pytest.fail("RVSQ_TEST_POSTGRES_URL is not set: .ci/run must start PostgreSQL")
        pytest.skip("no PostgreSQL server for the tests (set RVSQ_TEST_POSTGRES_URL)")
    name = f"rvsq_test_{secrets.token_hex(6)}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    return POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}", name


def drop_postgres_database(name: str) -> None:
    import psycopg

    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
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
