"""The picture of the whole span: an SVG drawn at build time.

Each milestone is a mark on a linear time axis, as wide as its date is
imprecise: a day is a dot, a month a short bar, a year a bar across the year,
an interval a bar from start to end; a "by"/"after" date is a paler bar over
the year up to (or from) its bound.  Marks that would overlap are stacked, so dense
years stand out.  Every mark is a link to its milestone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import NamedTuple

from markupsafe import Markup, escape

from ..counts import plural
from ..dates import DateSpec, PartialDate
from ..files import balanced_directions
from ..model import Milestone
from . import paging

WIDTH = 800
LEFT, RIGHT = 16, 16
ROW = 8
TOP = 8
AXIS_GAP = 10
DOT = 3.5


def _year_fraction(day: tuple[int, int, int]) -> float:
    y, m, d = day
    start = dt.date(y, 1, 1).toordinal()
    length = dt.date(y + 1, 1, 1).toordinal() - start
    return y + (dt.date(y, m, d).toordinal() - start) / length


def _extent(spec: DateSpec) -> tuple[float, float]:
    """The stretch of time (in fractional years) a date may fall in."""

    def lo(p: PartialDate) -> float:
        return _year_fraction(p.first_day())

    def hi(p: PartialDate) -> float:
        return _year_fraction(p.last_day()) + 1 / 365

    if spec.kind == "single":
        assert spec.start is not None
        return lo(spec.start), hi(spec.start)
    if spec.kind == "before":
        assert spec.end is not None
        return hi(spec.end) - 1.0, hi(spec.end)
    if spec.kind == "after":
        assert spec.start is not None
        return lo(spec.start), lo(spec.start) + 1.0
    start = lo(spec.start) if spec.start else hi(spec.end) - 2.0  # type: ignore[arg-type]
    end = hi(spec.end) if spec.end else start + 2.0
    return start, end


class Mark(NamedTuple):
    """One milestone's mark on the overview picture."""

    milestone: Milestone
    x0: float
    x1: float
    row: int


def layout(milestones: Sequence[Milestone]) -> tuple[list[Mark], int, int, int]:
    """Place the marks: returns (marks, first year, last year + 1, rows)."""
    extents = [(m, *_extent(m.date)) for m in milestones]
    first = min(int(a) for _, a, _ in extents)
    last = max(int(b) for _, _, b in extents) + 1
    scale = (WIDTH - LEFT - RIGHT) / (last - first)
    rows_end: list[float] = []
    marks: list[Mark] = []
    for m, a, b in sorted(extents, key=lambda t: (t[1], t[2], t[0].id)):
        x0 = LEFT + (a - first) * scale
        x1 = max(LEFT + (b - first) * scale, x0 + 2 * DOT)
        row = next((r for r, end in enumerate(rows_end) if end + 2 <= x0), len(rows_end))
        if row == len(rows_end):
            rows_end.append(x1)
        else:
            rows_end[row] = x1
        marks.append(Mark(m, x0, x1, row))
    return marks, first, last, max(1, len(rows_end))


def overview(
    milestones: Sequence[Milestone],
    href: Callable[[Milestone], str],
    *,
    label: str,
) -> Markup:
    if not milestones:
        return Markup("")
    marks, first, last, rows = layout(milestones)
    axis_y = TOP + rows * ROW + AXIS_GAP / 2
    height = axis_y + 22
    parts = [
        f'<svg class="overview" viewBox="0 0 {WIDTH} {height:.0f}" role="group" '
        f'aria-label="{escape(label)}">',
        f'<line class="axis" x1="{LEFT}" y1="{axis_y:.1f}" '
        f'x2="{WIDTH - RIGHT}" y2="{axis_y:.1f}"/>',
    ]
    parts.extend(_axis(first, last, axis_y))
    for mk in marks:
        m = mk.milestone
        y = TOP + (rows - 1 - mk.row) * ROW
        name = escape(balanced_directions(f"{m.date_label}: {m.title}"))
        cls = f"mk {m.date.precision} {m.date.kind} {m.status}"
        if m.date.kind == "single" and m.date.precision == "day":
            shape = f'<circle cx="{(mk.x0 + mk.x1) / 2:.0f}" cy="{y + ROW / 2:.0f}" r="{DOT}"/>'
        else:
            shape = (
                f'<rect x="{mk.x0:.0f}" y="{y + 1.5:.1f}" width="{mk.x1 - mk.x0:.0f}" '
                f'height="{ROW - 3}" rx="3"/>'
            )
        parts.append(f'<a href="{escape(href(m))}" class="{cls}"><title>{name}</title>{shape}</a>')
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every value above is escaped or numeric


