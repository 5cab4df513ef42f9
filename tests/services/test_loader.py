"""The loader: loads, reloads idempotently, and refuses bad data naming file, entry and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from app.models import Offer, Provider, TaxonomyTerm
from app.services.exchange.files import CatalogueFileError, read_catalogue
from app.services.exchange.loader import load_catalogue
from app.services.store.state import current_stamp
from tests.conftest import DATA_DIR, fixture_catalogue_dir, load_directory


def _counts(engine: Engine) -> tuple[int, int, int]:
    with Session(engine) as session:
        return (
            session.exec(select(func.count()).select_from(Provider)).one(),
            session.exec(select(func.count()).select_from(Offer)).one(),
            session.exec(select(func.count()).select_from(TaxonomyTerm)).one(),
        )


def test_loads_the_real_catalogue_and_reloads_idempotently(engine: Engine) -> None:
    document = read_catalogue(DATA_DIR)
    with Session(engine) as session:
        first = load_catalogue(session, document)
        session.commit()
        stamp = current_stamp(session)
    assert first.created["offers"] == len(document.offers)
    assert first.created["providers"] == len(document.providers)
    with Session(engine) as session:
        again = load_catalogue(session, document)
        session.commit()
        assert current_stamp(session) == stamp, "an unchanged reload must not change the version stamp"
    assert not again.changed
    assert again.unchanged["offers"] == len(document.offers)
    assert _counts(engine)[:2] == (len(document.providers), len(document.offers))


def test_reload_updates_a_changed_entry_and_bumps_version(engine: Engine, tmp_path: Path) -> None:
    directory = fixture_catalogue_dir(tmp_path)
    load_directory(engine, directory)
    with Session(engine) as session:
        stamp = current_stamp(session)
        before = session.exec(select(Offer).where(Offer.slug == "alpha-lab")).one()
    offers_file = directory / "catalogue" / "offers.yaml"
    offers_file.write_text(offers_file.read_text().replace("Alpha wet lab", "Alpha wet and dry lab"))
    with Session(engine) as session:
        report = load_catalogue(session, read_catalogue(directory))
        session.commit()
        after = session.exec(select(Offer).where(Offer.slug == "alpha-lab")).one()
        assert current_stamp(session) != stamp
    assert report.updated["offers"] == 1
    assert report.unchanged["offers"] == 6
    assert after.name == "Alpha wet and dry lab"
    assert after.version == before.version + 1
    assert after.created_at == before.created_at


def _mutate(directory: Path, file: str, index: int, change: dict[str, Any]) -> None:
    path = directory / "catalogue" / file
    document = yaml.safe_load(path.read_text())
    key = "offers" if file == "offers.yaml" else "providers"
    document[key][index].update(change)
    path.write_text(yaml.safe_dump(document, sort_keys=False))


BAD_ENTRIES = [
    (
        "offers.yaml",
        0,
        {"needs": ["lab-spaces"]},
        "offers[0] (slug 'alpha-lab'): field 'needs': Unknown need 'lab-spaces'",
    ),
    (
        "offers.yaml",
        1,
        {"provider": "nobody"},
        "offers[1] (slug 'alpha-trials'): field 'provider': unknown provider 'nobody'",
    ),
    ("offers.yaml", 2, {"stages": [4, 8]}, "offers[2] (slug 'beta-regulatory'): field 'stages[1]'"),
    (
        "offers.yaml",
        3,
        {"slug": "alpha-lab"},
        "offers[3] (slug 'alpha-lab'): field 'slug': 'alpha-lab' is used by an earlier offer",
    ),
    (
        "offers.yaml",
        4,
        {"colour": "blue"},
        "offers[4] (slug 'gamma-seed'): field 'colour': Extra inputs are not permitted",
    ),
    ("offers.yaml", 0, {"sectors": ["robotics"]}, "field 'sectors': Unknown sector 'robotics'. Valid values: medtech"),
    ("offers.yaml", 0, {"locations": ["mars"]}, "field 'locations': Unknown location 'mars'"),
    (
        "offers.yaml",
        0,
        {"organisation_types": ["club"]},
        "field 'organisation_types': Unknown organisation type 'club'",
    ),
    (
        "offers.yaml",
        0,
        {"trl_min": 7, "trl_max": 3},
        "offers[0] (slug 'alpha-lab'): field 'body': Value error, trl_min must not exceed trl_max",
    ),
    ("offers.yaml", 0, {"cost": "cheap"}, "field 'cost': Input should be 'free', 'paid', 'equity' or 'varies'"),
    ("offers.yaml", 0, {"url": "not a url"}, "field 'url': String should match pattern"),
    ("offers.yaml", 0, {"provenance": {"source": "", "passage": "x"}}, "field 'provenance.source'"),
    (
        "providers.yaml",
        0,
        {"kind": "castle"},
        "providers[0] (slug 'alpha-university'): field 'kind': Unknown provider kind 'castle'",
    ),
    ("providers.yaml", 1, {"base_location": "atlantis"}, "field 'base_location': Unknown location 'atlantis'"),
    (
        "providers.yaml",
        2,
        {"slug": "Gamma Fund"},
        "providers[2] (slug 'Gamma Fund'): field 'slug': String should match pattern",
    ),
]


@pytest.mark.parametrize(("file", "index", "change", "message"), BAD_ENTRIES, ids=[m[3][:50] for m in BAD_ENTRIES])
def test_refuses_bad_entries_precisely_and_loads_nothing(
    engine: Engine, tmp_path: Path, file: str, index: int, change: dict[str, Any], message: str
) -> None:
    directory = fixture_catalogue_dir(tmp_path)
    _mutate(directory, file, index, change)
    with pytest.raises(CatalogueFileError) as caught:
        read_catalogue(directory)
    problems = "\n".join(caught.value.problems)
    assert f"catalogue/{file}" in problems
    assert message in problems
    assert _counts(engine) == (0, 0, 0)


def test_refuses_invalid_yaml_with_its_line(tmp_path: Path) -> None:
    directory = fixture_catalogue_dir(tmp_path)
    (directory / "catalogue" / "offers.yaml").write_text("offers:\n  - slug: a\n    name: [unclosed\n")
    with pytest.raises(CatalogueFileError, match=r"offers.yaml: line \d+, column \d+: not valid YAML"):
        read_catalogue(directory)


def test_refuses_a_missing_file_and_a_wrong_top_level(tmp_path: Path) -> None:
    directory = fixture_catalogue_dir(tmp_path)
    (directory / "catalogue" / "providers.yaml").write_text("offers: []\n")
    (directory / "catalogue" / "offers.yaml").unlink()
    with pytest.raises(CatalogueFileError) as caught:
        read_catalogue(directory)
    problems = "\n".join(caught.value.problems)
    assert "offers.yaml: file not found" in problems


def test_refuses_a_bad_taxonomy(tmp_path: Path) -> None:
    directory = fixture_catalogue_dir(tmp_path)
    taxonomy = yaml.safe_load((directory / "taxonomy.yaml").read_text())
    taxonomy["locations"][3]["parent"] = "narnia"
    taxonomy["stages"][0]["trl_min"] = 5
    (directory / "taxonomy.yaml").write_text(yaml.safe_dump(taxonomy))
    with pytest.raises(CatalogueFileError) as caught:
        read_catalogue(directory)
    problems = "\n".join(caught.value.problems)
    assert "location 'leeds': unknown parent 'narnia'" in problems
    assert "stage 1: trl_min 5 exceeds trl_max 2" in problems


def test_derived_trl_band_follows_the_stages(engine: Engine, tmp_path: Path) -> None:
    load_directory(engine, fixture_catalogue_dir(tmp_path))
    with Session(engine) as session:
        lab = session.exec(select(Offer).where(Offer.slug == "alpha-lab")).one()
        soon = session.exec(select(Offer).where(Offer.slug == "gamma-soon")).one()
    assert (lab.trl_min, lab.trl_max, lab.trl_from_stages) == (2, 5, True)
    assert (soon.trl_min, soon.trl_max, soon.trl_from_stages) == (8, 9, False)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "summary: Wet and dry lab space for early prototypes.",
            "summary: Wet labs, listed in the support table under work space.",
            "offers[0] (slug 'alpha-lab'): field 'summary': rule 'source-talk'",
        ),
        (
            "    url: https://example.org/alpha-lab\n",
            "",
            "offers[0] (slug 'alpha-lab'): field 'url': rule 'no-next-step'",
        ),
        (
            "url: https://example.org/alpha-lab\n",
            "url: https://guessed.example.com/lab\n",
            "offers[0] (slug 'alpha-lab'): field 'url': rule 'unsupported-address'",
        ),
        (
            "curator_judgement: [provider, kind, needs, stages, cost, status, application, contact_route]",
            "curator_judgement: [provider, kind, needs, stages, status, application, contact_route]",
            "offers[0] (slug 'alpha-lab'): field 'cost': rule 'unstated-field'",
        ),
    ],
)
def test_load_and_import_refuse_lint_problems_naming_entry_field_and_rule(
    engine: Engine, tmp_path: Path, old: str, new: str, expected: str
) -> None:
    directory = fixture_catalogue_dir(tmp_path)
    offers_file = directory / "catalogue" / "offers.yaml"
    text = offers_file.read_text()
    assert old in text
    offers_file.write_text(text.replace(old, new, 1))
    with pytest.raises(CatalogueFileError) as refused:
        read_catalogue(directory)
    assert any(problem.startswith(str(offers_file) + ": " + expected) for problem in refused.value.problems), (
        refused.value.problems
    )
    assert _counts(engine) == (0, 0, 0), "nothing is loaded"


def test_a_long_summary_in_the_files_is_refused(tmp_path: Path) -> None:
    directory = fixture_catalogue_dir(tmp_path)
    offers_file = directory / "catalogue" / "offers.yaml"
    offers_file.write_text(
        offers_file.read_text().replace("summary: Wet and dry lab space for early prototypes.", "summary: " + "x" * 250)
    )
    with pytest.raises(CatalogueFileError) as refused:
        read_catalogue(directory)
    assert any("field 'summary': rule 'summary-too-long': 250 characters" in p for p in refused.value.problems)


def test_provider_curator_judgement_and_cited_pages_survive_a_load(engine: Engine) -> None:
    document = read_catalogue(DATA_DIR)
    with Session(engine) as session:
        load_catalogue(session, document)
        session.commit()
        kpmg = session.exec(select(Provider).where(Provider.slug == "kpmg")).one()
        mics = session.exec(select(Offer).where(Offer.slug == "nihr-medtech-ivd-cooperatives")).one()
    assert kpmg.curator_judgement == next(p for p in document.providers if p.slug == "kpmg").curator_judgement
    assert mics.status == "closed"
    assert mics.provenance["pages"][0]["url"].startswith("https://htn.co.uk/")
    assert mics.provenance["pages"][0]["dated"] == "2023-11-15"
