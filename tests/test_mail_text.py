"""An e-mail saved as text by a mail program (walk63's leftover, walk64): its head (``From:
... <...@...>``, ``Sent:``, ``To:``, ``Subject:``) was the text's first paragraph, the
archivist's own address in it, with no title, date or outlet read."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_site.errors import Problems
from archive_site.readers import Reading, detect_format, read_text

MAIL = Path(__file__).parent / "fixtures/mail"


def read(text: str, name: str = "mail.txt") -> Reading:
    return read_text(text, name, Problems(), fmt=detect_format(text, name))


def fields(r: Reading) -> dict[str, tuple[str, int]]:
    return {k: (f.value, f.line) for k, f in r.fields.items()}


def test_outlook_s_text_head_is_furniture_and_says_the_sender_subject_and_day() -> None:
    r = read((MAIL / "outlook-saved-as-text.txt").read_text(encoding="utf-8"))
    assert r.format == "plain"
    assert fields(r) == {
        "outlet": ("The Caspian Brief", 1),
        "published": ("2025-04-23", 2),  # (no time: Outlook names no zone)
        "title": ("The Caspian Brief: Ferries, freight and the Middle Corridor", 4),
    }
    assert r.blocks[0].line == 6 and r.blocks[0].text.startswith("Good morning. Freight")
    assert [(f.kind, f.line) for f in r.furniture] == [("mail-head", n) for n in (1, 2, 3, 4)]
    assert not any("@" in b.text for b in r.blocks)


def test_thunderbird_s_text_head_gives_the_time_with_its_zone() -> None:
    r = read((MAIL / "thunderbird-saved-as-text.txt").read_text(encoding="utf-8"))
    assert r.format == "wire"  # (a dateline opens its text: news copy under the head)
    assert fields(r) == {
        "title": ("Caspian Ports Weekly — 24 April 2025", 1),
        "outlet": ("Caspian Ports Weekly", 2),
        "published": ("2025-04-24", 3),
        "time": ("07:30", 3),
        "timezone": ("+04:00", 3),
        "dateline": ("BAKU, April 24 —", 6),
    }
    assert r.blocks[0].text.startswith("The Port of Baku")
    assert [(f.kind, f.line) for f in r.furniture] == [("mail-head", n) for n in (1, 2, 3, 4)]


def test_an_agency_s_story_under_a_mail_head_is_read_as_news_copy() -> None:
    """walk64's leftover: an agency's story sent by e-mail and saved as text was plain text,
    its date header, headline and dateline its first three paragraphs."""
    r = read((MAIL / "agency-story-saved-as-text.txt").read_text(encoding="utf-8"))
    assert r.format == "wire"
    assert fields(r) == {
        "outlet": ("Trend News Agency", 1),  # (the sender: the copy names no outlet)
        "published": ("2025-04-23", 6),  # the copy's own stamp, with its time and zone
        "time": ("16:40", 6),
        "timezone": ("+04:00", 6),
        "title": ("Azerbaijan, China sign agreement on Middle Corridor cargo", 8),
        "dateline": ("BAKU, Azerbaijan, April 23.", 10),
    }
    assert [b.line for b in r.blocks] == [10, 12, 14]
    assert r.blocks[0].text.startswith("Azerbaijan and China have signed")
    head = [(f.kind, f.line) for f in r.furniture if f.kind == "mail-head"]
    assert head == [("mail-head", n) for n in (1, 2, 3, 4)]
    assert not any("@" in b.text or "16:40" in b.text for b in r.blocks)


def test_a_forward_s_text_head_is_the_forwarded_message_s() -> None:
    """walk64's leftover: the forwarder's note and the forwarded message's head were the
    text's first paragraphs, and its sender and day unread (only a note asked for them)."""
    r = read((MAIL / "outlook-forward-saved-as-text.txt").read_text(encoding="utf-8"))
    assert fields(r) == {
        "outlet": ("The Caspian Brief", 9),
        "published": ("2025-04-23", 10),  # (no time: Outlook names no zone)
        "title": ("The Caspian Brief: Ferries, freight and the Middle Corridor", 11),
    }
    assert r.notes == ()
    assert [b.text[:13] for b in r.blocks] == ["Good morning."]
    assert [(f.kind, f.line) for f in r.furniture] == [
        *(("mail-head", n) for n in (1, 2, 3, 4)),
        *(("forwarded", n) for n in (6, 8, 9, 10, 11)),
    ]
    assert r.furniture[4].text == "Thought you would want this one."
    assert r.furniture[0].text == "From: Ayla Friend <ayla@example.net>"


