"""The command line as a user runs it: build with and without a base URL, output, exit codes.

Most commands run through build.py's entry point in-process (``cli``); what only a real process
shows (the console script, the quiet build's silence, a closed pipe, the working folder, serve)
runs ``python build.py`` in a new interpreter.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, cli, edit, run_cli, small_archive

ABSOLUTE = re.compile(r"https://[a-z0-9.-]+/[a-z0-9/-]*")


def build(
    project: Path, out: str, *args: str, env: dict[str, str] | None = None, process: bool = False
) -> subprocess.CompletedProcess[str]:
    inherited = {k: v for k, v in os.environ.items() if k != "ARCHIVE_SITE_BASE_URL"}
    full_env = {**inherited, **(env or {})}
    run = run_cli if process else cli
    result = run("build", "--output", out, *args, cwd=project, env=full_env)
    assert result.returncode == 0, result.stderr
    return result


def test_base_url_changes_only_the_absolute_urls(small_copy: Path) -> None:
    build(small_copy, "default")
    build(small_copy, "moved", "--base-url", "https://archive.example.net/research")
    default, moved = small_copy / "default", small_copy / "moved"

    page = "articles/2025-04-21-aliyev-xinhua-interview.html"
    a = (default / page).read_text(encoding="utf-8")
    b = (moved / page).read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="https://example.github.io/archive-site/{page}">' in a
    assert f'<link rel="canonical" href="https://archive.example.net/research/{page}">' in b
    assert "https://archive.example.net/research/sitemap.xml" in (moved / "robots.txt").read_text()
    assert (
        "<loc>https://archive.example.net/research/timeline.html</loc>"
        in (moved / "sitemap.xml").read_text()
    )
    assert (
        '<link rel="self" href="https://archive.example.net/research/feed.xml"/>'
        in (moved / "feed.xml").read_text()
    )
    # The 404 page's links start from the base URL's path; every other page is unchanged
    # once its absolute URLs are set aside: relative links do not move.
    assert 'href="/research/timeline.html"' in (moved / "404.html").read_text()
    for path in sorted(default.rglob("*.html")):
        rel = path.relative_to(default)
        if rel.name == "404.html":
            continue
        left = ABSOLUTE.sub("URL", path.read_text(encoding="utf-8"))
        right = ABSOLUTE.sub("URL", (moved / rel).read_text(encoding="utf-8"))
        assert left == right, rel


def test_base_url_from_the_environment_and_the_option_wins(small_copy: Path) -> None:
    build(small_copy, "env", env={"ARCHIVE_SITE_BASE_URL": "https://user.github.io/repo"})
    html = (small_copy / "env/index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://user.github.io/repo/">' in html
    build(
        small_copy,
        "both",
        "--base-url",
        "https://option.example/",
        env={"ARCHIVE_SITE_BASE_URL": "https://user.github.io/repo"},
    )
    html = (small_copy / "both/index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://option.example/">' in html


def test_a_bad_base_url_option_is_an_error(project_copy: Path) -> None:
    """A usage error (exit 2), said to be the command line's, not the content's."""
    result = cli("build", "--base-url", "ftp://example.org", cwd=project_copy)
    assert result.returncode == 2
    assert result.stderr.startswith("archive-site: 1 error in the command line:\n")
    assert "--base-url: expected an absolute http(s) URL" in result.stderr
    # a host written without its scheme, as init's newcomer writes it: how to write it
    bare = cli("check", "--base-url", "user.github.io/archive/", cwd=project_copy)
    assert bare.returncode == 2
    assert bare.stderr.splitlines()[1] == (
        "1. --base-url: expected an absolute http(s) URL such as https://example.org/, got "
        "'user.github.io/archive/' (write it with its scheme: 'https://user.github.io/archive/')"
    )
    (project_copy / "dist").mkdir()
    (project_copy / "dist/CNAME").write_text("example.org\n", encoding="utf-8")
    foreign = cli("build", cwd=project_copy)  # a file the build did not write
    assert foreign.returncode == 1
    assert foreign.stderr.startswith("archive-site: 1 error in the output folder:\n")


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("https://example.org/%00/", "cannot hold a control character"),
        ("https://example.org/a%0Ab/", "cannot hold a control character"),
        ("https://example.org/%FF/", "must be UTF-8 once decoded"),
        # browsers resolve it: the pages' links went elsewhere than they said (audit 6)
        ("https://x.org/a/../", "cannot hold a '.' or '..' segment"),
        ("https://x.org/a/./b/", "cannot hold a '.' or '..' segment"),
        ("https://x.org/%2e%2e/b/", "cannot hold a '.' or '..' segment"),
        ("https://x.org/a/..", "cannot hold a '.' or '..' segment"),
        # Python's words alone; a host no browser resolves (audit 7)
        ("http://[::1/", "expected an absolute http(s) URL such as https://example.org/, got"),
        ("https://exa%00mple.org/", "a base URL's host cannot hold a percent escape"),
    ],
)
def test_a_base_url_whose_path_no_server_can_have_is_refused(
    project_copy: Path, url: str, why: str
) -> None:
    """serve answered every request under such a path with 400: the site was unreachable."""
    result = cli("check", "--base-url", url, cwd=project_copy)
    assert result.returncode == 2 and why in result.stderr, result.stderr


def test_a_base_url_naming_a_page_is_refused_with_its_folder(project_copy: Path) -> None:
    """An address copied from the browser, ``.../index.html``, was taken for the site's
    folder: every canonical link, the sitemap and the feed read ``.../index.html/about.html``."""
    result = cli("check", "--base-url", "https://example.org/archive/index.html", cwd=project_copy)
    assert result.returncode == 2, result.stderr
    assert "--base-url: a base URL is the site's folder, not a page" in result.stderr
    assert "write 'https://example.org/archive/'" in result.stderr
    # a folder whose name ends so is a folder: the trailing slash says it
    result = cli("check", "--base-url", "https://example.org/a.html/", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    edit(
        project_copy / "content/site.yaml",
        "base_url: https://example.github.io/archive-site/",
        "base_url: https://example.github.io/archive-site/Index.HTM",
    )
    result = cli("check", cwd=project_copy)
    assert result.returncode == 1
    assert "content/site.yaml:" in result.stderr and "not a page" in result.stderr
    assert "write 'https://example.github.io/archive-site/'" in result.stderr


def test_a_base_url_with_a_user_or_password_is_refused_without_repeating_it(
    project_copy: Path,
) -> None:
    """It was accepted, and every canonical link, the feed and the sitemap published it."""
    for url in ("https://bob:s3cret@example.org/a/", "https://bob@example.org/"):
        result = cli("check", "--base-url", url, cwd=project_copy)
        assert result.returncode == 2
        assert "--base-url: a base URL cannot carry a user name or password" in result.stderr
        assert "'example.org'" in result.stderr and "bob" not in result.stderr
    edit(
        project_copy / "content/site.yaml",
        "base_url: https://example.github.io/archive-site/",
        "base_url: https://bob:s3cret@example.github.io/archive-site/",
    )
    result = cli("check", cwd=project_copy)
    assert result.returncode == 1 and "s3cret" not in result.stderr
    assert "content/site.yaml:" in result.stderr and "user name or password" in result.stderr


def test_summary_line_verbose_and_quiet(project_copy: Path, tmp_path: Path) -> None:
    normal = build(project_copy, "a")
    assert re.fullmatch(
        r"Built 119 pages \(143 files\): 2 articles, 34 milestones, 56 entities, 7 topics, 11 years "
        r"into a/ in \d+\.\d\d s\n",
        normal.stdout,
    ), normal.stdout
    small = small_archive(tmp_path / "small")  # the stages and the silence are any archive's
    verbose = build(small, "b", "-v")
    stages = re.findall(
        r"^  (load and check|render|write|search index) +\d+\.\d ms$", verbose.stdout, re.MULTILINE
    )
    assert stages == ["load and check", "render", "write", "search index"]
    # and the peak memory of the build's process, and of the largest it ran (Pagefind's)
    alone = build(small, "d", "-v", env={"ARCHIVE_SITE_NO_CACHE": "1"}, process=True)
    memory = re.findall(
        r"^  peak memory +(\d+) MiB in this process, (\d+) MiB in the largest process it ran$",
        alone.stdout,
        re.MULTILINE,
    )
    assert len(memory) == 1 and all(int(mib) > 0 for mib in memory[0]), alone.stdout
    quiet = build(small, "c", "-q", process=True)  # nothing on the process's stdout
    assert quiet.stdout == "" and quiet.stderr == ""
    assert (small / "c/index.html").is_file()


def test_check_on_good_content(project_copy: Path) -> None:
    result = cli("check", cwd=project_copy)
    assert result.returncode == 0
    assert result.stdout == (
        "No problems: 2 articles, 34 milestones (61 quotes verified), 56 entities, 7 topics.\n"
    )
    assert not (project_copy / "dist").exists()


def test_build_refuses_to_replace_a_folder_it_did_not_build(project_copy: Path) -> None:
    (project_copy / "precious").mkdir()
    (project_copy / "precious/thesis.txt").write_text("years of work")
    result = cli("build", "--output", "precious", cwd=project_copy)
    assert result.returncode == 1
    assert "precious: the output folder holds files archive-site did not write (thesis.txt)" in (
        result.stderr
    )
    assert (project_copy / "precious/thesis.txt").read_text() == "years of work"
    result = cli("build", "--output", "content", cwd=project_copy)
    assert result.returncode == 1 and "would replace content" in result.stderr


def test_build_refuses_an_output_inside_the_users_cache(project_copy: Path, tmp_path: Path) -> None:
    """An output in the cache's search-bundles/ failed with "Pagefind wrote no usable index"
    (the cache's pruning removed the build's folder as it indexed it); elsewhere in the
    cache, it would be removed by a later build's pruning."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    cache = tmp_path / "xdg/archive-site"
    for output in (cache / "search-bundles/site", cache / "site", tmp_path / "xdg"):
        result = cli("build", "-q", "-o", str(output), cwd=project_copy, env=env)
        assert result.returncode == 1, result.stderr
        where = "lie inside" if output != tmp_path / "xdg" else "replace"
        shown = [os.path.relpath(p, project_copy) for p in (output, cache)]
        assert f"{shown[0]}: the output folder would {where} {shown[1]}" in result.stderr
        assert not output.exists() or output == tmp_path / "xdg"


