"""Fixtures of the real-browser suite: Chromium, the test servers, the tools.

Every tool is required: when one is missing the test fails (``make tools``
installs them all); nothing here skips. The fixtures live as long as this
package's tests: Playwright's sync API allows one instance at a time, and other
tests of the suite start their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

from .sitecheck import (
    AXE_JS,
    CHROMIUM_ARGS,
    SUB_PATH,
    VNU_JAR,
    MissingTool,
    Server,
    chromium,
    program,
    require,
    serve,
)


@pytest.fixture(scope="package")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="package")
def browser(playwright: Playwright) -> Iterator[Browser]:
    try:
        path = chromium()
    except MissingTool as e:
        pytest.fail(str(e), pytrace=False)
    b = playwright.chromium.launch(executable_path=path, args=list(CHROMIUM_ARGS))
    yield b
    b.close()


@pytest.fixture(scope="package")
def vnu() -> Path:
    try:
        program("java")
        return require(VNU_JAR, "The Nu HTML Checker (vnu-jar)")
    except MissingTool as e:
        pytest.fail(str(e), pytrace=False)


@pytest.fixture(scope="package")
def axe() -> Path:
    try:
        return require(AXE_JS, "axe-core")
    except MissingTool as e:
        pytest.fail(str(e), pytrace=False)


@pytest.fixture(scope="package")
def site_root(site: Any) -> Path:
    """The folder of the real archive, built once (tests/conftest.py)."""
    root: Path = site.root
    assert site.base_url.endswith(SUB_PATH), site.base_url
    return root


@pytest.fixture(scope="package")
def served_root(site_root: Path) -> Iterator[Server]:
    """The built site at the root of a server: http://127.0.0.1:PORT/."""
    with serve(site_root, "/") as server:
        yield server


@pytest.fixture(scope="package")
def served_sub(site_root: Path) -> Iterator[Server]:
    """The same folder under a project path: http://127.0.0.1:PORT/archive-site/."""
    with serve(site_root, SUB_PATH) as server:
        yield server
