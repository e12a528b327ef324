"""The search index: Pagefind run over the finished site, before it is swapped in.

Pagefind (the ``pagefind[bin]`` package ships its binary) reads the built HTML
and writes ``pagefind/`` beside it: the pages marked ``data-pagefind-body``
(articles, milestones, entities, topics, years) with the filters, metadata and
sort keys their templates set.  It runs on the temporary output folder, so a
failed index fails the build and leaves the previous output as it was.

The binary is run with a scrubbed environment and an empty working folder, so
that no ``PAGEFIND_*`` variable and no ``pagefind.yml`` lying around changes
the index.  Pagefind writes its filter indexes in hash-map order, which changes
from run to run (its issue #638); :func:`canonical_filters` puts them in a fixed
order and renames the files after their content, so the same site always gives a
byte-identical index.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import ArchiveError, Diagnostic
from .urls import SEARCH_INDEX

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
TIMEOUT = 600  # seconds; a 5,000-article archive takes a few


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


def index_site(site: Path, binary: Path | None = None) -> SearchIndex:
    """Index the built site in ``site`` into ``site/pagefind/``; raise ArchiveError on failure."""
    program = binary or executable()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}
    with tempfile.TemporaryDirectory(prefix="archive-site-pagefind-") as cwd:
        try:
            proc = subprocess.run(
                [
                    str(program),
                    "--site",
                    str(site.resolve()),
                    "--output-subdir",
                    FOLDER,
                    "--keep-index-url",
                    *(arg for selector in EXCLUDE for arg in ("--exclude-selectors", selector)),
                    "--quiet",
                ],
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
    if proc.returncode != 0:
        said = _last_lines(proc.stderr + proc.stdout)
        raise _failure(f"Pagefind failed (exit status {proc.returncode}): {said}")
    index = _read_entry(site / FOLDER)
    canonical_filters(site / FOLDER)
    for name in UNUSED:
        (site / FOLDER / name).unlink(missing_ok=True)
    return index


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
    metadata file that lists it, and ``pagefind-entry.json`` names that.
    """
    entry_path = folder / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang in entry["languages"].values():
        meta_path = folder / f"pagefind.{lang['hash']}.pf_meta"
        meta = _array(_read_index_file(meta_path), meta_path)
        filters: list[CborValue] = []
        for item in sorted(_array(meta[3], meta_path), key=_first):
            name, old = _array(item, meta_path)
            path = folder / "filter" / f"{_first([old])}.pf_filter"
            data = _array(_read_index_file(path), path)
            data[1] = sorted(_array(data[1], path), key=_first)
            path.unlink()
            filters.append([name, _write_index_file(folder / "filter", path.stem, data, 7)])
        meta[3] = filters
        meta_path.unlink()
        lang["hash"] = _write_index_file(folder, f"pagefind.{lang['hash']}", meta, 10, "pf_meta")
    entry_path.write_text(
        json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        encoding="utf-8",
    )


def _array(value: CborValue, path: Path) -> list[CborValue]:
    if not isinstance(value, list):
        raise _failure(f"{path.name}: not the index layout of Pagefind 1.5")
    return value


def _first(item: CborValue) -> str:
    """Sort key of a ``[name, ...]`` entry."""
    key = item[0] if isinstance(item, list) and item else ""
    return key if isinstance(key, str) else repr(key)


def _read_index_file(path: Path) -> CborValue:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise _failure(f"{path.name}: not a Pagefind index file")
    value, end = _cbor_decode(data, len(SIGNATURE))
    if end != len(data):
        raise _failure(f"{path.name}: unexpected bytes after the index")
    return value


def _write_index_file(
    folder: Path, old: str, value: CborValue, digits: int, suffix: str = "pf_filter"
) -> str:
    """Write ``value`` as Pagefind does, named ``LANG_HASH``; returns that name."""
    data = SIGNATURE + _cbor_encode(value)
    prefix, _, _ = old.rpartition(".")[2].partition("_")
    name = f"{prefix}_{hashlib.sha256(data).hexdigest()[:digits]}"
    stem = f"pagefind.{name}" if suffix == "pf_meta" else name
    (folder / f"{stem}.{suffix}").write_bytes(gzip.compress(data, mtime=0))
    return name


def _cbor_decode(data: bytes, i: int) -> tuple[CborValue, int]:
    """The part of CBOR (RFC 8949) Pagefind's index files use: integers, text, arrays."""
    major, info = data[i] >> 5, data[i] & 31
    i += 1
    if info < 24:
        n = info
    elif info <= 27:
        width = 1 << (info - 24)
        n, i = int.from_bytes(data[i : i + width], "big"), i + width
    else:
        raise _failure(f"search index: unsupported CBOR item {data[i - 1]:#x}")
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
