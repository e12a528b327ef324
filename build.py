#!/usr/bin/env python3
"""Build the archive website: ``python build.py`` (see README.md).

A thin shim over the ``archive-site`` command line with ``build`` as the
default command: ``python build.py check``, ``python build.py serve`` and
``python build.py add FILE`` work too.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from archive_site.commands.cli import build_py_main

if __name__ == "__main__":
    raise SystemExit(build_py_main())
