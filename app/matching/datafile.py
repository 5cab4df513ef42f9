"""Checks shared by the matcher's data files (rules.yaml, synonyms.yaml): a section holds exactly its keys."""

from __future__ import annotations

from collections.abc import Mapping


def section(file: str, value: object, path: str, keys: tuple[str, ...]) -> Mapping[str, object]:
    """`value` as a mapping holding exactly `keys`; else ValueError naming the file, the section and the key.

    `path` is the section's dotted place in the file ("" for the top level).
    """
    where = f"'{path}'" if path else "the top level"
    if not isinstance(value, Mapping):
        raise ValueError(f"{file}: {where} must be a mapping with keys {', '.join(keys)}")
    prefix = f"{path}." if path else ""
    for key in value:
        if key not in keys:
            raise ValueError(f"{file}: unknown key '{prefix}{key}'; expected one of {', '.join(keys)}")
    for key in keys:
        if key not in value:
            raise ValueError(f"{file}: missing key '{prefix}{key}'")
    return value
