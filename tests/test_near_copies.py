"""A lightly edited copy is one line of evidence with its original; two independent reports
that share a statement's quoted words, stock background or a passage of a speech are two."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from archive_site.cache import RecordCache
from archive_site.load import near_copies
from archive_site.load.evidence import compute_evidence, dependencies, long_texts
from archive_site.load.near_copies import Words
from archive_site.model import Article, Source
from conftest import cli
from records import article, milestone

#: A wire story whose every paragraph has a number in words, a name, "said", a British
#: spelling or a day: each light edit below changes every paragraph, so that no paragraph
#: is word for word the original's (the exact rule finds nothing).
STORY = (
    "The new rail ferry between Baku and Kuryk carried its first forty wagons of grain on "
    "Tuesday, the port authority said on Tuesday.",
    "The ferry, built at the Baku shipyard over three years, can carry up to fifty wagons on "
    "each crossing and will sail twice a week, officials said.",
    "President Ilham Aliyev, who opened the shipyard in 2018, said the vessel was a sign of "
    "the growing role of the Middle Corridor in trade between China and Europe.",
    "Officials expect the route to move one million tonnes of freight a year by the end of "
    "the decade, according to a plan the transport ministry said it would publish.",
    "The port's general manager said the organisation had spent twelve months modernising "
    "its centre for rail traffic and training its labour force, Aliyev's office said.",
    "Freight volumes on the corridor rose by sixty-two percent last year, and Aliyev said "
    "the government wanted them to double again by the end of 2027.",
)

EDITS: dict[str, tuple[tuple[str, str], ...]] = {
    "numbers written as digits": (
        ("forty", "40"),
        ("three", "3"),
        ("one million", "1,000,000"),
        ("twelve", "12"),
        ("sixty-two percent", "62%"),
        ("2018", "two thousand eighteen"),
    ),
    "a typo fixed in each paragraph": (
        ("Tuesday, the", "Tuesday, teh"),
        ("crossing", "corssing"),
        ("growing", "growng"),
        ("freight a year", "frieght a year"),
        ("modernising", "modernisng"),
        ("double", "doubel"),
    ),
    "'said on Tuesday' as 'said', and a word swapped": (
        (" on Tuesday, the port authority said on Tuesday", ", the port authority said"),
        (r"\bsaid\b", "stated"),
        ("last year", "in 2024"),
    ),
    "a clause cut from each paragraph": (
        (" on Tuesday, the port authority said on Tuesday", ""),
        (", built at the Baku shipyard over three years,", ""),
        (", who opened the shipyard in 2018,", ""),
        (", according to a plan the transport ministry said it would publish", ""),
        (" and training its labour force", ""),
        (", and Aliyev said the government", ", and officials"),
    ),
    "a name transliterated, American spelling": (
        ("Aliyev", "Aliev"),
        ("Kuryk", "Kurik"),
        ("organisation", "organization"),
        ("modernising", "modernizing"),
        ("centre", "center"),
        ("labour", "labor"),
        ("percent", "per cent"),
        ("tonnes", "tons"),
        ("crossing", "trip"),
        ("built at", "constructed at"),
    ),
}


def _edited(edits: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    out = []
    for text in STORY:
        for old, new in edits:
            text = re.sub(old, new, text)
        out.append(text)
    return tuple(out)


def _pair(first_texts: tuple[str, ...], later_texts: tuple[str, ...]) -> list[Article]:
    first = dataclasses.replace(article("first", "2024-05-07", first_texts), outlet="Wire")
    later = dataclasses.replace(article("later", "2024-05-08", later_texts), outlet="Digest")
    return [first, later]


def _found(articles: list[Article]) -> list[tuple[str, str, str]]:
    return [(d.article, d.on, d.reason) for d in dependencies(articles, [])]


@pytest.mark.parametrize("edits", EDITS.values(), ids=EDITS.keys())
def test_a_lightly_edited_copy_is_found(edits: tuple[tuple[str, str], ...]) -> None:
    """Each light edit, made in every paragraph, leaves no paragraph word for word the
    same: the copy was an independent line of evidence (as in trust57's repro, below)."""
    copy = _edited(edits)
    assert all(a != b for a, b in zip(STORY, copy, strict=True))
    assert _found(_pair(STORY, copy)) == [("later", "first", "shares-text")]


def test_a_copy_with_its_own_lede_and_intro_and_paragraphs_joined_is_found() -> None:
    """An outlet rewriting the lede, adding a paragraph of its own, joining two paragraphs
    and writing numbers its own way carries the rest of the story."""
    numbers = _edited(EDITS["numbers written as digits"])
    copy = (
        "Our correspondent in Baku on a ferry that could change how the region trades.",
        "A ferry linking Azerbaijan and Kazakhstan made its maiden grain run this week.",
        f"{numbers[1]} {numbers[2]}",
        *numbers[3:],
    )
    assert _found(_pair(STORY, copy)) == [("later", "first", "shares-text")]


def test_a_short_story_with_its_numbers_restyled_is_found() -> None:
    """trust57's repro: three short paragraphs, each with a number written otherwise."""
    story = (
        "The new rail ferry between Baku and Kuryk carried its first forty wagons of grain "
        "on Friday, the port authority said.",
        "The ferry, built at the Baku shipyard over three years, can carry up to fifty "
        "wagons on each crossing of the sea.",
        "Officials expect the route to move one million tonnes of freight a year by the end "
        "of the decade, according to the plan.",
    )
    copy = tuple(
        t.replace("forty", "40").replace("fifty", "50").replace("one million", "1 million")
        for t in story
    )
    assert _found(_pair(story, copy)) == [("later", "first", "shares-text")]


_STATEMENT = (
    "China is ready to work with Azerbaijan to deepen the comprehensive strategic "
    "partnership and to open new chapters in transport, energy and the digital economy",
    "The two sides will expand cooperation along the Middle Corridor and we welcome more "
    "Azerbaijani goods on the Chinese market, including wine, tea and fruit",
    "We believe the visit of President Aliyev will bring the relationship to a new stage "
    "and open broad prospects for practical cooperation between our countries",
)
_STOCK = (
    "Azerbaijan and China established diplomatic relations on April 2, 1992.",
    "The Middle Corridor, also known as the Trans-Caspian International Transport Route, "
    "links China to Europe via Kazakhstan, the Caspian Sea, Azerbaijan and Georgia.",
)
_SPEECH = (
    "Dear friends, I am glad to welcome you to Baku for the opening of the new terminal of "
    "our international sea trade port.",
    "Over the last twenty years we have built a modern transport infrastructure in "
    "Azerbaijan, and today our country is one of the reliable transit routes between Asia "
    "and Europe.",
    "The Middle Corridor is not just a project for us, it is a strategic choice, and we will "
    "continue to invest in our ports, our railways and our fleet so that goods can move "
    "faster and cheaper.",
    "I congratulate all the workers and engineers who built this terminal and wish them "
    "success in their work.",
)

NEGATIVES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "two reports of one briefing, quoting three long sentences of it": (
        (
            "Beijing wants closer ties with Baku ahead of a state visit by the Azerbaijani "
            "president, a Chinese diplomat told journalists on Tuesday.",
            f'"{_STATEMENT[0]}," spokesperson Mao Ning said at the regular briefing.',
            f'"{_STATEMENT[1]}," she said.',
            "Azerbaijani officials have sought Chinese investment in ports and railways since "
            "the war in Ukraine rerouted freight away from Russia.",
            f'"{_STATEMENT[2]}," Mao said.',
        ),
        (
            "The Chinese government on Tuesday welcomed the upcoming trip of Ilham Aliyev and "
            "promised more cooperation on trade routes.",
            f'"{_STATEMENT[0]}," Mao Ning told reporters in Beijing.',
            "The spokesperson also answered questions on tariffs and the South China Sea, "
            "which were not related to Azerbaijan.",
            f'"{_STATEMENT[1]}," the spokeswoman added. "{_STATEMENT[2]}."',
        ),
    ),
    "two stories keeping one stock background paragraph, another nearly": (
        (
            "A delegation of Chinese investors visited the Alat free trade zone on Monday to "
            "study sites for a car assembly plant and a logistics centre.",
            "The zone's chairman told the visitors that tax breaks would last twenty years "
            "and that land could be leased for up to ninety-nine years.",
            _STOCK[0],
            _STOCK[1].replace("links China", "connects China"),
        ),
        (
            "Azerbaijani winemakers signed contracts worth eight million dollars with Chinese "
            "importers at a trade fair in Shanghai this week.",
            "Exports of wine to China have risen fourfold in three years, the export "
            "promotion agency said, and now make up a tenth of all wine exports.",
            _STOCK[0],
            _STOCK[1],
        ),
    ),
    "a story and the same outlet's follow-up": (
        (
            "The rail ferry between Baku and Kuryk suspended sailings on Monday after a "
            "storm damaged the loading ramp at the port of Alat, the port authority said.",
            "Workers were assessing the damage and it was not clear when the service would "
            "resume, a spokesman for the authority said by telephone.",
            "The ferry, built at the Baku shipyard over three years, can carry up to fifty "
            "wagons on each crossing and normally sails twice a week.",
            "Freight forwarders said some shipments of grain and cotton from Kazakhstan were "
            "being diverted to the ferry from Aktau.",
        ),
        (
            "The rail ferry between Baku and Kuryk will resume sailings next Tuesday after "
            "repairs to the loading ramp at the port of Alat, the port authority said.",
            "The ramp was damaged by a storm on Monday, forcing the authority to suspend the "
            "service and divert some shipments to the ferry from Aktau.",
            "The ferry, built at the Baku shipyard over three years, can carry up to fifty "
            "wagons on each crossing and normally sails twice a week.",
            "The authority said the repairs had cost about two hundred thousand manats and "
            "that the ramp had been strengthened against future storms.",
            "Forwarders welcomed the news but said the week-long halt had delayed about three "
            "hundred wagons of grain and cotton bound for Georgia.",
        ),
    ),
    "a speech's transcript and a report quoting a long passage of it": (
        _SPEECH,
        (
            "President Ilham Aliyev opened a new terminal at the port of Baku on Thursday and "
            "restated his commitment to the trans-Caspian trade route.",
            f'"{_SPEECH[1]}" he said.',
            f'"{_SPEECH[2][:-1]}," Aliyev told the audience.',
            "The speech came as freight volumes on the route have slowed this year after two "
            "years of rapid growth, according to data from the Kazakh railway.",
        ),
    ),
}


