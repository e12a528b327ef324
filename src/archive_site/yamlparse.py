"""Reading YAML into a tree that remembers where things are (:mod:`.yamltree`).

Content files are read with a loader that

* keeps every plain scalar as a string (``2016`` stays the text "2016",
  ``1992-04-02`` is not turned into a date object, ``no`` is not ``False``),
* refuses duplicate keys (PyYAML silently keeps the last one),
* refuses aliases (``*name``): a few lines of them can stand for more text than
  any memory holds (the "billion laughs"), and a record never needs one,
* refuses lists and mappings nested more than :data:`MOST_DEPTH` deep,
* refuses explicit tags but text's, a list's and a mapping's, and
* records the line of every mapping key and list item,

so that :class:`~.yamlsrc.Record` can report ``content/milestones.yaml:42: date: ...``.

The tree is built straight from the events of PyYAML's parser (its C parser when
installed), without its composer and constructors, which make a node and then an
object of every value: three times quicker on a large ``milestones.yaml``.  A
value with an explicit tag other than text, a list or a mapping (``!!int 3``,
``!!null``, ``!!timestamp``) is refused at its line: every value is text here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from .errors import Problems
from .files import CONTROL_CHARACTERS, closed_directions, nfc
from .patterns import later
from .yamltree import YList, YMap

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc]
    pass


# Every plain scalar is a string: no implicit ints, floats, booleans, dates or nulls.
_Loader.yaml_implicit_resolvers = {}


def parse_yaml(text: str, display: str, problems: Problems, *, first_line: int = 1) -> Any:
    """Parse YAML text; on a syntax error report it with its line and return None."""
    file_line = _file_lines(text, first_line)
    try:
        data = _load(text)
        if data is None:  # an empty mapping, so a caller reports what is missing (on line 1)
            data = YMap()
            data.line = 1
        if file_line is not None:
            _renumber(data, file_line)
        return data
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = None if mark is None else (file_line or _same)(mark.line + 1)
        what = marked_message(exc, text, file_line or _same)
        syntax = isinstance(exc, (yaml.scanner.ScannerError, yaml.parser.ParserError))
        hint = _hidden_break_hint(text, first_line, line) if syntax else ""
        problems.error(display, line, f"YAML: {what}{hint}")
    except yaml.reader.ReaderError as exc:  # a character YAML refuses: an offset, no line
        at = text.find(chr(exc.character)) if isinstance(exc.character, int) else -1
        line = len(_EDITOR_BREAK().findall(text, 0, at)) + first_line if at >= 0 else None
        problems.error(display, line, f"YAML: {str(exc).partition(chr(10))[0]}")
    except yaml.YAMLError as exc:
        problems.error(display, None, f"YAML: {exc}")
    return None


def marked_message(
    exc: yaml.MarkedYAMLError, text: str, line_of: Callable[[int], int] | None = None
) -> str:
    """What PyYAML's error ``exc`` in ``text`` says is wrong, whole (its problem alone may
    be half a sentence: "but found another document"), with a hint where one helps;
    ``line_of``: the file's line of each of the text's, from 1 (a hint may name one)."""
    what = exc.problem or exc.context or "invalid YAML"
    opened = _opened_hint(exc, line_of or _same)
    if opened:
        return what + opened
    if what.startswith("but ") and exc.context:
        what = f"{exc.context}, {what}"
    if "mapping values are not allowed" in what:
        mark = exc.problem_mark or exc.context_mark
        what += _mapping_hint(text, mark.line if mark is not None else -1)
    if what == "found character that cannot start any token":
        what = _token_message(text, exc.problem_mark) or what
    if what == "did not find expected '-' indicator":
        what += _dash_hint(text, exc.problem_mark) or _indent_hint(text, exc.problem_mark)
    if "tab character" in what:
        what += " (YAML indents with spaces only: replace the tab with spaces)"
    return what


#: What was left open, where PyYAML says what it was scanning or parsing when the text
#: ended or went on otherwise: its words for it, and what to do.
_LEFT_OPEN = {
    "while scanning a quoted scalar": "the quotation mark opened on line {} is never closed",
    "while parsing a flow sequence": "the '[' opened on line {} is not closed: end the list "
    "with ']'",
    "while parsing a flow mapping": "the '{{' opened on line {} is not closed: end it with '}}'",
    "while scanning a simple key": "line {} has no ':' after its key: write 'key: value'",
}


def _opened_hint(exc: yaml.MarkedYAMLError, line_of: Callable[[int], int]) -> str:
    """For a quote, a bracket or a key left open (an error told where YAML gave up, often
    lines after): the line where it was opened, and what to do."""
    said = _LEFT_OPEN.get(exc.context or "")
    mark = exc.context_mark
    if said is None or mark is None or exc.problem_mark is None:
        return ""
    if exc.problem_mark.line == mark.line:  # said on its own line: nothing to add
        return ""
    return " (" + said.format(line_of(mark.line + 1)) + ")"


_DASH_AND_WORD = later(r" *-[^\s-]")


def _dash_hint(text: str, mark: Any) -> str:
    """A list item's '-' with no space after it (``-id: b``), which YAML reads as text."""
    lines = _EDITOR_BREAK().split(text)
    if mark is None or not 0 <= mark.line < len(lines):
        return ""
    if not _DASH_AND_WORD().match(lines[mark.line]):
        return ""
    return " (a list item's '-' needs a space after it: '- ')"


