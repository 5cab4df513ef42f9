"""House rules of docs/architecture.md that a reader can check mechanically: no module of app/ over 400 lines, no
function over 60 (a long one is a sign two concepts share a home)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "app"
MODULE_LINES = 400
FUNCTION_LINES = 60
SOURCES = sorted(APP.rglob("*.py"))


def test_the_rules_see_the_whole_package() -> None:
    assert len(SOURCES) > 50 and APP / "main.py" in SOURCES


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(APP.parent)))
def test_modules_and_functions_stay_short(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    too_long = []
    if source.count("\n") > MODULE_LINES:
        too_long.append(f"the module has {source.count(chr(10))} lines (at most {MODULE_LINES})")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            lines = (node.end_lineno or node.lineno) - node.lineno + 1
            if lines > FUNCTION_LINES:
                too_long.append(f"{node.name} (line {node.lineno}) has {lines} lines (at most {FUNCTION_LINES})")
    assert not too_long, "; ".join(too_long)