@pytest.mark.parametrize("texts", NEGATIVES.values(), ids=NEGATIVES.keys())
def test_independent_reports_sharing_quotes_or_stock_lines_stay_apart(
    texts: tuple[tuple[str, ...], tuple[str, ...]],
) -> None:
    assert _found(_pair(*texts)) == []


def test_a_digest_of_several_stories_joins_none_of_them() -> None:
    """A digest holding four stories whole holds most of each, but each is a small part of
    it: the four stay independent of one another (and of it)."""
    stories = [
        dataclasses.replace(article(f"s{n}", "2024-05-07", (text,)), outlet=f"Outlet {n}")
        for n, text in enumerate(
            (" ".join(STORY[:2]), " ".join(STORY[2:4]), " ".join(STORY[4:]), " ".join(_SPEECH[1:3]))
        )
    ]
    digest = dataclasses.replace(
        article("digest", "2024-05-08", tuple(a.paragraphs[0].text for a in stories)),
        outlet="Digest",
    )
    assert _found([*stories, digest]) == []


def test_a_paragraph_end_many_articles_hold_makes_no_pair(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Stock lines held by more than STOCK articles join no two of them, and no two are
    even compared: 200 stories keeping the same two background paragraphs, each with
    paragraphs of its own, are compared with none, and no article's words are read (the
    cost grows with the articles, not with their pairs).  The exact rule, which pairs each
    with the first to hold them, reads each article's words once at most."""
    profiled: list[int] = []
    made = near_copies._Profile.of
    monkeypatch.setattr(
        near_copies._Profile,
        "of",
        classmethod(lambda cls, texts: profiled.append(1) or made(texts)),
    )
    stories = [
        dataclasses.replace(
            article(
                f"a{n:03d}",
                "2024-05-07",
                (
                    f"Story number {n} tells of its own events in words of its own, item {n}.",
                    *_STOCK,
                    f"{_STOCK[1]} Item {n}.",
                ),
            ),
            outlet=f"Outlet {n}",
        )
        for n in range(near_copies.STOCK * 12)
    ]
    texts = long_texts(stories)
    assert near_copies._candidates(texts) == []
    assert list(near_copies.near_copies(texts, lambda one, other: False, Words())) == []
    assert profiled == []
    assert [d for d in dependencies(stories, []) if d.reason == "shares-text"] == []
    assert len(profiled) <= len(stories)


