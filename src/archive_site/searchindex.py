"""The search index: Pagefind run over the finished site, before it is swapped in.

Pagefind (the ``pagefind[bin]`` package ships its binary) reads the built HTML
and writes ``pagefind/`` beside it: the pages marked ``data-pagefind-body``
(articles, milestones, entities, topics, years) with the filters, metadata and
sort keys their templates set.  It runs on the temporary output folder, so a
failed index fails the build and leaves the previous output as it was.  It is
handed hard links to those pages alone, so it parses no page it would not index.

An index is reused rather than made again when its pages, Pagefind's binary and
options and this module are unchanged (:func:`index_key`) and the previous
output's ``pagefind/`` is as the build left it: a record in the user's cache
folder (:func:`record_path`) holds the key and each file's size, modification
time and inode.  Pagefind takes seconds per thousand articles; the
check takes a read of the pages.

The binary is run with a scrubbed environment and an empty working folder, so
that no ``PAGEFIND_*`` variable and no ``pagefind.yml`` lying around changes
the index.  Pagefind writes its filter indexes in hash-map order, which changes
from run to run (its issue #638); :func:`canonical_filters` puts them in a fixed
order and renames the files after their content, so the same site always gives a
byte-identical index.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .errors import ArchiveError, Diagnostic
from .files import cache_entry, prune_newest
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
#: Left out of the index by selector rather than tagged, being on every paragraph of an
#: article: the paragraph's number (¶7) and the titles of the milestones citing it.
EXCLUDE = (".para > .pa", ".para > .cites")
#: Records of the newest indexes kept (one per output folder: ``serve`` makes a new one for
#: every build, and only the last is ever reused).
KEEP_RECORDS = 32
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


@dataclass(frozen=True, slots=True)
class SearchIndex:
    """What Pagefind indexed: its version and the pages of each language."""

    version: str
    pages: int


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


def index_site(site: Path, reuse: Path | None = None, binary: Path | None = None) -> SearchIndex:
    """Index the built site in ``site`` into ``site/pagefind/``; raise ArchiveError on failure.

    ``reuse`` is the previous output folder: when the pages to index, Pagefind and its
    options are those its index was made from (see :func:`index_key`) and that index is
    as the build left it, it is linked into ``site`` instead of running Pagefind again.
    """
    program = binary or executable()
    pages = indexed_pages(site)
    key = index_key(pages, program)
    if reuse is None or not _reused(reuse, site, key):
        _make(site, list(pages), program, site / FOLDER, site / STAGE)
        if reuse is not None and (reuse / FOLDER).is_dir():
            share_unchanged(site / FOLDER, reuse / FOLDER)  # see there: the swap is faster
    index = _read_entry(site / FOLDER)
    if reuse is not None:
        _remember(reuse, site, key)
    return index


def index_into(site: Path, into: Path, binary: Path | None = None) -> SearchIndex:
    """Index the finished site in ``site`` into the new folder ``into`` (not inside ``site``):
    byte for byte the ``pagefind/`` a build writes into the site.  ``serve`` makes its index
    so, after the pages are served, and swaps it in whole when it is complete."""
    program = binary or executable()
    stage = into.with_name(into.name + STAGE)
    _make(site, list(indexed_pages(site)), program, into, stage)
    return _read_entry(into)


def _make(site: Path, pages: list[str], program: Path, output: Path, stage: Path) -> None:
    """Run Pagefind over ``pages`` of ``site`` (linked into ``stage`` meanwhile), its index
    written into ``output`` and made deterministic."""
    _run_pagefind(site, pages, program, output, stage)
    canonical_filters(output)
    for name in UNUSED:
        (output / name).unlink(missing_ok=True)


def indexed_pages(site: Path) -> dict[str, bytes]:
    """The HTML files Pagefind indexes, by path from ``site`` in sorted order, with the
    SHA-256 of each.

    As Pagefind decides: the pages holding a ``data-pagefind-body`` element, or every
    page when none does.  A page that only says the attribute's name in its text is
    handed over too; Pagefind finds no body in it and leaves it out.
    """
    every: dict[str, bytes] = {}
    marked: dict[str, bytes] = {}
    for path in regular_files(site, ".html"):
        with open(f"{site}/{path}", "rb") as f:  # noqa: PTH123 (no path object per page)
            data = f.read()
        every[path] = hashlib.sha256(data).digest()
        if BODY in data:
            marked[path] = every[path]
    return marked or every


def index_key(pages: dict[str, bytes], program: Path) -> str:
    """What the index is made from: the pages' paths and bytes, Pagefind's binary, its
    options, and this module (which rewrites the index); SHA-256, hexadecimal."""
    key = hashlib.sha256(b"archive-site search index 1\0")
    for part in (program.read_bytes(), Path(__file__).read_bytes()):
        key.update(hashlib.sha256(part).digest())
    key.update("\0".join(_options()).encode("utf-8") + b"\0")
    for page, digest in pages.items():
        key.update(page.encode("utf-8") + b"\0" + digest)
    return key.hexdigest()


def _options() -> list[str]:
    """Pagefind's options that shape the index (the folders are given apart)."""
    excluded = (arg for selector in EXCLUDE for arg in ("--exclude-selectors", selector))
    return ["--keep-index-url", *excluded]


