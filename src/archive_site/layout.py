"""The content folder's layout: file and folder names, suffixes and the id syntax.

One source of truth for the loader (:mod:`archive_site.load`) and for
``archive-site add`` (:mod:`archive_site.commands.add`), which writes files
the loader reads::

    content/site.yaml                 site settings
    content/entities.yaml             people, organisations, places, ...
    content/topics.yaml               the topics milestones are filed under
    content/milestones.yaml           the curated timeline
    content/pages/*.md                hand-written pages (the method, "About")
    content/articles/ID.capture.txt   a captured article, byte for byte
    content/articles/ID.meta.yaml     the archivist's metadata for it
    content/articles/ID.md            an article written or pasted by hand
"""

from __future__ import annotations

import re

ARTICLES_DIR = "articles"
PAGES_DIR = "pages"
ENTITIES_FILE = "entities.yaml"
TOPICS_FILE = "topics.yaml"
MILESTONES_FILE = "milestones.yaml"

CAPTURE_SUFFIX = ".capture.txt"
META_SUFFIX = ".meta.yaml"
MARKDOWN_SUFFIX = ".md"

#: Every record id, and every article and page file name without its suffix.
ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")


def id_error(value: str) -> str:
    """The message for an id that does not match :data:`ID_PATTERN`."""
    return (
        f"'{value}' is not a valid id "
        "(lower-case letters, digits and hyphens, e.g. 'sco-summit-2024')"
    )