def test_the_milestone_says_a_near_copy_shares_most_of_its_text(tmp_path: Path) -> None:
    """milestones.json and the milestone's page say what was found, not that the two carry
    the same words: the shorter shares most of its text with the other."""
    content = tmp_path / "content"
    assert (
        cli("init", str(content), "--title", "T", "--subject", "s", "--publisher", "P").returncode
        == 0
    )
    (content / "topics.yaml").write_text("- id: t\n  title: T\n  description: T.\n")
    copy = _edited(EDITS["numbers written as digits"])[:5]
    for ident, day, outlet, title, texts in (
        ("wire", "2024-05-07", "Wire", "Ferry carries grain", STORY),
        ("digest", "2024-05-08", "Digest", "Grain ferry", copy),
    ):
        (content / "articles" / f"{ident}.capture.txt").write_text("\n\n".join(texts) + "\n")
        (content / "articles" / f"{ident}.meta.yaml").write_text(
            f"format: plain\ntitle: {title}\npublished: {day}\noutlet: {outlet}\nkind: news\n"
        )
    (content / "milestones.yaml").write_text(
        "- id: first-grain\n  date: 2024-05-07\n  date_note: The Tuesday before the copy.\n"
        "  title: First grain\n  topics: [t]\n  summary: S.\n  sources:\n"
        "    - article: wire\n      quote: carried its first forty wagons of grain\n"
        "    - article: digest\n      quote: can carry up to fifty wagons\n"
    )
    out = tmp_path / "out"
    assert cli("build", "-q", "--content", str(content), "-o", str(out)).returncode == 0
    (m,) = json.loads((out / "data/milestones.json").read_text())
    assert m["independent_sources"] == 1
    text = "Grain ferry shares most of its text with Ferry carries grain"
    assert m["dependencies"] == [
        {
            "article": "digest",
            "depends_on": "wire",
            "reason": "shares-text",
            "via": None,
            "text": text,
        }
    ]
    assert text in (out / "milestones/first-grain.html").read_text()


_BACKGROUND = (
    "The port of Baku handled 7.2 million tonnes of cargo last year, up from 6.1 million "
    "tonnes a year earlier, according to its annual report.",
    "Azerbaijan has invested more than two billion dollars in the port and in the railway "
    "from Baku to the Georgian border since 2010.",
)
_MONDAY = (
    "Four ship-to-shore cranes made in China arrived at the port of Baku on Monday and will "
    "be installed at the new container terminal by September.",
    "The cranes, each able to lift sixty-five tonnes, were shipped by rail to Aktau and then "
    "carried across the sea on a barge, the port said.",
    *_BACKGROUND,
    "The port plans to raise its container capacity to half a million units a year once the "
    "second stage of the terminal is completed.",
)
_FRIDAY = (
    "The port of Baku and Georgian Railway signed an agreement on Friday on through tariffs "
    "for containers travelling from the Caspian to the Black Sea.",
    "Under the deal, a container from Baku to Poti will cost the same whether it goes by way "
    "of Tbilisi or the new line through Kars, officials said.",
    *_BACKGROUND,
    "The two companies also agreed to set up a joint office in Tbilisi to track shipments "
    "and answer customers' questions in one place.",
)


def test_two_stories_keeping_the_same_two_background_paragraphs_are_two() -> None:
    """One agency's stories of two days, each keeping the same two background paragraphs
    word for word, were one text (trust57: "a shared stock background of two paragraphs
    joins two independent reports"): what they hold in common is two fifths of each."""
    assert _found(_pair(_MONDAY, _FRIDAY)) == []


