"""The tree of a content file's YAML: mappings and lists that remember the line of each key
and item (see :mod:`.yamlparse`, which builds it, and :mod:`.yamlsrc`, which reads it).

Apart from the parser, so that what holds or reads a tree, a record taken from the cache
(:mod:`.cache`), imports no PyYAML.
"""

from __future__ import annotations

from typing import Any


class YMap(dict[str, Any]):
    """A YAML mapping with the line of the mapping and of each key."""

    line: int = 0
    key_lines: dict[str, int]

    def __init__(self) -> None:
        super().__init__()
        self.key_lines = {}


class YList(list[Any]):
    """A YAML sequence with the line of the sequence and of each item."""

    line: int = 0
    item_lines: list[int]

    def __init__(self) -> None:
        super().__init__()
        self.item_lines = []
