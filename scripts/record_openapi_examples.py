"""Record the OpenAPI document's response examples from real answers over the curated catalogue (`make examples`).

Each operation is called once on a scratch SQLite database loaded from data/; long lists are cut to two items.
The answers go to app/openapi_examples.json, which app.openapi puts into the document; a test checks every
example against its response schema, so an example can never describe a shape the API no longer has.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "app" / "openapi_examples.json"
sys.path.insert(0, str(ROOT))


def trimmed(value: Any, keep: int = 2) -> Any:
    """The value with every list cut to `keep` items (examples show the shape, not the whole catalogue)."""
    if isinstance(value, list):
        return [trimmed(item, keep) for item in value[:keep]]
    if isinstance(value, dict):
        return {key: trimmed(item, keep) for key, item in value.items()}
    return value


def record() -> dict[str, Any]:
    """Call every operation and collect its JSON answer by `METHOD /path template`."""
    workdir = Path(tempfile.mkdtemp(prefix="navigator-examples-"))
    os.environ["NAVIGATOR_DATABASE_URL"] = f"sqlite:///{workdir / 'examples.db'}"
    os.environ["NAVIGATOR_RATE_LIMIT_ENABLED"] = "false"
    os.environ["NAVIGATOR_DEMAND_RECORDING"] = "false"
    os.environ["NAVIGATOR_WARM_START"] = "false"
    from fastapi.testclient import TestClient
    from sqlmodel import Session

    from app.db import get_engine
    from app.main import create_app
    from app.models.intake import EXAMPLE_INTAKE
    from app.services.editing.audit import Actor
    from app.services.editing.auth import create_key
    from app.services.exchange.files import read_catalogue
    from app.services.exchange.loader import load_catalogue
    from app.services.store.migrations import upgrade_database

    upgrade_database()
    with Session(get_engine()) as session:
        load_catalogue(session, read_catalogue(ROOT / "data"))
        key = create_key(session=session, name="examples", role="admin", actor=Actor("examples")).key
        session.commit()
    auth = {"Authorization": f"Bearer {key}"}
    examples: dict[str, Any] = {}
    with TestClient(create_app()) as client:

        def take(method: str, template: str, url: str, **kwargs: Any) -> Any:
            response = client.request(method, url, **kwargs)
            assert response.status_code < 300, (method, url, response.status_code, response.text[:500])
            body = response.json()
            examples[f"{method} {template}"] = trimmed(body)
            return body

        profile = {"stage": 5, "needs": ["regulatory-advice"], "sector": "digital-health", "location": "leeds"}
        take("GET", "/", "/")
        take("GET", "/healthz", "/healthz")
        take("GET", "/readyz", "/readyz")
        take("POST", "/v1/match", "/v1/match", json=profile)
        take("GET", "/v1/match", "/v1/match", params={**profile, "explain": "full"})
        take("POST", "/v1/pathway", "/v1/pathway", json={"stage": 3, "needs": ["seed-investment"]})
        take("GET", "/v1/pathway", "/v1/pathway", params={"stage": 3, "needs": "seed-investment"})
        take("GET", "/v1/intake", "/v1/intake")
        take("POST", "/v1/intake", "/v1/intake", json=EXAMPLE_INTAKE)
        offers = take("GET", "/v1/offers", "/v1/offers", params={"need": "professional-advice", "limit": 2})
        take("GET", "/v1/offers/facets", "/v1/offers/facets", params={"location": "leeds"})
        offer = offers["items"][0]["slug"]
        take("GET", "/v1/offers/{slug}", f"/v1/offers/{offer}")
        providers = take("GET", "/v1/providers", "/v1/providers", params={"limit": 2})
        provider = providers["items"][0]["slug"]
        take("GET", "/v1/providers/{slug}", f"/v1/providers/{provider}")
        for vocabulary in ("stages", "needs", "sectors", "organisation-types", "provider-kinds", "locations"):
            take("GET", f"/v1/{vocabulary}", f"/v1/{vocabulary}")
        take("GET", "/v1/insights/coverage", "/v1/insights/coverage", params={"sector": "digital-health"})
        take("GET", "/v1/insights/demand", "/v1/insights/demand")
        take("GET", "/hsds/", "/hsds/")
        services = take("GET", "/hsds/services", "/hsds/services", params={"per_page": 2})
        take("GET", "/hsds/services/{id}", f"/hsds/services/{services['contents'][0]['id']}")
        links = take("GET", "/hsds/service_at_locations", "/hsds/service_at_locations", params={"per_page": 2})
        take("GET", "/hsds/service_at_locations/{id}", f"/hsds/service_at_locations/{links['contents'][0]['id']}")
        organizations = take("GET", "/hsds/organizations", "/hsds/organizations", params={"per_page": 2})
        take("GET", "/hsds/organizations/{id}", f"/hsds/organizations/{organizations['contents'][0]['id']}")
        taxonomies = take("GET", "/hsds/taxonomies", "/hsds/taxonomies", params={"per_page": 2})
        take("GET", "/hsds/taxonomies/{id}", f"/hsds/taxonomies/{taxonomies['contents'][0]['id']}")
        terms = take("GET", "/hsds/taxonomy_terms", "/hsds/taxonomy_terms", params={"per_page": 2})
        take("GET", "/hsds/taxonomy_terms/{id}", f"/hsds/taxonomy_terms/{terms['contents'][0]['id']}")

        # Curators' writes, on the scratch database: a new offer and provider through their whole life.
        record_ = take("GET", "/v1/admin/offers/{slug}", f"/v1/admin/offers/{offer}", headers=auth)
        entry = {**record_["entry"], "slug": "example-regulatory-clinic", "name": "Example regulatory clinic"}
        entry.pop("id", None)
        created = client.post("/v1/admin/offers", json=entry, headers=auth)
        assert created.status_code == 201, created.text
        examples["POST /v1/admin/offers"] = trimmed(created.json())
        slug = "example-regulatory-clinic"
        etag = {"If-Match": "*"}
        take("PUT", "/v1/admin/offers/{slug}", f"/v1/admin/offers/{slug}", json=entry, headers={**auth, **etag})
        take(
            "PATCH",
            "/v1/admin/offers/{slug}",
            f"/v1/admin/offers/{slug}",
            json={"cost": "free"},
            headers={**auth, **etag},
        )
        take(
            "POST",
            "/v1/admin/offers/{slug}/verify",
            f"/v1/admin/offers/{slug}/verify",
            json={},
            headers={**auth, **etag},
        )
        take("DELETE", "/v1/admin/offers/{slug}", f"/v1/admin/offers/{slug}", headers={**auth, **etag})
        take("POST", "/v1/admin/offers/{slug}/restore", f"/v1/admin/offers/{slug}/restore", headers={**auth, **etag})
        prov = take("GET", "/v1/admin/providers/{slug}", f"/v1/admin/providers/{provider}", headers=auth)
        pentry = {**prov["entry"], "slug": "example-advisers", "name": "Example advisers"}
        made = client.post("/v1/admin/providers", json=pentry, headers=auth)
        assert made.status_code == 201, made.text
        examples["POST /v1/admin/providers"] = trimmed(made.json())
        pslug = "example-advisers"
        take("PUT", "/v1/admin/providers/{slug}", f"/v1/admin/providers/{pslug}", json=pentry, headers={**auth, **etag})
        take(
            "PATCH",
            "/v1/admin/providers/{slug}",
            f"/v1/admin/providers/{pslug}",
            json={"website": None},
            headers={**auth, **etag},
        )
        take("DELETE", "/v1/admin/providers/{slug}", f"/v1/admin/providers/{pslug}", headers={**auth, **etag})
        take(
            "POST",
            "/v1/admin/providers/{slug}/restore",
            f"/v1/admin/providers/{pslug}/restore",
            headers={**auth, **etag},
        )
        need = {
            "slug": "software-as-a-medical-device",
            "name": "Software as a medical device",
            "parent": "professional-advice",
        }
        added = client.post("/v1/admin/needs", json=need, headers=auth)
        assert added.status_code == 201, added.text
        examples["POST /v1/admin/needs"] = trimmed(added.json())
        key_made = client.post("/v1/admin/keys", json={"name": "lahp-curator", "role": "editor"}, headers=auth)
        assert key_made.status_code == 201, key_made.text
        examples["POST /v1/admin/keys"] = {**key_made.json(), "key": "nav_0123456789ab_" + "x" * 43}
        take("GET", "/v1/admin/keys", "/v1/admin/keys", headers=auth)
        take("DELETE", "/v1/admin/keys/{name}", "/v1/admin/keys/lahp-curator", headers=auth)
        take("GET", "/v1/admin/audit", "/v1/admin/audit", params={"limit": 2}, headers=auth)
    return examples


def main() -> None:
    examples = record()
    OUTPUT.write_text(json.dumps(examples, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(examples)} examples written to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
