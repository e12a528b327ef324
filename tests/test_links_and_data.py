"""Cross-links computed by the loader, and the JSON data the build writes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from archive_site.errors import ArchiveError
from archive_site.load import load_archive
from archive_site.model import Archive
from archive_site.readers import formats
from conftest import COMMENTARY, CONTENT, INTERVIEW, ROOT, BuiltSite, cli, run_cli


@pytest.fixture(scope="module")
def archive() -> Archive:
    return load_archive(CONTENT, strict=True)


# --- cross-links ---------------------------------------------------------------------


def test_citations_by_article_and_paragraph(archive: Archive) -> None:
    links = archive.links
    cited = {c.milestone for c in links.citations_by_article[COMMENTARY]}
    assert cited == {
        "diplomatic-relations-established",
        "belt-and-road-support",
        "strategic-partnership-declaration",
        "territorial-integrity-mutual-support",
        "aliyev-xinhua-interview",
        "transport-corridors",
    }
    p3 = {c.milestone for c in links.citations_by_paragraph[(COMMENTARY, "p3")]}
    assert p3 == {"diplomatic-relations-established"}
    # every citation points back at a source of its milestone
    for (article, paragraph), cites in links.citations_by_paragraph.items():
        for c in cites:
            s = archive.milestone(c.milestone).sources[c.index]
            assert (s.article, s.paragraph) == (article, paragraph)


def test_a_longer_name_an_entity_is_not_hides_its_names_there() -> None:
    """ "Shanghai" in "Shanghai Cooperation Organisation" (the British spelling no alias had)
    or "Shanghai Spirit", "Astana" in "Astana Declaration", were mentions of the cities."""
    from archive_site.load.index import name_finder
    from archive_site.model import Entity

    city = Entity("shanghai", "Shanghai", "place", (), not_names=("Shanghai Spirit",))
    sco = Entity("sco", "Shanghai Cooperation Organization", "organisation", ("SCO",))
    finder = name_finder([city, sco])
    text = (
        "The Shanghai Spirit guides the SCO; Shanghai hosted the Shanghai Cooperation Organization."
    )
    assert [(text[s:e], k) for s, e, k in finder.find(text)] == [
        ("SCO", "sco"),
        ("Shanghai", "shanghai"),
        ("Shanghai Cooperation Organization", "sco"),
    ]


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        ("Spirit of Shanghai Cooperation", None),  # holds the name: fine
        ("Shanghaiese", "warning: not: 'Shanghaiese' is not a longer name holding one of the"),
        ("Shanghai", "warning: not: 'Shanghai' is not a longer name holding one of the entity's"),
        # another entity's name in it: its mentions would be hidden too
        ("Shanghai Cooperation Organization Forum", "holds a name of entity 'sco'"),
    ],
)
def test_an_entity_s_not_names_must_hold_one_of_its_names(
    project_copy: Path, phrase: str, message: str | None
) -> None:
    entities = project_copy / "content/entities.yaml"
    text = entities.read_text(encoding="utf-8")
    entities.write_text(text.replace("    - Shanghai Spirit\n", f"    - {phrase}\n"), "utf-8")
    result = cli("check", "--strict", cwd=project_copy)
    if message is None:
        assert result.returncode == 0, result.stderr
    else:
        assert result.returncode == 1 and message in result.stderr, result.stderr
        assert "content/entities.yaml:" in result.stderr


def test_entities_are_found_in_the_text_by_alias(archive: Archive) -> None:
    links = archive.links
    # "One Belt, One Road" in the commentary and "Belt and Road" in the interview are one entity
    assert set(links.articles_by_entity["belt-and-road"]) == {INTERVIEW, COMMENTARY}
    # "Central Corridor" (commentary), "Middle Corridor" and its long name (interview)
    assert set(links.articles_by_entity["middle-corridor"]) == {INTERVIEW, COMMENTARY}
    texts = {
        archive.article(m.article).paragraph(m.paragraph).text[m.start : m.end]  # type: ignore[union-attr]
        for m in links.mentions_by_entity["middle-corridor"]
    }
    assert texts == {
        "Middle Corridor",
        "Trans-Caspian International Transport Route",
        "Central Corridor",
    }
    sco = {
        archive.article(m.article).paragraph(m.paragraph).text[m.start : m.end]  # type: ignore[union-attr]
        for m in links.mentions_by_entity["sco"]
    }
    assert "SCO" in sco
    # The longest name wins: "Shanghai Cooperation Organization summit held in Astana" is the event.
    summit = {
        archive.article(m.article).paragraph(m.paragraph).text[m.start : m.end]  # type: ignore[union-attr]
        for m in links.mentions_by_entity["sco-summit-astana-2024"]
    }
    assert "Shanghai Cooperation Organization summit held in Astana" in summit
    # "Shanghai Spirit" (the interview's ¶29) names no city: the entity says so (not:)
    shanghai = {
        archive.article(m.article).paragraph(m.paragraph).text[m.end : m.end + 7]  # type: ignore[union-attr]
        for m in links.mentions_by_entity["shanghai"]
    }
    assert " Spirit" not in shanghai
    # Whole words only: "Chinese" is not a mention of China, "UN" not of "UNESCO".
    for m in links.mentions_by_entity["china"]:
        p = archive.article(m.article).paragraph(m.paragraph)
        assert p is not None and p.text[m.start : m.end] in ("China", "People's Republic of China")
    # Nothing from the page furniture: "Pope Leo XIV" or "Shusha" never count.
    assert "armenia" in links.articles_by_entity and links.articles_by_entity["armenia"] == (
        COMMENTARY,
    )


def test_entity_milestones_years_and_topics(archive: Archive) -> None:
    links = archive.links
    assert "strategic-partnership-declaration" in links.milestones_by_entity["xi-jinping"]
    assert links.milestones_by_year[1992] == ("diplomatic-relations-established",)
    assert set(links.milestones_by_year[2021]) == {
        "non-aligned-movement-chair"
    }  # 2019/2023 covers 2021
    assert links.articles_by_year[2025] == (COMMENTARY, INTERVIEW)
    assert "first-export-train" in links.milestones_by_topic["transport"]
    # no milestone is dated from the "News line" (19 and 16 May 2025)
    assert all(m.date.edtf[:7] != "2025-05" for m in archive.milestones)


def test_the_commentary_and_the_interview_are_related_both_ways(archive: Archive) -> None:
    (to_interview,) = archive.links.related_articles[COMMENTARY]
    (to_commentary,) = archive.links.related_articles[INTERVIEW]
    assert to_interview.article == INTERVIEW
    assert to_interview.reasons == ("responds-to", "shared-milestones")
    assert to_commentary.article == COMMENTARY
    assert to_commentary.reasons == ("responded-by", "shared-milestones")
    assert "strategic-partnership-declaration" in to_interview.milestones


def test_co_occurring_entities(archive: Archive) -> None:
    companions = dict(archive.links.co_entities["xi-jinping"])
    assert companions["ilham-aliyev"] >= 8
    # most frequent first, ties by name: nobody appears with Xi Jinping more often than Aliyev
    ranked = list(companions.values())
    assert ranked == sorted(ranked, reverse=True)
    assert companions["ilham-aliyev"] == ranked[0]


def test_markdown_links_to_unknown_records_are_errors(project_copy: Path) -> None:
    path = project_copy / "content/milestones.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "Azerbaijan and China establish diplomatic relations.",
        "Azerbaijan and China establish [diplomatic relations](milestone:no-such-thing).",
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ArchiveError) as info:
        load_archive(project_copy / "content")
    (d,) = info.value.diagnostics
    assert d.path == "content/milestones.yaml"
    assert d.message == "link: unknown milestone 'no-such-thing'"
    assert "milestone:no-such-thing" in text.splitlines()[d.line - 1]  # type: ignore[operator]


# --- the JSON data -------------------------------------------------------------------


def load_json(site: BuiltSite, name: str) -> object:
    return json.loads((site.root / "data" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["articles", "milestones", "entities", "topics"])
def test_data_files_follow_their_published_schemas(site: BuiltSite, name: str) -> None:
    data = load_json(site, f"{name}.json")
    schema = load_json(site, f"{name}.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)  # type: ignore[arg-type]
    jsonschema.validate(data, schema)  # type: ignore[arg-type]


def test_the_articles_schema_names_every_reader() -> None:
    """It named four of the six readers: an archive with a saved page or wire copy wrote
    an articles.json its own schema refused."""
    schema = json.loads(
        (ROOT / "src/archive_site/render/schemas/articles.schema.json").read_text("utf-8")
    )
    assert tuple(schema["items"]["properties"]["format"]["enum"]) == formats()


def test_milestones_json(site: BuiltSite, archive: Archive) -> None:
    data = load_json(site, "milestones.json")
    assert isinstance(data, list) and len(data) == len(archive.milestones) == 34
    by_id = {m["id"]: m for m in data}
    first = by_id["diplomatic-relations-established"]
    assert first["date"] == "1992-04-02" and first["precision"] == "day"
    assert first["sources"][1] == {
        "article": COMMENTARY,
        "paragraph": "p3",
        "quote": "since the establishment of diplomatic relations on April 2, 1992, our bilateral "
        "cooperation has yielded many fruitful results",
        "prefix": None,
        "suffix": None,
        "speaker": "ilham-aliyev",
        "voice": "reported",
        "interpreted": False,
        "url": f"articles/{COMMENTARY}.html#p3",
    }
    # every source says who makes the statement, or that the source names no one (Xinhua's
    # question giving a figure "according to Azerbaijani sources"); the dependent
    # commentary is no second line
    assert all(s["voice"] for m in data for s in m["sources"])
    assert all(s["speaker"] or s["voice"] == "unattributed" for m in data for s in m["sources"])
    assert first["independent_sources"] == 1
    assert by_id["strategic-partnership-declaration"]["independent_sources"] == 1
    assert {d["reason"] for d in first["dependencies"]} == {"responds-to", "reports-words"}
    assert by_id["first-export-train"]["inferred"] is True
    assert by_id["non-aligned-movement-chair"]["date"] == "2019/2023"
    assert data[0]["id"] == "diplomatic-relations-established"


def test_articles_json(site: BuiltSite) -> None:
    data = load_json(site, "articles.json")
    assert isinstance(data, list)
    assert [a["id"] for a in data] == [COMMENTARY, INTERVIEW]
    commentary, interview = data
    assert (commentary["published"], commentary["time"], commentary["author"]) == (
        "2025-04-23",
        "11:03",
        "Madina Mammadova",
    )
    assert (interview["published"], interview["kind"], interview["outlet"]) == (
        "2025-04-21",
        "interview",
        "AzerNews",
    )
    assert interview["paragraphs"][1]["role"] == "question"
    assert all("News line" not in p["text"] for p in commentary["paragraphs"])
    capture = site.root / commentary["capture"]
    import hashlib

    assert hashlib.sha256(capture.read_bytes()).hexdigest() == commentary["sha256"]
    assert capture.read_bytes() == (CONTENT / f"articles/{COMMENTARY}.capture.txt").read_bytes()


def test_timelinejs_and_citations(site: BuiltSite) -> None:
    tl = load_json(site, "timeline.json")
    assert isinstance(tl, dict)
    event = next(e for e in tl["events"] if e["unique_id"] == "non-aligned-movement-chair")
    assert event["start_date"] == {"year": "2019"} and event["end_date"] == {"year": "2023"}
    csl = load_json(site, "citations.json")
    assert isinstance(csl, list)
    interview = next(c for c in csl if c["id"] == INTERVIEW)
    assert interview["type"] == "interview"
    assert interview["author"] == [{"family": "Aliyev", "given": "Ilham"}]
    assert interview["interviewer"] == [{"literal": "Xinhua News Agency"}]
    bib = (site.root / "data/citations.bib").read_text(encoding="utf-8")
    assert f"@article{{{COMMENTARY}," in bib and "author = {Mammadova, Madina}" in bib
    ris = (site.root / "data/citations.ris").read_text(encoding="utf-8")
    assert ris.count("TY  - NEWS") == 2 and ris.count("ER  -") == 2


def test_two_builds_give_byte_identical_trees(project_copy: Path) -> None:
    # One in a new interpreter, one in this process: another hash seed, other modules loaded.
    first = run_cli("--output", "one", cwd=project_copy)
    second = cli("--output", "two", cwd=project_copy)
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    one = {
        p.relative_to(project_copy / "one"): p.read_bytes()
        for p in (project_copy / "one").rglob("*")
        if p.is_file()
    }
    two = {
        p.relative_to(project_copy / "two"): p.read_bytes()
        for p in (project_copy / "two").rglob("*")
        if p.is_file()
    }
    assert one.keys() == two.keys()
    assert [k for k in one if one[k] != two[k]] == []
    assert len(one) > 100


def test_a_file_given_in_parts_is_written_whole_and_never_joined(tmp_path: Path) -> None:
    """A render worker joined articles.json (80 MB at 10,000 articles) into one string, then
    copied it twice more to add its brackets: its memory rose by 250 MB for that one file."""
    from archive_site import write
    from archive_site.model import Output

    parts = [bytes([65 + n % 26]) * (n * 997 % 70_000) for n in range(120)]
    write.Files(tmp_path).write(Output("a/data.json", parts))
    assert (tmp_path / "a/data.json").read_bytes() == b"".join(parts)
    batches = list(write._chunked(parts))  # what is joined: batches of about a megabyte
    assert sum(map(len, parts)) > 3 * write.BATCH_BYTES
    assert b"".join(batches) == b"".join(parts) and len(batches) >= 3
    assert all(len(b) < write.BATCH_BYTES + 70_000 for b in batches)


def test_the_data_files_of_records_are_made_in_parts(archive: Archive) -> None:
    """Each record's line is a part of its own (the worker writing the file holds no copy of
    it whole), and the parts make the file the site publishes."""
    from archive_site.render.export import DataParts, data_files

    files = data_files(archive, DataParts(archive, lambda text: text))
    made = files["articles.json"]()
    assert not isinstance(made, bytes | list)  # made as written, a part at a time
    articles = list(made)
    assert len(articles) == 2 * len(archive.articles) + 1
    assert [a["id"] for a in json.loads(b"".join(articles))] == [a.id for a in archive.articles]
    for name in ("milestones.json", "milestones.csv", "timeline.json", "citations.bib"):
        made = files[name]()
        assert not isinstance(made, bytes | list), name
        assert len(list(made)) > len(archive.articles), name
