"""Fuzzing the whole build with mutated real content (Hypothesis).

Each case copies the real content folder, damages one file (or the folder
itself) in one way a careless edit, a bad merge or a hostile contribution
could, and runs ``archive-site build`` in-process.  Whatever the damage, the
run must end with exit 0 (and a site) or exit 1 with numbered problems that
each name a file of the content (most with a line); never an internal error
(exit 70), never a traceback.

The suite runs a few dozen cases (a few seconds).  A long campaign runs the
same test with more cases, chosen by the environment::

    ARCHIVE_SITE_FUZZ_CASES=10000 .venv/bin/python -m pytest -q tests/test_fuzz.py -s

and prints its figures (cases, exits, time) at the end (and after every case into the
file ``$ARCHIVE_SITE_FUZZ_PROGRESS``, when set).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CONTENT, TEMPLATES

CASES = int(os.environ.get("ARCHIVE_SITE_FUZZ_CASES", "20"))
FILES = sorted(p.relative_to(CONTENT).as_posix() for p in CONTENT.rglob("*") if p.is_file())

#: Values that have broken, or could break, a loader: dates the site cannot draw,
#: ids that are not ids, links that are not links, YAML that is more than text.
NASTY = [
    "0000",
    "9999",
    "9999-12-31",
    "[..9999-12-31]",
    "0000/9999",
    "2024-02-30",
    "１９９２",
    "../..",
    "[..]",
    "x\n",
    "A" * 300,
    "../../etc/passwd",
    "[x][r]\n\n[r]: site:javascript:alert(1)",
    '[x](site:javascript:alert(1) "t")',
    "[x](year:abc)",
    "<script>alert(1)</script>",
    "!!python/object/apply:os.system ['true']",
    "*alias",
    "&anchor",
    "{",
    "[",
    "]",
    "|",
    ">",
    "~",
    "null",
    "- - -",
    "---",
    "? key",
    ": value",
    "'",
    '"',
    "\x00",
    "\x1b[31m",
    "\t",
    "\u2028",
    "\ufeff",
    "2016",
    "1992-04-02",
    "interview",
    "china",
    "p1",
    "-1",
    "1e400",
    "%",
    "https://x.org/a b",
    "javascript:alert(1)",
]

_line = st.one_of(st.sampled_from(NASTY), st.text(max_size=40))


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, str, tuple[object, ...]]:
    """One damage: (file, operation, arguments)."""
    name = draw(st.sampled_from(FILES))
    op = draw(
        st.sampled_from(
            [
                "replace-line",
                "replace-value",
                "insert",
                "delete-line",
                "duplicate-line",
                "swap-lines",
                "truncate",
                "bytes",
                "remove",
                "folder",
                "link",
                "empty",
            ]
        )
    )
    args = (
        draw(st.integers(min_value=0, max_value=10_000)),
        draw(st.integers(min_value=0, max_value=10_000)),
        draw(_line),
        draw(st.binary(max_size=64)),
    )
    return name, op, args


def damage(root: Path, name: str, op: str, args: tuple[object, ...]) -> None:
    path = root / name
    a, b, text, data = args
    assert isinstance(a, int) and isinstance(b, int) and isinstance(text, str)
    assert isinstance(data, bytes)
    raw = path.read_bytes()
    lines = raw.decode("utf-8").split("\n")
    n, m = a % len(lines), b % len(lines)
    if op == "replace-line":
        lines[n] = text
    elif op == "replace-value":
        key, colon, _ = lines[n].partition(": ")
        lines[n] = f"{key}{colon or ': '}{text}"
    elif op == "insert":
        lines.insert(n, text)
    elif op == "delete-line":
        del lines[n]
    elif op == "duplicate-line":
        lines.insert(n, lines[n])
    elif op == "swap-lines":
        lines[n], lines[m] = lines[m], lines[n]
    elif op == "truncate":
        path.write_bytes(raw[: a % (len(raw) + 1)])
        return
    elif op == "bytes":
        path.write_bytes(raw[: a % (len(raw) + 1)] + data + raw[a % (len(raw) + 1) :])
        return
    elif op == "remove":
        path.unlink()
        return
    elif op == "folder":
        path.unlink()
        path.mkdir()
        return
    elif op == "link":
        path.unlink()
        path.symlink_to("/etc/hostname" if a % 2 else root.parent / "elsewhere.txt")
        return
    elif op == "empty":
        path.write_bytes(b"")
        return
    path.write_text("\n".join(lines), encoding="utf-8")


_PROBLEM = re.compile(r"^\s*\d+\. (.+)$", re.MULTILINE)
_TALLY: Counter[str] = Counter()


def build(content: Path, out: Path) -> tuple[int, str]:
    from archive_site import searchindex
    from archive_site.commands.cli import main

    # Pagefind is a separate program that reads the finished HTML, not the content; it is
    # tested on its own, and leaving it out makes a case several times cheaper.
    err = io.StringIO()
    with (
        mock.patch.object(searchindex, "index_site", lambda folder, reuse, jobs: None),
        contextlib.redirect_stdout(io.StringIO()),
        contextlib.redirect_stderr(err),
    ):
        code = main(
            [
                "build",
                "-q",
                "--content",
                str(content),
                "--templates",
                str(TEMPLATES),
                "-o",
                str(out),
            ]
        )
    return code, err.getvalue()


@pytest.fixture(scope="module")
def tally() -> Iterator[Counter[str]]:
    started = time.perf_counter()
    yield _TALLY
    seconds = time.perf_counter() - started
    cases = sum(v for k, v in _TALLY.items() if k.startswith("exit "))
    figures = ", ".join(f"{k}: {v}" for k, v in sorted(_TALLY.items()))
    print(f"\nfuzz: {cases} cases in {seconds:.0f} s; {figures}")


@settings(
    max_examples=CASES,
    deadline=None,
    derandomize=CASES <= 100,  # the suite's run is the same every time
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(mutations())
def test_damaged_content_never_breaks_the_build(
    tally: Counter[str], mutation: tuple[str, str, tuple[object, ...]]
) -> None:
    name, op, args = mutation
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        shutil.copytree(CONTENT, content)
        damage(content, name, op, args)
        code, err = build(content, Path(tmp) / "dist")
        tally[f"exit {code}"] += 1
        assert code in (0, 1), (mutation, err)
        assert "Traceback" not in err and "internal error" not in err, (mutation, err)
        if code == 0:
            assert (Path(tmp) / "dist/index.html").is_file()
            continue_ok = True
        else:
            problems = _PROBLEM.findall(err)
            assert problems, (mutation, err)
            shown = str(content).replace(os.sep, "/")
            for p in problems:
                assert p.startswith(shown + "/") or p.startswith(shown + ":"), (mutation, p)
            tally["problems with a line"] += sum(1 for p in problems if re.match(r"[^:]+:\d+: ", p))
            tally["problems"] += len(problems)
            continue_ok = False
        tally[f"op {op} {'built' if continue_ok else 'refused'}"] += 1
        progress = os.environ.get("ARCHIVE_SITE_FUZZ_PROGRESS")
        if progress:  # a long campaign's figures so far, in a file
            Path(progress).write_text(json.dumps(dict(sorted(tally.items()))), encoding="utf-8")