def test_gmail_s_forward_in_thunderbird_s_text_save() -> None:
    r = read((MAIL / "gmail-forward-saved-as-text.txt").read_text(encoding="utf-8"))
    assert fields(r) == {
        "outlet": ("Caspian Ports Weekly", 11),
        "published": ("2025-04-24", 12),  # not the forward's 25 April, nor its time
        "title": ("Caspian Ports Weekly — 24 April 2025", 13),  # ("Fwd:" is the forward's)
    }
    assert [b.line for b in r.blocks] == [17, 19]
    forwarded = [f.text for f in r.furniture if f.kind == "forwarded"]
    assert forwarded[:3] == [
        "Have a look at the second item.",
        "Jane",
        "---------- Forwarded message ---------",
    ]


def test_a_forward_of_a_forward_is_the_first_message_s() -> None:
    text = (
        "From: Ayla Friend <ayla@example.net>\nSent: Saturday, April 26, 2025 10:02 AM\n"
        "To: Researcher <me@example.org>\nSubject: FW: Fwd: Caspian Ports Weekly\n\n"
        "See below.\n\n________________________________\n"
        "From: Jane Roe <jane.roe@example.org>\nSent: Friday, April 25, 2025 9:14 AM\n"
        "To: Ayla Friend <ayla@example.net>\nSubject: Fwd: Caspian Ports Weekly\n\nFYI\n\n"
        "Begin forwarded message:\n\n"
        "From: Caspian Ports Weekly <editor@caspianports.example>\n"
        "Subject: Caspian Ports Weekly\nDate: 24 April 2025 at 07:30:05 GMT+4\n"
        "To: jane.roe@example.org\n\n"
        "The Port of Baku handled 1.2 million tonnes of cargo in the first quarter.\n"
    )
    r = read(text)
    assert fields(r) == {
        "outlet": ("Caspian Ports Weekly", 18),
        "title": ("Caspian Ports Weekly", 19),
        "published": ("2025-04-24", 20),
        "time": ("07:30", 20),  # (the head names its zone)
        "timezone": ("+04:00", 20),
    }
    assert [(b.line, b.text[:8]) for b in r.blocks] == [(23, "The Port")]
    forwarded = {f.line for f in r.furniture if f.kind == "forwarded"}
    assert forwarded == {6, 8, 9, 10, 11, 12, 14, 16, 18, 19, 20, 21}


def test_a_forward_whose_forwarded_head_names_no_sender_asks_for_it() -> None:
    text = (
        "From: Ayla Friend <ayla@example.net>\nSent: Friday, April 25, 2025 12:02 PM\n"
        "Subject: FW: Ferries\n\n-----Original Message-----\n"
        "Sent: Wednesday, April 23, 2025 6:01 AM\nSubject: Ferries\n\n"
        "Freight on the Middle Corridor grew by 60 percent in the first quarter.\n"
    )
    r = read(text)
    assert fields(r) == {"published": ("2025-04-23", 6), "title": ("Ferries", 7)}
    assert [line for line, _ in r.notes] == [3]
    assert "does not say its 'outlet'" in r.notes[0][1]
    no_head = text.replace("Sent: Wednesday, April 23, 2025 6:01 AM\nSubject: Ferries\n", "")
    r = read(no_head)
    assert fields(r) == {} and "is a forward ('FW: Ferries')" in r.notes[0][1]


def test_a_memo_s_typed_head_and_outlook_s_mailto_form() -> None:
    memo = (
        "From: Minister of Transport\nTo: All heads of department\nDate: 23 April 2025\n"
        "Subject: Ferry schedule\n\nThe ferry line will add two vessels in May.\n"
    )
    r = read(memo)
    assert fields(r) == {} and r.blocks[0].text.startswith("From: Minister of Transport")
    mailto = (
        "From: The Caspian Brief [mailto:news@caspianbrief.com]\n"
        "Sent: Wednesday, April 23, 2025 6:01 AM\nTo: Researcher\nSubject: Ferries\n\n"
        "Freight on the Middle Corridor grew by 60 percent in the first quarter.\n"
    )
    assert fields(read(mailto))["outlet"] == ("The Caspian Brief", 1)
    no_blank = mailto.replace("Subject: Ferries\n\n", "Subject: Ferries\n")
    assert fields(read(no_blank)) == {}  # (no blank line ends the head: none)


