"""Every command the README shows is run here (or by CI, as stated), so the README cannot drift.

The commands are read from the README's ``sh`` code blocks; a command that no
test below knows fails :func:`test_every_readme_command_is_covered`.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, small_archive

README = ROOT / "README.md"
VENV = Path(sys.executable).parent.parent
# The virtual environment is already set up: make must not reinstall it.
MAKE = [
    "make",
    "--no-print-directory",
    f"VENV={VENV}",
    "-o",
    f"{VENV}/.runtime",
    "-o",
    f"{VENV}/.test",
]


def readme_commands() -> list[str]:
    text = README.read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"^```sh\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL):
        for line in block.splitlines():
            command = line.split(" #", 1)[0].strip()
            if command and not command.startswith("#"):
                commands.append(command)
    return commands


def _sandbox(dest: Path, small: bool) -> Path:
    if small:
        small_archive(dest)
    else:
        for name in ("content", "templates"):
            shutil.copytree(ROOT / name, dest / name)
    shutil.copytree(ROOT / "bench", dest / "bench", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "src", dest / "src", ignore=shutil.ignore_patterns("*.egg-info"))
    for name in ("build.py", "Makefile", "pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, dest / name)
    (dest / ".venv").symlink_to(VENV)
    return dest


@pytest.fixture
def sandbox(tmp_path: Path) -> Path:
    """A copy of the project as a user has it after `make site`, the venv shared: with the
    package's bytecode, which `make site` compiles (conftest compiles it for the session).
    Its archive is cut down (:func:`conftest.small_archive`: every kind of record, a fraction
    of the pages, each build about half as long) for the commands whose working does not
    depend on the whole archive."""
    return _sandbox(tmp_path, small=True)


@pytest.fixture
def full_sandbox(tmp_path: Path) -> Path:
    """The sandbox with the whole archive, for the commands whose output the tests know."""
    return _sandbox(tmp_path, small=False)


def run(command: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    args = shlex.split(command)
    if args[0] == "make":
        args = [*MAKE, *args[1:]]
    env = {k: v for k, v in os.environ.items() if k != "ARCHIVE_SITE_BASE_URL"}
    result = subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env, check=False
    )
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


SERVING = re.compile(r"^Serving (http://127\.0\.0\.1:(\d+)/archive-site/) \(Ctrl-C to stop\)$")


def on_a_free_port(command: str) -> str:
    """The README's command with its port replaced by 0, a free one: no test needs a port free."""
    args = command.split()
    assert args[-2:] == ["--port", "8001"], command
    return " ".join([*args[:-1], "0"])


