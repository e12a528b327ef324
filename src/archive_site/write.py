"""Write the rendered site: into a fresh folder, swapped in only when complete.

A failed build never leaves a half-written output folder: the previous one
stays exactly as it was until the new one is complete on disk.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from .errors import ArchiveError, Diagnostic, display_path
from .model import Output

MARKER = ".nojekyll"  # every site we build has it; see check_output_folder


def check_output_folder(out: Path, protected: Iterable[Path]) -> None:
    """Refuse to replace a folder that holds content or was not built by us."""
    target = out.resolve()
    for p in protected:
        q = p.resolve()
        if target == q or target in q.parents:
            raise ArchiveError(
                [
                    Diagnostic(
                        display_path(out),
                        None,
                        f"the output folder would replace {display_path(p)}",
                    )
                ]
            )
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise ArchiveError(
            [Diagnostic(display_path(out), None, "the output path exists and is not a folder")]
        )
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise ArchiveError(
            [
                Diagnostic(
                    display_path(out),
                    None,
                    "the output folder exists but was not built by archive-site (it has no "
                    f"{MARKER}); remove it or choose another with --output",
                )
            ]
        )


def write_site(
    outputs: Iterable[Output], out: Path, finish: Callable[[Path], object] | None = None
) -> int:
    """Write every output under a temporary folder beside ``out``, then swap it in.

    ``finish`` (the search index) runs on the complete temporary folder before
    the swap; if it raises, nothing is swapped. Returns the number of files written.
    """
    parent = out.absolute().parent
    parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=parent))
    old: Path | None = None
    try:
        tmp.chmod(0o755)
        count = 0
        made: set[Path] = {tmp}
        for o in outputs:
            path = tmp / o.path
            if path.parent not in made:
                path.parent.mkdir(parents=True, exist_ok=True)
                made.add(path.parent)
            path.write_bytes(o.data)
            count += 1
        if finish is not None:
            finish(tmp)
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=parent))
            out.replace(old / out.name)
        tmp.replace(out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and not out.exists() and (old / out.name).exists():
            (old / out.name).replace(out)  # put the previous site back
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    return count
