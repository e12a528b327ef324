"""The content's YAML (yamlsrc.py): the tree built from the parser's events, with every
line; every scalar text; duplicate keys and aliases refused with their line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from archive_site.errors import Problems
from archive_site.yamlparse import ALIAS_REFUSED, DEPTH_REFUSED, MOST_DEPTH, _Loader, marked_message
from archive_site.yamlsrc import Record, YList, YMap, parse_yaml
from conftest import CONTENT, cli


def shape(value: Any) -> Any:
    """A tree as plain tuples, with the line of every mapping, key, sequence and item."""
    if isinstance(value, YMap):
        return ("map", value.line, [(k, value.key_lines[k], shape(v)) for k, v in value.items()])
    if isinstance(value, YList):
        pairs = zip(value.item_lines, value, strict=True)
        return ("list", value.line, [(n, shape(v)) for n, v in pairs])
    return (type(value).__name__, value)


def parsed(text: str, first_line: int = 1) -> tuple[Any, list[tuple[int | None, str]]]:
    problems = Problems()
    data = parse_yaml(text, "f.yaml", problems, first_line=first_line)
    return shape(data), [(d.line, d.message) for d in problems]


def test_the_tree_keeps_every_line_and_every_scalar_as_text() -> None:
    text = "title: x\nyears: [2016, no, null, 1992-04-02]\nnested:\n  - a: 1\n    b:\n  -\n"
    assert parsed(text) == (
        (
            "map",
            1,
            [
                ("title", 1, ("str", "x")),
                (
                    "years",
                    2,
                    (
                        "list",
                        2,
                        [(2, ("str", s)) for s in ("2016", "no", "null", "1992-04-02")],
                    ),
                ),
                (
                    "nested",
                    3,
                    (
                        "list",
                        4,
                        [
                            (4, ("map", 4, [("a", 4, ("str", "1")), ("b", 5, ("str", ""))])),
                            (6, ("str", "")),
                        ],
                    ),
                ),
            ],
        ),
        [],
    )
    # front matter: the lines of the file, not of the text given
    assert parsed("a: 1\nb: [x]\n", first_line=3)[0] == (
        "map",
        3,
        [("a", 3, ("str", "1")), ("b", 4, ("list", 4, [(4, ("str", "x"))]))],
    )
    assert parsed("") == (("map", 1, []), [])  # nothing: an empty mapping, to report from
    assert parsed("", first_line=5) == (("map", 5, []), [])  # (on its first line, never 0)
    assert parsed("just text") == (("str", "just text"), [])


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("a: 1\nb: 2\na: 3\n", (3, "YAML: duplicate key 'a' (first on line 1)")),
        ("? [x]\n: y\n", (1, "YAML: a mapping key must be text")),
        (
            "a: 1\n---\nb: 2\n",
            (2, "YAML: expected a single document in the stream, but found another document"),
        ),
        (
            "a: b: c\n",
            (
                1,
                "YAML: mapping values are not allowed in this context (text containing ': ' must be in quotes)",
            ),
        ),
        # a key indented one space too far after a key with a value: its indentation, not
        # quotes (audit 6: the hint said to quote the text)
        (
            "- id: a\n  title: T\n   topics: [x]\n",
            (
                3,
                "YAML: mapping values are not allowed in this context (this key is indented "
                "more than the key above it, which has a value: give it the same indentation)",
            ),
        ),
        # a key one space short of its item's other keys: its indentation, told with the
        # line's, not only "did not find expected '-' indicator" (flow56)
        (
            "- id: a\n  sources:\n    - article: x\n     quote: y\n",
            (
                4,
                "YAML: did not find expected '-' indicator (this line is indented 5 spaces: "
                "give it the indentation of the key or the '- ' it belongs with)",
            ),
        ),
        (
            "- id: a\n  title: T\n summary: S\n",
            (
                3,
                "YAML: did not find expected '-' indicator (this line is indented 1 space: "
                "give it the indentation of the key or the '- ' it belongs with)",
            ),
        ),
        # what was left open is told where it was opened, lines before YAML gave up (flow56)
        (
            "- id: a\n  name: 'A\n  type: place\n- id: b\n",
            (
                5,
                "YAML: found unexpected end of stream (the quotation mark opened on line 2 "
                "is never closed)",
            ),
        ),
        (
            "- id: a\n  aliases: [x, y\n  name: A\n",
            (
                3,
                "YAML: did not find expected ',' or ']' (the '[' opened on line 2 is not "
                "closed: end the list with ']')",
            ),
        ),
        (
            "- id: a\n  name: A\n  type place\n- id: b\n",
            (
                4,
                "YAML: could not find expected ':' (line 3 has no ':' after its key: write "
                "'key: value')",
            ),
        ),
        # a dash with no space after it is text, not an item: not its indentation
        (
            "- id: a\n  name: A\n-id: b\n  name: B\n",
            (
                3,
                "YAML: did not find expected '-' indicator (a list item's '-' needs a space "
                "after it: '- ')",
            ),
        ),
        # a tab indenting a key: what to write instead
        (
            "- id: a\n\ttopics: [x]\n",
            (
                2,
                "YAML: found a tab character that violates indentation (YAML indents with "
                "spaces only: replace the tab with spaces)",
            ),
        ),
        # the parser's mistakes first, as PyYAML reports them, then the tree's
        ("a: 1\na: 2\nb: [\n", (4, "YAML: did not find expected node content")),
    ],
)
def test_mistakes_are_told_with_their_line(text: str, problem: tuple[int, str]) -> None:
    assert parsed(text) == (("NoneType", None), [problem])


def test_a_character_yaml_refuses_is_told_with_its_line() -> None:
    """PyYAML's reader gives no line, only an offset (in bytes, from libyaml)."""
    tree, problems = parsed("a: ééé\nb: 2\nc: x\x00y\n")
    assert tree == ("NoneType", None)
    [(line, message)] = problems
    assert line == 3 and message.startswith("YAML: unacceptable character #x0000: ")
    assert "\n" not in message
    assert parsed("---\nb: \x7f\n", first_line=4)[1][0][0] == 5


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ("a: 1\nauthor: @jane\n", 2, "'@', which YAML reserves: put the value in quotes"),
        ("a: `x`\n", 1, "'`', which YAML reserves"),
        ("  \n\t\n", 2, "a tab, which YAML does not take for a space"),
        ("a: 1\r\nb: 2\r\nc: x\r\nd: @y\r\n", 4, "'@'"),
    ],
)
def test_a_character_that_cannot_start_a_value_is_named(text: str, line: int, says: str) -> None:
    """Hostile review 31: PyYAML's C parser says "found character that cannot start any
    token" without saying which; ``author: @jane`` left the writer to guess: the character
    is named, with what to do."""
    [(at, message)] = parsed(text)[1]
    assert at == line
    assert message.startswith("YAML: found a character that cannot start a value: ")
    assert says in message


