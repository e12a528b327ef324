"""The package's shape: its layers, the README's account of them, and the size of its units.

* The layering is an import-linter ``layers`` contract in ``pyproject.toml``;
  ``make lint`` (so ``make test``) runs ``lint-imports`` on the package.  Here
  a copy with one planted upward import must fail it.
* The README's module table, the contract and the folder listing agree.
* No function is longer than :data:`MAX_LINES` or more complex than
  :data:`MAX_COMPLEXITY` (radon's cyclomatic complexity), except the few in
  :data:`ALLOWED`, which only shrinks.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from radon.complexity import cc_visit
from radon.visitors import Class, Function

from conftest import ROOT

PACKAGE = ROOT / "src" / "archive_site"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def contract_layers() -> list[str]:
    """The contract's layers, top (the commands) to bottom (the shared modules)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = config["tool"]["importlinter"]["contracts"]
    assert contract["type"] == "layers"
    assert contract["containers"] == ["archive_site"]
    return list(contract["layers"])


def package_listing() -> dict[str, list[str]]:
    """Every top-level module and package of archive_site; for a package, its modules."""
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.iterdir()):
        if path.is_dir() and (path / "__init__.py").is_file():
            found[path.name] = sorted(p.stem for p in path.glob("*.py") if p.stem != "__init__")
        elif path.suffix == ".py" and path.stem != "__init__":
            found[path.stem] = []
    return found


