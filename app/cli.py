"""The `navigator` command: migrate, load the catalogue, serve the API."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
import uvicorn
from sqlmodel import Session

from app.config import get_settings
from app.db import get_engine
from app.services.catalogue_files import CatalogueFileError, read_catalogue
from app.services.loader import catalogue_is_empty, load_catalogue
from app.services.migrations import upgrade_database

cli = typer.Typer(help="Support Navigator: the health-innovation support catalogue and matcher.", no_args_is_help=True)


@cli.command()
def migrate() -> None:
    """Apply the database migrations (Alembic upgrade head)."""
    upgrade_database()
    typer.echo(f"Database is at the newest schema ({_safe_url()}).")


def _load(path: Path) -> None:
    try:
        document = read_catalogue(path)
    except CatalogueFileError as exc:
        for problem in exc.problems:
            typer.echo(f"error: {problem}", err=True)
        typer.echo(f"{len(exc.problems)} problem(s); nothing was loaded.", err=True)
        raise typer.Exit(code=1) from exc
    with Session(get_engine()) as session:
        report = load_catalogue(session, document)
        session.commit()
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
) -> None:
    """Migrate, load the curated catalogue into an empty database, then serve the API."""
    upgrade_database()
    with Session(get_engine()) as session:
        empty = catalogue_is_empty(session)
    if empty:
        _load(get_settings().data_dir)
    get_engine().dispose()
    typer.echo(f"Serving on http://{host}:{port} (docs at /docs).")
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        forwarded_allow_ips=",".join(get_settings().trusted_proxies),
        log_level="info",
        timeout_graceful_shutdown=20,
    )


insights = typer.Typer(help="Demand insights: the anonymous record of match requests.", no_args_is_help=True)
cli.add_typer(insights, name="insights")


@insights.command("prune")
def insights_prune(
    days: Annotated[
        int | None, typer.Option(help="Keep this many days (default NAVIGATOR_DEMAND_RETENTION_DAYS).", min=1)
    ] = None,
) -> None:
    """Delete match events older than the retention period."""
    from app.services.demand import prune_events

    retention = days or get_settings().demand_retention_days
    with Session(get_engine()) as session:
        deleted = prune_events(session, retention_days=retention)
        session.commit()
    typer.echo(f"Deleted {deleted} match event(s) older than {retention} days.")


def _safe_url() -> str:
    from sqlalchemy.engine import make_url

    return make_url(get_settings().database_url).render_as_string(hide_password=True)


def main() -> None:
    """Entry point of the console script."""
    cli()
