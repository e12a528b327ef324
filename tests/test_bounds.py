"""The CPU-time bound of the tests guarding against work that grows too fast (bounds.py)."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from bounds import cpu_seconds, within


def _busy(seconds: float) -> None:
    end = cpu_seconds() + seconds
    while cpu_seconds() < end:
        pass


def test_a_step_over_its_bound_fails() -> None:
    with pytest.raises(AssertionError, match=r"of CPU time; the bound is 0\.05 s"), within(0.05):
        _busy(0.2)


def test_time_waiting_is_not_counted_but_children_s_work_is() -> None:
    """A machine busy with other work slows the clock, not the work: a wait does not count
    (a bound on the clock failed now and then under load); a child's work waited for does."""
    with within(0.2):
        time.sleep(0.4)
    code = "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass"
    with pytest.raises(AssertionError), within(0.2):
        subprocess.run([sys.executable, "-c", code], check=True)