def test_two_reports_printing_one_briefing_s_paragraphs_are_two() -> None:
    """Two reports printing three paragraphs of one briefing word for word ('"...," she
    said.') were one text: the quoted words weigh a quarter of the reporters' own."""
    quoted = tuple(f'"{s}," she said.' for s in _STATEMENT)
    one = (
        "Beijing wants closer ties with Baku ahead of a state visit by the Azerbaijani "
        "president, a Chinese diplomat told journalists on Tuesday.",
        *quoted[:2],
        "Azerbaijani officials have sought Chinese investment in ports and railways since the "
        "war in Ukraine rerouted freight away from Russia.",
        quoted[2],
        "Trade between the two countries reached about three billion dollars last year, "
        "according to customs figures cited by the ministry in Baku.",
    )
    other = (
        "The Chinese government on Tuesday welcomed the upcoming trip of Ilham Aliyev and "
        "promised more cooperation on trade routes.",
        quoted[0],
        "The spokesperson also answered questions on tariffs and the South China Sea, which "
        "were not related to Azerbaijan.",
        *quoted[1:],
        "Aliyev is expected to sign more than a dozen documents during the visit, his office "
        "said, without giving details of their content.",
    )
    assert _found(_pair(one, other)) == []


def test_a_copy_cut_to_two_paragraphs_word_for_word_is_still_one_text() -> None:
    """What the exact rule found stays found when the two paragraphs are most of one text:
    a copy keeping two paragraphs of a longer story, and one adding a line of its own."""
    assert _found(_pair(_MONDAY, _MONDAY[1:3])) == [("later", "first", "same-origin")]
    added = (*_MONDAY[1:3], "Our readers in Aktau sent us photographs of the barge.")
    assert _found(_pair(_MONDAY, added)) == [("later", "first", "same-origin")]


def test_what_comparing_two_articles_gave_is_kept_for_the_next_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build with the record cache compares again only the pairs of which an article
    changed (its cache key): reading the words of 2,000 near copies took 5 s of every
    load, an edit's too.  What is kept is what comparing gave, the same either way."""
    read: list[int] = []
    profile = near_copies._Profile.of
    monkeypatch.setattr(
        near_copies._Profile,
        "of",
        classmethod(lambda cls, texts: (read.append(1), profile(texts))[1]),
    )
    first, later = _pair(STORY, _edited(EDITS["numbers written as digits"]))
    # a cut copy, its shared words weighed
    exact = [dataclasses.replace(a, id=f"cut-{a.id}") for a in _pair(STORY, STORY[:3])]
    both = {"cut-first": "k4", "cut-later": "k5"}

    def compare(keys: dict[str, str]) -> tuple[bool, bool, int]:
        read.clear()
        cache = RecordCache(tmp_path / "cache", "salt")
        words = Words(near_copies.PairMemo(cache, keys))
        found = (words.near_copy(later, first), words.mostly_shared(*exact))
        cache.save()
        return (*found, len(read))

    assert compare({"first": "k1", "later": "k2", **both}) == (True, True, 4)  # each read
    assert compare({"first": "k1", "later": "k2", **both}) == (True, True, 0)  # kept
    assert compare({"first": "k1", "later": "k3", **both}) == (True, True, 2)  # one changed
    assert compare({"first": "k1", **both}) == (True, True, 2)  # one without a key
    read.clear()
    assert Words().near_copy(later, first) and len(read) == 2  # no cache: compared


def test_an_article_page_says_which_related_articles_are_one_text_with_it(tmp_path: Path) -> None:
    """An article page's "Related" list tells a reader what the milestone's page tells: that
    a copy the evidence found in the words (lightly edited, or word for word) is not
    independent of it, in the milestone page's words, even when no milestone cites both;
    an independent report on the same events is still "On the same events"."""
    content = tmp_path / "content"
    assert (
        cli("init", str(content), "--title", "T", "--subject", "s", "--publisher", "P").returncode
        == 0
    )
    (content / "topics.yaml").write_text("- id: t\n  title: T\n  description: T.\n")
    own = (
        "Grain began moving across the Caspian by rail ferry this week, the first such cargo "
        "since the route was announced, according to traders in Aktau.",
        "Traders said the price of a crossing was still higher than by road through Russia, "
        "but that the wait at the border had fallen to two days from nine.",
        "Kazakhstan's grain union said it hoped to send a quarter of its exports to Europe "
        "this way within five years if the tariffs came down.",
    )
    for ident, day, outlet, title, texts in (
        ("wire", "2024-05-07", "Wire", "Ferry carries grain", STORY),
        (
            "digest",
            "2024-05-08",
            "Digest",
            "Grain ferry",
            _edited(EDITS["numbers written as digits"]),
        ),
        ("paper", "2024-05-09", "Paper", "Grain by ferry", STORY[:4]),
        ("own", "2024-05-09", "Own", "Grain goes west", own),
    ):
        (content / "articles" / f"{ident}.capture.txt").write_text("\n\n".join(texts) + "\n")
        (content / "articles" / f"{ident}.meta.yaml").write_text(
            f"format: plain\ntitle: {title}\npublished: {day}\noutlet: {outlet}\nkind: news\n"
        )
    (content / "milestones.yaml").write_text(
        "- id: first-grain\n  date: 2024-05-07\n  date_note: The wire's day.\n"
        "  title: First grain\n  topics: [t]\n  summary: S.\n  sources:\n"
        "    - article: wire\n      quote: carried its first forty wagons of grain\n"
        "    - article: own\n      quote: the wait at the border had fallen\n"
    )
    out = tmp_path / "out"
    assert cli("build", "-q", "--content", str(content), "-o", str(out)).returncode == 0
    wire = (out / "articles/wire.html").read_text()
    related = wire[wire.index('id="h-rel"') :]
    # the near copy, which no milestone cites, and the exact copy, cut
    assert (
        "One line of evidence with this article (Grain ferry shares most of its text with Ferry "
        "carries grain): <a" in related
    )
    assert (
        "One line of evidence with this article (Grain by ferry and Ferry carries grain carry "
        in (related)
    )
    assert "On the same events: <a" in related and ">Grain goes west</a>" in related
    digest = (out / "articles/digest.html").read_text()
    assert (
        "One line of evidence with this article (Grain ferry shares most of its text with "
        in digest
    )
    own_page = (out / "articles/own.html").read_text()
    assert "One line of evidence with" not in own_page


