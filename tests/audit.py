#!/usr/bin/env python3
"""Lighthouse scores of the home page, the timeline and an article (``make audit``).

Builds the site into a temporary folder, serves it on 127.0.0.1 under
``/archive-site/`` (as GitHub Pages serves a project), runs the pinned
Lighthouse (node_modules) with Debian's Chromium on each page and prints the
four category scores. Exits 1 if accessibility, best practices or SEO is
below 100 on any page, listing the audits that cost points; performance is
reported against its target (95) and never fails the run, since it depends on
the machine. Exits 2 when a tool is missing (``make tools`` installs them).

    .venv/bin/python tests/audit.py [--json DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "browser"))
sys.path.insert(0, str(HERE.parent / "src"))

from sitecheck import (  # noqa: E402
    CHROMIUM_ARGS,
    LIGHTHOUSE_CLI,
    ROOT,
    SUB_PATH,
    MissingTool,
    chromium,
    program,
    require,
    serve,
)

from archive_site.pipeline import Paths, build  # noqa: E402

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
REQUIRED = {"accessibility": 100, "best-practices": 100, "seo": 100}
PERFORMANCE_TARGET = 95


def lighthouse(url: str, node: str, chrome: str) -> dict[str, Any]:
    """One Lighthouse run (its default mobile profile) in a fresh Chromium profile."""
    with tempfile.TemporaryDirectory(prefix="lighthouse-profile-") as profile:
        flags = " ".join([*CHROMIUM_ARGS, f"--user-data-dir={profile}"])
        try:
            proc = subprocess.run(
                [
                    node,
                    str(LIGHTHOUSE_CLI),
                    url,
                    "--output=json",
                    "--output-path=stdout",
                    "--quiet",
                    f"--chrome-flags={flags}",
                ],
                capture_output=True,
                text=True,
                timeout=300,
                env={**os.environ, "CHROME_PATH": chrome},
                check=False,
            )
        finally:
            _stop_leftovers(profile)
    if proc.returncode != 0 or not proc.stdout.strip():
        raise RuntimeError(f"Lighthouse failed on {url} (exit {proc.returncode}):\n{proc.stderr}")
    report: dict[str, Any] = json.loads(proc.stdout)
    if report.get("runtimeError"):
        raise RuntimeError(f"Lighthouse could not audit {url}: {report['runtimeError']}")
    return report


def _stop_leftovers(profile: str) -> None:
    """Stop the Chromium this run started, if Lighthouse left it behind (a timeout, a crash).

    Lighthouse starts Chromium in a process group of its own, so it is found by
    the profile folder made for this run alone, which its command line names.
    """
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            cmdline = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if f"--user-data-dir={profile}".encode() in cmdline:
            with contextlib.suppress(OSError):
                os.kill(int(proc.name), signal.SIGKILL)


def score(report: dict[str, Any], category: str) -> int | None:
    value = report["categories"][category]["score"]
    return None if value is None else round(value * 100)


def lost_points(report: dict[str, Any], category: str) -> list[str]:
    """The audits of a category that scored below 1, with their weights."""
    out = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
            shown = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
            out.append(f"{ref['id']}: {audit['title']}{shown}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, metavar="DIR", help="also save each full report")
    args = parser.parse_args(argv)
    try:
        node = program("node")
        require(LIGHTHOUSE_CLI, "Lighthouse")
        chrome = chromium()
    except MissingTool as e:
        print(f"audit: {e}", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="archive-site-audit-") as tmp:
        out = Path(tmp) / "dist"
        with serve(out, SUB_PATH) as server:
            # Built for the address it is served at, so canonical links are real.
            build(Paths(ROOT / "content", ROOT / "templates", out), base_url=server.base)
            article = sorted(
                p.name for p in (out / "articles").glob("*.html") if p.name != "index.html"
            )[0]
            pages = {
                "home": "",
                "timeline": "timeline.html",
                "article": f"articles/{article}",
            }
            print(f"Lighthouse {_version()} on {server.base} (mobile profile)\n", flush=True)
            reports = {}
            for name, path in pages.items():
                print(f"  auditing {name}: {server.base + path}", flush=True)
                reports[name] = lighthouse(server.base + path, node, chrome)
                if args.json:
                    args.json.mkdir(parents=True, exist_ok=True)
                    (args.json / f"{name}.json").write_text(
                        json.dumps(reports[name], indent=1), encoding="utf-8"
                    )

    width = max(len(n) for n in pages)
    print("\n" + f"{'page':<{width}}  " + "  ".join(f"{c:>14}" for c in CATEGORIES))
    failures: list[str] = []
    slow: list[str] = []
    for name, report in reports.items():
        cells = []
        for category in CATEGORIES:
            value = score(report, category)
            cells.append(f"{'-' if value is None else value:>14}")
            if category in REQUIRED and (value is None or value < REQUIRED[category]):
                failures.append(f"{name}: {category} {value} < {REQUIRED[category]}")
                failures += [f"    {line}" for line in lost_points(report, category)]
            if category == "performance" and (value is None or value < PERFORMANCE_TARGET):
                slow.append(f"{name}: performance {value} < {PERFORMANCE_TARGET}")
                slow += [f"    {line}" for line in lost_points(report, category)]
        print(f"{name:<{width}}  " + "  ".join(cells))
    print(
        f"\nRequired: accessibility, best practices and SEO 100; "
        f"performance target {PERFORMANCE_TARGET} (reported, not required)."
    )
    if slow:
        print("Performance below its target (not a failure):\n" + "\n".join(slow))
    if failures:
        print("FAILED:\n" + "\n".join(failures), file=sys.stderr)
        return 1
    print("OK")
    return 0


def _version() -> str:
    package = json.loads((LIGHTHOUSE_CLI.parents[1] / "package.json").read_text(encoding="utf-8"))
    return str(package.get("version", "?"))


if __name__ == "__main__":
    raise SystemExit(main())