def _indent_hint(text: str, mark: Any) -> str:
    """Why YAML, in a list, found neither an item nor the list's end: the line at ``mark``
    is indented wrong (one space off, say)."""
    lines = _EDITOR_BREAK().split(text)
    if mark is None or not 0 <= mark.line < len(lines):
        return ""
    line = lines[mark.line]
    spaces = len(line) - len(line.lstrip(" "))
    counted = "1 space" if spaces == 1 else f"{spaces} spaces"
    return (
        f" (this line is indented {counted}: give it the indentation of the key or the "
        "'- ' it belongs with)"
    )


#: What a character that cannot start a YAML token is, and how to write it.
_NO_TOKEN = {
    "\t": "a tab, which YAML does not take for a space: indent and separate with spaces",
    "@": "'@', which YAML reserves: put the value in quotes (\"@name\")",
    "`": "'`', which YAML reserves: put the value in quotes (\"`text`\")",
}


def _token_message(text: str, mark: Any) -> str | None:
    """PyYAML's C parser says it "found character that cannot start any token" without
    saying which (``author: @handle``): the character at ``mark``, named, and what to do."""
    if mark is None:
        return None
    lines = _YAML_BREAK().split(text)
    line = lines[mark.line] if 0 <= mark.line < len(lines) else ""
    if not 0 <= mark.column < len(line):
        return None
    char = line[mark.column]
    named = _NO_TOKEN.get(char) or f"U+{ord(char):04X} ({char!r})"
    return f"found a character that cannot start a value: {named}"


_EDITOR_BREAK = later(r"\r\n|\r|\n")
_KEY_LINE = later(r" *(?:- +)?(?P<key>[\w-]+):(?:[ \t]+(?P<value>\S.*))?$")


def _mapping_hint(text: str, at: int) -> str:
    """Why YAML found a mapping where a value goes: a key indented more than the key with a
    value above it (an indentation slip), else text holding ': ' outside quotes."""
    lines = _EDITOR_BREAK().split(text)
    here = _KEY_LINE().match(lines[at]) if 0 <= at < len(lines) else None
    above = next((line for line in reversed(lines[:at]) if line.strip()), "") if here else ""
    before = _KEY_LINE().match(above)
    if (
        here
        and before
        and before["value"]
        and ": " not in (here["value"] or "")
        and here.start("key") > before.start("key")
    ):
        return (
            " (this key is indented more than the key above it, which has a value: give it "
            "the same indentation)"
        )
    return " (text containing ': ' must be in quotes)"


_HIDDEN_BREAK = later("[\x85\u2028\u2029]")
#: Line breaks to YAML (1.1): also NEL, U+2028 and U+2029, which no editor breaks a line at.
_YAML_BREAK = later(r"\r\n|[\r\n\x85\u2028\u2029]")


