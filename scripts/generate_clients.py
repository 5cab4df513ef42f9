"""Generate the partner clients from the OpenAPI document (`make client`): a typed Python package in
clients/python (openapi-python-client) and TypeScript declarations of the JSON shapes in app/widget/api.d.ts
(openapi-typescript, pinned in clients/typescript/package.json). Nothing in either is written by hand.

`--out DIR` writes into DIR instead (DIR/openapi.json, DIR/python, DIR/api.d.ts): the tests do that and diff.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
TYPESCRIPT = ROOT / "clients" / "typescript"
OPENAPI_TYPESCRIPT = TYPESCRIPT / "node_modules" / ".bin" / "openapi-typescript"


def document_text() -> str:
    """The API's OpenAPI document, as the server sends it, with keys sorted so the output is stable."""
    os.environ.setdefault("NAVIGATOR_WARM_START", "false")
    from app.main import create_app

    return json.dumps(create_app().openapi(), indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def python_client(document: Path, target: Path) -> None:
    """openapi-python-client into `target` (replaced whole)."""
    if target.exists():
        shutil.rmtree(target)
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}  # its ruff hooks
    subprocess.run(
        [
            str(BIN / "openapi-python-client"),
            "generate",
            "--path",
            str(document),
            "--output-path",
            str(target),
            "--meta",
            "setup",
            "--config",
            str(ROOT / "clients" / "python-config.yaml"),
        ],
        check=True,
        env=env,
        capture_output=True,
        text=True,
    )


def typescript_types(document: Path, target: Path) -> bool:
    """openapi-typescript into `target`; False when its pinned copy is not installed (npm ci in clients/typescript)."""
    if not OPENAPI_TYPESCRIPT.exists():
        return False
    subprocess.run(
        # A field with a default is optional to send: the request bodies must not demand it.
        [str(OPENAPI_TYPESCRIPT), str(document), "--output", str(target), "--default-non-nullable", "false"],
        check=True,
        capture_output=True,
        text=True,
    )
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write everything under this directory instead")
    args = parser.parse_args()
    out: Path | None = args.out
    document = (out or ROOT / "clients") / "openapi.json"
    document.parent.mkdir(parents=True, exist_ok=True)
    document.write_text(document_text(), encoding="utf-8")
    python_client(document, (out or ROOT / "clients") / "python")
    typed = typescript_types(document, out / "api.d.ts" if out else ROOT / "app" / "widget" / "api.d.ts")
    print(
        f"clients generated from {document}" + ("" if typed else " (TypeScript skipped: npm ci in clients/typescript)")
    )


if __name__ == "__main__":
    main()
