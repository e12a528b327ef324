"""Pages saved in a binary container: Safari's Web Archive (``webarchive``) and WARC (``warc``).

Every file is made here: a web archive by :func:`plistlib.dumps`, a WARC file
by hand (a ``.warc.gz``, each record gzipped on its own).
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import plistlib
import re
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from archive_site.errors import Problems
from archive_site.readers import Reading, capture_text, detect_format, read_text, readable
from archive_site.readers.container import escaped, unescaped
from conftest import cli

PAGE = (
    '<!DOCTYPE html><html lang="en"><head><title>Talks in Baku</title>{head}</head><body>\n'
    "<article><h1>Talks in Baku</h1>\n"
    '<p class="byline">By Leyla Mammadova</p>\n'
    "<p>{first}</p>\n"
    "<p>The ministers also discussed the Middle Corridor and new rail links, "
    "officials said after the meeting.</p>\n"
    "</article></body></html>\n"
)
FIRST = "Baku hosted the talks on Wednesday, officials said, and more was agreed than expected."
DATED = '<meta property="article:published_time" content="2025-04-23T10:00:00+04:00">'
CANONICAL = '<link rel="canonical" href="https://news.example/2025/talks">'
URL = "https://news.example/talks?id=7"
CYRILLIC = "Переговоры в Баку прошли в среду, сообщили официальные лица, и договорились о многом."


def page(head: str = DATED, first: str = FIRST) -> str:
    return PAGE.format(head=head, first=first)


def webarchive(data: object, *, binary: bool = True, **main: object) -> bytes:
    """A web archive as Safari writes one: its page's resource, and an image beside it."""
    resource = {
        "WebResourceData": data,
        "WebResourceMIMEType": "text/html",
        "WebResourceTextEncodingName": "UTF-8",
        "WebResourceURL": URL,
        "WebResourceFrameName": "",
        **main,
    }
    resource = {k: v for k, v in resource.items() if v is not None}
    image = {
        "WebResourceData": b"\x89PNG\r\n\x1a\n",
        "WebResourceMIMEType": "image/png",
        "WebResourceURL": "https://news.example/a.png",
    }
    root = {"WebMainResource": resource, "WebSubresources": [image]}
    return plistlib.dumps(root, fmt=plistlib.FMT_BINARY if binary else plistlib.FMT_XML)


def record(kind: str, uri: str, content_type: str, block: bytes, **headers: str) -> bytes:
    more = "".join(f"{k.replace('_', '-')}: {v}\r\n" for k, v in headers.items())
    head = (
        f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
        "WARC-Date: 2026-01-02T03:04:05Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        f"Content-Type: {content_type}\r\n{more}Content-Length: {len(block)}\r\n\r\n"
    )
    return head.encode("utf-8") + block + b"\r\n\r\n"


def response(
    body: bytes,
    *,
    status: str = "200 OK",
    headers: str = "",
    uri: str = URL,
    content_type: str = "text/html; charset=utf-8",
) -> bytes:
    http = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{headers}\r\n".encode()
    return record("response", uri, "application/http; msgtype=response", http + body)


def request(uri: str = URL) -> bytes:
    http = b"GET / HTTP/1.1\r\nHost: news.example\r\n\r\n"
    return record("request", uri, "application/http; msgtype=request", http)


WARCINFO = record("warcinfo", "", "application/warc-fields", b"software: test\r\n")


def warc(*records: bytes, gzipped: bool = False) -> bytes:
    if gzipped:
        return b"".join(gzip.compress(r) for r in records)
    return b"".join(records)


def wacz(entries: dict[str, bytes], *, stored: bool = False) -> bytes:
    """A WACZ file as ArchiveWeb.page writes one: a zip file of these entries."""
    out = io.BytesIO()
    how = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(out, "w", how) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def pages_list(*urls: str) -> bytes:
    lines = [{"format": "json-pages-1.0", "id": "pages", "title": "All Pages"}]
    lines += [{"id": str(n), "url": u, "ts": "2026-01-02T03:04:05Z"} for n, u in enumerate(urls)]
    return "\n".join(json.dumps(line) for line in lines).encode()


