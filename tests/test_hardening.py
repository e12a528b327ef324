"""Hostile content, odd files and careless options: one regression test per finding F1-F13.

Each test states the finding it guards.  Commands run in-process through the
command line's ``main`` (the same code as ``archive-site``: exit code, stdout,
stderr), in a copy of the project made the working folder (with the archive cut down,
``small_copy``, where a test builds the whole site only to look at what it wrote).
"""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
import threading
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from archive_site.mdtext import MOST_MARKS, MOST_TEXT_MARKS, too_marked, too_nested
from archive_site.urls import is_web_url, uri_of
from conftest import COMMENTARY, INTERVIEW, edit
from conftest import cli as in_process
from records import CountedId
from test_bad_input import problems_of, tree_digest

ABOUT = "content/pages/about.md"
MILESTONES = "content/milestones.yaml"
FIRST_SUMMARY = "Azerbaijan and China establish diplomatic relations."


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def problems(self) -> list[str]:
        return problems_of(self.err)


def cli(*args: str) -> Run:
    """``archive-site ARGS`` in-process, in the working folder."""
    result = in_process(*args)
    return Run(result.returncode, result.stdout, result.stderr)


def append(path: Path, text: str) -> int:
    """Append ``text`` to a file; returns the line number its first line lands on."""
    old = path.read_text(encoding="utf-8")
    if not old.endswith("\n"):
        old += "\n"
    path.write_text(old + text, encoding="utf-8")
    return old.count("\n") + 1


def assert_problem(run: Run, where: str, words: str) -> None:
    assert run.code == 1, (run.code, run.err)
    assert "Traceback" not in run.err and "internal error" not in run.err
    assert any(p.startswith(f"{where}: ") and words in p for p in run.problems), (
        f"expected '{where}: ...{words}...' in:\n{run.err}"
    )


class _Attributes(HTMLParser):
    """Every attribute of every element, as a browser (or a feed reader) would read it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.extend((tag, name, value or "") for name, value in attrs)


def live_payloads(root: Path) -> list[str]:
    """Every live script under ``root``: a dangerous URL in a link, an event handler attribute."""
    found = []
    for p in sorted(root.rglob("*")):
        if not (p.is_file() and p.suffix in (".html", ".xml", ".svg")):
            continue
        parser = _Attributes()
        parser.feed(p.read_text(encoding="utf-8"))
        for tag, name, value in parser.found:
            url = re.sub(r"[\x00-\x20]", "", value).lower()
            if name.startswith("on") or (
                name in ("href", "src", "action", "formaction", "xlink:href")
                and url.startswith(("javascript:", "data:", "vbscript:"))
            ):
                found.append(f"{p.relative_to(root)}: <{tag} {name}={value!r}>")
    return found


# --- F1, F2: links are checked on the parsed Markdown, whatever their form -----------------

LINK_FORMS = {
    "inline": ("[x]({url})", 0),
    "titled": ('[x]({url} "a title")', 0),
    "titled-single-quotes": ("[x]({url} 'a title')", 0),
    "angle-brackets": ("[x](<{url}>)", 0),
    "reference": ("See [x][r].\n\n[r]: {url}", 2),
    "reference-titled": ('See [x][r].\n\n[r]: {url} "t"', 2),
    "collapsed-reference": ("See [r][].\n\n[r]: {url}", 2),
    "shortcut-reference": ("See [r].\n\n[r]: {url}", 2),
    "image": ("![x]({url})", 0),
}


@pytest.mark.parametrize("form", LINK_FORMS)
@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("site:javascript:alert(1)", "link: unknown site 'javascript:alert(1)'"),
        ("javascript:alert(1)", "link: 'javascript:' links are not allowed"),
        ("entity:x", "link: unknown entity 'x'"),
        ("page:nope", "link: unknown page 'nope'"),
        ("year:-5", "link: unknown year '-5'"),
        ("year:１２３", "link: unknown year '１２３'"),
        ("year:abc", "link: unknown year 'abc'"),
        ("milestone:../../../etc/passwd", "link: unknown milestone '../../../etc/passwd'"),
        ("https://[abc/x", "link: 'https://[abc/x' is not a valid URL"),  # was a ValueError
        # a backslash escape: shown as Markdown reads it, never as its placeholder, on its
        # own line (audit 8: "'http:\x0292\x03evil.example'", on the text's first line)
        # (a reference's address is read as written: both backslashes)
        ("http:\\\\evil.example", "\\evil.example' is not a valid URL"),
        # a reference the page's attribute decodes: the address would hold a quote
        ("https://ok.example/&quot;x=&quot;y", "is not a valid URL"),
        ("https://ok.example/&#34;x", "is not a valid URL"),
        # shown as "&lt;x>", on the text's first line (not looked for as written)
        ("mailto:a@b.c?s=<x>", "mailto:a@b.c?s=<x"),  # each form reads its own end
    ],
)
def test_every_markdown_link_form_is_checked_with_its_line(
    project_copy: Path, form: str, url: str, words: str
) -> None:
    """F1, F2: reference-style and titled links were neither checked nor made safe."""
    template, offset = LINK_FORMS[form]
    line = append(project_copy / ABOUT, "\n" + template.format(url=url) + "\n") + 1 + offset
    run = cli("check")
    assert_problem(run, f"{ABOUT}:{line}", words)
    assert len(run.problems) == 1, run.err


def test_a_reference_link_in_a_milestone_summary_is_checked_on_its_line(
    project_copy: Path,
) -> None:
    """F1: the same forms in a milestone's summary (a YAML block scalar)."""
    ms = project_copy / MILESTONES
    end = "cooperation from this day."
    line = edit(
        ms,
        end,
        f'{end} [x](site:javascript:alert(1) "t")\n    [y][r]\n\n\n    [r]: page:nope',
    )
    run = cli("check")
    assert_problem(run, f"{MILESTONES}:{line}", "link: unknown site 'javascript:alert(1)'")
    assert_problem(run, f"{MILESTONES}:{line + 4}", "link: unknown page 'nope'")


#: Texts that Python-Markdown reads in time proportional to their length times the
#: brackets or parentheses they leave open: minutes for these few kilobytes.
SLOW_MARKDOWN = {
    "nested brackets": "[ " * 3000 + "x" + " ](https://example.org/)" * 3000,
    "brackets never closed": "[" * 3000 + "x",
    "closers escaped": "[\\]" * 3000,
    "addresses never closed": "[x](" * 3000,
}


