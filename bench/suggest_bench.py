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


def found_in(
    name: str, published: str | None, language: str = "en"
) -> tuple[list[Mention], list[str]]:
    """The finder's mentions in a fixture, and the text of its furniture."""
    path = FIXTURES / name
    text = path.read_text(encoding="utf-8")
    reading = read_text(text, name, Problems(), fmt=detect_format(text, path.name))
    day = published or reading.fields["published"].value
    pub = dt.date.fromisoformat(str(day))
    out: list[Mention] = []
    for n, block in enumerate(reading.blocks, start=1):
        out += mentions_in_paragraph(
            name, Paragraph(f"p{n}", n, block.text, block.line), pub, language
        )
    return out, [f.text for f in reading.furniture]


def main() -> int:
    tuned = bench("suggest-expected.yaml", "tuned fixtures (the code was fitted to them)")
    heldout = bench("suggest-heldout.yaml", "held-out set (marked before the finder ran)")
    return 0 if tuned and heldout else 1


def _marked(items: list[str]) -> dict[tuple[str, str], str]:
    """Each accepted (paragraph, date) reading of the marks, to the mark it reads."""
    out: dict[tuple[str, str], str] = {}
    for item in items:
        paragraph, dates = item.split()
        for date in dates.split("|"):
            out[(paragraph, date)] = item
    return out


def bench(fixtures: str, title: str) -> bool:
    """Print one set's figures: marked, found, missed, false, from furniture."""
    expected = yaml.safe_load((FIXTURES / fixtures).read_text(encoding="utf-8"))
    totals = [0, 0, 0, 0]
    print(f"== {title}: {fixtures}")
    print(f"{'fixture':<38} {'marked':>6} {'found':>6} {'missed':>6} {'false':>6} {'furn.':>6}")
    for name, spec in expected.items():
        readings = _marked(spec["mentions"])
        optional = _marked(spec.get("optional", []))
        mentions, furniture = found_in(name, spec.get("published"), spec.get("language", "en"))
        got = {(m.paragraph, m.date): m for m in mentions}
        hit_marks = {readings[k] for k in got if k in readings}
        missed = set(spec["mentions"]) - hit_marks
        false = [m for k, m in got.items() if k not in readings and k not in optional]
        from_furniture = sum(1 for m in mentions if any(m.quote in f for f in furniture))
        row = [len(spec["mentions"]), len(hit_marks), len(false), from_furniture]
        totals = [t + r for t, r in zip(totals, row, strict=True)]
        print(f"{name:<38} {row[0]:>6} {row[1]:>6} {len(missed):>6} {row[2]:>6} {row[3]:>6}")
        for item in sorted(missed):
            print(f"    missed {item}")
        for m in false:
            print(f"    false  {m.paragraph} {m.date}  ({m.basis})")
    n_marked, n_hits, n_false, n_furniture = totals
    suggested = n_hits + n_false
    print(
        f"{'all':<38} {n_marked:>6} {n_hits:>6} {n_marked - n_hits:>6} {n_false:>6} "
        f"{n_furniture:>6}"
    )
    print(f"recall (exact EDTF date): {n_hits / n_marked:.1%} of {n_marked} marked mentions")
    print(f"false suggestions: {n_false} of {suggested} ({n_false / max(suggested, 1):.1%})")
    print(f"suggestions from page furniture: {n_furniture}")
    print()
    return True


if __name__ == "__main__":
    raise SystemExit(main())
