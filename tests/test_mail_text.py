"""An e-mail saved as text by a mail program (walk63's leftover, walk64): its head (``From:
... <...@...>``, ``Sent:``, ``To:``, ``Subject:``) was the text's first paragraph, the
archivist's own address in it, with no title, date or outlet read."""

from __future__ import annotations

from pathlib import Path

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
    assert fields(r) == {
        "title": ("Caspian Ports Weekly — 24 April 2025", 1),
        "outlet": ("Caspian Ports Weekly", 2),
        "published": ("2025-04-24", 3),
        "time": ("07:30", 3),
        "timezone": ("+04:00", 3),
    }
    assert r.blocks[0].text.startswith("BAKU, April 24 — The Port of Baku")


def test_a_forward_s_text_head_says_no_sender_nor_day_but_a_note() -> None:
    r = read((MAIL / "outlook-forward-saved-as-text.txt").read_text(encoding="utf-8"))
    assert fields(r) == {}
    assert [line for line, _ in r.notes] == [4]
    assert "is a forward ('FW: The Caspian Brief" in r.notes[0][1]
    assert [f.text for f in r.furniture][:1] == ["From: Ayla Friend <ayla@example.net>"]


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
