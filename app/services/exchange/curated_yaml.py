"""The one reader of curated YAML files (data/*.yaml): plain data only, no anchors, aliases or deep nesting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import Node

MAX_DEPTH = 64
"""Deeper than any curated file needs (offers nest four levels); PyYAML's composer recurses per level."""


class CuratedYamlError(yaml.MarkedYAMLError):
    """A curated file uses a YAML feature the curated format refuses; `problem` says which, `problem_mark` where."""


class _CuratedLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases as it meets them.

    An alias makes one value stand for another; chained inside one entry they expand a small file into an
    enormous structure (the "billion laughs"), and every later walk of it (validation, diffing) takes forever.
    Curated files are reviewed text, so every value is written out where it is used.
    """

    depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event: Any = self.peek_event()  # type: ignore[no-untyped-call]
        mark: Any = event.start_mark
        if isinstance(event, yaml.AliasEvent):
            raise CuratedYamlError(
                problem=f"aliases (*{event.anchor}) are not allowed in curated files; write the value out",
                problem_mark=mark,
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise CuratedYamlError(
                problem=f"anchors (&{anchor}) are not allowed in curated files; write the value out where it is used",
                problem_mark=mark,
            )
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise CuratedYamlError(problem=f"nested more than {MAX_DEPTH} levels deep", problem_mark=mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def read_curated_yaml(path: Path) -> Any:
    """The parsed content of one curated YAML file (UTF-8).

    Raises FileNotFoundError, UnicodeDecodeError, or yaml.YAMLError (CuratedYamlError for a refused feature);
    the errors carry the line and column.
    """
    loader = _CuratedLoader(path.read_text(encoding="utf-8"))
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
