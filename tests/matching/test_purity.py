"""app.matching stays pure: standard library and numpy only, no clock, no randomness."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "app" / "matching"
ALLOWED_THIRD_PARTY = {"numpy"}
FORBIDDEN = {"fastapi", "sqlmodel", "sqlalchemy", "pydantic", "yaml", "app.models", "app.config", "starlette"}
# Sources of nondeterminism: the engine must give the same answer for the same input, always.
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
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                continue  # relative import: inside the package
            assert node.module is not None
            found.append((node.lineno, node.module))
    return found


def _allowed(module: str) -> bool:
    top = module.split(".")[0]
    if module == "app.matching" or module.startswith("app.matching."):
        return True
    if top == "__future__" or top in ALLOWED_THIRD_PARTY:
        return True
    return top in sys.stdlib_module_names and top not in NONDETERMINISTIC


def test_every_module_imports_only_stdlib_numpy_and_itself() -> None:
    problems = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, module in _imports(tree):
            if not _allowed(module):
                problems.append(f"{path.name}:{line} imports {module}")
    assert not problems, "app.matching must stay pure:\n" + "\n".join(problems)


def test_explicitly_forbidden_modules_are_rejected_by_the_check() -> None:
    for module in [*FORBIDDEN, *NONDETERMINISTIC, "app.services.catalogue.offers", "numpy_financial"]:
        assert not _allowed(module), module
    for module in ("numpy.typing", "collections.abc", "app.matching.text", "__future__"):
        assert _allowed(module), module


def test_no_numpy_random_or_dynamic_imports() -> None:
    problems = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "random":
                problems.append(f"{path.name}:{node.lineno} uses .random")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "__import__":
                problems.append(f"{path.name}:{node.lineno} calls __import__")
            if isinstance(node, ast.Attribute) and node.attr == "import_module":
                problems.append(f"{path.name}:{node.lineno} calls import_module")
    assert not problems, "\n".join(problems)


def test_every_module_opens_with_a_one_line_docstring() -> None:
    for path in _modules():
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        assert docstring, f"{path.name} has no module docstring"
        assert "\n" not in docstring.strip(), f"{path.name}: module docstring should be one line"