@pytest.mark.parametrize("brk", ["\u2028", "\u2029", "\x85"])
def test_lines_are_counted_as_an_editor_counts_them(brk: str) -> None:
    """YAML also ends a line at NEL, U+2028 and U+2029, which no editor does: every line
    after one was told one too far."""
    text = f'z: "p{brk}q{brk}r"\na: "x{brk}y"\nb:\n  - 1\n'
    kept = " " if brk == "\x85" else brk  # YAML folds NEL to a space, keeps the others
    assert parsed(text) == (
        (
            "map",
            1,
            [
                ("z", 1, ("str", f"p{kept}q{kept}r")),
                ("a", 2, ("str", f"x{kept}y")),
                ("b", 3, ("list", 4, [(4, ("str", "1"))])),
            ],
        ),
        [],
    )
    assert parsed(text, first_line=3)[0][2][2][1] == 5
    assert parsed(text + "c: [\n")[1] == [(6, "YAML: did not find expected node content")]
    later = parsed(f'a: 1\nb: 2\nz: "p{brk}q"\nc: [1]\n')[0]
    assert [(key, line) for key, line, _ in later[2]] == [("a", 1), ("b", 2), ("z", 3), ("c", 4)]
    duplicate = f'z: "p{brk}q"\nz: 2\n'
    assert parsed(duplicate)[1] == [(2, "YAML: duplicate key 'z' (first on line 1)")]


def test_a_blank_value_or_list_item_is_no_value() -> None:
    """A name of spaces made an entity named ''; an empty alias (or topic, entity...) was
    kept as a name that is nothing."""
    problems = Problems()
    data = parse_yaml("name: '  '\naliases:\n  - A\n  - ''\n  - ' '\n", "f.yaml", problems)
    rec = Record(data, "f.yaml", problems, "entity")
    assert rec.text("name", required=True) is None
    assert rec.text_items("aliases") == (("A", 3),)
    assert [(d.line, d.message) for d in problems] == [
        (1, "entity: missing required key 'name'"),
        (4, "aliases: an empty item"),
        (5, "aliases: an empty item"),
    ]


def test_a_value_of_characters_that_show_nothing_is_no_value() -> None:
    """A value of a zero-width space, marks of writing direction or a soft hyphen (a
    withdrawal's reason of one U+202E) was kept, and shown as nothing."""
    problems = Problems()
    text = 'name: "\\u200b\\u202e\\u202c"\naliases:\n  - A\n  - "\\u00ad\\u2066 \\ufeff"\n'
    data = parse_yaml(text, "f.yaml", problems)
    rec = Record(data, "f.yaml", problems, "entity")
    assert rec.text("name", required=True) is None
    assert rec.text_items("aliases") == (("A", 3),)
    assert [(d.line, d.message) for d in problems] == [
        (1, "entity: missing required key 'name'"),
        (4, "aliases: an empty item"),
    ]
    kept = parse_yaml('name: "\\u200bA\\u200f"\n', "f.yaml", problems)
    assert Record(kept, "f.yaml", problems, "entity").text("name") == "\u200bA\u200f"


