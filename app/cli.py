"""The `navigator` command: migrate, load the catalogue, serve the API.

Each command's database work runs in `app.db.transaction()`: committed once when it succeeds, rolled back when
it fails (a refused key, an invalid file); read-only commands commit nothing they changed.
"""

from __future__ import annotations

import os
import signal
import socket
import tempfile
from pathlib import Path
from typing import Annotated

import typer
import uvicorn

from app import clients
from app.config import get_settings
from app.db import build_engine, get_engine, transaction
from app.errors import AppError
from app.middleware.observability import MULTIPROC_ENV, logging_config, prepare_multiprocess_dir
from app.models.access import ROLES
from app.services.editing import auth
from app.services.editing.audit import Actor
from app.services.exchange.bundle import apply_import, plan_import, write_export
from app.services.exchange.files import CatalogueDocument, CatalogueFileError, read_catalogue
from app.services.exchange.loader import catalogue_is_empty, load_catalogue
from app.services.store.migrations import upgrade_database

cli = typer.Typer(help="Support Navigator: the health-innovation support catalogue and matcher.", no_args_is_help=True)


@cli.command()
def migrate() -> None:
    """Apply the database migrations (Alembic upgrade head)."""
    upgrade_database()
    typer.echo(f"Database is at the newest schema ({_safe_url()}).")


def _read_or_exit(path: Path, verb: str) -> CatalogueDocument:
    """The validated catalogue directory, or every problem printed and exit code 1 (nothing written)."""
    try:
        return read_catalogue(path)
    except CatalogueFileError as exc:
        for problem in exc.problems:
            typer.echo(f"error: {problem}", err=True)
        typer.echo(f"{len(exc.problems)} problem(s); nothing was {verb}.", err=True)
        raise typer.Exit(code=1) from exc


def _load(path: Path) -> None:
    document = _read_or_exit(path, "loaded")
    with transaction() as session:
        report = load_catalogue(session, document)
    typer.echo(f"Loaded {path}: {report.summary()}.")


@cli.command()
def load(
    path: Annotated[Path | None, typer.Argument(help="Catalogue directory (taxonomy.yaml, catalogue/*.yaml).")] = None,
) -> None:
    """Validate a catalogue directory and upsert it by slug (idempotent; nothing loads if anything is wrong)."""
    upgrade_database()
    _load(path or get_settings().data_dir)


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    migrate: Annotated[
        bool, typer.Option(help="Migrate and load an empty database first (off when a deploy step migrates).")
    ] = True,
) -> None:
    """Migrate, load the curated catalogue into an empty database, then serve the API."""
    settings = get_settings()
    busy = _port_in_use(host, port)
    if busy:
        typer.echo(
            f"error: cannot listen on {host}:{port} ({busy}); choose another with --port (make run PORT=…)", err=True
        )
        raise typer.Exit(code=1)
    if migrate:
        upgrade_database()
        with transaction() as session:
            empty = catalogue_is_empty(session)
        if empty:
            _load(settings.data_dir)
        get_engine().dispose()
    if workers > 1:
        # Workers are separate processes: they share their metrics through files in one directory (emptied now,
        # or a restart would add the previous run's counts).
        metrics_dir = Path(os.environ.get(MULTIPROC_ENV) or Path(tempfile.gettempdir()) / f"navigator-metrics-{port}")
        prepare_multiprocess_dir(metrics_dir)
        os.environ[MULTIPROC_ENV] = str(metrics_dir)
        # One seed for every worker, so a client has one daily pseudonym on all of them (app.clients).
        os.environ.setdefault(clients.SEED_ENV, clients.new_seed())
    typer.echo(f"Serving on http://{host}:{port} with {workers} worker(s) (docs at /docs).")
    # uvicorn finishes the requests in flight, then re-raises SIGTERM/SIGINT; a graceful stop then exits with 0.
    for stop in (signal.SIGTERM, signal.SIGINT):
        signal.signal(stop, _exit_cleanly)
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        forwarded_allow_ips=",".join(settings.trusted_proxies),
        log_config=logging_config(json_logs=settings.log_json),
        access_log=False,
        timeout_graceful_shutdown=settings.graceful_shutdown_seconds,
        http="app.middleware.headlimit:HeadLimitedProtocol",
        # A worker re-imports the app before it can answer the supervisor's health check; on a busy host that
        # takes longer than uvicorn's 5 s default, and the worker would be killed and restarted in a loop.
        timeout_worker_healthcheck=30,
    )