def test_build_refuses_an_output_that_is_a_link_and_says_so(project_copy: Path) -> None:
    """A link to a folder was refused as "the output path exists and is not a folder", which
    it seems to be."""
    (project_copy / "site").mkdir()
    (project_copy / "dist").symlink_to(project_copy / "site")
    result = cli("build", "-q", cwd=project_copy)
    assert result.returncode == 1
    assert "dist: the output path is a symbolic link: give the folder it names itself" in (
        result.stderr
    )
    assert list((project_copy / "site").iterdir()) == []


def test_console_script_is_the_same_program(project_copy: Path) -> None:
    script = Path(sys.executable).parent / "archive-site"
    assert script.exists(), "pip install -e . provides the archive-site command"
    result = subprocess.run(
        [str(script), "check", "-q"], cwd=project_copy, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and result.stdout == ""
    help_text = subprocess.run(
        [str(script), "--help"], capture_output=True, text=True, check=False
    ).stdout
    for command in ("build", "check", "serve", "add"):
        assert command in help_text


def test_build_py_runs_from_any_folder(tmp_path: Path) -> None:
    small_archive(tmp_path)
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "build.py"),
            "--content",
            str(tmp_path / "content"),
            "--templates",
            str(tmp_path / "templates"),
            "--output",
            str(tmp_path / "out"),
            "-q",
        ],
        cwd="/",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out/index.html").is_file()


