"""Export the catalogue as curated files (the data/ format) and import such files: diff first, then all or nothing.

Export is deterministic (fixed key order, sorted entries, explicit nulls), so export → import into an empty
database → export gives the same bytes. Import validates the whole directory before writing anything, reports
the difference, and applies it in the caller's single transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sqlmodel import Session, select

from app.models.base import utcnow
from app.models.catalogue_tables import Offer, Provider
from app.services.catalogue.reads import offer_entry, provider_entry
from app.services.catalogue.taxonomy import Taxonomy
from app.services.editing.audit import Actor, record_event
from app.services.exchange.files import OFFERS_FILE, PROVIDERS_FILE, TAXONOMY_FILE, CatalogueDocument
from app.services.exchange.loader import load_catalogue, load_taxonomy_from_db
from app.services.store.state import bump_stamp, lock_for_write

HEADERS = {
    TAXONOMY_FILE: "# The public vocabulary, exported by `navigator export`. `navigator import` reads it back.\n",
    PROVIDERS_FILE: "# Providers, exported by `navigator export` (sorted by slug). `navigator import` reads it back.\n",
    OFFERS_FILE: "# Offers, exported by `navigator export` (by provider, then slug); `navigator import` reads it.\n",
}


# ---- export -----------------------------------------------------------------------------------------------------


def _yaml(data: Any) -> str:
    # Flow style for leaf collections ([a, b], {mode: rolling}) as in data/; no line folding, so diffs stay clean.
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=None, width=1_000_000)


def _entries_file(key: str, entries: list[dict[str, Any]]) -> str:
    """`key:` then one block per entry, a blank line between entries (as curators write them)."""
    if not entries:
        return f"{key}: []\n"
    blocks = ["".join(f"  {line}\n" for line in _yaml([entry]).splitlines()) for entry in entries]
    return f"{key}:\n" + "\n".join(blocks)


def taxonomy_document(taxonomy: Taxonomy) -> dict[str, Any]:
    """The taxonomy as taxonomy.yaml holds it (the inverse of taxonomy_from_document)."""

    def named(term: Any, default_source: str) -> dict[str, Any]:
        entry: dict[str, Any] = {"slug": term.slug, "name": term.name}
        if term.source != default_source:
            entry["source"] = term.source
        return entry

    needs = []
    for term in taxonomy.of("need"):
        if term.parent is None:
            children = [t for t in taxonomy.of("need") if t.parent == term.slug]
            needs.append(named(term, "support-table") | {"children": [named(c, "support-table") for c in children]})
    return {
        "version": taxonomy.version,
        "trls": [{"level": level, "name": name} for level, name in taxonomy.trl_levels],
        "stages": [
            {
                "number": s.number,
                "slug": s.slug,
                "name": s.name,
                "trl_min": s.trl_min,
                "trl_max": s.trl_max,
                "description": s.description,
            }
            for s in taxonomy.stages
        ],
        "needs": needs,
        "sectors": [named(t, "contract") for t in taxonomy.of("sector")],
        "organisation_types": [named(t, "contract") for t in taxonomy.of("organisation_type")],
        "locations": [{"slug": t.slug, "name": t.name, "parent": t.parent} for t in taxonomy.of("location")],
        "provider_kinds": [{"slug": t.slug, "name": t.name} for t in taxonomy.of("provider_kind")],
    }


def export_files(session: Session) -> dict[Path, str]:
    """The catalogue (withdrawn entries left out) as the three curated files, path -> text."""
    providers = {row.id: row for row in session.exec(select(Provider))}
    live_providers = sorted((row for row in providers.values() if row.withdrawn_at is None), key=lambda r: r.slug)
    offers = [
        offer_entry(row, providers[row.provider_id].slug)
        for row in session.exec(select(Offer))
        if row.withdrawn_at is None and providers[row.provider_id].withdrawn_at is None
    ]
    offers.sort(key=lambda entry: (entry.provider, entry.slug))
    return {
        TAXONOMY_FILE: HEADERS[TAXONOMY_FILE] + _yaml(taxonomy_document(load_taxonomy_from_db(session))),
        PROVIDERS_FILE: HEADERS[PROVIDERS_FILE]
        + _entries_file("providers", [provider_entry(row).model_dump(mode="json") for row in live_providers]),
        OFFERS_FILE: HEADERS[OFFERS_FILE]
        + _entries_file("offers", [entry.model_dump(mode="json") for entry in offers]),
    }


def write_export(session: Session, directory: Path) -> list[Path]:
    """Write the export under a directory (created if needed); return the files written."""
    written = []
    for relative, text in export_files(session).items():
        path = directory / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


# ---- import -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One entity the import would change: `create`, `update`, `restore`, `withdraw` or `missing` (kept)."""

    entity_type: str
    slug: str
    action: str
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None

    @property
    def changed_fields(self) -> list[str]:
        """The fields whose values differ."""
        before, after = self.before or {}, self.after or {}
        return [name for name in after if before.get(name) != after.get(name)]


