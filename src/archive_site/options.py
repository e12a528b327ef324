"""What each command was asked to do: frozen records built by the command line and passed down.

``commands/cli.py`` parses the arguments and builds one of these; the code
below it (the pipeline, ``serve/``, ``commands/add.py``) receives only the
record, never the ``argparse`` namespace. The defaults live in the parser,
where ``--help`` shows them; a record is always complete.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def default_jobs() -> int:
    """The number of cores this process may run on: what ``--jobs`` is when not given."""
    count = getattr(os, "process_cpu_count", None)  # Python 3.13
    if count is not None:
        return int(count() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


class UsageError(Exception):
    """The command line itself is wrong (exit 2); the message names the option."""


@dataclass(frozen=True, slots=True)
class SiteOptions:
    """What a build reads and how strict it is: shared by build, check and serve."""

    content: Path
    templates: Path
    #: The --base-url option, else $ARCHIVE_SITE_BASE_URL; None: site.yaml's base_url.
    base_url: str | None
    strict: bool


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """``archive-site check``: the site, and the optional checks asked for."""

    site: SiteOptions
    single_voice: bool  # warn on each milestone whose sources are all one speaker


def _check_jobs(jobs: int | None) -> None:
    if jobs is not None and jobs < 1:
        raise UsageError(
            f"--jobs must be a number of processes, 1 or more (1 builds in one), not {jobs}"
        )


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """``archive-site build``: the site, the folder it is written into, and how many
    processes render it."""

    site: SiteOptions
    output: Path
    jobs: int | None = None  # None: one per core

    def __post_init__(self) -> None:
        _check_jobs(self.jobs)


#: The longest wait between two looks for changes ``serve`` takes (an hour; ``inf`` made
#: the wait itself fail).
MOST_INTERVAL = 3600.0


@dataclass(frozen=True, slots=True)
class ServeOptions:
    """``archive-site serve``: the site, where to listen and how often to look for changes."""

    site: SiteOptions
    host: str
    port: int  # 0 picks a free one
    interval: float  # seconds between two looks for changes
    debug: bool  # show tracebacks of internal errors
    jobs: int | None = None  # processes each build renders with; None: one per core

    def __post_init__(self) -> None:
        _check_jobs(self.jobs)
        if not 0 <= self.port <= 65535:
            raise UsageError(
                f"--port must be between 0 and 65535 (0 picks a free port), not {self.port}"
            )
        if not 0 < self.interval <= MOST_INTERVAL:
            raise UsageError(
                f"--interval must be a positive number of seconds, at most {MOST_INTERVAL:g}, "
                f"not {self.interval}"
            )


@dataclass(frozen=True, slots=True)
class SuggestOptions:
    """``archive-site suggest``: which articles, and how to print what it finds."""

    content: Path
    articles: tuple[str, ...]  # ids; empty: every article
    new_only: bool
    json: bool


@dataclass(frozen=True, slots=True)
class AddOptions:
    """``archive-site add``: the capture, the content folder, the id if one was given, and
    whether to write nothing (``--dry-run``)."""

    capture: Path
    content: Path
    ident: str | None
    dry_run: bool = False  # say what it would do, write nothing


#: The address a new archive (``init``) is published at until its site.yaml says where.
DEFAULT_BASE_URL = "https://example.org/"


@dataclass(frozen=True, slots=True)
class InitOptions:
    """``archive-site init``: the new archive's folder and what its ``site.yaml`` says
    (``description`` and ``license``: None for the default)."""

    folder: Path
    title: str
    subject: str
    publisher: str
    language: str
    base_url: str
    description: str | None
    license: str | None
