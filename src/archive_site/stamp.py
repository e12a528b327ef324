"""The build stamp: an unchanged archive is not built again.

After a successful build, a stamp beside the output folder
(``.dist.stamp.json`` for ``dist/``) records a fingerprint of everything the
build read (every file under ``content/`` and ``templates/`` by its SHA-256,
the package's own code, the versions of the libraries that shape the output,
and the settings: base URL, strict), and a manifest of the output folder as
it was written (each file's path, size and modification time).

The next build with the same fingerprint, into an output folder that still
matches its manifest, has nothing to do: the site it would write is the one
already there, byte for byte.  Anything else (an edited, added, renamed or
deleted file, another setting, a touched output) builds in full.

File hashes are reused from the stamp for files whose size, modification time
and inode are unchanged *and* which were last modified well before the stamp
was written; a file changed within the same clock tick as a build is always
hashed again (git's "racily clean" rule).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

#: Modification times this close to the stamp's own are not trusted (nanoseconds).
RACY_NS = 2_000_000_000
#: The libraries whose versions can change the output.
LIBRARIES = ("archive-site", "jinja2", "markdown", "pyyaml", "python-slugify", "pagefind")
FORMAT = 1

Stat = tuple[int, int, int]  # size, mtime_ns, inode


def stamp_path(output: Path) -> Path:
    """Where the stamp of ``output`` lives: beside it, never inside (it is not published)."""
    out = output.absolute()
    return out.parent / f".{out.name}.stamp.json"


def _files(root: Path) -> Iterator[tuple[str, os.stat_result]]:
    """Every regular file under ``root``, by path relative to it, in sorted order."""
    stack = [root]
    found: list[tuple[str, os.stat_result]] = []
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                stack.append(Path(entry.path))
            elif entry.is_file(follow_symlinks=False):
                rel = Path(entry.path).relative_to(root).as_posix()
                found.append((rel, entry.stat(follow_symlinks=False)))
    yield from sorted(found, key=lambda f: f[0])


def _stat(st: os.stat_result) -> Stat:
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def _sha(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


@dataclass(frozen=True, slots=True)
class Inputs:
    """What a build read: the fingerprint, and each file's stat and hash for the next time."""

    fingerprint: str
    hashes: dict[str, tuple[Stat, str]]


def inputs(
    folders: Mapping[str, Path],
    settings: Mapping[str, object],
    previous: Mapping[str, tuple[Stat, str]],
    previous_ns: int,
) -> Inputs:
    """The fingerprint of the files under ``folders`` (by name) and of ``settings``."""
    h = hashlib.sha256()
    h.update(json.dumps([FORMAT, code_version(), settings], sort_keys=True, default=str).encode())
    hashes: dict[str, tuple[Stat, str]] = {}
    for name, folder in sorted(folders.items()):
        for rel, st in _files(folder):
            key = f"{name}/{rel}"
            stat = _stat(st)
            known = previous.get(key)
            trusted = known is not None and known[0] == stat and stat[1] < previous_ns - RACY_NS
            digest = known[1] if trusted and known is not None else _sha(folder / rel)
            hashes[key] = (stat, digest)
            h.update(f"{key}\0{digest}\n".encode())
    return Inputs(h.hexdigest(), hashes)


def code_version() -> list[str]:
    """The package's own code and the versions of the libraries the output depends on."""
    package = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for rel, _ in _files(package):
        if rel.endswith((".py", ".json", ".js", ".css", ".html")) and "__pycache__" not in rel:
            h.update(rel.encode() + b"\0" + (package / rel).read_bytes())
    versions = []
    for lib in LIBRARIES:
        try:
            versions.append(f"{lib}=={importlib.metadata.version(lib)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{lib} missing")
    return [h.hexdigest(), sys.version, *versions]


def manifest(output: Path) -> dict[str, list[int]]:
    """The output folder as it is: each file's size and modification time."""
    return {rel: [st.st_size, st.st_mtime_ns] for rel, st in _files(output)}


@dataclass(frozen=True, slots=True)
class Stamp:
    """The stamp of the last successful build into an output folder."""

    fingerprint: str
    written_ns: int
    hashes: dict[str, tuple[Stat, str]]
    manifest: dict[str, list[int]]
    summary: dict[str, object]  # figures for the report: pages, files, summary

    @staticmethod
    def read(output: Path) -> Stamp | None:
        """The stamp of ``output``, or None when there is none that can be used."""
        try:
            data = json.loads(stamp_path(output).read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                return None
            hashes = {k: (tuple(v[0]), v[1]) for k, v in data["hashes"].items()}
            return Stamp(
                data["fingerprint"],
                data["written_ns"],
                hashes,
                data["manifest"],
                data["summary"],
            )
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None

    def matches(self, found: Inputs, output: Path) -> bool:
        """Whether a build of ``found`` would write what ``output`` already holds."""
        return (
            found.fingerprint == self.fingerprint
            and output.is_dir()
            and manifest(output) == self.manifest
        )


def write_stamp(output: Path, found: Inputs, summary: Mapping[str, object]) -> None:
    """Record a successful build of ``found`` into ``output`` (best effort: a stamp that
    cannot be written only means the next build builds in full)."""
    data = {
        "format": FORMAT,
        "fingerprint": found.fingerprint,
        "written_ns": time.time_ns(),
        "hashes": {k: [list(s), d] for k, (s, d) in found.hashes.items()},
        "manifest": manifest(output),
        "summary": dict(summary),
    }
    path = stamp_path(output)
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)


def forget(output: Path) -> None:
    """Remove the stamp of ``output`` (before the output changes)."""
    stamp_path(output).unlink(missing_ok=True)
