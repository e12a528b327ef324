"""``archive-site init``: a new archive's folder that builds as it is, made whole or not at all."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

import pytest
import yaml

from archive_site.commands.init import STARTER_ABOUT
from conftest import ROOT, TEMPLATES, cli

ARGS = (
    "--title",
    "Caspian Archive",
    "--subject",
    "the Caspian Sea",
    "--publisher",
    "A. Researcher",
)


def init(folder: Path, *args: str) -> tuple[int, str, str]:
    result = cli("init", str(folder), *args)
    return result.returncode, result.stdout, result.stderr


def listing(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else b"<folder>")
        for p in sorted(folder.rglob("*"))
    }


def test_a_new_archive_checks_and_builds_with_what_it_was_given(tmp_path: Path) -> None:
    title, subject = 'Caspian "legal" status: <b>A</b> & #1', "the Caspian Sea: law & pipelines"
    args = ("--title", title, "--subject", subject, "--publisher", "- A. Researcher")
    code, out, err = init(tmp_path / "new" / "archive", *args)
    assert code == 0, err
    archive = tmp_path / "new" / "archive"
    assert sorted(listing(archive)) == [
        "articles",
        "entities.yaml",
        "milestones.yaml",
        "pages",
        "pages/about.md",
        "site.yaml",
        "topics.yaml",
    ]
    settings = yaml.safe_load((archive / "site.yaml").read_text(encoding="utf-8"))
    assert settings["title"] == title
    assert settings["subject"] == subject
    assert settings["publisher"] == "- A. Researcher"
    assert subject in settings["description"]
    assert (archive / "pages" / "about.md").read_bytes() == STARTER_ABOUT.read_bytes()
    assert f"add CAPTURE --content {archive}" in out
    assert "set base_url" in out  # the default address is said to be one

    checked = cli("check", "--content", str(archive), "--templates", str(TEMPLATES))
    assert checked.returncode == 0, checked.stderr
    assert "No problems: 0 articles" in checked.stdout
    built = cli(
        "build", "--content", str(archive), "--templates", str(TEMPLATES), "-o", str(tmp_path / "o")
    )
    assert built.returncode == 0, built.stderr
    home = (tmp_path / "o" / "index.html").read_text(encoding="utf-8")
    assert "Caspian &#34;legal&#34; status: &lt;b&gt;A&lt;/b&gt; &amp; #1" in home
    # the subject opens the home page's title: with a capital ("the Caspian Sea" opened it)
    assert "<title>The Caspian Sea: law &amp; pipelines · Caspian &#34;legal&#34;" in home
    about = (tmp_path / "o" / "about.html").read_text(encoding="utf-8")
    assert 'href="data/articles.json"' in about  # the starter page's links resolve


def test_an_empty_folder_is_used_and_a_given_address_is_kept(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, out, err = init(
        tmp_path / "empty", *ARGS, "--base-url", "https://research.example.net/caspian"
    )
    assert code == 0, err
    settings = yaml.safe_load((tmp_path / "empty" / "site.yaml").read_text(encoding="utf-8"))
    assert settings["base_url"] == "https://research.example.net/caspian"
    assert "set base_url" not in out


@pytest.mark.parametrize("kind", ["file in it", "file", "link"])
def test_a_folder_in_use_is_refused_and_left_as_it_was(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "archive"
    if kind == "file in it":
        target.mkdir()
        (target / "notes.txt").write_text("mine\n")
    elif kind == "file":
        target.write_text("mine\n")
    else:
        (tmp_path / "elsewhere").mkdir()
        target.symlink_to(tmp_path / "elsewhere")
    before = listing(tmp_path)
    code, _out, err = init(target, *ARGS)
    assert code == 1
    assert "in the new archive's folder:" in err and "Traceback" not in err
    assert {"file in it": "is not empty", "file": "is a file", "link": "symbolic link"}[kind] in err
    assert listing(tmp_path) == before  # nothing written, no temporary folder left


@pytest.mark.parametrize("inner", ["inner", "notes/inner"])
def test_a_folder_inside_an_archive_is_refused(tmp_path: Path, inner: str) -> None:
    """An archive made inside another (in ``content/``, say) was made, and only a warning
    of the outer archive's ``check`` said that its build would never read it."""
    outer = tmp_path / "caspian"
    assert init(outer, *ARGS)[0] == 0
    before = listing(tmp_path)
    code, _out, err = init(outer / inner, *ARGS)
    assert code == 1, err
    told = f"{outer / inner}: is inside the archive {outer} (it holds site.yaml), whose build"
    assert told in err and "Traceback" not in err, err
    assert listing(tmp_path) == before  # nothing written, no temporary folder left


@pytest.mark.parametrize(
    ("option", "value", "said"),
    [
        ("--language", "english please", "language tag"),
        ("--base-url", "javascript:alert(1)", "--base-url"),
        ("--title", "two\nlines", "one line"),
        ("--subject", "   ", "some text"),
        ("--publisher", "nul\x00here", "one line"),
    ],
)
def test_a_value_the_build_would_refuse_is_refused_first(
    tmp_path: Path, option: str, value: str, said: str
) -> None:
    args = dict(zip(ARGS[::2], ARGS[1::2], strict=True))
    args[option] = value
    code, _out, err = init(tmp_path / "archive", *[x for kv in args.items() for x in kv])
    assert code == 2, err
    assert option in err and said in err and "Traceback" not in err
    assert not (tmp_path / "archive").exists()
    assert list(tmp_path.iterdir()) == []


def test_the_title_is_required(tmp_path: Path) -> None:
    code, _out, err = init(tmp_path / "archive", "--subject", "x", "--publisher", "y")
    assert code == 2 and "--title" in err
    assert not (tmp_path / "archive").exists()


def test_the_starter_page_ships_with_the_package() -> None:
    """The About page is a file of the package: the wheel must carry it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["archive_site"]
    rel = STARTER_ABOUT.relative_to(ROOT / "src" / "archive_site").as_posix()
    assert any(fnmatch.fnmatch(rel, p) for p in patterns), (rel, patterns)


def test_the_working_folder_itself_when_empty(tmp_path: Path) -> None:
    """``init .`` in an empty folder fills it, and leaves it the same folder (a shell in it
    stays in it): nothing is written beside it but for a moment."""
    here = tmp_path / "here"
    here.mkdir()
    inode = here.stat().st_ino
    result = cli("init", ".", *ARGS, cwd=here)
    assert result.returncode == 0, result.stderr
    assert here.stat().st_ino == inode
    assert (here / "site.yaml").is_file() and (here / "articles").is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["here"]


def test_a_link_where_the_temporary_folder_goes_is_not_followed(tmp_path: Path) -> None:
    """The new folder is made beside its place first: a link planted there (under the name
    this process would use) is removed, and nothing is written where it pointed."""
    import os

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / f".archive.init-{os.getpid()}").symlink_to(elsewhere)
    code, _out, err = init(tmp_path / "archive", *ARGS)
    assert code == 0, err
    assert list(elsewhere.iterdir()) == []
    assert (tmp_path / "archive" / "site.yaml").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive", "elsewhere"]