def chunked(body: bytes, size: int = 40) -> bytes:
    parts = [body[i : i + size] for i in range(0, len(body), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + b"0\r\n\r\n"


def read(data: bytes, name: str) -> tuple[Reading, list[str]]:
    """The capture read as the loader reads it: its text, its format, its reading."""
    problems = Problems()
    decoded = capture_text(data, name, name, problems)
    if decoded is None:
        return Reading("none", {}, ()), [f"{d.line}: {d.message}" for d in problems]
    text = readable(decoded.text, name, problems)
    assert text == decoded.text  # nothing of a binary file is read as a control character
    reading = read_text(text, name, problems, fmt=detect_format(text, name))
    return reading, [f"{d.line}: {d.message}" for d in problems]


def values(r: Reading) -> dict[str, str]:
    return {k: f.value for k, f in r.fields.items()}


def as_html(html: str) -> Reading:
    r, problems = read(html.encode("utf-8"), "page.html")
    assert problems == []
    return r


def test_a_binary_capture_is_escaped_as_text_byte_for_byte() -> None:
    data = bytes(range(256)) * 3 + "é—Ж".encode()
    text = escaped(data).text
    assert unescaped(text) == data
    assert readable(text, "x", Problems()) == text and "\x00" not in text
    assert escaped(b"plain text\r\n").encoding == "UTF-8" and escaped(data).encoding == "binary"


# --- Safari's web archive -------------------------------------------------------------


@pytest.mark.parametrize("binary", [True, False])
@pytest.mark.parametrize("name", ["saved.webarchive", "saved.txt"])
def test_a_web_archive_is_read_as_its_page(binary: bool, name: str) -> None:
    html = page(DATED + CANONICAL)
    data = webarchive(html.encode("utf-8"), binary=binary)
    if not binary and name == "saved.txt":
        assert data.startswith(b"<?xml")
    r, problems = read(data, name)
    assert problems == [] and r.format == "webarchive"
    same = as_html(html)
    assert values(r) == values(same)
    assert values(r)["title"] == "Talks in Baku" and values(r)["published"] == "2025-04-23"
    assert values(r)["author"] == "Leyla Mammadova"
    assert values(r)["url"] == "https://news.example/2025/talks"  # the page's own, first
    assert [b.text for b in r.blocks] == [b.text for b in same.blocks]
    assert r.blocks[0].text == FIRST
    lines = data.split(b"\n")
    at = {b.line for b in r.blocks} | {f.line for f in r.fields.values()}
    assert at == ({1} if binary else {next(i for i, x in enumerate(lines) if b"WebMain" in x) + 1})


def test_a_web_archive_gives_the_address_its_page_does_not() -> None:
    r, problems = read(webarchive(page().encode()), "saved.webarchive")
    assert problems == [] and values(r)["url"] == URL
    r, _ = read(
        webarchive(page().encode(), WebResourceURL="file:///Users/x/a.html"), "a.webarchive"
    )
    assert "url" not in r.fields  # no web address
    wayback = "https://web.archive.org/web/20250423120000/https://report.az/a/saziş/"
    r, _ = read(webarchive(page().encode(), WebResourceURL=wayback), "a.webarchive")
    assert values(r)["url"] == "https://report.az/a/sazi%C5%9F/"  # as a page's own is read


def test_a_web_archive_s_page_in_the_encoding_it_names() -> None:
    html = page(head="", first=CYRILLIC).encode("cp1251")  # the page declares none
    for label in ("windows-1251", "cp1251"):
        r, problems = read(webarchive(html, WebResourceTextEncodingName=label), "a.webarchive")
        assert problems == [] and r.blocks[0].text == CYRILLIC
    r, problems = read(webarchive(html, WebResourceTextEncodingName=None), "a.webarchive")
    assert r.blocks == () and problems == ["1: the page in the web archive is not UTF-8 text"]
    r, problems = read(webarchive(html, WebResourceTextEncodingName="x-klingon"), "a.webarchive")
    assert problems == [
        "1: the page in the web archive is not UTF-8 text (the encoding it names, 'x-klingon', "
        "is not one browsers read)"
    ]
    utf16 = page(head="", first=CYRILLIC).encode("utf-16")  # with its byte-order mark
    r, problems = read(webarchive(utf16, WebResourceTextEncodingName="UTF-16"), "a.webarchive")
    assert problems == [] and r.blocks[0].text == CYRILLIC
    declared = page(head='<meta charset="windows-1251">', first=CYRILLIC).encode("cp1251")
    r, problems = read(webarchive(declared, WebResourceTextEncodingName=None), "a.webarchive")
    assert problems == [] and r.blocks[0].text == CYRILLIC


def _nested_plist(depth: int) -> bytes:
    """A binary property list of arrays, each holding the next, ``depth`` deep."""
    objects = [b"\xa1" + struct.pack(">H", i + 1) for i in range(depth)] + [b"\x08"]
    offsets, body = [], b"bplist00"
    for obj in objects:
        offsets.append(len(body))
        body += obj
    table = b"".join(struct.pack(">I", o) for o in offsets)
    trailer = struct.pack(">6xBBQQQ", 4, 2, len(objects), 0, len(body))
    return body + table + trailer


def _cyclic() -> bytes:
    """A binary property list whose dictionary is its own WebMainResource."""
    objects = [b"\xd1\x01\x00", b"\x5f\x10\x0fWebMainResource"]
    offsets, body = [], b"bplist00"
    for obj in objects:
        offsets.append(len(body))
        body += obj
    table = bytes(offsets)
    return body + table + struct.pack(">6xBBQQQ", 1, 1, len(objects), 0, len(body))


def _bad_offsets() -> bytes:
    data = webarchive(b"<p>x</p>")
    return data[:-8] + (len(data) * 2).to_bytes(8, "big")  # its offsets: past its end


def _many_objects() -> bytes:
    data = bytearray(webarchive(b"<p>x</p>"))
    data[-24:-16] = (2**40).to_bytes(8, "big")  # its trailer's count of objects
    return bytes(data)


ENTITIES = (
    b'<?xml version="1.0"?>\n<!DOCTYPE plist [<!ENTITY a "aaaaaaaaaa">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<plist version="1.0"><dict>'
    b"<key>WebMainResource</key><dict><key>WebResourceData</key><string>&b;</string>"
    b"</dict></dict></plist>\n"
)


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (_bad_offsets(), 1, "a malformed property list"),
        (webarchive(b"<p>x</p>")[:-10], 1, "a binary property list of more than 1,000,000"),
        (b"bplist00" + b"\x00" * 40, 1, "a malformed property list"),
        (b"bplist00", 1, "a binary property list cut short (no trailer)"),
        (_nested_plist(5000), 1, "a property list nested too deeply to read"),
        (_cyclic(), 1, "WebResourceData is missing"),
        (_many_objects(), 1, "a binary property list of more than 1,000,000 objects"),
        (ENTITIES, 1, "XML entity declarations are not supported in plist files"),
        (b"<?xml version='1.0'?><plist><dict><key>a", 1, "a malformed property list"),
        (  # plistlib raised AttributeError: an internal error, exit 70, no file named
            b"<?xml version='1.0'?><plist><dict><key>WebMainResource</key><dict>"
            b"<key>WebResourceData</key><date>garbage</date></dict></dict></plist>",
            1,
            "a malformed property list (a <date> that is no date)",
        ),
        (plistlib.dumps({"a": 1}, fmt=plistlib.FMT_BINARY), 1, "with no WebMainResource"),
        (
            plistlib.dumps({"WebMainResource": [1]}, fmt=plistlib.FMT_BINARY),
            1,
            "a WebMainResource that is no dictionary: no HTML page in it",
        ),
        (webarchive("<p>text</p>"), 1, "WebResourceData is a string, not data"),
        (webarchive(None), 1, "WebResourceData is missing"),
        (
            webarchive(b"\x89PNG\r\n", WebResourceMIMEType="image/png"),
            1,
            "its main resource is 'image/png', not a web page: no HTML page in it",
        ),
        (
            webarchive(b"%PDF-1.7", WebResourceMIMEType="application/pdf", binary=False),
            5,  # the line of <key>WebMainResource</key>
            "its main resource is 'application/pdf', not a web page: no HTML page in it",
        ),
    ],
)
def test_a_web_archive_that_cannot_be_read_is_refused_on_its_line(
    data: bytes, line: int, message: str
) -> None:
    r, problems = read(data, "bad.webarchive")
    assert r.blocks == () and len(problems) == 1, problems
    assert problems[0].startswith(f"{line}: not a readable Safari web archive: ")
    assert message in problems[0]


