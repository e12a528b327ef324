"""A later capture of a story the outlet changed after publishing (``updates: EARLIER-ID``):
the two pages name each other, the later says what changed (its headline, which paragraphs
are changed, new or gone), the evidence counts the two as one story, and the warning of a
story captured twice is not given for them.  Nothing tied two captures of one story before:
the site listed them as two articles "on the same events" (tend57)."""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import cast

import pytest

from archive_site.errors import Problems
from archive_site.load import load_archive
from archive_site.load.articles import check_updates, update_rings
from archive_site.model import Archive, Article
from archive_site.render import paging
from archive_site.render.views import WORDS_COMPARED, capture_changes, word_changes
from bounds import within
from conftest import cli, edit
from records import article

EARLIER = "2025-04-23-ednews-strategic-partnership-new-stage"
LATER = "2025-04-25-ednews-partnership-corrected"
ARTICLES = Path("content/articles")


def _later_capture(project: Path, *, meta: str = "", text: bool = True) -> Path:
    """A later capture of EDnews' story: its headline longer, its first paragraph with a
    sentence more, its fifth gone, a paragraph added after its last (``text=False``: the same
    capture saved again, with other line ends); its metadata the earlier's plus ``meta``."""
    folder = project / ARTICLES
    capture = (folder / f"{EARLIER}.capture.txt").read_text(encoding="utf-8")
    if text:
        paragraphs = capture.split("\n\n")
        paragraphs[0] += ", deputy says"
        paragraphs[2] += " The deputy spoke on Tuesday."
        del paragraphs[6]
        paragraphs.insert(8, "The deputy also said that trade between the two grew by a fifth.")
        capture = "\n\n".join(paragraphs)
    else:
        capture = capture.replace("\n", "\r\n")
    return _save_later(project, capture, meta)


def _save_later(project: Path, capture: str, meta: str) -> Path:
    """``capture`` saved as a later capture of EDnews' story, its metadata the earlier's
    (its short title marked v2) plus ``meta``; the metadata file."""
    folder = project / ARTICLES
    (folder / f"{LATER}.capture.txt").write_bytes(capture.encode("utf-8"))
    earlier_meta = (folder / f"{EARLIER}.meta.yaml").read_text(encoding="utf-8")
    later_meta = folder / f"{LATER}.meta.yaml"
    later_meta.write_text(earlier_meta.replace('short_title: "', 'short_title: "v2 ') + meta)
    return later_meta


def _cite_both(project: Path) -> None:
    """A milestone quoting the earlier capture alone quotes the later one too."""
    quote = """Azerbaijan, on the other hand, has always supported Beijing's "One China" policy."""
    edit(
        project / "content/milestones.yaml",
        f"      quote: {quote}\n      speaker: parvin-karimzade\n",
        f"      quote: {quote}\n      speaker: parvin-karimzade\n"
        f"    - article: {LATER}\n      quote: {quote}\n      speaker: parvin-karimzade\n",
    )


def _milestone(out: Path, mid: str) -> dict[str, object]:
    rows = (out / "data/milestones.json").read_text(encoding="utf-8").splitlines()[1:-1]
    found: dict[str, object] = next(
        json.loads(r.rstrip(",")) for r in rows if f'"id": "{mid}"' in r
    )
    return found


