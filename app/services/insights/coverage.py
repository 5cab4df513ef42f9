"""The coverage matrix: active offers per pathway stage and top-level need, its thin cells, and a heatmap."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from app.models.catalogue import OfferPublic
from app.models.insights import CoverageAxis, CoverageCell, CoverageReport
from app.services.store.snapshot import CatalogueSnapshot

THIN_CELL = 1


def _serves(restriction: Sequence[str], wanted: set[str]) -> bool:
    return not wanted or not restriction or bool(set(restriction) & wanted)


def coverage_offers(
    snapshot: CatalogueSnapshot, *, sectors: Sequence[str], locations: Sequence[str]
) -> list[OfferPublic]:
    """Active offers serving the sectors and innovator locations (both optional, as in GET /v1/offers)."""
    taxonomy = snapshot.taxonomy
    wanted_sectors = set(sectors)
    wanted_locations = set().union(*(taxonomy.location_chain(loc) for loc in locations)) if locations else set()
    return [
        offer
        for offer in snapshot.offers
        if offer.status == "active"
        and _serves(offer.sectors, wanted_sectors)
        and _serves(offer.locations, wanted_locations)
    ]


def top_need_of(snapshot: CatalogueSnapshot) -> dict[str, str]:
    """Every need slug -> its top-level need."""
    top: dict[str, str] = {}
    for term in snapshot.taxonomy.of("need"):
        if term.parent is None:
            for member in snapshot.taxonomy.need_family(term.slug):
                top[member] = term.slug
    return top


def coverage_report(
    snapshot: CatalogueSnapshot, *, sectors: Sequence[str] = (), locations: Sequence[str] = (), thin: int = THIN_CELL
) -> CoverageReport:
    """Count active offers per stage and top-level need (an offer tagged with a child need counts for its parent)."""
    taxonomy = snapshot.taxonomy
    offers = coverage_offers(snapshot, sectors=sectors, locations=locations)
    top = top_need_of(snapshot)
    stage_terms = taxonomy.stages
    need_terms = [t for t in taxonomy.of("need") if t.parent is None]
    slugs: dict[tuple[int, str], list[str]] = {}
    for offer in offers:
        offer_needs = {top.get(need, need) for need in offer.needs}
        for stage in offer.stages:
            for need in offer_needs:
                slugs.setdefault((stage, need), []).append(offer.slug)
    cells: list[CoverageCell] = []
    matrix: list[list[int]] = []
    for stage_term in stage_terms:
        number = stage_term.number
        row: list[int] = []
        for need_term in need_terms:
            members = sorted(slugs.get((number, need_term.slug), []))
            row.append(len(members))
            cells.append(
                CoverageCell(
                    stage=number,
                    stage_name=stage_term.name,
                    need=need_term.slug,
                    need_name=need_term.name,
                    count=len(members),
                    offers=members,
                )
            )
        matrix.append(row)
    gaps = sorted((c for c in cells if c.count <= thin), key=lambda c: (c.count, c.stage, c.need))
    return CoverageReport(
        catalogue_version=snapshot.stamp,
        sector=list(sectors),
        location=list(locations),
        offer_count=len(offers),
        thin_threshold=thin,
        stages=[CoverageAxis(key=str(t.number), slug=t.slug, name=t.name) for t in stage_terms],
        needs=[CoverageAxis(key=t.slug, slug=t.slug, name=t.name) for t in need_terms],
        matrix=matrix,
        cells=cells,
        gaps=gaps,
    )


COVERAGE_COLUMNS = ("stage", "stage_name", "need", "need_name", "count", "gap", "offers")


def coverage_rows(report: CoverageReport) -> list[dict[str, object]]:
    """One spreadsheet row per cell, gaps flagged."""
    return [{**cell.model_dump(), "gap": cell.count <= report.thin_threshold} for cell in report.cells]


# ---- the heatmap ------------------------------------------------------------------------------------------

# (lowest count, fill, text colour): every text colour has at least 4.5:1 contrast on its fill (WCAG AA).
HEAT_STEPS = (
    (0, "#fde0dd", "#1a1a1a", "none"),
    (1, "#deebf7", "#1a1a1a", "1"),
    (2, "#9ecae1", "#1a1a1a", "2"),
    (3, "#2171b5", "#ffffff", "3-4"),
    (5, "#08306b", "#ffffff", "5 or more"),
)
CELL_W, CELL_H = 84, 40
LEFT, TOP = 290, 270


def _step(count: int) -> tuple[int, str, str, str]:
    chosen = HEAT_STEPS[0]
    for step in HEAT_STEPS:
        if count >= step[0]:
            chosen = step
    return chosen


def _svg_grid(report: CoverageReport) -> list[str]:
    """The need headings, the stage headings and one labelled cell per stage x need."""
    parts: list[str] = []
    for j, need in enumerate(report.needs):
        x = LEFT + j * CELL_W + CELL_W / 2
        parts.append(
            f'<text x="{x:.0f}" y="{TOP - 8}" font-size="12" fill="#1a1a1a" transform="rotate(-40 {x:.0f} {TOP - 8})">'
            f"{escape(need.name)}</text>"
        )
    for i, stage in enumerate(report.stages):
        y = TOP + i * CELL_H
        parts.append(
            f'<text x="{LEFT - 10}" y="{y + CELL_H / 2 + 4:.0f}" font-size="12" text-anchor="end" fill="#1a1a1a">'
            f"{escape(stage.key)}. {escape(stage.name)}</text>"
        )
        for j, need in enumerate(report.needs):
            count = report.matrix[i][j]
            _, fill, ink, _ = _step(count)
            x = LEFT + j * CELL_W
            thin = count <= report.thin_threshold
            outline = 'stroke="#b2182b" stroke-width="2" stroke-dasharray="5 3"' if thin else 'stroke="#ffffff"'
            label = f"Stage {stage.key} {stage.name}, {need.name}: {count} offer{'s' if count != 1 else ''}"
            parts.append(
                f"<g><title>{escape(label)}</title>"
                f'<rect x="{x + 1}" y="{y + 1}" width="{CELL_W - 2}" height="{CELL_H - 2}" fill="{fill}" {outline}/>'
                f'<text x="{x + CELL_W / 2:.0f}" y="{y + CELL_H / 2 + 5:.0f}" font-size="14" text-anchor="middle" '
                f'fill="{ink}">{count}</text></g>'
            )
    return parts


def _svg_legend(report: CoverageReport) -> list[str]:
    """The colour steps and the gap outline, explained."""
    parts: list[str] = []
    legend_y = TOP + CELL_H * len(report.stages) + 30
    parts.append(f'<text x="12" y="{legend_y + 14}" font-size="12" fill="#1a1a1a">Offers per cell:</text>')
    for k, (_, fill, _ink, words) in enumerate(HEAT_STEPS):
        x = 120 + k * 110
        parts.append(f'<rect x="{x}" y="{legend_y}" width="22" height="20" fill="{fill}" stroke="#767676"/>')
        parts.append(f'<text x="{x + 28}" y="{legend_y + 14}" font-size="12" fill="#1a1a1a">{escape(words)}</text>')
    parts.append(
        f'<rect x="12" y="{legend_y + 32}" width="22" height="16" fill="#ffffff" stroke="#b2182b" stroke-width="2" '
        'stroke-dasharray="5 3"/>'
        f'<text x="40" y="{legend_y + 45}" font-size="12" fill="#1a1a1a">'
        f"gap: {report.thin_threshold} offer or fewer</text>"
    )
    return parts


def coverage_svg(report: CoverageReport) -> str:
    """An accessible SVG heatmap of the matrix: title, description, labelled cells, gaps outlined."""
    width = LEFT + CELL_W * len(report.needs) + 260
    height = TOP + CELL_H * len(report.stages) + 90
    filters = []
    if report.sector:
        filters.append("sector " + ", ".join(report.sector))
    if report.location:
        filters.append("innovator location " + ", ".join(report.location))
    scope = f" for {'; '.join(filters)}" if filters else ""
    title = f"Support coverage by pathway stage and need{scope}"
    gap_text = "; ".join(f"stage {c.stage} {c.need_name}: {c.count}" for c in report.gaps) or "none"
    desc = (
        f"Heatmap of {report.offer_count} active offers{scope}. Rows are the {len(report.stages)} pathway stages, "
        f"columns the {len(report.needs)} support needs; each cell gives the number of offers. "
        f"Cells with {report.thin_threshold} offer or fewer are gaps, outlined with a dashed border. Gaps: {gap_text}."
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'role="img" aria-labelledby="coverage-title coverage-desc" font-family="Arial, Helvetica, sans-serif">',
        f'<title id="coverage-title">{escape(title)}</title>',
        f'<desc id="coverage-desc">{escape(desc)}</desc>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="12" y="26" font-size="18" font-weight="bold" fill="#1a1a1a">{escape(title)}</text>',
        f'<text x="12" y="46" font-size="12" fill="#333333">{report.offer_count} active offers; catalogue '
        f"{escape(report.catalogue_version)}</text>",
    ]
    parts += _svg_grid(report)
    parts += _svg_legend(report)
    parts.append("</svg>")
    return "\n".join(parts)
