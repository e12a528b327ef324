"""Recall and false suggestions of `archive-site suggest` on the hand-marked fixtures.

    .venv/bin/python bench/suggest_bench.py

Reads each fixture of tests/fixtures/suggest-expected.yaml with the reader its
format's detection picks, runs the date-mention finder over its paragraphs
(never its furniture), and compares with the mentions marked by hand: a hit is
the right paragraph with exactly the right EDTF date. Prints, per fixture and in
all: mentions marked, found exactly, missed, suggestions that are not a marked
mention, and suggestions whose sentence is page furniture (always 0 by design).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from archive_site.errors import Problems  # noqa: E402
from archive_site.model import Paragraph  # noqa: E402
from archive_site.readers import detect_format, read_text  # noqa: E402
from archive_site.suggest import Mention, mentions_in_paragraph  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"


def found_in(name: str, published: str | None) -> tuple[list[Mention], list[str]]:
    """The finder's mentions in a fixture, and the text of its furniture."""
    path = FIXTURES / name
    text = path.read_text(encoding="utf-8")
    reading = read_text(text, name, Problems(), fmt=detect_format(text, path.name))
    day = published or reading.fields["published"].value
    pub = dt.date.fromisoformat(str(day))
    out: list[Mention] = []
    for n, block in enumerate(reading.blocks, start=1):
        out += mentions_in_paragraph(name, Paragraph(f"p{n}", n, block.text, block.line), pub)
    return out, [f.text for f in reading.furniture]


def main() -> int:
    expected = yaml.safe_load((FIXTURES / "suggest-expected.yaml").read_text(encoding="utf-8"))
    totals = [0, 0, 0, 0]
    print(f"{'fixture':<38} {'marked':>6} {'found':>6} {'missed':>6} {'false':>6} {'furn.':>6}")
    for name, spec in expected.items():
        marked = {tuple(item.split()) for item in spec["mentions"]}
        mentions, furniture = found_in(name, spec.get("published"))
        got = {(m.paragraph, m.date) for m in mentions}
        hits, false = marked & got, got - marked
        from_furniture = sum(1 for m in mentions if any(m.quote in f for f in furniture))
        row = [len(marked), len(hits), len(false), from_furniture]
        totals = [t + r for t, r in zip(totals, row, strict=True)]
        print(f"{name:<38} {row[0]:>6} {row[1]:>6} {row[0] - row[1]:>6} {row[2]:>6} {row[3]:>6}")
        for p, d in sorted(marked - got):
            print(f"    missed {p} {d}")
        for p, d in sorted(false):
            print(f"    false  {p} {d}")
    n_marked, n_hits, n_false, n_furniture = totals
    suggested = n_hits + n_false
    print(
        f"{'all':<38} {n_marked:>6} {n_hits:>6} {n_marked - n_hits:>6} {n_false:>6} "
        f"{n_furniture:>6}"
    )
    print(f"recall (exact EDTF date): {n_hits / n_marked:.1%} of {n_marked} marked mentions")
    print(f"false suggestions: {n_false} of {suggested} ({n_false / max(suggested, 1):.1%})")
    print(f"suggestions from page furniture: {n_furniture}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
