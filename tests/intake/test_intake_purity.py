"""app.intake stays pure: standard library, pydantic and app.matching only; no clock, no randomness."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "app" / "intake"
ALLOWED_THIRD_PARTY = {"pydantic"}
FORBIDDEN = {"fastapi", "sqlmodel", "sqlalchemy", "yaml", "app.models", "app.config", "app.services", "starlette"}
NONDETERMINISTIC = {"time", "datetime", "random", "secrets", "uuid"}


def _modules() -> list[Path]:
    paths = sorted(PACKAGE.rglob("*.py"))
    assert paths, f"no modules found under {PACKAGE}"
    return paths


def _imports(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level:
            assert node.module is not None
            found.append((node.lineno, node.module))
    return found


def _allowed(module: str) -> bool:
    top = module.split(".")[0]
    if module in ("app.intake", "app.matching") or module.startswith(("app.intake.", "app.matching.")):
        return True
    if top == "__future__" or top in ALLOWED_THIRD_PARTY:
        return True
    return top in sys.stdlib_module_names and top not in NONDETERMINISTIC


def test_every_module_imports_only_stdlib_pydantic_and_the_matcher() -> None:
    problems = []
    for path in _modules():
        for line, module in _imports(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if not _allowed(module):
                problems.append(f"{path.name}:{line} imports {module}")
    assert not problems, "app.intake must stay pure:\n" + "\n".join(problems)


def test_the_check_rejects_what_it_should() -> None:
    for module in [*FORBIDDEN, *NONDETERMINISTIC, "app.services.matching.intake", "app.routers.intake", "numpy"]:
        assert not _allowed(module), module
    for module in ("re", "collections.abc", "app.matching.text", "app.intake.spec", "pydantic"):
        assert _allowed(module), module


def test_no_dynamic_imports_and_one_line_docstrings() -> None:
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstring = ast.get_docstring(tree)
        assert docstring and "\n" not in docstring.strip(), f"{path.name}: one-line module docstring"
        for node in ast.walk(tree):
            assert not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "__import__")
            assert not (isinstance(node, ast.Attribute) and node.attr in ("import_module", "random"))