@pytest.mark.parametrize("text", SLOW_MARKDOWN.values(), ids=SLOW_MARKDOWN.keys())
def test_markdown_that_would_take_minutes_is_a_problem_on_its_line(
    small_copy: Path, text: str
) -> None:
    """In a milestone's summary and in a page: refused before Markdown reads it (in the
    summary, as much of it as a summary may hold: see the test of MOST_PROSE)."""
    edited = edit(small_copy / MILESTONES, FIRST_SUMMARY, FIRST_SUMMARY + " " + text[:3000])
    lines = (small_copy / MILESTONES).read_text(encoding="utf-8").split("\n")
    summary = next(n for n in range(edited, 0, -1) if lines[n - 1].startswith("  summary:"))
    page = append(small_copy / ABOUT, "\n" + text + "\n") + 1
    run = cli("check")  # on the line of the sign one too many (a folded summary: its first)
    for where in (f"{MILESTONES}:{summary}", f"{ABOUT}:{page}"):
        assert_problem(run, where, "are open at once (nested, or not closed)")
    assert len(run.problems) == 2, run.err


#: Paragraphs that Python-Markdown reads in time proportional to their length times the
#: inline elements in them (it rebuilds the paragraph's text after each one): 600 KB of
#: code spans, entities or raw angle brackets took it minutes, though nothing is nested.
MARKED_MARKDOWN = {
    "code spans": " `a" * 200_000,
    "angle brackets": " <a" * 200_000,
    "entities": " &amp;" * 100_000,
    "emphasis": " *a*" * 100_000,
    "escapes": " \\*" * 200_000,
    "links": " [a](https://example.org/)" * 30_000,
    "line breaks": " a  \n" * 100_000,
}


@pytest.mark.parametrize("text", MARKED_MARKDOWN.values(), ids=MARKED_MARKDOWN.keys())
def test_a_paragraph_with_more_markup_than_markdown_reads_in_time_is_a_problem(
    small_copy: Path, text: str
) -> None:
    """In a page and in a milestone's summary (a folded one, which has no line breaks):
    refused before Markdown reads it, on the line the paragraph starts on (a summary, this
    long, by its length: see the test of MOST_PROSE)."""
    page = append(small_copy / ABOUT, "\nA short paragraph.\n\nThe long one:" + text + "\n") + 3
    wheres = [(f"{ABOUT}:{page}", "signs of Markdown markup in one paragraph")]
    if "\n" not in text:
        edited = edit(small_copy / MILESTONES, FIRST_SUMMARY, FIRST_SUMMARY + text)
        lines = (small_copy / MILESTONES).read_text(encoding="utf-8").split("\n")
        summary = next(n for n in range(edited, 0, -1) if lines[n - 1].startswith("  summary:"))
        wheres.append((f"{MILESTONES}:{summary}", "characters long, more than the 4,000"))
    run = cli("check")
    for where, words in wheres:
        assert_problem(run, where, words)
    assert len(run.problems) == len(wheres), run.err


