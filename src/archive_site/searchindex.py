"""The search index: Pagefind run over the finished site, before it is swapped in.

Pagefind (the ``pagefind[bin]`` package ships its binary) reads the built HTML
and writes ``pagefind/`` beside it: the pages marked ``data-pagefind-body``
(articles, milestones, entities, topics, years) with the filters, metadata and
sort keys their templates set.  It runs on the temporary output folder, so a
failed index fails the build and leaves the previous output as it was.  It is
handed hard links to those pages alone, so it parses no page it would not index.

Pagefind has no incremental mode, and its memory grows with the pages of a run
(about a quarter of a megabyte each).  So a large archive's index is made in
shards (:func:`shards`): the pages are dealt into a power of two of buckets by a
hash of their path, as few as keep a bucket at :data:`SHARD_PAGES` pages or
fewer on average, and each bucket is indexed by a Pagefind run of its own (as
many at once as the build has jobs; each in a folder of its own, its bundle moved
into place when complete), into a bundle of its own: ``pagefind/`` for the first (the one
the search page loads), ``pagefind/shard-N/`` for the others, which the first
one's ``pagefind-entry.json`` lists (``archive_site_shards``) and the search page
merges in (Pagefind's ``mergeIndex``; see ``templates/static/search.js``).  An
archive with up to :data:`SHARD_PAGES` indexed pages, as the seed, has one
index, byte for byte as before shards were made.  A page keeps its shard until
the number of shards doubles.

A shard is reused rather than made again when its pages, Pagefind's binary and
options, the shards' folders and this module are unchanged (:func:`index_key`)
and the previous index's files of that shard are as the build left them: a
record (:func:`record_path`: the user's cache folder for a build; beside the
index for ``serve``'s) holds each shard's key and each file's size, modification
time and inode.  So an edit re-indexes the shards holding changed pages alone.
Pagefind takes seconds per thousand pages; the check takes a read of the pages.
A build also keeps each shard's bundle it made in the user's cache folder
(:func:`bundles_path`), by key: hard links to the files it put in the site, with
their record beside them.  A shard found neither in the previous index nor there
is made; so a build into a new or emptied output folder (after ``rm -rf dist``,
or into another folder) runs Pagefind only for pages not indexed before.  The
current index's bundles are kept, and :data:`KEEP_BUNDLES` others, the most
recently used.  Links are not copies: a bundle linked into another folder, or
pruned, changes the status time of the files an output shares with it, and that
output's stamp (:mod:`.stamp`) then sends its next build through its pages.

The binary is run with a scrubbed environment and an empty working folder, so
that no ``PAGEFIND_*`` variable and no ``pagefind.yml`` lying around changes
the index.  Pagefind writes its filter indexes in hash-map order, which changes
from run to run (its issue #638); :func:`canonical_filters` puts them in a fixed
order and renames the files after their content, so the same site always gives a
byte-identical index, made cold or from reused shards.

Where Pagefind's time goes (1.5.2, ``perf`` over 1,000 synthetic article pages, 3.3 s in
one thread): about 45% in deflate's search for matches, as it compresses every file it
writes at gzip's highest level (``Compression::best()``), one file after another; mostly
its word index, whose 7.3 MB of small repeated numbers compress slowly at that level (C
zlib takes 3.4 s over them at level 9, 0.7 s at level 6).  Nothing it is given changes
that: the same words as plain text, without the pages' markup, took the same time.

Merged shards rank a best-match search by each shard's own term statistics (as
Pagefind ranks merged sites), and sort by a per-shard position: a sharded index
carries, in each shard, ``sorts.json`` (each sort key's values in Pagefind's
order), with which the search page puts date-sorted results of every shard in
one order.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import hashlib
import html
import json
import os
import re
import shutil
import stat
import subprocess
import threading
import time
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .errors import ArchiveError, Diagnostic
from .files import (
    FileProblem,
    cache_entry,
    cache_home,
    is_own_folder,
    made_own_folder,
    prune_newest,
    read_bytes,
)
from .options import default_jobs
from .urls import SEARCH_INDEX
from .write import regular_files, share_unchanged

#: Where the index goes, inside the site.
FOLDER = SEARCH_INDEX.rstrip("/")
#: Pagefind also writes its ready-made interfaces; the site has its own (search.js).
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
#: A merged shard's copies of Pagefind's code, which only the first shard's are loaded of
#: (a merged index is searched with the first one's WebAssembly).
MERGED_UNUSED = ("pagefind.js", "pagefind-worker.js")
#: Left out of the index by selector rather than tagged, being on every paragraph of an
#: article: the paragraph's number (¶7) and the titles of the milestones citing it.
EXCLUDE = (".para > .pa", ".para > .cites")
#: Records of the newest indexes kept (one per output folder: ``serve`` makes a new one for
#: every build, and only the last is ever reused).
KEEP_RECORDS = 32
#: Bundles kept in the cache (:func:`bundles_path`) besides those of the index just made,
#: the most recently made or used: an edit undone, or a build of another branch, reuses
#: them.  While a bundle is part of an output folder, its files cost no more disk space.
KEEP_BUNDLES = 16
#: A bundle being put in the cache (``*.tmp``) this long untouched was left by a killed build.
STALE_WORK_NS = 3600 * 10**9
TIMEOUT = 600  # seconds; a 5,000-article archive takes a few
#: Marks a page Pagefind indexes (and only those, once one page has it).
BODY = b"data-pagefind-body"
#: The folder, inside the site, of links to the pages to index while Pagefind runs (beside
#: the index's folder, named after it, when that is outside the site).
STAGE = ".pagefind-pages"
#: Pagefind's Linux binary allocates with jemalloc (as tikv-jemallocator, whose settings
#: variable this is): memory freed is given back at once rather than kept for reuse, which
#: lowers the process's peak by about a sixth (589 -> 495 MiB at 1,000 articles) at the
#: same CPU time.  It changes no byte of the index; another allocator ignores it.
ALLOCATOR = {"_RJEM_MALLOC_CONF": "dirty_decay_ms:0,muzzy_decay_ms:0"}
#: Indexed pages a Pagefind run is given at most on average (see :func:`shard_count`).
#: Its peak memory is about 260 MiB for 1,000 pages, 490 MiB for 2,100, 1.4 GiB for 6,100,
#: and its CPU time about the same in one run or in shards of 500 pages or more (within a
#: tenth); but a first search downloads an index chunk of about 21 KB from each shard
#: (3,000 articles: 200 KB in all with one index, 268 KB in 4 shards, 352 KB in 8).
#: A run keeps about 1.3 cores busy: two at once on two cores took 0.72-0.75 of the time
#: of the same two one after another (500 article pages each), and peak twice the memory.
SHARD_PAGES = 2000
#: The folder of shard N (N >= 1), inside the first shard's.
SHARD_FOLDER = "shard-{}"
#: The first shard's ``pagefind-entry.json`` lists the others' folders under this name.
SHARDS_FIELD = "archive_site_shards"
#: In each shard of a sharded index: each sort key's values in the order Pagefind sorts
#: them, so that a result's place in its shard's order gives its value.
SORTS = "sorts.json"
_SORT_ATTRIBUTE = re.compile(rb'data-pagefind-sort="([^"]*)"')


@dataclass(frozen=True, slots=True)
class SearchIndex:
    """What Pagefind indexed: its version and the pages of each language."""

    version: str
    pages: int


@dataclass(frozen=True, slots=True)
class Shard:
    """One Pagefind run's pages (by path, with their SHA-256, sorted), of the ``count``
    shards of the index; its bundle is ``folder`` inside the index's ("" for the first)."""

    folder: str
    count: int
    pages: dict[str, bytes]


