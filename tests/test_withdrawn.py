"""A milestone withdrawn as wrong (``withdrawn: {date, reason}``): its page stays at its
address, saying when and why, its content as it was; it leaves every list, count, cross-link
and search of the site; ``data/milestones.json`` and the sitemap keep it.

The archive is :func:`conftest.small_archive` (three milestones), the second of them,
``aliyev-working-visit-2014`` (the only milestone of 2014, one quote of the interview),
withdrawn.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

from archive_site import searchindex
from archive_site.errors import ArchiveError, Problems
from archive_site.load import load_archive
from archive_site.pipeline import Paths, build
from archive_site.render import paging
from conftest import INTERVIEW, TEST_BASE_URL, _records, cli, cold_builds, edit, small_archive

WITHDRAWN = "aliyev-working-visit-2014"
PAGE = f"milestones/{WITHDRAWN}.html"
YEAR = "years/2014.html"  # the page of its year, which it alone has
QUOTE = "At the invitation of President Xi Jinping, I paid a working visit to China in 2014"
REASON = 'The visit of 2014 was a state visit <b>not</b> a "working" one & so dated wrong.'
#: The withdrawal, written under the milestone's last source.
WITHDRAWAL = f"  withdrawn:\n    date: 2026-03-02\n    reason: '{REASON}'\n"


def withdraw(content: Path, withdrawal: str = WITHDRAWAL) -> int:
    """Withdraw :data:`WITHDRAWN` in ``content``'s milestones.yaml; the line of ``withdrawn:``."""
    return (
        edit(
            content / "milestones.yaml",
            f"      quote: {QUOTE}\n",
            f"      quote: {QUOTE}\n{withdrawal}",
        )
        + 1
    )


def delete(content: Path) -> None:
    """Delete :data:`WITHDRAWN` from ``content``'s milestones.yaml."""
    path = content / "milestones.yaml"
    head, records = _records(path)
    path.write_text(head + "".join(t for i, t in records if i != WITHDRAWN), encoding="utf-8")


