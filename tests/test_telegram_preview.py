"""A Telegram channel's post saved from its web preview (``t.me/channel/4512``), walk65: no
text was found (the extractor took none, and the post's widget was a "sidebar"), its title
was the channel's name and its outlet "Telegram"."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_site.errors import Problems
from archive_site.readers import Reading, read_text

PAGE = Path(__file__).parent / "fixtures/pages/telegram-post-preview.html"


def read(page: str) -> Reading:
    return read_text(page, "p.html", Problems(), fmt="html")


def test_a_telegram_post_s_preview_is_read_as_the_post() -> None:
    r = read(PAGE.read_text(encoding="utf-8"))
    assert {k: (f.value, f.line) for k, f in r.fields.items()} == {
        "outlet": ("Caspian Ports", 23),  # the channel, not "Telegram"
        "published": ("2025-04-22", 26),
        "time": ("09:41", 26),
        "timezone": ("+00:00", 26),  # (as the page gives it: UTC)
        "url": ("https://t.me/caspianports/4512", 20),
    }  # no title: the channel's name is none, and a post has no headline
    assert [(b.line, b.text[:30]) for b in r.blocks] == [
        (24, "🚢 The port of Alat handled 1.1"),
        (24, "Container traffic grew by 35%,"),
    ]
    assert [(f.kind, f.text) for f in r.furniture if f.line == 24] == [
        ("signature", "@caspianports")
    ]
    assert not any("1.1 million" in f.text for f in r.furniture)
    assert r.notes == ()


def test_a_forwarded_post_names_its_origin_and_a_line_break_parts_no_paragraph() -> None:
    page = PAGE.read_text(encoding="utf-8").replace(
        '<div class="tgme_widget_message_text',
        '<div class="tgme_widget_message_forwarded_from accent_color">Forwarded from '
        '<a class="tgme_widget_message_forwarded_from_name" href="https://t.me/azportal">'
        "<span>Azerbaijan Ports Portal</span></a></div>\n"
        '<div class="tgme_widget_message_text',
    )
    page = page.replace("earlier.<br/><br/>Container", "earlier.<br/>Container")
    r = read(page)
    assert r.fields["origin"].value == "Azerbaijan Ports Portal"
    assert r.fields["outlet"].value == "Caspian Ports"
    assert len(r.blocks) == 1 and r.blocks[0].text.startswith("🚢 The port of Alat")
    assert "earlier. Container traffic" in r.blocks[0].text


def test_a_post_s_widget_in_another_site_s_page_and_a_channel_s_page() -> None:
    # a news page holding a saved widget of a post: the news page's text, not the post's
    post = PAGE.read_text(encoding="utf-8")
    widget = post[post.index('<div class="tgme_widget_message text') : post.index("</body>")]
    news = (
        "<html><head><meta property='og:site_name' content='Caspian Times'></head><body>"
        "<article><h1>Alat port grows</h1><p>The port of Alat grew again in the first quarter,"
        " its operator said on Tuesday, as freight from China rose.</p><p>Officials expect"
        " more trains from Xi'an to reach Baku this year, the operator said.</p>"
        f"{widget}</article></body></html>"
    )
    r = read(news)
    assert r.fields["outlet"].value == "Caspian Times"
    assert r.blocks[0].text.startswith("The port of Alat grew again")
    # a page of several posts is the one its address names (t.me/caspianports/4512), and
    # none else (see test_a_channel_s_page_naming_none_of_its_posts_is_refused_saying_what_to_do)
    two = post.replace('data-post="caspianports/4512"', 'data-post="caspianports/4511"')
    body = two[
        two.index('<div class="tgme_widget_message_wrap') : two.index('<div class="tgme_footer')
    ]
    channel = post.replace('<div class="tgme_footer', body + '<div class="tgme_footer')
    r = read(channel)
    assert r.fields["outlet"].value == "Caspian Ports"
    assert (r.fields["url"].value, r.fields["url"].line) == ("https://t.me/caspianports/4512", 20)


CHANNEL = Path(__file__).parent / "fixtures/pages/telegram-channel.html"


def test_a_channel_s_page_scrolled_to_a_post_is_read_as_that_post() -> None:
    """A channel's page of several posts (``t.me/s/caspianports/4512``, a post's "Context"
    link) was read as the extractor's pick, the last post, with the channel's name as its
    title, "Telegram" as its outlet and no day (walk65 left it). Its address names the
    post: that one is read, as its own page is."""
    r = read(CHANNEL.read_text(encoding="utf-8"))
    assert {k: (f.value, f.line) for k, f in r.fields.items()} == {
        "outlet": ("Caspian Ports", 39),
        "published": ("2025-04-22", 41),
        "time": ("09:41", 41),
        "timezone": ("+00:00", 41),
        "url": ("https://t.me/caspianports/4512", 37),
    }
    assert [(b.line, b.text[:30]) for b in r.blocks] == [
        (40, "🚢 The port of Alat handled 1.1"),
        (40, "Container traffic grew by 35%,"),
    ]
    assert not any("Akademik" in b.text or "Lianyungang" in b.text for b in r.blocks)
    page = CHANNEL.read_text(encoding="utf-8").replace(
        "/s/caspianports/4512", "/s/caspianports/4510"
    )
    r = read(page)
    assert r.fields["published"].value == "2025-04-21"
    assert [b.text[:20] for b in r.blocks] == ["The ferry Akademik T", "Sailings will be twi"]


@pytest.mark.parametrize(
    "address",
    [
        '<link rel="canonical" href="https://t.me/s/caspianports">',
        '<link rel="canonical" href="https://t.me/s/caspianports/4499">',  # (a post not in it)
    ],
)
def test_a_channel_s_page_naming_none_of_its_posts_is_refused_saying_what_to_do(
    address: str,
) -> None:
    page = CHANNEL.read_text(encoding="utf-8").replace(
        '<link rel="canonical" href="https://t.me/s/caspianports/4512">', address
    )
    problems = Problems()
    r = read_text(page, "p.html", problems, fmt="html")
    assert r.blocks == ()
    assert [(d.severity, d.line) for d in problems] == [("error", 19)]
    message = next(iter(problems)).message
    assert message.startswith("a Telegram channel's page of 3 posts (t.me/s/channel)")
    assert "https://t.me/channel/NUMBER" in message
