"""Every text field of every record holds a payload; no output file may hold a live one.

The payload is escaped correctly only if each output context escapes for its
own consumer: HTML text and attributes, URLs, JSON in ``<script>``, the Atom
feed and the sitemap (XML), TimelineJS (which shows its text fields as HTML),
the CSV (spreadsheet formulas), BibTeX and RIS (one field a line).
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import xml.dom.minidom
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import CONTENT, TEMPLATES, cli

PAYLOAD = (
    "<script>alert(1)</script>\"><img src=x onerror=alert(2)>'<svg onload=alert(3)>"
    '</title></textarea>]]>{{ 7*7 }}&amp;=HYPERLINK("http://x")'
)
#: For fields a line-based format (RIS) writes: a newline that would start a new record.
LINES = "\nER  - \nTY  - JOUR\nTI  - injected"

#: Per YAML file, the text fields of each record (the quotes must stay verbatim).
FIELDS = {
    "site.yaml": ("title", "description", "subject", "publisher", "license"),
    "entities.yaml": ("name", "description"),
    "topics.yaml": ("title", "description"),
    "milestones.yaml": ("title", "summary", "date_note"),
}
#: Fields the interview's metadata gives (the EDnews capture states its own title).
META_FIELDS = ("title", "short_title", "summary", "origin", "original_name")


def _poison_yaml(path: Path, fields: tuple[str, ...]) -> None:
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    records = data if isinstance(data, list) else [data]
    for n, rec in enumerate(records):
        for key in fields:
            suffix = f" {n}" if key == "name" else ""  # names must stay distinct
            rec[key] = f"{PAYLOAD}{suffix}"
        if "aliases" in rec:
            rec["aliases"] = [f"{PAYLOAD} alias {n}"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def poison(project: Path) -> None:
    content = project / "content"
    for name, fields in FIELDS.items():
        _poison_yaml(content / name, fields)
    for meta in sorted((content / "articles").glob("*.meta.yaml")):
        data = yaml.safe_load(meta.read_text(encoding="utf-8"))
        for key in META_FIELDS:
            if key in data or key in ("summary", "origin", "short_title"):
                data[key] = PAYLOAD + (LINES if key == "title" else "")
        meta.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    for capture in sorted((content / "articles").glob("*.capture.txt")):
        text = capture.read_text(encoding="utf-8")
        lines = text.split("\n")
        # A paragraph of the body (after the EDnews dateline, inside the interview's answers).
        at = 4 if "EDnews" in text else len(lines) - 3
        capture.write_text("\n".join([*lines[:at], f"- {PAYLOAD}", "", *lines[at:]]), "utf-8")
    page = content / "pages/about.md"
    body = page.read_text(encoding="utf-8").split("---", 2)[2]
    front = {"title": PAYLOAD, "description": PAYLOAD, "menu": PAYLOAD}
    page.write_text(f"---\n{yaml.safe_dump(front)}---\n{PAYLOAD}\n\n{body}", encoding="utf-8")


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def live_markup(html: str, *, own_scripts: bool) -> list[str]:
    """Elements and attributes in ``html`` that would run or load something from the payload."""
    parser = _Elements()
    parser.feed(html)
    parser.close()
    found = []
    for tag, attrs in parser.tags:
        if tag in ("img", "iframe", "object", "embed", "textarea"):
            found.append(f"<{tag}>")
        found += [f"<{tag} {k}>" for k in attrs if k.startswith("on")]
        if tag == "script" and not (
            own_scripts
            and (attrs.get("src", "").endswith(".js") or "ld+json" in attrs.get("type", ""))
        ):
            found.append(f"<script {attrs}>")
    for script in parser.scripts:  # JSON-LD: still whole JSON, the payload inside it
        json.loads(script)
    return found


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("poisoned")
    shutil.copytree(CONTENT, project / "content")
    shutil.copytree(TEMPLATES, project / "templates")
    poison(project)
    result = cli("build", "-q", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "dist"


def _files(root: Path, *suffixes: str) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in suffixes)


def test_the_payload_reached_the_pages(poisoned: Path) -> None:
    """The payload is really in the output (escaped), or the test would prove nothing."""
    home = (poisoned / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in home
    article = next((poisoned / "articles").glob("*interview.html")).read_text(encoding="utf-8")
    assert article.count("&lt;img src=x onerror=alert(2)&gt;") >= 2  # title and paragraph


def test_no_page_holds_a_live_payload(poisoned: Path) -> None:
    pages = _files(poisoned, ".html", ".svg")
    assert len(pages) > 50
    live = {
        str(p.relative_to(poisoned)): found
        for p in pages
        if (found := live_markup(p.read_text(encoding="utf-8"), own_scripts=True))
    }
    assert live == {}


def test_feed_and_sitemap_are_xml_without_markup_from_content(poisoned: Path) -> None:
    for name in ("feed.xml", "sitemap.xml"):
        doc = xml.dom.minidom.parseString((poisoned / name).read_bytes())
        tags = {el.tagName for el in doc.getElementsByTagName("*")}
        assert not tags & {"script", "img", "svg", "title"} - (
            {"title"} if name == "feed.xml" else set()
        )
        assert "]]>" not in (poisoned / name).read_text(encoding="utf-8").replace("]]&gt;", "")


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_timelinejs_shows_no_live_payload(poisoned: Path) -> None:
    data = json.loads((poisoned / "data/timeline.json").read_text(encoding="utf-8"))
    texts = _strings(data)
    assert any("&lt;script&gt;" in t for t in texts)
    live = [t for t in texts if live_markup(t, own_scripts=False)]
    assert live == []


def test_every_json_file_parses(poisoned: Path) -> None:
    for path in _files(poisoned, ".json"):
        json.loads(path.read_text(encoding="utf-8"))


def test_csv_cells_are_never_formulas(poisoned: Path) -> None:
    for path in _files(poisoned, ".csv"):
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        assert len(rows) > 1
        for row in rows:
            assert not [c for c in row if c.startswith(("=", "+", "-", "@", "\t", "\r"))], row


def test_citations_keep_one_record_per_article(poisoned: Path) -> None:
    articles = len(json.loads((poisoned / "data/articles.json").read_text(encoding="utf-8")))
    ris = (poisoned / "data/citations.ris").read_text(encoding="utf-8")
    assert len(re.findall(r"^TY  - ", ris, re.MULTILINE)) == articles
    assert all(re.match(r"[A-Z][A-Z0-9]  -( |$)", line) for line in ris.split("\n") if line), ris
    bib = (poisoned / "data/citations.bib").read_text(encoding="utf-8")
    assert len(re.findall(r"^@", bib, re.MULTILINE)) == articles
    assert bib.count("{") == bib.count("}") + bib.count("\\}") - bib.count("\\{")
