"""An entity's ``name_forms``: forms of its name a text uses that are no name of its own to
show (a name inflected: ``Ильхама Алиева``, the genitive, in "Выступление Ильхама Алиева
на форуме"). trust63 had them declared as aliases, which listed the genitive among the
entity's other names on its page and in ``entities.json``, and made its last word
("Алиева", his name in the genitive, hers, Mehriban Aliyeva's, as it is) a family name
that says him in an interview's turns. A name form is found in the texts and read in a
speech's title as a name is; it is never shown as an alias, nor is its last word a name.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from archive_site.load.attribution import attribute
from archive_site.load.speakers import names_of
from archive_site.model import Entity
from conftest import cli, edit
from test_attribution import _span, article

FORM = "Ильхама Алиева"
ENTITY = "- id: ilham-aliyev\n  name: Ilham Aliyev\n  type: person\n"


def _declare(content: Path, forms: str = f"[{FORM}]") -> int:
    return edit(content / "entities.yaml", ENTITY, f"{ENTITY}  name_forms: {forms}\n") + 3


def test_a_name_form_says_the_entity_but_its_last_word_alone_does_not() -> None:
    ilham = Entity("ilham-aliyev", "Ilham Aliyev", "person", (), name_forms=(FORM,))
    keys = names_of(ilham)
    assert "ильхама алиева" in keys and "aliyev" in keys
    assert "алиева" not in keys  # (as an alias, it was: "Алиева:" would have been his turn)
    assert ilham.aliases == ()


def test_a_speech_title_names_its_speaker_by_a_name_form() -> None:
    text = "Last year, the volume of cargo transported from China increased by 2.5 times."
    art = dataclasses.replace(
        article("speech", texts=(text,)), title=f"Выступление Президента {FORM} на форуме"
    )
    span = _span(text, "the volume of cargo")
    for forms, said_by in (((FORM,), "ilham-aliyev"), ((), None)):
        known = {
            "ilham-aliyev": names_of(
                Entity("ilham-aliyev", "Ilham Aliyev", "person", (), name_forms=forms)
            )
        }
        who = attribute(art, art.paragraphs[0], None, set(known), span, known)
        assert who.speaker == said_by


def test_a_name_form_is_found_in_texts_and_shown_as_no_alias(small_copy: Path) -> None:
    content = small_copy / "content"
    _declare(content)
    (content / "articles/2025-05-02-forum.md").write_text(
        "---\ntitle: Форум в Баку\npublished: 2025-05-02\noutlet: EDnews\nkind: news\n"
        f"language: ru\n---\n\nВыступление {FORM} на форуме было посвящено транзиту.\n",
        encoding="utf-8",
    )
    result = cli("build", "-q", "-o", "dist")
    assert result.returncode == 0, result.stderr
    entities = json.loads((small_copy / "dist/data/entities.json").read_text(encoding="utf-8"))
    (ilham,) = (e for e in entities if e["id"] == "ilham-aliyev")
    assert ilham["aliases"] == [] and ilham["name_forms"] == [FORM]
    assert "2025-05-02-forum" in ilham["articles"]  # found in the text as a name is
    page = (small_copy / "dist/entities/ilham-aliyev.html").read_text(encoding="utf-8")
    assert FORM not in page.split("<h2")[0] and "Also named" not in page


@pytest.mark.parametrize(
    ("forms", "problem"),
    [
        # (told on the later entity's line, naming the form's)
        (
            "[Xi Jinping]",
            "the name 'Xi Jinping' is already used by entity 'ilham-aliyev' (line {line})",
        ),
        ("[Ilham Aliyev]", None),  # its own name again: nothing to add, no problem
    ],
)
def test_a_name_form_is_one_entity_s_name_like_any(
    small_copy: Path, forms: str, problem: str | None
) -> None:
    line = _declare(small_copy / "content", forms)
    result = cli("check")
    problems = re.findall(r"^\s*\d+\. (.+)$", result.stderr, flags=re.MULTILINE)
    if problem is None:
        assert result.returncode == 0, result.stderr
    else:
        assert result.returncode == 1
        assert any(p.endswith(problem.format(line=line)) for p in problems), problems
