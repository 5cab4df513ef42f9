"""Test harness: every database test runs on SQLite and on PostgreSQL, against real migrations."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, SQLModel

import app.models  # noqa: F401
from app.config import PROJECT_ROOT, get_settings
from app.db import build_engine, get_session, reset_engine, transaction
from app.main import create_app
from app.services.exchange.files import read_catalogue
from app.services.exchange.loader import load_catalogue
from app.services.insights.demand import demand_recorder
from app.services.store.migrations import upgrade_database
from app.services.store.snapshot import snapshot_cache

FIXTURES = Path(__file__).parent / "fixtures"
DATA_DIR = PROJECT_ROOT / "data"
POSTGRES_ADMIN_URL = os.environ.get("NAVIGATOR_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REQUIRE_POSTGRES = os.environ.get("NAVIGATOR_REQUIRE_POSTGRES") == "1"
REDIS_URL = os.environ.get("NAVIGATOR_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
REQUIRE_REDIS = os.environ.get("NAVIGATOR_REQUIRE_REDIS") == "1"


@pytest.fixture(autouse=True)
def _forget_process_engine() -> Iterator[None]:
    """Every test starts and ends without a cached engine or settings (a client may have opened one)."""
    yield
    reset_engine()
    get_settings.cache_clear()


@dataclass
class Backend:
    """A migrated database for one test session."""

    name: str
    url: str
    engine: Engine


def fixture_catalogue_dir(tmp_path: Path) -> Path:
    """A catalogue directory: the real taxonomy with the small hand-made catalogue of tests/fixtures."""
    directory = tmp_path / "fixture-catalogue"
    (directory / "catalogue").mkdir(parents=True, exist_ok=True)
    shutil.copy(DATA_DIR / "taxonomy.yaml", directory / "taxonomy.yaml")
    shutil.copy(DATA_DIR / "rules.yaml", directory / "rules.yaml")
    shutil.copy(DATA_DIR / "synonyms.yaml", directory / "synonyms.yaml")
    for name in ("providers.yaml", "offers.yaml"):
        shutil.copy(FIXTURES / "catalogue" / name, directory / "catalogue" / name)
    return directory


def _postgres_database() -> Iterator[str]:
    admin_url = make_url(POSTGRES_ADMIN_URL)
    name = f"navigator_test_{uuid.uuid4().hex[:10]}"
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        message = f"PostgreSQL is not reachable at {admin_url.render_as_string(hide_password=True)}: {exc}"
        if REQUIRE_POSTGRES:
            pytest.fail(message + " (NAVIGATOR_REQUIRE_POSTGRES=1 makes this a failure)")
        pytest.skip(message)
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    """A freshly migrated database of each kind, once per test session."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'navigator.db'}"
        upgrade_database(url)
        engine = build_engine(url)
        yield Backend("sqlite", url, engine)
        engine.dispose()
        return
    database = _postgres_database()
    url = next(database)
    upgrade_database(url)
    engine = build_engine(url)
    try:
        yield Backend("postgresql", url, engine)
    finally:
        engine.dispose()
        next(database, None)


def _empty_tables(engine: Engine) -> None:
    tables = [t.name for t in reversed(SQLModel.metadata.sorted_tables)]
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                connection.execute(text(f'DELETE FROM "{table}"'))


@pytest.fixture
def engine(backend: Backend) -> Iterator[Engine]:
    """The session's database, emptied before the test."""
    _empty_tables(backend.engine)
    snapshot_cache.clear()
    yield backend.engine
    snapshot_cache.clear()


def load_directory(engine: Engine, directory: Path) -> None:
    """Load a catalogue directory through the real loader."""
    with Session(engine) as session:
        load_catalogue(session, read_catalogue(directory))
        session.commit()


@pytest.fixture
def fixture_db(engine: Engine, tmp_path: Path) -> Engine:
    """The database holding the small hand-made catalogue."""
    load_directory(engine, fixture_catalogue_dir(tmp_path))
    return engine


@pytest.fixture
def real_db(engine: Engine) -> Engine:
    """The database holding the real curated catalogue from data/."""
    load_directory(engine, DATA_DIR)
    return engine


def make_client(engine: Engine, monkeypatch: pytest.MonkeyPatch, **env: str) -> TestClient:
    """A TestClient whose requests use the given database (and settings overrides)."""
    monkeypatch.setenv("NAVIGATOR_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    # Warm start freezes the heap out of the garbage collector: right for a server process, not for a test
    # process that builds hundreds of apps (tests/test_warm_start.py covers it).
    env = {"warm_start": "false", **env}
    for key, value in env.items():
        monkeypatch.setenv(f"NAVIGATOR_{key.upper()}", value)
    get_settings.cache_clear()
    reset_engine()
    application = create_app()

    def session_override() -> Iterator[Session]:
        with transaction(engine) as session:  # the app's own request transaction, on the test's database
            yield session

    application.dependency_overrides[get_session] = session_override
    demand_recorder.bind(engine)  # match demand is written to the test database (flushed on client exit)
    return TestClient(application, raise_server_exceptions=False)


@pytest.fixture
def client(fixture_db: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """An API client over the hand-made catalogue."""
    with make_client(fixture_db, monkeypatch) as test_client:
        yield test_client
    get_settings.cache_clear()
    reset_engine()


@pytest.fixture
def real_client(real_db: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """An API client over the real curated catalogue."""
    with make_client(real_db, monkeypatch) as test_client:
        yield test_client
    get_settings.cache_clear()
    reset_engine()


@pytest.fixture
def redis_prefix() -> Iterator[str]:
    """A unique key prefix on the test Redis database; its keys (and only those) are deleted afterwards."""
    import redis

    connection = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        connection.ping()
    except redis.RedisError as exc:
        message = f"Redis is not reachable at {REDIS_URL}: {exc}"
        if REQUIRE_REDIS:
            pytest.fail(message + " (NAVIGATOR_REQUIRE_REDIS=1 makes this a failure)")
        pytest.skip(message)
    prefix = f"navigator-test-{uuid.uuid4().hex[:10]}"
    yield prefix
    for key in connection.scan_iter(match=f"{prefix}:*"):
        connection.delete(key)
    connection.close()