def _hidden_break_hint(text: str, first_line: int, error: int | None) -> str:
    """Where a text YAML could not parse holds a line break no editor shows (NEL, U+2028,
    U+2029: outside quotes, YAML ends the line there) on the error's line or the two
    before it: the likely cause of the error."""
    for hidden in _HIDDEN_BREAK().finditer(text):
        line = len(_EDITOR_BREAK().findall(text, 0, hidden.start())) + first_line
        if error is not None and line <= error <= line + 2:
            break
    else:
        return ""
    return (
        f" (line {line} holds U+{ord(hidden[0]):04X}, a line separator that YAML reads as a "
        "line break outside quotes and editors do not show: remove it, or quote the value)"
    )


def _same(line: int) -> int:
    return line


def _file_lines(text: str, first_line: int) -> Callable[[int], int] | None:
    """The line of the file for each line PyYAML counts in ``text`` (from 1), which starts
    on line ``first_line`` of its file; None when they are the same."""
    if _HIDDEN_BREAK().search(text) is None:
        return None if first_line == 1 else lambda line: line + first_line - 1
    table = [first_line]  # the file's line of each of YAML's
    for brk in _YAML_BREAK().finditer(text):
        table.append(table[-1] + (brk[0] not in "\x85\u2028\u2029"))
    return lambda line: table[min(line, len(table)) - 1]


#: What an alias is told.
ALIAS_REFUSED = "an alias (*name) is not allowed here: write the value out"
#: The deepest a content file nests lists and mappings (a record needs three or four):
#: what reads the tree after (the cache's keys, ``repr``, pickling) goes by recursion, and
#: a value nested 900 deep (libyaml stops at 1,000) was an internal error.
MOST_DEPTH = 32
DEPTH_REFUSED = f"lists and mappings nested more than {MOST_DEPTH} deep"
_YAML_TAG = "tag:yaml.org,2002:"  # what "!!" stands for
_MAP_TAGS = (None, "!", f"{_YAML_TAG}map")
_SEQ_TAGS = (None, "!", f"{_YAML_TAG}seq")
_STR_TAGS = (None, "!", f"{_YAML_TAG}str")


def _load(text: str) -> Any:
    """The one document of ``text`` (None when there is none); raises yaml.YAMLError: for
    what the parser finds, an alias, another document, then what building the tree finds
    (the order of PyYAML's parser, composer and constructors)."""
    loader = _Loader(text)
    try:
        loader.get_event()  # the stream's start
        if loader.check_event(StreamEndEvent):
            return None
        start = loader.get_event()  # the document's
        data, wrong = _document(loader)
        if not loader.check_event(StreamEndEvent):
            raise yaml.composer.ComposerError(
                "expected a single document in the stream",
                start.start_mark,
                "but found another document",
                loader.get_event().start_mark,
            )
        if wrong is not None:
            raise wrong
        return data
    finally:
        loader.dispose()


_KEY = object()  # an open mapping's next node is a key


class _Open:
    """A mapping or sequence being read, and the key waiting for its value (a mapping's)."""

    __slots__ = ("key", "key_line", "value")

    def __init__(self, value: YMap | YList) -> None:
        self.value = value
        self.key: object = _KEY
        self.key_line = 0