#: An agency's report in Azerbaijani, and in Russian (its "ё" as Russian outlets write it).
_AZ = (
    "Prezident İlham Əliyev çərşənbə günü Bakıda Qazaxıstanın xarici işlər naziri Murat "
    "Nurtleunu qəbul edib, bu barədə Prezidentin mətbuat xidməti məlumat verib.",
    "Görüşdə Orta Dəhlizin inkişafı, Xəzər dənizi vasitəsilə daşımaların həcminin "
    "artırılması və Bakı gəmiqayırma zavodunda yeni bərələrin tikintisi müzakirə olunub.",
    "Qeyd olunub ki, ötən il Aktau və Ələt limanları arasında yükdaşımaların həcmi qırx "
    "faiz artaraq üç milyon tonu ötüb.",
    "Nazir İlham Əliyevə Prezident Kasım-Jomart Tokayevin salamlarını və Astanaya rəsmi "
    "səfərə dəvətini çatdırıb.",
)
_RU = (
    "Президент Азербайджана Ильхам Алиев принял в Баку министра иностранных дел Казахстана "
    "Мурата Нуртлеу, о чём сообщает пресс-служба главы государства.",
    "Стороны обсудили развитие Среднего коридора, рост объёмов перевозок через Каспийское "
    "море и строительство новых паромов на бакинской верфи.",
    "Было отмечено, что в прошлом году объём грузоперевозок между портами Актау и Алят вырос "
    "на сорок процентов и превысил три миллиона тонн.",
    "Министр передал Ильхаму Алиеву приветствие президента Казахстана и приглашение посетить "
    "Астану с официальным визитом, а также обсудил объём инвестиций.",
)
_ASCII_KEYBOARD = str.maketrans(
    {"İ": "I", "ı": "i", "ə": "e", "Ə": "E", "ç": "c", "ş": "s", "ğ": "g", "ö": "o", "ü": "u"}
)


@pytest.mark.parametrize(
    "texts, copy",
    [
        (_AZ, tuple(t.translate(_ASCII_KEYBOARD) for t in _AZ)),
        (_RU, tuple(t.replace("ё", "е") for t in _RU)),
    ],
    ids=["Azerbaijani typed without its letters", "Russian without ё"],
)
def test_a_copy_written_without_its_letters_marks_is_found(
    texts: tuple[str, ...], copy: tuple[str, ...]
) -> None:
    """A copy typed on a keyboard without the language's letters ("Ilham Eliyev" for
    "İlham Əliyev"), or by an outlet that writes "е" for "ё", is the same text: its every
    paragraph differed from the original's, so no rule found it (two lines of evidence)."""
    assert all(a != b for a, b in zip(texts, copy, strict=True))
    assert _found(_pair(texts, copy)) == [("later", "first", "shares-text")]


#: A Chinese agency's report, and another's of the same meeting in its own words.
_ZH = (
    "新华社巴库4月9日电 阿塞拜疆总统阿利耶夫9日在巴库会见哈萨克斯坦外长努尔特列乌，双方就中间走廊"
    "发展、扩大跨里海运输规模以及在巴库造船厂建造新渡轮等问题交换了意见。",
    "双方指出，去年阿克套港与阿利亚特港之间的货运量增长百分之四十，超过三百万吨，跨里海国际运输走廊"
    "的作用日益凸显。",
    "努尔特列乌转达了托卡耶夫总统对阿利耶夫的问候，并邀请阿利耶夫对哈萨克斯坦进行正式访问。阿利耶夫"
    "表示，阿方愿同哈方进一步加强在交通物流领域的合作。",
)
_ZH_OWN = (
    "中新网4月10日电 据哈萨克斯坦媒体报道，哈萨克斯坦外长努尔特列乌当地时间9日在阿塞拜疆首都巴库与"
    "阿塞拜疆总统举行会谈，重点讨论过境运输问题。",
    "报道援引哈方代表团消息人士称，会谈主要涉及轮渡运价问题，哈萨克斯坦粮食出口商认为目前运价过高，"
    "影响了经跨里海路线出口的竞争力。",
    "哈萨克斯坦计划在未来几年内每年经跨里海路线运输多达一千万吨货物，其中包括来自卡沙甘油田的石油。",
)


