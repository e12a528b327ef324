"""A small HTML reader for tests: ids, links, and the text of elements, with the stdlib parser."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


@dataclass
class Scan:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (attribute, url)
    elements: list[Element] = field(default_factory=list)  # every element with its text

    def find(self, tag: str, **attrs: str) -> list[Element]:
        return [
            e
            for e in self.elements
            if e.tag == tag and all(e.attrs.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]

    def by_id(self, ident: str) -> Element:
        (e,) = [e for e in self.elements if e.attrs.get("id") == ident]
        return e


_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = Scan()
        self.open: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if "id" in a:
            self.scan.ids.add(a["id"])
        for attr in ("href", "src", "action"):  # a form leads to its action
            if attr in a:
                self.scan.links.append((attr, a[attr]))
        el = Element(tag, a)
        self.scan.elements.append(el)
        if tag not in _VOID:
            self.open.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.open and self.open[-1].tag == tag:
            self.open.pop()

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i].tag == tag:
                del self.open[i:]
                break

    def handle_data(self, data: str) -> None:
        for el in self.open:
            el.text += data


def scan_html(text: str) -> Scan:
    p = _Parser()
    p.feed(text)
    p.close()
    return p.scan


def scan_file(path: Path) -> Scan:
    return scan_html(path.read_text(encoding="utf-8"))


def resolve(site_root: Path, page: Path, url: str, base_path: str = "/") -> tuple[Path, str] | None:
    """The file and fragment a link from ``page`` points to; None for other sites or schemes.

    ``site_root`` and ``page`` are resolved paths (a built site holds no symbolic links), so
    the link is followed by its path alone, without asking the file system."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    if parts.path.startswith("/"):
        if not parts.path.startswith(base_path):
            return (site_root / "__outside_the_base_path__", parts.fragment)
        rel = parts.path[len(base_path) :]
        target = site_root / unquote(rel)
    elif parts.path:
        target = page.parent / unquote(parts.path)
    else:
        target = page
    rel_str = posixpath.normpath(str(target))
    return Path(rel_str), unquote(parts.fragment)


def broken_links(root: Path, scans: dict[Path, Scan], base_path: str) -> tuple[list[str], int]:
    """Every same-site link or fragment of the scanned pages that leads nowhere, and how many
    links were checked. ``scans`` maps each page's resolved path to its scan."""
    broken: list[str] = []
    checked = 0
    for page, scan in scans.items():
        for attr, url in scan.links:
            target = resolve(root, page, url, base_path)
            if target is None:
                continue
            file, fragment = target
            checked += 1
            if not file.is_file():
                broken.append(f"{page.relative_to(root)}: {attr}={url}: no such file")
            elif fragment and fragment not in (scans[file].ids if file in scans else set()):
                broken.append(
                    f"{page.relative_to(root)}: {attr}={url}: no element with id {fragment!r}"
                )
    return broken, checked
