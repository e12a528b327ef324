"""The processes a build forks to help it (a second reader, the templates compiled ahead,
page workers, the linker): none outlives the build that started it.

Each is started, joined and, on failure or Ctrl-C, ended by the build.  A build killed
outright (SIGKILL, the out-of-memory killer, a supervisor's kill) does none of that, and
its helpers held the reading end of their own pipe, inherited as they were forked: the
result they then wrote, larger than the pipe's buffer, blocked them for ever (seen: two
processes of a killed build still waiting seven minutes later, when they were found).
On Linux a helper asks the kernel to end it when the process (the thread) that forked
it ends.
"""

from __future__ import annotations

import os
import signal
import sys

#: ``prctl``'s option: the signal this process gets when its parent ends.
_PR_SET_PDEATHSIG = 1


def end_with_parent() -> None:
    """In a helper just forked by the build (``multiprocessing``): be ended with it.

    Were the parent already gone (killed between the fork and this call), the helper
    ends at once.  Where the system has no such request (other than Linux), nothing is
    done."""
    import multiprocessing

    parent = multiprocessing.parent_process()
    if parent is None or not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):  # no such C library function
        return
    prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent.pid:  # it ended before the request was made
        os._exit(1)