def test_chinese_copies_are_one_text_and_chinese_reports_of_one_meeting_two() -> None:
    """Chinese has no spaces between its words: each paragraph was one word, no paragraph
    was long, and a copy word for word or lightly edited was an independent line."""
    assert _found(_pair(_ZH, _ZH)) == [("later", "first", "same-origin")]
    edited = tuple(
        t.replace("交换了意见", "深入交换意见")
        .replace("日益凸显", "更加突出")
        .replace("正式访问", "国事访问")
        for t in _ZH
    )
    assert all(a != b for a, b in zip(_ZH, edited, strict=True))
    assert _found(_pair(_ZH, edited)) == [("later", "first", "shares-text")]
    assert _found(_pair(_ZH, _ZH_OWN)) == []


def test_a_chinese_copy_cut_to_half_is_the_shorter_in_the_milestone_s_words() -> None:
    """ "X shares most of its text with Y" names the shorter as X, its characters counted as
    words: counted by their spaces, a Chinese text's words were its paragraphs (and their
    datelines), and a copy cut to half the story in more paragraphs was the "longer"."""
    from archive_site.model import Dependency
    from archive_site.render.views import dependency_text

    first, second = (_ZH[0].split("，", 1), _ZH[1].split("，", 1))
    third = second[1].split("，", 1)
    copy = (first[0] + "，", first[1], second[0] + "，", third[0] + "，", third[1])
    story = (*_ZH, _ZH_OWN[2])
    wire, cut = _pair(story, copy)
    assert sum(len(t.split()) for t in copy) > sum(len(t.split()) for t in story)
    assert _found([wire, cut]) == [("later", "first", "shares-text")]

    class _Archive:
        def article(self, aid: str) -> Article:
            return {"first": wire, "later": cut}[aid]

    said = dependency_text(_Archive(), Dependency("later", "first", "shares-text"))  # type: ignore[arg-type]
    assert said == f"{cut.short_title} shares most of its text with {wire.short_title}"


def test_a_copy_set_as_one_block_is_found() -> None:
    """A copy whose paragraphs run together in one block (an aggregator's, a post's, a text
    whose line breaks were lost) is one text with its original, word for word or lightly
    edited: the rule asked for two paragraphs of each to hold the text in common, which one
    block never does, and each was an independent line."""
    block = (" ".join(STORY),)
    assert _found(_pair(STORY, block)) == [("later", "first", "shares-text")]
    digits = (" ".join(_edited(EDITS["numbers written as digits"])),)
    assert _found(_pair(STORY, digits)) == [("later", "first", "shares-text")]
    # one paragraph of background in common with a one-paragraph brief is no copy
    brief = (
        f"{STORY[3]} The ministry gave no figure for passengers, and the ferry's operator "
        "declined to say how much a crossing would cost or when tickets would go on sale.",
    )
    assert _found(_pair(STORY, brief)) == []


#: A port's statement, as two outlets reprinted it: one paragraph, several sentences.
_BRIEF = (
    "The Port of Baku handled a record 7.1 million tonnes of cargo in 2024, its "
    "administration said on Monday in a statement. The new ferry terminal at Alat will open "
    "to container traffic in June 2025, the statement added, and a second berth is planned "
    "for 2026."
)


@pytest.mark.parametrize(
    "later",
    [
        (_BRIEF,),
        (_BRIEF, "Read more on our site."),  # a short line of the outlet's own
        (
            _BRIEF,
            "The port's administration has published a monthly figure since 2019, and the "
            "ministry of transport expects growth to slow this year as the Russian route "
            "recovers some of the freight that moved south.",
        ),  # a paragraph of its own: the brief is still most of it
    ],
    ids=["whole", "with-a-line", "with-a-paragraph"],
)
def test_a_one_paragraph_text_reprinted_whole_is_one_text(later: tuple[str, ...]) -> None:
    """trust64: two outlets reprinting one statement as one paragraph were two independent
    lines ("2 sources in 2 articles, 2 independent lines of evidence") when a milestone
    quoted one sentence from each: the exact rule asks for two paragraphs in common, and
    the near-copy rule two of each. A text of one paragraph held whole by another is one."""
    pair = _pair((_BRIEF,), later)
    assert _found(pair) == [("later", "first", "same-origin")]
    statement = _BRIEF.index("The new ferry")
    m = milestone(
        "m",
        sources=(
            Source("first", _BRIEF[:20], "p1", 0, 20),
            Source("later", _BRIEF[statement : statement + 20], "p1", statement, statement + 20),
        ),
    )
    (ev,) = compute_evidence(pair, [m]).values()
    assert sorted(map(sorted, ev.lines)) == [["first", "later"]]


@pytest.mark.parametrize(
    ("first", "later"),
    [
        # a short statement (fewer than 24 words): a formula two outlets may both print
        (
            ("The ministry said the port will open in June 2025 as planned.",),
            ("The ministry said the port will open in June 2025 as planned.",),
        ),
        # the brief as a background paragraph of two stories, each with its own lead
        (
            ("Grain exporters in Kazakhstan said on Tuesday they would book more wagons.", _BRIEF),
            ("A storm closed the Alat ferry terminal for a day, port officials said.", _BRIEF),
        ),
        # a digest holding the brief among three others' texts
        ((_BRIEF,), (_BRIEF, *STORY)),
    ],
    ids=["formula", "background", "digest"],
)
def test_a_paragraph_held_whole_that_is_not_most_of_a_text_joins_nothing(
    first: tuple[str, ...], later: tuple[str, ...]
) -> None:
    assert [f for f in _found(_pair(first, later)) if f[2] == "same-origin"] == []