def _document(loader: Any) -> tuple[Any, yaml.YAMLError | None]:
    """The tree of the document whose events ``loader`` gives next, read to its end, or
    with the first mistake building it (a value with an explicit tag, a
    duplicate key, a key that is not text), found before the end.  Raises
    yaml.YAMLError for what the parser finds, and for an alias."""
    stack: list[_Open] = []
    root: Any = None
    while True:
        event = loader.get_event()
        kind = type(event)
        if kind is ScalarEvent:
            if event.tag not in _STR_TAGS:
                return _rest_read(loader, len(stack)), _tagged(event)
            value: Any = closed_directions(nfc(event.value))
            control = CONTROL_CHARACTERS().search(value)
            if control is not None:
                raise _control(event, control[0])
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.tag not in (_MAP_TAGS if kind is MappingStartEvent else _SEQ_TAGS):
                return _rest_read(loader, len(stack)), _tagged(event)
            if stack and stack[-1].key is _KEY and type(stack[-1].value) is YMap:
                return _rest_read(loader, len(stack)), _not_text(event)
            if len(stack) >= MOST_DEPTH:
                raise _too_deep(event)
            opened = YMap() if kind is MappingStartEvent else YList()
            opened.line = event.start_mark.line + 1
            stack.append(_Open(opened))
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            value = stack.pop().value
        elif kind is AliasEvent:
            raise _alias(event)
        else:  # the document's end
            return root, None
        if not stack:
            root = value
            continue
        wrong = _add(stack[-1], value, event)
        if wrong is not None:
            return _rest_read(loader, len(stack)), wrong


def _add(into: _Open, value: Any, event: Any) -> yaml.YAMLError | None:
    """Add the value that ``event`` read (a scalar) or ended (a mapping, a sequence); the
    mistake, if it is a key already there."""
    container = into.value
    line = value.line if isinstance(value, (YMap, YList)) else event.start_mark.line + 1
    if isinstance(container, YList):
        container.append(value)
        container.item_lines.append(line)
    elif into.key is _KEY:  # a scalar: collections as keys are refused when they start
        if value in container:
            return yaml.constructor.ConstructorError(
                None,
                None,
                f"duplicate key '{value}' (first on line {container.key_lines[value]})",
                event.start_mark,
            )
        into.key, into.key_line = value, line
    else:
        key = cast(str, into.key)
        container[key] = value
        container.key_lines[key] = into.key_line
        into.key = _KEY
    return None


def _tagged(event: Any) -> yaml.YAMLError:
    tag = str(event.tag)
    tag = "!!" + tag[len(_YAML_TAG) :] if tag.startswith(_YAML_TAG) else tag
    return yaml.constructor.ConstructorError(
        None,
        None,
        f"an explicit tag ('{tag}'): every value here is text, a list or a mapping; "
        "write the value without its tag",
        event.start_mark,
    )


def _not_text(event: Any) -> yaml.YAMLError:
    return yaml.constructor.ConstructorError(
        None, None, "a mapping key must be text", event.start_mark
    )


def _alias(event: Any) -> yaml.YAMLError:
    return yaml.composer.ComposerError(None, None, ALIAS_REFUSED, event.start_mark)


def _control(event: Any, char: str) -> yaml.YAMLError:
    return yaml.constructor.ConstructorError(
        None,
        None,
        f"control character U+{ord(char):04X} in a value: text holds no control character but "
        "tab and line ends (YAML writes one for an escape such as \\0 or \\e)",
        event.start_mark,
    )


def _too_deep(event: Any) -> yaml.YAMLError:
    return yaml.composer.ComposerError(None, None, DEPTH_REFUSED, event.start_mark)


def _rest_read(loader: Any, depth: int) -> object:
    """Read the document's remaining events and its end (``depth``: the collections open),
    refusing aliases and collections nested too deep."""
    while not loader.check_event(DocumentEndEvent):
        event = loader.get_event()
        kind = type(event)
        if kind is AliasEvent:
            raise _alias(event)
        if kind is MappingStartEvent or kind is SequenceStartEvent:
            if depth >= MOST_DEPTH:
                raise _too_deep(event)
            depth += 1
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            depth -= 1
    loader.get_event()
    return None


def _renumber(node: Any, file_line: Callable[[int], int]) -> None:
    """Give a document's lines as its file numbers them (see :func:`_file_lines`)."""
    if isinstance(node, YMap):
        node.line = file_line(node.line)
        node.key_lines = {k: file_line(v) for k, v in node.key_lines.items()}
        for value in node.values():
            _renumber(value, file_line)
    elif isinstance(node, YList):
        node.line = file_line(node.line)
        node.item_lines = [file_line(v) for v in node.item_lines]
        for value in node:
            _renumber(value, file_line)