def test_an_alias_bomb_is_refused_at_its_first_alias() -> None:
    """Nine lines that would stand for 9**9 strings (the "billion laughs")."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    assert parsed("\n".join(lines)) == (("NoneType", None), [(2, f"YAML: {ALIAS_REFUSED}")])
    assert parsed("- &a [*a]\n")[1] == [(1, f"YAML: {ALIAS_REFUSED}")]  # one that loops
    # an alias after a value with a tag is refused first
    assert parsed("a: !!int 3\nb: &x [1]\nc: *x\n")[1] == [(3, f"YAML: {ALIAS_REFUSED}")]


def test_nesting_beyond_the_limit_is_refused_at_its_line() -> None:
    """The tree is read by recursion after (cache keys, repr, pickling): 900 deep was an
    internal error. As deep as the limit is read; one more is refused, tagged or not."""
    ok = "a: " + "[" * (MOST_DEPTH - 1) + "x" + "]" * (MOST_DEPTH - 1) + "\n"
    assert parsed(ok)[1] == []
    deep = "a: 1\nb:\n" + "".join("  " * n + "- \n" for n in range(1, MOST_DEPTH + 5))
    assert parsed(deep) == (("NoneType", None), [(2 + MOST_DEPTH, f"YAML: {DEPTH_REFUSED}")])
    flow = "t: !!int 3\nb: " + "[" * 900 + "]" * 900 + "\n"
    assert parsed(flow)[1] == [(2, f"YAML: {DEPTH_REFUSED}")]


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("!!int 3", "!!int"),
        ("!!null", "!!null"),  # the rest of the file was then read without its checks
        ("!!timestamp 2020-13-45", "!!timestamp"),  # PyYAML's ValueError: an internal error
        ("!!bool maybe", "!!bool"),
        ("!!python/object:os.system x", "!!python/object:os.system"),
        ("!custom x", "!custom"),
        ("!!seq abc", "!!seq"),
    ],
)
def test_an_explicit_tag_is_refused_at_its_line(value: str, tag: str) -> None:
    """A value with an explicit tag was built by PyYAML's constructors, and the whole file
    with it, without the checks of control characters and NFC: ``section: !!null`` let a
    ``"\\e"`` through to every output (audit 6); a bad one was an internal error."""
    data, problems = parsed(f'a: x\nb: {value}\nc: "\\x1b"\n')
    assert data == ("NoneType", None)
    assert problems == [
        (
            2,
            f"YAML: an explicit tag ('{tag}'): every value here is text, a list or a mapping; "
            "write the value without its tag",
        )
    ]
    # text, a list or a mapping may say so
    assert parsed("a: !!str 2020\nb: !!seq [x]\nc: !!map {d: e}\nf: ! g\n")[1] == []


@pytest.mark.parametrize(("file", "key"), [("milestones.yaml", "title"), ("site.yaml", "title")])
def test_an_alias_in_the_content_is_a_problem_named_with_its_line(
    small_copy: Path, file: str, key: str
) -> None:
    path = small_copy / "content" / file
    lines = path.read_text(encoding="utf-8").split("\n")
    n, found = next((n, s) for n, s in enumerate(lines) if s.lstrip().startswith(f"{key}: "))
    indent = found[: len(found) - len(found.lstrip())]
    lines[n] = found.replace(f"{key}: ", f"{key}: &v ", 1)
    lines.insert(n + 1, f"{indent}again: *v")
    path.write_text("\n".join(lines), encoding="utf-8")
    result = cli("check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"content/{file}:{n + 2}: YAML: {ALIAS_REFUSED}" in result.stderr, result.stderr


def test_an_alias_in_front_matter_is_a_problem_named_with_its_line(small_copy: Path) -> None:
    page = next((small_copy / "content/pages").glob("*.md"))
    text = page.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    page.write_text("---\nx: &x [1]\ny: *x\n" + text[4:], encoding="utf-8")
    result = cli("check")
    assert result.returncode == 1
    assert f"content/pages/{page.name}:3: YAML: {ALIAS_REFUSED}" in result.stderr


#: The content's YAML files, each the start of the mutations below.
SEEDS = [
    p.read_text(encoding="utf-8")[:4000]
    for p in sorted([*CONTENT.glob("*.yaml"), *CONTENT.glob("articles/*.meta.yaml")])
]
#: What a mutation puts in: YAML's signs, and a little text.
SIGNS = list(":-[]{}#&!|>'\"?,\n \t%@`ab1")


class _Reference(_Loader):  # type: ignore[misc]
    """The loader's scalars, with PyYAML's composer and constructors making the tree."""


def _construct_map(loader: Any, node: yaml.MappingNode) -> Iterator[YMap]:
    result = YMap()
    result.line = node.start_mark.line + 1
    yield result
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be text", key_node.start_mark
            )
        if key in result:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"duplicate key '{key}' (first on line {result.key_lines[key]})",
                key_node.start_mark,
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1


def _construct_seq(loader: Any, node: yaml.SequenceNode) -> Iterator[YList]:
    result = YList()
    result.line = node.start_mark.line + 1
    yield result
    for item in node.value:
        result.append(loader.construct_object(item, deep=True))
        result.item_lines.append(item.start_mark.line + 1)


_Reference.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Reference.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def pyyaml(text: str) -> tuple[Any, list[tuple[int | None, str]]]:
    """What PyYAML's composer and constructors make of ``text`` with the same loader (the
    way the tree was built before), reported as :func:`parse_yaml` reports."""
    problems = Problems()
    try:
        data = yaml.load(text, Loader=_Reference)
        return shape(YMap() if data is None else data), []
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = marked_message(exc, text)
        problems.error("f.yaml", mark.line + 1 if mark else None, f"YAML: {what}")
    return ("NoneType", None), [(d.line, d.message) for d in problems]


@settings(max_examples=300)
@given(
    st.sampled_from(SEEDS),
    st.lists(
        st.tuples(
            st.integers(0, 4000), st.sampled_from(["put", "drop", "swap"]), st.sampled_from(SIGNS)
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_the_tree_is_what_pyyamls_constructors_make(
    seed: str, changes: list[tuple[int, str, str]]
) -> None:
    """Damaged content YAML without aliases: the same tree, lines and mistakes as before."""
    text = list(seed)
    for at, how, sign in changes:
        at = min(at, len(text))
        if how == "put":
            text.insert(at, sign)
        elif at < len(text):
            if how == "drop":
                del text[at]
            else:
                text[at] = sign
    damaged = "".join(text)
    if "*" in damaged or "!" in damaged:
        return  # aliases and explicit tags: refused now (above)
    assert parsed(damaged) == pyyaml(damaged)


@pytest.mark.parametrize("brk", ["\u2028", "\x85"])
def test_a_line_break_no_editor_shows_is_named_where_it_breaks_the_yaml(brk: str) -> None:
    """Outside quotes YAML ends a line at NEL or U+2028: the error said only "could not find
    expected ':'", on a line with nothing wrong to see."""
    found = parsed(f"title: a{brk}b\nsummary: c\n")[1]
    ((_, message),) = found
    assert message.startswith("YAML: ") and (
        f"(line 1 holds U+{ord(brk):04X}, a line separator that YAML reads as a line break"
        in message
    ), found