def test_a_one_paragraph_brief_reprinted_lightly_edited_is_one_text() -> None:
    """trust64: the same brief of one paragraph, with a clause moved and a word changed
    within it, was two independent lines: the near-copy rule asked for two paragraphs of
    each. Two texts of one paragraph each, the whole of both, are compared whole."""
    edited = _BRIEF.replace(
        "said on Monday in a statement", "said in a statement on Monday"
    ).replace("will open to container", "is to open to container")
    assert _found(_pair((_BRIEF,), (edited,))) == [("later", "first", "shares-text")]
    # two reports of one statement, each its own prose around the quoted words: two
    quoted = '"The new terminal will open to container traffic in June 2025," the port said.'
    one = f"Baku's port expects its Alat ferry terminal to take boxes from the summer. {quoted}"
    other = f"Container ships will call at Alat soon, officials said on Monday. {quoted}"
    assert _found(_pair((one,), (other,))) == []


#: trust65: the brief's first and last words, as a copying outlet rewrote them.
_BRIEF_EDITS = {
    "its first words": (("The Port of Baku handled", "Baku's seaport handled"),),
    "its last words": (("planned for 2026.", "planned to follow in 2026."),),
    "both": (
        ("The Port of Baku handled", "Baku's seaport handled"),
        ("planned for 2026.", "planned to follow in 2026."),
    ),
}


@pytest.mark.parametrize("edits", _BRIEF_EDITS.values(), ids=_BRIEF_EDITS.keys())
def test_a_brief_whose_first_or_last_words_were_edited_is_one_text(
    edits: tuple[tuple[str, str], ...],
) -> None:
    """trust65: a brief of one paragraph has two ends only; a copy that rewrote its first or
    its last forty characters kept one of them, was never compared, and counted as an
    independent line. A brief is known by its sentences' ends too."""
    edited = _BRIEF
    for old, new in edits:
        edited = edited.replace(old, new)
    assert edited[:40] != _BRIEF[:40] or edited[-40:] != _BRIEF[-40:]
    assert _found(_pair((_BRIEF,), (edited,))) == [("later", "first", "shares-text")]
    # so too a copy of a story set as one block, its first and last words rewritten
    block = " ".join(STORY).replace("The new rail ferry", "A new rail ferry")
    block = block.replace("double again by the end of 2027.", "double by late 2027.")
    assert _found(_pair(STORY, (block,))) == [("later", "first", "shares-text")]


@pytest.mark.parametrize(
    "other",
    [
        # a brief of its own keeping the statement's background sentence, and a formula
        (
            "The new ferry terminal at Alat will open to container traffic in June 2025, the "
            "statement added, and a second berth is planned for 2026. Kazakh exporters said "
            "on Tuesday they expect to book more wagons on the Kuryk route next year, as "
            "freight rates on the northern corridor keep rising and sanctions bite.",
        ),
        # a story of several sentences that shares the statement's first sentence alone
        (
            "The Port of Baku handled a record 7.1 million tonnes of cargo in 2024, its "
            "administration said on Monday in a statement. Georgian ports at Poti and Batumi "
            "reported falling volumes for the same year, and shipping lines blamed high fees "
            "and the slow rail link across the Surami pass for the drop.",
        ),
    ],
    ids=["a-background-sentence", "one-sentence-of-two"],
)
def test_briefs_sharing_one_sentence_of_another_are_two(other: tuple[str, ...]) -> None:
    """trust65: a brief is compared with a text sharing the ends of two of its sentences;
    one sharing one sentence (a background line, a statement's figure), both its ends, is
    its own text, and not even compared."""
    assert near_copies._candidates(long_texts(_pair((_BRIEF,), other))) == []
    assert _found(_pair((_BRIEF,), other)) == []


#: A press release: its lede, three paragraphs of its body, its closing line.
_RELEASE = (
    "Azerbaijan Railways and the Kazakh national railway company signed an agreement in Baku "
    "on Wednesday to set up a joint venture for container traffic on the Middle Corridor.",
    "The joint venture will operate a fleet of four hundred flat wagons and run block trains "
    "between Dostyk on the Chinese border and the port of Alat, with a transit time of no "
    "more than fifteen days from Xian to Baku.",
    "The partners will each hold half of the shares and will invest a combined one hundred "
    "and twenty million dollars in wagons, terminal equipment and a digital booking platform "
    "over the next three years.",
    "The first trains under the new arrangement are expected in the autumn, once the "
    "regulators of both countries have approved the venture and its tariffs for the season.",
    "The agreement was signed by the heads of the two companies in the presence of the "
    "transport ministers of Azerbaijan and Kazakhstan.",
)
#: Light edits each reprint makes to the release's middle, so that no two keep one of its
#: paragraphs word for word (the exact rule would join them).
_LIGHT = (
    (("four hundred", "400"), ("one hundred and twenty", "120"), ("autumn", "fall")),
    (("Xian", "Xi'an"), ("three years", "3 years"), ("the season", "next season")),
    (("fifteen days", "15 days"), ("combined", "total"), ("in the autumn", "this autumn")),
)


