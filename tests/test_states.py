"""Dates that are states, not events: known only "by" a date, never counted as that year's events."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from archive_site.dates import parse_edtf
from archive_site.load import load_archive
from archive_site.model import Archive
from conftest import CONTENT, BuiltSite


@pytest.fixture(scope="module")
def archive() -> Archive:
    return load_archive(CONTENT, strict=True)


def test_an_end_bound_is_a_state() -> None:
    assert parse_edtf("[..2025-04-21]").is_state
    assert parse_edtf("[..2019-04]").is_state
    assert not parse_edtf("2025").is_state
    assert not parse_edtf("[2025-04-21..]").is_state  # after a date: a plan, an event to come
    assert not parse_edtf("2019/2023").is_state


def test_years_count_events_and_list_states_apart(site: BuiltSite, archive: Archive) -> None:
    states = {m.id for m in archive.milestones if m.date.is_state}
    assert {"trading-houses-in-china", "belt-and-road-support"} <= states
    for year, ids in archive.links.milestones_by_year.items():
        assert not states & set(ids), year
    assert set(archive.links.states_by_year[2019]) == {"belt-and-road-support"}
    events_2025 = archive.links.milestones_by_year[2025]
    page = site.page("years/2025.html")
    assert f"</span>2025: {len(events_2025)} milestones and" in page
    events, _, as_of = page.partition('id="h-states"')
    assert 'id="m-trading-houses-in-china"' in as_of
    assert 'id="m-trading-houses-in-china"' not in events
    assert "by <time" in as_of
    # the years index says so too
    years = site.page("years/index.html") if (site.root / "years/index.html").exists() else ""
    years = years or site.page("years.html")
    assert re.search(
        r"2019</a></h2><p class=\"meta\">\d+ milestones?, 1 state as of the year", years
    )


def test_the_home_overview_keeps_states_out_of_the_years(site: BuiltSite, archive: Archive) -> None:
    home = site.page("index.html")
    glance = home[
        home.index('<ol class="glance">') : home.index("</ol>", home.index('class="glance"'))
    ]
    assert "Azerbaijani trading houses across China" not in glance
    assert "Not events but states" in home
    n = len(archive.links.states_by_year[2025])
    assert f"{n} states by 2025</a>" in home


def test_timelinejs_plots_no_bound_as_a_start_date(site: BuiltSite, archive: Archive) -> None:
    tl = json.loads((site.root / "data/timeline.json").read_text(encoding="utf-8"))
    plotted = {e["unique_id"] for e in tl["events"]}
    bounded = {m.id for m in archive.milestones if m.date.kind in ("before", "after")}
    assert bounded and not plotted & bounded
    assert plotted | bounded == {m.id for m in archive.milestones}
    assert (
        f"{len(bounded)} milestones known only as on or before or after a date, or until one, "
        "are not plotted" in (tl["title"]["text"]["text"])
    )


def test_timelinejs_counts_one_milestone_left_out_as_one(archive: Archive) -> None:
    """Audit trust57: "1 milestones known only as on or before or after a date are not
    plotted"; and a milestone "until 2020" (no start to plot) was left out unnamed."""
    from archive_site.render.export import timelinejs

    text = b"".join(timelinejs(archive, iter(()), 1)).decode()
    note = json.loads(text)["title"]["text"]["text"]
    assert note.endswith(
        " 1 milestone known only as on or before or after a date, or until one, is not "
        "plotted; data/milestones.json holds it."
    )


def test_a_year_of_many_states_splits_them_with_its_other_lists(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A year's states were all on its first page, whatever their number, however its
    milestones and articles split: they split with them (PER_PAGE lowered to 3)."""
    from archive_site.pipeline import Paths, build
    from archive_site.render import paging
    from conftest import TEMPLATES

    path = project_copy / "content/milestones.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: trading-houses-in-china\n")
    block = text[start : text.find("\n- id: ", start) + 1 or len(text)]
    copies = [
        block.replace("- id: trading-houses-in-china", f"- id: state-copy-{n}", 1)
        for n in range(1, 6)
    ]
    path.write_text(text.rstrip("\n") + "\n" + "".join(copies), encoding="utf-8")
    monkeypatch.setattr(paging, "PER_PAGE", 3)
    out = project_copy / "dist"
    build(Paths(project_copy / "content", TEMPLATES, out), search=False)
    pages = [out / "years/2025.html", *sorted((out / "years/2025").glob("*.html"))]
    shown: list[str] = []
    for page in pages:
        as_of = page.read_text(encoding="utf-8").partition('id="h-states"')[2]
        held = re.findall(r'<li id="m-([a-z0-9-]+)"', as_of.partition("</section>")[0])
        assert len(held) <= 3, page
        shown += held
    loaded = load_archive(project_copy / "content")
    assert shown == list(loaded.links.states_by_year[2025])
    assert len(shown) >= 6 and len(pages) >= 2