def test_a_closed_output_pipe_is_not_an_internal_error(small_copy: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "-v"],
        cwd=small_copy,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # like `archive-site build -v | head -0`
    err = proc.stderr.read()
    assert proc.wait(timeout=60) in (0, 141)
    assert "internal error" not in err and "Traceback" not in err
    assert (small_copy / "dist/index.html").is_file()


def test_a_library_missing_from_the_python_that_runs_it_is_no_bug(small_copy: Path) -> None:
    """``python3 build.py`` with a Python other than the project's ``.venv``: "internal error
    ... this is a bug in archive-site" (exit 70) named no way out."""
    blocked = (
        "import sys; sys.modules['markdown'] = None; sys.argv = ['build.py', '-q']; "
        f"sys.path.insert(0, {str(ROOT / 'src')!r}); "
        "from archive_site.commands.cli import build_py_main; raise SystemExit(build_py_main())"
    )
    result = run_cli_python(blocked, small_copy)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(
        "archive-site: the library 'markdown' is not installed for this Python ("
    )
    assert "run `make site` once, then .venv/bin/python build.py" in result.stderr
    assert "internal error" not in result.stderr and not (small_copy / "dist").exists()


def run_cli_python(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_options_are_built_from_the_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parser's defaults (the README's), and the base URL chosen once, in the CLI."""
    from archive_site.commands import cli
    from archive_site.options import (
        AddOptions,
        BuildOptions,
        CheckOptions,
        ServeOptions,
        SiteOptions,
    )

    monkeypatch.delenv("ARCHIVE_SITE_BASE_URL", raising=False)
    default_site = SiteOptions(Path("content"), Path("templates"), None, False)
    assert cli.build_options(cli.parser().parse_args(["build"])) == BuildOptions(
        default_site, Path("dist")
    )
    assert cli.serve_options(cli.parser().parse_args(["serve"])) == ServeOptions(
        default_site, host="127.0.0.1", port=8000, interval=0.5, debug=False
    )
    monkeypatch.setenv("ARCHIVE_SITE_BASE_URL", "https://env.example/x/")
    args = cli.parser().parse_args(["check", "--content", "c", "--templates", "t", "--strict"])
    assert cli.site_options(args) == SiteOptions(
        Path("c"), Path("t"), "https://env.example/x/", True
    )
    assert cli.check_options(args) == CheckOptions(cli.site_options(args), single_voice=False)
    voices = cli.parser().parse_args(["check", "--single-voice"])
    assert cli.check_options(voices).single_voice is True
    args = cli.parser().parse_args(["build", "-o", "out", "--base-url", "https://opt.example/"])
    assert cli.build_options(args).site.base_url == "https://opt.example/"  # the option wins
    args = cli.parser().parse_args(["add", "cap.txt", "--id", "an-id"])
    assert cli.add_options(args) == AddOptions(Path("cap.txt"), Path("content"), "an-id")
    with pytest.raises(dataclasses.FrozenInstanceError):
        default_site.strict = True  # type: ignore[misc]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--port", "70000"],
            "archive-site serve: error: --port must be between 0 and 65535 "
            "(0 picks a free port), not 70000\n",
        ),
        (["--port", "-1"], "archive-site serve: error: --port must be between 0 and 65535"),
        (
            ["--interval", "0"],
            "archive-site serve: error: --interval must be a positive number of seconds, "
            "at most 3600, not 0.0\n",
        ),
        (["--interval", "nan"], "archive-site serve: error: --interval must be a positive"),
        # an infinite or huge wait was an internal error (exit 70), once a build ran
        (["--interval", "inf"], "archive-site serve: error: --interval must be a positive"),
        (["--interval", "1e300"], "archive-site serve: error: --interval must be a positive"),
    ],
)
def test_serve_option_values_are_usage_errors(
    project_copy: Path, args: list[str], message: str
) -> None:
    result = run_cli("serve", *args, cwd=project_copy, timeout=30)
    assert result.returncode == 2
    assert result.stderr.startswith(message), result.stderr
    assert result.stdout == ""


def test_serve_on_a_port_in_use_is_a_usage_error(project_copy: Path) -> None:
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        result = run_cli("serve", "--port", str(port), cwd=project_copy, timeout=30)
    assert result.returncode == 2
    assert result.stderr == (
        f"archive-site serve: error: port {port} on 127.0.0.1 is already in use "
        "(another server?); choose another with --port, or --port 0 for a free one\n"
    )


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT])
def test_a_full_disk_is_an_error_not_a_bug(
    small_copy: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    """A write to a full disk names no file: it was "internal error" (exit 70), "this is a
    bug" (audit 6)."""
    from archive_site import write

    def full(*_: object, **__: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(write, "write_folder", full)
    monkeypatch.setattr("archive_site.pipeline.write_folder", full)
    result = cli("build", "-q", "-o", "out")
    assert result.returncode == 1, result.stderr
    assert "internal error" not in result.stderr
    assert f"out: {os.strerror(code)}: make room, then run the command again" in result.stderr


def test_a_refusal_at_a_file_of_the_commands_own_names_the_folder_it_makes(
    small_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only parent was told at the build's stamp beside the output
    (``.out.stamp: Read-only file system``) and init's temporary folder
    (``.new.init-PID: ...``): names the user never gave, nor would find."""
    from archive_site import pipeline
    from archive_site.commands import init
    from archive_site.stamp import stamp_path

    def refused(path: object, *_: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    monkeypatch.setattr(pipeline, "forget", lambda out: refused(stamp_path(out)))
    monkeypatch.setattr(init, "_write", refused)
    built = cli("build", "-q", "-o", "out")
    made = cli("init", "new", "--title", "T", "--subject", "S", "--publisher", "P")
    for result, folder in ((built, "out"), (made, "new")):
        assert result.returncode == 1, result.stderr
        assert result.stderr.splitlines()[1] == f"1. {folder}: {os.strerror(errno.EROFS)}"
    elsewhere = small_copy / "content/site.yaml"  # a file of the user's is told as it is
    monkeypatch.setattr(pipeline, "forget", lambda out: refused(elsewhere))
    assert "1. content/site.yaml: " in cli("build", "-q", "-o", "out").stderr


@pytest.mark.parametrize(
    ("output", "reason"),
    [
        ("afile/sub", "Not a directory"),  # a file where a folder must be
        # a folder's name the system refuses (one the build's own files beside the output
        # would make too long is refused first: see the test below)
        ("d" * 256 + "/out", "File name too long"),
    ],
)
def test_an_output_the_system_refuses_is_an_error_not_a_bug(
    small_copy: Path, output: str, reason: str
) -> None:
    """These ended in "internal error" (exit 70), as a bug does."""
    (small_copy / "afile").write_text("a file\n", encoding="utf-8")
    result = cli("build", "-q", "-o", output)
    assert result.returncode == 1, result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert f": {reason}" in result.stderr and "1 error in the files" in result.stderr
    assert sorted(p.name for p in small_copy.iterdir() if p.name.startswith(".")) == []


def test_the_summary_lines_count_one_record_in_the_singular(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new archive has one of each before it has two: "1 milestones, 1 topics" read as
    a slip in every check and build."""
    small_archive(tmp_path, milestones=1)
    monkeypatch.chdir(tmp_path)
    content = tmp_path / "content"
    topics = (content / "topics.yaml").read_text(encoding="utf-8")
    first = topics.index("- id: diplomacy")  # the first milestone's one topic
    (content / "topics.yaml").write_text(
        topics[first : topics.index("- id:", first + 1)], encoding="utf-8"
    )
    checked = cli("check")
    assert checked.returncode == 0, checked.stderr
    assert re.fullmatch(
        r"No problems: 2 articles, 1 milestone \((\d+) quotes? verified\), \d+ entities, "
        r"1 topic\.\n",
        checked.stdout,
    ), checked.stdout
    built = cli("build", "-o", "out")
    assert built.returncode == 0, built.stderr
    assert re.match(r"Built \d+ pages \(\d+ files\): 2 articles, 1 milestone, ", built.stdout)
    assert ", 1 topic, 2 years into out/ in " in built.stdout, built.stdout  # 1992, 2025


def test_a_misspelt_content_folder_names_the_archive_beside_it(project_copy: Path) -> None:
    """``--content caspain`` for the archive init made as caspian/ was told only "content
    folder not found" (flow56): the folder beside it of a close name holding a site.yaml
    is named; no other folder is guessed."""
    made = cli(
        "init", "caspian", "--title", "T", "--subject", "S", "--publisher", "P", cwd=project_copy
    )
    assert made.returncode == 0, made.stderr
    (project_copy / "x.txt").write_text("A story.\n", encoding="utf-8")
    for command in ("check", "build", "add"):
        args = [command, "--content", "caspain"] + (["x.txt"] if command == "add" else [])
        result = cli(*args, cwd=project_copy)
        assert result.returncode == 1
        assert "1. caspain: content folder not found (did you mean --content caspian?)" in (
            result.stderr
        ), result.stderr
    for command in ("check", "build"):  # the archive's folder taken for the repository's
        inside = cli(command, "--content", "caspian/content", cwd=project_copy)
        assert inside.returncode == 1
        told = "1. caspian/content: content folder not found (did you mean --content caspian?)"
        assert told in inside.stderr, inside.stderr
    (project_copy / "templatez").mkdir()  # no site.yaml: no archive
    far = cli("check", "--content", "templatess", cwd=project_copy)
    assert "1. templatess: content folder not found (give another with --content DIR)" in (
        far.stderr
    ), far.stderr


def test_a_folder_holding_none_of_an_archives_files_is_no_content_folder(
    project_copy: Path,
) -> None:
    """``--content content/articles``, ``--content .`` or a folder of downloads was read as
    an archive missing its files: "site.yaml: file not found" and each of its files "not
    read by the build" (222 warnings for /tmp); and ``add`` made an ``articles/`` in it.
    It is one error, naming the archive likely meant; nothing is written."""
    (project_copy / "x.txt").write_text("A story.\n", encoding="utf-8")
    for command in ("check", "build", "add"):
        args = [command, "--content", "content/articles"]
        result = cli(*args, *(["x.txt"] if command == "add" else []), cwd=project_copy)
        assert result.returncode == 1
        assert result.stderr == (
            "archive-site: 1 error in the content:\n" * (command != "add")
            + "archive-site: 1 error in the capture:\n" * (command == "add")
            + "1. content/articles: is no archive's content folder: it holds none of site.yaml,"
            " entities.yaml, topics.yaml, milestones.yaml, articles/ and pages/ (did you mean"
            " --content content?)\n"
            + "archive-site: nothing was written; the output folder is unchanged.\n"
            * (command == "build")
        ), result.stderr
    (project_copy / "inbox").mkdir()
    (project_copy / "inbox" / "story.txt").write_text("A story.\n", encoding="utf-8")
    added = cli("add", "--content", "inbox", "inbox/story.txt", cwd=project_copy)
    assert added.returncode == 1
    assert "(give another with --content DIR)" in added.stderr
    assert sorted(p.name for p in (project_copy / "inbox").iterdir()) == ["story.txt"]
    here = cli("check", "--content", ".", cwd=project_copy)
    assert "(did you mean --content content?)" in here.stderr, here.stderr
    # its site.yaml given for the folder: it is there, and "not found" was untrue
    given = cli("check", "--content", "content/site.yaml", cwd=project_copy)
    assert given.stderr == (
        "archive-site: 1 error in the content:\n1. content/site.yaml: is no folder: the "
        "content folder is one (did you mean --content content?)\n"
    ), given.stderr


def test_a_folder_whose_name_leaves_no_room_for_the_files_beside_it_is_refused(
    project_copy: Path,
) -> None:
    """``-o`` or init's folder of a 250-byte name (the limit is 255) failed with "File name
    too long", told of that name, which is not: the build's and init's own files beside it
    (``.NAME.new-PID-RANDOM``, ``.NAME.init-PID``) are. It is refused first, saying so and
    the longest name that works; nothing is written."""
    name = "a" * 250
    told = (
        f"1. {name}: its name is 250 bytes long, and archive-site writes files beside it named"
        " after it (such as .NAME.new-...), which a file system's limit of 255 bytes to a name"
        " would refuse: give a name of at most 225 bytes\n"
    )
    built = cli("build", "-q", "-o", name, cwd=project_copy)
    made = cli("init", name, "--title", "T", "--subject", "S", "--publisher", "P", cwd=project_copy)
    for result in (built, made):
        assert result.returncode == 1
        assert told in result.stderr, result.stderr
    assert not [p for p in project_copy.iterdir() if name in p.name]
    fits = cli("build", "-q", "-o", "b" * 225, cwd=project_copy)
    assert fits.returncode == 0, fits.stderr


def test_the_process_s_entry_leaves_what_it_holds_to_end_with_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As the process's entry (no arguments given: ``archive-site``, ``python build.py``),
    the command freezes what the process holds once done: Python's collection as it exits
    went over every object a build left, 33 ms of the seed's 0.3 s build. Called with its
    arguments (as a program or a test calls it), it leaves the collector as it was."""
    import gc

    from archive_site.commands.cli import build_py_main, main
    from conftest import CONTENT

    gc.unfreeze()
    assert main(["check", "-q", "--content", str(CONTENT)]) == 0
    assert build_py_main(["check", "-q", "--content", str(CONTENT)]) == 0
    assert gc.get_freeze_count() == 0
    try:
        for entry, argv in ((main, "archive-site"), (build_py_main, "build.py")):
            monkeypatch.setattr(sys, "argv", [argv, "check", "-q", "--content", str(CONTENT)])
            assert entry() == 0
            assert gc.get_freeze_count() > 0
            gc.unfreeze()
    finally:
        gc.unfreeze()
