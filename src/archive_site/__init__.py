"""archive-site: a static site generator for research archives.

Captured articles and curated milestones in ``content/`` become a
cross-linked, citable website; see README.md.
"""

__version__ = "0.1.0"
