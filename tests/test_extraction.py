"""Saved pages whose text the extractor loses or mistakes (walk58): a sidebar taken for
the text, another account's reply kept in a thread, text only in the page's metadata."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from archive_site.errors import Problems
from archive_site.readers import Reading, detect_format, read_text
from archive_site.readers.htmlscan import scan
from bounds import within

FIXTURES = Path(__file__).parent / "fixtures"


def read_page(name: str) -> tuple[Reading, Problems]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    problems = Problems()
    return read_text(text, name, problems, fmt=detect_format(text, name)), problems


def texts(r: Reading) -> list[str]:
    return [b.text for b in r.blocks]


def test_a_sidebar_is_not_the_text_of_a_pages_main_region() -> None:
    """Old Reddit's self-post: favouring precision, the extractor dropped the post (in
    ``div.expando div.md``) and took the sidebar ("A subreddit about Azerbaijan...", "84,221
    readers") for the text (walk57). The page marks its main region (``role="main"``); the
    text found outside it, the region alone is read: the post, not its title's link nor its
    "submitted ... by" line."""
    r, problems = read_page("pages/reddit-self-post.html")
    assert not list(problems)
    assert texts(r) == [
        "The port authority announced today that the second container berth at Alat will "
        "open in June. They say capacity will double to 1 million TEU by 2027.",
        "Does anyone know if this will help with the truck queues on the Georgian border?",
    ]
    assert {f.kind for f in r.furniture} >= {"comments"}


def test_text_inside_the_main_region_is_read_as_before() -> None:
    """A page whose text the extractor finds in its ``<main>`` is read as it was; and one
    whose ``<main>`` holds less than the text found outside it keeps that text."""
    article = (
        "<p>Azerbaijan and Kazakhstan agreed on Wednesday to add ferries on the Caspian "
        "crossing as freight between China and Europe grows.</p><p>The two ports will share "
        "a booking system from June, the ministries said in a joint statement.</p>"
    )
    for page in (
        f"<html><body><nav>Home</nav><main><article>{article}</article></main></body></html>",
        f"<html><body><main><p>Search</p></main><article>{article}</article></body></html>",
    ):
        r = read_text(page, "p.html", Problems(), fmt="html")
        assert texts(r)[0].startswith("Azerbaijan and Kazakhstan agreed")
        assert texts(r)[1].startswith("The two ports will share")


def test_the_main_region_is_found_in_linear_time() -> None:
    nested = "<div>" * 10_000 + "x" + "</div>" * 10_000
    for body in (" " * 100_000, "a" * 1_000_000, nested):
        page = (
            f"<html><body><aside><p>Side words here.</p></aside><main>{body}</main></body></html>"
        )
        with within(5):
            read_text(page, "p.html", Problems(), fmt="html")


def test_another_accounts_reply_under_a_thread_is_furniture() -> None:
    """A saved X thread: each post an ``<article>`` opening with a link to its account's
    page, none naming its author in an element saying so. A reply by another account was
    kept in the text, its words standing as the author's (walk57). The posts opening with a
    link to the first's account make the thread; a shorter one by another is a reply."""
    r, problems = read_page("pages/x-thread-reply.html")
    assert not list(problems)
    body = "\n".join(texts(r))
    assert "Georgian railways" not in body
    assert "2/ Capacity goes" in body and "3/ The bottleneck" in body
    replies = [f for f in r.furniture if f.kind == "comments"]
    assert len(replies) == 1 and "Georgian railways" in replies[0].text


def test_stories_each_opening_with_their_own_link_are_no_thread() -> None:
    """A page of ``<article>``s each opening with a link of one path segment (a story's
    slug) is no thread: no account wrote two, and nothing is dropped as a reply."""
    story = (
        "<article><a href='/{slug}'>{slug}</a><p>{words} The ministry said on Wednesday that "
        "the ferries would run twice a week from June across the Caspian.</p></article>"
    )
    page = "<html><body><main>{}</main></body></html>".format(
        "".join(
            story.format(slug=s, words=w)
            for s, w in (("ferries", "Long words " * 20), ("rail", "Rail."), ("ports", "Ports."))
        )
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert not [f for f in r.furniture if f.kind == "comments"]


def test_an_account_link_is_matched_in_linear_time() -> None:
    from archive_site.readers.html import _ACCOUNT_LINK

    for href in ("/" + "a" * 1_000_000 + "/x", "https://" + "a" * 1_000_000, "/@" + " " * 100_000):
        with within(0.5):
            _ACCOUNT_LINK().fullmatch(href)


def test_a_custom_elements_first_line_is_kept() -> None:
    """YouTube's description is a ``<span>`` in a ``<yt-attributed-string>``, its
    paragraphs parted by ``<br>``: the extractor lost the text before the first break, the
    description's first paragraph (walk57). A custom element is read as the ``<span>`` or
    ``<div>`` a browser shows it as."""
    r, problems = read_page("pages/youtube-watch.html")
    assert not list(problems)
    assert texts(r)[0].startswith("The Port of Baku opens its second berth in June. We visited")
    assert "00:00 Intro" in texts(r)


def test_an_inline_custom_element_parts_no_paragraph() -> None:
    page = (
        "<html><body><article><p>Azerbaijan and Kazakhstan agreed on <x-term>Wednesday</x-term>"
        " to add ferries on the Caspian crossing as freight between China and Europe grows."
        "</p></article></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert texts(r) == [
        "Azerbaijan and Kazakhstan agreed on Wednesday to add ferries on the Caspian crossing "
        "as freight between China and Europe grows."
    ]


def test_custom_elements_are_renamed_in_linear_time() -> None:
    nested = "<x-a>" * 10_000 + "<p>words</p>" + "</x-a>" * 10_000
    page = f"<html><body><article>{nested}</article></body></html>"
    with within(5):
        read_text(page, "p.html", Problems(), fmt="html")


def test_a_text_only_in_json_ld_is_read_from_it_with_a_note() -> None:
    """A page built by a script shows its headline and an empty root; its JSON-LD's
    ``articleBody`` holds the text. It had no text ("no article text found"): the
    articleBody's paragraphs are its text now, on the JSON-LD's line, and a note says so."""
    r, _ = read_page("pages/jsonld-body-only.html")
    assert len(texts(r)) == 5
    assert texts(r)[0].startswith("Azerbaijan and Kazakhstan agreed on Wednesday")
    assert (
        texts(r)[-1]
        == "Georgia has promised to finish the upgrade of its railway to Poti by the end of 2026."
    )
    assert any("JSON-LD's articleBody" in message for _, message in r.notes)


def test_a_json_ld_text_never_replaces_the_text_shown() -> None:
    """The page's own text is read when it shows the JSON-LD's, or more than half of it, or
    other words; an articleBody of tags is read without them."""
    shown = (
        "<p>Azerbaijan and Kazakhstan agreed on Wednesday to add two ferries to the Caspian "
        "crossing, officials said.</p><p>The ferries will run twice a week from June.</p>"
    )
    for said in (
        "Azerbaijan and Kazakhstan agreed on Wednesday.",
        "A different story altogether, of many words: " + "words " * 80,
    ):
        ld = json.dumps({"@type": "NewsArticle", "headline": "Ferries", "articleBody": said})
        page = (
            f'<html><head><script type="application/ld+json">{ld}</script></head><body>'
            f"<article><h1>Ferries</h1>{shown}</article></body></html>"
        )
        r = read_text(page, "p.html", Problems(), fmt="html")
        assert texts(r)[0].startswith("Azerbaijan and Kazakhstan agreed on Wednesday to add")
        assert not any("articleBody" in message for _, message in r.notes)
    ld = '{"@type": "NewsArticle", "headline": "Ferries", "articleBody": "<p>One &amp; two.</p><p>Three.</p>"}'
    page = f'<html><head><script type="application/ld+json">{ld}</script></head><body><h1>Ferries</h1></body></html>'
    assert texts(read_text(page, "p.html", Problems(), fmt="html")) == ["One & two.", "Three."]


def test_a_scripts_placeholder_is_no_text() -> None:
    """A Next.js page saved before its script ran shows "Loading…" where the article goes,
    and keeps the article in ``__NEXT_DATA__``. "Loading…" was the record's one paragraph:
    the page now has no text, and the note says where its content is and what to do."""
    r, _ = read_page("pages/next-shell.html")
    assert texts(r) == []
    assert any("__NEXT_DATA__" in message for _, message in r.notes)


def test_json_ld_text_is_read_in_linear_time() -> None:
    for said in ("<" * 1_000_000, " " * 100_000, "<p>" * 100_000):
        ld = json.dumps({"@type": "NewsArticle", "headline": "F", "articleBody": said})
        page = f'<html><head><script type="application/ld+json">{ld}</script></head><body><h1>F</h1></body></html>'
        with within(5):
            read_text(page, "p.html", Problems(), fmt="html")


def test_a_section_front_is_refused() -> None:
    """A section front of 20 teasers, saved by mistake for an article, was read as one
    article: its teasers' headings and summaries were its text, and the first teaser's time
    its date. Five headings or more that are links, each to another story, and a third of
    the text's blocks: the page is refused on the line of its first, saying what it is."""
    r, problems = read_page("pages/section-front.html")
    assert texts(r) == []
    (error,) = list(problems)
    assert "a list of stories" in error.message and "20 of its headings" in error.message
    assert error.line == 7


def test_an_article_with_linked_headings_is_read() -> None:
    """An article whose few subheadings link elsewhere is no list of stories."""
    part = (
        "<h2><a href='/{0}'>Part {0}</a></h2><p>Azerbaijan and Kazakhstan agreed on Wednesday "
        "to add ferries.</p><p>The ministries said the ferries would run twice a week.</p>"
        "<p>Officials said the booking system would be shared from June onwards.</p>"
    )
    page = "<html><body><article><h1>Ferries</h1>{}</article></body></html>".format(
        "".join(part.format(n) for n in range(5))
    )
    problems = Problems()
    r = read_text(page, "p.html", problems, fmt="html")
    assert not list(problems)
    assert len(texts(r)) >= 15


def test_a_paywalled_pages_text_is_noted_as_maybe_cut() -> None:
    """A paywalled page shows two paragraphs and a login wall; its JSON-LD says
    ``isAccessibleForFree: false``. The two paragraphs are its text (the wall is not), and
    a note says the text may be only what the page shows above its paywall."""
    r, problems = read_page("pages/paywall-two-paragraphs.html")
    assert not list(problems)
    assert len(texts(r)) == 2 and "Subscribe" not in "\n".join(texts(r))
    assert any("isAccessibleForFree" in message for _, message in r.notes)


def test_a_lead_shown_over_a_scripts_whole_text_is_noted() -> None:
    """A Nuxt page saved before its script ran shows the lead alone; ``__NUXT__`` holds
    all five paragraphs. The record had one paragraph and said nothing: a note now says its
    text may be only what the page showed. A page whose script holds no more is not noted."""
    r, _ = read_page("pages/nuxt-lead-only.html")
    assert len(texts(r)) == 1
    assert any("__NUXT__" in message for _, message in r.notes)
    page = (
        "<html><body><article><p>Azerbaijan and Kazakhstan agreed on Wednesday to add two "
        "ferries to the Caspian crossing.</p></article><script>window.__NUXT__={}</script>"
        "</body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert texts(r) and not any("__NUXT__" in message for _, message in r.notes)


@pytest.mark.parametrize("box", ["read-also", "more-news"])
def test_an_articles_other_stories_make_no_list(box: str) -> None:
    """An article followed by six other stories, each a heading inside its link and a
    summary: a box the page's scan knows (``read-also``: furniture, its headings not
    counted) or not (``more-news``: kept as at BASE, after the article's own words) makes no
    list of stories; the article is read, not refused."""
    paragraphs = "".join(
        f"<p>Azerbaijan and Kazakhstan agreed on Wednesday to add ferries, paragraph {n} of "
        "the story said, as freight between China and Europe grows.</p>"
        for n in range(6)
    )
    related = "".join(
        f"<a href='/story-{n}'><h3>Another story about the Caspian ports, number {n}</h3></a>"
        f"<p>A summary of that other story about the ports and ferries, number {n}.</p>"
        for n in range(6)
    )
    page = (
        f"<html><body><article><h1>Ferries</h1>{paragraphs}<div class='{box}'>{related}</div>"
        "</article></body></html>"
    )
    problems = Problems()
    r = read_text(page, "p.html", problems, fmt="html")
    assert not list(problems)
    assert texts(r)[:6] == [
        f"Azerbaijan and Kazakhstan agreed on Wednesday to add ferries, paragraph {n} of the "
        "story said, as freight between China and Europe grows."
        for n in range(6)
    ]


_FERRY = (
    "The harbour authority said on Tuesday that the new ferry terminal would open in May, "
    "after two years of building work and a long dispute over its cost."
)


def test_a_pages_declarative_shadow_root_is_its_text() -> None:
    """A page saved with its web components' shadow trees (SingleFile) holds its article in
    a ``<template shadowrootmode>``, which a browser shows as its host's content, its slots
    filled with the host's own children: the article was dropped as an inert template,
    and the page read as the one line slotted in."""
    paragraphs = "".join(f"<p>Paragraph {i}: {_FERRY}</p>" for i in range(1, 4))
    page = (
        "<html><body><news-story><template shadowrootmode='open'><article>"
        f"<slot name='kicker'>No kicker</slot>{paragraphs}<slot></slot><slot name='x'>"
        "Fallback shown when nothing is slotted.</slot></article></template>"
        "<p slot='kicker'>Kicker: the slotted line, first.</p>"
        "<p>The default slot's line, after the story.</p>"
        "<p slot='nowhere'>Assigned to no slot: never shown.</p>"
        "</news-story><template><p>An inert template: never shown.</p></template>"
        "<template shadowrootmode='bogus'><p>Not a shadow root: never shown.</p></template>"
        "</body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert texts(r) == [
        "Kicker: the slotted line, first.",
        *(f"Paragraph {i}: {_FERRY}" for i in range(1, 4)),
        "The default slot's line, after the story.",
        "Fallback shown when nothing is slotted.",
    ]


def test_a_shadow_roots_heading_is_the_pages_headline() -> None:
    page = (
        "<html><head><title>Harbour News</title></head><body><x-page>"
        "<template shadowrootmode='closed'><article><h1>Ferry terminal to open in May</h1>"
        f"<p>{_FERRY}</p><p>{_FERRY} Again.</p></article></template></x-page></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert r.fields["title"].value == "Ferry terminal to open in May"


def test_nested_shadow_roots_are_read_in_linear_time() -> None:
    nested = "<x-a><template shadowrootmode='open'><slot></slot>" * 2_000
    page = f"<html><body><article>{nested}<p>{_FERRY}</p>" + "</template></x-a>" * 2_000
    with within(5):
        read_text(page + "</article></body></html>", "p.html", Problems(), fmt="html")


def test_a_shadow_roots_many_slots_are_filled_in_linear_time() -> None:
    """20,000 named slots side by side, each filled: 10 s when each slot was unwrapped
    alone (lxml looks for its place among its siblings), 0.2 s at once."""
    from trafilatura.utils import load_html

    from archive_site.readers.html import _shadow_roots_shown

    n = 20_000
    slots = "".join(f"<slot name='s{i}'></slot>" for i in range(n))
    light = "".join(f"<span slot='s{i}'>w{i} </span>" for i in range(n))
    tree = load_html(
        f"<html><body><x-a><template shadowrootmode='open'>{slots}</template>{light}</x-a>"
        "</body></html>"
    )
    with within(2):
        _shadow_roots_shown(tree)
    assert " ".join(tree.xpath("//x-a")[0].itertext()).split() == [f"w{i}" for i in range(n)]
    # a host's first shadow root is found once, not once for each root it holds
    roots = "<template shadowrootmode='open'><p>later</p></template>" * 2_000
    tree = load_html(
        f"<html><body><x-a>{'<i>x</i>' * n}<template shadowrootmode='open'><p>shown</p>"
        f"</template>{roots}</x-a></body></html>"
    )
    with within(2):
        _shadow_roots_shown(tree)
    assert list(tree.xpath("//x-a")[0].itertext()) == ["shown"]


def test_a_live_blogs_updates_are_headed_by_their_time_and_heading() -> None:
    """A live blog (walk58, walk59): the extractor kept the updates' paragraphs, dropped
    their times and all but some headings, so the updates ran together. Each update its
    JSON-LD gives (``liveBlogUpdate``) and the text holds is headed by its time and heading,
    in the page's order (newest first here): a heading the text kept takes its time, an
    update whose heading was lost gets one before its first paragraph, and an update of
    another day than the live blog's shows its day. An update given as one line that the
    page shows in two paragraphs is found by its start. One the page does not show (older,
    behind "Load earlier updates") is said."""
    r, problems = read_page("pages/liveblog-updates.html")
    assert not list(problems)
    assert [(b.role, b.text[:40]) for b in r.blocks] == [
        ("heading", "2025-04-24 07:45"),
        ("body", "The first of the new ferries is to leave"),
        ("heading", "10:02 — Booking system"),
        ("body", "The ministries said in a joint statement"),
        ("heading", "09:14 — Ferries agreed"),
        ("body", "Azerbaijan and Kazakhstan agreed on Wedn"),
        ("body", "The ferries will be built at the Baku sh"),
    ]
    assert r.fields["published"].value == "2025-04-23"
    assert r.fields["time"].value == "08:00"  # the live blog's start, not an update's
    assert [b.line for b in r.blocks][:4] == [17, 17, 18, 19]
    notes = [n for _, n in r.notes]
    assert any(n.startswith("1 of the 4 updates") and "“Talks open”" in n for n in notes)
    # its button loading more is said in that note, not in a second note of the same gap
    # (walk64's leftover: two notes of one gap)
    assert r.notes == (
        (
            6,
            "1 of the 4 updates the page's JSON-LD gives its live blog are not in its text "
            "(the first: “Talks open”): the page may show only some of them; compare with "
            "the live blog (its page holds a button to load more: 'Load earlier updates')",
        ),
    )


def test_a_live_blogs_lost_headings_come_back_with_their_times() -> None:
    """walk58's live blog: only the first update's ``<h2>`` was kept by the extractor."""
    updates = [
        (
            "11:30",
            "Port director speaks",
            "“The queue at the border is the main problem,” said the port’s director general.",
        ),
        (
            "10:02",
            "Booking system",
            "The ministries said that the two ports would share a booking system for trucks.",
        ),
    ]
    said = [
        {
            "@type": "BlogPosting",
            "headline": h,
            "datePublished": f"2025-04-23T{t}:00+04:00",
            "articleBody": p,
        }
        for t, h, p in updates
    ]
    ld = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": "Live",
        "datePublished": "2025-04-23T08:00:00+04:00",
        "liveBlogUpdate": said,
    }
    posts = "".join(
        f'<article><time datetime="2025-04-23T{t}:00+04:00">{t}</time><h2>{h}</h2><p>{p}</p></article>'
        for t, h, p in updates
    )
    page = (
        f'<html><head><script type="application/ld+json">{json.dumps(ld)}</script></head>'
        f"<body><main><h1>Live</h1>{posts}</main></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert [b.text for b in r.blocks if b.role == "heading"] == [
        "11:30 — Port director speaks",
        "10:02 — Booking system",
    ]
    assert len(r.blocks) == 4


def test_a_live_blogs_update_heading_holds_no_script_or_style_of_its_json_ld() -> None:
    """An update's headline in JSON-LD holding a script and a style sheet (as HTML: some
    sites give it so) headed the update "10:00 — track(0)b{x:1}Ferry update", words the
    page never shows: only their tags were taken out."""
    body = "The ferry left the port of Alat for Kuryk with forty wagons of grain, officials said."
    said = [
        {
            "@type": "BlogPosting",
            "headline": "<script>track(0)</script><STYLE>b{x:1}</STYLE >Ferry <b>update</b>",
            "datePublished": "2025-04-23T10:00:00+04:00",
            "articleBody": f"<p>{body}</p><script>never(1)</script>",
        },
        {  # one left open ends the text: the rest is the script's
            "@type": "BlogPosting",
            "headline": "Customs <script>track(1) Booking",
            "datePublished": "2025-04-23T10:05:00+04:00",
            "articleBody": "The two ports will share a booking system for trucks from June.",
        },
    ]
    ld = {
        "@type": "LiveBlogPosting",
        "headline": "Live",
        "datePublished": "2025-04-23T08:00:00+04:00",
        "liveBlogUpdate": said,
    }
    script = json.dumps(ld).replace("</", "<\\/")  # as a page writes it, in its <script>
    page = (
        f'<html><head><script type="application/ld+json">{script}</script></head>'
        f"<body><article><h1>Live</h1><p>{body}</p><p>The two ports will share a booking "
        "system for trucks from June.</p></article></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert [b.text for b in r.blocks if b.role == "heading"] == [
        "10:00 — Ferry update",
        "10:05 — Customs",
    ]
    with within(1):
        from archive_site.readers.html import _said_paragraphs

        assert _said_paragraphs("<script>" * 100_000 + "x") == []
        assert _said_paragraphs("<style>x</style>" * 100_000 + "Ferry") == ["Ferry"]


def test_a_page_without_a_live_blog_keeps_its_headings() -> None:
    """Only a live blog's updates are headed: an article's JSON-LD headline and time, and
    its headings, are not an update's."""
    ld = {
        "@type": "NewsArticle",
        "headline": "Two more ferries",
        "datePublished": "2025-04-23T09:14:00+04:00",
        "articleBody": "Azerbaijan and Kazakhstan agreed on Wednesday to add two ferries.",
    }
    page = (
        f'<html><head><script type="application/ld+json">{json.dumps(ld)}</script></head>'
        "<body><article><h1>Two more ferries</h1><h2>Ferries agreed</h2><p>Azerbaijan and "
        "Kazakhstan agreed on Wednesday to add two ferries.</p><h2>Booking system</h2><p>The "
        "two ports will share a booking system for trucks from June.</p></article></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert [b.text for b in r.blocks if b.role == "heading"] == ["Ferries agreed", "Booking system"]


def test_live_blog_updates_take_linear_time() -> None:
    """Many updates, and a long one, are matched in one pass (5,000 updates: about 4 s on
    a quiet machine, the bound five times that, as the suite may share it)."""
    said = [
        {
            "headline": f"Update {i}",
            "datePublished": "2025-04-23T10:00:00+04:00",
            "articleBody": " " * 50 + f"x{i}",
        }
        for i in range(5_000)
    ]
    said.append({"headline": "Long", "articleBody": "word " * 100_000})
    ld = {"@type": "LiveBlogPosting", "headline": "Live", "liveBlogUpdate": said}
    paragraphs = "".join(
        f"<h2>Update {i}</h2><p>x{i} is what the update says here.</p>" for i in range(5_000)
    )
    page = (
        f'<html><head><script type="application/ld+json">{json.dumps(ld)}</script></head>'
        f"<body><article><h1>Live</h1>{paragraphs}</article></body></html>"
    )
    with within(20):
        read_text(page, "p.html", Problems(), fmt="html")


def test_a_credit_line_of_the_outlets_name_and_a_day_dates_the_page() -> None:
    """CGTN (walk54) prints ``<span>CGTN</span><span>17-Jun-2025</span>`` under its headline
    and gives no date elsewhere: the page had none. A block under the headline that is the
    outlet's (or the author's) name and a stamp, nothing else, is a credit line; its day is
    the page's (a time it does not give is not added)."""
    r, problems = read_page("pages/credit-line-outlet-date.html")
    assert not list(problems)
    assert r.fields["published"].value == "2025-06-17"
    assert "time" not in r.fields
    assert r.fields["outlet"].value == "CGTN"


@pytest.mark.parametrize(
    ("under", "published"),
    [
        ("<div><span>Caspian Times</span> <span>17 June 2025</span></div>", "2025-06-17"),
        ("<div><span>Aida Sultanova</span> <span>17.06.2025</span></div>", "2025-06-17"),
        # another name than the outlet's or the author's: a date alone beside it says nothing
        ("<div><span>Xinhua</span> <span>17-Jun-2025</span></div>", None),
        # a standfirst's date
        ("<p>Caspian Times reported the talks on 17 June 2025</p>", None),
    ],
)
def test_only_the_outlets_or_the_authors_name_before_a_day_makes_a_credit_line(
    under: str, published: str | None
) -> None:
    page = (
        '<html><head><meta property="og:site_name" content="Caspian Times">'
        '<meta name="author" content="Aida Sultanova"></head><body><article>'
        f"<h1>Two more ferries for the Caspian</h1>{under}<p>Azerbaijan and Kazakhstan "
        "agreed on Wednesday to add two ferries to the Caspian crossing.</p><p>The two ports "
        "will share a booking system for trucks from June.</p></article></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert (r.fields["published"].value if "published" in r.fields else None) == published


def test_a_print_views_footer_gives_the_pages_address() -> None:
    """A print view (walk58) has no canonical link; its footer prints "URL: https://...",
    which was not read: the record had no address."""
    r, problems = read_page("pages/print-view-url-footer.html")
    assert not list(problems)
    assert r.fields["url"].value == "https://caspiantimes.example/news/ferries-caspian-2025"
    assert r.fields["url"].line == 5


_STORY = (
    "<h1>Two more ferries</h1><p>Azerbaijan and Kazakhstan agreed on Wednesday to add two "
    "ferries to the Caspian crossing between Alat and Aktau.</p>"
)


@pytest.mark.parametrize(
    ("page", "url"),
    [
        # the address in a link after its label
        (
            f"<body>{_STORY}<footer>Permalink: <a href='/x'>https://example.org/a/1</a></footer>",
            "https://example.org/a/1",
        ),
        # the page's canonical link is its own address first
        (
            "<head><link rel='canonical' href='https://example.org/a/2'></head>"
            f"<body>{_STORY}<footer>URL: https://example.org/a/1</footer>",
            "https://example.org/a/2",
        ),
        # two addresses: which is the page's is not known
        (
            f"<body>{_STORY}<footer>URL: https://example.org/a/1<br>URL: https://example.org/b"
            "</footer>",
            None,
        ),
        # in the text, an address after a label is a reference's, not the page's
        (f"<body>{_STORY}<p>URL: https://example.org/a/1</p>", None),
        # a source is another's page
        (f"<body>{_STORY}<footer>Source: https://example.org/a/1</footer>", None),
        # a label, then no address
        (f"<body>{_STORY}<footer>URL: <a href='/x'>our page</a></footer>", None),
    ],
)
def test_only_one_address_printed_after_its_label_in_the_furniture_is_the_pages(
    page: str, url: str | None
) -> None:
    r = read_text(f"<html>{page}</html>", "p.html", Problems(), fmt="html")
    assert (r.fields["url"].value if "url" in r.fields else None) == url


def test_an_embedded_posts_attribution_is_not_a_paragraph() -> None:
    """An AMP article (walk58) embeds a post: ``<blockquote><p>...</p>&mdash; Port of Baku
    (@portofbaku)</blockquote>``. The post is furniture, but its attribution after the
    ``<p>``, too short to be looked for inside furniture and no block of its own, was the
    text's third paragraph."""
    r, problems = read_page("pages/amp-embed-tail.html")
    assert not list(problems)
    assert len(r.blocks) == 4
    assert not any("@portofbaku" in t for t in texts(r))
    assert any(f.kind == "embedded-post" and "@portofbaku" in f.text for f in r.furniture)


def test_a_short_paragraph_of_its_own_that_a_pull_quote_ends_with_stays() -> None:
    """A paragraph that is a block of its own stays text, though furniture ends with it."""
    page = (
        "<html><body><article><h1>Two more ferries</h1><p>Azerbaijan and Kazakhstan agreed "
        "on Wednesday to add two ferries to the Caspian crossing.</p><aside class='share'>"
        "Share: they said we will stay.</aside><p>We will stay.</p><p>The two ports will "
        "share a booking system for trucks from June.</p></article></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert "We will stay." in texts(r)


def _entries_page(entries: str, head: str = "") -> str:
    return (
        f"<html><head><title>Summit</title>{head}</head><body><h1>Summit: as it happened</h1>"
        f"{entries}</body></html>"
    )


_FIRST = "The five leaders signed a joint statement on the Caspian Sea after talks."
_SECOND = "The presidents discussed expanding ferry capacity between Aktau and Alat."


def test_a_live_blogs_entry_stamps_head_their_entries_and_their_headings() -> None:
    """Stamps with times on blocks of their own among the text's paragraphs head a live
    blog's entries (walk54's news.az page): each heads its entry, before its heading when
    it has one, in the page's order; they are no longer furniture."""
    page = _entries_page(
        f"<div>12.08.2025, 19:42</div><h2>Statement signed</h2><p>{_FIRST}</p>"
        f"<div>12.08.2025, 14:10</div><p>{_SECOND}</p>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert [(b.role, b.text) for b in r.blocks] == [
        ("heading", "12.08.2025, 19:42 — Statement signed"),
        ("body", _FIRST),
        ("heading", "12.08.2025, 14:10"),
        ("body", _SECOND),
    ]
    assert not [f for f in r.furniture if f.kind == "timestamp"]


@pytest.mark.parametrize(
    "entries",
    [
        # one stamp above the text: the page's, furniture
        f"<div>12.08.2025, 19:42</div><p>{_FIRST}</p><p>{_SECOND}</p>",
        # a day alone heads no entry
        f"<div>12.08.2025, 19:42</div><p>{_FIRST}</p><div>11 August 2025</div><p>{_SECOND}</p>",
    ],
)
def test_a_stamp_above_the_text_alone_heads_no_entry(entries: str) -> None:
    r = read_text(_entries_page(entries), "p.html", Problems(), fmt="html")
    assert all(b.role == "body" for b in r.blocks)


def test_a_live_blogs_entry_stamps_and_its_json_ld_head_an_entry_once() -> None:
    """A live blog whose entries are stamped on the page and listed in its JSON-LD: each
    entry has one heading, the page's stamp."""
    said = [
        {"headline": "", "datePublished": "2025-08-12T19:42:00+05:00", "articleBody": _FIRST},
        {"headline": "", "datePublished": "2025-08-12T14:10:00+05:00", "articleBody": _SECOND},
    ]
    ld = {"@type": "LiveBlogPosting", "headline": "Summit", "liveBlogUpdate": said}
    page = _entries_page(
        f"<div>12.08.2025, 19:42</div><p>{_FIRST}</p><div>12.08.2025, 14:10</div><p>{_SECOND}</p>",
        f'<script type="application/ld+json">{json.dumps(ld)}</script>',
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert [b.text for b in r.blocks if b.role == "heading"] == [
        "12.08.2025, 19:42",
        "12.08.2025, 14:10",
    ]


def test_a_press_releases_numbered_points_are_its_text_with_their_numbers() -> None:
    """A ministry's press release (walk59) lists what was agreed in an ``<ol>`` between two
    paragraphs, in ``<div>``s (no ``<article>``, no ``<main>``): the extractor dropped its
    lists, and the record lost the three decisions and the two topics without a word. The
    items of a list standing between two paragraphs taken are restored in place, and an
    ordered list's items keep their numbers, as a browser shows them (the text cites
    "paragraphs 2 and 3")."""
    r, problems = read_page("pages/press-release-numbered-list.html")
    assert not list(problems)
    assert [(b.line, b.text[:30]) for b in r.blocks] == [
        (13, "On 23 April 2025, Minister of "),
        (14, "Following the meeting, the par"),
        (16, "1. To put into operation two a"),
        (17, "2. To introduce a single elect"),
        (18, "3. To set up a joint working g"),
        (20, "The working group will report "),
        (21, "The parties also discussed:"),
        (23, "- tariffs for transit cargo;"),
        (24, "- the training of seafarers."),
        (26, "Press service of the Ministry "),
    ]


_BEFORE = "<p>Azerbaijan and Kazakhstan agreed on Wednesday to add two ferries on the Caspian.</p>"
_AFTER = "<p>The two ports will share a booking system for trucks from June, they said.</p>"


@pytest.mark.parametrize(
    ("body", "items"),
    [
        # numbered from its start, or down when reversed, or from an item's value
        (
            f"<article>{_BEFORE}<ol start='4'><li>Ferries.</li><li>Trucks.</li></ol>{_AFTER}</article>",
            ["4. Ferries.", "5. Trucks."],
        ),
        (
            f"<article>{_BEFORE}<ol reversed><li>Ferries.</li><li>Trucks.</li></ol>{_AFTER}</article>",
            ["2. Ferries.", "1. Trucks."],
        ),
        (
            f"<article>{_BEFORE}<ol><li value='7'>Ferries.</li><li>Trucks.</li></ol>{_AFTER}</article>",
            ["7. Ferries.", "8. Trucks."],
        ),
        # letters and roman numerals are not written out: the extractor's mark stays
        (
            f"<article>{_BEFORE}<ol type='a'><li>Ferries.</li><li>Trucks.</li></ol>{_AFTER}</article>",
            ["- Ferries.", "- Trucks."],
        ),
        # outside an article: a list between paragraphs is restored...
        (
            f"<div>{_BEFORE}<ul><li>Ferries.</li><li>Trucks.</li></ul>{_AFTER}</div>",
            ["- Ferries.", "- Trucks."],
        ),
        # ...not one of links, nor one after the text's last paragraph with a box between
        # (one just after it is read: see test_a_list_closing_the_story_is_read)
        (
            f"<div>{_BEFORE}<ul><li><a href='/a'>Ferries</a></li><li><a href='/b'>Trucks</a>"
            f"</li></ul>{_AFTER}</div>",
            [],
        ),
        (
            f"<div>{_BEFORE}{_AFTER}<div class='note'>Photo: Ministry of Transport</div>"
            "<ul><li>Ferries.</li><li>Trucks.</li></ul></div>",
            [],
        ),
        # a script's or a style sheet's text in an item is none of its words (hostile60)
        (
            f"<div>{_BEFORE}<ul><li>Ferries <script>track('x')</script>now.</li><li>Trucks"
            f"<style>li{{color:red}}</style>.</li></ul>{_AFTER}</div>",
            ["- Ferries now.", "- Trucks."],
        ),
        (
            f"<article>{_BEFORE}<ol><li>Ferries <script>track('x')</script>now.</li>"
            f"<li>Trucks.</li></ol>{_AFTER}</article>",
            ["1. Ferries now.", "2. Trucks."],
        ),
        # a number as a browser reads it: its leading digits (hostile60's left-alone: 1e9
        # was no number), none in '²', which Python calls a digit (an internal error)
        (
            f"<article>{_BEFORE}<ol start='²'><li value='1e9'>Ferries.</li><li value=' +7x'>"
            f"Trucks.</li><li value='{'0' * 5000}12'>Cars.</li></ol>{_AFTER}</article>",
            ["1. Ferries.", "7. Trucks.", "12. Cars."],
        ),
        (
            f"<article>{_BEFORE}<ol start='-3e2'><li>Ferries.</li><li value='1234567890'>Trucks."
            f"</li><li value='x1'>Cars.</li></ol>{_AFTER}</article>",
            ["-3. Ferries.", "-2. Trucks.", "-1. Cars."],
        ),
    ],
)
def test_a_lists_items_are_numbered_as_shown_and_restored_between_paragraphs(
    body: str, items: list[str]
) -> None:
    page = f"<html><body><h1>Two more ferries</h1>{body}</body></html>"
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert texts(r)[1:-1] == items


def test_a_restored_lists_items_numbered_below_zero_are_on_their_lines() -> None:
    """hostile60's left-alone: an item of a list counting down from -5 ("-5. To open ...")
    was given the line of the paragraph above: its mark was not known as one, so it was
    looked for with it among the page's blocks."""
    page = (
        "<html><body><h1>Decisions</h1>\n"
        f"<div><p>{_BEFORE}</p>\n"
        "<ol start='-5' reversed><li>To open the route in May.</li>\n"
        "<li>To set the tariffs by June.</li></ol>\n"
        f"<p>{_AFTER}</p></div></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert [(b.line, b.text) for b in r.blocks][1:3] == [
        (3, "-5. To open the route in May."),
        (4, "-6. To set the tariffs by June."),
    ]


def test_a_list_nested_deep_on_a_page_of_one_line_is_read_in_time() -> None:
    """A block's text holds those of the blocks within it, and on a page saved on one line
    every block is near the headline, where each was read for a stamp: a list nested 120
    deep around 40 KB of words was 5 MB of blocks to read so (20 s; 1 MB of words, over
    five minutes). A block that long holds no stamp's line."""
    words = "word " * 8000
    page = (
        f"<html><body><article><h1>Ferries</h1>{_BEFORE}"
        + "<ol><li>Item " * 120
        + words
        + "</li></ol>" * 120
        + f"{_AFTER}</article></body></html>"
    )
    with within(5):
        r = read_text(page, "p.html", Problems(), fmt="html")
    assert texts(r)[0].startswith("Azerbaijan and Kazakhstan agreed on Wednesday")


_PORT_TEXT = (
    "<p>The ministry said on Tuesday that the new ferry line across the sea would open in the "
    "spring, after two years of delays at the port.</p><p>Officials expect the line to carry "
    "about forty thousand passengers a year once it runs at full capacity, the statement "
    "added.</p><p>The port's first terminal was built in the nineteen seventies and has been "
    "rebuilt twice since then.</p>"
)


@pytest.mark.parametrize("join", ["", "\n"])
def test_a_date_below_the_text_is_no_stamp_on_a_page_of_one_line(join: str) -> None:
    """On a page saved on one line every block was "from the headline to the text's first
    line": a date on a block of its own below the text's paragraphs was read as the page's
    stamp (published 2019-03-12).  The blocks near the headline end, in page order, at the
    text's second paragraph, as they do by line on a page of many lines; a stamp between
    the headline and the text is read either way."""
    tail = "<div>12 March 2019</div><p>Its last rebuilding ended in 2019, at a cost.</p>"
    for stamp, published in (("", None), ("<div>Published 3 March 2025</div>", "2025-03-03")):
        page = (
            (
                "<html><head><title>Ferry line to open in spring</title></head><body><article>"
                f"<h1>Ferry line to open in spring</h1>{stamp}{_PORT_TEXT}{tail}</article></body></html>"
            )
            .replace("<p>", join + "<p>")
            .replace("<div>", join + "<div>")
        )
        r = read_text(page, "p.html", Problems(), fmt="html")
        assert texts(r)[0].startswith("The ministry said on Tuesday")
        date = r.fields.get("published")
        assert (date.value if date else None) == published, (join, stamp)


def test_a_journal_articles_keywords_are_tags_and_its_references_numbered() -> None:
    """A journal's HTML article (walk59): its keywords, a list in a "keywords" section, were
    furniture as a whole but each item ("- Middle Corridor") and the heading "Keywords" were
    paragraphs too, on the line of the page's header. Each item, with the extractor's mark,
    is now a tag's; the numbered references keep their numbers."""
    r, problems = read_page("pages/journal-article-keywords.html")
    assert not list(problems)
    assert not [t for t in texts(r) if t.startswith("- ") or t == "Keywords"]
    assert any(f.kind == "tags" and "Middle Corridor" in f.text for f in r.furniture)
    refs = [b.text for b in r.blocks if b.role == "body" and b.text[:3] in ("1. ", "2. ")]
    assert refs[0].startswith("1. Ahmadov, F. (2023). The Middle Corridor in numbers. Caspian")
    assert refs[1].startswith("2. World Bank. (2023).")


def test_a_list_whose_items_number_themselves_is_not_numbered_again() -> None:
    """A think tank's notes, ``<ol><li>[1] ...``: a browser may show the list's numbers
    too, but the notes carry theirs; no second number is written."""
    page = (
        f"<html><body><article><h1>Ferries</h1>{_BEFORE}<ol><li>[1] Ministry, press release."
        f"</li><li>[2] Port of Baku, statement.</li></ol>{_AFTER}</article></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert texts(r)[1:3] == ["- [1] Ministry, press release.", "- [2] Port of Baku, statement."]


def test_a_dateline_alone_above_the_text_with_its_country_is_taken_out() -> None:
    """Trend (walk59) sets its dateline in bold, a paragraph of its own above the text,
    "BAKU, Azerbaijan, April 23.": it was the text's first paragraph. A dateline with its
    day standing alone is the text's dateline; one without a day, or not in capitals, is
    not (a paragraph "Paris, France.")."""
    r, problems = read_page("pages/dateline-alone-with-country.html")
    assert not list(problems)
    assert r.fields["dateline"].value == "BAKU, Azerbaijan, April 23."
    assert texts(r)[0].startswith("Azerbaijan and Kazakhstan will launch two more ferries")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("BAKU, Azerbaijan, April 23.", 23),
        ("ASTANA, July 3.", 3),
        ("Paris, France.", None),  # no day
        ("BAKU, Azerbaijan.", None),
        ("Baku, April 23.", None),  # not in capitals: it may open a sentence
        ("BAKU, April 23", None),  # not ended by a stop
    ],
)
def test_a_dateline_standing_alone(text: str, day: int | None) -> None:
    from archive_site.readers.dateline import match_dateline

    found = match_dateline(text)
    assert (found[0].day if found is not None else None) == day
    assert found is None or found[1] == ""


def test_a_chinese_datelines_reporter_is_the_author() -> None:
    """Xinhua's Chinese page (walk59) names its reporter in the dateline's brackets,
    ``新华社巴库4月23日电（记者王小明）``: no author was read. The editor (责任编辑) is not."""
    r, problems = read_page("pages/xinhua-zh-reporter.html")
    assert not list(problems)
    assert r.fields["author"].value == "王小明"
    assert r.fields["agency"].value == "新华社"


@pytest.mark.parametrize(
    ("brackets", "reporters"),
    [
        ("（记者张三、李四）", "张三, 李四"),
        ("（记者 王小明 李华）", "王小明, 李华"),
        ("（记者王小明 摄影报道）", None),  # a role's words, not a name
        ("（记者王小明 通讯员张三）", None),  # who the other is: not said here
        ("（国际观察）", None),
        ("", None),
    ],
)
def test_the_reporters_a_chinese_dateline_names(brackets: str, reporters: str | None) -> None:
    from archive_site.readers.dateline import match_dateline

    found = match_dateline(f"新华社北京4月23日电{brackets}阿塞拜疆和哈萨克斯坦同意增加渡轮。")
    assert found is not None and found[0].reporters == reporters


def test_instapapers_export_is_no_article() -> None:
    """Instapaper's HTML export (walk59): its saved articles' links, numbered, under
    "Unread" and "Archive". It was added as an article titled "Unread" whose text was the
    headlines of other pages. A list's item that is one link and nothing else points to
    another page: no text; the labels left are said to be no text (as Pocket's export)."""
    r, _ = read_page("pages/instapaper-export.html")
    assert not r.blocks
    assert {f.kind for f in r.furniture} == {"read-also"}
    assert any("no article text found" in n for _, n in r.notes)


def test_a_list_item_with_words_beside_its_link_is_text() -> None:
    page = (
        f"<html><body><article><h1>Ferries</h1>{_BEFORE}<ul><li>The ministry's <a href='/s'>"
        f"statement</a> on the ferries.</li><li><a href='/t'>Booking rules</a></li></ul>"
        f"{_AFTER}</article></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert "- The ministry's statement on the ferries." in texts(r)
    assert not any("Booking rules" in t for t in texts(r))


def test_a_journal_articles_citation_tags_give_its_authors_and_journal() -> None:
    """Highwire's ``citation_author`` ("Ahmadov, Farid"), one tag for each author, was not
    read: a journal article had no author. Each plain "Last, First" is turned "First
    Last"; the journal is the outlet where nothing else names one."""
    r, _ = read_page("pages/journal-article-keywords.html")
    assert r.fields["author"].value == "Farid Ahmadov, Madina Sadykova"
    assert r.fields["outlet"].value == "Journal of Eurasian Transport"
    assert r.fields["published"].value == "2025-03-15"  # the issue's, not online_date's


def test_a_repository_items_dublin_core_gives_its_author_month_and_publisher() -> None:
    """A DSpace item: its author was read from the page as "Aliyeva, Nigar" (family name
    first), with no date and no outlet. ``DCTERMS.issued`` "2025-04" is a month (never made
    a day); the deposit's days (``DCTERMS.dateAccepted``, ``available``) are not its."""
    r, problems = read_page("pages/dspace-item-dublin-core.html")
    assert not list(problems)
    assert r.fields["author"].value == "Nigar Aliyeva"
    assert r.fields["published"].value == "2025-04"
    assert "time" not in r.fields
    assert r.fields["outlet"].value == "Baku State University"


def test_a_reports_citation_month_and_a_family_name_of_three_words() -> None:
    """A think tank's report landing page: ``citation_publication_date`` "2025/04" is the
    month; "de la Cruz, María José" is "María José de la Cruz"; Open Graph's site name is
    still the outlet."""
    r, _ = read_page("pages/report-landing-citation-month.html")
    assert r.fields["author"].value == "Rauf Guliyev, María José de la Cruz"
    assert r.fields["published"].value == "2025-04"
    assert r.fields["outlet"].value == "Caspian Policy Institute"


@pytest.mark.parametrize(
    ("names", "author"),
    [
        (["Smith, J., Jr."], None),  # a suffix after a second comma: not plain
        (["Smith, John, Jr."], None),
        (["Doe, Jane", "World Bank, Washington"], None),  # one not plain: none at all
        (["Doe, Jane", "Smith, John Jr."], None),
        (["Doe, Jane", "World Bank"], "Jane Doe, World Bank"),
        (["O'Neil, J.-P."], "J.-P. O'Neil"),
        (["Doe, Jane", "Doe, Jane"], "Jane Doe"),
        (["Bureau 17, Jane"], None),
        (["admin"], None),
    ],
)
def test_citation_authors_are_inverted_only_when_plain(
    names: list[str], author: str | None
) -> None:
    tags = "".join(f'<meta name="citation_author" content="{n}">' for n in names)
    page = (
        f"<html><head>{tags}</head><body><article><h1>Ferries</h1><p>{_BEFORE}</p>"
        f"<p>{_AFTER}</p></article></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert (r.fields["author"].value if "author" in r.fields else None) == author


def test_many_citation_authors_are_read_in_linear_time() -> None:
    """Each name was looked for in a list of those before it: 10,000 authors took 0.5 s,
    40,000 about 8 s."""
    from archive_site.readers.scholarly import authors

    letters = "abcdefghijklmnopqrstuvwxyz"
    family = [f"Q{a}{b}{c}{d}" for a in letters for b in letters for c in letters for d in "xy"]
    with within(1):
        named = authors([f"{name}, Jane" for name in family] + ["Qaaax, Jane"])
    assert named.split(", ")[:2] == ["Jane Qaaax", "Jane Qaaay"]
    assert len(named.split(", ")) == len(family) == 35152


_LD_AUTHOR = (
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferries",'
    ' "author": {"@type": "Person", "name": "NAME"}}</script>'
)


@pytest.mark.parametrize(
    ("head", "name"),
    [
        ('<meta name="author" content="NAME">', "&lt;b&gt;Jane Roe&lt;/b&gt;"),
        ('<meta name="citation_author" content="NAME">', "&lt;script&gt;x()&lt;/script&gt;"),
        (_LD_AUTHOR, '<a href=\\"/x\\">Jane Roe<\\/a>'),
    ],
)
def test_an_author_holding_markup_names_no_writer(head: str, name: str) -> None:
    """A page's metadata naming its author in HTML (a CMS's link, a script: the tags as
    text) gave the author '<a href="/x">Jane Roe</a>' or '<script>x()</script>', shown on
    the page and cited; what a reader would see of it is not said."""

    def author(named: str) -> str | None:
        page = (
            f"<html><head>{head.replace('NAME', named)}</head><body><article><h1>Ferries</h1>"
            f"<p>{_BEFORE}</p><p>{_AFTER}</p></article></body></html>"
        )
        r = read_text(page, "p.html", Problems(), fmt="html")
        return r.fields["author"].value if "author" in r.fields else None

    assert author(name) is None
    assert author("Jane Roe") == "Jane Roe"


def test_a_citation_date_that_is_no_date_is_not_read() -> None:
    page = (
        '<html><head><meta name="citation_date" content="2025/13">'
        '<meta name="DCTERMS.dateAccepted" content="2025-05-02"></head><body><article>'
        f"<h1>Ferries</h1><p>{_BEFORE}</p><p>{_AFTER}</p></article></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert "published" not in r.fields


@pytest.mark.parametrize(
    ("tag", "value", "day"),
    [
        ("citation_publication_date", "2025/04/04/04/04", None),  # walk60: read 2025-04-04
        ("citation_publication_date", "2025-04-04junk", None),
        ("citation_date", "2025-04-0412", None),
        ("DC.date", "20250404999", None),
        ("citation_publication_date", "2025/04/04", "2025-04-04"),
        ("citation_publication_date", "2025-04-04+04:00", "2025-04-04"),  # XML Schema's
        ("citation_date", "2025-04-04Z", "2025-04-04"),
        ("DC.date", "20250404", "2025-04-04"),
    ],
)
def test_a_date_tag_gives_a_day_only_when_it_is_wholly_one(
    tag: str, value: str, day: str | None
) -> None:
    """A value that begins with a day and goes on with more (``2025/04/04/04``,
    ``2025-04-04junk``) is no day the page gives: its first ten characters were read."""
    page = (
        f'<html><head><meta name="{tag}" content="{value}"></head><body><article>'
        f"<h1>Ferries</h1><p>{_BEFORE}</p><p>{_AFTER}</p></article></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert (r.fields["published"].value if "published" in r.fields else None) == day
    meta = page.replace(f'name="{tag}"', 'property="article:published_time"')
    r = read_text(meta, "p.html", Problems(), fmt="html")
    assert (r.fields["published"].value if "published" in r.fields else None) == day


def test_a_journal_articles_affiliations_are_no_text() -> None:
    """The authors' institutions under their names (``div.affiliations``: "a Azerbaijan
    State Oil and Industry University, Baku") were the text's first two paragraphs."""
    r, _ = read_page("pages/journal-article-keywords.html")
    assert texts(r)[:2] == ["Abstract", texts(r)[1]]
    assert not [t for t in texts(r) if "University" in t]
    kinds = {f.kind for f in r.furniture if "Azerbaijan State Oil" in f.text}
    assert kinds == {"affiliations"}


def test_a_paragraph_naming_an_affiliation_in_its_words_stays_text() -> None:
    page = (
        "<html><body><article><h1>Ferries</h1><p>The university's affiliations with the port"
        f" were set out on Monday.</p>{_BEFORE}{_AFTER}</article></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert texts(r)[0].startswith("The university's affiliations")


def test_a_blogger_posts_date_and_author_in_its_footer_are_read() -> None:
    """Classic Blogger: the post is a microdata ``BlogPosting`` with no ``<article>``; its
    author and ``<abbr itemprop="datePublished">`` are in ``div.post-footer``, furniture,
    and the headline an ``<h3>`` under the blog's ``<h1>``: no date nor author was read."""
    r, _ = read_page("pages/blogger-post-footer.html")
    assert r.fields["published"].value == "2025-04-23"
    assert r.fields["time"].value == "18:12"
    assert r.fields["timezone"].value == "+04:00"
    assert r.fields["author"].value == "Rustam K."
    assert not [f for f in texts(r) if "Posted by" in f]


def _blog_item(words: str, when: str, who: str) -> str:
    return (
        '<div itemscope itemtype="http://schema.org/BlogPosting"><div class="post-body">'
        f'{words}</div><div class="post-footer"><span itemprop="author">{who}</span> '
        f'<abbr itemprop="datePublished" title="{when}">then</abbr></div></div>'
    )


def test_only_the_article_item_holding_the_text_dates_the_page() -> None:
    """A ticker's item, another story's, above the post gives no date; the post's own item,
    the one holding the text's first and last paragraphs, does."""
    ticker = _blog_item("<p>Ferry line to Turkmenbashi opens.</p>", "2025-04-20T08:00", "Jo Ng")
    post = _blog_item(
        "<p>Azerbaijan and Kazakhstan agreed on Wednesday to add two ferries on the Caspian"
        " Sea, officials said.</p><p>The two ports will share a booking system for trucks"
        " from June, they said.</p>",
        "2025-04-23T18:12:00+04:00",
        "Rustam K.",
    )
    page = f"<html><body><aside>{ticker}</aside>{post}</body></html>"
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert r.fields["published"].value == "2025-04-23"
    assert r.fields["author"].value == "Rustam K."
    alone = read_text(
        f"<html><body>{ticker}<div><p>{_BEFORE}</p><p>{_AFTER}</p></div></body></html>",
        "p.html",
        Problems(),
        fmt="html",
    )
    assert "published" not in alone.fields
    assert "author" not in alone.fields
    both = read_text(
        f"<html><body><div>{ticker}{post}</div></body></html>", "p.html", Problems(), fmt="html"
    )
    assert "published" not in both.fields  # a text running over two items: neither's


def test_a_written_questions_question_is_kept_beside_its_answer() -> None:
    """A parliament's written question: the question's card and the answer's are built
    alike (``section.question-section > div.card.card-question > ... > div.question-body``
    and the answer's); the extractor took the answer alone and the question was lost
    without a word."""
    r, _ = read_page("pages/written-question-answer.html")
    question = next(n for n, t in enumerate(texts(r)) if t.startswith("To ask the Secretary"))
    answer = next(n for n, t in enumerate(texts(r)) if t.startswith("The Department has made"))
    assert question < answer


def test_a_written_questions_cards_keep_their_headers() -> None:
    """Walk 62 (trust62's repro): the header of each card, who asks (``div.question-header``:
    "Jane Hartley" / "Labour, Northtown") and who answers, was dropped with its links and
    listed nowhere. Each is a heading before its card's text, its lines parted by `` · ``,
    on its own line of the page."""
    r, _ = read_page("pages/written-question-hansard.html")
    blocks = [(b.text, b.role, b.line) for b in r.blocks]
    asker = ("Jane Hartley · Labour, Northtown", "heading", 25)
    answerer = (
        "Tom Ellis · Minister of State (Department for Transport) · Answered on 23 April 2025",
        "heading",
        34,
    )
    assert blocks.index(asker) + 1 == texts(r).index(next(t for t in texts(r) if "To ask" in t))
    assert texts(r)[blocks.index(answerer) + 1].startswith("The Department has made")


@pytest.mark.parametrize(
    "second",
    [
        "",  # one card: nothing tells its header is who speaks
        "<section class='answer-section'><div class='card card-answer'><div class='card-inner'>"
        "<div class='answer-header'><a href='/m/2'>Tom Ellis</a> said this.</div>"
        "<div class='answer-body'><p>{}</p></div></div></div></section>",  # a sentence
    ],
)
def test_a_cards_header_is_read_only_where_the_shape_is_plain(second: str) -> None:
    said = "Officials keep the Middle Corridor under review with the department. " * 3
    page = (
        "<html><body><main><h1>Ferries</h1><section class='question-section'><div class='card"
        " card-question'><div class='card-inner'><div class='question-header'><a href='/m/1'>"
        "Jane Hartley</a></div><div class='question-body'><p>"
        f"{'To ask the Secretary of State for Transport what she has assessed. ' * 3}</p>"
        f"</div></div></div></section>{second.format(said)}</main></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert not [b for b in r.blocks if "Hartley" in b.text or "Ellis" in b.text]


def test_many_cards_are_compared_in_linear_time() -> None:
    """Each card's header was compared with every other card's: 4,000 cards unlike each
    other, 16 million comparisons. Each is compared with the first two and the last."""
    from trafilatura.utils import load_html

    from archive_site.readers.html import _with_headers

    card = "<div class='q-x'><div class='q-header'><a>Tom</a></div><div class='q-body'><p>{}</p>"
    texts = [f"Question {n} asked here." for n in range(4000)]
    tree = load_html(f"<html><body><main>{''.join(card.format(t) + '</div></div>' for t in texts)}")
    with within(3):
        assert _with_headers(tree, texts) == (texts, set())


def test_a_box_unlike_the_texts_is_not_restored_as_a_card() -> None:
    """A paragraph in a box whose levels share no class word with the text's (a promotion
    in ``aside.promo > div.promo-inner``), or standing beside the text's own box, is not
    taken back as the text's."""
    words = "Subscribe to our weekly newsletter on the Caspian and its ports today."
    page = (
        "<html><body><main><h1>Ferries</h1><section class='story'><div class='story-body'>"
        f"{_BEFORE}{_AFTER}<p>{'Officials said the ferries would sail twice a week. ' * 3}"
        "</p></div></section><section class='promo'><div class='promo-inner'>"
        f"<p>{words}</p></div></section></main></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert words not in texts(r)


def test_a_wikis_edit_links_are_no_words_of_its_headings() -> None:
    """MediaWiki's ``<span class="mw-editsection">[edit]</span>`` in each section's heading
    made "History[edit]" a paragraph of the text, no heading."""
    r, _ = read_page("pages/wiki-edit-section.html")
    assert ("History", "heading") in [(b.text, b.role) for b in r.blocks]
    assert not [t for t in texts(r) if "[edit]" in t or "edit ]" in t]


def test_a_working_papers_classification_and_suggested_citation_are_furniture() -> None:
    """Walk 61 (walk 60's SSRN page): "JEL Classification: F13, R41" and the "Suggested
    Citation" box were paragraphs of the text after the abstract; they are the catalogue's
    words, a tag list and a citation. The abstract stays."""
    r, _ = read_page("pages/working-paper-catalogue.html")
    kinds = {f.kind: f.text for f in r.furniture}
    assert kinds["citation"].startswith("Suggested Citation:")
    assert "JEL Classification: F13, R41" in [f.text for f in r.furniture if f.kind == "tags"]
    assert not [t for t in texts(r) if t.startswith(("JEL", "Huseynova, Leyla and"))]
    assert texts(r)[-1].startswith("The effect is larger for time-insensitive goods")


@pytest.mark.parametrize(
    "paragraph",
    [
        "Keywords: Middle Corridor, transit fees, route choice",
        "Ключевые слова: Средний коридор, паром",
        "关键词：中间走廊；跨里海",
    ],
)
def test_a_papers_keywords_set_as_a_paragraph_are_a_tag_list(paragraph: str) -> None:
    page = (
        f"<html><body><article><h1>Ferries</h1>{_BEFORE}<p>{paragraph}</p>{_AFTER}"
        "</article></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert paragraph not in texts(r)
    assert ("tags", paragraph) in [(f.kind, f.text) for f in r.furniture]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Keywords: the ministry will publish its list of projects. Most are ports.",
        "JEL: a name he gave the project, and kept",  # no codes
    ],
)
def test_a_sentence_after_a_classification_label_stays_text(paragraph: str) -> None:
    page = (
        f"<html><body><article><h1>Ferries</h1>{_BEFORE}<p>{paragraph}</p>{_AFTER}"
        "</article></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert paragraph in texts(r)


def test_a_pages_blocks_hold_its_words_a_bounded_number_of_times() -> None:
    """A block's text holds those of the blocks within it, so a list nested 120 deep around
    1 MB of words, on one line, was 121 MB of blocks, each reader reading them (51 s).
    The blocks holding others are kept only while the blocks' text is within a bound of
    the page's length; every block holding none is kept, and the text reads the same."""
    words = "word " * 100_000
    page = (
        f"<html><body><article><h1>Ferries</h1>{_BEFORE}"
        + "<ol><li>Item " * 120
        + words
        + "</li></ol>" * 120
        + f"{_AFTER}</article></body></html>"
    )
    found = scan(page)
    assert sum(len(text) for text, _ in found.blocks) <= 4 * len(page) + 1_000_000
    assert found.blocks[2][0] == "Item " + words.strip()  # the innermost item, whole
    assert found.blocks[3][0].startswith("Item Item word")  # the next, while in the bound
    assert found.blocks[-1][0] == _AFTER[3:-4]  # a block holding none, past it
    small = scan(page.replace(words, "two ferries"))
    assert len(small.blocks) == 4 + 120  # each item, and the article holding all, kept
    with within(30):
        r = read_text(page, "p.html", Problems(), fmt="html")
    assert texts(r)[0].startswith("Azerbaijan and Kazakhstan agreed on Wednesday")


def test_the_words_before_each_time_are_read_in_linear_time() -> None:
    """Whether a ``<time>`` tells when the page changed is told by the words just before it
    ("Last updated: <time>"): the whole text of its element so far was joined and searched
    before each, so 2,000 ``<time>`` in one element, each after "Updated", took 22 s for a
    page of 140 KB (8,000: four and a half minutes). Only the last 200 characters are read."""
    updated = "Updated <time datetime='2025-04-23T10:00'>23 April</time> words here. "
    page = f"<html><body><article><h1>T</h1><div>{updated * 3000}</div></article></body></html>"
    with within(5):
        assert scan(page).time is None  # (each one says when the page changed)
    long = "<html><body><article><h1>T</h1><p>{}<time datetime='2025-04-23'>x</time></p>"
    for before, stamp in [
        ("word " * 1000 + "Last updated:", None),
        ("Last updated: " + "word " * 1000, ("2025-04-23", 1)),
        ("word " * 1000 + "Published", ("2025-04-23", 1)),
    ]:
        assert scan(long.format(before)).time == stamp


def test_the_text_of_elements_nested_deep_is_made_once_where_it_is_read() -> None:
    """Each element's text was joined and parted into words when it closed, whether or not
    anything read it: 200 ``<span>`` nested around 1 MB of words took 3.1 s to scan (and a
    list or ``<div>`` nested 120 deep, each block past the bound of :func:`scan`'s blocks,
    2 s). Only the text something reads is made."""
    words = "word " * 200_000
    for opened, closed in (
        ("<span>a ", "</span>"),
        ("<div>a ", "</div>"),
        ("<ol><li>a ", "</li></ol>"),
    ):
        page = (
            "<html><body><article><h1>T</h1><p>Before.</p>"
            + opened * 120
            + words
            + closed * 120
            + "</article></body></html>"
        )
        with within(1.5):
            found = scan(page)
        assert found.blocks[0] == ("T", 1)
        assert found.refused is None
        assert any(text.endswith("word word") for text, _ in found.blocks)


@pytest.mark.parametrize("unit", ["<a", "</a", "<?a", "<!a"])
def test_a_tag_that_never_ends_takes_the_rest_of_the_page_at_once(unit: str) -> None:
    """Hostile66: Python 3.11's HTML parser read a tag, an end tag or a declaration that
    never ends again from each "<" in what follows it: "<a" 50,000 times (100 KB) after the
    text took the page's scan 6.4 s of CPU, 200 KB four times as long. It takes the rest of
    the page, as a browser's parser does (and Python's from 3.13.4); the text before it is
    read, each paragraph on its line."""
    page = (
        "<html lang='en'><head><title>Port</title></head><body><article><h1>Port</h1>\n"
        "<p>The port handled a million tonnes of cargo last year, officials said.</p>\n"
        "<p>Its second berth opens in May, the director said on Tuesday.</p>\n"
        + (unit + "b")
        * (200_000 // (len(unit) + 1))
    )
    with within(1.0):
        found = scan(page)
    paragraphs = [
        ("The port handled a million tonnes of cargo last year, officials said.", 2),
        ("Its second berth opens in May, the director said on Tuesday.", 3),
    ]
    assert all(p in found.blocks for p in paragraphs)
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert [(b.text, b.line) for b in r.blocks] == paragraphs


def port_page(paragraphs: list[str]) -> tuple[str, Reading]:
    """A page of these paragraphs, one a line from its second, and its reading."""
    page = (
        "<html lang='en'><head><title>Port</title></head><body><article><h1>Port</h1>\n"
        + "\n".join(f"<p>{p}</p>" for p in paragraphs)
        + "\n</article></body></html>"
    )
    return page, read_text(page, "p.html", Problems(), fmt="html")


def test_raised_and_lowered_figures_are_read_as_the_page_shows_them() -> None:
    """Read as plain figures, ``10<sup>6</sup> tonnes`` was "106 tonnes" and a footnote's
    mark after a number, ``45<sup>2</sup> million``, "452 million": another number than the
    page shows, which a milestone could then quote as the source's words.  A ``<sup>`` or
    ``<sub>`` of figures alone is read in Unicode's raised and lowered figures; any other
    (``1<sup>st</sup>``, a reference ``<sup>[3]</sup>``) as written.  The page's scan reads
    them alike, so each paragraph is still found on its line."""
    paragraphs = [
        "The port handled 10<sup>6</sup> tonnes of cargo last year, officials said on Tuesday.",
        "The terminal covers 40 km<sup> 2 </sup> of the coast; its 1<sup>st</sup> berth opens in "
        "May.",
        "Emissions of CO<sub>2</sub> fell by 5 percent, the ministry said.<sup class='reference'>"
        "<a href='#cite_note-3'>[3]</a></sup>",
        "Exports rose to 45<sup><a href='#fn2'>2</a></sup> million dollars in the first quarter."
        "<sup>(-1)</sup>",
    ]
    page, r = port_page(paragraphs)
    assert [(b.line, b.text) for b in r.blocks] == [
        (2, "The port handled 10⁶ tonnes of cargo last year, officials said on Tuesday."),
        (3, "The terminal covers 40 km² of the coast; its 1st berth opens in May."),
        (4, "Emissions of CO₂ fell by 5 percent, the ministry said.[3]"),
        (5, "Exports rose to 45² million dollars in the first quarter.⁽⁻¹⁾"),
    ]
    scanned = ["".join(text.split()) for text, _ in scan(page).blocks]
    assert all("".join(b.text.split()) in scanned for b in r.blocks)


def test_raised_figures_within_raised_figures_are_read_with_a_note_on_their_line() -> None:
    """Hostile66: a ``<sup>`` of figures holding another's (``x<sup>2<sup>3</sup></sup>``, a
    footnote's mark on an exponent, ``10<sup>6<sup><a>1</a></sup></sup>``) was read in one
    run of raised figures, "10⁶¹ tonnes", another number than the page shows, and nothing
    said so: Unicode's raised figures have one level. The text is read so, with a note on
    the outer element's line; a mark wrapped twice, with no figures of its own beside it,
    is one raised mark, and the page's scan reads each paragraph alike."""
    paragraphs = [
        "The port handled 10<sup>6</sup> tonnes of cargo last year, officials said on Tuesday.",
        "Output reached 10<sup><sup>6</sup></sup> tonnes in the year, the ministry said.",
        "The bay holds\n2<sup>6<sup><a href='#fn1'>1</a></sup></sup> tonnes, the survey says.",
        "The rate is x<sup>2<sup>3</sup></sup> a year.",
    ]
    page, r = port_page(paragraphs)
    assert [(b.line, b.text) for b in r.blocks] == [
        (2, "The port handled 10⁶ tonnes of cargo last year, officials said on Tuesday."),
        (3, "Output reached 10⁶ tonnes in the year, the ministry said."),
        (4, "The bay holds 2⁶¹ tonnes, the survey says."),
        (6, "The rate is x²³ a year."),
    ]
    assert r.notes == (
        (
            5,
            "raised figures within raised figures, read as one run '⁶¹' (and 1 more): the page "
            "shows them on two levels (a power of a power, or a footnote's mark on an "
            "exponent), which the text cannot; check the number against the page",
        ),
    )
    scanned = ["".join(text.split()) for text, _ in scan(page).blocks]
    assert all("".join(b.text.split()) in scanned for b in r.blocks)


def test_a_raised_text_is_not_joined_whole_to_be_found_too_long() -> None:
    """A ``<sup>`` nested 200 deep around a megabyte of figures is read as figures, not
    looked at for raised ones (each level's text was joined to be looked at)."""
    page = (
        "<html><body><article><h1>T</h1><p>Before the figures, some words of the text.</p><p>"
        + "<sup>1" * 200
        + "2" * 1_000_000
        + "</sup>" * 200
        + "</p></article></body></html>"
    )
    with within(5):
        r = read_text(page, "p.html", Problems(), fmt="html")
    assert "⁰¹²" not in "".join(b.text for b in r.blocks)
    assert "2" * 1000 in "".join(b.text for b in r.blocks)


def test_a_paragraph_with_words_in_an_element_is_found_on_its_own_line() -> None:
    """The page's scan read ``<b>Baku</b>,`` as "Baku ," (a space each side of every
    element): no paragraph the extractor gave, which then took the line of the article
    holding it (in an MFA transcript, each turn opening ``<strong>郭嘉昆：</strong>``, every
    paragraph the first one's).  An element shown within the line adds no space; a menu's
    links side by side still stand apart."""
    page = (
        "<html><body><nav><a href='/'>Home</a><a href='/news'>News</a></nav>\n<article>"
        "<h1>Port</h1>\n<p>The port of <b>Baku</b>, officials said on Tuesday, handled more "
        "cargo.</p>\n<p>It was built by <a href='/ktz'>KTZ Express</a>; the operator said so "
        "in <i>Astana</i>.</p>\n<p>　　<strong>郭嘉昆：</strong>中国－中亚峰会是中国同中亚五国合作的重要平台。"
        "</p>\n</article></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert [(b.line, b.text) for b in r.blocks] == [
        (3, "The port of Baku, officials said on Tuesday, handled more cargo."),
        (4, "It was built by KTZ Express; the operator said so in Astana."),
        (5, "郭嘉昆：中国－中亚峰会是中国同中亚五国合作的重要平台。"),
    ]
    assert [(f.kind, f.text) for f in r.furniture] == [("navigation", "Home News")]


def test_a_q_element_is_a_quotation_within_its_paragraph() -> None:
    """The extractor took a ``<q>`` for a block quote: the paragraph holding one was parted
    in three, and the words lost the quotation marks a browser shows around them, which
    say they are someone's quoted words."""
    page = (
        "<html><body><article><h1>Port</h1>\n<p>The minister said that <q>the port will "
        "open in <q>June</q>, as <b>planned</b></q> and left the hall.</p>\n<p>Officials "
        "in Baku gave no other date for the opening of the port.</p>\n</article></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert [(b.line, b.text) for b in r.blocks] == [
        (2, "The minister said that “the port will open in ‘June’, as planned” and left the hall."),
        (3, "Officials in Baku gave no other date for the opening of the port."),
    ]


_TABLE_PAGE = (
    "<html><body><article><h1>Trade</h1>\n"
    "<p>Trade between Azerbaijan and China grew quickly last year, customs figures show.</p>\n"
    "{table}\n"
    "<p>Most of the growth came from transit cargo, the customs committee said.</p>\n"
    "</article></body></html>"
)


@pytest.mark.parametrize(
    ("table", "rows"),
    [
        (  # a table of figures, in a box of its own, its rows on their lines
            "<div class='table-wrap'><table><caption>Trade, million dollars</caption>\n"
            "<thead><tr><th>Year</th><th>Exports</th><th>Imports</th></tr></thead><tbody>\n"
            "<tr><td>2023</td><td>450</td><td>1,800</td></tr>\n"
            "<tr><td>2024</td><td><b>620</b></td><td>2,100</td></tr>\n"
            "<tr><td></td><td></td><td></td></tr></tbody></table></div>",
            [
                (3, "Trade, million dollars"),
                (4, "Year | Exports | Imports"),
                (5, "2023 | 450 | 1,800"),
                (6, "2024 | 620 | 2,100"),
            ],
        ),
        (  # a page laid out in a table's cells: no table of data
            "<table><tr><td><p>A cell holding a paragraph, as a page laid out so does.</p>"
            "</td></tr></table>",
            [],
        ),
        (  # a box holding words of its own besides the table
            "<div><p>Read also:</p><table><tr><td>2023</td><td>450</td></tr></table></div>",
            [],
        ),
        (  # links mostly: a box of other stories
            "<table><tr><td><a href='/a'>Ferry news</a></td><td><a href='/b'>Rail news</a>"
            "</td></tr></table>",
            [],
        ),
    ],
)
def test_a_table_of_figures_in_the_text_is_read_a_row_a_paragraph(
    table: str, rows: list[tuple[int, str]]
) -> None:
    """The extractor leaves every table out: a story's table of figures was lost from the
    record without a word (its figures no milestone could quote). A table of data standing
    between two of the text's paragraphs is read as the clipping reader reads one: its
    caption, then each row a paragraph, its cells parted by " | "."""
    r = read_text(_TABLE_PAGE.format(table=table), "p.html", Problems(), fmt="html")
    first, *within, last = [(b.line, b.text) for b in r.blocks]
    assert first[1].startswith("Trade between") and last[1].startswith("Most of the growth")
    assert within == rows


def test_a_table_of_many_rows_is_read_in_linear_time() -> None:
    """Whether a post of a saved thread names its author was asked in XPath, which counted
    each element's ancestors: a story holding a table of 16,000 rows took 90 s to read."""
    rows = "".join(
        f"<tr><td>{i}</td><td>value {i}</td><td>{i * 3}</td></tr>\n" for i in range(16_000)
    )
    page = _TABLE_PAGE.format(table=f"<table>{rows}</table>")
    with within(30):
        r = read_text(page, "p.html", Problems(), fmt="html")
    assert len(r.blocks) == 16_002
    assert (r.blocks[-2].line, r.blocks[-2].text) == (16_002, "15999 | value 15999 | 47997")


def test_a_paragraph_with_words_in_a_span_is_found_on_its_own_line() -> None:
    """A ``<span>`` may be a box (a card's parts side by side), so the page's scan parts its
    text from the words beside it: ``<span>port</span>,`` read "port ,", no paragraph the
    extractor gave, and the paragraph took the article's line. Looked up by its words
    but for the spaces between them, it is found on its own."""
    page = (
        "<html><body><article><h1>Port</h1>\n<p>The first paragraph of the story, on the "
        "port of Baku.</p>\n<p>The <span class='hl'>port</span>, officials said on Tuesday, "
        "handled more cargo.</p>\n</article></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert [b.line for b in r.blocks] == [2, 3]


def test_a_date_in_a_sentence_keeps_its_words_when_the_page_marks_it_as_a_time() -> None:
    """The extractor drops every ``<time>``: a date in a sentence, marked as one, lost its
    words ("the <time>22 April</time> report said" read "the report said"), and with them
    the dated event the archivist looks for. A stamp and its label stay out of the text."""
    page = (
        "<html><body><article><h1>Port</h1>\n"
        "<p>Updated <time datetime='2025-04-24T10:00'>24 April 2025, 10:00</time></p>\n"
        "<p>Cargo grew by 20 percent, the <time datetime='2025-04-22'>22 April</time> report "
        "said, and the customs committee confirmed the figure.</p>\n"
        "<p>The summit opens on <time datetime='2025-06-23'>23 June</time>.</p>\n"
        "</article></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert [(b.line, b.text) for b in r.blocks if b.line > 2] == [
        (
            3,
            "Cargo grew by 20 percent, the 22 April report said, and the customs committee "
            "confirmed the figure.",
        ),
        (4, "The summit opens on 23 June."),
    ]
    assert "24 April" not in " ".join(b.text for b in r.blocks)


def test_an_emoji_set_as_an_image_is_read_in_its_place() -> None:
    """X and Facebook set each emoji of a post as an image (``<img alt="🇦🇿">``), which the
    extractor drops: "Baku 🇦🇿 to Aktau 🇰🇿" read "Baku to Aktau". An image whose ``alt`` is
    emoji alone is read as them; any other image is no text, as before."""
    page = (
        "<html><body><article><h1>Ferry</h1>\n<p>The new ferry sails from Baku "
        "<img alt='🇦🇿' src='1f1e6.svg'> to Aktau <img alt='🇰🇿' src='k.svg'>, the operator "
        "said <img alt='👍🏽' src='t.svg'> on Tuesday.</p>\n<p>A photo of the ferry at the port "
        "<img alt='ferry' src='ferry.jpg'> shows its new livery and its name.</p>\n"
        "</article></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert [(b.line, b.text) for b in r.blocks] == [
        (2, "The new ferry sails from Baku 🇦🇿 to Aktau 🇰🇿, the operator said 👍🏽 on Tuesday."),
        (3, "A photo of the ferry at the port shows its new livery and its name."),
    ]


def _nested(opened: str, closed: str, inner: str, depth: int = 120) -> str:
    return (
        f"<html><body><article><h1>Ferries</h1>{_BEFORE}"
        + opened * depth
        + inner
        + closed * depth
        + f"{_AFTER}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("opened", "closed"),
    [
        ("<ol><li>Item ", "</li></ol>"),
        ("<ol><li>", "</li></ol>"),  # each item's text the same as the one it holds
        ("<blockquote>Item ", "</blockquote>"),
    ],
)
def test_the_items_of_a_list_nested_deep_are_joined_once(opened: str, closed: str) -> None:
    """The extractor's texts are placed among the page's blocks, and a numbered list's items
    given their numbers, by each block's whole text: joined at each level of a list nested
    120 deep around 1 MB of words, 121 MB (1.7 s for each of the two). The text of a block
    holding others is made only where one of the extractor's texts may be it, and that of an
    item holding a numbered list not at all (the extractor gives its own words apart)."""
    import trafilatura
    from trafilatura.utils import load_html

    from archive_site.readers import html as reader

    tree = load_html(_nested(opened, closed, "word " * 300_000))
    with within(1.5):  # (2.6 s before on an idle machine)
        numbered = reader._numbered(tree)
    assert len(numbered) == (1 if opened.startswith("<ol>") else 0)  # the innermost item's
    lines = reader._extracted(trafilatura.extract, tree, precise=True)
    with within(1.5):
        assert reader._with_missed(tree, lines)[0] == lines
    # (the text of no block holding others is made: none is one of the extractor's texts)
    blocks = reader._block_texts(tree, {reader._weight(reader._key(t)) for t in lines})
    made = [text for e, text in blocks if e.tag != "p" and text]
    assert sum(map(len, made)) <= 1_600_000


def test_a_list_of_details_nested_deep_is_read_in_time() -> None:
    """A page's lists of details (GOV.UK's "From: ...") were read by each description's
    whole text: a list nested in a description 120 deep around 1 MB of words took 4.7 s.
    A term or description is read to 2,000 characters: longer, it is no detail."""
    from trafilatura.utils import load_html

    from archive_site.readers import html as reader

    inner = "word " * 300_000
    tree = load_html(_nested("<dl><dt>From:</dt><dd>", "</dd></dl>", inner))
    with within(1.5):  # (7.8 s before, on a loaded machine)
        assert reader._details(tree) == []
    listed = "<dl><dt>From:</dt><dd>Ministry of Transport</dd><dt>Published</dt><dd>23 April</dd>"
    short = load_html(_nested("", "", listed + "</dl>", 0))
    assert reader._details(short) == [
        ("From: Ministry of Transport", "Ministry of Transport"),
        ("Published 23 April", "23 April"),
    ]
    longer = load_html(_nested("", "", listed + f"<dd>{'x' * 2001}</dd></dl>", 0))
    assert reader._details(longer) == []


def test_the_blocks_of_lists_nested_a_few_deep_read_as_they_did() -> None:
    """Where the texts of a numbered list's items and of the blocks are made (see
    :func:`test_the_items_of_a_list_nested_deep_are_joined_once`) changes nothing read."""
    page = (
        f"<html><body><article><h1>Ferries</h1>{_BEFORE}<ol><li>Two new ferries <ol><li>"
        "The first in May <ol><li>Built in Baku</li></ol></li><li>The second in June</li>"
        f"</ol> by the two ports</li><li>A booking system</li></ol>{_AFTER}</article></body></html>"
    )
    assert texts(read_text(page, "p.html", Problems(), fmt="html"))[1:8] == [
        "- 1. Two new ferries",
        "- 1. The first in May",
        "1. Built in Baku",
        "2. The second in June",
        "by the two ports",
        "2. A booking system",
        "1. Two new ferries 1. The first in May 1. Built in Baku2. The second in June by the "
        "two ports",
    ]
    between = page.replace("<article>", "<div>").replace("</article>", "</div>")
    between = between.replace(" <ol><li>Built in Baku</li></ol>", "")
    assert texts(read_text(between, "p.html", Problems(), fmt="html"))[1:3] == [
        "1. Two new ferries 1. The first in May2. The second in June by the two ports",
        "2. A booking system",
    ]


def test_a_table_closing_the_text_is_read_and_a_list_of_details_it_took_is_not_left_out() -> None:
    """A story's table of figures after its last paragraph is read as one between two (a
    list there is not: it is as often the page's other stories). A list of details
    (``<dl>``) the extractor took into the text was also listed as "details" left out."""
    page = (
        "<html><body><article><h1>Trade</h1>\n"
        "<p>Trade between Azerbaijan and China grew quickly last year, customs figures show.</p>\n"
        "<dl><dt>Capacity</dt><dd>Ten million tonnes a year by 2030, the operator says.</dd></dl>\n"
        "<p>Most of the growth came from transit cargo, the customs committee said.</p>\n"
        "<table><tr><th>Year</th><th>Exports</th></tr>\n<tr><td>2024</td><td>620</td></tr>"
        "</table>\n<ul><li>Other stories about the ferries on the Caspian Sea</li></ul>\n"
        "</article></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert [(b.line, b.text) for b in r.blocks][-2:] == [(5, "Year | Exports"), (6, "2024 | 620")]
    assert "Ten million tonnes a year by 2030, the operator says." in texts(r)[2]
    assert not [f for f in r.furniture if f.kind == "details"]


def test_a_stamp_s_label_is_no_paragraph() -> None:
    """Walk 64: ``<p>Updated <time datetime="...">23 April 2025</time></p>`` between the
    paragraphs: the extractor drops the ``<time>`` and kept its label, "Updated", a
    paragraph of one word in the text. The label of a stamp taken is no paragraph: the
    stamp is furniture, once, on its line (in other words and languages too)."""
    r, _ = read_page("pages/stamp-label-between-paragraphs.html")
    assert [b.line for b in r.blocks][:2] == [14, 16]
    assert "Updated" not in texts(r)
    assert [(f.line, f.text) for f in r.furniture if f.kind == "timestamp"] == [
        (15, "Updated 23 April 2025")
    ]
    page = (FIXTURES / "pages/stamp-label-between-paragraphs.html").read_text(encoding="utf-8")
    for label, shown in (
        ("Last updated:", "23 April 2025, 08:15"),
        ("Обновлено", "23 апреля 2025"),
    ):
        other = page.replace("Updated <time", f"<span>{label}</span> <time").replace(
            ">23 April 2025<", f">{shown}<"
        )
        r = read_text(other, "p.html", Problems(), fmt="html")
        assert texts(r)[1].startswith("The agreement, signed in Tbilisi"), label
        assert [f.text for f in r.furniture if f.kind == "timestamp"] == [f"{label} {shown}"]


def test_stamps_labels_are_found_in_linear_time() -> None:
    """A minified page (one line) of 2,000 stamps each with its label."""
    stamps = "".join(
        f'<p>Updated <time datetime="2025-04-23T10:00:00+04:00">{n % 28 + 1} April 2025</time></p>'
        f"<p>Paragraph {n} with words enough to be text of the page, and more of them.</p>"
        for n in range(2000)
    )
    page = f"<html><body><article><h1>Live</h1>{stamps}</article></body></html>"
    with within(20):
        r = read_text(page, "p.html", Problems(), fmt="html")
    assert "Updated" not in texts(r)


def test_a_list_closing_the_story_is_read() -> None:
    """Walk 64: a ministry's press release with no ``<article>`` or ``<main>``, ending with
    its points ("the parties agreed to take the following steps:" and a ``<ul>``): the
    extractor dropped the list, and nothing listed it. A list just after the last of two
    or more paragraphs of one parent, nothing between them, is read as one between two
    is; not one mostly of links, nor one after a box between (the page's other stories)."""
    r, _ = read_page("pages/points-after-last-paragraph.html")
    assert [(b.line, b.text) for b in r.blocks][2:] == [
        (15, "Under the protocol, the parties agreed to take the following steps in 2025:"),
        (17, "- to increase the number of ferry trips between Alat and Aktau to twelve a month;"),
        (18, "- to set a single tariff for containers carried by the ferries from 1 July;"),
        (19, "- to open a joint digital platform for freight bookings by the end of the year."),
    ]
    page = (FIXTURES / "pages/points-after-last-paragraph.html").read_text(encoding="utf-8")
    linked = re.sub(r"<li>(to [^<]*)</li>", r'<li><a href="/en/news/9">\1</a></li>', page)
    boxed = page.replace(
        "<ul>\n<li>to increase", '<div class="note">Photo: Ministry</div>\n<ul>\n<li>to increase'
    )
    for other in (linked, boxed):
        r = read_text(other, "p.html", Problems(), fmt="html")
        assert texts(r)[-1].startswith("Under the protocol, the parties agreed")


def test_a_paragraph_of_many_times_is_read_in_linear_time() -> None:
    """Each ``<time>`` in a sentence is read as its words (see ``_times_in_sentences``): a
    paragraph holding 8,000 was joined whole again for each (32 s to read the page); each
    block's words are counted once."""
    from lxml import html as lxml_html

    from archive_site.readers.html import _times_in_sentences

    times = "<time>22 April</time> and " * 6000
    tree = lxml_html.fromstring(f"<html><body><p>The report of {times}the rest.</p></body></html>")
    with within(1.0):
        _times_in_sentences(tree)
    assert not list(tree.iter("time")) and len(list(tree.iter("span"))) == 6000


@pytest.mark.parametrize(
    "anchor",
    [
        '<div class="header-anchor-parent"><a class="header-anchor">§</a></div>',  # Substack
        '<a class="headerlink" href="#who-pays" title="Permalink to this heading">¶</a>',
        ' <a class="anchor" href="#who-pays" aria-hidden="true">#</a>',  # Hugo
        '<a href=" #who-pays" aria-label="Link to this section">🔗</a>',
    ],
)
def test_a_headings_own_anchor_is_no_word_of_it(anchor: str) -> None:
    """A link in a heading to its own place in the page, showing a sign and no word, is the
    heading's anchor: Substack's ``<div class="header-anchor-parent"><a>§</a></div>`` made
    the heading "Who pays §" a paragraph of the text (walk 65), and a Sphinx page's ``¶``
    was read as "Who pays¶"."""
    page = (
        f"<html><body><article><h1>Ferries</h1>{_BEFORE}"
        f"<h3>Who pays{anchor}</h3>{_AFTER}</article></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert [(b.text, b.role) for b in r.blocks] == [
        (
            "Azerbaijan and Kazakhstan agreed on Wednesday to add two ferries on the Caspian.",
            "body",
        ),
        ("Who pays", "heading"),
        ("The two ports will share a booking system for trucks from June, they said.", "body"),
    ]


@pytest.mark.parametrize(
    ("heading", "text"),
    [
        ('<a href="#who-pays">Who pays</a>', "Who pays"),  # a heading linking to itself (MDN's)
        ('Who pays <a href="/en/costs">§ 4</a>', "Who pays § 4"),  # its words, not a sign
        ('Who pays <a href="/en/costs">→</a>', "Who pays →"),  # a link to another page
    ],
)
def test_a_link_in_a_heading_with_words_or_to_another_page_is_kept(heading: str, text: str) -> None:
    page = (
        f"<html><body><article><h1>Ferries</h1>{_BEFORE}"
        f"<h3>{heading}</h3>{_AFTER}</article></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert texts(r)[1] == text


def test_a_callout_cards_sentence_between_the_paragraphs_is_read() -> None:
    """A Ghost post's callout card (``div.kg-callout-card > div.kg-callout-text``) between
    two paragraphs: its sentence, the author's words, was lost, neither text nor furniture
    (walk 65). A ``<div>`` of words alone standing between two paragraphs the extractor
    took, or within a box standing there, is read when it is a sentence."""
    r, problems = read_page("pages/ghost-callout-card.html")
    assert not list(problems)
    assert [(b.line, b.text[:40]) for b in r.blocks][1:] == [
        (28, "Aktau handled 7.3 million tonnes of carg"),
        (30, "Its new container hub, built with Abu Dh"),
        (31, "The Middle Corridor carried 4.5 million "),
        (32, "Shippers say the port's weak point is th"),
    ]
    assert not [f for f in r.furniture if "Middle Corridor carried" in f.text]


_CALLOUT = (
    '<div class="kg-card kg-callout-card kg-callout-card-blue"><div class="kg-callout-emoji">'
    '💡</div><div class="kg-callout-text">The Middle Corridor carried 4.5 million tonnes in '
    "2024.</div></div>"
)
_SENTENCE = "The ferry line between Alat and Aktau will add two ships by the end of 2026."


@pytest.mark.parametrize(
    "box",
    [
        '<div class="ad-label">Advertisement</div>',  # a label, no sentence
        '<div class="inline">Story continues below the advertisement</div>',
        f'<div class="image"><img src="a.jpg" alt=""><div class="credit">{_SENTENCE}</div></div>',
        f'<div class="newsletter-box"><div>{_SENTENCE}</div></div>',  # furniture, by its class
        f'<div class="inline"><a href="/en/news/9">{_SENTENCE}</a></div>',  # a link
    ],
)
def test_a_box_between_the_paragraphs_that_is_no_sentence_of_the_text_is_not_read(
    box: str,
) -> None:
    page = (FIXTURES / "pages/ghost-callout-card.html").read_text(encoding="utf-8")
    r = read_text(page.replace(_CALLOUT, box), "p.html", Problems(), fmt="html")
    assert [b.line for b in r.blocks] == [24, 28, 30, 32]


def test_a_box_of_words_after_the_text_is_not_read_as_its_own() -> None:
    """Only a box standing between two paragraphs the extractor took is the text's: one
    after its last (a site's note, an author's box) is left as it was."""
    page = (FIXTURES / "pages/ghost-callout-card.html").read_text(encoding="utf-8")
    last = "<p>Shippers say the port's weak point"
    after = page.replace(_CALLOUT, "").replace(last, f"{_CALLOUT}\n{last}")
    assert "Middle Corridor carried" in "".join(
        texts(read_text(after, "p.html", Problems(), fmt="html"))
    )
    end = page.replace(_CALLOUT, "").replace("</section>", f"{_CALLOUT}</section>")
    r = read_text(end, "p.html", Problems(), fmt="html")
    assert not [t for t in texts(r) if "Middle Corridor carried" in t]


def test_a_chinese_portals_editor_line_in_brackets_is_furniture() -> None:
    """Xinhuanet's page ends its text with "【责任编辑: 刘洋】" (its editor, in black lenticular
    brackets): it was the text's last paragraph (walk 66); it is a credit, as
    "（责任编辑：王磊）" is."""
    r, _ = read_page("pages/xinhuanet-editor-photo.html")
    assert not [t for t in texts(r) if "责任编辑" in t]
    assert ("credits", "【责任编辑: 刘洋】", 29) in [(f.kind, f.text, f.line) for f in r.furniture]
    assert texts(r)[0].startswith("阿塞拜疆总统阿利耶夫23日在巴库表示")


def test_a_chinese_photographs_caption_ending_in_its_credit_is_furniture() -> None:
    """Xinhuanet sets a photograph's caption as a paragraph of the text after the picture's,
    ending in its photographer's credit, "新华社记者王超摄": it was the text's last paragraph
    (walk 66). A Chinese credit so ("记者 X 摄", "（X 摄）") ends a caption and nothing else."""
    r, _ = read_page("pages/xinhuanet-editor-photo.html")
    assert not [t for t in texts(r) if t.endswith("摄")]
    caption = "4月23日，阿塞拜疆总统阿利耶夫在巴库出席活动。新华社记者王超摄"
    assert ("caption", caption, 27) in [(f.kind, f.text, f.line) for f in r.furniture]
    assert texts(r)[-1] == "据阿塞拜疆交通部介绍，阿拉特港至阿克套港的新渡轮将于今年6月投入运营。"


_ZH_FIRST = "阿塞拜疆总统阿利耶夫23日在巴库表示，中间走廊合作协议将使跨里海运输能力大幅提升。"
_ZH_LAST = "据阿塞拜疆交通部介绍，阿拉特港至阿克套港的新渡轮将于今年6月投入运营。"


@pytest.mark.parametrize(
    ("paragraph", "caption"),
    [
        ("4月23日，阿利耶夫在巴库出席活动。新华社记者 刘洋 摄", True),
        ("4月23日，阿利耶夫在巴库出席活动。（新华社记者 刘洋 摄）", True),
        ("这是4月23日在巴库港拍摄的渡轮。新华社发（人民网 杨光宇 摄）", True),
        ("这是4月23日在巴库港拍摄的渡轮。（刘洋摄）", True),
        # prose: the verb "拍摄" ending a clause, a photographer named in a sentence
        ("该纪录片由著名摄影师张三在巴库港拍摄", False),
        ("这些照片都是记者在现场拍摄。", False),
        ("新华社记者王超摄制的纪录片23日在巴库首映，阿利耶夫出席了首映式。", False),
        ("他说，照片由新华社记者王超摄，展示了新港口的面貌。", False),
        # a paragraph of several sentences that a credit ends: the text's, run into it
        ("阿利耶夫说，运量将翻番。他表示，港口将扩建。他还说，铁路将升级。新华社记者王超摄", False),
    ],
)
def test_a_paragraph_ending_in_a_chinese_photographers_credit_is_a_caption(
    paragraph: str, caption: bool
) -> None:
    """Inside the text, a paragraph ending in a Chinese photographer's credit is a caption;
    one that ends in "摄" within a sentence, or says several things before a credit, stays."""
    page = f"<html><body><article><p>{_ZH_FIRST}</p><p>{paragraph}</p><p>{_ZH_LAST}</p>"
    r = read_text(f"{page}</article></body></html>", "p.html", Problems(), fmt="html")
    assert (paragraph in texts(r)) is not caption
    assert (("caption", paragraph) in [(f.kind, f.text) for f in r.furniture]) is caption
    assert texts(r)[0] == _ZH_FIRST and texts(r)[-1] == _ZH_LAST


_PULLED = "We expect the Middle Corridor to carry ten million tonnes a year by 2027."


def test_a_pull_quote_of_words_the_text_has_nowhere_else_is_read_in_its_place() -> None:
    """A WordPress pull quote (``figure.wp-block-pullquote > blockquote > p``, then its
    ``<cite>``) whose words the text has nowhere else was lost, neither text nor furniture
    (walk 66): it is read where it stands, its quotation and its credit a paragraph each, as
    a ``<blockquote>`` the extractor takes is; the page's quotation in a ``<blockquote>`` of
    its own stays where it was."""
    r, problems = read_page("pages/wordpress-pullquote.html")
    assert not list(problems)
    got = [(b.line, b.text) for b in r.blocks]
    assert got[1:5] == [
        (
            30,
            "The ships, built at the Baku Shipyard, can each carry 56 rail wagons, the company said.",
        ),
        (31, _PULLED),
        (31, "Rauf Valiyev, chairman of ASCO"),
        (32, "A bottleneck at sea"),
    ]
    assert [b.line for b in r.blocks] == [29, 30, 31, 31, 32, 33, 37, 38, 40]
    assert not [f for f in r.furniture if f.kind == "pull-quote"]


_SHIPS = "The ships, built at the Baku Shipyard, can each carry 56 rail wagons, the company said."


@pytest.mark.parametrize(
    "pulled",
    [
        "The ships, built at the Baku Shipyard, can each carry 56 rail wagons.",  # its start
        "“…can each carry 56 rail wagons, the company said.”",  # its end, in marks
        _SHIPS,  # a whole paragraph of the text
    ],
)
def test_a_pull_quote_repeating_words_of_the_text_is_furniture(pulled: str) -> None:
    """A pull quote repeating words of the text, its beginning or its end, set large between
    its paragraphs, is furniture: the text reads as it did, once."""
    page = (FIXTURES / "pages/wordpress-pullquote.html").read_text(encoding="utf-8")
    r = read_text(page.replace(_PULLED, pulled), "p.html", Problems(), fmt="html")
    assert [b.line for b in r.blocks] == [29, 30, 32, 33, 37, 38, 40]
    assert texts(r).count(_SHIPS) == 1
    pull = [(f.line, f.text) for f in r.furniture if f.kind == "pull-quote"]
    assert pull == [(31, f"{pulled} Rauf Valiyev, chairman of ASCO")]


@pytest.mark.parametrize(
    "box",
    [
        f"<aside class='pull-quote'><p>{_PULLED}</p></aside>",
        f"<div class='PullQuote'><blockquote>“{_PULLED}”</blockquote></div>",
    ],
)
def test_a_pull_quote_in_other_markup_is_read_when_the_text_lacks_its_words(box: str) -> None:
    """A pull quote as other sites mark it (a class "pull-quote", "PullQuote") is read so
    too, where it stands."""
    page = (
        "<html><body><article><h1>Two more ferries</h1><p>Azerbaijan and Kazakhstan agreed "
        f"on Wednesday to add two ferries to the Caspian crossing.</p>\n{box}\n<p>The two "
        "ports will share a booking system for trucks from June.</p></article></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert [b.line for b in r.blocks] == [1, 2, 3]
    assert texts(r)[1].strip("“”") == _PULLED
    assert not [f for f in r.furniture if f.kind == "pull-quote"]
    # repeating the text's words, it is furniture alone, whether the extractor took it or not
    repeats = page.replace(_PULLED, "The two ports will share a booking system for trucks")
    r = read_text(repeats, "p.html", Problems(), fmt="html")
    assert [b.line for b in r.blocks] == [1, 3]
    assert [f.line for f in r.furniture if f.kind == "pull-quote"] == [2]


def test_a_stamp_after_a_place_and_a_writer_parted_by_a_dash_is_the_pages_date() -> None:
    """An Arabic news page sets under its headline "باكو - أحمد الحسيني" (the place, a dash,
    the writer) beside "الأربعاء 23 أبريل 2025 - 14:35": the dash made the label four words,
    one more than a label may be, and the page had no date (walk 66). The signs between a
    label's words are no words of it."""
    r, problems = read_page("pages/arabic-place-writer-stamp.html")
    assert not list(problems)
    fields = {k: (f.value, f.line) for k, f in r.fields.items()}
    assert fields["published"] == ("2025-04-23", 17) and fields["time"] == ("14:35", 17)
    assert r.blocks[0].line == 19


@pytest.mark.parametrize(
    ("meta", "stamp"),
    [
        ("Baku - Farid Aliyev | 23 April 2025 14:35", ("2025-04-23", "14:35")),
        ("Business · Farid Aliyev · 23 April 2025 14:35", ("2025-04-23", "14:35")),
        ("Ministry of Foreign Affairs of Azerbaijan 23 April 2025 14:35", None),  # 6 words
    ],
)
def test_the_signs_between_a_labels_words_do_not_count(
    meta: str, stamp: tuple[str, str] | None
) -> None:
    page = (
        f"<html><body><article><h1>Ferries</h1><div class='meta'>{meta}</div>"
        f"{_BEFORE}{_AFTER}</article></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    got = (r.fields["published"].value, r.fields["time"].value) if "time" in r.fields else None
    assert got == stamp


def test_a_published_documents_headings_between_its_paragraphs_are_read() -> None:
    """A page Google Docs published ("Publish to the web"): the extractor dropped its
    section headings, "Summary" and "Outlook" (walk 66). A heading standing just above a
    paragraph it took, in their parent, is the text's (an empty paragraph between them
    too)."""
    r, problems = read_page("pages/google-docs-published.html")
    assert not list(problems)
    assert [(b.role, b.text[:30]) for b in r.blocks] == [
        ("body", "Prepared by the Caspian Transi"),
        ("heading", "Summary"),
        ("body", "Freight on the Middle Corridor"),
        ("body", "- Container traffic through Ak"),
        ("body", "- Two new ferries are due on t"),
        ("heading", "Outlook"),
        ("body", "The association expects 5.2 mi"),
        ("body", "Contact: observatory@example.o"),
    ]


@pytest.mark.parametrize(
    "heading",
    [
        # a list's heading, the list of links not taken
        '<h3 class="c1">Related reports</h3><ul><li><a href="/r1">Caspian ports in 2024</a></li>'
        '<li><a href="/r2">Ferries of the Caspian</a></li></ul>',
        '<h3 class="c1"><a href="/r1">Caspian ports in 2024</a></h3>',  # a link to another
    ],
)
def test_a_heading_missed_not_above_a_paragraph_or_of_a_link_is_not_read(heading: str) -> None:
    page = (FIXTURES / "pages/google-docs-published.html").read_text(encoding="utf-8")
    page = page.replace('<h2 class="c1" id="h.ghi"><span class="c0">Outlook</span></h2>', heading)
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert [b.text for b in r.blocks if b.role == "heading"] == ["Summary"]
    assert not [t for t in texts(r) if "Related" in t or "Caspian ports" in t]


def test_a_print_views_address_after_its_text_in_another_language_is_its_address() -> None:
    """A Russian site's print view ends its text with "Адрес материала: https://..." in a
    ``<p>`` of its own: it was the text's last paragraph, and the page had no address
    (walk 66). A block of a label saying the address is the page's own ("address of the
    material") and the address alone is furniture, and gives the page's address when it
    names none of its own; "URL: https://..." in the text stays a reference's (see
    test_only_one_address_printed_after_its_label_in_the_furniture_is_the_pages)."""
    r, problems = read_page("pages/print-view-address-ru.html")
    assert not list(problems)
    assert (r.fields["url"].value, r.fields["url"].line) == (
        "https://kaspvestnik.example/news/2025/04/23/paromy.html",
        19,
    )
    assert not [t for t in texts(r) if "Адрес материала" in t]
    assert ("address", 19) in [(f.kind, f.line) for f in r.furniture]


@pytest.mark.parametrize(
    "line",
    [
        "Article URL: https://caspiantimes.example/news/ferries",
        "Ссылка на материал: https://kaspvestnik.example/news/paromy.html",
        "本文链接：https://www.example.cn/2025-04/23/c_1.htm",
    ],
)
def test_a_printed_address_after_the_text_is_furniture_the_canonical_kept(line: str) -> None:
    page = (
        "<html><head><link rel='canonical' href='https://example.org/a'></head><body><article>"
        f"<h1>Ferries</h1>{_BEFORE}{_AFTER}<p>{line}</p></article></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert r.fields["url"].value == "https://example.org/a"
    assert [f.kind for f in r.furniture if f.text == line] == ["address"]
    assert len(texts(r)) == 2


def test_a_sentence_naming_an_address_is_text() -> None:
    said = "The report's URL: https://example.org/report.pdf was sent to reporters on Monday."
    page = (
        f"<html><body><article><h1>Ferries</h1>{_BEFORE}<p>{said}</p>{_AFTER}"
        "</article></body></html>"
    )
    r = read_text(page, "p.html", Problems(), fmt="html")
    assert said in texts(r) and "url" not in r.fields