def shard_count(pages: int, most: int = SHARD_PAGES) -> int:
    """The number of shards for ``pages`` indexed pages: the smallest power of two that
    puts ``most`` or fewer in each on average (one up to ``most``)."""
    if most < 1:
        raise ValueError(f"a shard needs room for a page, not {most}")
    count = 1
    while pages > count * most:
        count *= 2
    return count


def shard_of(page: str, count: int) -> int:
    """The shard of the page at ``page`` (its path from the site) among ``count``: from a
    hash of the path alone, so a page stays in its shard whatever else changes; with a
    power of two, when the count doubles, half of each shard's pages move to a new one."""
    digest = hashlib.sha256(page.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count


def shards(pages: dict[str, bytes], most: int = SHARD_PAGES) -> list[Shard]:
    """``pages`` (as :func:`indexed_pages` gives them) dealt into their shards, the first
    of them first; a shard no page falls into is left out (with few pages to a shard)."""
    count = shard_count(len(pages), most)
    dealt: list[dict[str, bytes]] = [{} for _ in range(count)]
    for page, digest in pages.items():
        dealt[shard_of(page, count)][page] = digest
    numbers = [n for n, part in enumerate(dealt) if part] or [0]
    return [
        Shard(SHARD_FOLDER.format(n) if n != numbers[0] else "", count, dealt[n]) for n in numbers
    ]


def executable() -> Path:
    """The Pagefind binary that came with the ``pagefind[bin]`` package."""
    try:
        import pagefind_bin  # type: ignore[import-untyped]  # ships no type hints
    except ImportError:
        raise _failure(
            "Pagefind is not installed; run `make site` (or pip install -e .) to install it"
        ) from None
    try:
        return Path(pagefind_bin.get_executable())
    except (FileNotFoundError, OSError) as exc:
        raise _failure(f"the Pagefind binary is missing: {exc}") from None


def index_site(
    site: Path,
    reuse: Path | None = None,
    binary: Path | None = None,
    most: int = SHARD_PAGES,
    jobs: int | None = None,
) -> SearchIndex:
    """Index the built site in ``site`` into ``site/pagefind/``; raise ArchiveError on failure.

    ``reuse`` is the previous output folder: each shard whose pages, Pagefind and its options
    are those its previous bundle was made from (see :func:`index_key`), and whose bundle is
    as the build left it, is linked into ``site`` instead of running Pagefind again; so is
    one kept in the user's cache (:func:`bundles_path`; only with ``reuse``).
    ``most``: indexed pages per shard at most on average (:func:`shard_count`); ``jobs``:
    Pagefind runs at once at most (None: one per core).
    """
    previous = None if reuse is None else (reuse / FOLDER, record_path(reuse))
    kept = None if reuse is None else bundles_path()
    program = binary or executable()
    record = _index(site, site / FOLDER, site / STAGE, program, most, previous, jobs, kept)
    if reuse is not None and (reuse / FOLDER).is_dir() and record.made and reuse != site:
        # the files of the shards made (see there: the swap is faster); the others' are links
        made = [f"{f}/{name}" if f else name for f in record.made for name in _files(site, f)]
        share_unchanged(site / FOLDER, reuse / FOLDER, made)
    if kept is not None:  # after sharing: the bundles kept hold the files the site holds
        _keep_all(kept, record, site / FOLDER)
    index = _read_entries(site / FOLDER)
    if reuse is not None:
        _remember(record_path(reuse), record, site / FOLDER)
        prune_newest(record_path(reuse).parent, KEEP_RECORDS)
    return index


def index_into(
    site: Path,
    into: Path,
    binary: Path | None = None,
    previous: Path | None = None,
    most: int = SHARD_PAGES,
    jobs: int | None = None,
    *,
    keep: bool = False,
) -> SearchIndex:
    """Index the finished site in ``site`` into the new folder ``into`` (not inside ``site``):
    byte for byte the ``pagefind/`` a build writes into the site.  ``serve`` makes its index
    so, after the pages are served, and swaps it in whole when it is complete.  ``previous``
    is the index made so before (its record beside it): its unchanged shards are linked.
    ``keep``: the bundles kept in the user's cache are used and kept, as a build does."""
    stage = into.with_name(into.name + STAGE)
    before = None if previous is None else (previous, _record_beside(previous))
    kept = bundles_path() if keep else None
    record = _index(site, into, stage, binary or executable(), most, before, jobs, kept)
    if kept is not None:
        _keep_all(kept, record, into)
    index = _read_entries(into)
    _remember(_record_beside(into), record, into)
    return index


@dataclass(frozen=True, slots=True)
class _Made:
    """What an index was made from: each shard's key, by folder; ``made``: the shards
    not linked from the previous index (``ran``: those Pagefind ran for; the others were
    taken from the bundles kept in the cache); ``pages``: the
    site's pages as they were hashed (see :func:`_hashed_pages`)."""

    keys: dict[str, str]
    made: tuple[str, ...]
    pages: dict[str, PageHash]
    ran: tuple[str, ...]


def _index(
    site: Path,
    output: Path,
    stage: Path,
    program: Path,
    most: int,
    previous: tuple[Path, Path] | None,
    jobs: int | None,
    kept: Path | None = None,
) -> _Made:
    """Make each shard of ``site``'s index in ``output``, up to ``jobs`` Pagefind runs at
    once, or link it from ``previous`` (an index folder and the path of its record) when
    unchanged, or from the bundles ``kept`` (see :func:`bundles_path`)."""
    record = _read_record(previous[1]) if previous is not None else {}
    hashed = _hashed_pages(site, _known_pages(record))
    parts = shards(_indexed(hashed), most)
    folders = [part.folder for part in parts]
    keys = {part.folder: index_key(part.pages, program, folders, part.folder) for part in parts}
    before = _shards_of(record)
    linked = [
        part
        for part in parts
        if previous is None
        or not _reused(previous[0], before, output, part.folder, keys[part.folder])
    ]
    making = [part for part in linked if not _taken(kept, keys[part.folder], output, part.folder)]
    try:
        _make_all(site, making, program, output, stage, len(parts) > 1, jobs)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    if len(parts) > 1 and any(not part.folder for part in making):
        _list_shards(output, folders[1:])
    ran = tuple(part.folder for part in making)
    return _Made(keys, tuple(part.folder for part in linked), hashed, ran)


def _make_all(
    site: Path,
    parts: list[Shard],
    program: Path,
    output: Path,
    stage: Path,
    sharded: bool,
    jobs: int | None,
) -> None:
    """Make the bundles of ``parts``, up to ``jobs`` at once (see :data:`SHARD_PAGES`).
    Each run works in a folder of its own in ``stage`` and its bundle is moved into
    ``output`` when complete.  When runs fail, the first failing shard's error is raised,
    once the others have ended."""

    runs = _Runs()

    def one(numbered: tuple[int, Shard]) -> None:
        n, part = numbered
        _make(site, part, program, output, stage / str(n), sharded, runs)

    numbered = list(enumerate(parts))
    jobs = default_jobs() if jobs is None else jobs
    if min(jobs, len(parts)) <= 1:
        for item in numbered:
            one(item)
        return
    with ThreadPoolExecutor(max_workers=min(jobs, len(parts))) as pool:
        try:
            for _ in pool.map(one, numbered):  # in order: the first failure is raised
                pass
        except ArchiveError:
            raise
        except BaseException:  # Ctrl-C: the runs under way are stopped, none is started
            runs.stop()
            pool.shutdown(cancel_futures=True)
            raise


class _Runs:
    """The Pagefind processes of one index under way, which :meth:`stop` kills (and any
    started after)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: set[subprocess.Popen[str]] = set()
        self._stopped = False

    def run(self, command: list[str], cwd: Path, env: dict[str, str]) -> tuple[str, int]:
        """Run ``command``: what it printed (errors first) and its exit status."""
        with subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
        ) as proc:
            try:
                with self._lock:
                    self._running.add(proc)
                    if self._stopped:
                        proc.kill()
                stdout, stderr = proc.communicate(timeout=TIMEOUT)
            except BaseException:  # too long, or Ctrl-C in this thread: as subprocess.run
                proc.kill()
                # and reaped, which subprocess.run leaves to chance after Ctrl-C (Popen's
                # exit then waits for no child): a killed process ends at once
                proc.wait()
                raise
            finally:
                with self._lock:
                    self._running.discard(proc)
        return stderr + stdout, proc.returncode

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            for proc in self._running:
                with contextlib.suppress(OSError):
                    proc.kill()


def _make(
    site: Path, part: Shard, program: Path, output: Path, work: Path, sharded: bool, runs: _Runs
) -> None:
    """Run Pagefind over the pages of ``part`` (linked into ``work`` meanwhile); its bundle
    is made deterministic in ``work``, then moved into its folder of ``output``."""
    bundle = work / "bundle"
    _run_pagefind(site, list(part.pages), program, bundle, work / "pages", runs=runs)
    canonical_filters(bundle)
    for name in UNUSED + (MERGED_UNUSED if part.folder else ()):
        (bundle / name).unlink(missing_ok=True)
    if part.folder:
        for wasm in bundle.glob("wasm.*.pagefind"):
            wasm.unlink()
    if sharded:
        _write_sorts(site, list(part.pages), bundle)
    _move_into(bundle, output / part.folder)


def _move_into(bundle: Path, folder: Path) -> None:
    """Move what ``bundle`` holds into ``folder``, which may hold other shards' folders."""
    folder.mkdir(parents=True, exist_ok=True)
    for entry in sorted(bundle.iterdir()):
        entry.replace(folder / entry.name)


def indexed_pages(site: Path) -> dict[str, bytes]:
    """The HTML files Pagefind indexes, by path from ``site`` in sorted order, with the
    SHA-256 of each.

    As Pagefind decides: the pages holding a ``data-pagefind-body`` element, or every
    page when none does.  A page that only says the attribute's name in its text is
    handed over too; Pagefind finds no body in it and leaves it out.
    """
    return _indexed(_hashed_pages(site, {}))


#: A page as it was hashed: its file's identity (inode, device, size, modification time),
#: its SHA-256, and whether it holds a ``data-pagefind-body`` element.
PageHash = tuple[tuple[int, int, int, int], bytes, bool]


def _hashed_pages(site: Path, known: Mapping[str, PageHash]) -> dict[str, PageHash]:
    """Every HTML file under ``site``, by path in sorted order, hashed; a file whose identity
    is the one ``known`` has for it is not read again.  A page the build took from the
    previous output is a link to the file the previous index hashed (at 10,000 articles,
    reading and hashing all of them again was 0.6 s of a one-article edit's build)."""
    found: dict[str, PageHash] = {}
    for path in regular_files(site, ".html"):
        name = f"{site}/{path}"
        seen = known.get(path)
        if seen is not None:
            st = os.lstat(name)
            identity = (st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns)
            if identity == seen[0]:
                found[path] = seen
                continue
        with open(name, "rb") as f:  # noqa: PTH123 (no path object per page)
            st = os.fstat(f.fileno())
            data = f.read()
        identity = (st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns)
        found[path] = (identity, hashlib.sha256(data).digest(), BODY in data)
    return found


def _indexed(hashed: Mapping[str, PageHash]) -> dict[str, bytes]:
    """The pages Pagefind indexes (see :func:`indexed_pages`) with their SHA-256."""
    marked = {path: digest for path, (_, digest, body) in hashed.items() if body}
    return marked or {path: digest for path, (_, digest, _) in hashed.items()}


def index_key(
    pages: dict[str, bytes], program: Path, shards: list[str] | None = None, folder: str = ""
) -> str:
    """What an index (or one shard's bundle, in ``folder`` of the index's ``shards``) is
    made from: the pages' paths and bytes, Pagefind's binary, its options, the shards,
    and this module (which rewrites the index); SHA-256, hexadecimal."""
    key = hashlib.sha256(b"archive-site search index 2\0")
    key.update(_digest(program))
    key.update(_digest(Path(__file__)))
    key.update("\0".join(_options()).encode("utf-8") + b"\0")
    key.update(json.dumps([shards or [""], folder]).encode("utf-8") + b"\0")
    for page, digest in pages.items():
        key.update(page.encode("utf-8") + b"\0" + digest)
    return key.hexdigest()


def _digest(path: Path) -> bytes:
    """The SHA-256 of the file ``path``, read again only when its size, modification time,
    inode or device change (Pagefind's binary is 10 MB: a build, and ``serve`` for every
    edit, would read it once per shard)."""
    st = path.stat()
    return _digest_of(str(path), st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev)


@functools.lru_cache(maxsize=8)
def _digest_of(path: str, size: int, mtime_ns: int, inode: int, device: int) -> bytes:
    with open(path, "rb") as f:  # noqa: PTH123
        return hashlib.file_digest(f, "sha256").digest()


def _options() -> list[str]:
    """Pagefind's options that shape the index (the folders are given apart)."""
    excluded = (arg for selector in EXCLUDE for arg in ("--exclude-selectors", selector))
    return ["--keep-index-url", *excluded]


def _run_pagefind(
    site: Path,
    pages: list[str],
    program: Path,
    output: Path,
    stage: Path,
    *,
    runs: _Runs | None = None,
) -> None:
    """Run Pagefind over hard links to ``pages`` alone (in the folder ``stage``, removed
    afterwards), so that it reads no page it would not index; its index goes into ``output``.
    ``runs``: the runs it is one of (a new one by default)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}
    env.update(ALLOCATOR)
    command = [str(program), "--site", str(stage.resolve()), "--output-path"]
    command += [str(output.resolve()), *_options(), "--quiet"]
    # Pagefind reads a configuration file from its working folder: it works in an empty
    # one inside the stage, removed with it (not in the system's temporary folder, where a
    # killed index, as serve cancels one, would leave it behind); it indexes no folder.
    cwd = stage / ".pagefind-cwd"
    try:
        _link_tree(site, stage, pages)
        cwd.mkdir(parents=True, exist_ok=True)
        said, status = (runs or _Runs()).run(command, cwd, env)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise _failure(f"could not run Pagefind ({program}): {exc}") from None
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    if status != 0:
        raise _failure(f"Pagefind failed (exit status {status}): {_last_lines(said)}")
    try:
        json.loads((output / "pagefind-entry.json").read_bytes())
    except (OSError, ValueError):  # on a full disk Pagefind leaves it empty and exits with 0
        raise _failure(
            "Pagefind wrote no readable index (is the disk full?): "
            f"{_last_lines(said) or 'it said nothing'}"
        ) from None


def _link_tree(source: Path, target: Path, files: list[str], *, copy: bool = True) -> None:
    """``target/F`` for each ``source/F``: a hard link where the file system allows, else a
    copy (``copy=False``: else the error); when one cannot be made (a file gone meanwhile),
    those made are removed again (their folders are left, empty) and the error is raised."""
    made: set[str] = set()
    done: list[str] = []
    try:
        for name in files:
            src, dest = f"{source}/{name}", f"{target}/{name}"
            folder = dest.rpartition("/")[0]
            if folder not in made:
                Path(folder).mkdir(parents=True, exist_ok=True)
                made.add(folder)
            try:
                os.link(src, dest)
            except OSError:
                if not copy:
                    raise
                shutil.copy2(src, dest)
            done.append(dest)
    except OSError:
        for dest in done:
            with contextlib.suppress(OSError):
                os.unlink(dest)  # noqa: PTH108 - a string path, as above
        raise


# --- the shards' bundles together ----------------------------------------------------------


def _list_shards(output: Path, folders: list[str]) -> None:
    """Name the other shards' folders in the first one's ``pagefind-entry.json``."""
    entry_path = output / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    entry[SHARDS_FIELD] = [f"{folder}/" for folder in folders]
    _write_entry(entry_path, entry)


def _write_sorts(site: Path, pages: list[str], folder: Path) -> None:
    """Write ``sorts.json`` into the bundle in ``folder``: each sort key's values, in the
    order Pagefind's index lists the pages under it (by value; as numbers when they all
    read as numbers, which no date of ours does), so that a result's position in its
    shard's order (the score Pagefind gives it in a sorted search) tells its value."""
    found: dict[str, list[str]] = {}
    for page in pages:
        with open(f"{site}/{page}", "rb") as f:  # noqa: PTH123 (no path object per page)
            data = f.read()
        for raw in _SORT_ATTRIBUTE.findall(data):
            key, sep, value = html.unescape(raw.decode("utf-8")).partition(":")
            if sep and value:
                found.setdefault(key, []).append(value)
    ordered = {key: _ordered(values) for key, values in found.items()}
    counted = {name: len(listed) for name, listed in _index_sorts(folder)}
    if counted != {key: len(values) for key, values in ordered.items()}:
        raise _failure(
            f"the pages' sort keys ({_counts(ordered)}) are not those Pagefind indexed "
            f"({', '.join(f'{k}: {n}' for k, n in sorted(counted.items())) or 'none'})"
        )
    _write_entry(folder / SORTS, ordered)