# --- WARC ------------------------------------------------------------------------------


@pytest.mark.parametrize("gzipped", [False, True])
@pytest.mark.parametrize("named", [True, False])
def test_a_warc_file_is_read_as_its_page(gzipped: bool, named: bool) -> None:
    html = page(DATED + CANONICAL)
    data = warc(WARCINFO, request(), response(html.encode()), gzipped=gzipped)
    name = ("page.warc.gz" if gzipped else "page.warc") if named else "download.bin"
    r, problems = read(data, name)
    assert problems == [] and r.format == "warc"
    same = as_html(html)
    assert values(r) == {**values(same), "captured": "2026-01-02"}  # its WARC-Date's day
    assert [b.text for b in r.blocks] == [b.text for b in same.blocks]
    at = {b.line for b in r.blocks} | {f.line for f in r.fields.values()}
    if gzipped:
        assert at == {1}
    else:  # the line of the page's record's first line
        (line,) = at
        assert data.split(b"\n")[line - 1] == b"WARC/1.1\r"
        assert b"WARC-Type: response" in data.split(b"\n")[line]


def test_a_warc_file_gives_the_address_its_page_does_not_and_never_its_date() -> None:
    r, problems = read(warc(response(page(head="").encode())), "page.warc")
    assert problems == [] and values(r)["url"] == URL
    assert "published" not in r.fields  # WARC-Date: when the page was archived (captured)
    assert [k for k, v in values(r).items() if "2026" in v] == ["captured"]
    r, _ = read(warc(response(page().encode())), "page.warc")
    assert values(r)["published"] == "2025-04-23"  # the page's own date, not WARC-Date's


def test_a_chunked_and_gzipped_body_is_decoded() -> None:
    html = page().encode()
    for coding, body in [
        ("gzip", gzip.compress(html)),
        ("deflate", zlib.compress(html)),
        ("deflate", zlib.compress(html)[2:-4]),  # raw deflate, as some servers send it
        ("gzip", html),  # a body stored decoded, its headers kept
    ]:
        headers = f"Transfer-Encoding: chunked\r\nContent-Encoding: {coding}\r\n"
        for gzipped in (False, True):
            data = warc(request(), response(chunked(body), headers=headers), gzipped=gzipped)
            r, problems = read(data, "page.warc")
            assert problems == [] and r.blocks[0].text == FIRST, coding


def test_a_warc_page_in_the_encoding_its_headers_name() -> None:
    html = page(head="", first=CYRILLIC).encode("cp1251")
    data = warc(response(html, content_type="text/html; charset=windows-1251"))
    r, problems = read(data, "page.warc")
    assert problems == [] and r.blocks[0].text == CYRILLIC
    bare = warc(response(html, content_type="text/html"))
    r, problems = read(bare, "page.warc")
    assert r.blocks == () and problems == ["1: the page in the WARC file is not UTF-8 text"]


def test_the_page_is_the_one_the_first_request_asks_for() -> None:
    other = page(head="", first="An advertisement frame with words enough to be read as text.")
    ad_uri = "https://ads.example/frame"
    pages = (response(other.encode(), uri=ad_uri), response(page().encode()))
    r, _ = read(warc(request(), *pages), "page.warc")
    assert r.blocks[0].text == FIRST and values(r)["url"] == URL
    r, _ = read(warc(*pages), "page.warc")  # no request: the first page
    assert values(r)["url"] == ad_uri
    moved = response(b"<html><body><p>Moved</p></body></html>", status="301 Moved")
    resource = record("resource", URL, "text/html", page().encode())
    r, problems = read(warc(moved, resource), "page.warc")  # a redirection is no page
    assert problems == [] and r.blocks[0].text == FIRST


