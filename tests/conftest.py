"""Fixtures shared by the whole suite.

``site`` builds the real archive once per session into a temporary folder
(through the same pipeline as ``python build.py``); tests that need a site of
their own copy the project with ``project_copy``, or with ``small_copy`` (the
archive cut down) when they build it many times.
"""

from __future__ import annotations

import compileall
import contextlib
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import jinja2
import pytest
from hypothesis import settings

#: No Hypothesis deadline: a deadline is a timing assertion, and on a loaded machine a case
#: that takes a tenth of a millisecond can take hundreds (tests never assert on time).
settings.register_profile("suite", deadline=None)
settings.load_profile("suite")

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
TEMPLATES = ROOT / "templates"
TEST_BASE_URL = "https://example.org/archive-site/"

INTERVIEW = "2025-04-21-aliyev-xinhua-interview"
COMMENTARY = "2025-04-23-ednews-strategic-partnership-new-stage"


def pytest_configure(config: pytest.Config) -> None:
    """Bytecode caches, where PYTHONDONTWRITEBYTECODE would leave none (git ignores them all).

    The package's, compiled once as `make site` does: every ``python build.py`` the tests
    start would otherwise compile it anew. And pytest's own, of the test modules (and of
    the plugins' packages, hypothesis's among them) with their asserts rewritten: each
    pytest-xdist worker would otherwise rewrite and compile them all again, every run.
    """
    sys.dont_write_bytecode = False
    if not hasattr(config, "workerinput"):  # once, before pytest-xdist starts its workers
        compileall.compile_dir(ROOT / "src", quiet=1)
        _own_cache_home()
    if os.environ.get(REPLAY_INDEX):
        _replay_pagefind(Path(os.environ[_CACHE_HOME]) / "pagefind-runs")


_CACHE_HOME = "ARCHIVE_SITE_TEST_CACHE_HOME"  # the folder made below, to remove at the end


def _own_cache_home() -> None:
    """Point XDG_CACHE_HOME at a fresh folder for the session, inherited by every worker and
    every process the tests start: the builds' caches (compiled templates, records, search
    index records) of a thousand temporary archives stay out of the user's cache folder, and
    a test never starts from a cache an earlier run left."""
    folder = tempfile.mkdtemp(prefix="archive-site-test-cache-")
    os.environ["XDG_CACHE_HOME"] = os.environ[_CACHE_HOME] = folder


#: Set by ``make test-fast``: a Pagefind run over pages a run of this session has already
#: indexed (the same paths and bytes, binary, options and ``searchindex`` module: what
#: :func:`~archive_site.searchindex.index_key` names) copies that run's output instead of
#: running Pagefind again; about two runs in three of the suite's are such repeats. ``make
#: test`` (CI) runs Pagefind every time, so that the tests of an index's determinism see
#: runs of their own.
REPLAY_INDEX = "ARCHIVE_SITE_TEST_REPLAY_INDEX"


def _replay_pagefind(memo: Path) -> None:
    """Make this process's Pagefind runs replay earlier ones kept in ``memo`` (shared by the
    pytest-xdist workers) when made from the same pages (see :data:`REPLAY_INDEX`)."""
    from archive_site import searchindex

    run = searchindex._run_pagefind
    memo.mkdir(exist_ok=True)

    def replayed(
        site: Path,
        pages: list[str],
        program: Path,
        output: Path,
        stage: Path,
        *,
        runs: searchindex._Runs | None = None,
    ) -> None:
        digests = {page: hashlib.sha256((site / page).read_bytes()).digest() for page in pages}
        made = memo / searchindex.index_key(digests, program)
        if made.is_dir():
            shutil.copytree(made, output, dirs_exist_ok=True)
            return
        run(site, pages, program, output, stage, runs=runs)
        kept = Path(tempfile.mkdtemp(dir=memo))
        shutil.copytree(output, kept, dirs_exist_ok=True)
        with contextlib.suppress(OSError):  # another worker kept the same run first
            kept.rename(made)
        shutil.rmtree(kept, ignore_errors=True)

    searchindex._run_pagefind = replayed  # type: ignore[assignment]


def pytest_unconfigure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput") and _CACHE_HOME in os.environ:
        shutil.rmtree(os.environ.pop(_CACHE_HOME), ignore_errors=True)