def _ordered(values: list[str]) -> list[str] | list[float]:
    """Pagefind's order of a sort key's values: as numbers if every one reads as a number
    (then written as numbers, for the search page to compare as such)."""
    try:
        return sorted(float(v) for v in values)
    except ValueError:
        return sorted(values)


def _counts(ordered: dict[str, list[str] | list[float]]) -> str:
    return ", ".join(f"{k}: {len(v)}" for k, v in sorted(ordered.items())) or "none"


def _index_sorts(folder: Path) -> list[tuple[str, list[CborValue]]]:
    """The sort keys of the bundle in ``folder``, each with its pages in order."""
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    found: list[tuple[str, list[CborValue]]] = []
    for lang in entry["languages"].values():
        meta_path = folder / f"pagefind.{lang['hash']}.pf_meta"
        meta = _array(_read_index_file(meta_path), meta_path)
        for item in _array(meta[4], meta_path) if len(meta) > 4 else []:
            name, listed = _array(item, meta_path)
            found.append((_first([name]), _array(listed, meta_path)))
    return found


def _write_entry(path: Path, value: object) -> None:
    path.write_text(
        json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        encoding="utf-8",
    )


def _read_entries(folder: Path) -> SearchIndex:
    """The first shard's ``pagefind-entry.json`` and the others it lists: proof that Pagefind
    wrote an index, and its figures."""
    first = _read_entry(folder)
    pages, version = first.pages, first.version
    with contextlib.suppress(OSError, ValueError, TypeError, AttributeError):
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        for shard in entry.get(SHARDS_FIELD, []):
            pages += _read_entry(folder / shard).pages
    return SearchIndex(version, pages)