def test_a_summary_within_its_length_with_more_markup_than_markdown_reads_is_a_problem(
    small_copy: Path,
) -> None:
    """A summary short enough to be read (MOST_PROSE) may still hold more signs of markup
    than Markdown reads in time (MOST_MARKS): refused on its line before Markdown reads it."""
    text = " " + "\\*" * (MOST_MARKS // 2 + 1)
    edited = edit(small_copy / MILESTONES, FIRST_SUMMARY, FIRST_SUMMARY + text)
    lines = (small_copy / MILESTONES).read_text(encoding="utf-8").split("\n")
    summary = next(n for n in range(edited, 0, -1) if lines[n - 1].startswith("  summary:"))
    run = cli("check")
    assert_problem(run, f"{MILESTONES}:{summary}", "signs of Markdown markup in one paragraph")
    assert len(run.problems) == 1, run.err


def test_markup_is_counted_per_paragraph() -> None:
    """Blank lines part the paragraphs, each read on its own: many short ones are fine."""
    paragraph = "A [link](https://example.org/) with *emphasis*, `code` & more. " * 20
    assert too_marked("\n\n".join([paragraph] * 100)) is None  # 120 each, 12,000 in all
    text = "intro\n\n" + "- item `a` and `b`\n" * (MOST_MARKS // 4 + 1)
    assert too_marked(text) == (
        f"{MOST_MARKS + 4} signs of Markdown markup in one paragraph (`*`, `_`, `` ` ``, "
        f"`\\`, `&`, `<`, `[` or a line break); Markdown takes at most {MOST_MARKS} "
        "(part it with blank lines)",
        len("intro\n\n"),
    )
    paragraphs = ["`a` " * (MOST_MARKS // 2)] * (MOST_TEXT_MARKS // MOST_MARKS + 1)
    text = "\n\n".join(paragraphs)
    assert too_marked(text) == (
        f"{MOST_TEXT_MARKS + MOST_MARKS} signs of Markdown markup (`*`, `_`, `` ` ``, `\\`, "
        f"`&`, `<`, `[` or a line break); Markdown takes at most {MOST_TEXT_MARKS} in one text",
        text.rindex("\n") + 1,
    )


def test_lists_nested_beyond_what_markdown_reads_are_a_problem_on_their_line(
    small_copy: Path,
) -> None:
    """Python-Markdown reads a nested list by recursion: 250 levels were an internal error."""
    nested = "".join("    " * k + "- item\n" for k in range(300))
    text = (small_copy / ABOUT).read_text(encoding="utf-8")
    start = append(small_copy / ABOUT, "\n" + nested) + 1
    run = cli("check")
    assert "internal error" not in run.err
    assert_problem(run, f"{ABOUT}:{start + 299}", "markdown: lists or quotes are nested too deeply")
    assert len(run.problems) == 1, run.err
    # the converter stopped midway is not used again: a bad link is still found after it
    (small_copy / ABOUT).write_text(text, encoding="utf-8")
    line = edit(small_copy / MILESTONES, FIRST_SUMMARY, "[x](milestone:no-such-thing)")
    again = cli("check")
    assert_problem(again, f"{MILESTONES}:{line}", "link: unknown milestone 'no-such-thing'")


@pytest.mark.parametrize(
    "text",
    [
        "[![a picture](https://example.org/a.png)](https://example.org/) and [[1]](page:about)",
        "Law (a)(1)(i), ((nested (three))) and [a [b [c]]] " * 40,
        ("[x](https://example.org/) " * 200) + "\\[" * 10,
    ],
)
def test_markdown_as_people_write_it_is_not_refused(text: str) -> None:
    assert too_nested(text) is None


def test_the_sign_one_too_many_is_found() -> None:
    text = "(a) " * 20 + "\n" + "[" * 16 + "\n[x"
    assert too_nested(text) == (
        "17 brackets are open at once (nested, or not closed); Markdown takes at most 16",
        text.rindex("["),
    )


@pytest.mark.parametrize(
    "text",
    [
        "<site:javascript:alert(1)>",
        "<javascript:alert(1)>",
        '<a href="javascript:alert(1)">x</a>',
        "<img src=x onerror=alert(2)>",
        '<img src="javascript:alert(1)">',
        "[x](java&#115;cript:alert(1))",
        "[x](&#x6A;avascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x]( javascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](vbscript:msgbox(1))",
        "[x](java\tscript:alert(1))",
    ],
)
def test_raw_html_and_autolinks_never_make_a_live_link(small_copy: Path, text: str) -> None:
    """F1: autolinks, raw angle brackets and raw HTML stay text; odd spellings are refused."""
    append(small_copy / ABOUT, f"\n{text}\n")
    edit(small_copy / MILESTONES, FIRST_SUMMARY, f"{FIRST_SUMMARY} {text}")
    run = cli("build", "-q")
    assert run.code in (0, 1), run.err
    assert "Traceback" not in run.err
    if run.code == 0:
        assert live_payloads(small_copy / "dist") == []
        about = (small_copy / "dist/about.html").read_text(encoding="utf-8")
        assert "<img" not in about.split("<main", 1)[1]
    else:
        assert all(p.startswith((f"{ABOUT}:", f"{MILESTONES}:")) for p in run.problems), run.err


def test_the_markdown_renderer_never_emits_an_unchecked_link() -> None:
    """F1, defence in depth: even text the loader never saw gets no live dangerous link."""
    from archive_site.render.markup import MarkdownRenderer

    md = MarkdownRenderer()
    for form, _ in LINK_FORMS.values():
        for url in ("site:javascript:alert(1)", "javascript:alert(1)", "year:abc", "data:x,1"):
            html = str(md(form.format(url=url), "about.html"))
            assert not re.search(r"(href|src)=\"(?!#)[^\"]*:", html), (form, url, html)


def test_good_internal_links_still_resolve(project_copy: Path) -> None:
    append(
        project_copy / ABOUT,
        '\n[a][r], [b](year:2024 "t"), [c](https://example.org/x?a=1&b=2), '
        "[d](mailto:someone@example.org)\n\n[r]: milestone:first-export-train\n",
    )
    run = cli("build", "-q")
    assert run.code == 0, run.err
    about = (project_copy / "dist/about.html").read_text(encoding="utf-8")
    assert '<a href="milestones/first-export-train.html">a</a>' in about
    assert '<a href="years/2024.html" title="t">b</a>' in about
    assert '<a href="https://example.org/x?a=1&amp;b=2">c</a>' in about
    assert '<a href="mailto:someone@example.org">d</a>' in about


# --- control characters: XML forbids them, HTML calls them errors ---------------------------

#: Every C0 control but tab and the line ends, DEL, and C1 controls (NEL among them).
CONTROLS = "\x00\x01\x08\x0b\x0c\x1b\x1f\x7f\x85\x9f"


def test_control_characters_in_a_capture_reach_no_page_and_the_capture_stays_whole(
    small_copy: Path,
) -> None:
    """A NUL or an escape in a capture's headline made feed.xml malformed XML, and every
    page carried it raw. The text reads each as a space, with a warning on its line; the
    raw capture is still published byte for byte."""
    capture = small_copy / f"content/articles/{COMMENTARY}.capture.txt"
    data = capture.read_bytes()
    first, rest = data.split(b"\n", 1)
    data = first.replace(b"China strategic", f"China{CONTROLS}strategic".encode()) + b"\n" + rest
    data = data.replace(b"In recent years", b"In\x00recent years", 1)
    capture.write_bytes(data)
    run = cli("build", "-q")
    assert run.code == 0, run.err
    assert (
        f"content/articles/{COMMENTARY}.capture.txt:1: warning: 11 control characters "
        "(the first U+0000) read as spaces" in run.err
    ), run.err
    dist = small_copy / "dist"
    import xml.dom.minidom

    for name in ("feed.xml", "sitemap.xml"):
        xml.dom.minidom.parse(str(dist / name))
    for p in sorted(dist.rglob("*")):
        if p.is_file() and p.suffix in (".html", ".xml", ".json", ".csv", ".bib", ".ris"):
            text = p.read_text(encoding="utf-8")
            assert not re.search(f"[{CONTROLS}]", text), p
    page = (dist / f"articles/{COMMENTARY}.html").read_text(encoding="utf-8")
    assert re.search("China +strategic", page) and "In recent years" in page
    assert (dist / f"articles/{COMMENTARY}.capture.txt").read_bytes() == data


def test_control_characters_in_a_page_are_read_as_spaces_with_a_warning(
    small_copy: Path,
) -> None:
    line = edit(small_copy / ABOUT, "This archive collects", "This\x00archive\x0ccollects")
    run = cli("build", "-q")
    assert run.code == 0, run.err
    assert f"{ABOUT}:{line}: warning: 2 control characters (the first U+0000)" in run.err
    about = (small_copy / "dist/about.html").read_text(encoding="utf-8")
    assert "This archive collects" in about


@pytest.mark.parametrize("escape", ["\\0", "\\e", "\\x01", "\\x7f", "\\N", "\\u009f"])
def test_a_control_character_written_as_a_yaml_escape_is_a_problem_on_its_line(
    small_copy: Path, escape: str
) -> None:
    """YAML refuses raw control characters but writes them from escapes ("\\0", "\\e")."""
    line = edit(
        small_copy / MILESTONES,
        "  title: Diplomatic relations established",
        f'  title: "Diplomatic{escape} relations established"',
    )
    run = cli("check")
    assert_problem(run, f"{MILESTONES}:{line}", "YAML: control character U+00")
    assert "no control character but tab and line ends" in run.err
    assert len(run.problems) == 1, run.err


# --- Unicode: one text, two spellings (NFC, NFD) -------------------------------------------

NFC, NFD = "r\u00e9cent", "re\u0301cent"  # "récent", composed and decomposed


@pytest.mark.parametrize(("in_text", "in_quote"), [(NFC, NFD), (NFD, NFC)])
def test_a_quote_matches_its_text_however_its_accents_are_encoded(
    small_copy: Path, in_text: str, in_quote: str
) -> None:
    """A quote pasted from a page that decomposes accents (macOS, some sites) was "not in
    the text", with a message showing the same characters twice; a name was never found."""
    capture = small_copy / f"content/articles/{COMMENTARY}.capture.txt"
    data = capture.read_bytes().replace(b"In recent years", f"In {in_text} years".encode(), 1)
    capture.write_bytes(data)
    edit(
        small_copy / MILESTONES,
        "- id: diplomatic-relations-established",
        f"- id: accents\n  date: 2025-04-23\n  date_note: The day of the article.\n"
        "  title: T\n  summary: S.\n  topics: [diplomacy]\n"
        f"  sources:\n    - article: {COMMENTARY}\n"
        f"      quote: In {in_quote} years, political dialogue\n\n"
        "- id: diplomatic-relations-established",
    )
    entities = small_copy / "content/entities.yaml"
    entities.write_text(
        entities.read_text(encoding="utf-8")
        + f"\n- id: recent-years\n  name: {in_quote.capitalize()} Years\n  type: concept\n",
        encoding="utf-8",
    )
    edit(capture, f"In {in_text} years", f"In {in_text.capitalize()} Years")
    edit(small_copy / MILESTONES, f"In {in_quote} years", f"In {in_quote.capitalize()} Years")
    run = cli("build", "-q")
    assert run.code == 0, run.err
    data_ = json.loads((small_copy / "dist/data/entities.json").read_text(encoding="utf-8"))
    assert next(e for e in data_ if e["id"] == "recent-years")["mentions"] == 1
    assert (small_copy / f"dist/articles/{COMMENTARY}.capture.txt").read_bytes() == (
        capture.read_bytes()
    )


def test_two_names_that_differ_only_in_how_accents_are_encoded_are_one_name(
    small_copy: Path,
) -> None:
    entities = small_copy / "content/entities.yaml"
    line = append(
        entities,
        f"- id: a-one\n  name: {NFC}\n  type: concept\n- id: a-two\n  name: {NFD}\n  type: concept\n",
    )
    assert_problem(cli("check"), f"content/entities.yaml:{line + 4}", "is already used")


def test_two_names_told_apart_only_by_a_character_no_one_sees_are_shown_apart(
    small_copy: Path,
) -> None:
    """Hostile review 31: "Baku" and "Baku" + U+200B (or a soft hyphen inside) are one name,
    rightly refused, but the message showed the second as 'Baku' and not the first at all:
    two names that look the same, and the writer told they were the same.  Both are shown
    as written, with what no one sees as its code point."""
    entities = small_copy / "content/entities.yaml"
    line = append(
        entities,
        '- id: a-one\n  name: "Zeta\u200b"\n  type: concept\n'
        '- id: a-two\n  name: "Ze\u00adta"\n  type: concept\n',
    )
    assert_problem(
        cli("check"),
        f"content/entities.yaml:{line + 4}",
        "the name 'Ze\\u00adta' is already used by entity 'a-one' (line "
        f"{line + 1}, as 'Zeta\\u200b')",
    )


def test_a_link_to_a_page_that_did_not_load_is_no_second_problem(small_copy: Path) -> None:
    """Hostile review 31: a page whose front matter does not read was told, and then each
    link to it from another page was told too, as "unknown page": a second problem, not
    true (the page is there), for every link to it.  A link to a page that does not exist
    is still told."""
    pages = small_copy / "content/pages"
    (pages / "other.md").write_text(
        "---\ntitle: Other\ndescription: d\n---\n\n"
        "See [about](page:about), [again](page:about) and [gone](page:gone).\n",
        encoding="utf-8",
    )
    about = pages / "about.md"
    about.write_text(about.read_text(encoding="utf-8").replace("title:", "title: [", 1))
    run = cli("check")
    assert run.code == 1
    told = [p for p in run.problems if "content/pages/" in p]
    assert next(p.partition(": ")[0] for p in told).startswith("content/pages/about.md:")
    assert [p for p in told if "other.md" in p] == [
        "content/pages/other.md:6: link: unknown page 'gone'"
    ]


# --- F3: TimelineJS renders its text fields as HTML ----------------------------------------

SCRIPT = "<script>alert(1)</script>"


def test_timelinejs_text_fields_hold_no_live_html(small_copy: Path) -> None:
    """F3: titles, topics and site text were copied raw; &lt;b&gt; became <b> again."""
    ms = small_copy / MILESTONES
    edit(ms, "  title: Diplomatic relations established", f'  title: "Diplomatic {SCRIPT}"')
    edit(ms, FIRST_SUMMARY, f"{FIRST_SUMMARY} A &lt;b&gt; and a {SCRIPT} **bold**.")
    edit(small_copy / "content/topics.yaml", "title: Diplomacy", f'title: "Diplomacy {SCRIPT}"')
    edit(
        small_copy / "content/site.yaml",
        "title: Azerbaijan–China Relations Archive",
        f'title: "Archive {SCRIPT}"',
    )
    run = cli("build", "-q")
    assert run.code == 0, run.err
    data = json.loads((small_copy / "dist/data/timeline.json").read_text(encoding="utf-8"))
    texts = [data["title"]["text"]["headline"], data["title"]["text"]["text"]]
    for event in data["events"]:
        texts += [event["text"]["headline"], event["text"]["text"], event["group"]]
        texts.append(event["display_date"])
    joined = "\n".join(texts)
    assert "<script" not in joined and "<b>" not in joined
    event = next(e for e in data["events"] if e["unique_id"] == "diplomatic-relations-established")
    assert event["text"]["headline"] == "Diplomatic &lt;script&gt;alert(1)&lt;/script&gt;"
    assert "&amp;lt;b&amp;gt;" in event["text"]["text"] or "&lt;b&gt;" in event["text"]["text"]
    assert "<strong>bold</strong>" in event["text"]["text"]


# --- F4, F5: ids are matched whole, and bounded ----------------------------------------------


def test_an_id_ending_in_a_newline_is_not_an_id(project_copy: Path, tmp_path: Path) -> None:
    """F4: ``$`` matched before a final newline."""
    capture = tmp_path / "x.txt"
    capture.write_text("A headline\n\nSome text of the article.\n", encoding="utf-8")
    run = cli("add", str(capture), "--id", "x\n")
    assert run.code == 2, run.err
    assert "--id" in run.err and "not a valid id" in run.err
    assert sorted(p.name for p in (project_copy / "content/articles").iterdir()) == sorted(
        [
            f"{INTERVIEW}.capture.txt",
            f"{INTERVIEW}.meta.yaml",
            f"{COMMENTARY}.capture.txt",
            f"{COMMENTARY}.meta.yaml",
        ]
    )
    # A file name is an id too: a page named "notes\n.md" would be "notes\n.html".
    about = project_copy / ABOUT
    (about.parent / "notes\n.md").write_bytes(about.read_bytes())
    assert_problem(cli("check"), "content/pages/notes\\n.md", "is not a valid id")


def test_an_overlong_id_is_a_usage_error_and_a_content_error(
    project_copy: Path, tmp_path: Path
) -> None:
    """F5: ``add --id`` of 300 characters was an internal error (file name too long)."""
    capture = tmp_path / "x.txt"
    capture.write_text("A headline\n\nSome text of the article.\n", encoding="utf-8")
    run = cli("add", str(capture), "--id", "a" * 300)
    assert run.code == 2, run.err
    assert "--id" in run.err and "longer than" in run.err
    line = edit(project_copy / "content/topics.yaml", "- id: trade", "- id: " + "t" * 200)
    assert_problem(cli("check"), f"content/topics.yaml:{line}", "longer than")


# --- F6, F12: the output folder is the build's alone; the swap is atomic ------------------


def test_a_pages_checkout_is_never_wiped(project_copy: Path) -> None:
    """F6: any folder holding a .nojekyll was replaced, .git and CNAME included."""
    x = project_copy / "x"
    (x / ".git").mkdir(parents=True)
    (x / ".git/HEAD").write_text("ref: refs/heads/gh-pages\n")
    (x / ".nojekyll").touch()
    (x / "CNAME").write_text("archive.example.org\n")
    run = cli("build", "-q", "-o", "x")
    assert (x / ".git/HEAD").read_text() == "ref: refs/heads/gh-pages\n"
    assert (x / "CNAME").read_text() == "archive.example.org\n"
    assert run.code == 1, run.err
    assert run.problems and run.problems[0].startswith("x: ")


def test_a_built_folder_with_a_foreign_file_is_not_replaced(small_copy: Path) -> None:
    """F6: a marker alone is no proof; the build records what it wrote."""
    assert cli("build", "-q").code == 0
    (small_copy / "dist/CNAME").write_text("archive.example.org\n")
    run = cli("build", "-q")
    assert run.code == 1 and "CNAME" in run.err, run.err
    assert (small_copy / "dist/CNAME").exists()
    (small_copy / "dist/CNAME").unlink()
    assert cli("build", "-q").code == 0


@pytest.mark.parametrize(
    "output",
    ["content/pages", "content", "templates/static", "templates", ".", "..", "PACKAGE"],
)
def test_the_output_may_not_hold_or_lie_inside_what_the_build_reads(
    project_copy: Path, output: str
) -> None:
    """F6: ``-o content/pages`` deleted about.md."""
    import archive_site

    if output == "PACKAGE":
        output = str(Path(archive_site.__file__).parent / "render")
    elif output.startswith(("content", "templates")):
        (project_copy / output / ".nojekyll").touch()  # the marker proves nothing
    before = tree_digest(project_copy / "content"), tree_digest(project_copy / "templates")
    package = tree_digest(Path(archive_site.__file__).parent)
    run = cli("build", "-q", "-o", output)
    assert run.code == 1, run.err
    assert "output" in run.err
    assert (
        tree_digest(project_copy / "content"),
        tree_digest(project_copy / "templates"),
    ) == before
    assert tree_digest(Path(archive_site.__file__).parent) == package


_KILLER = """
import os, sys
from pathlib import Path
from archive_site.model import Output
from archive_site.write import write_site

countdown = int(sys.argv[2])
MUTATING = {"os.rename", "os.remove", "os.rmdir", "shutil.rmtree", "os.mkdir", "os.unlink",
            "os.symlink"}

def hook(event, args):
    global countdown
    if event in MUTATING:
        countdown -= 1
        if countdown == 0:
            os._exit(9)  # as SIGKILL: no cleanup runs

sys.addaudithook(hook)
version = sys.argv[3]
outputs = [Output(".nojekyll", b""), Output("index.html", version.encode()),
           Output("a/b.html", version.encode()), Output("data/c.json", b"[]")]
write_site(outputs, Path(sys.argv[1]))
"""


def test_a_killed_build_leaves_the_old_or_the_new_site_and_the_next_cleans_up(
    tmp_path: Path,
) -> None:
    """F12: SIGKILL between the two renames left no dist/; killed builds left .dist.new-*."""
    from archive_site.model import Output
    from archive_site.write import write_site

    script = tmp_path / "killer.py"
    script.write_text(_KILLER)
    out = tmp_path / "site" / "dist"

    def write(version: str, kill_at: int) -> int:
        """A process writing the site, killed at its kill_at-th change to the file system."""
        return subprocess.run(
            [sys.executable, str(script), str(out), str(kill_at), version], check=False
        ).returncode

    def write_old() -> None:
        """The next build, in this process: as the killed one's, with the old pages."""
        old = [Output(".nojekyll", b""), Output("index.html", b"old")]
        old += [Output("a/b.html", b"old"), Output("data/c.json", b"[]")]
        write_site(old, out)

    write_old()
    kill_at, finished = 1, False
    while not finished:
        finished = write("new", kill_at) == 0
        assert (out / "index.html").read_text() in ("old", "new"), kill_at
        assert (out / "a/b.html").read_text() == (out / "index.html").read_text()
        write_old()  # cleans up after a killed one
        assert sorted(p.name for p in out.parent.iterdir()) == ["dist"], kill_at
        assert (out / "index.html").read_text() == "old"
        kill_at += 1
        assert kill_at < 100
    assert kill_at > 2  # the kill points were really reached


# --- F7: the dev server answers every request --------------------------------------------


def test_the_dev_server_answers_a_long_path_segment(tmp_path: Path) -> None:
    """F7: a path segment over 255 bytes got no HTTP response (OSError in _locate)."""
    from archive_site.serve.http import locate as _locate

    root = tmp_path / "site"
    root.mkdir()
    (root / "index.html").write_text("home")
    assert _locate(root, "a" * 300) is None
    assert _locate(root, "a" * 300 + "/") is None
    assert _locate(root, ("b" * 200 + "/") * 30 + "c") is None
    assert _locate(root, "index.html") == (root / "index.html").resolve()


# --- F8: years the site cannot draw ----------------------------------------------------------


@pytest.mark.parametrize(
    "date",
    [
        "0000",
        "9999",
        "9999-12-31",
        "0000-01-01",
        "0000/9999",
        "[..9999-12-31]",
        "[0000-01-01..]",
        "9999~",
        "1990/9999",
        "../9999",
        "0000/..",
    ],
)
def test_check_refuses_the_years_build_cannot_draw(project_copy: Path, date: str) -> None:
    """F8: year 0000 or 9999 passed check and every build exited 70."""
    line = edit(project_copy / MILESTONES, "date: 1992-04-02", f'date: "{date}"\n  date_note: n')
    check = cli("check")
    assert_problem(check, f"{MILESTONES}:{line}", "year")
    assert "years 1 to 9998" in check.err
    build = cli("build", "-q")
    assert build.code == 1 and build.problems == check.problems


# --- F9, F10: only regular files inside content/ are read --------------------------------------


def test_a_capture_that_is_a_symlink_is_refused(project_copy: Path) -> None:
    """F9: a capture linked to /etc/passwd was published."""
    capture = project_copy / f"content/articles/{COMMENTARY}.capture.txt"
    outside = project_copy / "outside.txt"
    outside.write_bytes(capture.read_bytes())
    capture.unlink()
    capture.symlink_to(outside)
    run = cli("build", "-q")
    assert_problem(run, f"content/articles/{COMMENTARY}.capture.txt", "symbolic link")
    assert not (project_copy / "dist").exists()


def test_a_folder_linked_from_outside_is_refused(project_copy: Path) -> None:
    """F9: nothing that resolves outside content/ is read."""
    pages = project_copy / "content/pages"
    pages.rename(project_copy / "elsewhere")
    pages.symlink_to(project_copy / "elsewhere")
    assert_problem(cli("check"), "content/pages", "symbolic link")


@pytest.mark.parametrize("linked", ["articles", "milestones.yaml", "entities.yaml", "pages"])
def test_a_linked_folder_or_file_is_one_problem_not_one_per_reference(
    project_copy: Path, linked: str
) -> None:
    """A linked ``articles/`` gave 62 errors: the link, then "unknown article" for every
    source of every milestone (hostile review 30).  What could not be read is reported once;
    the references to its records are checked once it reads."""
    path = project_copy / "content" / linked
    path.rename(project_copy / "elsewhere")
    path.symlink_to(project_copy / "elsewhere")
    run = cli("check")
    assert run.code == 1
    assert len(run.problems) == 1, run.err
    assert_problem(run, f"content/{linked}", "symbolic link")


def test_two_names_that_look_the_same_are_told_apart(project_copy: Path) -> None:
    """Two files named "café.md", one with "é" and one with "e" and its accent apart (as
    macOS writes names), gave two messages that looked the same (hostile review 30): each
    now names the character no id may hold."""
    article = "---\ntitle: T\npublished: 2025-04-01\noutlet: O\nkind: news\n---\n\nText.\n"
    for form in ("NFC", "NFD"):
        name = unicodedata.normalize(form, "café.md")
        (project_copy / "content/articles" / name).write_text(article, encoding="utf-8")
    run = cli("check")
    assert run.code == 1 and len(run.problems) == 2, run.err
    assert len(set(run.problems)) == 2
    assert any("U+00E9, latin small letter e with acute" in p for p in run.problems)
    assert any("U+0301, combining acute accent" in p for p in run.problems)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_or_fifo_is_refused_without_reading_it(project_copy: Path) -> None:
    """F10: /dev/zero was read until the process was killed; a FIFO made check hang."""
    capture = project_copy / f"content/articles/{COMMENTARY}.capture.txt"
    capture.unlink()
    os.mkfifo(capture)
    result: list[Run] = []
    thread = threading.Thread(target=lambda: result.append(cli("check")), daemon=True)
    thread.start()
    thread.join(30)
    if thread.is_alive():  # unblock the reader so the test process can end
        with open(capture, "wb"):
            pass
        thread.join(5)
        pytest.fail("check hung on a FIFO")
    assert_problem(result[0], f"content/articles/{COMMENTARY}.capture.txt", "not a regular file")


@pytest.mark.parametrize(
    "where",
    [
        "site.yaml",
        "entities.yaml",
        "topics.yaml",
        "milestones.yaml",
        "pages/x.md",
        f"articles/{COMMENTARY}.capture.txt",
        f"articles/{COMMENTARY}.meta.yaml",
        "articles/new.md",
    ],
)
def test_a_folder_where_a_file_belongs_is_named(project_copy: Path, where: str) -> None:
    """F10: a folder named site.yaml, entities.yaml or pages/x.md gave exit 70."""
    path = project_copy / "content" / where
    if path.exists():
        path.unlink()
    path.mkdir()
    assert_problem(cli("check"), f"content/{where}", "a folder")


def test_pages_that_is_a_file_is_an_error(project_copy: Path) -> None:
    """F10: ``pages`` being a file silently dropped the About page."""
    pages = project_copy / "content/pages"
    (pages / "about.md").unlink()
    pages.rmdir()
    pages.write_text("not a folder\n")
    assert_problem(cli("check"), "content/pages", "not a folder")


def test_a_template_that_is_a_link_is_refused(project_copy: Path) -> None:
    """Nothing the build reads lies outside content/ and templates/: templates included."""
    footer = project_copy / "templates/partials/footer.html"
    outside = project_copy / "outside.html"
    outside.write_bytes(footer.read_bytes())
    footer.unlink()
    footer.symlink_to(outside)
    assert_problem(cli("build", "-q"), "templates/partials/footer.html", "symbolic link")
    assert not (project_copy / "dist").exists()


def test_a_link_planted_beside_the_output_is_never_written_through(project_copy: Path) -> None:
    """The stamp was written into ``.dist.stamp.tmp`` beside the output folder, following
    a symbolic link there (git stores links; ``git add -f`` passes .gitignore): a file
    outside the project was overwritten with the stamp, and the build said nothing."""
    outside = project_copy.parent / "victim.txt"
    outside.write_text("the user's file\n", encoding="utf-8")
    (project_copy / ".dist.stamp.tmp").symlink_to(outside)
    assert cli("build", "-q").code == 0
    assert outside.read_text(encoding="utf-8") == "the user's file\n"
    assert (project_copy / ".dist.stamp").is_file()
    assert not (project_copy / ".dist.stamp.tmp").exists()
    assert "unchanged" in cli("build", "-v").out  # the stamp works


def test_an_oversized_capture_is_refused_before_it_is_read(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """F10: a size cap on captures, with a clear error."""
    from archive_site import files

    capture = project_copy / f"content/articles/{COMMENTARY}.capture.txt"
    monkeypatch.setattr(files, "MAX_BYTES", capture.stat().st_size - 1)
    assert_problem(cli("check"), f"content/articles/{COMMENTARY}.capture.txt", "larger than")


def test_an_unreadable_file_is_a_content_problem(project_copy: Path) -> None:
    """F10: an OSError while reading is never an internal error."""
    if os.geteuid() == 0:
        pytest.skip("root reads files without read permission")
    path = project_copy / "content/entities.yaml"
    path.chmod(0)
    try:
        assert_problem(cli("check"), "content/entities.yaml", "cannot read")
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


# --- F11: no step grows with the square of an article ----------------------------------------


def test_an_entity_page_does_not_compare_each_mention_with_every_other() -> None:
    """F11: a 10 MB capture took 36 s, a 50 MB one over 10 minutes: render.entity searched a
    list of paragraph ids once per mention, quadratic in an article's size.

    Counted, not timed: N mentions in N paragraphs may cost a few comparisons each.
    """
    import dataclasses
    from types import MappingProxyType

    from archive_site.load import load_archive
    from archive_site.model import Mention
    from archive_site.render.views import entity_articles, entity_view
    from conftest import CONTENT

    a = load_archive(CONTENT)
    e = a.entity("china")
    n = 3000
    mentions = a.links.mentions_by_entity[e.id] + tuple(
        Mention(COMMENTARY, CountedId(f"x{k}"), 0, 5, e.id) for k in range(n) for _ in (1, 2)
    )
    by_entity = {**a.links.mentions_by_entity, e.id: mentions}
    links = dataclasses.replace(a.links, mentions_by_entity=MappingProxyType(by_entity))
    CountedId.comparisons = 0
    changed = dataclasses.replace(a, links=links)
    view = entity_view(changed, e, entity_articles(changed))
    assert CountedId.comparisons < 10 * n, CountedId.comparisons
    shown = {art.id: pids for art, pids in view["mention_articles"]}
    assert shown[COMMENTARY][-n:] == [f"x{k}" for k in range(n)]


# --- F13: URLs in the sitemap and feed --------------------------------------------------------


@pytest.mark.parametrize(
    "bad",
    [
        "https://x.org/a b",
        'https://x.org/a"b',
        "https://x.org/<a>",
        "https://x.org/\x7f",
        "https://x.org:99999/",
        "https://x.org/%zz/",
    ],
)
def test_urls_with_characters_a_url_cannot_hold_are_refused(project_copy: Path, bad: str) -> None:
    """F13: base URL and an article's url: accepted spaces, quotes and angle brackets (and a
    control character, which YAML writes for an escape: refused as such, whatever the key)."""
    words = "control character U+007F" if "\x7f" in bad else "base_url"
    line = edit(
        project_copy / "content/site.yaml",
        "base_url: https://example.github.io/archive-site/",
        f"base_url: {json.dumps(bad)}",
    )
    assert_problem(cli("check"), f"content/site.yaml:{line}", words)
    edit(
        project_copy / "content/site.yaml",
        f"base_url: {json.dumps(bad)}",
        "base_url: https://x.org/",
    )
    meta = project_copy / f"content/articles/{COMMENTARY}.meta.yaml"
    line = append(meta, f"url: {json.dumps(bad)}\n")
    assert_problem(
        cli("check"),
        f"content/articles/{COMMENTARY}.meta.yaml:{line}",
        "control character" if "\x7f" in bad else "url",
    )
    opt = cli("check", "--base-url", bad)
    assert opt.code in (1, 2) and "--base-url" in opt.err


def test_the_sitemap_and_feed_are_valid_xml_with_valid_urls(project_copy: Path) -> None:
    import xml.dom.minidom

    assert cli("build", "-q", "--base-url", "https://x.org/a%20b/").code == 0
    for name in ("sitemap.xml", "feed.xml"):
        text = (project_copy / "dist" / name).read_text(encoding="utf-8")
        xml.dom.minidom.parseString(text)
        for url in re.findall(r"<loc>([^<]*)</loc>|href=\"([^\"]*)\"", text):
            u = url[0] or url[1]
            assert re.fullmatch(
                r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+", u.replace("&amp;", "&")
            ), u


@pytest.mark.parametrize("url", ["http://[::1", "https://[abc/x", "https://a]b/"])
def test_an_address_with_a_bracket_left_open_is_no_web_url(url: str) -> None:
    """urllib raises ValueError for an IPv6 host's bracket left open: a metadata ``url``, a
    link or a saved page's canonical address so was an internal error, not a problem."""
    assert not is_web_url(url)
    assert uri_of(url + "ş") == url + "ş"  # left for is_web_url to refuse


@pytest.mark.parametrize("name", ["search", "404", "timeline", "feed", "index"])
def test_a_page_named_as_one_of_the_site_s_own_is_refused_by_check(
    project_copy: Path, name: str
) -> None:
    """``pages/search.md`` passed ``check``, then failed the build ("search.html: two outputs
    have the same path", naming no content file); and ``pages/404.md`` was told "'404' is
    not a valid id ...; and not one of ['404', ...]"."""
    about = project_copy / ABOUT
    (about.parent / f"{name}.md").write_bytes(about.read_bytes())
    run = cli("check")
    assert_problem(
        run, f"content/pages/{name}.md", f"file name: '{name}' is the name of one of the site's own"
    )
    assert len(run.problems) == 1 and "not a valid id" not in run.err, run.err


def test_a_link_is_judged_as_the_page_s_attribute_reads_it() -> None:
    """`&quot;` passed the judge and became a quote in the address the browser follows;
    a reference without its ";" (`&copy=2` in a query) is left as browsers leave it."""
    from archive_site.urls import LinkError, resolve_link

    for fine in ("https://x.org/?a=1&amp;b=2", "https://x.org/?a=1&copy=2", "https://x.org/a&b"):
        assert resolve_link(fine) == (fine, False)
    for bad in ("https://x.org/&quot;a", "https://x.org/&#x22;a", "https://x.org/&lt;b&gt;"):
        with pytest.raises(LinkError):
            resolve_link(bad)


@pytest.mark.parametrize("damage", [b"\x80\x05garbage", b"\x80\x05", b"", b"\x00" * 40])
def test_a_damaged_compiled_template_is_compiled_again(tmp_path: Path, damage: bytes) -> None:
    """A compiled template cut short in the user's cache ("pickle data was truncated")
    failed every build with an internal error until the cache was deleted (audit 6)."""
    import jinja2

    from archive_site.render.environment import _QuietCache

    def render(x: int) -> str:
        env = jinja2.Environment(
            loader=jinja2.DictLoader({"t": "Hello {{ x }}"}),
            bytecode_cache=_QuietCache(str(tmp_path)),
            autoescape=True,
        )
        return env.get_template("t").render(x=x)

    assert render(1) == "Hello 1"
    files = list(tmp_path.glob("__jinja2_*.cache"))
    assert files
    for f in files:
        f.write_bytes(jinja2.bccache.bc_magic + damage)
    assert render(2) == "Hello 2"


@pytest.mark.parametrize("damage", ["a letter", "a byte of the code", "cut short", "a link"])
def test_a_compiled_template_damaged_in_place_is_never_run(tmp_path: Path, damage: str) -> None:
    """Code damaged in place can still load, as other code: a letter changed in a compiled
    template printed the changed letter on every page (and a byte of its code changed could
    crash the interpreter with a segmentation fault), until the cache was deleted."""
    import jinja2

    from archive_site.render.environment import _QuietCache

    def render(x: int) -> str:
        env = jinja2.Environment(
            loader=jinja2.DictLoader({"t": "Hello {{ x }}"}),
            bytecode_cache=_QuietCache(str(tmp_path / "cache")),
            autoescape=True,
        )
        return env.get_template("t").render(x=x)

    (tmp_path / "cache").mkdir()
    assert render(1) == "Hello 1"
    (f,) = (tmp_path / "cache").glob("__jinja2_*.cache")
    data = f.read_bytes()
    if damage == "a link":
        (tmp_path / "elsewhere").write_bytes(data.replace(b"Hello", b"Jello"))
        f.unlink()
        f.symlink_to(tmp_path / "elsewhere")
    else:
        f.write_bytes(
            {
                "a letter": data.replace(b"Hello", b"Jello"),
                "a byte of the code": data[:60] + bytes([data[60] ^ 0x10]) + data[61:],
                "cut short": data[:-1],
            }[damage]
        )
    assert render(2) == "Hello 2"


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("a\u202etxt.md", "a\\u202etxt.md"),  # shown as "adm.txt" by a terminal
        ("a\u2066b\u2069.md", "a\\u2066b\\u2069.md"),
        ("a\x1b[2Jb.md", "a\\x1b[2Jb.md"),
        ("a\x85b.md", "a\\x85b.md"),
        ("Ğazeta.md", "Ğazeta.md"),  # letters as they are
        # hostile59: a name that looks like another, refused as no Markdown file
        ("x.md\u200b", "x.md\\u200b"),
        ("x.md\xa0", "x.md\\xa0"),
        ("x.md ", "x.md\\x20"),
        (" x.md", "\\x20x.md"),
        ("  /x.md", "\\x20\\x20/x.md"),  # a folder of spaces
        ("a b.md", "a b.md"),  # a space within a name shows
        ("x\u2028y.md", "x\\u2028y.md"),  # a line break to a terminal
        ("ra\u200cis.md", "ra\u200cis.md"),  # a joiner some scripts write words with
    ],
)
def test_a_file_name_is_shown_as_it_is_named(name: str, shown: str) -> None:
    """A name with a right-to-left override was printed raw (audit 6): the terminal showed
    another name than the file's."""
    from archive_site.errors import display_path

    assert display_path(f"content/articles/{name}") == f"content/articles/{shown}"


def test_the_files_of_one_folder_are_shown_with_the_folder_made_relative_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each article's files were shown by making their whole path relative to the working
    folder again (two of them an article: 0.1 s of a 2,000-article load); a folder's files
    are shown as before, the folder made relative once, whatever the folder."""
    import os

    from archive_site import errors

    work = tmp_path / "work"
    (work / "content").mkdir(parents=True)
    monkeypatch.chdir(work)
    cases = {
        work / "content/articles/a.capture.txt": "content/articles/a.capture.txt",
        "content/ x /b\u202e.md": "content/\\x20x\\x20/b\\u202e.md",
        f"{tmp_path}/other/c.md": f"{tmp_path}/other/c.md",  # outside: as given
        "../other/c.md": "../other/c.md",
        tmp_path / "work": ".",  # the working folder itself, in its parent
        tmp_path: str(tmp_path),
        "d.md": "d.md",
        "./e.md": "e.md",
        "content/..f.md": "content/..f.md",
    }
    for path, shown in cases.items():
        assert errors.display_path(path) == shown, path
    made_relative: list[str] = []
    relpath = os.path.relpath

    def counted(path: str, start: str | None = None) -> str:
        made_relative.append(path)
        return relpath(path, start)

    monkeypatch.setattr(os.path, "relpath", counted)
    shown = [
        errors.display_path(work / "content/articles" / f"{n}.capture.txt") for n in range(100)
    ]
    assert shown == [f"content/articles/{n}.capture.txt" for n in range(100)]
    assert len(made_relative) <= 1


def test_no_control_character_of_a_file_name_reaches_the_terminal_in_a_message(
    project_copy: Path,
) -> None:
    """A file name's ESC was escaped where the report names the file, but printed raw in the
    message naming the capture it wants (``expected a<ESC>[2Jb.capture.txt``): a name could
    clear the archivist's terminal or write on it."""
    from conftest import cli

    name = "a\x1b[2Jb\u202ec"
    (project_copy / f"content/articles/{name}.meta.yaml").write_text("kind: news\n", "utf-8")
    result = cli("check", cwd=project_copy)
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
    assert "expected a\\x1b[2Jb\\u202ec.capture.txt beside" in result.stderr


def test_a_record_in_the_users_cache_is_never_read_through_a_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record of the cache replaced by a link was followed: to ``/dev/zero``, the build
    read until the out-of-memory killer ended it (24 GB).  A link, a device or a FIFO in
    a record's place is now read as no record (here a link to a record that would do)."""
    from archive_site.produce import read_record, record_path, write_record
    from archive_site.searchindex import _read_record

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    output = tmp_path / "dist"
    write_record(output, {"index.html": ("key", (1, 2, 3))})
    path = record_path(output)
    assert read_record(output) == {"index.html": ("key", (1, 2, 3))}
    path.rename(tmp_path / "elsewhere.json")
    path.symlink_to(tmp_path / "elsewhere.json")
    assert read_record(output) == {}
    assert _read_record(tmp_path / "elsewhere.json") != {}
    assert _read_record(path) == {}
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    assert _read_record(fifo) == {}  # not opened for reading: no writer would ever come


def _set_first(path: Path, key: str, value: str) -> int:
    """The first ``key:`` of the YAML (or front matter) ``path`` given ``value`` (its block's
    continuation lines dropped); its line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if line.lstrip(" -").startswith(f"{key}:"))
    indent = len(lines[at]) - len(lines[at].lstrip(" -"))
    end = at + 1
    while (
        end < len(lines)
        and lines[end].strip()
        and len(lines[end]) - len(lines[end].lstrip()) > indent
    ):
        end += 1
    lines[at:end] = [f'{lines[at][:indent]}{key}: "{value}"']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return at + 1


@pytest.mark.parametrize(
    ("file", "key"),
    [
        ("milestones.yaml", "summary"),
        ("articles/2025-04-21-aliyev-xinhua-interview.meta.yaml", "summary"),
        ("entities.yaml", "description"),
        ("topics.yaml", "description"),
        ("pages/about.md", "description"),
    ],
)
def test_prose_longer_than_the_site_shows_wherever_it_lists_it_is_refused_on_its_line(
    project_copy: Path, file: str, key: str
) -> None:
    """A summary or a description of 3 MB made the pages showing it 3 MB (a milestone's: the
    timeline, its year's and its topic's page): past MOST_PROSE characters it is an error on
    its line; at MOST_PROSE it is read."""
    from archive_site.load.checks import MOST_PROSE

    words = ("Baku and Beijing " * MOST_PROSE)[: MOST_PROSE - 1] + "x"
    line = _set_first(project_copy / "content" / file, key, words + "y")
    run = cli("check")
    assert run.code == 1, run.out + run.err
    assert (
        f"content/{file}:{line}: {key}: {MOST_PROSE + 1:,} characters long, more than the "
        f"{MOST_PROSE:,} it may have"
    ) in run.err
    assert len(run.problems) == 1, run.err
    assert "Traceback" not in run.err
    _set_first(project_copy / "content" / file, key, words)
    run = cli("check")
    assert run.code == 0, run.out + run.err
