"""Curators' endpoints under /v1/admin: edit offers, providers and needs, manage keys, read the audit trail."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Body, Depends, Path, Query, Request, Response
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from app.conditional import Precondition, parse_if_match
from app.db import SessionDep
from app.deps import require_role
from app.direct import json_content
from app.errors import problem_responses
from app.models.access import (
    NAME_PATTERN,
    AuditFilters,
    KeyCreate,
    KeyCreated,
    KeyList,
    KeyPublic,
    Role,
)
from app.models.admin import (
    AuditPage,
    NeedCreate,
    NeedCreated,
    OfferRecord,
    ProviderRecord,
    RecordMeta,
    Verification,
)
from app.models.catalogue import SLUG_PATTERN, OfferUpdate, ProviderUpdate
from app.pagination import page_meta
from app.services.editing import auth
from app.services.editing import writes as editing
from app.services.editing.audit import Actor, list_events
from app.services.editing.kinds import OFFER, PROVIDER, RecordKind

# Declared so /docs offers an "Authorize" button; the checks themselves are in app.deps.require_role.
_bearer = HTTPBearer(auto_error=False, description="An API key from `navigator keys create`.")
_api_key = APIKeyHeader(name="X-API-Key", auto_error=False, description="The same key, in a header of its own.")

router = APIRouter(
    prefix="/v1/admin",
    tags=["admin"],
    responses=problem_responses(401, 403, 413, 429, 500, 503),
)
SlugPath = Annotated[str, Path(pattern=SLUG_PATTERN, max_length=80, examples=["propel-yh"])]
NO_STORE = "no-store"
WRITE_PROBLEMS = problem_responses(400, 404, 409, 412, 415, 422, 428)
IF_MATCH_DOC = {
    "parameters": [
        {
            "name": "If-Match",
            "in": "header",
            "required": True,
            "description": "The ETag from the last GET (428 when missing, 412 when someone changed it since).",
            # `*` or quoted entity tags (RFC 9110; ours never hold a comma); anything else is a 400.
            "schema": {
                "type": "string",
                "pattern": r'^(\*|(W/)?"[!#-+\--~]*"( *, *(W/)?"[!#-+\--~]*")*)$',
                "example": '"offer-propel-yh-v3"',
            },
        }
    ]
}


def _actor(role: Role) -> Callable[..., Actor]:
    check = require_role(role)

    # Plain defaults, not Annotated: `check` is local, and annotations are resolved from module globals.
    def dependency(
        request: Request,
        principal: auth.Principal = Depends(check),
        _bearer_credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),
        _header_key: str | None = Depends(_api_key),
    ) -> Actor:
        return Actor(key_name=principal.name, request_id=getattr(request.state, "request_id", None))

    return dependency


EditorActor = Annotated[Actor, Depends(_actor("editor"))]
AdminActor = Annotated[Actor, Depends(_actor("admin"))]


def _if_match(entity_type: str) -> Callable[..., Precondition]:
    def dependency(request: Request) -> Precondition:
        return parse_if_match(request.headers.get("if-match"), entity_type, request.path_params.get("slug", ""))

    return dependency


Record = TypeVar("Record", bound=RecordMeta)
JsonBody = Depends(json_content)


def _send(response: Response, record: Record, status_code: int = 200) -> Record:
    """The record, with its ETag and no caching."""
    response.status_code = status_code
    response.headers["ETag"] = record.etag
    response.headers["Cache-Control"] = NO_STORE
    return record


# ---- offers and providers: one set of routes per kind --------------------------------------------------------


@dataclass(frozen=True)
class KindRoutes:
    """What the routes of one kind of record say: its path, name, schemas and each operation's description."""

    kind: RecordKind[Any, Any, Any]
    path: str
    a_name: str
    """The kind with its article, as the summaries name it ("an offer")."""
    record: type[RecordMeta]
    update: type[BaseModel]
    patch_example: dict[str, Any]
    read: str
    create: str
    replace: str
    patch: str
    withdraw: str
    restore: str