def _bomb() -> bytes:
    return gzip.compress(b"\0" * (33 * 2**20), 9)


def _truncated() -> bytes:
    return warc(request(), response(page().encode()))[:-200]


def _short_length() -> bytes:
    good = response(page().encode())
    length = int(good.split(b"Content-Length: ")[1].split(b"\r")[0])
    wrong = good.replace(b"Content-Length: %d" % length, b"Content-Length: %d" % (length - 9))
    return warc(wrong, request())


def _length(length: bytes) -> bytes:
    """A WARC file of one response whose Content-Length is ``length``."""
    good = response(page().encode())
    return warc(re.sub(rb"Content-Length: \d+", b"Content-Length: " + length, good, count=1))


#: The line of the second record's first line in :func:`_truncated`.
SECOND = _truncated().split(b"\n").index(b"WARC/1.1\r", 1) + 1


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (_truncated(), SECOND, "record 2 is cut short: its Content-Length is "),
        (warc(response(page().encode())).replace(b"Content-Length", b"X-Length"), 1, "no Con"),
        (
            warc(request(), response(page().encode()))[:60],
            1,
            "record 1's header does not end: the file is cut short?",
        ),
        (
            _short_length(),
            1,
            "record 1's Content-Length (",
        ),
        (
            warc(
                response(
                    b"ff\r\n<p>short</p>\r\n0\r\n\r\n", headers="Transfer-Encoding: chunked\r\n"
                )
            ),
            1,
            "record 1's page's chunked body has a chunk of 255 bytes where 19 are left",
        ),
        (
            warc(
                response(
                    b"4\r\n<p>short</p>\r\n0\r\n\r\n", headers="Transfer-Encoding: chunked\r\n"
                )
            ),
            1,
            "record 1's page's chunked body has a chunk longer than its size says",
        ),
        (
            warc(response(_bomb(), headers="Content-Encoding: gzip\r\n")),
            1,
            "(Content-Encoding: gzip) decompresses to more than 32 MB",
        ),
        (
            warc(
                response(gzip.compress(page().encode())[:-30], headers="Content-Encoding: gzip\r\n")
            ),
            1,
            "(Content-Encoding: gzip) is cut short: its compressed data ends before the stream does",
        ),
        (
            warc(response(b"\x1b\x00\x00", headers="Content-Encoding: br\r\n")),
            1,
            "(Content-Encoding: br) is compressed with Brotli, which this build cannot read",
        ),
        (
            warc(response(page().encode(), headers="Content-Encoding: gzip, gzip, gzip, gzip\r\n")),
            1,
            "record 1's page is compressed 4 times over",
        ),
        (
            warc(
                record(
                    "response",
                    URL,
                    "application/http",
                    b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
                )
            ),
            1,
            "no HTML page in it (no response or resource record of text/html)",
        ),
        (
            warc(record("response", URL, "application/http", b"garbage")),
            1,
            "record 1's HTTP response has no status line",
        ),
        (_bomb(), 1, "gzip member 1 decompresses to more than 32 MB"),
        (gzip.compress(_truncated()), 1, "record 2 is cut short"),
        (warc(response(page().encode()), gzipped=True)[:-40], 1, "gzip member 1 is cut short"),
        # hostile66: these three were "has no Content-Length (or not a number: '...')"
        (
            _length(b"1000000000000000"),
            1,
            "record 1's Content-Length (1000000000000000) is more bytes than any capture the "
            "build reads",
        ),
        (_length(b"-5"), 1, "record 1's Content-Length is not a number of bytes: '-5'"),
        (_length(b"12abc"), 1, "record 1's Content-Length is not a number of bytes: '12abc'"),
    ],
)
def test_a_warc_file_that_cannot_be_read_is_refused_on_its_line(
    data: bytes, line: int, message: str
) -> None:
    r, problems = read(data, "bad.warc")
    assert r.blocks == () and len(problems) == 1, problems
    assert problems[0].startswith(f"{line}: not a readable WARC file: "), problems
    assert message in problems[0], problems


def test_a_warc_file_broken_after_its_page_is_read_with_a_warning() -> None:
    data = warc(response(page().encode()), request(), gzipped=True) + b"not gzip at all"
    r, problems = read(data, "page.warc.gz")
    assert r.blocks[0].text == FIRST
    assert problems == [
        "1: the rest of the file is not read: gzip member 3 does not start as gzip does"
    ]