def test_a_later_capture_says_what_changed_and_is_one_story(project_copy: Path) -> None:
    _later_capture(project_copy, meta=f"updates: {EARLIER}\ncaptured: 2025-04-25\n")
    _cite_both(project_copy)
    result = cli("build", "-o", "out")
    assert result.returncode == 0, result.stderr
    # the one warning: a milestone quotes the paragraph the later capture took out (no story
    # captured twice)
    assert result.stderr.count("warning") == 2, result.stderr
    assert (
        f"warning: quote: '{LATER}', a later capture of the story of '{EARLIER}', no longer "
        "holds these words" in result.stderr
    )
    out = project_copy / "out"
    later = (out / f"articles/{LATER}.html").read_text(encoding="utf-8")
    note = later.split("A later capture of this story; the earlier is ")[1].split("</p>")[0]
    assert note == (
        f'<a href="{EARLIER}.html">EDnews: the partnership&#39;s new stage</a>. Since then, '
        "the headline has changed (it was “<span>The Azerbaijan-China strategic partnership "
        'is reaching a new stage</span>”), <a href="#p1">¶1</a> is changed, '
        '<a href="#p7">¶7</a> is new, '
        f'<a href="{EARLIER}.html#p5">¶5</a> of the earlier capture is gone.'
    )
    assert "An earlier capture of this story: <a href" in later
    marked = re.findall(
        r'<div class="para" id="(p\d+)">(?:(?!</div>).)*?<p class="meta" data-pagefind-ignore>([^<]*)</p>',
        later,
        re.S,
    )
    assert marked == [("p7", "New since the earlier capture.")]
    # the changed paragraph shows its words then and now: the earlier's ending struck through
    # (said in words to a screen reader), the later's underlined; no word of it searched
    was = later.split('<div class="para" id="p1">')[1].split("</div>")[0]
    details = was.split('<details class="was" data-pagefind-ignore>')[1].split("</details>")[0]
    assert details.startswith(
        '<summary class="meta">Changed since the earlier capture: the words then and now'
    )
    text = re.sub(r"<(?!/?(?:del|ins)>)[^>]*>", "", details.split("</p><p>")[1])
    first = (project_copy / ARTICLES / f"{EARLIER}.capture.txt").read_text(encoding="utf-8")
    then = " ".join(first.split("\n\n")[2].split())
    assert html.unescape(text) == f"{then} <ins>[now: The deputy spoke on Tuesday.]</ins>"
    earlier = (out / f"articles/{EARLIER}.html").read_text(encoding="utf-8")
    assert f'A later capture of this story: <a href="{LATER}.html">' in earlier
    assert 'captured <time datetime="2025-04-25">25 April 2025</time>' in earlier
    assert "A later capture of this story; the earlier" not in earlier
    # one story: one line of evidence, and why
    m = _milestone(out, "territorial-integrity-mutual-support")
    assert m["independent_sources"] == 1
    deps = m["dependencies"]
    assert isinstance(deps, list)
    told = [(d["article"], d["depends_on"], d["reason"], d["text"]) for d in deps]
    assert (
        LATER,
        EARLIER,
        "updates",
        f"{LATER} is a later capture of the story in {EARLIER}",
    ) in told
    assert not [t for t in told if {t[0], t[1]} == {LATER, EARLIER} and t[2] != "updates"]
    articles = (out / "data/articles.json").read_text(encoding="utf-8")
    assert f'"updates": "{EARLIER}"' in articles


def test_a_quote_a_later_capture_no_longer_holds_is_a_warning(project_copy: Path) -> None:
    """A milestone quoting the first capture of a story the outlet has since corrected
    ("will open in 2026", then "2027") gave the words with no sign that the outlet changed
    them: its page said "Parvin Karimzade, as reported by EDnews" of words EDnews no longer
    prints. Quoting words the later capture still holds, or citing the later capture too
    (the page then shows both), is no warning."""
    _later_capture(project_copy, meta=f"updates: {EARLIER}\n")
    milestones = project_copy / "content/milestones.yaml"
    quoted = "political dialogue and economic partnership relations between Azerbaijan and China"

    def warnings() -> list[str]:
        problems = Problems()
        load_archive(project_copy / "content", problems=problems)
        return [d.message for d in problems.warnings if "a later capture" in d.message]

    assert warnings() == [
        f"quote: '{LATER}', a later capture of the story of '{EARLIER}', no longer holds these "
        "words (the outlet changed them, or took them out): quote what it says instead, or "
        "cite it too, so that the milestone shows both"
    ]
    # the earlier words of a paragraph the later capture added a sentence to: no warning
    edit(
        milestones,
        "      quote: Thanks to the Baku-Tbilisi-Kars railway line, the time for transporting"
        " goods from China to Europe has been significantly reduced.\n",
        f"      quote: {quoted}\n",
    )
    assert warnings() == []
    _cite_both(project_copy)
    assert warnings() == []