def _axis(first: int, last: int, axis_y: float) -> list[str]:
    """The ticks and year labels of the time axis, from ``first`` to ``last``."""
    scale = (WIDTH - LEFT - RIGHT) / (last - first)
    parts: list[str] = []
    step = axis_step(last - first)
    for year in (first, *range(first // step * step + step, last + 1, step)):
        x = LEFT + (year - first) * scale
        parts.append(
            f'<line class="tick" x1="{x:.1f}" y1="{axis_y:.1f}" '
            f'x2="{x:.1f}" y2="{axis_y + 4:.1f}"/>'
        )
        # Label the first year and the round years, but no round year crowding the first.
        crowded = year != first and year - first < max(4, step * 4 // 5)
        if year < last and not crowded:
            first_label = (
                ' class="first"' if year == first else ""
            )  # starts at its tick: never clipped
            parts.append(f'<text{first_label} x="{x:.1f}" y="{axis_y + 15:.1f}">{year}</text>')
    return parts


#: The years between two ticks of the time axis, past a dozen years: the first of these
#: that leaves no more than :data:`.paging.AXIS_TICKS` ticks.
_AXIS_STEPS = (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000)


def axis_step(span: int) -> int:
    """The years between two ticks of an axis ``span`` years long: every year over a
    dozen, else every 5, 10, 20, 25, 50, 100... years, no more than
    :data:`.paging.AXIS_TICKS` ticks in all."""
    if span <= 12:
        return 1
    return next((s for s in _AXIS_STEPS if span // s <= paging.AXIS_TICKS), _AXIS_STEPS[-1])


def years_per_bar(counts: dict[int, int]) -> int:
    """The years each bar of :func:`overview_by_year` stands for: 1, 10, 100..., the fewest
    that keep the bars to :data:`.paging.OVERVIEW_BARS`."""
    step = 1
    if counts:
        while len({y // step for y in counts}) > paging.OVERVIEW_BARS:
            step *= 10
    return step


def overview_by_year(
    counts: dict[int, int],
    href: Callable[[int], str],
    *,
    label: str,
) -> Markup:
    """The whole span for a large archive: a bar per year (or per decade, per century...:
    :func:`years_per_bar`), as tall as its number of milestones, each a link to its first
    year that has any (``href``)."""
    if not counts:
        return Markup("")
    step = years_per_bar(counts)
    if step > 1:
        firsts: dict[int, int] = {}
        bars: dict[int, int] = {}
        for year, n in sorted(counts.items()):
            start = year // step * step
            firsts.setdefault(start, year)
            bars[start] = bars.get(start, 0) + n
        counts = bars
        href = (lambda h: lambda start: h(firsts[start]))(href)
    first, last = min(counts), max(counts) + step
    scale = (WIDTH - LEFT - RIGHT) / (last - first)
    most = max(counts.values())
    tall = 6 * ROW
    axis_y = TOP + tall + AXIS_GAP / 2
    parts = [
        f'<svg class="overview" viewBox="0 0 {WIDTH} {axis_y + 22:.0f}" role="group" '
        f'aria-label="{escape(label)}">',
        f'<line class="axis" x1="{LEFT}" y1="{axis_y:.1f}" '
        f'x2="{WIDTH - RIGHT}" y2="{axis_y:.1f}"/>',
        *_axis(first, last, axis_y),
    ]
    for year, n in sorted(counts.items()):
        h = max(2.0, tall * n / most)
        x = LEFT + (year - first) * scale
        years = f"{year}" if step == 1 else f"{max(year, 1)}–{year + step - 1}"  # (no year 0)
        parts.append(
            f'<a href="{escape(href(year))}" class="mk year single">'
            f"<title>{years}: {plural(n, 'milestone')}</title>"
            f'<rect x="{x + 1:.0f}" y="{axis_y - AXIS_GAP / 2 - h:.1f}" '
            f'width="{max(2.0, scale * step - 2):.0f}" height="{h:.1f}" rx="1"/></a>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every value above is escaped or numeric
