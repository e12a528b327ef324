"""Marks of writing direction in the content (U+202A-U+202E, U+2066-U+2069) change the
direction of no words but their own: a text the site shows within others' words (a quote
cut out of its paragraph, a title in a list, a page's ``<title>``, the feed) closes those it
opens and keeps no mark closing one it did not."""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import TEMPLATES, cli
from htmlscan import scan_html

RLO, PDF, RLI, PDI = "\u202e", "\u202c", "\u2067", "\u2069"
MARKS = "\u202a\u202b\u202d\u202e\u2066\u2067\u2068"  # (the openers)
ISOLATES = "\u2066\u2067\u2068"

ARTICLE = "2025-05-02-port-note"
#: A title opening a right-to-left override it never closes and closing an isolate it
#: never opened; a paragraph overriding its words from the middle to its end.
TITLE = f"Port {RLO}opens berth {PDI}today"
PARAGRAPH = f"The port authority said the {RLO}new berth opens in May for the ferries"
MILESTONE = f"""
- id: berth-opens
  date: 2025-05
  status: planned
  date_note: the article of 2 May 2025 says May
  title: "Berth {RLO}opens"
  summary: The new berth opens.
  topics: [trade]
  entities: [azerbaijan]
  sources:
    - article: {ARTICLE}
      quote: "said the {RLO}new berth opens in May"
      speaker: unnamed
"""


def _unbalanced(text: str) -> bool:
    """Whether ``text`` leaves a direction open, or closes one it did not open (the test's
    own reading of Unicode's pairing, rules X6a and X7)."""
    opened = ""
    for c in text:
        if c == PDF:
            if not opened or opened[-1] in ISOLATES:
                return True
            opened = opened[:-1]
        elif c == PDI:
            if not any(o in ISOLATES for o in opened):
                return True
            opened = opened[: max(opened.rfind(i) for i in ISOLATES)]
        elif c in MARKS:
            opened += c
    return bool(opened)


def _balance(text: str) -> str:
    from archive_site.files import balanced_directions

    return balanced_directions(text)


def _unbalanced_elements(html: str) -> list[tuple[str, str]]:
    """Each element of ``html`` whose text (with its descendants') or an attribute's value
    is unbalanced; but the article's paragraph and the elements holding it, a block which
    shows the source's words as the source does, its direction ending with it."""
    found = []
    for e in scan_html(html).elements:
        texts = [(f"{e.tag}[{k}]", v) for k, v in e.attrs.items()]
        if not ("for the ferries" in e.text or e.tag == "mark"):
            texts.append((e.tag, e.text))
        found += [(what, text) for what, text in texts if _unbalanced(text)]
    return found


@pytest.fixture
def built(small_copy: Path) -> Path:
    content = small_copy / "content"
    (content / f"articles/{ARTICLE}.md").write_text(
        f"---\ntitle: {TITLE}\npublished: 2025-05-02\noutlet: EDnews\nkind: news\n---\n\n"
        f"{PARAGRAPH}.\n\nThe ferry service follows in June.\n",
        encoding="utf-8",
    )
    with (content / "milestones.yaml").open("a", encoding="utf-8") as f:
        f.write(MILESTONE)
    result = cli("build", "-o", "out")
    assert result.returncode == 0, result.stderr
    return small_copy / "out"


def test_balanced_directions() -> None:
    balanced_directions = _balance
    """A mark left open is closed at the end, innermost first; a mark closing what the text
    did not open is dropped (a U+202C after an isolate opened since the last embedding
    closes nothing, as Unicode's algorithm has it); a balanced text is itself."""
    assert balanced_directions(f"a {RLO}b") == f"a {RLO}b{PDF}"
    assert balanced_directions(f"a {RLI}b {RLO}c") == f"a {RLI}b {RLO}c{PDF}{PDI}"
    assert balanced_directions(f"{PDI}a{PDF} b") == "a b"
    assert balanced_directions(f"{RLO}a{RLI}b{PDF}c") == f"{RLO}a{RLI}bc{PDI}{PDF}"
    assert balanced_directions(f"{RLO}a{RLI}b{PDI}c{PDF}") == f"{RLO}a{RLI}b{PDI}c{PDF}"
    kept = f"a {RLI}b {RLO}c{PDI} d"  # the isolate's end closes the override within it
    assert balanced_directions(kept) is kept
    plain = "Порт открыт"
    assert balanced_directions(plain) is plain


def test_content_marks_reorder_nothing_around_them(built: Path) -> None:
    """Every element of every page, every attribute, holds a text whose marks of writing
    direction are balanced, but a paragraph of an article's text (a block: the direction
    ends with it, and it shows what the source shows): the title's override reversed, on
    the milestone's and the entity's pages, the lists and the citation, the outlet and the
    date after it, and the quote cut out of its paragraph the speaker's name."""
    pages = sorted(built.rglob("*.html"))
    found = {
        str(p.relative_to(built)): bad
        for p in pages
        if (bad := _unbalanced_elements(p.read_text()))
    }
    assert found == {}
    article = (built / f"articles/{ARTICLE}.html").read_text(encoding="utf-8")
    # the paragraph as the source has it, the override open to its end
    assert f"<mark>said the {RLO}new berth opens in May</mark>" in article
    assert "</sup></a> for the ferries.</p>" in article
    milestone = (built / "milestones/berth-opens.html").read_text(encoding="utf-8")
    assert f"<blockquote>said the {RLO}new berth opens in May{PDF}</blockquote>" in milestone
    assert f"<title>Berth {RLO}opens{PDF}, May 2025 (" in milestone
    listed = (built / "articles/index.html").read_text(encoding="utf-8")
    assert f">Port {RLO}opens berth today{PDF}</a>" in listed  # the stray isolate's end dropped


def test_feed_and_timeline_data_balanced(built: Path) -> None:
    """The feed's and TimelineJS's texts, which hold no markup, are balanced as the pages'."""
    feed = (built / "feed.xml").read_text(encoding="utf-8")
    assert f"<title>Port {RLO}opens berth today{PDF}</title>" in feed
    timeline = json.loads((built / "data/timeline.json").read_text(encoding="utf-8"))
    headlines = [e["text"]["headline"] for e in timeline["events"]]
    assert f"Berth {RLO}opens{PDF}" in headlines


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
def test_search_excerpts_balance_their_words_as_the_pages_do() -> None:
    """search.js cuts a result's excerpts out of the page's text as Pagefind gives it, its
    paragraphs run together: the words it shows close the directions they open and keep no
    mark closing one they did not, as :func:`~archive_site.files.balanced_directions` has
    a text (every text of up to five of these characters, in words)."""
    from archive_site.files import balanced_directions

    alphabet = ["a", " ", RLO, PDF, RLI, PDI, "\u202a", "\u2066"]
    texts = ["".join(t) for n in range(6) for t in itertools.product(alphabet, repeat=n)]
    script = (
        "const b = require(process.argv[1]).balanced;"
        "const texts = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(texts.map(t => b(t.split(' ')).join(' '))));"
    )
    result = subprocess.run(
        ["node", "-e", script, str(TEMPLATES / "static/search.js")],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    shown = json.loads(result.stdout)
    assert [t for t, s in zip(texts, shown, strict=True) if s != balanced_directions(t)] == []
    assert shown[texts.index(f"a{RLO} a")] == f"a{RLO} a{PDF}"
