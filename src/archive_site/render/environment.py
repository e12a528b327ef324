"""The Jinja environment: autoescape, ``StrictUndefined``, and compiled templates cached.

A misspelt variable in a template is an error naming the template and line,
never a blank; everything a template prints is escaped unless it is already
:class:`~markupsafe.Markup`.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import marshal
import os
import signal
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from ..errors import ArchiveError, Diagnostic, display_path
from ..files import FileProblem, balanced_directions, cache_home, read_bytes
from ..processes import end_with_parent

if TYPE_CHECKING:
    from multiprocessing.connection import Connection


class _RegularFiles(jinja2.FileSystemLoader):
    """Templates read as content is: regular files inside the templates folder, no links."""

    def __init__(self, templates: Path) -> None:
        super().__init__(str(templates))
        self.root = templates.resolve()

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        _, filename, uptodate = super().get_source(environment, template)
        path = Path(filename)
        try:
            data = read_bytes(path)  # the file itself: no link, FIFO or device
            if not path.resolve().is_relative_to(self.root):  # nor a folder on the way
                raise FileProblem("resolves outside the templates folder (through a link)")
            source = data.decode("utf-8")
        except (FileProblem, UnicodeDecodeError) as exc:
            raise ArchiveError([Diagnostic(display_path(path), None, f"template: {exc}")]) from None
        return source, filename, uptodate


class TemplateEnvironment(jinja2.Environment):
    """Jinja with flat template globals.

    Jinja chains a template's globals to the environment's (a ChainMap) so that
    later changes show through, and copies that chain into a new dict for every
    render. Our globals are all set before any template loads, so a plain dict
    does the same, faster.
    """

    #: What the ``markdown`` filter (:func:`markdown_filter`) converts with: set by the
    #: renderer that uses the environment (an environment that only compiles needs none).
    convert: Callable[[jinja2.runtime.Context, str], Markup] | None = None

    def make_globals(self, d: Mapping[str, Any] | None) -> Any:
        return {**self.globals, **(d or {})}


@jinja2.pass_context
def markdown_filter(ctx: jinja2.runtime.Context, text: str) -> Markup:
    """The ``markdown`` filter: ``text`` as HTML, relative to the page being rendered, by
    the renderer of the environment."""
    convert = getattr(ctx.environment, "convert", None)
    if convert is None:
        raise RuntimeError("the markdown filter is used in an environment no renderer has")
    return convert(ctx, text)  # type: ignore[no-any-return]


def printed(value: Any) -> Any:
    """What a template prints for ``value`` (each ``{{ ... }}``, the environment's
    ``finalize``): a text, closing the writing directions it opens and without the marks
    closing those it did not (:func:`~archive_site.files.balanced_directions`), whatever
    element it lands in; HTML made by the renderer (:class:`~markupsafe.Markup`) as it is."""
    if type(value) is str:
        return balanced_directions(value)
    return value


def make_environment(templates: Path) -> TemplateEnvironment:
    """The environment for the templates in ``templates``; set its globals, then call
    :func:`cache_compiled`."""
    return TemplateEnvironment(
        loader=_RegularFiles(templates),
        autoescape=True,
        finalize=printed,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )


#: The bytes of the hash that seals each compiled template the cache keeps.
_SEAL = 16


def _seal(code: bytes) -> bytes:
    return hashlib.blake2b(code, digest_size=_SEAL).digest()


class _QuietCache(jinja2.FileSystemBytecodeCache):
    """Jinja's bytecode cache, which never fails a build: a cache it cannot use is skipped.

    Each file is Jinja's (its magic, the source's checksum, the marshalled code) followed by
    a hash of those bytes, and is used only when they match it: code damaged in place (a bit
    flipped on the disk, a block lost in a crash) can load as other code, and print other
    text, or crash the interpreter (a segmentation fault).  A file that is a link, a device
    or of another size than a template's is not read."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            data = read_bytes(Path(self._get_cache_filename(bucket)))
        except FileProblem:
            return
        code, seal = data[:-_SEAL], data[-_SEAL:]
        if len(data) <= _SEAL or _seal(code) != seal:
            return
        try:
            bucket.bytecode_from_string(code)
        except Exception:
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = bucket.bytecode_to_string()
        with contextlib.suppress(OSError):
            super().dump_bytecode(_Sealed(bucket, code + _seal(code)))


class _Sealed(jinja2.bccache.Bucket):
    """A bucket that writes the bytes it is given: its code's, and their seal."""

    def __init__(self, bucket: jinja2.bccache.Bucket, data: bytes) -> None:
        super().__init__(bucket.environment, bucket.key, bucket.checksum)
        self.data = data

    def write_bytecode(self, f: IO[bytes]) -> None:
        f.write(self.data)


def cache_compiled(env: jinja2.Environment, ahead: CompiledAhead | None = None) -> None:
    """Keep compiled templates, like Python's own ``.pyc`` files.

    Compiling the templates takes longer than rendering every page, so the
    compiled code is kept in the user's cache folder (``$XDG_CACHE_HOME`` or
    ``~/.cache``, under ``archive-site/``).  Jinja keys each entry by the
    template's file and checks a checksum of its source; the folder name also
    covers the Jinja version and the environment's settings, filters and
    globals, so a cached template is never stale.  ``ARCHIVE_SITE_NO_CACHE=1``
    turns it off.  Call it once the filters and globals are set.

    ``ahead``: the templates being compiled meanwhile by a process of their own (see
    :class:`CompiledAhead`); a template the cache does not hold is taken from there.
    """
    kept = _bytecode_cache(env)
    env.bytecode_cache = kept if ahead is None else _Ahead(ahead, kept)