def _port_in_use(host: str, port: int) -> str | None:
    """Why the address cannot be bound now (checked before migrating, so a busy port fails fast), or None."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as error:
        return f"unknown host: {error.strerror or error}"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds: TIME_WAIT is not busy
        try:
            probe.bind(address)
        except OSError as error:
            return error.strerror or str(error)
    return None


def _exit_cleanly(_signum: int, _frame: object) -> None:
    raise SystemExit(0)


keys = typer.Typer(help="API keys for curators: create (shown once), list, revoke.", no_args_is_help=True)
cli.add_typer(keys, name="keys")


@keys.command("create")
def keys_create(
    name: Annotated[str, typer.Option(help="Unique name, recorded in the audit trail (e.g. lahp-curator).")],
    role: Annotated[str, typer.Option(help="editor (edits the catalogue) or admin (also manages keys).")] = "editor",
) -> None:
    """Create a key and print it once; only a salted hash is stored."""
    if role not in ROLES:
        typer.echo(f"error: --role must be one of {', '.join(ROLES)}", err=True)
        raise typer.Exit(code=2)
    upgrade_database()
    with transaction() as session:
        try:
            created = auth.create_key(session=session, name=name, role=role, actor=Actor("cli:keys"))
        except AppError as exc:
            typer.echo(f"error: {exc.detail}", err=True)
            raise typer.Exit(code=1) from exc
    typer.echo(f"Created {created.role} key '{created.name}'. Store it now; it cannot be shown again:")
    typer.echo(created.key)


@keys.command("list")
def keys_list() -> None:
    """List keys: name, role, prefix, created, last used, revoked (never a secret)."""
    upgrade_database()
    with transaction() as session:
        rows = auth.list_keys(session=session)
    if not rows:
        typer.echo("No keys yet. Create one with `navigator keys create --name NAME --role editor`.")
    for key in rows:
        state = f"revoked {key.revoked_at:%Y-%m-%d %H:%M}" if key.revoked_at else "active"
        used = f"{key.last_used_at:%Y-%m-%d %H:%M}" if key.last_used_at else "never"
        typer.echo(
            f"{key.name}\t{key.role}\tnav_{key.prefix}_…\tcreated {key.created_at:%Y-%m-%d}\tused {used}\t{state}"
        )


@keys.command("revoke")
def keys_revoke(name: Annotated[str, typer.Argument(help="The key's name.")]) -> None:
    """Revoke a key at once; it stays listed and named in the audit trail."""
    upgrade_database()
    with transaction() as session:
        try:
            auth.revoke_key(session=session, name=name, actor=Actor("cli:keys"))
        except AppError as exc:
            typer.echo(f"error: {exc.detail}", err=True)
            raise typer.Exit(code=1) from exc
    typer.echo(f"Revoked key '{name}'.")


@cli.command("export")
def export_catalogue(
    path: Annotated[Path, typer.Argument(help="Directory to write taxonomy.yaml and catalogue/*.yaml into.")] = Path(
        "var/export"
    ),
) -> None:
    """Write the whole catalogue (withdrawn entries left out) in the same format as data/."""
    upgrade_database()
    with transaction() as session:
        written = write_export(session, path)
    for file in written:
        typer.echo(f"wrote {file}")


@cli.command("import")
def import_catalogue(
    path: Annotated[Path, typer.Argument(help="Catalogue directory (taxonomy.yaml, catalogue/*.yaml).")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the difference; write nothing.")] = False,
    withdraw_missing: Annotated[
        bool, typer.Option("--withdraw-missing", help="Withdraw offers and providers absent from the files.")
    ] = False,
) -> None:
    """Validate everything, show the difference, then apply it in one transaction: all or nothing."""
    document = _read_or_exit(path, "imported")
    upgrade_database()
    with transaction() as session:
        plan = plan_import(session, document, withdraw_missing=withdraw_missing)
        for line in plan.lines():
            typer.echo(line)
        if dry_run or plan.empty:
            typer.echo("Dry run: nothing was written." if dry_run else "Nothing to change.")
            return
        apply_import(session, plan, Actor("cli:import"))
    typer.echo(f"Imported {path} in one transaction.")


insights = typer.Typer(help="Demand insights: the anonymous record of match requests.", no_args_is_help=True)
cli.add_typer(insights, name="insights")


@insights.command("prune")
def insights_prune(
    days: Annotated[
        int | None, typer.Option(help="Keep this many days (default NAVIGATOR_DEMAND_RETENTION_DAYS).", min=1)
    ] = None,
) -> None:
    """Delete match events older than the retention period."""
    from app.services.insights.demand import prune_events

    settings = get_settings()
    retention = days or settings.demand_retention_days
    # Maintenance: one DELETE over a year of events may rightly take longer than a request's database timeout.
    engine = build_engine(settings.database_url, timeout_seconds=settings.db_timeout_seconds)
    with transaction(engine) as session:
        deleted = prune_events(session, retention_days=retention)
    engine.dispose()
    typer.echo(f"Deleted {deleted} match event(s) older than {retention} days.")


def _safe_url() -> str:
    from sqlalchemy.engine import make_url

    return make_url(get_settings().database_url).render_as_string(hide_password=True)


def main() -> None:
    """Entry point of the console script."""
    cli()