def _run_pagefind(site: Path, pages: list[str], program: Path, output: Path, stage: Path) -> None:
    """Run Pagefind over hard links to ``pages`` alone (in the folder ``stage``, removed
    afterwards), so that it reads no page it would not index; its index goes into ``output``."""
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
        proc = subprocess.run(
            command,
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise _failure(f"could not run Pagefind ({program}): {exc}") from None
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    if proc.returncode != 0:
        said = _last_lines(proc.stderr + proc.stdout)
        raise _failure(f"Pagefind failed (exit status {proc.returncode}): {said}")


def _link_tree(source: Path, target: Path, files: list[str]) -> None:
    """``target/F`` for each ``source/F``: a hard link where the file system allows, else a copy."""
    made: set[str] = set()
    for name in files:
        src, dest = f"{source}/{name}", f"{target}/{name}"
        folder = dest.rpartition("/")[0]
        if folder not in made:
            Path(folder).mkdir(parents=True, exist_ok=True)
            made.add(folder)
        try:
            os.link(src, dest)
        except OSError:
            shutil.copy2(src, dest)


# --- reusing the previous index ----------------------------------------------------------

Stat = tuple[int, int, int]  # size, mtime_ns, inode


def record_path(output: Path) -> Path:
    """Where the record of ``output``'s index lives: in the user's cache folder, named after
    the output folder's absolute path (never in or beside the output: it is not published)."""
    return cache_entry("search", output).with_suffix(".json")


def _listing(folder: Path) -> dict[str, Stat]:
    """Every file under ``folder`` by path from it, with its size, mtime and inode."""
    found: dict[str, Stat] = {}
    for name in regular_files(folder):
        st = os.stat(f"{folder}/{name}", follow_symlinks=False)  # noqa: PTH116
        found[name] = (st.st_size, st.st_mtime_ns, st.st_ino)
    return found


def _reused(previous: Path, site: Path, key: str) -> bool:
    """Link the previous output's index into ``site`` if it was made from ``key`` and is as
    the build left it (every file's size, modification time and inode; nothing added)."""
    try:
        record = json.loads(record_path(previous).read_text(encoding="utf-8"))
        if record.get("key") != key:
            return False
        files = {name: tuple(stat) for name, stat in record["files"].items()}
        if not files or _listing(previous / FOLDER) != files:
            return False
        _link_tree(previous / FOLDER, site / FOLDER, sorted(files))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        shutil.rmtree(site / FOLDER, ignore_errors=True)
        return False
    return True


def _remember(previous: Path, site: Path, key: str) -> None:
    """Record what the new index was made from; its files keep their inodes when ``site``
    is swapped in for ``previous``.  Without a writable cache folder, nothing is kept."""
    record = json.dumps({"key": key, "files": _listing(site / FOLDER)}, sort_keys=True)
    path = record_path(previous)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(record, encoding="utf-8")
    prune_newest(path.parent, KEEP_RECORDS)


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
    entry_path.write_text(
        json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        encoding="utf-8",
    )


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
