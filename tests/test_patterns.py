"""Regular expressions compiled when first used (archive_site.patterns)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from archive_site.patterns import later


def test_a_pattern_is_compiled_at_its_first_use_not_before() -> None:
    broken = later("(")  # compiling it raises: making the function does not
    with pytest.raises(re.error):
        broken()


def test_every_use_gets_the_one_compiled_pattern_with_its_flags() -> None:
    word = later(r"baku", re.IGNORECASE)
    assert word() is word()
    assert word().fullmatch("BAKU") is not None


def test_importing_the_stages_compiles_none_of_the_large_patterns() -> None:
    """A build whose records all come from the cache reads no capture and no milestone's
    sources: the datelines', the months' and the words of saying's patterns (milliseconds
    each) are not compiled by importing the stages."""
    code = (
        "import archive_site.load, archive_site.render, archive_site.produce\n"
        "from archive_site.readers import base, dateline\n"
        "from archive_site import dates, text\n"
        "from archive_site.load import attribution, speakers\n"
        "made = [f.cache_info().currsize for f in (dateline.DATELINE, dateline.STOPPED_DATELINE,"
        " dateline.COMMA_DATELINE, dateline.BARE_AGENCY_DATELINE, dateline.CJK_DATELINE,"
        " dates._OTHER_MONTH, dates._ENGLISH_MONTH, text._MONTH_FIRST, attribution.ATTRIBUTION,"
        " attribution.QUOTATION, base._LABEL, speakers._EDITORS_NOTE)]\n"
        "print(sum(made))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "0"


#: The package's regular expressions compiled as its modules load: those other patterns are
#: made from then, and those in tables; each other pattern a module keeps is made with
#: ``patterns.later`` (389 were compiled so before, 80 ms of every command's start).
#: Only shrinks.
COMPILED_AS_LOADED = 118

_COUNT_COMPILED = """
import re._compiler, sys
compile, counted = re._compiler.compile, []
def counting(pattern, flags=0):
    frame = sys._getframe(1)
    while frame is not None and not frame.f_globals.get("__name__", "").startswith("archive_site"):
        frame = frame.f_back
    if frame is not None and frame.f_globals["__name__"] != "archive_site.patterns":
        counted.append(pattern)
    return compile(pattern, flags)
re._compiler.compile = counting
import archive_site.commands.cli, archive_site.pipeline, archive_site.produce, archive_site.load
import archive_site.render, archive_site.readers.container, archive_site.searchindex
import archive_site.suggest, archive_site.serve.worker
print(len(counted))
"""


def test_modules_compile_few_patterns_as_they_load() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _COUNT_COMPILED],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    compiled = int(done.stdout)
    assert 0 < compiled <= COMPILED_AS_LOADED