def test_a_capture_saved_again_unchanged_says_so_and_is_no_story_captured_twice(
    project_copy: Path,
) -> None:
    meta = _later_capture(project_copy, text=False)
    warned = cli("check").stderr
    assert f"the same text as '{EARLIER}', of the same outlet" in warned
    meta.write_text(meta.read_text(encoding="utf-8") + f"updates: {EARLIER}\n")
    result = cli("build", "-o", "out")
    assert result.returncode == 0 and "warning" not in result.stderr, result.stderr
    later = (project_copy / f"out/articles/{LATER}.html").read_text(encoding="utf-8")
    assert ". Its headline and text are as they were.</p>" in later


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (
            "2025-04-23-ednews-strategic-partnership",
            "error: updates: unknown article '2025-04-23-ednews-strategic-partnership' (did you "
            f"mean '{EARLIER}'? see articles/)",
        ),
        (LATER, "error: updates: an article is no later capture of itself"),
        (
            "2025-04-21-aliyev-xinhua-interview",
            "warning: updates: '2025-04-21-aliyev-xinhua-interview' is AzerNews's, this "
            "EDnews's: a later capture is of the same outlet's page (another outlet's copy of "
            "a story names it as 'origin')",
        ),
    ],
)
def test_what_a_later_capture_updates_is_checked(
    project_copy: Path, value: str, problem: str
) -> None:
    meta = _later_capture(project_copy, meta=f"updates: {value}\n")
    line = meta.read_text(encoding="utf-8").count("\n")
    result = cli("check")
    assert result.returncode == (1 if problem.startswith("error") else 0), result.stderr
    shown = problem if problem.startswith("warning") else problem.removeprefix("error: ")
    assert f"{ARTICLES.as_posix()}/{LATER}.meta.yaml:{line}: {shown}" in result.stderr


def test_captures_that_update_one_another_in_a_ring_are_an_error(project_copy: Path) -> None:
    _later_capture(project_copy, meta=f"updates: {EARLIER}\n")
    line = (
        edit(
            project_copy / ARTICLES / f"{EARLIER}.meta.yaml",
            "kind: opinion",
            f"kind: opinion\nupdates: {LATER}",
        )
        + 1
    )
    result = cli("check")
    assert result.returncode == 1
    ring = f"{EARLIER} -> {LATER} -> {EARLIER}"
    assert (
        f"{ARTICLES.as_posix()}/{EARLIER}.meta.yaml:{line}: updates: the captures update one "
        f"another in a ring ({ring}): the first updates none"
    ) in result.stderr


def test_a_ring_of_many_captures_is_one_error_in_its_first_id_s_file(project_copy: Path) -> None:
    """A ring of 30 captures was 30 errors, each listing the whole ring (a ring of 1,000:
    2.6 MB of messages); it is one, told where the ring's first id is. A capture updating
    one of the ring from outside it is in no ring."""
    folder = project_copy / ARTICLES
    meta = (folder / f"{EARLIER}.meta.yaml").read_text(encoding="utf-8")
    capture = (folder / f"{EARLIER}.capture.txt").read_bytes()
    ids = [f"2025-05-01-v{n:02}" for n in range(30)]
    for n, ident in enumerate([*ids, "2025-05-02-outside"]):
        (folder / f"{ident}.capture.txt").write_bytes(capture + f"\n\nVersion {n}.\n".encode())
        earlier = ids[n - 1] if n < len(ids) else ids[5]
        (folder / f"{ident}.meta.yaml").write_text(f"{meta}updates: {earlier}\n", "utf-8")
    result = cli("check")
    assert result.returncode == 1
    assert result.stderr.count("ring") == 1, result.stderr
    ring = " -> ".join([ids[0], *reversed(ids[1:]), ids[0]])
    line = meta.count("\n") + 1
    assert (
        f"{ARTICLES.as_posix()}/{ids[0]}.meta.yaml:{line}: updates: the captures update one "
        f"another in a ring ({ring}): the first updates none"
    ) in result.stderr
    assert result.stderr.startswith("archive-site: 1 error ")


def test_a_long_chain_of_captures_is_checked_in_linear_time() -> None:
    """Each capture of a chain was followed to its end, looked up in a list: 2,000 captures
    each updating the one before took 12 s to check, 4,000 took 143 s."""
    chain = [replace(article(f"v{n}"), updates=f"v{n - 1}" if n else None) for n in range(4000)]
    problems = Problems()
    with within(1):
        check_updates(chain, {}, {a.id for a in chain}, problems)
    assert not list(problems)
    ring = [replace(a, updates="v3999") if a.id == "v0" else a for a in chain]
    assert update_rings({a.id: a for a in ring})["v1234"][:3] == ("v0", "v3999", "v3998")


