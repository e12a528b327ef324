"""Counts as the site and the commands write them: "1 milestone", "10,000 milestones".

One place for it: the pages, the summary lines, the reports of problems and the banner of
``serve`` all count this way.
"""

from __future__ import annotations


def number(n: int) -> str:
    """A count, its thousands parted: "999", "10,000" (the templates' ``number`` filter)."""
    return f"{n:,}"


def plural(n: int, one: str, many: str | None = None) -> str:
    """``n`` and a noun: "1 milestone", "3 milestones", "10,000 milestones"."""
    return f"{number(n)} {one if n == 1 else (many or one + 's')}"