# --- add, then build ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "stored", "fmt"),
    [
        (
            "saved.wacz",
            wacz({"archive/data.warc.gz": warc(response(page(DATED).encode()), gzipped=True)}),
            "talks.capture.wacz",
            "warc",
        ),
        (
            "saved.webarchive",
            webarchive(page(DATED).encode()),
            "talks.capture.webarchive",
            "webarchive",
        ),
        (
            "saved.warc",
            warc(request(), response(page(DATED).encode())),
            "talks.capture.warc",
            "warc",
        ),
        (
            "saved.warc.gz",
            warc(
                request(),
                response(gzip.compress(page(DATED).encode()), headers="Content-Encoding: gzip\r\n"),
                gzipped=True,
            ),
            "talks.capture.warc.gz",
            "warc",
        ),
    ],
)
def test_add_a_page_in_a_container_then_build(
    project_copy: Path, name: str, data: bytes, stored: str, fmt: str
) -> None:
    inbox = project_copy / "inbox"
    inbox.mkdir()
    (inbox / name).write_bytes(data)
    added = cli("add", f"inbox/{name}", "--id", "talks", cwd=project_copy)
    assert (added.returncode, added.stderr) == (0, "")
    assert f"to content/articles/{stored} (" in added.stdout
    assert f"read as '{fmt}'" in added.stdout
    said = [(k, v) for k, v, _ in re.findall(r"(?m)^  (\w+): +(.*) \(line (\d+)\)$", added.stdout)]
    assert ("title", "Talks in Baku") in said and ("url", URL) in said
    assert ("author", "Leyla Mammadova") in said
    folder = project_copy / "content/articles"
    assert (folder / stored).read_bytes() == data
    meta = folder / "talks.meta.yaml"
    meta.write_text(meta.read_text("utf-8").replace("kind:\n", "kind: news\n"), "utf-8")
    meta.write_text(meta.read_text("utf-8").replace("outlet:\n", "outlet: EDnews\n"), "utf-8")
    built = cli("build", "-q", cwd=project_copy)
    assert (built.returncode, built.stderr) == (0, "")
    dist = project_copy / "dist/articles"
    assert (dist / f"{stored}.txt").read_bytes() == data  # published as text
    assert not (dist / stored).exists()  # never served as itself
    html = (dist / "talks.html").read_text(encoding="utf-8")
    assert "officials said, and more was agreed than expected." in html
    assert "<h1>Talks in Baku</h1>" in html
    assert f'href="{stored}.txt" type="text/plain"' in html
    records = json.loads((project_copy / "dist/data/articles.json").read_text("utf-8"))
    record_ = next(r for r in records if r["id"] == "talks")
    assert record_["format"] == fmt and record_["published"] == "2025-04-23"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.webarchive", b"bplist00" + b"\x01" * 40, "1: not a readable Safari web archive"),
        (
            "a.webarchive",
            webarchive(b"%PDF", WebResourceMIMEType="application/pdf"),
            "1: not a readable Safari web archive: its main resource is 'application/pdf', not "
            "a web page: no HTML page in it",
        ),
        ("a.warc", _truncated(), f"{SECOND}: not a readable WARC file: record 2 is cut short"),
        ("a.warc.gz", _bomb(), "1: not a readable WARC file: gzip member 1 decompresses"),
        ("a.webarchive", b"\x89PNG\r\n\x1a\n\x00", "1: format: the capture does not look like"),
        ("a.warc", b"%PDF-1.7\n\x00\xff", "1: format: the capture does not look like 'warc'"),
        # a container renamed: what it is, said (it was "does not look like 'html'" alone)
        (
            "a.html",
            webarchive(page().encode()),
            "1: format: the capture does not look like 'html': it looks like 'webarchive'",
        ),
        (
            "a.html",
            warc(response(page().encode())),
            "1: format: the capture does not look like 'html': it looks like 'warc'",
        ),
    ],
)
def test_add_refuses_a_container_it_cannot_read(
    project_copy: Path, name: str, data: bytes, message: str
) -> None:
    inbox = project_copy / "inbox"
    inbox.mkdir()
    (inbox / name).write_bytes(data)
    before = sorted((project_copy / "content/articles").iterdir())
    result = cli("add", f"inbox/{name}", cwd=project_copy)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"inbox/{name}:{message}" in result.stderr
    assert sorted((project_copy / "content/articles").iterdir()) == before


class _CountingInflater:
    """A :func:`zlib.decompressobj` that counts the bytes it is handed."""

    handed = 0
    make = zlib.decompressobj

    def __init__(self, wbits: int) -> None:
        self._inflater = _CountingInflater.make(wbits)

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        _CountingInflater.handed += len(data)
        return self._inflater.decompress(data, max_length)

    def __getattr__(self, name: str) -> object:
        return getattr(self._inflater, name)