def test_a_later_capture_made_before_the_earlier_is_a_warning(project_copy: Path) -> None:
    _later_capture(project_copy, meta=f"updates: {EARLIER}\ncaptured: 2025-04-24\n")
    edit(
        project_copy / ARTICLES / f"{EARLIER}.meta.yaml",
        "kind: opinion",
        "kind: opinion\ncaptured: 2025-04-26",
    )
    result = cli("check")
    assert result.returncode == 0
    assert (
        f"warning: updates: this capture was made on 2025-04-24, before '{EARLIER}' "
        "(2025-04-26): which is the later?"
    ) in result.stderr


class _Two:
    """The part of an archive :func:`capture_changes` reads: two articles by id."""

    def __init__(self, *articles: Article) -> None:
        self._by_id = {a.id: a for a in articles}
        self.article_ids = self._by_id.keys()

    def article(self, aid: str) -> Article:
        return self._by_id[aid]


def _changes(old: list[str], new: list[str]) -> tuple[tuple[str, ...], ...]:
    earlier = article("v1", texts=tuple(old))
    later = replace(article("v2", texts=tuple(new)), updates="v1")
    found = capture_changes(cast(Archive, _Two(earlier, later)), later)
    assert found is not None and found.earlier is earlier and found.title is not None
    return found.changed, found.added, found.removed


def test_the_paragraphs_a_capture_changed_are_found_among_many_alike() -> None:
    """Paragraphs both captures open and end with are set aside before they are matched, so
    that 20,000 paragraphs alike (which took minutes to match) say no more than they
    should: nothing changed, or the one that did."""
    many = ["The same line again."] * 20_000
    assert _changes(many, many) == ((), (), ())
    assert _changes(many, [*many[:-1], "Another line."]) == (("p20000",), (), ())
    assert _changes([*many, "A line."], many) == ((), (), ("p20001",))
    assert _changes(["A.", *many], ["B.", "A.", *many]) == ((), ("p1",), ())
    # one paragraph in place of another's two: both are changed
    assert _changes(["a", "b", "c", "d"], ["a", "b 2", "c", "e", "f"]) == (
        ("p2", "p4", "p5"),
        (),
        (),
    )


def test_a_title_the_archivist_gave_says_nothing_of_the_outlet_s_headline(tmp_path: Path) -> None:
    """Two captures of a story's text alone (wire copy, a plain text) hold no headline: the
    titles their metadata give are the archivist's, and that they differ is no headline the
    outlet changed.  The later page said "the headline has changed (it was ...)", and, where
    its text was as it was, "Its headline and text are as they were"."""
    earlier = replace(article("v1", texts=("A.", "B.")), title="Ferry carries grain")
    later = replace(
        article("v2", texts=("A.", "B 2.")),
        title="Ferry carries grain (v2)",
        title_from_capture=False,
        updates="v1",
    )
    found = capture_changes(cast(Archive, _Two(earlier, later)), later)
    assert found is not None and found.title is None and not found.headlines
    assert found.changed == ("p2",)
    # both from their captures, the headline is compared
    headed = replace(later, title_from_capture=True)
    both = capture_changes(cast(Archive, _Two(earlier, headed)), headed)
    assert both is not None and both.headlines and both.title == "Ferry carries grain"
    # what the page says, through a build: the text as it was, nothing of a headline
    content = tmp_path / "content"
    assert (
        cli("init", str(content), "--title", "T", "--subject", "s", "--publisher", "P").returncode
        == 0
    )
    text = (
        "The new rail ferry between Baku and Kuryk carried its first wagons of grain on Tuesday.\n"
    )
    for ident, title, extra in (
        ("v1", "Ferry carries grain", ""),
        ("v2", "Grain ferry (v2)", "updates: v1\n"),
    ):
        (content / "articles" / f"{ident}.capture.txt").write_text(text)
        (content / "articles" / f"{ident}.meta.yaml").write_text(
            f"format: plain\ntitle: {title}\npublished: 2025-04-22\noutlet: Wire\nkind: news\n{extra}"
        )
    out = tmp_path / "out"
    result = cli("build", "-q", "--content", str(content), "-o", str(out))
    assert result.returncode == 0, result.stderr
    page = (out / "articles/v2.html").read_text()
    assert (
        'the earlier is <a href="v1.html">Ferry carries grain</a>. Its text is as it was.</p>'
        in page
    )
    assert "headline" not in page.split("A later capture of this story")[1].split("</p>")[0]