OFFER_ROUTES = KindRoutes(
    kind=OFFER,
    path="/offers",
    a_name="an offer",
    record=OfferRecord,
    update=OfferUpdate,
    patch_example={"status": "closed"},
    read="An offer's editable record (withdrawn ones too), with the ETag to send back as If-Match.",
    create="Add an offer. 409 when the slug is taken; 422 names each unknown reference and each broken lint rule.",
    replace="Replace an offer with the full entry sent (the `entry` of its GET, edited). Needs If-Match.",
    patch='Change only the fields sent (e.g. `{"status": "closed"}`); `null` clears an optional field. Needs If-Match.',
    withdraw="Withdraw an offer: it is kept, leaves lists and matches, and its public page answers 410 Gone.",
    restore="Bring a withdrawn offer back. Needs If-Match.",
)
PROVIDER_ROUTES = KindRoutes(
    kind=PROVIDER,
    path="/providers",
    a_name="a provider",
    record=ProviderRecord,
    update=ProviderUpdate,
    patch_example={"website": "https://example.org"},
    read="A provider's editable record (withdrawn ones too), with the ETag to send back as If-Match.",
    create="Add a provider. 409 when the slug is taken; 422 names an unknown kind or location, or a broken lint rule.",
    replace="Replace a provider with the full entry sent. Needs If-Match.",
    patch="Change only the fields sent. Needs If-Match.",
    withdraw="Withdraw a provider that has no live offers (409 names them); its public page then answers 410.",
    restore="Bring a withdrawn provider back (its offers stay withdrawn until restored). Needs If-Match.",
)


Endpoint = TypeVar("Endpoint", bound=Callable[..., Any])
_READ: dict[str, Any] = {"responses": problem_responses(404, 422)}
_CREATE: dict[str, Any] = {
    "status_code": 201,
    "responses": problem_responses(409, 415, 422),
    "dependencies": [JsonBody],
}


def _kind_types(spec: KindRoutes) -> Callable[[Endpoint], Endpoint]:
    """A decorator giving an endpoint the kind's types: FastAPI reads the body and response model from annotations."""
    types = {
        "entry": spec.kind.schema,
        "changes": Annotated[spec.update, Body(examples=[spec.patch_example])],
        "precondition": Annotated[Precondition, Depends(_if_match(spec.kind.name))],
        "return": spec.record,
    }

    def typed(endpoint: Endpoint) -> Endpoint:
        endpoint.__annotations__.update({arg: types[arg] for arg in endpoint.__annotations__ if arg in types})
        return endpoint

    return typed


def add_record_routes(spec: KindRoutes) -> None:
    """Add the kind's routes, each one call to the generic writes; for offers GET /offers/{slug} `get_offer`, POST
    /offers `create_offer`, PUT and PATCH /offers/{slug} `replace_offer` and `patch_offer`, DELETE /offers/{slug}
    `withdraw_offer` and POST /offers/{slug}/restore `restore_offer` (operation ids: `admin_` and those names)."""
    kind, name, a, one = spec.kind, spec.kind.name, spec.a_name, f"{spec.path}/{{slug}}"
    write: dict[str, Any] = {"responses": WRITE_PROBLEMS, "openapi_extra": IF_MATCH_DOC}
    write_json: dict[str, Any] = {**write, "dependencies": [JsonBody]}
    typed = _kind_types(spec)

    @router.get(one, name=f"get_{name}", summary=f"Read {a} for editing", description=spec.read, **_READ)
    @typed
    def get(slug: SlugPath, session: SessionDep, response: Response, _actor: EditorActor) -> Any:
        return _send(response, editing.get(kind, session=session, slug=slug))

    @router.post(spec.path, name=f"create_{name}", summary=f"Add {a}", description=spec.create, **_CREATE)
    @typed
    def create(entry: Any, session: SessionDep, response: Response, actor: EditorActor) -> Any:
        sent = _send(response, editing.create(kind, session=session, entry=entry, actor=actor), 201)
        response.headers["Location"] = f"{router.prefix}{spec.path}/{entry.slug}"
        return sent

    @router.put(one, name=f"replace_{name}", summary=f"Replace {a}", description=spec.replace, **write_json)
    @typed
    def replace(
        slug: SlugPath, entry: Any, session: SessionDep, response: Response, actor: EditorActor, precondition: Any
    ) -> Any:
        changed = editing.replace(kind, session=session, slug=slug, entry=entry, precondition=precondition, actor=actor)
        return _send(response, changed)

    @router.patch(one, name=f"patch_{name}", summary=f"Change some fields of {a}", description=spec.patch, **write_json)
    @typed
    def patch(
        slug: SlugPath, changes: Any, session: SessionDep, response: Response, actor: EditorActor, precondition: Any
    ) -> Any:
        changed = editing.patch(
            kind, session=session, slug=slug, changes=changes, precondition=precondition, actor=actor
        )
        return _send(response, changed)

    @router.delete(one, name=f"withdraw_{name}", summary=f"Withdraw {a}", description=spec.withdraw, **write)
    @typed
    def withdraw(slug: SlugPath, session: SessionDep, response: Response, actor: EditorActor, precondition: Any) -> Any:
        return _send(
            response, editing.withdraw(kind, session=session, slug=slug, precondition=precondition, actor=actor)
        )

    summary = f"Restore a withdrawn {name}"

    @router.post(f"{one}/restore", name=f"restore_{name}", summary=summary, description=spec.restore, **write)
    @typed
    def restore(slug: SlugPath, session: SessionDep, response: Response, actor: EditorActor, precondition: Any) -> Any:
        return _send(
            response, editing.restore(kind, session=session, slug=slug, precondition=precondition, actor=actor)
        )