#: Slow modules that would sort late, run first instead. pytest-xdist hands tests out in the
#: order they were collected, the first quarter in two consecutive chunks (one per worker) and
#: the rest as workers ask: a long test collected last keeps one worker busy after the other has
#: run out, and slow modules all collected first would all land in the first worker's chunk.
#: These two hold the longest single tests (the stamp's chain of builds, the live servers).
#: A wrong guess costs time, never a result.
SLOW_FIRST = ("test_stamp.py", "test_serve.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run SLOW_FIRST's modules first; every other test keeps its place in the order."""

    def rank(item: pytest.Item) -> int:
        name = item.path.name
        return SLOW_FIRST.index(name) if name in SLOW_FIRST else len(SLOW_FIRST)

    items.sort(key=rank)


@dataclass(frozen=True)
class BuiltSite:
    root: Path  # the output folder
    base_url: str

    def page(self, path: str) -> str:
        return (self.root / path).read_text(encoding="utf-8")

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real archive, built once with a test base URL under a project path."""
    from archive_site.pipeline import Paths, build

    out = tmp_path_factory.mktemp("site") / "dist"
    build(Paths(CONTENT, TEMPLATES, out), base_url=TEST_BASE_URL, strict=True)
    return BuiltSite(out, TEST_BASE_URL)


#: The generated archive whose lists all split (see paged_site).
PAGED_N = 120
PAGED_BASE_URL = "https://example.org/sub/"


#: More milestones quoting the first one's passage in the paged archive: one passage quoted
#: by many, whose marks and lists are bounded (the limits of render.paging lowered).
PAGED_QUOTED_AGAIN = 6
#: The sources of the paged archive's one milestone quoting many articles (its entries in
#: lists show 4, and each of its articles lists 5 related ones: the limits lowered).
PAGED_WIDE = 10
#: Hand-written pages the paged archive adds to its one (the navigation names 3, and the
#: page index, of 7 a page, splits in two).
PAGED_NOTES = 9


def _notes(pages: Path, count: int) -> None:
    """Write ``count`` hand-written pages in ``pages``: ``note-1.md``..."""
    for n in range(1, count + 1):
        text = f"---\ntitle: Note {n}\ndescription: The note number {n}.\n---\n\nNote {n}.\n"
        (pages / f"note-{n}.md").write_text(text, encoding="utf-8")


def _renamed(content: Path) -> None:
    """Give the first entity, topic, milestone and article and a hand-written page of the
    generated archive a former id each (``formerly-ID``): the build writes a page at each
    old address that sends the reader on, which the paged archive's checks then cover."""
    for name in ("entities.yaml", "topics.yaml", "milestones.yaml"):
        path = content / name
        text = path.read_text(encoding="utf-8")
        ident = text.split(None, 3)[2]
        first = f"- id: {ident}\n"
        assert text.startswith(first), text[:80]
        again = f"{first}  former_ids: [formerly-{ident}]\n"
        path.write_text(again + text[len(first) :], encoding="utf-8")
    meta = min((content / "articles").glob("*.meta.yaml"))
    ident = meta.name.removesuffix(".meta.yaml")
    with meta.open("a", encoding="utf-8") as f:
        f.write(f"former_ids: [formerly-{ident}]\n")
    note = content / "pages" / "note-1.md"
    note.write_text(
        note.read_text(encoding="utf-8").replace(
            "---\n", "---\nformer_ids: [formerly-note-1]\n", 1
        ),
        encoding="utf-8",
    )


def _recaptured(content: Path) -> None:
    """A later capture of the second article (``updates``), a paragraph added at its end and
    another changed: its page says what changed since the earlier capture, with links to
    the paragraphs of each, which the paged archive's checks then cover."""
    meta = sorted((content / "articles").glob("*.meta.yaml"))[1]
    ident = meta.name.removesuffix(".meta.yaml")
    capture = meta.with_name(f"{ident}.capture.txt").read_text(encoding="utf-8")
    first, rest = capture.split("\n\n", 1)
    later = f"{first} And more.\n\n{rest.rstrip()}\n\nA paragraph added when the story changed.\n"
    (content / "articles" / f"{ident}-later.capture.txt").write_text(later, encoding="utf-8")
    text = meta.read_text(encoding="utf-8")
    meta.write_text(text + "captured: 2020-01-02\n", encoding="utf-8")
    again = meta.with_name(f"{ident}-later.meta.yaml")
    again.write_text(text + f"updates: {ident}\ncaptured: 2020-02\n", encoding="utf-8")


def _withdrawn(milestones: Path) -> None:
    """Withdraw the second milestone of ``milestones`` (``withdrawn:``): its page, saying
    so, is reached from the timeline's list of withdrawals alone, and in no other list."""
    head, *records = _RECORD.split(milestones.read_text(encoding="utf-8"))
    records[1] += "  withdrawn: {date: 2026-03-02, reason: 'Misread: a plan, not a decision.'}\n"
    milestones.write_text(head + "".join(records), encoding="utf-8")


def _quoted_again(milestones: Path, copies: int) -> None:
    """Append ``copies`` of the first milestone of ``milestones``, each its own id, title
    and date (a month of its year apart from the first's, by the archivist's reading: one
    passage telling several events, not one event dated twice), quoting the same passage."""
    text = milestones.read_text(encoding="utf-8")
    first = text[: text.index("\n- id: ") + 1]
    ident = first.split()[2]
    year, month = re.search(r'(?m)^  date: "(\d{4})-(\d\d)"$', first).groups()  # type: ignore[union-attr]
    months = [m for m in range(1, 13) if m != int(month)]
    again = [
        re.sub(
            r'(?m)^  date: "\d{4}-\d\d"$',
            f'  date: "{year}-{months[n - 1]:02d}"\n  date_note: "The archivist\'s own reading."',
            re.sub(
                r'(?m)^  title: ("?)',
                lambda m, n=n: f"  title: {m[1]}Again {n}, ",  # type: ignore[misc]
                first.replace(f"- id: {ident}\n", f"- id: {ident}-again-{n}\n", 1),
                count=1,
            ),
            count=1,
        )
        for n in range(1, copies + 1)
    ]
    # and one milestone quoting the passages of the first PAGED_WIDE milestones
    sources = re.findall(r"    - article: \S+\n      quote: .*\n", text)[:PAGED_WIDE]
    wide = (
        '- id: wide\n  date: "2024"\n  title: Many sources\n  summary: Quoted by many.\n'
        "  date_note: The archivist's own reading.\n  topics: [topic-01]\n  sources:\n"
        + "".join(sources)
    )
    milestones.write_text(text + "".join(again) + wide, encoding="utf-8")


@pytest.fixture(scope="session")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated archive (bench/synthetic.py) of PAGED_N articles, built with the paging
    limits lowered so that every list splits: timeline, article index, entities, topics, years,
    the entity index (by type), the topic index and the page index; the timeline's years
    and the years index are listed by century, and the sitemap is an index of sitemaps."""
    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import write_content

    from archive_site.pipeline import Paths, build
    from archive_site.render import paging

    work = tmp_path_factory.mktemp("paged")
    content = write_content(work, PAGED_N)
    _quoted_again(content / "milestones.yaml", PAGED_QUOTED_AGAIN)
    _withdrawn(content / "milestones.yaml")
    _notes(content / "pages", PAGED_NOTES)
    _renamed(content)
    _recaptured(content)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(paging, "MENU_PAGES", 3)
        mp.setattr(paging, "HOME_TOPICS", 12)
        mp.setattr(paging, "MARKS_APART", 2)
        mp.setattr(paging, "CITES_LISTED", 3)
        mp.setattr(paging, "CITED_LISTED", 4)
        mp.setattr(paging, "RELATED_LISTED", 5)
        mp.setattr(paging, "PER_PAGE", 7)
        mp.setattr(paging, "TIMELINE_ONE_PAGE", 50)
        mp.setattr(paging, "ARTICLES_ONE_PAGE", 50)
        mp.setattr(paging, "ENTITIES_ONE_PAGE", 20)
        mp.setattr(paging, "NAMES_PER_PAGE", 4)
        mp.setattr(paging, "NAMES_SHOWN", 3)
        mp.setattr(paging, "OVERVIEW_MARKS", 50)
        mp.setattr(paging, "FEED_ENTRIES", 9)
        mp.setattr(paging, "SITEMAP_URLS", 100)
        mp.setattr(paging, "YEARS_LISTED", 20)  # (the timeline's 30 years, the index's 40)
        mp.setattr(paging, "CHOICES_LISTED", 10)  # the topics (30) and years: boxes to type in
        build(Paths(content, TEMPLATES, work / "dist"), base_url=PAGED_BASE_URL, strict=True)
    return work / "dist"


@pytest.fixture
def project_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of content/ and templates/ in a temporary folder, which is made the working folder.

    Error messages then name files as a user sees them: ``content/milestones.yaml:12``.
    """
    shutil.copytree(CONTENT, tmp_path / "content")
    shutil.copytree(TEMPLATES, tmp_path / "templates")
    monkeypatch.chdir(tmp_path)
    yield tmp_path


#: The start of each record in milestones.yaml, entities.yaml and topics.yaml.
_RECORD = re.compile(r"(?m)^(?=- id: )")


def _records(path: Path) -> tuple[str, list[tuple[str, str]]]:
    """The text of a YAML list file before its first record, and each record's id and text."""
    head, *records = _RECORD.split(path.read_text(encoding="utf-8"))
    return head, [(r.split(None, 3)[2], r) for r in records]


def small_archive(dest: Path, milestones: int = 3) -> Path:
    """The project's content/ and templates/ copied into ``dest``, the archive cut down to its
    first ``milestones`` milestones and the entities and topics that those, the articles'
    metadata and the pages name; returns ``dest``.

    Every kind of record stays (both articles, their captures untouched, milestones, entities,
    topics, years, the pages) in a fraction of the pages: for the tests that build again and
    again to compare whole trees (the stamp, the record cache), where any record of a kind
    shows whether that kind is kept up to date, and a build is three times quicker.
    """
    shutil.copytree(CONTENT, dest / "content")
    shutil.copytree(TEMPLATES, dest / "templates")
    content = dest / "content"
    head, records = _records(content / "milestones.yaml")
    kept = "".join(text for _, text in records[:milestones])
    (content / "milestones.yaml").write_text(head + kept, encoding="utf-8")
    named = kept + "".join(
        p.read_text(encoding="utf-8")
        for p in sorted([*content.glob("articles/*.meta.yaml"), *content.glob("pages/*.md")])
    )
    for name in ("entities.yaml", "topics.yaml"):
        head, records = _records(content / name)
        used = [
            text for i, text in records if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", named)
        ]
        (content / name).write_text(head + "".join(used), encoding="utf-8")
    return dest


@pytest.fixture
def small_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """:func:`small_archive` in a temporary folder, which is made the working folder."""
    small_archive(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


class _CompiledHere(jinja2.BytecodeCache):
    """Compiled templates kept in this process's memory, by template and source checksum."""

    def __init__(self) -> None:
        self.code: dict[tuple[str, str], bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.code.get((bucket.key, bucket.checksum))
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key, bucket.checksum] = bucket.bytecode_to_string()


_COMPILED_HERE = _CompiledHere()


def cold_builds(m: pytest.MonkeyPatch) -> None:
    """Make the builds under ``m`` cold ones, to compare with: ``ARCHIVE_SITE_NO_CACHE=1``
    (no stamp, no record cache, no page or search index reused, no compiled template from
    the build's cache); only the templates' compiled code is kept, in this process's memory
    and apart from the build's cache, so that a test making many cold builds compiles each
    template once. Jinja looks an entry up by the template's name and file and checks the
    checksum of its source: an edited template is compiled again."""
    from archive_site.render import environment

    m.setenv("ARCHIVE_SITE_NO_CACHE", "1")
    m.setattr(environment, "_bytecode_cache", lambda env: _COMPILED_HERE)


def run_cli(
    *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run ``python build.py ARGS`` as a user would, in ``cwd``, in a new interpreter.

    For what only a real process shows: its exit status, what reaches its file
    descriptors, signals and pipes, a command that might never return (``serve``).
    Everything else uses :func:`cli`, which is the same code without the half second
    a new interpreter spends importing the package.
    """
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def cli(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python build.py ARGS`` in this process: the entry point ``build.py`` calls, in ``cwd``
    (default: the working folder) with ``env`` as the whole environment (default: this one),
    its exit code (argparse's too) and what it prints returned as :func:`run_cli` returns them.
    Never for ``serve``, which would not return.
    """
    from archive_site.commands.cli import build_py_main

    assert args[:1] != ("serve",), "serve runs until stopped: use run_cli"
    out, err = io.StringIO(), io.StringIO()
    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    try:
        if env is not None:
            os.environ.clear()
            os.environ.update(env)
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = build_py_main(list(args))
            except SystemExit as exc:  # argparse's usage errors and --help
                code = 0 if exc.code is None else exc.code if isinstance(exc.code, int) else 1
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return subprocess.CompletedProcess(["build.py", *args], code, out.getvalue(), err.getvalue())


def edit(path: Path, old: str, new: str) -> int:
    """Replace ``old`` (which must occur) and return the 1-based line it was on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


NOTE_ID = "2025-05-01-note"


def build_with_note(project: Path, body: str, front: str = "") -> str:
    """Build ``project`` (the working folder, a copy of the seed) into ``out/`` with a
    Markdown article ``NOTE_ID`` of ``body`` (``front``: more front matter lines), and give
    its page."""
    (project / f"content/articles/{NOTE_ID}.md").write_text(
        "---\ntitle: A note on the partnership\npublished: 2025-05-01\noutlet: EDnews\n"
        f"kind: news\n{front}---\n\n{body}",
        encoding="utf-8",
    )
    result = cli("build", "-o", "out")
    assert result.returncode == 0, result.stderr
    return (project / f"out/articles/{NOTE_ID}.html").read_text(encoding="utf-8")