def test_a_later_capture_of_the_outlet_under_another_of_its_names_is_no_warning(
    project_copy: Path,
) -> None:
    """One outlet by two of its names ("EDnews", "EDnews English") is one outlet, as the
    outlet chain reads them (``same_outlet``): its later capture is warned of nothing."""
    meta = f"updates: {EARLIER}\noutlet: EDnews English\noverrides: [outlet]\n"
    _later_capture(project_copy, meta=meta)
    result = cli("check")
    assert result.returncode == 0 and "updates:" not in result.stderr, result.stderr


def test_a_changed_paragraph_s_words_then_and_now_are_each_capture_s_in_order() -> None:
    """The runs kept and gone are the earlier paragraph's words, those kept and new the
    later's, whatever the matcher pairs: a reader is shown each capture's own words."""
    old = "The ferry line will open in May, the minister said on Tuesday."
    new = "The ferry line will open in June, the deputy minister said on Tuesday, officials added."
    runs = word_changes(old, new)
    assert runs == (
        ("same", "The ferry line will open in"),
        ("gone", "May,"),
        ("new", "June,"),
        ("same", "the"),
        ("new", "deputy"),
        ("same", "minister said on"),
        ("gone", "Tuesday."),
        ("new", "Tuesday, officials added."),
    )
    for a, b in [(old, new), ("a b " * 300, "b a " * 300), ("", "new words"), ("x y", "")]:
        found = word_changes(a, b)
        assert found is not None
        assert " ".join(t for k, t in found if k != "new") == " ".join(a.split())
        assert " ".join(t for k, t in found if k != "gone") == " ".join(b.split())


def test_paragraphs_too_long_to_compare_word_by_word_are_only_said_to_have_changed() -> None:
    """A paragraph of more words than a news paragraph ever has is not compared word by word
    (a hostile capture's could take minutes): its page says it changed, no more."""
    long = " ".join(f"w{n}" for n in range(WORDS_COMPARED + 1))
    assert word_changes(long, long + " more") is None
    assert word_changes("short", long) is None
    earlier = article("v1", texts=("One.", long, "Three."))
    later = replace(article("v2", texts=("One!", long + " more", "Three.")), updates="v1")
    found = capture_changes(cast(Archive, _Two(earlier, later)), later)
    assert found is not None
    assert found.changed == ("p1", "p2")
    assert found.wording == (("p1", (("gone", "One."), ("new", "One!"))),)
    # one paragraph in the place of two: no pairing, no words compared
    later = replace(article("v2", texts=("One.", "Two", "and a half.", "Three.")), updates="v1")
    found = capture_changes(cast(Archive, _Two(earlier, later)), later)
    assert found is not None and found.changed == ("p2", "p3") and found.wording == ()


def test_a_chain_of_captures_is_one_story_however_long() -> None:
    """hostile60's left-alone: a chain's third capture holding its first's text (the outlet
    changed a paragraph, then changed it back) was warned of as "one story captured twice";
    only a direct ``updates`` pair was spared. A capture outside the chain still is one."""
    from archive_site.load.evidence import stories, warn_captured_twice

    words = [
        "port",
        "ferry",
        "grain",
        "route",
        "corridor",
        "cargo",
        "rail",
        "terminal",
        "ship",
        "trade",
    ]
    first = tuple(" ".join(words[n:] + words[:n]) * 2 + f" {n}." for n in range(4))
    second = (first[0], "A paragraph the outlet changed for a day, then changed back.", *first[2:])

    def capture(ident: str, texts: tuple[str, ...], updates: str | None) -> Article:
        return replace(article(ident, texts=texts), title="Story", updates=updates)

    chain = [
        capture("v1", first, None),
        capture("v2", second, "v1"),
        capture("v3", first, "v2"),
        capture("v4", second, "v3"),
    ]
    problems = Problems()
    warn_captured_twice(Path("content"), chain, problems)
    assert not list(problems)
    warn_captured_twice(Path("content"), [*chain, capture("w1", first, None)], problems)
    assert [d.path for d in problems] == ["content/articles/w1.capture.txt"]
    assert set(stories(chain).values()) == {"v1"}
    ring = [replace(a, updates="v4") if a.id == "v1" else a for a in chain]
    assert set(stories([*ring, capture("w1", first, "v3")]).values()) == {"v1"}


def test_the_stories_of_a_long_chain_are_found_in_linear_time() -> None:
    from archive_site.load.evidence import stories

    chain = [replace(article(f"v{n}"), updates=f"v{n - 1}" if n else None) for n in range(20000)]
    with within(1):
        assert set(stories(reversed(chain)).values()) == {"v0"}


