"""A bound on the CPU time of a step, for the tests that guard against work growing faster
than its input (a pattern backtracking over a run of spaces, a loop comparing every item
with every other) on hostile input.

The bound is on CPU time, this process's and that of the processes it waited for, not on
the wall clock: a machine busy with other work (the suite's other worker, a browser, a
build) slows the clock, not the work a step does, and a bound on the clock failed now and
then under load although the step was as fast as ever.  Each bound is several times what
the step takes on a quiet machine, and far below what it took when it was not linear.
"""

from __future__ import annotations

import contextlib
import resource
from collections.abc import Iterator


def cpu_seconds() -> float:
    """The CPU time (user and system) of this process and of the children it waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


@contextlib.contextmanager
def within(seconds: float) -> Iterator[None]:
    """Fail unless the block takes less than ``seconds`` of CPU time."""
    start = cpu_seconds()
    yield
    spent = cpu_seconds() - start
    assert spent < seconds, f"took {spent:.2f} s of CPU time; the bound is {seconds} s"