def _bytecode_cache(env: jinja2.Environment) -> jinja2.BytecodeCache | None:
    if os.environ.get("ARCHIVE_SITE_NO_CACHE"):
        return None
    settings = repr(
        (
            jinja2.__version__,
            env.trim_blocks,
            env.lstrip_blocks,
            env.keep_trailing_newline,
            env.autoescape,
            getattr(env.finalize, "__qualname__", None),  # compiled into each template's code
            sorted(env.filters),
            sorted(env.tests),
            sorted(env.globals),
        )
    )
    digest = hashlib.sha256(settings.encode()).hexdigest()[:16]
    folder = cache_home() / f"templates-{digest}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _QuietCache(str(folder))


def kept_compiled(templates: Path) -> bool:
    """Whether the user's cache (see :func:`cache_compiled`) likely holds the templates of
    ``templates`` compiled: it holds one of them (a build compiles those it uses, and keeps
    them), in the folder of some settings.  Whether it holds each, of its source as it is
    now, is seen as each loads.  Never under ``ARCHIVE_SITE_NO_CACHE=1``."""
    if os.environ.get("ARCHIVE_SITE_NO_CACHE"):
        return False
    keys = jinja2.BytecodeCache()
    env = make_environment(templates)
    assert env.loader is not None
    try:
        folders = [
            _QuietCache(str(f)) for f in cache_home().iterdir() if f.name.startswith("templates-")
        ]
        for name in env.list_templates(extensions=("html", "xml")):
            _, filename, _ = env.loader.get_source(env, name)
            key = keys.get_cache_key(name, filename)
            if any(Path(kept.directory, kept.pattern % key).is_file() for kept in folders):
                return True
    except (OSError, ArchiveError):  # the build tells a template it cannot read
        return False
    return False


#: What a :class:`CompiledAhead` process sends: each template's compiled code (marshalled),
#: with the checksum of the source it was compiled from, under Jinja's key for it.
Compiled = dict[str, tuple[str, bytes]]


class CompiledAhead:
    """The templates of a folder compiled by a process forked for it, on another core, while
    this one loads the archive: compiling them took 115 ms of the seed's cold build of
    0.5 s, loading 130 ms.  ``make`` makes the environment they are compiled in: the one the
    renderer uses, before its globals (which no compilation reads) are set.

    Nothing is trusted that need not be: the code of a template whose source differs from
    what the process compiled is not used, a template that fails to compile there is
    compiled (and its error told) here, and a process that dies sends nothing."""

    def __init__(self, templates: Path, make: Callable[[Path], jinja2.Environment]) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        self._receive, send = ctx.Pipe(duplex=False)
        for stream in (sys.stdout, sys.stderr):  # the child must not print what was buffered
            stream.flush()
        self._proc = ctx.Process(target=_compile_all, args=(templates, make, send), daemon=True)
        self._proc.start()
        send.close()
        self._codes: Compiled | None = None

    def codes(self) -> Compiled:
        """What the process compiled (waiting for it the first time), by Jinja's key."""
        if self._codes is None:
            try:
                self._codes = self._receive.recv()
            except (EOFError, OSError):  # it died without a word: compiled here instead
                self._codes = {}
            self.close()
        return self._codes

    def close(self) -> None:
        """On success, failure or Ctrl-C alike: the process does not outlive the build."""
        if self._proc.is_alive():
            self._proc.terminate()
        self._proc.join()
        self._receive.close()


def _compile_all(
    templates: Path, make: Callable[[Path], jinja2.Environment], send: Connection
) -> None:
    end_with_parent()  # a build killed outright: not left waiting to send
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the parent stops it
    gc.disable()  # a short life: a collection would only copy the parent's memory
    try:
        codes = compile_all(make(templates))
    except Exception:  # then all are compiled, and any error told, there
        codes = {}
    send.send(codes)
    send.close()


def compile_all(env: jinja2.Environment) -> Compiled:
    """Every page and feed template of ``env`` (as :meth:`Site.load_templates` loads them)
    compiled, by Jinja's key for it; one that does not compile is left out."""
    keys = jinja2.BytecodeCache()
    codes: Compiled = {}
    assert env.loader is not None
    for name in env.list_templates(extensions=("html", "xml")):
        try:
            source, filename, _ = env.loader.get_source(env, name)
            code = env.compile(source, name, filename)
        except Exception:  # noqa: S112 - its error is told where the build compiles it
            continue
        key = keys.get_cache_key(name, filename)
        codes[key] = (keys.get_source_checksum(source), marshal.dumps(code))
    return codes


class _Ahead(jinja2.BytecodeCache):
    """The templates compiled ahead (see :class:`CompiledAhead`), after those ``kept`` in
    the user's cache; one taken from the process is kept there too."""

    def __init__(self, ahead: CompiledAhead, kept: jinja2.BytecodeCache | None) -> None:
        self.ahead = ahead
        self.kept = kept

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if self.kept is not None:
            self.kept.load_bytecode(bucket)
        if bucket.code is not None:
            return
        found = self.ahead.codes().get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = marshal.loads(found[1])  # noqa: S302 - this build's own child
            if self.kept is not None:
                self.kept.dump_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if self.kept is not None:
            self.kept.dump_bytecode(bucket)
