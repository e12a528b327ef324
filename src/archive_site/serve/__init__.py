"""``archive-site serve``: build, serve on 127.0.0.1, rebuild on changes, reload the browser.

How it works, module by module:

* :mod:`.worker`: every build runs in a fresh Python subprocess (the same
  interpreter and the same ``archive_site`` package as this process), so
  edits to the package's own code take effect at the next build, and a build
  that crashes or hangs cannot take the server down.
* :mod:`.watch`: ``content/``, ``templates/`` and the package source are
  polled for changes (modification times and sizes: no dependencies), and on
  Linux a save ends the wait for the next look at once (:mod:`.notify`,
  inotify through ctypes); a burst of changes is debounced into one rebuild.
  Each build writes into a new folder under a private temporary directory;
  only a complete, successful build is switched in as the served root
  (:mod:`.live`), so the server never shows a half-written site.  The output
  folder (``dist/``) is never touched.
* :mod:`.index`: builds write the pages alone, so that open pages reload as
  soon as they are written; the search index (Pagefind: seconds on a large
  archive) is made afterwards in the background, in a folder of its own, and
  served as the site's ``pagefind/`` only once complete.  The search page says
  when the index is being updated, and reloads when it is; a newer save
  cancels an index under way.
* :mod:`.http`: the site is mounted at the base URL's path
  (``/archive-site/`` for ``https://example.github.io/archive-site/``), as
  GitHub Pages serves a project site; ``/`` redirects there, and missing pages
  get the site's own ``404.html``.
* :mod:`.inject`: served HTML (never the built files) gets a small script
  (``reload.js``) that polls ``BASE__archive-site/version`` and reloads the
  page when a new build is live.  Polling, rather than a held-open
  connection, keeps any number of open tabs within the browser's connection
  limit.  A failed build keeps the last good site and shows the problems in
  the terminal and, escaped, in a banner on every served page (styled by
  ``serve.css``), until a build succeeds.  If the first build fails, every
  page explains the problems.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from ..config import base_path_of, normalise_base_url
from ..errors import ArchiveError, Diagnostic, display_path
from ..options import ServeOptions, SiteOptions
from .http import open_server
from .index import Indexer
from .live import LiveSite
from .watch import LOCK, Printer, Watcher
from .worker import Workers

EXIT_OK = 0


def serve(options: ServeOptions, out: Printer) -> int:
    """Run the server until Ctrl-C (or SIGTERM); returns the exit code.

    Raises :class:`~archive_site.errors.ArchiveError` for a missing folder or a
    bad base URL, :class:`~archive_site.options.UsageError` when it cannot listen.
    """
    _require_folders(options.site)
    live = LiveSite(_initial_base_path(options.site))
    server = open_server(options.host, options.port, live, debug=options.debug)
    remove_left_behind()
    scratch = Path(tempfile.mkdtemp(prefix=f"{SCRATCH}{os.getpid()}-"))
    indexes = Path(tempfile.mkdtemp(prefix=f"{SEARCH}{os.getpid()}-"))
    held = [_hold(scratch), _hold(indexes)]  # noqa: F841 - held open while serve runs
    workers = Workers()
    indexer = Indexer(
        live,
        indexes,
        out.say,
        lambda found: out.problems(found, "the search index"),
        options.jobs,
    )
    try:
        with _stop_on_sigterm(), contextlib.suppress(KeyboardInterrupt):
            watcher = Watcher(options, out, live, workers, scratch, server.url, indexer)
            built = watcher.first()
            server.start()
            out.say(f"Serving {server.url(live.view().base_path)} (Ctrl-C to stop)")
            if not server.loopback:
                out.say(
                    f"note: listening on {server.server_address[0]!s}, not on this machine "
                    "alone: anyone who can reach it on the network can read the site, its "
                    "drafts and its captures"
                )
            watcher.watch(built)
    finally:
        with _ignoring_sigint():
            indexer.close()
            workers.close()
            server.stop()
            shutil.rmtree(scratch, ignore_errors=True)
    out.say("Stopped.")
    return EXIT_OK


#: serve's temporary folders, in the system's: the prefix, then the process's id.
SCRATCH, SEARCH = "archive-site-serve-", "archive-site-search-"
#: The signals that stop serve, and that its clean-up ignores.
STOPPING = (signal.SIGINT, signal.SIGTERM)


def remove_left_behind(folder: Path | None = None) -> list[Path]:
    """Remove the temporary folders of this user's serve processes that no longer run (killed
    before they could clean up: SIGKILL, the OOM killer; each held a whole site): those in
    the system's temporary folder (or ``folder``) named after a process id that is no
    process's.  What was removed."""
    root = Path(folder or tempfile.gettempdir())
    removed = []
    for path in [*root.glob(f"{SCRATCH}*-*"), *root.glob(f"{SEARCH}*-*")]:
        pid = path.name.removeprefix(SCRATCH).removeprefix(SEARCH).partition("-")[0]
        if not re.fullmatch(r"[0-9]{1,10}", pid) or _running(int(pid)):
            continue
        try:
            info = path.lstat()
        except OSError:
            continue
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or _held(path):
            continue  # not a folder; another user's; a serve's still (seen from elsewhere)
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


# A running serve holds its folders' LOCK (see .watch): a process id may name another
# process (seen from another PID namespace: a container sharing the folder), a lock is the
# system's own word that its holder runs.


def _hold(folder: Path) -> int | None:
    """Lock ``folder``'s :data:`LOCK` for as long as this process runs (its descriptor)."""
    try:
        import fcntl  # (POSIX: where there is none, the process id alone decides)

        fd = os.open(folder / LOCK, os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (ImportError, OSError):
        return None
    return fd


def _held(folder: Path) -> bool:
    """Whether a running process holds ``folder``'s :data:`LOCK`."""
    try:
        import fcntl

        fd = os.open(folder / LOCK, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except (ImportError, OSError):
        return False  # none (a serve killed before it made one): the process id decides
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):  # another user's (or no process id at all): left alone
        return True
    return True


def _require_folders(site: SiteOptions) -> None:
    missing = [
        Diagnostic(display_path(p), None, f"{what} folder not found")
        for p, what in ((site.content, "content"), (site.templates, "templates"))
        if not p.is_dir()
    ]
    if missing:
        raise ArchiveError(missing)


def _initial_base_path(site: SiteOptions) -> str:
    """The mount path before the first build: from the option, else site.yaml, else "/".

    Raises :class:`~archive_site.errors.ArchiveError` on a bad base URL.
    """
    from ..config import load_config
    from ..errors import Problems

    if site.base_url:
        try:
            return base_path_of(normalise_base_url(site.base_url))
        except ValueError as exc:
            raise ArchiveError([Diagnostic("--base-url", None, str(exc))]) from None
    try:
        config = load_config(site.content, Problems())
    except Exception:
        config = None
    return config.base_path if config is not None else "/"


@contextlib.contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """Treat SIGTERM like Ctrl-C, so that ``kill`` also cleans up."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def _ignoring_sigint() -> Iterator[None]:
    """A second Ctrl-C (or ``kill``) must not interrupt the clean-up."""
    try:
        previous = {sig: signal.signal(sig, signal.SIG_IGN) for sig in STOPPING}
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