def test_a_warc_file_of_many_small_gzip_members_is_read_in_linear_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What follows a gzip member is never handed to its decompressor whole: a file of
    40,000 members took minutes so (each member handed the 3 MB after it).  Counted in
    bytes handed to zlib, not timed: each member is given at most a first window
    (4 KiB) beyond twice its own size."""
    from archive_site.readers import container

    members = 40_000
    member = gzip.compress(record("metadata", URL, "application/warc-fields", b"a: b\r\n"))
    data = member * members + warc(response(page().encode()), gzipped=True)
    monkeypatch.setattr(container.zlib, "decompressobj", _CountingInflater)
    _CountingInflater.handed = 0
    r, problems = read(data, "many.warc.gz")
    assert problems == [] and r.blocks[0].text == FIRST
    assert _CountingInflater.handed <= 2 * len(data) + 4096 * (members + 1)
    assert _CountingInflater.handed >= len(data)  # the counting saw the members


def test_a_warc_file_of_many_small_records_is_read() -> None:
    plain = warc(record("metadata", URL, "application/warc-fields", b"a: b\r\n")) * 40_000
    r, problems = read(plain + response(page().encode()), "m.warc")
    assert problems == [] and r.blocks[0].text == FIRST


# --- WACZ ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["saved.wacz", "saved.zip"])
def test_a_wacz_file_is_read_as_the_page_it_lists_first(name: str) -> None:
    ad_uri = "https://ads.example/frame"
    other = page(head="", first="An advertisement frame with words enough to be read as text.")
    records = warc(response(other.encode(), uri=ad_uri), response(page().encode()), gzipped=True)
    data = wacz(
        {
            "datapackage.json": b"{}",
            "archive/data.warc.gz": records,
            "pages/pages.jsonl": pages_list(URL, ad_uri),
        }
    )
    r, problems = read(data, name)
    assert problems == [] and r.format == "warc"
    assert r.blocks[0].text == FIRST and values(r)["url"] == URL
    assert values(r)["published"] == "2025-04-23"  # the page's, not the list's "ts"
    unlisted = wacz({"archive/data.warc.gz": records})  # no list: the first page
    r, problems = read(unlisted, "saved.wacz")
    assert problems == [] and values(r)["url"] == ad_uri


def _zip_bomb() -> bytes:
    return wacz({"archive/data.warc": b"WARC/1.1\r\n" + b"\0" * (33 * 2**20)})


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04" + b"\x00" * 60, "a WACZ file that is not a readable zip file"),
        (wacz({"pages/pages.jsonl": pages_list(URL)}), "without a WARC file in its archive/"),
        (_zip_bomb(), "archive/data.warc in it is more than 32 MB"),
        (
            wacz(
                {
                    "archive/a.warc": warc(response(page().encode())),
                    "pages/pages.jsonl": b"[" * 10**5,
                }
            ),
            "",  # a list nested too deep is no list: its first page is read
        ),
    ],
)
def test_a_wacz_file_that_cannot_be_read_is_refused(data: bytes, message: str) -> None:
    r, problems = read(data, "bad.wacz")
    if not message:
        assert problems == [] and r.blocks[0].text == FIRST
        return
    assert r.blocks == () and len(problems) == 1, problems
    assert problems[0].startswith("1: not a readable WARC file: ") and message in problems[0]


def test_a_run_of_line_breaks_between_records_is_read_in_little_memory() -> None:
    """The line breaks after a record were matched by a repeated group: a run of 32 MB of
    them (a .warc.gz of 32 KB) took 6 s and 4 GB of memory."""
    import tracemalloc

    data = warc(response(page().encode())) + b"\r\n" * 1_000_000
    tracemalloc.start()
    try:
        r, problems = read(data, "gaps.warc")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert problems == [] and r.blocks[0].text == FIRST
    assert peak < 60 * 2**20  # 2 MB of line breaks took 140 MB


def test_a_wacz_file_s_warc_files_are_read_to_32_mb_in_all() -> None:
    """Each WARC file of a WACZ file was read to 32 MB, but not their sum when they were
    not gzipped: a WACZ file of 620 KB (twenty WARC files of 32 MB, deflated) was read into
    a stream of 640 MB, and more entries, more memory."""
    filler = b"\n" * (20 * 2**20)
    entries = {"archive/a.warc": warc(response(page().encode()))}
    entries |= {"archive/b.warc": filler, "archive/c.warc": filler}
    r, problems = read(wacz(entries), "big.wacz")
    assert r.blocks[0].text == FIRST
    assert problems == [
        "1: the rest of the file is not read: archive/c.warc in it is more than 32 MB with the "
        "WARC files before it"
    ]


@pytest.mark.parametrize(
    ("method", "name"), [(zipfile.ZIP_BZIP2, "bzip2"), (zipfile.ZIP_LZMA, "LZMA")]
)
def test_a_wacz_file_compressed_otherwise_than_deflated_is_refused(method: int, name: str) -> None:
    """Python's zipfile decompresses a bzip2 or LZMA entry a block at a time whatever is
    asked of it: a WACZ file of 832 bytes took 16 s and 4 GB of memory."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        archive.writestr("archive/a.warc", warc(response(page().encode())))
    r, problems = read(out.getvalue(), "packed.wacz")
    assert r.blocks == ()
    assert problems == [
        f"1: not a readable WARC file: archive/a.warc in it is compressed with {name}: a WACZ "
        "file's are stored or deflated"
    ]


def test_a_chunked_body_of_too_many_chunks_is_refused() -> None:
    """Each chunk of a chunked body was a step of Python's and a bytes object kept: 5
    million chunks of a byte (a .warc.gz of 44 KB) took 8 s and 500 MB of memory."""
    html = page().encode()
    body = b"".join(b"1\r\n%s\r\n" % html[i : i + 1] for i in range(len(html))) + b"0\r\n\r\n"
    r, problems = read(warc(response(body, headers="Transfer-Encoding: chunked\r\n")), "c.warc")
    assert problems == [] and r.blocks[0].text == FIRST  # a chunk a byte, of a page: read
    body = b"1\r\na\r\n" * 200_001 + b"0\r\n\r\n"
    data = warc(response(body, headers="Transfer-Encoding: chunked\r\n"), gzipped=True)
    r, problems = read(data, "many.warc.gz")
    assert r.blocks == ()
    assert problems == [
        "1: not a readable WARC file: record 1's page's chunked body has more than 200,000 chunks"
    ]