add_record_routes(OFFER_ROUTES)
OfferPrecondition = Annotated[Precondition, Depends(_if_match("offer"))]


@router.post(
    "/offers/{slug}/verify",
    summary="Record that an offer was checked",
    responses=WRITE_PROBLEMS,
    dependencies=[JsonBody],
    openapi_extra=IF_MATCH_DOC,
)
def verify_offer(
    slug: SlugPath,
    session: SessionDep,
    response: Response,
    actor: EditorActor,
    precondition: OfferPrecondition,
    verification: Annotated[Verification | None, Body()] = None,
) -> OfferRecord:
    """Record that the offer was checked against its source: sets `last_verified_at` (now by default)."""
    verified_at = verification.verified_at if verification is not None else None
    record = editing.verify_offer(
        session=session, slug=slug, verified_at=verified_at, precondition=precondition, actor=actor
    )
    return _send(response, record)


add_record_routes(PROVIDER_ROUTES)


# ---- taxonomy ---------------------------------------------------------------------------------------------------


@router.post(
    "/needs",
    summary="Add a child need",
    status_code=201,
    responses=problem_responses(409, 415, 422),
    dependencies=[JsonBody],
)
def add_need(need: NeedCreate, session: SessionDep, response: Response, actor: EditorActor) -> NeedCreated:
    """Add a child term under a top-level need; it appears in /v1/needs and can tag offers at once."""
    response.headers["Cache-Control"] = NO_STORE
    return editing.add_need(session=session, need=need, actor=actor)


# ---- keys (admin role) ------------------------------------------------------------------------------------------


@router.post(
    "/keys",
    summary="Create an API key",
    status_code=201,
    responses=problem_responses(409, 415, 422),
    dependencies=[JsonBody],
)
def create_key(new_key: KeyCreate, session: SessionDep, response: Response, actor: AdminActor) -> KeyCreated:
    """Create a key and show it once (only its salted hash is kept). Admin role only."""
    created = auth.create_key(session=session, name=new_key.name, role=new_key.role, actor=actor)
    response.headers["Cache-Control"] = NO_STORE
    return created


@router.get("/keys", summary="List API keys", responses=problem_responses(422))
def list_keys(session: SessionDep, response: Response, _actor: AdminActor) -> KeyList:
    """Every key with its role, prefix, creation, last use and revocation (never a secret). Admin role only."""
    response.headers["Cache-Control"] = NO_STORE
    return KeyList(items=auth.list_keys(session=session))


@router.delete("/keys/{name}", summary="Revoke an API key", responses=problem_responses(404, 422))
def revoke_key(
    name: Annotated[str, Path(pattern=NAME_PATTERN, examples=["lahp-curator"])],
    session: SessionDep,
    response: Response,
    actor: AdminActor,
) -> KeyPublic:
    """Revoke a key at once (it stays listed, and named in the audit trail). Admin role only."""
    revoked = auth.revoke_key(session=session, name=name, actor=actor)
    response.headers["Cache-Control"] = NO_STORE
    return revoked


# ---- audit ------------------------------------------------------------------------------------------------------


@router.get("/audit", summary="Read the audit trail", responses=problem_responses(422))
def list_audit(
    filters: Annotated[AuditFilters, Query()],
    session: SessionDep,
    request: Request,
    response: Response,
    _actor: EditorActor,
) -> AuditPage:
    """The audit trail, newest first: who (key name), when, what, before and after. Read-only by design."""
    total, items = list_events(session=session, filters=filters)
    meta = page_meta(request, response, total=total, limit=filters.limit, offset=filters.offset)
    response.headers["Cache-Control"] = NO_STORE
    return AuditPage(items=items, **meta.model_dump())