def test_each_capture_s_place_in_its_story_is_counted_once_for_all() -> None:
    """One walk of the chains gives each article its story's first capture and how many
    captures come before it; a ring's captures (and a chain ending in one) have no place."""
    from archive_site.load.evidence import stories, story_chains

    chain = [replace(article(f"v{n}"), updates=f"v{n - 1}" if n else None) for n in range(5)]
    ring = [replace(article("r1"), updates="r2"), replace(article("r2"), updates="r1")]
    into = replace(article("x"), updates="r2")
    alone = article("y")
    for order in (chain, list(reversed(chain))):
        found = story_chains([*order, *ring, into, alone])
        assert {k: found[k] for k in [f"v{n}" for n in range(5)]} == {
            f"v{n}": ("v0", n) for n in range(5)
        }
        assert found["r1"] == found["r2"] == found["x"] == ("r1", -1)
        assert found["y"] == ("y", 0)
    assert stories([*chain, *ring, into, alone]) == {
        **{f"v{n}": "v0" for n in range(5)},
        "r1": "r1",
        "r2": "r1",
        "x": "r1",
        "y": "y",
    }


def test_a_long_capture_changed_throughout_shows_the_words_then_and_now_of_its_first_paragraphs() -> (
    None
):
    """shape61: a 20,000-word report recaptured with a word changed in each paragraph showed
    the words then and now of every paragraph: its page held the text twice over (469 KB
    where the earlier capture's was 196 KB).  The words of the first changed paragraphs are
    shown, up to :data:`.paging.WORDING_WORDS` of the later capture's words; the others are
    only said to have changed."""
    body = " ".join(f"w{n}" for n in range(48))
    old = [f"Paragraph {k} {body}." for k in range(400)]
    new = [f"Paragraph {k} {body}!" for k in range(400)]
    earlier = article("v1", texts=tuple(old))
    later = replace(article("v2", texts=tuple(new)), updates="v1")
    found = capture_changes(cast(Archive, _Two(earlier, later)), later)
    assert found is not None and len(found.changed) == 400
    shown = paging.WORDING_WORDS // 50
    assert [pid for pid, _ in found.wording] == [f"p{k + 1}" for k in range(shown)]
    assert found.wording[0][1][-2:] == (("gone", "w47."), ("new", "w47!"))


