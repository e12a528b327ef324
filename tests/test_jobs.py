"""``--jobs``: pages rendered and written by several processes give the same site, and fail
as a serial build fails."""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jinja2
import pytest

from archive_site import produce as produce_module
from archive_site import render, searchindex
from archive_site.commands.cli import main
from archive_site.errors import ArchiveError, Diagnostic
from archive_site.model import Archive
from archive_site.pipeline import Paths, check
from archive_site.produce import WorkerCrash, produce
from archive_site.render import Site, plan_site
from archive_site.render.environment import (
    CompiledAhead,
    cache_compiled,
    compile_all,
    kept_compiled,
)
from archive_site.render.renderer import template_environment
from conftest import CONTENT, ROOT, TEMPLATES, cold_builds

#: Enough articles for more outputs than produce.MIN_PAGES: the workers really run.
N = 120


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import write_content

    return write_content(tmp_path_factory.mktemp("jobs"), N)


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` and the SHA-256 of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def planned(content: Path) -> Site:
    report = check(Paths(content, TEMPLATES, Path("unused")))
    assert report.archive is not None
    return plan_site(report.archive, TEMPLATES, content)


@pytest.fixture(scope="module")
def synthetic_plan(synthetic: Path) -> Site:
    """The plan of the synthetic archive, made once: rendering and writing only read it."""
    return planned(synthetic)


@pytest.fixture(scope="module")
def synthetic_serial(
    synthetic_plan: Site, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str]:
    """The tree the synthetic archive's plan gives in one process."""
    folder = tmp_path_factory.mktemp("serial")
    produce(synthetic_plan, folder, 1)
    return tree(folder)


@pytest.fixture
def workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[], int]:
    """How many worker processes have run since (each leaves a mark)."""
    marks = tmp_path / "marks"
    marks.mkdir()
    real = produce_module._worker

    def marked(*args: Any) -> None:
        (marks / str(os.getpid())).touch()
        real(*args)

    monkeypatch.setattr(produce_module, "_worker", marked)
    return lambda: len(list(marks.iterdir()))


def made(plan: Site, folder: Path, jobs: int) -> dict[str, str]:
    folder.mkdir()
    produce(plan, folder, jobs)
    return tree(folder)


def test_parallel_equals_serial_on_the_seed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: Callable[[], int]
) -> None:
    monkeypatch.setattr(produce_module, "MIN_PAGES", 0)  # the seed is small: force workers
    serial = made(planned(CONTENT), tmp_path / "serial", 1)
    assert workers() == 0
    parallel = made(planned(CONTENT), tmp_path / "parallel", 3)
    assert workers() == 3
    assert len(serial) == 143 and parallel == serial


@pytest.mark.parametrize("jobs", [2, 5])
def test_parallel_equals_serial_on_a_larger_archive(
    synthetic_plan: Site,
    synthetic_serial: dict[str, str],
    tmp_path: Path,
    workers: Callable[[], int],
    jobs: int,
) -> None:
    parallel = made(synthetic_plan, tmp_path / "parallel", jobs)
    assert len(synthetic_serial) > produce_module.MIN_PAGES
    assert workers() == jobs
    assert parallel == synthetic_serial


def test_a_whole_build_with_jobs_equals_a_serial_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: Callable[[], int]
) -> None:
    """The whole build of the seed (pages, data, search index), its workers forced: workers
    render the larger archive's plan of their own accord above."""
    monkeypatch.setattr(produce_module, "MIN_PAGES", 0)
    cold_builds(monkeypatch)
    common = ["build", "-q", "--content", str(CONTENT), "--templates", str(TEMPLATES)]
    assert main([*common, "-o", str(tmp_path / "one"), "--jobs", "1"]) == 0
    assert workers() == 0
    assert main([*common, "-o", str(tmp_path / "two"), "--jobs", "2"]) == 0
    assert workers() == 2
    assert tree(tmp_path / "two") == tree(tmp_path / "one")


def _broken_templates(tmp_path: Path) -> Path:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    page = templates / "milestone.html"
    lines = page.read_text(encoding="utf-8").split("\n")
    lines.insert(7, "{{ m.no_such_field }}")  # in block main
    page.write_text("\n".join(lines), encoding="utf-8")
    return templates


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_template_error_in_a_worker_is_a_clean_message(
    synthetic: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str], jobs: str
) -> None:
    templates = _broken_templates(tmp_path)
    out = tmp_path / "site" / "dist"
    argv = ["build", "--content", str(synthetic), "--templates", str(templates), "-o", str(out)]
    assert main([*argv, "--jobs", jobs]) == 1
    err = capfd.readouterr().err
    assert "1 error in the content:" in err
    assert "templates/milestone.html:8: template: " in err and "no_such_field" in err
    assert "nothing was written" in err and "Traceback" not in err
    assert not out.parent.exists() or list(out.parent.iterdir()) == []  # no half-written site


def _failing(monkeypatch: pytest.MonkeyPatch, at: dict[str, BaseException | None]) -> None:
    """Pages whose rendering raises (or, for None, whose worker dies)."""
    real = render.render_page

    def render_page(r: Any, page: Any) -> Any:
        if page.path in at:
            error = at[page.path]
            if error is None:
                os._exit(9)
            raise error
        return real(r, page)

    monkeypatch.setattr(render, "render_page", render_page)


def _problems(path: str) -> ArchiveError:
    return ArchiveError([Diagnostic(path, None, "broken")])


@pytest.mark.parametrize("jobs", [1, 2, 4])
@pytest.mark.parametrize("first_in", ["a worker", "the main process"])
def test_the_first_failure_in_plan_order_is_reported(
    synthetic_plan: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int, first_in: str
) -> None:
    """A parallel build makes the data files in its main process, the rest in workers:
    whichever fails first in plan order is reported, as by a serial build."""
    site = synthetic_plan
    data = [n for n, p in enumerate(site.pages) if p.parts]
    assert data and data[-1] == len(site.pages) - 1  # the data files come last
    if first_in == "a worker":
        early, late = site.pages[40].path, site.pages[data[1]].path
    else:
        early, late = site.pages[data[0]].path, site.pages[data[-1]].path
        assert not site.pages[data[0] - 1].parts  # a worker's page before them is fine
    _failing(monkeypatch, {early: _problems(early), late: _problems(late)})
    with pytest.raises(ArchiveError) as caught:
        produce(site, tmp_path, jobs)
    assert caught.value.diagnostics == (Diagnostic(early, None, "broken"),)


def test_a_failure_in_a_worker_before_the_data_files_is_reported_first(
    synthetic_plan: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = synthetic_plan
    data = [n for n, p in enumerate(site.pages) if p.parts]
    early, late = site.pages[data[0] - 1].path, site.pages[data[0]].path
    _failing(monkeypatch, {early: _problems(early), late: _problems(late)})
    with pytest.raises(ArchiveError) as caught:
        produce(site, tmp_path, 2)
    assert caught.value.diagnostics == (Diagnostic(early, None, "broken"),)


class _Unpicklable(Exception):
    def __init__(self, words: str, extra: object) -> None:  # pickle calls it with one argument
        super().__init__(words)


def _a_worker_error(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException | None
) -> Iterator[BaseException]:
    in_workers = [p for p in site.pages if not p.parts]  # the data files are made here
    _failing(monkeypatch, {in_workers[-5].path: error})
    with pytest.raises(BaseException) as caught:
        produce(site, tmp_path, 2)
    yield caught.value


def test_an_internal_error_in_a_worker_is_raised_with_its_traceback(
    synthetic_plan: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (error,) = _a_worker_error(synthetic_plan, tmp_path, monkeypatch, KeyError("boom"))
    assert isinstance(error, KeyError) and str(error) == "'boom'"
    assert "test_jobs.py" in str(error.__cause__) and "KeyError: 'boom'" in str(error.__cause__)


def test_an_error_that_cannot_travel_is_named(
    synthetic_plan: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (error,) = _a_worker_error(synthetic_plan, tmp_path, monkeypatch, _Unpicklable("words", 1))
    assert isinstance(error, WorkerCrash) and str(error) == "_Unpicklable: words"


def test_a_worker_that_dies_fails_the_build(
    synthetic_plan: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (error,) = _a_worker_error(synthetic_plan, tmp_path, monkeypatch, None)
    assert isinstance(error, WorkerCrash) and "exit code 9" in str(error)


@pytest.mark.parametrize("command", ["build", "serve"])
@pytest.mark.parametrize("jobs", ["0", "-2"])
def test_jobs_must_be_one_or_more(
    command: str, jobs: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command, "--jobs", jobs]) == 2
    err = capsys.readouterr().err
    assert f"archive-site {command}: error: --jobs must be a number of processes, 1 or more" in err
    assert f"not {jobs}" in err


# --- the articles read by two processes ------------------------------------------------


def _pid(x: int) -> tuple[int, int]:
    return (x, os.getpid())


def test_shared_work_is_done_by_two_processes_in_order() -> None:
    from archive_site.errors import Problems
    from archive_site.load.split import shared

    problems = Problems()

    def work(x: int) -> tuple[int, int]:
        problems.error(f"item {x}", x, "found")
        if x % 3 == 0:
            problems.warning(f"item {x}", None, "noted")
        return _pid(x)

    done = shared(range(10), work, problems, jobs=2, least=2)
    assert [x for x, _ in done] == list(range(10))
    here = os.getpid()
    assert {pid for _, pid in done[:5]} == {here} and here not in {pid for _, pid in done[5:]}
    alone = Problems()
    for x in range(10):
        alone.error(f"item {x}", x, "found")
        if x % 3 == 0:
            alone.warning(f"item {x}", None, "noted")
    assert list(problems) == list(alone)  # in the items' order, each once
    assert shared(range(10), _pid, Problems(), jobs=1, least=2) == [_pid(x) for x in range(10)]
    assert {p for _, p in shared(range(3), _pid, Problems(), jobs=2)} == {here}  # too few


@pytest.mark.parametrize("how", ["raises", "dies", "sends what cannot be read back"])
def test_what_a_failed_second_process_had_is_done_here(how: str) -> None:
    from archive_site.errors import Problems
    from archive_site.load.split import shared

    here, problems = os.getpid(), Problems()

    def work(x: int) -> object:
        problems.error(f"item {x}", None, "found")
        if os.getpid() != here:
            if how == "raises":
                raise RuntimeError("a bug")
            if how == "dies":
                os._exit(3)
            return Path("not a record")  # the record cache's pickler refuses to load it
        return _pid(x)

    done = shared(range(8), work, problems, jobs=2, least=2)
    assert done == [_pid(x) for x in range(8)]
    assert [d.path for d in problems] == [f"item {x}" for x in range(8)]
    assert not multiprocessing_children()


def multiprocessing_children() -> list[Any]:
    import multiprocessing

    return multiprocessing.active_children()


def test_an_error_in_this_process_ends_the_other() -> None:
    from archive_site.errors import Problems
    from archive_site.load.split import shared

    here = os.getpid()

    def work(x: int) -> tuple[int, int]:
        if os.getpid() == here and x == 1:
            raise ValueError("here")
        return _pid(x)

    with pytest.raises(ValueError, match="here"):
        shared(range(8), work, Problems(), jobs=2, least=2)
    assert not multiprocessing_children()


def test_articles_read_by_two_processes_are_the_same_and_kept(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold load with jobs reads the second half of the articles in another process:
    the same articles, and the same problems in the same order, as one process reads;
    what the other read is kept in the record cache as what this one read."""
    from archive_site.cache import RecordCache
    from archive_site.load import load_archive, split

    monkeypatch.setattr(split, "LEAST", 2)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    content = tmp_path / "content"
    shutil.copytree(synthetic, content)
    serial = load_archive(content, jobs=1)
    first = RecordCache.of(content, "salt")
    parallel = load_archive(content, jobs=2, cache=first)
    assert parallel.articles == serial.articles and parallel.milestones == serial.milestones
    assert parallel.links == serial.links
    assert first.misses["articles"] == N
    first.save()
    cache = RecordCache.of(content, "salt")
    load_archive(content, jobs=2, cache=cache)
    assert cache.hits["articles"] == N and not cache.misses["articles"]
    assert cache.hits["mentions"] == N  # found as the articles were read, here and there
    captures = sorted((content / "articles").glob("*.capture.txt"))
    for broken in (captures[3], captures[N // 2 + 3], captures[-1]):  # in both halves
        broken.write_bytes(b"\xff\xfe not text \x00")
    failures = []
    for jobs in (1, 2):
        with pytest.raises(ArchiveError) as failed:
            load_archive(content, jobs=jobs, cache=RecordCache.of(content, f"salt {jobs}"))
        failures.append(failed.value.diagnostics)
    assert failures[0] == failures[1] and len(failures[0]) >= 3


def test_links_read_by_two_processes_report_as_read_by_one(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Markdown texts not in the cache are read for their links by two processes: the
    same problems, in the same order (a link to nothing, a text nested too deeply, in both
    halves); the links found there are kept in the cache."""
    from archive_site.cache import RecordCache
    from archive_site.load import load_archive, split

    monkeypatch.setattr(split, "LEAST", 2)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    content = tmp_path / "content"
    shutil.copytree(synthetic, content)
    cache = RecordCache.of(content, "salt")
    load_archive(content, jobs=2, cache=cache)
    assert cache.misses["links"] > 2
    cache.save()
    again = RecordCache.of(content, "salt")
    load_archive(content, jobs=2, cache=again)
    assert again.hits["links"] and not again.misses["links"]
    yaml = content / "milestones.yaml"
    text = yaml.read_text(encoding="utf-8").split("\n- id: ")
    for n in (3, N // 2 + 3):
        text[n] = text[n].replace("(entity:entity-", "(entity:nothing-", 1)
    for n in (5, N - 2):
        text[n] = text[n].replace('summary: "', 'summary: "' + "[" * 20 + " deep ", 1)
    yaml.write_text("\n- id: ".join(text), encoding="utf-8")
    failures = []
    for jobs in (1, 2):
        with pytest.raises(ArchiveError) as failed:
            load_archive(content, jobs=jobs, cache=RecordCache.of(content, f"salt {jobs}"))
        failures.append(failed.value.diagnostics)
    assert failures[0] == failures[1]
    messages = [d.message for d in failures[0]]
    assert sum("link:" in m for m in messages) == 2 and sum("markdown:" in m for m in messages) == 2


# Templates compiled ahead: a first build forks a process that compiles the templates while
# this one loads the archive (render.environment.CompiledAhead).


def _compiled_here(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates compiled in this process from now on (not in a child)."""
    here, real, compiled = os.getpid(), jinja2.Environment.compile, []

    def compile(env: jinja2.Environment, source: Any, name: Any = None, *args: Any) -> Any:
        if os.getpid() == here:
            compiled.append(name)
        return real(env, source, name, *args)

    monkeypatch.setattr(jinja2.Environment, "compile", compile)
    return compiled


def test_the_templates_compiled_ahead_are_what_this_process_compiles() -> None:
    codes = CompiledAhead(TEMPLATES, template_environment).codes()
    here = compile_all(template_environment(TEMPLATES))
    assert len(here) == len(template_environment(TEMPLATES).list_templates(["html", "xml"]))
    assert codes.keys() == here.keys()
    for key, (checksum, code) in here.items():
        assert codes[key][0] == checksum
        assert marshal.loads(codes[key][1]) == marshal.loads(code)


def test_a_first_build_with_jobs_compiles_no_template_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARCHIVE_SITE_NO_CACHE", "1")  # and no compiled template kept
    compiled = _compiled_here(monkeypatch)
    common = ["build", "-q", "--content", str(CONTENT), "--templates", str(TEMPLATES)]
    assert main([*common, "-o", str(tmp_path / "two"), "--jobs", "2"]) == 0
    assert compiled == []  # every template came from the process compiling them ahead
    assert main([*common, "-o", str(tmp_path / "one"), "--jobs", "1"]) == 0
    assert "article.html" in compiled  # a serial build compiles them as it renders
    assert tree(tmp_path / "two") == tree(tmp_path / "one")


def test_a_template_edited_after_it_was_compiled_ahead_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARCHIVE_SITE_NO_CACHE", "1")
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    ahead = render.compile_ahead(templates)
    assert ahead is not None
    ahead.codes()  # compiled, before the edit
    page = templates / "page.html"
    page.write_text(page.read_text(encoding="utf-8") + "{# edited #}\n", encoding="utf-8")
    compiled = _compiled_here(monkeypatch)
    env = template_environment(templates)
    cache_compiled(env, ahead)
    env.get_template("page.html")
    env.get_template("article.html")
    assert compiled == ["page.html"]  # the code compiled ahead of the old source is not used


def test_a_template_that_does_not_compile_ahead_is_told_as_without(
    synthetic: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    page = templates / "topic.html"
    page.write_text(page.read_text(encoding="utf-8") + "{% if %}\n", encoding="utf-8")
    told = []
    for jobs in ("2", "1"):
        out = tmp_path / jobs / "dist"
        argv = ["build", "--content", str(synthetic), "--templates", str(templates), "-o"]
        assert main([*argv, str(out), "--jobs", jobs]) == 1
        told.append(capfd.readouterr().err)
        assert not out.exists()
    assert "templates/topic.html:" in told[0] and "Traceback" not in told[0]
    assert told[0] == told[1]


def test_a_process_compiling_ahead_that_dies_leaves_the_compiling_here() -> None:
    def dying(templates: Path) -> jinja2.Environment:
        os._exit(3)

    ahead = CompiledAhead(TEMPLATES, dying)
    assert ahead.codes() == {}
    env = template_environment(TEMPLATES)
    cache_compiled(env, ahead)
    assert env.get_template("page.html") is not None


_KILLED_WHILE_COMPILING = """
import os, signal, sys
from pathlib import Path
from archive_site.render.environment import CompiledAhead
from archive_site.render.renderer import template_environment
ahead = CompiledAhead(Path(sys.argv[1]), template_environment)
print(ahead._proc.pid, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def _gone(pid: int) -> bool:
    """Whether the process ``pid`` has ended (a zombie, not yet reaped, has)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return True
    return state in ("Z", "X")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's prctl")
def test_a_helper_process_does_not_outlive_a_build_killed_outright(tmp_path: Path) -> None:
    """A build killed with SIGKILL left the process compiling its templates ahead waiting,
    for ever, to send them into a pipe whose reading end it held itself."""
    import signal
    import subprocess
    import time

    told = tmp_path / "pid"
    with told.open("w") as out:  # a file, not a pipe: the helper holds it too
        run = subprocess.run(
            [sys.executable, "-c", _KILLED_WHILE_COMPILING, str(TEMPLATES)],
            stdout=out,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
            timeout=60,
            check=False,
        )
    assert run.returncode == -signal.SIGKILL
    helper = int(told.read_text())
    try:
        deadline = time.monotonic() + 10
        while not _gone(helper) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _gone(helper)
    finally:
        if not _gone(helper):
            os.kill(helper, signal.SIGKILL)


def test_templates_are_compiled_ahead_only_when_the_cache_lacks_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    assert not kept_compiled(templates)  # a new machine
    common = ["build", "-q", "--content", str(CONTENT), "--templates", str(templates)]
    assert main([*common, "-o", str(tmp_path / "dist"), "--jobs", "2"]) == 0
    assert kept_compiled(templates)  # those compiled ahead were kept
    assert render.compile_ahead(templates) is None
    for kept in (tmp_path / "cache").rglob("*.cache"):
        kept.unlink()  # as a cache cleaned
    assert not kept_compiled(templates)
    assert main([*common, "-o", str(tmp_path / "one"), "--jobs", "1"]) == 0
    assert kept_compiled(templates)  # those a serial build compiled
    monkeypatch.setenv("ARCHIVE_SITE_NO_CACHE", "1")
    assert not kept_compiled(templates)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_nothing_the_pages_were_made_from_is_held_while_the_search_index_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    """Pagefind's stage is the largest of a build's in time and memory: the site's plan and
    the archive are let go before it (keeping the plan made its process 13 MiB larger at
    5,000 articles)."""
    monkeypatch.setenv("ARCHIVE_SITE_NO_CACHE", "1")
    real, alive = searchindex.index_site, []

    def index_site(*args: Any, **kwargs: Any) -> Any:
        gc.collect()
        alive.extend(type(o).__name__ for o in gc.get_objects() if isinstance(o, Site | Archive))
        return real(*args, **kwargs)

    monkeypatch.setattr(searchindex, "index_site", index_site)
    common = ["build", "-q", "--content", str(CONTENT), "--templates", str(TEMPLATES)]
    assert main([*common, "-o", str(tmp_path / "dist"), "--jobs", jobs]) == 0
    assert (tmp_path / "dist" / "pagefind").is_dir() and alive == []
