"""Partial dates: parsing, display at each precision, order, and bad input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archive_site.dates import DateError, PartialDate, parse_edtf, parse_partial


@pytest.mark.parametrize(
    ("text", "shown", "precision", "iso"),
    [
        ("1992-04-02", "2 April 1992", "day", "1992-04-02"),
        ("2019-04", "April 2019", "month", "2019-04"),
        ("2016", "2016", "year", "2016"),
        ("2014~", "c. 2014", "year", "2014"),
        ("2014?", "2014?", "year", "2014"),
        ("2014%", "c. 2014?", "year", "2014"),
    ],
)
def test_single_dates_keep_their_precision(text: str, shown: str, precision: str, iso: str) -> None:
    spec = parse_edtf(text)
    assert spec.kind == "single"
    assert spec.display() == shown
    assert spec.precision == precision
    assert spec.start is not None and spec.start.iso == iso
    assert spec.edtf == text


def test_a_year_is_never_shown_as_the_first_of_january() -> None:
    spec = parse_edtf("2016")
    assert "January" not in spec.display()
    assert spec.parts() == (("", PartialDate(2016)),)


@pytest.mark.parametrize(
    ("text", "shown", "years"),
    [
        ("2019/2023", "2019–2023", (2019, 2020, 2021, 2022, 2023)),
        ("2024/2025", "2024–2025", (2024, 2025)),
        ("2024-07/2025", "July 2024 – 2025", (2024, 2025)),
        ("2019/..", "2019 onwards", (2019,)),
        ("../2019", "until 2019", (2019,)),
        ("[..2019-04]", "by April 2019", (2019,)),
        ("[2025-04-21..]", "on or after 21 April 2025", (2025,)),
    ],
)
def test_intervals_and_bounds(text: str, shown: str, years: tuple[int, ...]) -> None:
    spec = parse_edtf(text)
    assert spec.display() == shown
    assert spec.years() == years
    assert spec.edtf == text


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2024-13", "month 13 does not exist"),
        ("2023-02-29", "day 29 does not exist in February 2023"),
        ("24", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("July 2024", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2024/2019", "ends before it starts"),
        ("../..", "at least one known end"),
        ("[2019]", "on or before"),
        ("2024-7-3", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        # hostile59: EDTF's seasons were told only "month 21 does not exist", an interval
        # with an end left empty "expected YYYY ..., got ''"
        ("2025-21", r"month 21 does not exist in '2025-21' \(EDTF's spring 2025, which the"),
        ("2025-24", r"\(EDTF's winter 2025, which the site does not show: give the year, or"),
        ("2025-04-21/", r"interval '2025-04-21/' has no end: write '..' for an end not known"),
        ("/2025", r"has no start: write '..' for an end not known \(../2025\)"),
    ],
)
def test_malformed_dates_say_what_is_wrong(text: str, reason: str) -> None:
    with pytest.raises(DateError, match=reason):
        parse_edtf(text)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("21/04/2025", "2025-04-21"),  # the day first: 21 is no month
        ("4/21/2025", "2025-04-21"),  # the month first: 21 is no month
        ("05.05.2025", "2025-05-05"),
        ("12/05/2025", "2025-05-12 if 12 is the day, 2025-12-05 if it is the month"),
        ("2025/04/21", "2025-04-21"),
        ("2024-7-3", "2024-07-03"),
        ("April 2025", "2025-04"),
        ("Sept. 2024", "2024-09"),
        ("21 April 2025", "2025-04-21"),
        ("April 21, 2025", "2025-04-21"),
    ],
)
def test_a_date_written_as_people_write_it_is_told_how_to_write_it(text: str, written: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_edtf(text)
    assert str(caught.value) == (
        "expected YYYY, YYYY-MM or YYYY-MM-DD (optionally ending in ?, ~ or %), "
        f"got {text!r}: write it {written}"
    )


def test_a_day_that_does_not_exist_written_so_is_named_whole_with_no_suggestion() -> None:
    with pytest.raises(DateError) as caught:
        parse_edtf("31/04/2025")
    assert str(caught.value) == (
        "expected YYYY, YYYY-MM or YYYY-MM-DD (optionally ending in ?, ~ or %), got '31/04/2025'"
    )


def test_leap_day_is_a_real_date() -> None:
    assert parse_edtf("2024-02-29").display() == "29 February 2024"


def test_timeline_order_puts_coarser_dates_after_the_days_they_contain() -> None:
    texts = ["2024", "2024-11-24", "2024-07", "2024-07-03", "[..2024-07-03]", "2023", "2024/2025"]
    ordered = sorted(texts, key=lambda t: parse_edtf(t).sort_key())
    assert ordered == [
        "2023",
        "[..2024-07-03]",
        "2024-07-03",
        "2024-07",
        "2024-11-24",
        "2024",
        "2024/2025",
    ]


@given(
    st.integers(min_value=1000, max_value=2999),
    st.one_of(st.none(), st.integers(min_value=1, max_value=12)),
    st.integers(min_value=1, max_value=28),
    st.sampled_from(["", "?", "~", "%"]),
)
def test_every_written_date_reads_back_the_same(
    year: int, month: int | None, day: int, q: str
) -> None:
    text = f"{year:04d}" if month is None else f"{year:04d}-{month:02d}-{day:02d}"
    parsed = parse_partial(text + q)
    assert parsed.edtf == text + q
    assert parse_edtf(parsed.edtf).start == parsed


def test_a_time_in_utc_written_z_is_shown_as_an_offset() -> None:
    """``timezone: Z`` was shown "(UTCZ)"."""
    import datetime as dt

    from archive_site.model import Published

    day = dt.date(2025, 4, 23)
    assert Published(day, "11:03", "Z").display() == "23 April 2025, 11:03 (UTC+00:00)"
    assert Published(day, "11:03", "+04:00").display() == "23 April 2025, 11:03 (UTC+04:00)"
    assert Published(day, "11:03").display() == "23 April 2025, 11:03 (time zone not stated)"


def test_atom_is_told_when_an_article_was_published_only_to_the_instant_its_source_gives() -> None:
    """Audit trust57: the feed's <published> said 2019-01-01T12:00:00Z of a report dated
    "2019" (and noon UTC of a day the source gives no time of): an instant no source gave.
    <updated>, which Atom requires, keeps its noon; <published> is written only when the
    source gives the time and its zone."""
    import datetime as dt

    from archive_site.model import Published

    day = dt.date(2022, 5, 10)
    late = Published(day, "23:30", "-05:00")
    assert late.instant == late.rfc3339 == "2022-05-10T23:30:00-05:00"
    assert Published(day, "11:03", "Z").instant == "2022-05-10T11:03:00Z"
    assert Published(day, "10:00").instant is None  # (no zone)
    assert Published(day).instant is None
    assert Published(dt.date(2019, 1, 1), precision="year").instant is None
    assert Published(dt.date(2021, 3, 1), precision="month").instant is None
    assert Published(dt.date(2019, 1, 1), precision="year").rfc3339 == "2019-01-01T12:00:00Z"


@pytest.mark.parametrize(
    ("written", "tag"),
    [
        ("az", "az"),
        ("EN_us", "en-us"),
        ("az-Latn-AZ", "az-Latn-AZ"),
        ("en-GB-x-pwn", "en-GB-x-pwn"),  # private use: was refused
        ("de-DE-u-co-phonebk", "de-DE-u-co-phonebk"),  # an extension
        ("en-x", None),
        ("x-pwn", None),
        ('en" onload="x', None),
        ("x onmouseover=alert(1)", None),
        ("en-US-u-ca-gregory-nu-latn-hc-h23", "en-US-u-ca-gregory-nu-latn-hc-h23"),
        # 1 MB of subtags was every listing's, search result's and citation's language
        ("en-" + "-".join(["abcdefgh"] * 100_000), None),
        ("en-" + "-".join(["abcdefgh"] * 11), None),  # 101 characters
        ("en-" + "-".join(["abcdefgh"] * 10) + "-ab", "en-" + "-".join(["abcdefgh"] * 10) + "-ab"),
    ],
)
def test_a_language_tag_is_read_as_bcp_47_writes_it(written: str, tag: str | None) -> None:
    from archive_site.config import language_tag

    assert language_tag(written) == tag
