"""Regular expressions compiled when first used.

A module's large patterns (the months of a dozen languages, the forms of a dateline) take
milliseconds each to compile, and a build whose records come from the cache uses few of
them: :func:`later` gives, in place of the pattern, a function that compiles it on its first
call and returns the same compiled pattern ever after.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable


def later(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """``pattern`` compiled with ``flags`` on the first call of the function returned."""

    @functools.cache
    def compiled() -> re.Pattern[str]:
        return re.compile(pattern, flags)

    return compiled