@pytest.mark.parametrize("gzipped", [False, True])
def test_a_warc_file_of_too_many_records_is_read_to_the_most(gzipped: bool) -> None:
    """Each record, each gzip member, is some steps of Python's: a million empty records (a
    .warc.gz of 75 KB) took 9 s, 300,000 gzip members 5 s; the page before the most is
    read, with a warning, the records after it not."""
    empty = b"WARC/1.0\r\nContent-Length: 0\r\n\r\n"
    data = warc(response(page().encode()))
    data = gzip.compress(empty, mtime=0) * 200_001 if gzipped else data + empty * 200_000
    data = warc(response(page().encode()), gzipped=True) + data if gzipped else data
    r, problems = read(data, "many.warc.gz" if gzipped else "many.warc")
    assert r.blocks[0].text == FIRST
    most = "gzip members" if gzipped else "records"
    first = len(warc(response(page().encode()))) + len(empty) * 199_999  # the 200,001st
    line = 1 if gzipped else data[:first].count(b"\n") + 1
    assert problems == [f"{line}: the rest of the file is not read: more than 200,000 {most}"]


def _many_references(n: int) -> bytes:
    """A web archive whose root also holds an array of ``n`` references (each to a number)."""
    array = b"\xaf\x13" + n.to_bytes(8, "big") + b"\x03" * n
    objects = [
        b"\xd2\x01\x02\x04\x05",  # {WebMainResource: {}, x: [3, 3, ...]}
        b"\x5f\x10\x0fWebMainResource",
        b"\x51x",
        b"\x10\x01",
        b"\xd0",
        array,
    ]
    offsets, body = [], b"bplist00"
    for obj in objects:
        offsets.append(len(body))
        body += obj
    table = b"".join(struct.pack(">I", o) for o in offsets)
    return body + table + struct.pack(">6xBBQQQ", 4, 1, len(objects), 0, len(body))


def test_a_binary_property_list_of_too_many_references_is_refused() -> None:
    """plistlib makes a tuple and a list of an array's references, 16 bytes each: one array
    of 30 million, in a file of 30 MB, took 700 MB of memory."""
    _, problems = read(_many_references(1000), "refs.webarchive")
    assert problems == [
        "1: not a readable Safari web archive: its main resource's WebResourceData is missing"
    ]
    _, problems = read(_many_references(4_000_001), "refs.webarchive")
    assert problems == [
        "1: not a readable Safari web archive: a binary property list of more than 4,000,000 "
        "references (4,000,005)"
    ]


@pytest.mark.parametrize("start", ["ğƋ", "PKăĄ", "ŗŁŒŃ/1.0"])
def test_a_text_whose_characters_low_bytes_look_like_a_container_is_a_text(start: str) -> None:
    """Detection read the low byte of each character of any capture's text: a plain text
    opening with "ğƋ" (U+011F, U+018B: gzip's 1F 8B) was read as a WARC file and refused
    ("not valid compressed data"), "PKăĄ" as a WACZ file, "ŗŁŒŃ/1.0" as "WARC/1.0"."""
    text = f"{start}\n{FIRST}\n\nThe ministers also discussed the Middle Corridor.\n"
    r, problems = read(text.encode(), "note.txt")
    assert problems == [] and r.format == "plain"
    assert r.blocks[0].text.startswith(start)


def test_an_mhtml_page_in_an_8_bit_encoding_keeps_its_text_as_the_loader_reads_it() -> None:
    """An MHTML file that is not UTF-8 was given to the loader with its other bytes as
    surrogates, which the loader reads as spaces (control characters) before the reader
    saw them: a page in windows-1251 lost every Cyrillic letter, its paragraph dropped."""
    html = page(head="", first=CYRILLIC).replace("\n", "\r\n").encode("cp1251")
    data = (
        b'MIME-Version: 1.0\r\nFrom: "Daily \xcd\xee\xe2\xee\xf1\xf2\xe8" <news@example.org>\r\n'
        b"Subject: Talks \xe2 \x01Baku\r\n"
        b'Content-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
        b'Content-Type: text/html; charset="windows-1251"\r\nContent-Transfer-Encoding: 8bit\r\n'
        b"\r\n" + html + b"\r\n--b--\r\n"
    )
    r, problems = read(data, "page.mhtml")  # as the loader reads it: readable() first
    assert problems == [] and r.format == "mhtml"
    assert r.blocks[0].text == CYRILLIC
    assert data.split(b"\n")[r.blocks[0].line - 1].startswith(b"<p>\xcf")
    assert values(r)["title"] == "Talks in Baku"  # the page's, before the e-mail's
    assert values(r)["outlet"] == "Daily"  # header bytes that are not UTF-8: no surrogate