def test_outlook_s_german_forward_is_read_by_its_original_message_s_head() -> None:
    """walk65's leftover: German Outlook opens the forwarded message with "-----Ursprüngliche
    Nachricht-----", which was no mark of a forward: the mark and the forwarded head were a
    paragraph of the text, and its day, "Mittwoch, 23. April 2025 06:01", no stamp."""
    r = read((MAIL / "outlook-forward-de-saved-as-text.txt").read_text(encoding="utf-8"))
    assert fields(r) == {
        "outlet": ("The Caspian Brief", 9),
        "published": ("2025-04-23", 10),  # (no time: Outlook names no zone)
        "title": ("The Caspian Brief: Fähren, Fracht und der Mittlere Korridor", 11),
    }
    assert r.notes == ()
    assert [b.line for b in r.blocks] == [13, 15]
    assert [(f.kind, f.line) for f in r.furniture][4:] == [
        ("forwarded", n) for n in (6, 8, 9, 10, 11)
    ]


@pytest.mark.parametrize(
    "mark",
    [
        "-----Message d'origine-----",
        "-----Mensaje original-----",
        "-----Messaggio originale-----",
        "-----Mensagem original-----",
        "-----Oorspronkelijk bericht-----",
    ],
)
def test_outlook_s_mark_of_the_original_message_in_other_languages(mark: str) -> None:
    text = (
        "From: Ayla Friend <ayla@example.net>\nSent: Friday, April 25, 2025 12:02 PM\n"
        f"Subject: FW: Ferries\n\nFYI\n\n{mark}\n"
        "From: The Caspian Brief <newsletter@caspianbrief.com>\n"
        "Sent: Wednesday, April 23, 2025 6:01 AM\nSubject: Ferries\n\n"
        "Freight on the Middle Corridor grew by 60 percent in the first quarter.\n"
    )
    r = read(text)
    assert fields(r)["outlet"] == ("The Caspian Brief", 8)
    assert [b.text[:7] for b in r.blocks] == ["Freight"]


def test_a_forward_quoting_the_message_whole_is_read_unquoted() -> None:
    """A forward "inline, quoted" (Thunderbird's, mutt's): the forwarded head and text each
    line opening with ">". Its head was not followed (a note asked for the sender and the
    day) and its paragraphs kept their marks ("> Good morning. ... > first quarter")."""
    r = read((MAIL / "thunderbird-forward-quoted-saved-as-text.txt").read_text(encoding="utf-8"))
    assert r.format == "plain"
    assert fields(r) == {
        "title": ("The Caspian Brief: Ferries, freight and the Middle Corridor", 9),
        "published": ("2025-04-23", 10),
        "time": ("06:01", 10),
        "timezone": ("+04:00", 10),
        "outlet": ("The Caspian Brief", 11),
    }
    assert r.notes == ()
    assert [(b.line, b.text) for b in r.blocks] == [
        (
            14,
            "Good morning. Freight on the Middle Corridor grew by 60 percent in the first "
            "quarter, the route's association said on Tuesday.",
        ),
        (17, "The ferries between Alat and Aktau now sail twice a week."),
    ]
    assert [(f.kind, f.line) for f in r.furniture][4:] == [
        ("forwarded", n) for n in (6, 8, 9, 10, 11, 12)
    ]


def test_a_quotation_that_is_not_a_forward_or_not_its_end_is_left_as_written() -> None:
    """A reply quoting a message, or a forward whose own words follow the quotation, is
    not read as the quoted message: its lines keep their marks."""
    reply = (
        "From: Ayla Friend <ayla@example.net>\nSent: Friday, April 25, 2025 12:02 PM\n"
        "Subject: Re: Ferries\n\n> Do the ferries sail twice a week now?\n\nYes, since March.\n"
    )
    r = read(reply)
    assert [b.text for b in r.blocks] == [
        "> Do the ferries sail twice a week now?",
        "Yes, since March.",
    ]
    forward = (MAIL / "thunderbird-forward-quoted-saved-as-text.txt").read_text(encoding="utf-8")
    r = read(forward + "\nSee the second paragraph.\n")
    assert "outlet" not in fields(r) and r.notes
    assert r.blocks[-2].text.startswith("> -------- Forwarded Message --------")