def test_a_yaml_file_that_is_not_utf8_is_an_error_on_its_line(tmp_path: Path) -> None:
    from archive_site.yamlsrc import read_yaml

    path = tmp_path / "site.yaml"
    path.write_bytes(b"title: a\ndescription: caf\xe9\n")
    problems = Problems()
    assert read_yaml(path, "site.yaml", problems) is None
    assert [(d.line, d.message) for d in problems] == [
        (2, "not UTF-8 text (invalid continuation byte at byte 25)")
    ]
    path.write_bytes("title: a\n".encode("utf-16"))
    problems = Problems()
    assert read_yaml(path, "site.yaml", problems) is None
    assert [(d.line, d.message) for d in problems] == [(1, "UTF-16 text: save it as UTF-8")]


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Port \u202eopens berth", "Port \u202eopens berth\u202c"),  # an override left open
        ("Jane \u2067Roe", "Jane \u2067Roe\u2069"),  # an isolate left open
        ("a \u2067b \u202ec\u2069 d", "a \u2067b \u202ec\u2069 d"),  # closed: as written
        (
            "\u202b\u0645\u0631\u062d\u0628\u0627\u202c",
            "\u202b\u0645\u0631\u062d\u0628\u0627\u202c",
        ),
        ("a \u202c b \u2069 c", "a \u202c b \u2069 c"),  # closers alone close nothing
    ],
)
def test_a_value_closes_the_writing_directions_it_opens(written: str, read: str) -> None:
    """A title holding a right-to-left override (U+202E) showed all that followed it on the
    same line reversed: the outlet, the date and the address of a citation, in every page,
    the feed and the exports (audit 7)."""
    text = "title: " + written.encode("unicode_escape").decode().join('""') + "\n"
    assert parsed(text)[0] == ("map", 1, [("title", 1, ("str", read))])
