"""Regular expressions compiled when first used.

A module's large patterns (the months of a dozen languages, the forms of a dateline) take
milliseconds each to compile, and a build uses few of them: one whose records come from the
cache, none of the readers'; the seed's two captures, 44 of the 260 the modules define.
Compiled as each module was imported, they took 80 ms of every command's start.  So a
pattern a module keeps is made with :func:`later`, which gives, in place of the pattern, a
function that compiles it on its first call and returns the same compiled pattern ever
after (a call costs about 25 ns).  A pattern that other patterns are made from as the
module loads, or that sits in a table, is compiled at once.
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