def _build(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    with monkeypatch.context() as m:
        cold_builds(m)
        out = project / "dist"
        build(
            Paths(project / "content", project / "templates", out),
            base_url=TEST_BASE_URL,
            search=False,
        )
    return out


def _tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The small archive built with :data:`WITHDRAWN` withdrawn, and with it deleted."""
    out = []
    with pytest.MonkeyPatch.context() as m:
        for name, change in (("withdrawn", withdraw), ("deleted", delete)):
            project = small_archive(tmp_path_factory.mktemp(name))
            change(project / "content")
            out.append(_build(project, m))
    return out[0], out[1]


def test_its_page_stays_saying_when_and_why_with_its_content_as_it_was(
    sites: tuple[Path, Path],
) -> None:
    withdrawn, _ = sites
    html = (withdrawn / PAGE).read_text(encoding="utf-8")
    main = html[html.index("<main") : html.index("</main>")]
    notice = main[main.index('<div class="notice"') : main.index("</div>")]
    # before its content: the notice, the day as a machine-readable date, the reason escaped
    assert main.index("<h1>") < main.index('class="notice"') < main.index("<blockquote>")
    assert '<time datetime="2026-03-02">2 March 2026</time>' in notice
    assert "&lt;b&gt;not&lt;/b&gt; a &#34;working&#34; one &amp; so dated wrong." in notice
    assert "<b>" not in main
    # its content as it was: title, date, summary, the quote and its link to the paragraph
    assert "<h1>Ilham Aliyev&#39;s working visit to China</h1>" in main
    assert f"<blockquote>{QUOTE}</blockquote>" in main
    assert f'href="../articles/{INTERVIEW}.html#p' in main
    assert '<time datetime="2014">2014</time>' in main
    # in no sequence: no link to the timeline's entry, nor to a previous or next milestone
    assert "#m-" not in main and 'rel="prev"' not in html and 'rel="next"' not in html
    # the citation says so
    cite = main[main.index('<p class="citation">') :]
    assert cite[: cite.index("</p>")].endswith("Withdrawn 2 March 2026.")
    assert "<title>Withdrawn: Ilham Aliyev&#39;s working visit to China, 2014" in html
    # not in the search index: no body to index, no filters; the other milestones are
    assert "data-pagefind-body" not in html and "data-pagefind-filter" not in html
    indexed = searchindex.indexed_pages(withdrawn)
    assert PAGE not in indexed and "milestones/aliyev-state-visit-2015.html" in indexed


def test_its_json_ld_is_a_page_whose_status_and_correction_say_it_is_withdrawn(
    sites: tuple[Path, Path],
) -> None:
    html = (sites[0] / PAGE).read_text(encoding="utf-8")
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found is not None
    ld = json.loads(found[1])
    assert ld["@type"] == "WebPage" and ld["creativeWorkStatus"] == "Withdrawn"
    assert ld["url"] == f"{TEST_BASE_URL}{PAGE}"
    assert ld["correction"] == {
        "@type": "CorrectionComment",
        "text": REASON,
        "datePublished": "2026-03-02",
    }
    event = ld["mainEntity"]  # what the page gave, as it gave it
    assert event["@type"] == "Event" and event["startDate"] == "2014"
    assert event["name"] == "Ilham Aliyev's working visit to China"


def test_it_leaves_every_list_count_and_cross_link_as_if_deleted(
    sites: tuple[Path, Path],
) -> None:
    """Withdrawn or deleted, the site is the same (the timeline's year 2014 gone, the
    counts one less, the interview's paragraph no longer marked, the entities' and topic's
    lists without it) but for its page, the timeline's list of withdrawals, the page of
    2014 (its only year) kept saying so, the sitemap and the data that keep them, and the
    list of the output's files."""
    withdrawn, deleted = _tree(sites[0]), _tree(sites[1])
    differ = {p for p in withdrawn.keys() | deleted.keys() if withdrawn.get(p) != deleted.get(p)}
    assert differ == {
        PAGE,
        "timeline.html",
        YEAR,
        "sitemap.xml",
        "data/milestones.json",
        ".archive-site-files",
    }
    assert YEAR not in deleted
    timeline = (sites[0] / "timeline.html").read_text(encoding="utf-8")
    listed = timeline[timeline.index('<section class="withdrawals"') :]
    assert f'<a href="{PAGE}">' in listed and 'datetime="2026-03-02"' in listed
    assert timeline.count(f'href="{PAGE}') == 1  # (no entry of the timeline's own)
    assert f"<loc>{TEST_BASE_URL}{PAGE}</loc>" in (sites[0] / "sitemap.xml").read_text()
    assert f"<loc>{TEST_BASE_URL}{YEAR}</loc>" in (sites[0] / "sitemap.xml").read_text()


def test_the_page_of_a_year_only_it_had_stays_saying_so_in_no_list(
    sites: tuple[Path, Path],
) -> None:
    """``years/2014.html``, which readers may have cited, stays: it says the archive holds
    no milestone of 2014 now and names the withdrawn one, with the day; it is in no list,
    sequence or search, and a page of another year with current milestones is unchanged."""
    withdrawn, deleted = sites
    html = (withdrawn / YEAR).read_text(encoding="utf-8")
    main = html[html.index("<main") : html.index("</main>")]
    assert (
        "The archive holds no milestone of 2014 now, nor any article published in it. This "
        "page stays at its address for those who cited it: the year's milestone was "
        "withdrawn as wrong." in main
    )
    listed = main[main.index('<section class="withdrawals"') :]
    assert '<a href="../milestones/aliyev-working-visit-2014.html">' in listed
    assert '<time datetime="2026-03-02">2 March 2026</time>' in listed
    assert '<ol class="tl">' not in main  # no current entry
    assert "data-pagefind" not in html and 'rel="prev"' not in html and 'rel="next"' not in html
    assert YEAR not in searchindex.indexed_pages(withdrawn)
    for listing in ("years/index.html", "years/2015.html", "years/2025.html", "timeline.html"):
        assert 'href="2014.html"' not in (withdrawn / listing).read_text(encoding="utf-8")
        assert "years/2014.html" not in (withdrawn / listing).read_text(encoding="utf-8")
    assert (withdrawn / "years/2015.html").read_bytes() == (
        deleted / "years/2015.html"
    ).read_bytes()


def test_the_data_keep_it_with_its_withdrawal_and_follow_the_schema(
    sites: tuple[Path, Path],
) -> None:
    data = sites[0] / "data"
    records = json.loads((data / "milestones.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in records] == [
        "diplomatic-relations-established",
        WITHDRAWN,
        "aliyev-state-visit-2015",
    ]  # in date order, with the others
    it = records[1]
    assert it["withdrawn"] == {"date": "2026-03-02", "reason": REASON}
    assert it["sources"][0]["quote"] == QUOTE and it["independent_sources"] == 1
    assert all("withdrawn" not in r for r in records if r["id"] != WITHDRAWN)
    schema = json.loads((data / "milestones.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(records, schema)
    it["withdrawn"] = {"date": "2026-03-02", "reason": ""}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(records, schema)
    # the spreadsheet and TimelineJS hold the current milestones only
    rows = list(csv.reader(io.StringIO((data / "milestones.csv").read_text(encoding="utf-8-sig"))))
    assert rows[1:] and WITHDRAWN not in {r[0] for r in rows[1:]}
    assert "working visit" not in (data / "timeline.json").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("withdrawal", "line", "message"),
    [
        (
            "  withdrawn: 2026-03-02\n",
            0,
            "withdrawn: expected a mapping of keys to values, as withdrawn: {date: YYYY-MM-DD, reason: why it is withdrawn}",
        ),
        (
            "  withdrawn:\n",
            0,
            "withdrawn: expected a mapping of keys to values, as withdrawn: {date: YYYY-MM-DD, reason: why it is withdrawn}",
        ),
        (
            "  withdrawn: {date: 2026-03, reason: Wrong.}\n",
            0,
            "withdrawn: date: a withdrawal is dated to the day, as YYYY-MM-DD, not '2026-03'",
        ),
        (
            "  withdrawn:\n    date: 2026-02-30\n    reason: Wrong.\n",
            1,
            "withdrawn: date: '2026-02-30' is not a real date",
        ),
        (
            "  withdrawn:\n    date: 2026-03-02\n    reason: ''\n",
            2,
            "withdrawn: reason: empty; say why it is withdrawn",
        ),
        (  # a reason of characters that show nothing was shown as nothing
            '  withdrawn:\n    date: 2026-03-02\n    reason: "\\u200b\\u202e \\u2060\\u00a0"\n',
            2,
            "withdrawn: reason: empty; say why it is withdrawn",
        ),
        ("  withdrawn:\n    date: 2026-03-02\n", 1, "withdrawn: missing required key 'reason'"),
        (  # a slip of the year: before the source it cites was published, it was not made
            "  withdrawn: {date: 2016-03-02, reason: Wrong.}\n",
            0,
            "withdrawn: date: 2016-03-02 is before the article it cites, "
            "2025-04-21-aliyev-xinhua-interview, was published (2025-04-21): a milestone is "
            "withdrawn after it is made from its sources; write the day it was withdrawn",
        ),
        ("  withdrawn: {reason: Wrong.}\n", 0, "withdrawn: missing required key 'date'"),
        (
            "  withdrawn: {date: 2026-03-02, reason: Wrong., by: me}\n",
            0,
            "by: unknown key in withdrawn (known keys: date, reason)",
        ),
        (  # a reason of 1 MB made a page of 4 MB: it is said four times
            f"  withdrawn:\n    date: 2026-03-02\n    reason: {'Wrong. ' * 286}\n",
            2,
            "withdrawn: reason: 2,001 characters long; say why it is withdrawn in at most 2,000 "
            "(the page repeats it in its description and its data)",
        ),
        (
            "  withdrawn: {date: 02.03.2026, reason: Wrong.}\n",
            0,
            "withdrawn: date: expected the day it was withdrawn as YYYY-MM-DD, got '02.03.2026': write it 2026-03-02 if 2 is the day, 2026-02-03 if it is the month",
        ),
    ],
    ids=[
        "a-day-alone",
        "empty",
        "a-month",
        "no-such-day",
        "empty-reason",
        "invisible-reason",
        "no-reason",
        "before-its-source",
        "no-date",
        "unknown-key",
        "reason-too-long",
        "day-first",
    ],
)
def test_a_withdrawal_written_wrong_is_an_error_on_its_line(
    small_copy: Path, withdrawal: str, line: int, message: str
) -> None:
    at = withdraw(small_copy / "content", withdrawal) + line
    result = cli("build", "-o", "out")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"1. content/milestones.yaml:{at}: {message}\n" in result.stderr, result.stderr
    assert not (small_copy / "out").exists()


def test_its_quotes_are_still_located_in_their_sources(small_copy: Path) -> None:
    """Its page shows its quotes linked to their paragraphs: a quote no longer in the
    source is an error as for any milestone (its page could not show what was cited)."""
    content = small_copy / "content"
    withdraw(content)
    edit(content / "milestones.yaml", f"quote: {QUOTE}", f"quote: {QUOTE.replace('2014', '2013')}")
    result = cli("build", "-o", "out")
    assert result.returncode == 1
    assert "quote: the quote is not in the text of" in result.stderr


def test_the_milestone_correcting_it_may_quote_the_same_words(small_copy: Path) -> None:
    """The corrected milestone, quoting the words the withdrawn one quoted at a date within
    its own, is no "one event dated twice": a withdrawn milestone is compared with none."""
    content = small_copy / "content"
    corrected = (
        '\n- id: aliyev-visit-2014-corrected\n  date: "2014"\n  title: Ilham Aliyev\'s visit to '
        "China\n  summary: Ilham Aliyev visits China.\n  topics: [high-level-visits]\n"
        f"  sources:\n    - article: {INTERVIEW}\n      quote: {QUOTE}\n"
    )
    with (content / "milestones.yaml").open("a", encoding="utf-8") as f:
        f.write(corrected)

    def warnings() -> list[str]:
        problems = Problems()
        try:
            load_archive(content, problems=problems)
        except ArchiveError:
            pytest.fail(str(list(problems)))
        return [d.message for d in problems.warnings if "dated twice" in d.message]

    assert warnings()  # both current: one event dated twice
    withdraw(content)
    assert warnings() == []
    archive = load_archive(content)
    assert [m.id for m in archive.withdrawn] == [WITHDRAWN]
    assert WITHDRAWN not in {m.id for m in archive.milestones}
    assert archive.milestone(WITHDRAWN).withdrawn is not None


def test_a_link_to_a_year_only_a_withdrawn_milestone_had_is_an_error(small_copy: Path) -> None:
    """2014 is in no list once its one milestone is withdrawn (its page stays for those who
    cited it, saying so): a summary linking it is told, as a link to any year with no page
    is; a link to the withdrawn milestone's page holds."""
    content = small_copy / "content"
    withdraw(content)
    path = content / "milestones.yaml"
    line = edit(
        path,
        "  summary: >-\n",
        "  summary: >-\n    See [2014](year:2014) and [the withdrawn](milestone:aliyev-working-visit-2014).\n",
    )
    result = cli("check")
    assert result.returncode == 1
    problems = re.findall(r"^\s*\d+\. (.+)$", result.stderr, flags=re.MULTILINE)
    assert problems == [f"content/milestones.yaml:{line + 1}: link: unknown year '2014'"]


def test_check_single_voice_leaves_a_withdrawn_milestone_out(small_copy: Path) -> None:
    content = small_copy / "content"

    def single_voiced() -> set[str]:
        problems = Problems()
        load_archive(content, problems=problems, single_voice=True)
        return {d.message.split("'")[1] for d in problems.warnings if "single voice" in d.message}

    assert WITHDRAWN in single_voiced()  # one quote, Ilham Aliyev's
    withdraw(content)
    assert WITHDRAWN not in single_voiced()


def _withdrawal_warnings(content: Path) -> list[tuple[int | None, str]]:
    problems = Problems()
    load_archive(content, problems=problems)
    return [(d.line, d.message) for d in problems.warnings if "withdrawn: date:" in d.message]


@pytest.mark.parametrize(
    ("day", "captured", "told"),
    [
        ("2025-04-20", None, "before its source '{}' was published (2025-04-21): no milestone"),
        ("2025-04-21", None, None),  # the day it was published: possible
        ("2025-04-22", "2025-05", "before its source '{}' was captured (2025-05): the"),
        ("2025-04-22", "2025", None),  # a year alone is not wholly after the day
        ("2025-05-01", "2025-05", None),
    ],
    ids=["before-published", "day-published", "before-captured", "year-captured", "month-of"],
)
def test_a_withdrawal_dated_before_its_sources_is_warned_of(
    small_copy: Path, day: str, captured: str | None, told: str | None
) -> None:
    """No milestone is withdrawn before it could quote its source (published, or captured,
    as far as the source says: never compared with the day of the build)."""
    content = small_copy / "content"
    line = withdraw(content, WITHDRAWAL.replace("2026-03-02", day))
    if captured is not None:
        meta = content / f"articles/{INTERVIEW}.meta.yaml"
        meta.write_text(meta.read_text(encoding="utf-8") + f"captured: {captured}\n", "utf-8")
    found = _withdrawal_warnings(content)
    if told is None:
        assert found == []
    else:
        [(at, message)] = found
        assert at == line and message.startswith(
            f"withdrawn: date: {day} is {told.format(INTERVIEW)}"
        )
        assert "mistyped?" in found[0][1]


def test_a_link_to_it_from_markdown_says_it_is_withdrawn(small_copy: Path) -> None:
    """A current milestone's summary (or a page) linking the withdrawn one is no error (a
    milestone correcting it, a page of corrections, link it on purpose), but the link is
    followed by "(withdrawn)" wherever the text is shown: a reader is not left to take it
    as holding. A link to a current milestone is as it was."""
    content = small_copy / "content"
    withdraw(content)
    edit(
        content / "milestones.yaml",
        "  summary: >-\n",
        "  summary: >-\n    As [the visit](milestone:aliyev-working-visit-2014) and "
        "[the state visit](milestone:aliyev-state-visit-2015) show,\n",
    )
    result = cli("build", "-o", "out")
    assert result.returncode == 0, result.stderr
    mark = ' <span class="withdrawn-mark">(withdrawn)</span>'
    first = "out/milestones/diplomatic-relations-established.html"
    for page, href in ((first, ""), ("out/timeline.html", "milestones/")):
        html = (small_copy / page).read_text(encoding="utf-8")
        assert f'<a href="{href}{WITHDRAWN}.html">the visit</a>{mark} and ' in html
        assert f'<a href="{href}aliyev-state-visit-2015.html">the state visit</a> show' in html
    html = (small_copy / first).read_text(encoding="utf-8")
    ld = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert "As the visit (withdrawn) and the state visit show" in json.dumps(ld)
    timeline = json.loads((small_copy / "out/data/timeline.json").read_text(encoding="utf-8"))
    assert "(withdrawn)</span> and" in json.dumps(timeline)


def test_a_year_with_current_milestones_names_its_withdrawn_one_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dated 2015, beside the state visit: 2015's page lists the current one and names the
    withdrawn one under "Withdrawn" (a reader who cited the page for it is told)."""
    project = small_archive(tmp_path)
    content = project / "content"
    withdraw(content)
    edit(
        content / "milestones.yaml",
        f'- id: {WITHDRAWN}\n  date: "2014"\n',
        f'- id: {WITHDRAWN}\n  date: "2015"\n  date_note: Misread as the state visit\'s year.\n',
    )
    out = _build(project, monkeypatch)
    assert not (out / YEAR).exists()
    html = (out / "years/2015.html").read_text(encoding="utf-8")
    main = html[html.index("<main") : html.index("</main>")]
    assert "data-pagefind-body" in html and '<ol class="tl">' in main
    current, listed = main.split('<section class="withdrawals"')
    assert "aliyev-state-visit-2015" in current and WITHDRAWN not in current
    assert f'<a href="../{PAGE}">' in listed and "withdrawn on" in listed


#: trust65: the only milestone of 1992, and of its century, in the small archive.
_RELATIONS = "diplomatic-relations-established"
#: Its last line, under which the withdrawal is written.
_RELATIONS_END = "      speaker: ilham-aliyev\n\n- id: aliyev-working-visit-2014\n"


def test_the_timeline_s_pages_of_a_year_and_a_century_only_it_had_stay_saying_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """trust65: in a timeline split by year and listing its years by century, withdrawing
    the only milestone of 1992 left years/1992.html at its address but took away
    timeline/1992.html, timeline/1900-1999.html and years/1900-1999.html, which readers may
    have cited: the 404 page, and warned of only in a build into the last one's folder.
    Each stays, saying the archive holds none of its milestones now and naming the
    withdrawn one, in no list; deleted, the milestone's pages are gone as before."""
    kept = ("timeline/1992.html", "timeline/1900-1999.html", "years/1900-1999.html")
    built = {}
    for name in ("current", "withdrawn", "deleted"):
        project = small_archive(tmp_path / name)
        milestones = project / "content/milestones.yaml"
        if name == "withdrawn":
            head, tail = _RELATIONS_END.split("\n\n")
            edit(milestones, _RELATIONS_END, f"{head}\n{WITHDRAWAL}\n{tail}")
        if name == "deleted":
            head, records = _records(milestones)
            rest = "".join(t for i, t in records if i != _RELATIONS)
            milestones.write_text(head + rest, encoding="utf-8")
        with monkeypatch.context() as m:
            m.setattr(paging, "TIMELINE_ONE_PAGE", 1)
            m.setattr(paging, "YEARS_LISTED", 1)
            built[name] = _build(project, m)
    for path in kept:
        assert (built["current"] / path).is_file(), path
        assert not (built["deleted"] / path).exists(), path
        html = (built["withdrawn"] / path).read_text(encoding="utf-8")
        main = html[html.index("<main") : html.index("</main>")]
        assert "no milestone" in main and "This page stays at its address" in main, path
        listed = main[main.index('<section class="withdrawals"') :]
        assert f'milestones/{_RELATIONS}.html">Diplomatic relations established</a>' in listed
        assert '<time datetime="2026-03-02">2 March 2026</time>' in listed, path
        assert '<ol class="tl">' not in main and 'rel="prev"' not in html, path
    for listing in ("timeline.html", "years/index.html", "timeline/2000-2099.html"):
        html = (built["withdrawn"] / listing).read_text(encoding="utf-8")
        assert "1900-1999.html" not in html and "1992.html" not in html, listing
