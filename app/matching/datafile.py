"""Checks shared by the reviewed data files (rules, synonyms, intake): a section holds only its keys; the version."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def section(
    file: str, value: object, path: str, keys: Sequence[str], *, required: Sequence[str] | None = None
) -> Mapping[str, object]:
    """`value` as a mapping holding only `keys`, and every `required` key (None: all of them); else ValueError
    naming the file, the section and the key.

    `path` is the section's dotted place in the file ("" for the top level).
    """
    where = f"'{path}'" if path else "the top level"
    if not isinstance(value, Mapping):
        raise ValueError(f"{file}: {where} must be a mapping with keys {', '.join(keys)}")
    prefix = f"{path}." if path else ""
    for key in value:
        if key not in keys:
            raise ValueError(f"{file}: unknown key '{prefix}{key}'; expected one of {', '.join(keys)}")
    for key in keys if required is None else required:
        if key not in value:
            raise ValueError(f"{file}: missing key '{prefix}{key}'")
    return value


def version(file: str, top: Mapping[str, object]) -> str:
    """The file's `version` (its top-level key), stripped; ValueError naming the file unless a non-empty string."""
    value = top["version"]
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{file}: 'version' must be a non-empty string")
    return value.strip()