# --- reusing the previous index ----------------------------------------------------------

Stat = tuple[int, int, int]  # size, mtime_ns, inode


def record_path(output: Path) -> Path:
    """Where the record of ``output``'s index lives: in the user's cache folder, named after
    the output folder's absolute path (never in or beside the output: it is not published)."""
    return cache_entry("search", output).with_suffix(".json")


def _record_beside(index: Path) -> Path:
    """The record of an index made outside a site (serve's): beside its folder."""
    return index.with_name(index.name + ".json")


def _listing(folder: Path, first: bool) -> dict[str, Stat]:
    """Every file of the bundle in ``folder`` by path from it, with its size, mtime and
    inode (``first``: the first shard's, whose folder holds the others')."""
    found: dict[str, Stat] = {}
    nested = SHARD_FOLDER.format("")
    for name in regular_files(folder):
        if first and name.startswith(nested):
            continue
        st = os.stat(f"{folder}/{name}", follow_symlinks=False)  # noqa: PTH116
        found[name] = (st.st_size, st.st_mtime_ns, st.st_ino)
    return found


def _files(site: Path, folder: str) -> list[str]:
    """The files of the bundle of the shard in ``folder`` of the index in ``site``."""
    return sorted(_listing(site / FOLDER / folder, not folder))


def _read_record(path: Path) -> dict[str, object]:
    """The record of a previous index; empty when there is none, or it is damaged."""
    try:
        record = json.loads(read_bytes(path, any_size=True))
    except (FileProblem, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def _shards_of(record: Mapping[str, object]) -> dict[str, object]:
    """The shards of a previous index as its record has them."""
    shards = record.get("shards")
    return shards if isinstance(shards, dict) else {}


def _known_pages(record: Mapping[str, object]) -> dict[str, PageHash]:
    """The pages a previous index's record says it hashed (the damaged entries left out)."""
    pages = record.get("pages")
    known: dict[str, PageHash] = {}
    if not isinstance(pages, dict):
        return known
    for path, entry in pages.items():
        if not (isinstance(entry, list) and len(entry) == 6):
            continue
        *numbers, digest, body = entry
        if all(type(n) is int for n in numbers) and type(body) is bool:
            with contextlib.suppress(TypeError, ValueError):
                if len(raw := bytes.fromhex(digest)) == 32:
                    ino, dev, size, mtime = numbers
                    known[path] = ((ino, dev, size, mtime), raw, body)
    return known


def _reused(previous: Path, record: dict[str, object], site: Path, folder: str, key: str) -> bool:
    """Link the previous index's bundle of the shard in ``folder`` into ``site`` if it was
    made from ``key`` and is as the build left it (every file's size, modification time and
    inode; nothing added)."""
    try:
        shard = record.get(folder)
        if not isinstance(shard, dict) or shard.get("key") != key:
            return False
        files = {name: tuple(st) for name, st in shard["files"].items()}
        if not files or _listing(previous / folder, not folder) != files:
            return False
        _link_tree(previous / folder, site / folder, sorted(files))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False
    return True


def bundles_path() -> Path:
    """Where a build keeps the shards' bundles it made, by key, each with its record
    (``KEY.json``): in the user's cache folder, never in or beside the output."""
    return cache_home() / "search-bundles"


def _taken(kept: Path | None, key: str, site: Path, folder: str) -> bool:
    """Link the bundle made from ``key`` that ``kept`` holds into the shard's ``folder`` of
    ``site``, if it is there and as it was left (see :func:`_reused`); mark it used."""
    if kept is None or not is_own_folder(kept):  # a link put in the cache's place is not read
        return False
    record_file = kept / f"{key}.json"
    if not _reused(kept / key, {"": _read_record(record_file)}, site / folder, "", key):
        return False
    with contextlib.suppress(OSError):
        os.utime(record_file)  # the most recently used: kept when others are pruned
    return True


def _keep(kept: Path, key: str, site: Path, folder: str) -> None:
    """Keep the bundle of the shard in ``folder`` of ``site``, made from ``key``, in ``kept``:
    hard links to its files (none where they cannot be linked), and its record written last
    (a bundle without one is never used).  Best effort: a cache that cannot be written only
    means that the next build into a new folder indexes again."""
    target, record_file = kept / key, kept / f"{key}.json"
    work = kept / f"{key}.{os.getpid()}.tmp"
    try:
        if not made_own_folder(kept):
            return  # a link put in the cache's place: nothing is written through it
        record_file.unlink(missing_ok=True)
        for old in (work, target):
            if old.is_dir() and not old.is_symlink():
                shutil.rmtree(old)
            else:
                old.unlink(missing_ok=True)
        # not copied where the cache is on another file system: 21,000 files (a
        # 10,000-article index) took 4 s to copy, 0.3 s to link
        _link_tree(site / folder, work, sorted(_listing(site / folder, not folder)), copy=False)
        work.rename(target)
        record = {"key": key, "files": _listing(target, True)}
        spare = kept / f"{key}.{os.getpid()}.json.tmp"
        spare.write_text(json.dumps(record, sort_keys=True), encoding="utf-8")
        spare.replace(record_file)
    except OSError:
        shutil.rmtree(work, ignore_errors=True)


def _keep_all(kept: Path, made: _Made, index: Path) -> None:
    """Keep in ``kept`` the bundles of ``index`` that Pagefind made; prune the others."""
    for folder in made.ran:
        _keep(kept, made.keys[folder], index, folder)
    _prune_bundles(kept, set(made.keys.values()))


def _prune_bundles(kept: Path, keys: set[str], others: int = KEEP_BUNDLES) -> None:
    """Remove from ``kept`` every bundle but those of ``keys`` and the ``others`` most
    recently made or used, and whatever else is in it (a bundle left without its record by
    a build that stopped, the work of one that was killed more than :data:`STALE_WORK_NS`
    ago; never a link's target). Best effort."""
    if not is_own_folder(kept):
        return  # a link put in the cache's place: nothing is removed through it
    try:
        with os.scandir(kept) as it:
            entries = [(e.name, e.stat(follow_symlinks=False)) for e in it]
    except OSError:
        return
    records = sorted(
        (
            (st.st_mtime_ns, name.removesuffix(".json"))
            for name, st in entries
            if name.endswith(".json") and stat.S_ISREG(st.st_mode)
        ),
        reverse=True,
    )
    recent = [key for _, key in records if key not in keys][:others]
    keep = {f"{key}{suffix}" for key in (*keys, *recent) for suffix in ("", ".json")}
    stale = time.time_ns() - STALE_WORK_NS
    for name, st in entries:
        if name in keep or (name.endswith(".tmp") and st.st_mtime_ns > stale):
            continue  # kept, or a build at work on it
        with contextlib.suppress(OSError):
            if stat.S_ISDIR(st.st_mode):
                shutil.rmtree(kept / name)
            else:
                (kept / name).unlink()


def _remember(path: Path, made: _Made, index: Path) -> None:
    """Record what each shard of the new index was made from; its files keep their inodes
    when the site is swapped in.  Without a writable cache folder, nothing is kept."""
    shards = {
        folder: {"key": key, "files": _listing(index / folder, not folder)}
        for folder, key in made.keys.items()
    }
    pages = {
        path: [*identity, digest.hex(), body]
        for path, (identity, digest, body) in made.pages.items()
    }
    record = json.dumps({"shards": shards, "pages": pages}, sort_keys=True)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(record, encoding="utf-8")


def _read_entry(folder: Path) -> SearchIndex:
    """Pagefind's ``pagefind-entry.json``: proof that it wrote an index, and its figures."""
    entry = folder / "pagefind-entry.json"
    try:
        data = json.loads(entry.read_text(encoding="utf-8"))
        pages = sum(int(lang["page_count"]) for lang in data["languages"].values())
        version = str(data["version"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise _failure(f"Pagefind wrote no usable index ({entry.name}: {exc})") from None
    if pages == 0:
        raise _failure("Pagefind indexed no page (no page is marked data-pagefind-body)")
    return SearchIndex(version, pages)


def _last_lines(text: str, count: int = 6) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return " / ".join(lines[-count:]) or "it printed nothing"


def _failure(message: str) -> ArchiveError:
    return ArchiveError([Diagnostic("search index", None, message)])


# --- a deterministic index ---------------------------------------------------------------

SIGNATURE = b"pagefind_dcd"  # starts every decompressed index file
CborValue = int | str | bytes | list["CborValue"]


def canonical_filters(folder: Path) -> None:
    """Sort each filter's values and the metadata's list of filters; rename files to match.

    Pagefind names each index file after a hash of its content: a filter file
    whose values come out in another order gets another name, and so does the
    metadata file that lists it, and ``pagefind-entry.json`` names that.  Only
    the filter names and values are decoded; the pages they list, and the
    metadata's list of every page, are moved as the bytes Pagefind wrote.
    """
    entry_path = folder / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang in entry["languages"].values():
        meta_path = folder / f"pagefind.{lang['hash']}.pf_meta"
        meta = _raw_array(_read_index_bytes(meta_path), len(SIGNATURE), meta_path, whole=True)
        filters: list[CborValue] = []
        for item in sorted(_array(_cbor_decode(meta[3], 0)[0], meta_path), key=_first):
            name, old = _array(item, meta_path)
            path = folder / "filter" / f"{_first([old])}.pf_filter"
            data = _raw_array(_read_index_bytes(path), len(SIGNATURE), path, whole=True)
            values = _raw_array(data[1], 0, path)
            ordered: list[bytes] = sorted(values, key=_value_of)
            data[1] = _cbor_head(4, len(values)) + b"".join(ordered)
            path.unlink()
            filters.append([name, _write_index_file(folder / "filter", path.stem, data, 7)])
        meta[3] = _cbor_encode(filters)
        meta_path.unlink()
        lang["hash"] = _write_index_file(folder, f"pagefind.{lang['hash']}", meta, 10, "pf_meta")
    _write_entry(entry_path, entry)


def _raw_array(data: bytes, i: int, path: Path, *, whole: bool = False) -> list[bytes]:
    """The items of the CBOR array at ``data[i]``, each as the bytes that encode it;
    ``whole``: the array must end the data."""
    major, count, i = _cbor_head_at(data, i)
    if major != 4:
        raise _failure(f"{path.name}: not the index layout of Pagefind 1.5")
    items: list[bytes] = []
    for _ in range(count):
        end = _cbor_skip(data, i)
        items.append(data[i:end])
        i = end
    if whole and i != len(data):
        raise _failure(f"{path.name}: unexpected bytes after the index")
    return items


def _value_of(entry: bytes) -> str:
    """Sort key of an encoded ``[value, pages]`` filter entry: the value."""
    major, _, i = _cbor_head_at(entry, 0)
    return _first([_cbor_decode(entry, i)[0]]) if major == 4 else ""


def _array(value: CborValue, path: Path) -> list[CborValue]:
    if not isinstance(value, list):
        raise _failure(f"{path.name}: not the index layout of Pagefind 1.5")
    return value


def _first(item: CborValue) -> str:
    """Sort key of a ``[name, ...]`` entry."""
    key = item[0] if isinstance(item, list) and item else ""
    return key if isinstance(key, str) else repr(key)


def _read_index_bytes(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise _failure(f"{path.name}: not a Pagefind index file")
    return data


def _read_index_file(path: Path) -> CborValue:
    data = _read_index_bytes(path)
    value, end = _cbor_decode(data, len(SIGNATURE))
    if end != len(data):
        raise _failure(f"{path.name}: unexpected bytes after the index")
    return value


def _write_index_file(
    folder: Path, old: str, items: list[bytes], digits: int, suffix: str = "pf_filter"
) -> str:
    """Write the array of encoded ``items`` as Pagefind does, named ``LANG_HASH``; returns
    that name."""
    data = SIGNATURE + _cbor_head(4, len(items)) + b"".join(items)
    prefix, _, _ = old.rpartition(".")[2].partition("_")
    name = f"{prefix}_{hashlib.sha256(data).hexdigest()[:digits]}"
    stem = f"pagefind.{name}" if suffix == "pf_meta" else name
    (folder / f"{stem}.{suffix}").write_bytes(gzip.compress(data, mtime=0))
    return name


def _cbor_head_at(data: bytes, i: int) -> tuple[int, int, int]:
    """The CBOR head at ``data[i]``: major type, argument, and where its content starts."""
    major, info = data[i] >> 5, data[i] & 31
    i += 1
    if info < 24:
        return major, info, i
    if info <= 27:
        width = 1 << (info - 24)
        return major, int.from_bytes(data[i : i + width], "big"), i + width
    raise _failure(f"search index: unsupported CBOR item {data[i - 1]:#x}")


def _cbor_skip(data: bytes, i: int) -> int:
    """Where the CBOR item at ``data[i]`` ends, without building it."""
    remaining = 1
    while remaining:
        major, n, i = _cbor_head_at(data, i)
        remaining -= 1
        if major in (2, 3):
            i += n
        elif major == 4:
            remaining += n
        elif major > 1:
            raise _failure(f"search index: unsupported CBOR major type {major}")
    return i


def _cbor_decode(data: bytes, i: int) -> tuple[CborValue, int]:
    """The part of CBOR (RFC 8949) Pagefind's index files use: integers, text, arrays."""
    major, n, i = _cbor_head_at(data, i)
    if major == 0:
        return n, i
    if major == 1:
        return -1 - n, i
    if major == 2:
        return data[i : i + n], i + n
    if major == 3:
        return data[i : i + n].decode("utf-8"), i + n
    if major == 4:
        items: list[CborValue] = []
        for _ in range(n):
            item, i = _cbor_decode(data, i)
            items.append(item)
        return items, i
    raise _failure(f"search index: unsupported CBOR major type {major}")


def _cbor_head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    info, width = next((24 + k, 1 << k) for k in range(4) if n < 1 << (8 << k))
    return bytes([major << 5 | info]) + n.to_bytes(width, "big")


def _cbor_encode(value: CborValue) -> bytes:
    """The shortest encoding, as Pagefind's own encoder writes it."""
    if isinstance(value, int):
        return _cbor_head(0, value) if value >= 0 else _cbor_head(1, -1 - value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _cbor_head(3, len(raw)) + raw
    if isinstance(value, bytes):
        return _cbor_head(2, len(value)) + value
    return _cbor_head(4, len(value)) + b"".join(_cbor_encode(v) for v in value)