def readme_table() -> list[tuple[str, str]]:
    """The rows of the README's layer table: (name, description), top to bottom."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Development\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([a-z_]+)/?` \| (.*) \|$", section, flags=re.MULTILINE)
    assert rows, "the README's Development section has no layer table"
    return rows


# --- layering ----------------------------------------------------------------------


def test_the_readme_table_the_contract_and_the_folder_agree() -> None:
    rows = readme_table()
    names = [name for name, _ in rows]
    # The README reads with the data (shared modules first), the contract top-down.
    assert names == contract_layers()[::-1]
    listing = package_listing()
    assert sorted(names) == sorted(listing), "the table and src/archive_site/ differ"
    for name, description in rows:
        named = set(re.findall(r"`([a-z_]+)`", description))
        missing = [m for m in listing[name] if m not in named]
        assert not missing, f"the README's row for {name}/ does not name {missing}"


def _copy_project(tmp_path: Path) -> Path:
    shutil.copytree(
        ROOT / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    shutil.copy2(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    assert LINT_IMPORTS.exists(), "lint-imports is missing: pip install -e '.[test]'"
    env = {**os.environ, "PYTHONPATH": str(project / "src"), "NO_COLOR": "1"}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_contract_holds_on_a_copy_of_the_package(tmp_path: Path) -> None:
    result = _lint_imports(_copy_project(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "planted", "chain"),
    [
        # A stage reaching up: rendering must not know about the pipeline that calls it.
        (
            "render/views.py",
            "from .. import pipeline",
            "archive_site.render.views -> archive_site.pipeline",
        ),
        # A shared module reaching into a stage.
        ("urls.py", "from . import load", "archive_site.urls -> archive_site.load"),
        # A reader reaching past load and render to the writer.
        (
            "readers/base.py",
            "from .. import write",
            "archive_site.readers.base -> archive_site.write",
        ),
    ],
)
def test_the_contract_fails_when_a_lower_layer_imports_a_higher_one(
    tmp_path: Path, module: str, planted: str, chain: str
) -> None:
    project = _copy_project(tmp_path)
    path = project / "src" / "archive_site" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{planted}  # planted\n", "utf-8")
    result = _lint_imports(project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "BROKEN" in result.stdout and "0 kept, 1 broken" in result.stdout
    assert chain in result.stdout, result.stdout


# --- unit size -----------------------------------------------------------------------

MAX_LINES = 80
MAX_COMPLEXITY = 20

# Today's exceptions, being split (issue 9): remove an entry when its function is
# within bounds (the test says so); never add one.
ALLOWED: set[str] = set()


def measure(source: str, where: str) -> dict[str, tuple[int, int]]:
    """Each function and method in ``source``: ``where:qualname`` -> (lines, complexity)."""
    found: dict[str, tuple[int, int]] = {}
    for block in cc_visit(source):
        functions = block.methods if isinstance(block, Class) else [block]
        for f in functions:
            assert isinstance(f, Function)
            name = f"{f.classname}.{f.name}" if f.classname else f.name
            found[f"{where}:{name}"] = (f.endline - f.lineno + 1, f.complexity)
    return found


def units() -> dict[str, tuple[int, int]]:
    """Every function and method of the package, measured."""
    found: dict[str, tuple[int, int]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        found |= measure(path.read_text(encoding="utf-8"), path.relative_to(PACKAGE).as_posix())
    return found


def test_the_measure_sees_long_and_complex_functions_and_methods() -> None:
    long_body = "".join(f"    x{n} = {n}\n" for n in range(85))
    branches = "".join(f"        if x == {n}:\n            return {n}\n" for n in range(25))
    source = f"def long():\n{long_body}\n\nclass C:\n    def m(self, x):\n{branches}"
    found = measure(source, "m.py")
    assert found["m.py:long"] == (86, 1)
    assert found["m.py:C.m"] == (51, 26)
    assert len(units()) > 200  # the whole package, methods included


def test_no_function_is_too_long_or_too_complex() -> None:
    found = units()
    over = {
        name: size
        for name, (lines, cc) in found.items()
        if (lines > MAX_LINES or cc > MAX_COMPLEXITY)
        for size in [(lines, cc)]
    }
    new = {name: size for name, size in over.items() if name not in ALLOWED}
    assert not new, f"over {MAX_LINES} lines or complexity {MAX_COMPLEXITY} (lines, cc): {new}"
    done = sorted(ALLOWED - set(over))
    assert not done, f"within bounds now (or gone): remove from ALLOWED: {done}"


def names_bound_twice(source: str) -> list[str]:
    """The module-level names a module's source assigns more than once (``X = ...``,
    ``X: T = ...``): the last assignment is the one every use reads, also those above it."""
    seen: dict[str, int] = {}
    for node in ast.parse(source).body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        targets = [node.target] if isinstance(node, ast.AnnAssign) else targets
        for target in targets:
            if isinstance(target, ast.Name):
                seen[target.id] = seen.get(target.id, 0) + 1
    return sorted(name for name, count in seen.items() if count > 1)


def test_no_module_gives_one_name_two_values() -> None:
    """html.py had ``_LABEL_WORDS = 4`` (the words of a list of details' term) and, further
    down, ``_LABEL_WORDS = 12`` (a post's line of labels): the terms were read with 12
    (ruff tells a function defined twice, not a constant)."""
    assert names_bound_twice("A = 1\nB: int = 2\n\ndef f():\n    A = 3\nA = 4\n") == ["A"]
    twice = {
        path.relative_to(PACKAGE).as_posix(): found
        for path in sorted(PACKAGE.rglob("*.py"))
        if (found := names_bound_twice(path.read_text(encoding="utf-8")))
    }
    assert not twice


# --- templates ---------------------------------------------------------------------

# What a template must not do: look records up (the views hand it lists and records).
LOOKUP = re.compile(r"archive\.links|archive\.(?:entity|article|milestone|topic|page)\(|\.get\(")


def template_lookups(text: str) -> list[str]:
    """The lookups inside the Jinja tags and expressions of a template's text."""
    tags = re.findall(r"\{\{.*?\}\}|\{%.*?%\}", text, flags=re.DOTALL)
    return [m.group(0) for tag in tags for m in LOOKUP.finditer(tag)]


def test_templates_receive_lists_not_lookups() -> None:
    assert template_lookups("{% set r = archive.links.related.get(a.id, ()) %}") == [
        "archive.links",
        ".get(",
    ]
    assert template_lookups("{{ archive.entity(x).name }} archive.links in text") == [
        "archive.entity("
    ]
    templates = ROOT / "templates"
    found = {
        p.relative_to(templates).as_posix(): template_lookups(p.read_text(encoding="utf-8"))
        for p in sorted(templates.rglob("*"))
        if p.suffix in (".html", ".xml")
    }
    assert len(found) > 10
    assert {name: hits for name, hits in found.items() if hits} == {}
