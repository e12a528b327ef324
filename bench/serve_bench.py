"""Benchmark: from a save to the browser's reload under ``archive-site serve``, at N articles.

It writes a synthetic archive of N articles (see ``synthetic.py``) in a
temporary folder, starts ``python build.py serve`` on it (a free port, the
default look for changes every half second), waits for the first build and its
search index, then, ``--rounds`` times: changes one word of one article and
measures, from the moment the file is written,

* **live**: until the server reports a new build live (the version open pages
  poll for; they reload at their next look, within a quarter second);
* **index**: until the new search index is swapped in (made in the background).

Each round starts when the last one's index is in.  It prints each round and
the medians, and the server's own lines.  It prints figures; it is not a test.
Usage::

    python bench/serve_bench.py --articles 1000 [--rounds 3]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import edit_one_article, write_content

ROOT = Path(__file__).resolve().parent.parent
SERVING = re.compile(r"^Serving http://127\.0\.0\.1:(\d+)(/\S*) \(Ctrl-C to stop\)$")
BOUND = 600.0  # seconds: the longest wait for anything (a bound, not a measurement)


class Server:
    """``build.py serve`` on the archive in ``work``, its output collected as it comes."""

    def __init__(self, work: Path) -> None:
        env = dict(os.environ, XDG_CACHE_HOME=str(work / "xdg"), TMPDIR=str(work / "tmp"))
        env.update(PYTHONUNBUFFERED="1")
        (work / "tmp").mkdir()
        command = [sys.executable, str(ROOT / "build.py"), "serve", "--port", "0"]
        command += ["--content", str(work / "content"), "--templates", str(ROOT / "templates")]
        self.proc = subprocess.Popen(
            command, cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        self.lines: list[str] = []
        threading.Thread(target=self._collect, daemon=True).start()
        found = self.wait(lambda: any(SERVING.match(ln) for ln in self.lines), "the address")
        assert found
        match = next(m for ln in self.lines if (m := SERVING.match(ln)))
        self.port, self.base = int(match[1]), match[2]

    def _collect(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait(self, done: Callable[[], bool], what: str) -> bool:
        deadline = time.monotonic() + BOUND
        while not done():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                sys.exit(f"serve stopped or took too long waiting for {what}:\n" + self.output())
            time.sleep(0.01)
        return True

    def state(self) -> dict[str, Any]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request("GET", f"{self.base}__archive-site/version")
            data: dict[str, Any] = json.loads(conn.getresponse().read())
            return data
        finally:
            conn.close()

    def output(self) -> str:
        return "\n".join(self.lines)

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def one_round(server: Server, content: Path, n: int) -> tuple[float, float]:
    """Edit one article; seconds until the new build is live, and until its index is."""
    before = server.state()
    edit_one_article(content, n)
    t0 = time.perf_counter()
    server.wait(lambda: server.state()["version"] != before["version"], "the new build")
    live = time.perf_counter() - t0
    state = server.state()
    assert state["ok"], state
    if "index" not in state:  # a server that makes the index before the build goes live
        return live, live
    server.wait(lambda: server.state()["index"] != before["index"], "the new index")
    return live, time.perf_counter() - t0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="N (default 1000)")
    parser.add_argument("--rounds", type=int, default=3, help="edits measured (default 3)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="archive-site-serve-bench-") as tmp:
        work = Path(tmp)
        content = write_content(work, args.articles)
        t0 = time.perf_counter()
        server = Server(work)
        try:
            server.wait(lambda: server.state().get("index", 1) >= 1, "the first index")
            print(
                f"{args.articles} articles; first build and index: {time.perf_counter() - t0:.1f} s"
            )
            print(f"{'round':>5} {'live s':>8} {'index s':>8}")
            rounds = []
            for r in range(args.rounds):
                rounds.append(one_round(server, content, args.articles))
                print(f"{r + 1:>5} {rounds[-1][0]:8.2f} {rounds[-1][1]:8.2f}", flush=True)
            live = statistics.median(x for x, _ in rounds)
            index = statistics.median(y for _, y in rounds)
            print(f"median: save -> new build live {live:.2f} s; -> new search index {index:.2f} s")
            print("(open pages reload at their next look for a new build: within 0.25 s more)")
        finally:
            server.stop()
        print("--- the server said:\n" + server.output())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