def _lightly(texts: tuple[str, ...], edits: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    return tuple(text.replace(old, new) for text, (old, new) in zip(texts, edits, strict=True))


#: Three sites' reprints: each its own first and last paragraphs, the release's middle
#: lightly edited.
_REPRINTS = tuple(
    (lede, *_lightly(_RELEASE[1:4], edits), closing)
    for edits, (lede, closing) in zip(
        _LIGHT,
        (
            (
                "Baku and Astana have moved to speed up container freight across the Caspian, "
                "with their railways agreeing on Wednesday to create a common operator for the "
                "route that bypasses Russia and has drawn growing interest from European buyers.",
                "Analysts said the deal could help the corridor compete with the sea route through "
                "the Suez Canal, which has become more expensive since shipping companies began "
                "avoiding the Red Sea, and with the northern route through Russia and Belarus.",
            ),
            (
                "The national railways of Azerbaijan and Kazakhstan will merge their container "
                "operations on the trans-Caspian route into a single company, according to a "
                "statement issued after talks between the two sides in the Azerbaijani capital.",
                "Kazakhstan has been seeking to raise transit volumes through its territory to ten "
                "million tonnes a year by the end of the decade, and officials in Astana have "
                "repeatedly called for lower tariffs on the Caspian crossing to achieve that.",
            ),
            (
                "Container trains from China to Europe via the Caspian Sea will soon be run by a "
                "single company, as the railways of Azerbaijan and Kazakhstan finalised plans for "
                "a joint operator that both governments have promoted for more than two years now.",
                "Freight through the Middle Corridor reached four and a half million tonnes last "
                "year, according to the association that coordinates the route, still a fraction "
                "of the volumes that travel from China to Europe overland through Russia each year.",
            ),
        ),
        strict=True,
    )
)


def _outlets(texts: tuple[tuple[str, ...], ...], day: int = 7) -> list[Article]:
    return [
        dataclasses.replace(article(f"r{n}", f"2024-05-{day + n:02d}", t), outlet=f"Site {n}")
        for n, t in enumerate(texts)
    ]


def test_a_press_release_reprinted_with_its_own_ends_is_one_line() -> None:
    """A press release three sites reprint, each with its own first and last paragraphs
    (longer than the release's), its middle kept: the three were three independent lines,
    the shorter's text not mostly in the other's (trust66)."""
    reprints = _outlets(_REPRINTS)
    found = _found(reprints)
    assert found == [
        ("r1", "r0", "shares-passage"),
        ("r2", "r0", "shares-passage"),
        ("r2", "r1", "shares-passage"),
    ]
    # a milestone quoting each its own words of the middle: no quote the same in two
    quotes = ("a fleet of 400 flat wagons", "from Xi'an to Baku", "no more than 15 days")
    m = milestone(
        "jv",
        "2024-05",
        tuple(
            Source(a.id, q, "p2", a.paragraphs[1].text.index(q), 0)
            for a, q in zip(reprints, quotes, strict=True)
        ),
    )
    m = dataclasses.replace(
        m, sources=tuple(dataclasses.replace(s, end=s.start + len(s.quote)) for s in m.sources)
    )
    evidence = compute_evidence(reprints, [m])["jv"]
    assert evidence.independent == 1
    assert {d.reason for d in evidence.dependencies} == {"shares-passage"}
    # so too with the release itself, lightly edited in the reprints' middle
    edited = tuple((t[0], t[1].replace("four hundred", "400"), *t[2:]) for t in _REPRINTS)
    assert len(_found(_outlets((_RELEASE, *edited)))) == 6


PASSAGE_NEGATIVES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "two stories keeping the same two background paragraphs": (
        (_REPRINTS[0][0], *_REPRINTS[0][1:3], _REPRINTS[0][-1]),
        (_REPRINTS[1][0], *_REPRINTS[1][1:3], _REPRINTS[1][-1]),
    ),
    "two stories sharing a background paragraph and a closing formula": (
        (_REPRINTS[0][0], _REPRINTS[0][1], _REPRINTS[0][-1], _RELEASE[4]),
        (_REPRINTS[1][0], _REPRINTS[1][1], _REPRINTS[1][-1], _RELEASE[4]),
    ),
    "three paragraphs in common, not in a row": (
        (_REPRINTS[0][1], _REPRINTS[0][0], _REPRINTS[0][2], _REPRINTS[0][-1], _REPRINTS[0][3]),
        (_REPRINTS[1][1], _REPRINTS[1][0], _REPRINTS[1][2], _REPRINTS[1][-1], _REPRINTS[1][3]),
    ),
    "three short paragraphs in a row in common": (
        (
            _REPRINTS[0][0],
            "The trains will run twice a week from June.",
            "Tickets will be sold online by the operator.",
            "Prices were not given by the firm.",
            _REPRINTS[0][-1],
        ),
        (
            _REPRINTS[1][0],
            "The trains will run twice a week from June.",
            "Tickets will be sold online by the operator.",
            "Prices were not given by the firm.",
            _REPRINTS[1][-1],
        ),
    ),
    "two reports of one briefing, quoting three paragraphs of it in a row": (
        (_REPRINTS[0][0], *(f'"{s}," the ministry said.' for s in _STATEMENT), _REPRINTS[0][-1]),
        (_REPRINTS[1][0], *(f'"{s}," a spokesman said.' for s in _STATEMENT), _REPRINTS[1][-1]),
    ),
}


@pytest.mark.parametrize("texts", PASSAGE_NEGATIVES.values(), ids=PASSAGE_NEGATIVES.keys())
def test_two_stories_sharing_background_or_a_formula_share_no_passage(
    texts: tuple[tuple[str, ...], tuple[str, ...]],
) -> None:
    assert _found(_pair(*texts)) == []
