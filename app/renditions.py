"""Renditions of list endpoints: JSON, CSV (spreadsheet-safe) and streamed NDJSON, negotiated one way for all."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Any, Literal

import orjson
from fastapi import Request
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field

from app.errors import NotAcceptable

Format = Literal["json", "csv", "ndjson"]
FORMATS: tuple[Format, ...] = ("json", "csv", "ndjson")
MEDIA_TYPES: dict[Format, str] = {"json": "application/json", "csv": "text/csv", "ndjson": "application/x-ndjson"}
_ACCEPTED: dict[str, Format] = {
    "application/json": "json",
    "application/*": "json",
    "*/*": "json",
    "text/csv": "csv",
    "text/*": "csv",
    "application/x-ndjson": "ndjson",
    "application/ndjson": "ndjson",
    "application/jsonl": "ndjson",
}
# A cell starting with one of these is a formula (or becomes one) in Excel, LibreOffice and Google Sheets.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "; "
CARRIED_HEADERS = ("etag", "cache-control", "link", "x-total-count")

Row = Mapping[str, Any]


class FormatParam(BaseModel):
    """The `format` query parameter shared by every list endpoint (it wins over the Accept header)."""

    format: Format | None = Field(
        default=None,
        description="json (default), csv or ndjson; overrides the Accept header. CSV and NDJSON return every "
        "matching row unless limit or offset is given.",
        examples=["csv"],
    )


def accept_entries(header: str) -> list[tuple[str, float]]:
    """The media ranges of an Accept header, lower-cased, each with its quality `q`, in the header's order.

    The one Accept parser: format negotiation here and the problem pages (app.routers.docs) both read it.
    """
    entries: list[tuple[str, float]] = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        quality = 1.0
        for parameter in fields[1:]:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        entries.append((media, quality))
    return entries


def negotiate(request: Request, requested: Format | None, *, allowed: Sequence[Format] = FORMATS) -> Format:
    """The format to answer in: the `format` parameter, else the best Accept match, else 406."""
    if requested is not None:
        return requested
    header = request.headers.get("accept", "").strip()
    if not header:
        return "json"
    ranked = sorted(accept_entries(header), key=lambda entry: -entry[1])
    for media, quality in ranked:
        chosen = _ACCEPTED.get(media)
        if quality > 0 and chosen is not None and chosen in allowed:
            return chosen
    offered = ", ".join(MEDIA_TYPES[f] for f in allowed)
    raise NotAcceptable(f"This endpoint can answer in {offered} (or add ?format=json|csv|ndjson).")


def safe_cell(value: str) -> str:
    """Neutralise spreadsheet formula injection: a leading = + - @ tab or CR gets a single quote in front."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def cell_text(value: Any) -> str:
    """One value as spreadsheet text: lists joined with '; ', times in ISO 8601, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(cell_text(item) for item in value)
    if isinstance(value, Mapping):
        return json.dumps(value, default=str, ensure_ascii=False)
    return str(value)


def csv_lines(columns: Sequence[str], rows: Iterable[Row]) -> Iterator[str]:
    """A header row then one line per row, every text cell made safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def emit(cells: Sequence[str]) -> str:
        writer.writerow(cells)
        line = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return line

    yield emit(list(columns))
    for row in rows:
        cells = []
        for column in columns:
            value = row.get(column)
            text = cell_text(value)
            # Numbers are data, not formulas: only text can carry an injected formula.
            cells.append(text if isinstance(value, int | float) and not isinstance(value, bool) else safe_cell(text))
        yield emit(cells)


def ndjson_lines(items: Iterable[Any]) -> Iterator[str]:
    """One compact JSON document per line."""
    for item in items:
        if isinstance(item, BaseModel):
            yield item.model_dump_json() + "\n"
        else:
            yield json.dumps(item, default=str, ensure_ascii=False, separators=(",", ":")) + "\n"


def csv_response(
    columns: Sequence[str], rows: Iterable[Row], *, filename: str, headers: Mapping[str, str] | None = None
) -> StreamingResponse:
    """A streamed CSV download with a header row and a Content-Disposition file name."""
    response = StreamingResponse(csv_lines(columns, rows), media_type="text/csv; charset=utf-8")
    response.headers.update(headers or {})
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def ndjson_response(
    items: Iterable[Any], *, filename: str, headers: Mapping[str, str] | None = None
) -> StreamingResponse:
    """A streamed NDJSON body: items are serialised one at a time, never all held as text."""
    response = StreamingResponse(ndjson_lines(items), media_type=MEDIA_TYPES["ndjson"])
    response.headers.update(headers or {})
    response.headers["Content-Disposition"] = f'inline; filename="{filename}.ndjson"'
    return response


def export_response(
    fmt: Format,
    items: Iterable[Any],
    flatten: Callable[[Any], Row],
    columns: Sequence[str],
    *,
    filename: str,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """CSV or NDJSON for a sequence of items (JSON stays with the endpoint's own model)."""
    if fmt == "csv":
        return csv_response(columns, (flatten(item) for item in items), filename=filename, headers=headers)
    return ndjson_response(items, filename=filename, headers=headers)


class JSONBody(Response):
    """application/json encoded by orjson; orjson.Fragment values (pre-encoded JSON) are spliced in as they are."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def encoded(model: BaseModel) -> orjson.Fragment:
    """A model's JSON, encoded now to be spliced into JSONBody documents later (once per snapshot, not per request)."""
    return orjson.Fragment(model.__pydantic_serializer__.to_json(model))


def carried_headers(response: Response) -> dict[str, str]:
    """The validators and caching headers set on the injected response, to copy onto a streamed one."""
    return {name: value for name, value in response.headers.items() if name.lower() in CARRIED_HEADERS}


def export_window(fields_set: Iterable[str], limit: int, offset: int) -> tuple[int | None, int]:
    """CSV/NDJSON exports return every row unless limit or offset was given explicitly."""
    given = set(fields_set)
    return (limit if "limit" in given else None), (offset if "offset" in given else 0)


EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {
            "text/csv": {"schema": {"type": "string"}, "example": "slug,name\r\nalpha-lab,Alpha wet lab\r\n"},
            "application/x-ndjson": {"schema": {"type": "string"}, "example": '{"slug":"alpha-lab"}\n'},
        }
    }
}