def serve_until_ready(command: str, cwd: Path) -> str:
    """Start a serving command, wait for its address, fetch the home page, stop it with Ctrl-C.

    Returns the address it served at.
    """
    args = command.split()
    if args[0] == "make":
        args = [*MAKE, *args[1:]]
    proc = subprocess.Popen(
        args,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    seen: list[str] = []
    try:
        deadline = time.monotonic() + 60
        assert proc.stdout is not None
        found = None
        while time.monotonic() < deadline and not found:
            line = proc.stdout.readline()
            if not line:
                break
            seen.append(line)
            found = SERVING.match(line.rstrip("\n"))
        assert found, "".join(seen)
        url = found[1]
        assert int(found[2]) > 0
        with urllib.request.urlopen(url, timeout=10) as page:
            assert page.status == 200
            assert "<script src=" in page.read().decode("utf-8")
        os.killpg(proc.pid, signal.SIGINT)
        rest, _ = proc.communicate(timeout=30)
        seen.append(rest)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    output = "".join(seen)
    assert "Traceback" not in output
    assert "Stopped." in output, output
    return url


INIT = (
    '.venv/bin/archive-site init caspian --title "Caspian Archive" --subject "the Caspian Sea"'
    ' --publisher "A. Researcher"'
)

# Each README command, and where it is exercised.
COVERED_HERE = {
    "make site",
    ".venv/bin/archive-site add capture.txt --id 2025-05-02-example-trade-talks --dry-run",
    ".venv/bin/archive-site add capture.txt --id 2025-05-02-example-trade-talks",
    ".venv/bin/archive-site check",
    ".venv/bin/python build.py",
    ".venv/bin/python build.py --base-url https://example.org/archive/ -v",
    ".venv/bin/python build.py --jobs 1",
    ".venv/bin/archive-site check --strict",
    ".venv/bin/archive-site serve --port 8001",
    ".venv/bin/archive-site add tests/fixtures/pages/news-jsonld.html --id 2025-04-25-alat-logistics-centre",
    ".venv/bin/archive-site add tests/fixtures/wire/kazinform-style.txt",
    ".venv/bin/archive-site suggest --new",
    INIT,
    ".venv/bin/archive-site check --content caspian",
    ".venv/bin/archive-site suggest 2025-04-21-aliyev-xinhua-interview --json",
    "make bench",
    "make bench-scale",
    "make check",
    "make serve",
}
COVERED_BY_CI = {
    "make test": "this suite is `make test`: .ci/run runs it",
    "make lint": "`make test` runs it before this suite (test_make_test_lints_then_runs_every_test)",
    "make test-fast": "this suite without two markers (test_make_test_fast_is_the_suite_without_...)",
    "make audit": ".ci/run runs it after the tests (Lighthouse takes a few minutes)",
}


def test_every_readme_command_is_covered() -> None:
    commands = readme_commands()
    assert len(commands) == len(set(commands)), "a command appears twice"
    assert set(commands) == COVERED_HERE | set(COVERED_BY_CI)


def test_ci_runs_the_readme_test_and_audit_commands() -> None:
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    lines = [line.strip() for line in ci.splitlines() if line.strip() and not line.startswith("#")]
    assert "make test" in lines and "make audit" in lines
    assert lines.index("make test") < lines.index("make audit")
    assert "set -eu" in lines


def test_make_site(full_sandbox: Path) -> None:
    result = run("make site", full_sandbox)
    assert result.returncode == 0, result.stderr
    assert "Built 119 pages" in result.stdout
    assert (full_sandbox / "dist/index.html").is_file()


def test_an_archive_of_your_own(sandbox: Path) -> None:
    made = run(INIT, sandbox)
    assert made.returncode == 0, made.stderr
    assert "add CAPTURE --content caspian" in made.stdout
    assert (sandbox / "caspian/pages/about.md").is_file()
    checked = run(".venv/bin/archive-site check --content caspian", sandbox)
    assert checked.returncode == 0, checked.stderr
    assert "No problems: 0 articles, 0 milestones" in checked.stdout
    again = run(INIT, sandbox)  # a folder in use is refused, as the README says
    assert again.returncode == 1
    assert "caspian: is not empty" in again.stderr


def test_adding_an_article_then_checking(sandbox: Path) -> None:
    # A capture saved again (one more line break): the same bytes are never added twice.
    seed = ROOT / "content/articles/2025-04-23-ednews-strategic-partnership-new-stage.capture.txt"
    (sandbox / "capture.txt").write_bytes(seed.read_bytes() + b"\n")
    before = sorted((sandbox / "content/articles").iterdir())
    tried = run(
        ".venv/bin/archive-site add capture.txt --id 2025-05-02-example-trade-talks --dry-run",
        sandbox,
    )
    assert tried.returncode == 0, tried.stderr
    assert "Would copy capture.txt to content/articles/" in tried.stdout
    assert tried.stdout.endswith(
        "Nothing was written (--dry-run): run the command without it to add the capture.\n"
    )
    assert sorted((sandbox / "content/articles").iterdir()) == before
    added = run(
        ".venv/bin/archive-site add capture.txt --id 2025-05-02-example-trade-talks", sandbox
    )
    assert added.returncode == 0, added.stderr
    article = sandbox / "content/articles/2025-05-02-example-trade-talks"
    assert Path(f"{article}.capture.txt").read_bytes() == (sandbox / "capture.txt").read_bytes()
    assert Path(f"{article}.meta.yaml").is_file()
    assert "Still to fill in" in added.stdout
    checked = run(".venv/bin/archive-site check", sandbox)
    # As the README says: check names each field that is still missing.
    assert checked.returncode == 1
    assert re.search(
        r"1\. content/articles/2025-05-02-example-trade-talks\.meta\.yaml:\d+: kind: the capture does not say",
        checked.stderr,
    ), checked.stderr


def test_walk_through_a_saved_page_and_a_wire_story(sandbox: Path) -> None:
    shutil.copytree(ROOT / "tests/fixtures", sandbox / "tests/fixtures")
    page = run(
        ".venv/bin/archive-site add tests/fixtures/pages/news-jsonld.html "
        "--id 2025-04-25-alat-logistics-centre",
        sandbox,
    )
    assert page.returncode == 0, page.stderr
    assert "Nothing else is required" in page.stdout
    wire = run(".venv/bin/archive-site add tests/fixtures/wire/kazinform-style.txt", sandbox)
    assert wire.returncode == 0, wire.stderr
    meta = sandbox / "content/articles/2024-07-03-sco-leaders-adopt-astana-declaration.meta.yaml"
    assert f"Still to fill in, in {meta.relative_to(sandbox)}:\n  outlet:" in wire.stdout
    # Fill in only what add listed, as the README says.
    text = meta.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^outlet:$", "outlet: Kazinform", text)
    text = re.sub(r"(?m)^kind:$", "kind: news", text)
    meta.write_text(text, encoding="utf-8")
    checked = run(".venv/bin/archive-site check", sandbox)
    assert checked.returncode == 0, checked.stderr
    built = run(".venv/bin/python build.py", sandbox)
    assert built.returncode == 0, built.stderr
    story = sandbox / "dist/articles/2024-07-03-sco-leaders-adopt-astana-declaration.html"
    html = story.read_text(encoding="utf-8")
    assert "Dateline:</span> ASTANA, Kazakhstan, July 3." in html
    assert "Left out of the text:" in html and "other stories’ headlines" in html
    saved = (sandbox / "dist/articles/2025-04-25-alat-logistics-centre.html").read_text("utf-8")
    assert "a cookie banner" in saved and "Left out of the text:" in saved
    assert (sandbox / "dist/articles/2025-04-25-alat-logistics-centre.capture.html.txt").is_file()


def test_the_suggest_section(sandbox: Path) -> None:
    new = run(".venv/bin/archive-site suggest --new", sandbox)
    assert new.returncode == 0 and " new\n" in new.stdout
    assert "on the timeline" not in new.stdout
    as_json = run(
        ".venv/bin/archive-site suggest 2025-04-21-aliyev-xinhua-interview --json", sandbox
    )
    import json

    rows = json.loads(as_json.stdout)
    assert rows and {tuple(r) for r in rows} == {
        ("article", "paragraph", "date", "quote", "basis", "existing")
    }


def test_the_commands_section(sandbox: Path) -> None:
    built = run(".venv/bin/python build.py", sandbox)
    assert built.returncode == 0 and built.stdout.startswith("Built "), built.stderr
    summary = built.stdout.split(" into ")[0]  # "Built N pages (M files): ..." of the archive
    moved = run(".venv/bin/python build.py --base-url https://example.org/archive/ -v", sandbox)
    assert moved.returncode == 0
    assert "  render " in moved.stdout
    assert (
        '<link rel="canonical" href="https://example.org/archive/timeline.html">'
        in (sandbox / "dist/timeline.html").read_text()
    )
    before = {p.relative_to(sandbox): p.read_bytes() for p in (sandbox / "dist").rglob("*.html")}
    serial = run(".venv/bin/python build.py --jobs 1", sandbox)
    assert serial.returncode == 0 and serial.stdout.startswith(summary), serial.stderr
    after = {p.relative_to(sandbox): p.read_bytes() for p in (sandbox / "dist").rglob("*.html")}
    assert after.keys() == before.keys() and after != before  # built again, for the default URL
    strict = run(".venv/bin/archive-site check --strict", sandbox)
    assert strict.returncode == 0 and strict.stdout.startswith("No problems:")
    serve_until_ready(on_a_free_port(".venv/bin/archive-site serve --port 8001"), sandbox)


def test_make_check_and_make_serve(sandbox: Path) -> None:
    checked = run("make check", sandbox)
    assert checked.returncode == 0 and "No problems:" in checked.stdout
    # `make serve` passes SERVE_ARGS on; without them serve listens on its default port,
    # the one the README names (test_make_serve_listens_where_the_readme_says).
    serve_until_ready("make serve SERVE_ARGS=--port=0", sandbox)


def test_make_serve_listens_where_the_readme_says(sandbox: Path) -> None:
    from archive_site.commands.cli import parser, serve_options

    documented = re.search(
        r"^make serve +# the live server on http://127\.0\.0\.1:(\d+)/archive-site/$",
        README.read_text(encoding="utf-8"),
        re.MULTILINE,
    )
    assert documented, "the README says where make serve listens"
    assert serve_options(parser().parse_args(["serve"])).port == int(documented[1])
    dry = run("make -n serve", sandbox)
    assert dry.returncode == 0
    (line,) = [ln for ln in dry.stdout.splitlines() if "build.py" in ln]
    # the content folder (CONTENT, default content/), and no --port of its own
    assert line.split()[-4:] == ["build.py", "serve", "--content", "content"], line


def test_make_bench(sandbox: Path) -> None:
    # The README's command with the fewest runs, on the cut-down archive: the figures are
    # not asserted, only that each series is timed and the pages counted.
    result = run("make bench BENCH_ARGS=--runs=1", sandbox, timeout=300)
    assert result.returncode == 0, result.stderr
    for label in (
        "import jinja2, markdown, yaml, slugify",
        "python build.py (caches in place)",
        "python build.py (templates cached only)",
        "python build.py (no cache)",
    ):
        line = re.search(
            rf"^{re.escape(label)} +(\d+\.\d{{3}}) +(\d+\.\d{{3}}) +(\d+\.\d{{3}})$",
            result.stdout,
            re.MULTILINE,
        )
        assert line, result.stdout
        assert float(line[1]) <= float(line[2]) <= float(line[3]), line[0]
    pages = re.search(
        r"^(\d+) pages per build; the build's own work beyond the imports: -?\d+\.\d{3} s$",
        result.stdout,
        re.MULTILINE,
    )
    assert pages and int(pages[1]) > 0, result.stdout


def test_make_bench_scale(sandbox: Path) -> None:
    # The smallest archive, one round: the figures are not asserted, only that the three
    # builds run and the report names them.
    result = run("make bench-scale N=2 RUNS=1", sandbox, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(
        r"^N = 2: \d+ pages, \d+ files, .* 0 pages over 250 KB$", result.stdout, re.MULTILINE
    ), result.stdout
    for label in ("cold", "warm", "edit"):
        assert re.search(rf"^  {label} +\d+\.\d\d s .*peak +\d+ MiB", result.stdout, re.MULTILINE)


def make_dry_run(target: str) -> list[str]:
    """The commands ``make TARGET`` runs, in order, without running them."""
    result = run(f"make -n {target}", ROOT)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_make_test_lints_then_runs_every_test() -> None:
    bin_ = f"{VENV}/bin"
    lint = [
        f"{bin_}/ruff format --check src tests bench build.py",
        f"{bin_}/ruff check src tests bench build.py",
        f"{bin_}/mypy",
        f"{bin_}/lint-imports --no-cache",
    ]
    assert make_dry_run("lint") == lint
    commands = make_dry_run("test")
    assert commands == ["sh tests/setup-tools.sh", *lint, f"{bin_}/python -m pytest"]


def test_make_test_fast_is_the_suite_without_browser_and_tool_tests(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest_fast = (
        "ARCHIVE_SITE_TEST_REPLAY_INDEX=1 "
        f'{VENV}/bin/python -m pytest -q -n auto -m "not browser and not tools" '
        "-o tmp_path_retention_policy=failed"
    )
    monkeypatch.delenv("TMPDIR", raising=False)
    in_memory = "TMPDIR=/dev/shm " if os.access("/dev/shm", os.W_OK | os.X_OK) else ""
    assert make_dry_run("test-fast") == [in_memory + pytest_fast]
    monkeypatch.setenv("TMPDIR", "/var/tmp")  # the user's choice wins
    assert make_dry_run("test-fast") == ["TMPDIR=/var/tmp " + pytest_fast]
    # Those are the only markers the suite knows, so nothing else is left out.
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    markers = re.findall(r'^    "(\w+): ', pyproject, flags=re.MULTILINE)
    assert markers == ["browser", "tools"]


def test_the_readme_error_example_is_what_the_build_prints(full_sandbox: Path) -> None:
    readme = README.read_text(encoding="utf-8")
    example = re.search(
        r"^```\n(archive-site: 2 errors in the content:\n.*?)^```", readme, re.MULTILINE | re.DOTALL
    )
    assert example, "the README shows an error report"
    ms = full_sandbox / "content/milestones.yaml"
    text = ms.read_text(encoding="utf-8")
    text = text.replace("totaling 3.744 billion", "totaling 3.745 billion").replace(
        "date: 1992-04-02", "date: 1992-04-31"
    )
    ms.write_text(text, encoding="utf-8")
    result = run(".venv/bin/python build.py", full_sandbox)
    assert result.returncode == 1
    assert result.stderr == example.group(1)


@pytest.mark.parametrize("name", ["articles", "milestones", "entities", "topics"])
def test_the_readme_lists_every_field_of_the_data(name: str) -> None:
    """The table of data files names every top-level field the schema requires: the
    table the README linked (docs/data.md; it was in the README until the README's
    reference moved to docs/)."""
    import json

    data = (ROOT / "docs/data.md").read_text(encoding="utf-8")
    (row,) = [line for line in data.splitlines() if line.startswith(f"| `dist/data/{name}.json`")]
    listed = set(re.findall(r"`([a-z0-9_]+)`", row.split("|")[2]))
    schema = json.loads(
        (ROOT / f"src/archive_site/render/schemas/{name}.schema.json").read_text(encoding="utf-8")
    )
    assert set(schema["items"]["required"]) <= listed


def test_make_builds_an_archive_of_your_own(sandbox: Path) -> None:
    """`make site` built content/ whatever archive one had made with init: the Pages
    workflow, which runs it, could publish only the seed (flow56). CONTENT names the
    folder, and the README's Publishing section says how to change the workflow."""
    assert run(INIT, sandbox).returncode == 0
    built = run("make site CONTENT=caspian", sandbox)
    assert built.returncode == 0, built.stderr
    assert ": 0 articles, 0 milestones, 0 entities" in built.stdout, built.stdout
    assert "Caspian Archive" in (sandbox / "dist/index.html").read_text(encoding="utf-8")
    checked = run("make check CONTENT=caspian", sandbox)
    assert checked.returncode == 0 and "No problems: 0 articles" in checked.stdout
    seed = run("make check", sandbox)  # without it, the seed, as before
    assert seed.returncode == 0 and "0 articles" not in seed.stdout
    readme = README.read_text(encoding="utf-8")
    said = re.search(r"workflow's `run: make site` to `run: (make site CONTENT=\w+)`", readme)
    assert said is not None and said[1] == "make site CONTENT=caspian"