def test_a_capture_changed_throughout_names_a_few_of_its_changed_paragraphs(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The note on what changed names the first :data:`.paging.CHANGES_LISTED` paragraphs of
    each kind and how many more (each is marked in the text), the words then and now of
    the first changed paragraphs alone are shown (a live blog recaptured, its thousand
    entries changed, named each in one sentence)."""
    monkeypatch.setattr(paging, "CHANGES_LISTED", 2)
    monkeypatch.setattr(paging, "WORDING_WORDS", 150)
    folder = project_copy / ARTICLES
    capture = (folder / f"{EARLIER}.capture.txt").read_text(encoding="utf-8")
    paragraphs = capture.split("\n\n")
    changed = [p.replace(" the ", " THE ", 1) if " the " in p else p for p in paragraphs]
    assert sum(a != b for a, b in zip(paragraphs, changed, strict=True)) > 4
    _save_later(project_copy, "\n\n".join(changed), f"updates: {EARLIER}\n")
    result = cli("build", "-j", "1", "-o", "out")
    assert result.returncode == 0, result.stderr
    later = (project_copy / f"out/articles/{LATER}.html").read_text(encoding="utf-8")
    note = later.split("A later capture of this story; the earlier is ")[1].split("</p>")[0]
    said = re.sub(r"<[^>]*>", "", note.split("Since then, ")[1])
    shown = later.count('<details class="was"')
    marked = later.count('<p class="meta" data-pagefind-ignore>Changed since the earlier capture.')
    assert shown >= 1 and marked >= 3  # (each changed paragraph is shown or marked)
    count = shown + marked
    assert re.fullmatch(rf"¶\d+, ¶\d+ and {count - 2} more are changed\.", said), said


def test_a_capture_cut_short_names_a_few_of_the_paragraphs_gone(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The paragraphs gone from the earlier capture are named as the changed are: the first
    :data:`.paging.CHANGES_LISTED`, then how many more."""
    monkeypatch.setattr(paging, "CHANGES_LISTED", 2)
    folder = project_copy / ARTICLES
    capture = (folder / f"{EARLIER}.capture.txt").read_text(encoding="utf-8")
    paragraphs = capture.split("\n\n")
    byline = next(n for n, p in enumerate(paragraphs) if "\\" in p)  # Name\Outlet, and after
    kept = paragraphs[:4] + paragraphs[byline:]
    _save_later(project_copy, "\n\n".join(kept), f"updates: {EARLIER}\n")
    result = cli("build", "-j", "1", "-o", "out")
    assert result.returncode == 0, result.stderr
    out = project_copy / "out/articles"
    later = (out / f"{LATER}.html").read_text(encoding="utf-8")
    note = later.split("A later capture of this story; the earlier is ")[1].split("</p>")[0]
    gone = note.split("Since then, ")[1]
    links = re.findall(rf'<a href="{EARLIER}.html#(p\d+)">', gone)
    earlier = (out / f"{EARLIER}.html").read_text(encoding="utf-8")
    paras = r'<div class="para" id="p\d+">'
    count = len(re.findall(paras, earlier)) - len(re.findall(paras, later))  # (none changed)
    assert count > 3 and len(links) == 2
    assert re.sub(r"<[^>]*>", "", gone).endswith(
        f" and {count - 2} more of the earlier capture are gone."
    ), gone


def test_each_capture_before_or_after_one_in_its_chain_is_an_earlier_or_later_capture() -> None:
    """hostile61's left-alone: in a chain v1 <- v2 <- v3, v3 holding v1's text, v3's page
    listed v1 as "One line of evidence with this article" (the two carry the same words),
    not as what it is, an earlier capture of the same story; nor did v1's list v3 as a later
    one. A capture on another branch of the story (v2b, also updating v1) is neither v3's
    earlier nor its later capture; the captures are listed in the chain's order."""
    from archive_site.load.index import related_articles
    from archive_site.model import Dependency

    chain = [
        replace(article("v1"), updates=None),
        replace(article("v2"), updates="v1"),
        replace(article("v3"), updates="v2"),
        replace(article("v2b"), updates="v1"),
        replace(article("w1"), updates=None),
    ]
    same = {
        "v1": [Dependency("v3", "v1", "same-origin")],
        "v3": [Dependency("v3", "v1", "same-origin"), Dependency("v3", "v2b", "same-origin")],
        "v2b": [Dependency("v3", "v2b", "same-origin")],
    }
    found = {
        aid: [(r.article, r.reasons) for r in rel]
        for aid, rel in related_articles(chain, [], {}, same).items()
    }
    assert found["v3"] == [
        ("v1", ("updates", "one-text")),
        ("v2", ("updates",)),
        ("v2b", ("one-text",)),
    ]
    assert found["v1"][:3] == [
        ("v2", ("updated-by",)),
        ("v3", ("updated-by", "one-text")),
        ("v2b", ("updated-by",)),
    ]
    assert found["v2"] == [("v1", ("updates",)), ("v3", ("updated-by",))]
    assert found["w1"] == []
    ring = [replace(a, updates="v3") if a.id == "v1" else a for a in chain]
    in_ring = {r.article: r.reasons for r in related_articles(ring, [], {}, same)["v3"]}
    assert in_ring["v1"] == ("updated-by", "one-text")  # (a ring is an error of its own)


def test_a_mark_of_writing_direction_in_one_run_of_words_reaches_no_other() -> None:
    """A right-to-left override (U+202E) the earlier capture's words held, gone from the
    later's, was left open in its struck-through run: a browser showed every word after it
    in the paragraph, the later capture's own, reversed (the paragraph as the later capture
    gives it showed them as written). Each run now closes the marks it opens; an isolate
    and a mark closed in its own run are as they were."""
    runs = word_changes("the ferry \u202e will open in May", "the ferry will open in June")
    assert runs == (
        ("same", "the ferry"),
        ("gone", "\u202e\u202c"),
        ("same", "will open in"),
        ("gone", "May"),
        ("new", "June"),
    )
    runs = word_changes("a \u2067b\u2069 c \u202bd\u202c e", "a \u2067b\u2069 c \u202bd\u202c f")
    assert runs == (("same", "a \u2067b\u2069 c \u202bd\u202c"), ("gone", "e"), ("new", "f"))