def test_a_page_of_too_many_elements_is_parsed_no_further(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page beyond the most elements was refused, but parsed to its end all the same:
    1.4 million elements (a page a WARC file of 75 KB decompresses to) took 15 s."""
    from archive_site.readers import htmlscan

    ended: list[str] = []
    handle = htmlscan._Scanner.handle_endtag
    monkeypatch.setattr(
        htmlscan._Scanner, "handle_endtag", lambda self, tag: ended.append(tag) or handle(self, tag)
    )
    # (150 list items: see MOST_UNWRAPPED, MOST_IN_PARAGRAPHS)
    many = "<ul>" + ("<li>" + "<b>a</b>" * 1_000 + "</li>") * 150 + "</ul>"
    html = page(first="Talks.").replace("<p>", many + "<p>", 1)
    data = warc(response(html.encode()), gzipped=True)
    r, problems = read(data, "big.warc.gz")
    assert r.blocks == () and len(problems) == 1
    assert "more than 100,000 elements" in problems[0]
    assert len(ended) < htmlscan.MOST_ELEMENTS


@pytest.mark.parametrize(
    ("label", "codec"),
    [("utf-16", "utf-16-le"), ("UTF-16LE", "utf-16-le"), ("utf-16be", "utf-16-be")],
)
def test_a_page_its_container_labels_utf_16_without_its_byte_order_mark(
    label: str, codec: str
) -> None:
    """A page a WARC record's headers (or a web archive) label UTF-16, without its byte-order
    mark, was read as UTF-8, its every other character a NUL: no text, and a warning of
    control characters; it is read as the label says, as browsers do."""
    html = page(first=CYRILLIC).encode(codec)
    data = warc(response(html, content_type=f"text/html; charset={label}"))
    r, problems = read(data, "page.warc")
    assert problems == [] and r.blocks[0].text == CYRILLIC
    r, problems = read(webarchive(html, WebResourceTextEncodingName=label), "page.webarchive")
    assert problems == [] and r.blocks[0].text == CYRILLIC
    utf8 = page().encode()  # a page labelled so that is not (no NUL): read as what it is
    r, problems = read(warc(response(utf8, content_type=f"text/html; charset={label}")), "p.warc")
    assert problems == [] and r.blocks[0].text == FIRST


#: A Russian page in KOI8-R declaring windows-1251 in itself (a fixture of the saved pages).
RUSSIAN = Path(__file__).parent / "fixtures" / "pages" / "koi8-r-declared-windows-1251.html"


def mhtml_of(page: bytes, label: str) -> bytes:
    """An MHTML file as Chrome writes one: its page's part, quoted-printable, in ``label``."""
    import quopri

    boundary = "----MultipartBoundary--k1----"
    head = (
        "From: <Saved by Blink>\r\nSubject: Page\r\nMIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{boundary}"\r\n'
        f"\r\n--{boundary}\r\nContent-Type: text/html; charset={label}\r\n"
        f"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: {URL}\r\n\r\n"
    )
    return head.encode() + quopri.encodestring(page) + f"\r\n--{boundary}--\r\n".encode()


@pytest.mark.parametrize("container", ["mhtml", "warc", "webarchive"])
def test_a_page_a_container_labels_in_another_encoding_of_its_script_is_refused(
    container: str,
) -> None:
    """Hostile66: the checks that a page declaring one encoding is not a text in another
    (see .charset) ran on a saved page alone: a page in KOI8-R that an MHTML part, a WARC
    record's HTTP head or a web archive labels windows-1251 was read as letters out of
    their order ('зТХЪПРЕТЕЧПЪЛЙ'), and nothing said so. It is an error on the part's line
    (its first word misread); labelled KOI8-R, or in the windows-1251 it is labelled, it
    is read."""
    koi8 = RUSSIAN.read_bytes()
    cp1251 = koi8.decode("koi8-r").encode("windows-1251")

    def contained(page: bytes, label: str) -> tuple[bytes, str]:
        if container == "mhtml":
            return mhtml_of(page, label), "page.mhtml"
        if container == "warc":
            return warc(response(page, content_type=f"text/html; charset={label}")), "p.warc"
        return webarchive(page, WebResourceTextEncodingName=label), "p.webarchive"

    r, problems = read(*contained(koi8, "windows-1251"))
    assert r.blocks == () and len(problems) == 1
    line, message = problems[0].split(": ", 1)
    what = {"mhtml": "MHTML file", "warc": "WARC file", "webarchive": "web archive"}[container]
    assert message.startswith(
        f"the page in the {what} is labelled 'windows-1251' (windows-1251), but its text does "
        "not read as windows-1251: its words come out garbled ('"
    )
    assert message.endswith(
        "the file names another encoding than its page is in, and the page is not read "
        "(capture it again, or save the text it shows)"
    )
    if container == "mhtml":  # (the part's line of the first word misread; the others, one)
        assert int(line) > 10
    for page, label in ((koi8, "koi8-r"), (cp1251, "windows-1251")):
        r, problems = read(*contained(page, label))
        assert problems == [] and "Грузоперевозки" in r.fields["title"].value


@pytest.mark.parametrize(
    ("label", "data"),
    [
        ("utf-16", codecs.BOM_UTF16_LE + PAGE.format(head=DATED, first=FIRST).encode("utf-16-le")),
        (
            "x-unknown",
            codecs.BOM_UTF16_BE + PAGE.format(head=DATED, first=FIRST).encode("utf-16-be"),
        ),
        ("utf-16", PAGE.format(head=DATED, first=FIRST).encode("utf-16-le")),
        ("utf-16be", PAGE.format(head=DATED, first=FIRST).encode("utf-16-be")),
    ],
    ids=["le-with-mark", "be-with-mark-unlabelled", "labelled-le", "labelled-be"],
)
def test_a_page_in_utf_16_in_an_mhtml_part_is_read_as_in_a_warc_record(
    label: str, data: bytes
) -> None:
    """Hostile66: an MHTML part's page in UTF-16 was read line by line as UTF-8, its line
    ends (two bytes) parted in the middle: with its byte-order mark, "the page in the MHTML
    file is not UTF-8 text"; labelled UTF-16 without it, every other character a NUL, a
    warning of control characters and no text. It is read as a WARC record's or a web
    archive's is, every line named the part's first (13; as base64's are)."""
    r, problems = read(mhtml_of(data, label), "page.mhtml")
    assert problems == []
    second = "The ministers also discussed the Middle Corridor and new rail links, officials"
    assert [(b.line, b.text) for b in r.blocks] == [
        (13, FIRST),
        (13, f"{second} said after the meeting."),
    ]