@dataclass
class ImportPlan:
    """What importing a document would do, computed before anything is written."""

    document: CatalogueDocument
    withdraw_missing: bool
    changes: list[Change] = field(default_factory=list)
    unchanged: dict[str, int] = field(default_factory=lambda: {"provider": 0, "offer": 0})
    taxonomy_added: list[str] = field(default_factory=list)
    taxonomy_changed: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Whether the import would write nothing."""
        writes = [c for c in self.changes if c.action != "missing"]
        return not writes and not self.taxonomy_added and not self.taxonomy_changed

    def lines(self) -> list[str]:
        """The difference, one line per change, for a curator to read."""
        out = [f"taxonomy: + {vocabulary_slug}" for vocabulary_slug in self.taxonomy_added]
        out += [f"taxonomy: ~ {vocabulary_slug}" for vocabulary_slug in self.taxonomy_changed]
        symbols = {"create": "+", "update": "~", "restore": "↺", "withdraw": "-", "missing": "?"}
        for change in self.changes:
            line = f"{change.entity_type} {symbols[change.action]} {change.slug} ({change.action})"
            if change.action == "update":
                line += ": " + "; ".join(
                    f"{name}: {_short((change.before or {}).get(name))} -> {_short((change.after or {}).get(name))}"
                    for name in change.changed_fields
                )
            if change.action == "missing":
                line += ": not in the file; kept (use --withdraw-missing to withdraw it)"
            out.append(line)
        out.append(f"unchanged: {self.unchanged['provider']} provider(s), {self.unchanged['offer']} offer(s)")
        return out


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _term_key(term: Any) -> str:
    return f"{term.vocabulary} {term.slug}"


def plan_import(session: Session, document: CatalogueDocument, *, withdraw_missing: bool = False) -> ImportPlan:
    """Compare a validated document with the database."""
    plan = ImportPlan(document=document, withdraw_missing=withdraw_missing)
    stored_terms = {(t.vocabulary, t.slug): t for t in load_taxonomy_from_db(session).terms}
    for term in document.taxonomy.terms:
        stored = stored_terms.get((term.vocabulary, term.slug))
        if stored is None:
            plan.taxonomy_added.append(_term_key(term))
        elif (stored.name, stored.parent, dict(stored.attributes)) != (term.name, term.parent, dict(term.attributes)):
            plan.taxonomy_changed.append(_term_key(term))

    providers = {row.slug: row for row in session.exec(select(Provider))}
    by_id = {row.id: row for row in providers.values()}
    in_file = set()
    for entry in document.providers:
        in_file.add(entry.slug)
        _compare(plan, "provider", entry.slug, providers.get(entry.slug), entry.model_dump(mode="json"), provider_entry)
    offers = {row.slug: row for row in session.exec(select(Offer))}
    offers_in_file = set()
    for offer in document.offers:
        offers_in_file.add(offer.slug)
        after = offer.model_copy(update={"stages": sorted(offer.stages)}).model_dump(mode="json")
        _compare(
            plan,
            "offer",
            offer.slug,
            offers.get(offer.slug),
            after,
            lambda r: offer_entry(r, by_id[r.provider_id].slug),
        )
    action = "withdraw" if withdraw_missing else "missing"
    for slug, row in sorted(offers.items()):
        if slug not in offers_in_file and row.withdrawn_at is None:
            before = offer_entry(row, by_id[row.provider_id].slug).model_dump(mode="json")
            plan.changes.append(Change("offer", slug, action, before=before))
    for slug, provider in sorted(providers.items()):
        if slug not in in_file and provider.withdrawn_at is None:
            before = provider_entry(provider).model_dump(mode="json")
            plan.changes.append(Change("provider", slug, action, before=before))
    return plan


def _compare(plan: ImportPlan, entity_type: str, slug: str, row: Any, after: dict[str, Any], as_entry: Any) -> None:
    if row is None:
        plan.changes.append(Change(entity_type, slug, "create", after=after))
        return
    before = as_entry(row).model_dump(mode="json")
    if row.withdrawn_at is not None:
        plan.changes.append(Change(entity_type, slug, "restore", before=before, after=after))
    elif before != after:
        plan.changes.append(Change(entity_type, slug, "update", before=before, after=after))
    else:
        plan.unchanged[entity_type] += 1


def apply_import(session: Session, plan: ImportPlan, actor: Actor) -> None:
    """Apply a plan in the caller's transaction (the caller commits once, so it is all or nothing)."""
    lock_for_write(session)
    load_catalogue(session, plan.document)
    if plan.withdraw_missing:
        now = utcnow()
        withdrawn = {(c.entity_type, c.slug) for c in plan.changes if c.action == "withdraw"}
        rows: list[Offer | Provider] = [*session.exec(select(Offer)), *session.exec(select(Provider))]
        for row in rows:
            if (row.__tablename__, row.slug) in withdrawn:
                row.withdrawn_at = now
                row.version += 1
                row.updated_at = now
                session.add(row)
        session.flush()
        if withdrawn:
            bump_stamp(session)
    if plan.taxonomy_added or plan.taxonomy_changed:
        record_event(
            session=session,
            actor=actor,
            action="import",
            entity_type="taxonomy",
            entity_slug=plan.document.taxonomy.version,
            before=None,
            after={"added": plan.taxonomy_added, "changed": plan.taxonomy_changed},
        )
    for change in plan.changes:
        if change.action == "missing":
            continue
        record_event(
            session=session,
            actor=actor,
            action=f"import-{change.action}",
            entity_type=change.entity_type,  # type: ignore[arg-type]
            entity_slug=change.slug,
            before=change.before,
            after=change.after,
        )
