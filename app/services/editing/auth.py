"""API keys for curators: generation, salted hashes, verification, revocation, roles (checked by app.deps)."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, select

from app.errors import Conflict, Forbidden, NotFound, Unauthorized
from app.models.access import ROLES, ApiKey, KeyCreated, KeyPublic, Role
from app.models.base import as_utc, utcnow
from app.services.editing.audit import Actor, record_event

ROLE_RANK: dict[str, int] = {role: rank for rank, role in enumerate(ROLES)}
KEY_PATTERN = re.compile(r"^nav_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$")
REALM = 'Bearer realm="navigator"'
# Writing last_used_at on every request would make each read a write; once a minute is precise enough.
LAST_USED_RESOLUTION = timedelta(minutes=1)


@dataclass(frozen=True)
class Principal:
    """Who is making a request: the key's name (as the audit trail records it) and its role."""

    name: str
    role: str


def hash_secret(secret: str, salt: str) -> str:
    """HMAC-SHA256 of the secret under a per-key salt.

    Keys carry 256 bits of randomness, so a slow password hash adds nothing against guessing; a fast keyed hash
    keeps every authenticated request cheap while a leaked table still reveals no usable key.
    """
    return hmac.new(bytes.fromhex(salt), secret.encode(), hashlib.sha256).hexdigest()


def generate_key() -> tuple[str, str, str]:
    """A new key `nav_<prefix>_<secret>` and its two parts."""
    prefix = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    return f"nav_{prefix}_{secret}", prefix, secret


def key_public(row: ApiKey) -> KeyPublic:
    """The listing view of a key."""
    return KeyPublic(
        name=row.name,
        role=row.role,
        prefix=row.prefix,
        created_at=as_utc(row.created_at),
        last_used_at=as_utc(row.last_used_at),
        revoked_at=as_utc(row.revoked_at),
    )


def create_key(*, session: Session, name: str, role: str, actor: Actor) -> KeyCreated:
    """Store a new key's salted hash and return the key itself, which is never stored; the audit trail notes it."""
    if role not in ROLE_RANK:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if session.exec(select(ApiKey.id).where(ApiKey.name == name)).first() is not None:
        raise Conflict(f"A key named '{name}' already exists (names stay taken after revocation).")
    key, prefix, secret = generate_key()
    salt = secrets.token_hex(16)
    row = ApiKey(
        name=name, role=role, prefix=prefix, salt=salt, secret_hash=hash_secret(secret, salt), created_at=utcnow()
    )
    session.add(row)
    session.flush()
    public = key_public(row)
    _record(session, actor, "create", name, None, public)
    return KeyCreated(**public.model_dump(), key=key)


def list_keys(*, session: Session) -> list[KeyPublic]:
    """Every key, revoked ones included, by name."""
    rows = session.exec(select(ApiKey).order_by(ApiKey.name))
    return [key_public(row) for row in rows]


def revoke_key(*, session: Session, name: str, actor: Actor) -> KeyPublic:
    """Revoke a key at once; it stays listed (and its name in the audit trail) but no longer authenticates."""
    row = session.exec(select(ApiKey).where(ApiKey.name == name)).first()
    if row is None:
        raise NotFound(f"There is no key named '{name}'.")
    if row.revoked_at is None:
        before = key_public(row)
        row.revoked_at = utcnow()
        session.add(row)
        session.flush()
        _record(session, actor, "revoke", name, before, key_public(row))
    return key_public(row)


def _record(session: Session, actor: Actor, action: str, name: str, before: KeyPublic | None, after: KeyPublic) -> None:
    record_event(
        session=session,
        actor=actor,
        action=action,
        entity_type="api_key",
        entity_slug=name,
        before=before.model_dump(mode="json") if before is not None else None,
        after=after.model_dump(mode="json"),
    )


def verify_key(*, session: Session, key: str) -> ApiKey | None:
    """The live key row matching a presented key, compared in constant time; None when it matches none."""
    match = KEY_PATTERN.match(key)
    if match is None:
        return None
    prefix, secret = match.groups()
    candidates = session.exec(select(ApiKey).where(ApiKey.prefix == prefix)).all()
    found: ApiKey | None = None
    for row in candidates:
        if hmac.compare_digest(hash_secret(secret, row.salt), row.secret_hash) and row.revoked_at is None:
            found = row
    return found


def authenticate(*, session: Session, key: str | None) -> Principal:
    """The principal of a presented key, or 401; records when the key was last used (to the minute).

    The caller owns the transaction; app.deps.require_role gives this a short one of its own, so last_used_at is
    kept even when the request itself fails and rolls back.
    """
    if key is None:
        raise Unauthorized(
            "This endpoint needs an API key: send `Authorization: Bearer <key>` (or `X-API-Key: <key>`).",
            headers={"WWW-Authenticate": REALM},
        )
    row = verify_key(session=session, key=key)
    if row is None:
        raise Unauthorized(
            "The API key is not valid, or has been revoked.",
            headers={"WWW-Authenticate": f'{REALM}, error="invalid_token"'},
        )
    now = utcnow()
    last_used = as_utc(row.last_used_at)
    if last_used is None or now - last_used >= LAST_USED_RESOLUTION:
        row.last_used_at = now
        session.add(row)
    return Principal(name=row.name, role=row.role)


def authorize(principal: Principal, role: Role) -> None:
    """403 unless the principal's role is this one or a higher one."""
    if ROLE_RANK.get(principal.role, -1) < ROLE_RANK[role]:
        raise Forbidden(f"The key '{principal.name}' has the role '{principal.role}'; this needs '{role}'.")
