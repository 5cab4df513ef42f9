"""Curated YAML files: anchors, aliases and deep nesting refused quickly, by every reader, with nothing written."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
import yaml
from sqlalchemy import text
from sqlalchemy.engine import Engine

from app.config import PROJECT_ROOT
from app.services.exchange.curated_yaml import CuratedYamlError, read_curated_yaml
from app.services.exchange.files import CatalogueFileError, read_catalogue
from app.services.matching.match import load_rules
from tests.conftest import fixture_catalogue_dir
from tests.serving import NAVIGATOR

# A billion-laughs chain inside one entry: ten levels of ten aliases each (10**10 strings once expanded).
BOMB = "\n".join(
    ["    bomb0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"    bomb{i}: &b{i} [" + ", ".join([f"*b{i - 1}"] * 10) + "]" for i in range(1, 10)]
)


def _bombed(directory: Path) -> Path:
    """The fixture catalogue with the alias chain inside the first offer (after its provenance line)."""
    offers = directory / "catalogue" / "offers.yaml"
    lines = offers.read_text().split("\n")
    first_provenance = next(i for i, line in enumerate(lines) if line.startswith("    provenance: {"))
    lines.insert(first_provenance + 1, BOMB)
    offers.write_text("\n".join(lines))
    return offers


def test_every_curated_file_in_data_reads_as_plain_yaml_does() -> None:
    files = sorted((PROJECT_ROOT / "data").rglob("*.yaml"))
    assert len(files) >= 4
    for path in files:
        assert read_curated_yaml(path) == yaml.safe_load(path.read_text(encoding="utf-8")), path


@pytest.mark.parametrize(
    ("content", "refused"),
    [
        ("a: &x [1, 2]\nb: 3\n", "anchors (&x) are not allowed"),
        ("a: [1, 2]\nb: *x\n", "aliases (*x) are not allowed"),
        ("base: &base {cost: free}\noffer:\n  <<: *base\n", "anchors (&base) are not allowed"),
        ("a: " + "[" * 5000 + "]" * 5000 + "\n", "nested more than 64 levels deep"),
    ],
)
def test_refused_features_are_named_with_their_line(tmp_path: Path, content: str, refused: str) -> None:
    path = tmp_path / "refused.yaml"
    path.write_text(content)
    with pytest.raises(CuratedYamlError) as caught:
        read_curated_yaml(path)
    assert refused in str(caught.value.problem)
    assert caught.value.problem_mark is not None


def test_the_rules_reader_refuses_aliases_too(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text((PROJECT_ROOT / "data" / "rules.yaml").read_text() + "\nextra: &loop [1]\nagain: *loop\n")
    with pytest.raises(CuratedYamlError):
        load_rules(path)


def test_the_catalogue_reader_names_the_file_line_and_feature(tmp_path: Path) -> None:
    offers = _bombed(fixture_catalogue_dir(tmp_path))
    started = time.monotonic()
    with pytest.raises(CatalogueFileError) as caught:
        read_catalogue(offers.parent.parent)
    assert time.monotonic() - started < 5.0  # the figure of the issue; the bomb never finished before
    [problem] = caught.value.problems
    assert problem.startswith(f"{offers}: line ")
    assert "anchors (&b0) are not allowed in curated files" in problem


def _state(engine: Engine) -> tuple[int, str]:
    with engine.connect() as connection:
        offers = connection.execute(text("SELECT count(*) FROM offer")).scalar_one()
        stamp = connection.execute(text("SELECT stamp FROM catalogue_state WHERE id = 1")).scalar_one()
    return int(offers), str(stamp)


@pytest.mark.slow
@pytest.mark.parametrize("command", ["import", "load"])
def test_navigator_import_and_load_refuse_an_alias_bomb_and_write_nothing(
    fixture_db: Engine, tmp_path: Path, command: str
) -> None:
    offers = _bombed(fixture_catalogue_dir(tmp_path))
    before = _state(fixture_db)
    environment = {**os.environ, "NAVIGATOR_DATABASE_URL": fixture_db.url.render_as_string(hide_password=False)}
    # The timeout is the hang guard: before the fix the command never finished.
    result = subprocess.run(
        [str(NAVIGATOR), command, str(offers.parent.parent)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "anchors (&b0) are not allowed in curated files" in result.stderr
    assert "nothing was" in result.stderr
    assert _state(fixture_db) == before
