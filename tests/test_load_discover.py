"""Finding an article's files, one file at a time (archive_site.load.discover)."""

from __future__ import annotations

from pathlib import Path

from archive_site.load.discover import ArticleFiles, capture_files, missing_capture


def test_capture_files_need_their_metadata_and_one_capture(tmp_path: Path) -> None:
    capture = tmp_path / "a.capture.txt"
    capture.write_text("text")
    assert capture_files(capture, "a", ()) == (
        f"capture has no metadata file: expected {tmp_path / 'a.meta.yaml'} beside it"
    )
    (tmp_path / "a.meta.yaml").write_text("kind: news\n")
    files = capture_files(capture, "a", ())
    assert files == ArticleFiles("a", capture, tmp_path / "a.meta.yaml")
    assert isinstance(files, ArticleFiles)
    second = capture_files(tmp_path / "a.capture.html", "a", [files])
    assert second == (
        "a second capture of 'a': an article has one capture "
        "(.capture.txt, .capture.html, .capture.mhtml, .capture.webarchive, .capture.warc, "
        ".capture.warc.gz or .capture.wacz)"
    )
    hand_written = ArticleFiles("a", tmp_path / "a.md", None)
    assert isinstance(capture_files(capture, "a", [hand_written]), ArticleFiles)


def test_missing_capture(tmp_path: Path) -> None:
    assert missing_capture(tmp_path, "b") == (
        "capture not found: expected b.capture.txt beside this metadata file"
    )
    (tmp_path / "b.capture.html").write_text("<p>x</p>")
    assert missing_capture(tmp_path, "b") is None
