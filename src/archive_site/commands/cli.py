"""The command line: argument parsing, printing and exit codes only.

Exit codes: 0 success, 1 problems in the content (or templates), 2 usage
errors, 70 an internal error (a bug: rerun with --debug for the traceback).
"""

from __future__ import annotations

import argparse
import errno
import gc
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from ..config import ENV_BASE_URL, chosen_base_url
from ..counts import plural
from ..errors import ArchiveError, Diagnostic, display_path, format_report, shown_text
from ..options import (
    DEFAULT_BASE_URL,
    AddOptions,
    BuildOptions,
    CheckOptions,
    InitOptions,
    ServeOptions,
    SiteOptions,
    SuggestOptions,
    UsageError,
    default_jobs,
)

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70
#: A disk that is full, or a quota reached: the files' problem, not a bug.
_FULL = frozenset({errno.ENOSPC, errno.EDQUOT})
COMMANDS = ("build", "check", "serve", "add", "suggest", "init")


class Printer:
    def __init__(self, verbosity: int) -> None:
        self.verbosity = verbosity

    def info(self, text: str) -> None:
        if self.verbosity >= 0:
            print(text, flush=True)

    def say(self, text: str) -> None:
        """A line printed even with -q (serve's address, its rebuilds, stopping)."""
        print(text, flush=True)

    def detail(self, text: str) -> None:
        if self.verbosity >= 1:
            print(text, flush=True)

    def problems(self, diagnostics: Sequence[Diagnostic], what: str) -> None:
        errors = sum(1 for d in diagnostics if d.severity == "error")
        warnings = len(diagnostics) - errors
        counts = []
        if errors:
            counts.append(plural(errors, "error"))
        if warnings:
            counts.append(plural(warnings, "warning"))
        print(f"archive-site: {' and '.join(counts)} in {what}:", file=sys.stderr)
        print(format_report(diagnostics), file=sys.stderr, flush=True)


def _add_content_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--content",
        type=Path,
        default=Path("content"),
        metavar="DIR",
        help="content folder (default: content)",
    )


def _add_content_options(p: argparse.ArgumentParser, *, output: bool = True) -> None:
    _add_content_option(p)
    p.add_argument(
        "--templates",
        type=Path,
        default=Path("templates"),
        metavar="DIR",
        help="templates folder (default: templates)",
    )
    if output:
        p.add_argument(
            "--output",
            "-o",
            type=Path,
            default=Path("dist"),
            metavar="DIR",
            help="output folder (default: dist)",
        )
    p.add_argument(
        "--base-url",
        default=None,
        metavar="URL",
        help=(
            f"absolute URL the site is published at; default: ${ENV_BASE_URL}, "
            "else site.yaml's base_url"
        ),
    )
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")


def _add_jobs_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=None,
        metavar="N",
        help=(
            "render with N processes and index up to N search shards at once (default: "
            "one per core; 1: in this process only); the output is the same whatever N"
        ),
    )


def _add_quiet_option(p: argparse.ArgumentParser, what: str = "problems") -> None:
    p.add_argument("-q", "--quiet", action="store_true", help=f"print nothing but {what}")


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(
        prog="archive-site",
        description=(
            "Build a static research-archive website from captured articles and curated milestones."
        ),
    )
    sub = root.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _build_arguments(sub)
    _check_arguments(sub)
    _serve_arguments(sub)
    _add_arguments(sub)
    _suggest_arguments(sub)
    _init_arguments(sub)
    return root


def _build_arguments(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    b = sub.add_parser(
        "build",
        help="check the content and write the site (the default of build.py)",
        description=(
            "Check everything, then render the site into a fresh folder, index it for search "
            "and swap it in for the output folder (dist/) only when all succeeded: a failed "
            "build leaves the previous site as it was. Exit 0 built, 1 problems, 2 usage."
        ),
    )
    _add_content_options(b)
    b.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="say what each stage did and how long it took",
    )
    _add_jobs_option(b)
    _add_quiet_option(b)


def _check_arguments(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    c = sub.add_parser(
        "check",
        help="load and validate everything, build nothing",
        description=(
            "Load and validate the content folder (every key, reference, date and quote), "
            "report the problems, each with its file and line, and write nothing. Exit 0 "
            "clean, 1 problems, 2 usage."
        ),
    )
    _add_content_options(c, output=False)
    _add_quiet_option(c)
    c.add_argument(
        "--single-voice",
        action="store_true",
        help="warn on each milestone whose sources are all one speaker",
    )


def _serve_arguments(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    s = sub.add_parser(
        "serve",
        help="build, serve on 127.0.0.1, rebuild on changes and reload the browser",
        description=(
            "Build the site into a private temporary folder and serve it at its base URL's path "
            "(as GitHub Pages will), rebuild when content, templates or the generator's code "
            "change, and reload open pages. A failed build keeps the last good site and shows "
            "the problems in the terminal and the browser. The output folder (dist/) is never "
            "touched."
        ),
    )
    _add_content_options(s, output=False)
    s.add_argument(
        "--port",
        type=int,
        default=8000,
        help="port on 127.0.0.1 (default: 8000; 0 picks a free one)",
    )
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    s.add_argument(
        "--interval",
        type=float,
        default=0.5,
        metavar="SECONDS",
        help="how often to look for changes (default: 0.5)",
    )
    _add_jobs_option(s)
    _add_quiet_option(s, "problems and rebuilds")


def _add_arguments(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    a = sub.add_parser(
        "add",
        help="add a captured article to the content folder",
        description=(
            "Copy a capture (a saved page, .html, .mhtml, .webarchive, WARC or WACZ; a "
            "plain text file; a Markdown article) byte for byte into the content folder's "
            "articles/, say what it read and from which line, and write its metadata file "
            "with the fields still to fill in."
        ),
    )
    a.add_argument("capture", type=Path, help="the capture: a saved page or a text file")
    _add_content_option(a)
    a.add_argument(
        "--id",
        dest="ident",
        default=None,
        help="the article's id (default: date, outlet and title)",
    )
    a.add_argument(
        "--dry-run",
        action="store_true",
        help="say what it would read, copy and write, and write nothing",
    )
    a.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")


def _suggest_arguments(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    g = sub.add_parser(
        "suggest",
        help="list the dated mentions in the articles' text as candidate milestones",
        description=(
            "List every dated mention in the articles' text, sentence by sentence, as a "
            "candidate milestone: its date in the form milestones.yaml takes, what it was "
            "read from, and the sentence to quote. Writes nothing."
        ),
    )
    g.add_argument("articles", nargs="*", metavar="ARTICLE_ID", help="only these articles")
    _add_content_option(g)
    g.add_argument("--new", action="store_true", help="hide mentions already on the timeline")
    g.add_argument(
        "--json",
        action="store_true",
        help="print a JSON array (keys: article, paragraph, date, quote, basis, existing)",
    )
    g.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")


def _init_arguments(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    i = sub.add_parser(
        "init",
        help="make a new archive's content folder, ready to build",
        description=(
            "Write a new archive into FOLDER (new, or empty): its site.yaml from the options, "
            "an About page saying how the archive works, milestones.yaml, entities.yaml and "
            "topics.yaml holding no records yet, and an empty articles/ folder for `add`. "
            "Give the folder to every command as --content FOLDER."
        ),
    )
    i.add_argument("folder", type=Path, metavar="FOLDER", help="the new content folder")
    i.add_argument("--title", required=True, help="the site's title")
    i.add_argument("--subject", required=True, help="what the archive is on (shown with the title)")
    i.add_argument(
        "--publisher", required=True, help="who publishes it (a person or an organisation)"
    )
    i.add_argument(
        "--description",
        default=None,
        help="one or two sentences on the archive (default: one made from the subject)",
    )
    i.add_argument("--language", default="en", help="the site's language tag (default: en)")
    i.add_argument(
        "--base-url",
        default=DEFAULT_BASE_URL,
        metavar="URL",
        help=f"the absolute URL it will be published at (default: {DEFAULT_BASE_URL})",
    )
    i.add_argument(
        "--license",
        default=None,
        help="how the archive's records may be reused (default: says only that the captures "
        "remain their authors' and outlets' work)",
    )
    i.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")


def site_options(args: argparse.Namespace) -> SiteOptions:
    return SiteOptions(
        content=args.content,
        templates=args.templates,
        base_url=chosen_base_url(args.base_url),
        strict=args.strict,
    )


def check_options(args: argparse.Namespace) -> CheckOptions:
    return CheckOptions(site_options(args), single_voice=args.single_voice)


def build_options(args: argparse.Namespace) -> BuildOptions:
    return BuildOptions(site_options(args), output=args.output, jobs=args.jobs)


def serve_options(args: argparse.Namespace) -> ServeOptions:
    return ServeOptions(
        site_options(args),
        host=args.host,
        port=args.port,
        interval=args.interval,
        debug=args.debug,
        jobs=args.jobs,
    )


def add_options(args: argparse.Namespace) -> AddOptions:
    return AddOptions(
        capture=args.capture, content=args.content, ident=args.ident, dry_run=args.dry_run
    )


def cmd_suggest(args: argparse.Namespace, out: Printer) -> int:
    from .suggest import suggest_command

    options = SuggestOptions(args.content, tuple(args.articles), args.new, args.json)
    return suggest_command(options, out)


def cmd_build(args: argparse.Namespace, out: Printer) -> int:
    from ..pipeline import Paths, build

    options = build_options(args)
    site = options.site
    started = time.perf_counter()
    paths = Paths(site.content, site.templates, options.output)
    report = build(paths, base_url=site.base_url, strict=site.strict, jobs=options.jobs)
    if report.warnings:
        out.problems(report.warnings, "the content")
    for stage, seconds in report.stages:
        out.detail(f"  {stage:<16} {seconds * 1000:7.1f} ms")
    memory = peak_memory()
    if memory is not None:
        out.detail(memory)
    elapsed = time.perf_counter() - started
    where = display_path(options.output)
    if report.unchanged is not None:  # said as such: nothing was built
        out.info(f"Nothing changed since the last build: {report.summary()} in {where}/")
    else:
        out.info(f"Built {report.summary()} into {where}/ in {elapsed:.2f} s")
    return EXIT_OK


def peak_memory() -> str | None:
    """The peak resident memory of this process, and of the largest process it ran and
    waited for (a render worker, a Pagefind run), as ``build -v`` says it; None where the
    system does not tell (no ``resource`` module: Windows)."""
    try:
        import resource
    except ImportError:
        return None
    unit = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, else KiB
    here = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit / 2**20
    ran = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * unit / 2**20
    others = f", {ran:.0f} MiB in the largest process it ran" if ran >= 1 else ""
    return f"  peak memory      {here:.0f} MiB in this process{others}"


def cmd_check(args: argparse.Namespace, out: Printer) -> int:
    from ..pipeline import Paths, check, record_cache

    options = check_options(args)
    site = options.site
    cache = record_cache(site.content, base_url=site.base_url, strict=site.strict)
    report = check(
        Paths(site.content, site.templates, Path("dist")),
        base_url=site.base_url,
        strict=site.strict,
        single_voice=options.single_voice,
        cache=cache,
        jobs=default_jobs(),
    )
    if cache is not None:
        cache.save()  # (as a build keeps it: only when everything checked)
    if report.warnings:
        out.problems(report.warnings, "the content")
    assert report.archive is not None
    a = report.archive
    quotes = sum(len(m.sources) for m in a.every_milestone)  # (a withdrawn one's are checked)
    withdrawn = f", {len(a.withdrawn):,} withdrawn" if a.withdrawn else ""
    # with warnings (listed above), there are problems: only no errors
    verdict = "No errors" if report.warnings else "No problems"
    out.info(
        f"{verdict}: {plural(len(a.articles), 'article')}, "
        f"{plural(len(a.milestones), 'milestone')}{withdrawn} ({plural(quotes, 'quote')} "
        "verified), "
        f"{plural(len(a.entities), 'entity', 'entities')}, {plural(len(a.topics), 'topic')}."
    )
    return EXIT_OK


def cmd_serve(args: argparse.Namespace, out: Printer) -> int:
    from ..serve import serve

    return serve(serve_options(args), out)


def cmd_init(args: argparse.Namespace, out: Printer) -> int:
    from .init import init

    options = InitOptions(
        folder=args.folder,
        title=args.title,
        subject=args.subject,
        publisher=args.publisher,
        language=args.language,
        base_url=args.base_url,
        description=args.description,
        license=args.license,
    )
    return init(options, out)


def cmd_add(args: argparse.Namespace, out: Printer) -> int:
    from .add import add

    return add(add_options(args), out)


def main(argv: Sequence[str] | None = None) -> int:
    """The ``archive-site`` command (``argv``, else the process's arguments): its exit code.
    Called as the process's entry (no ``argv``), it leaves what the process holds to end
    with it (see :func:`_ending`)."""
    code = _main(argv)
    if argv is None:
        _ending()
    return code


def _ending() -> None:
    """The process ends: what it holds is frozen (``gc.freeze``), out of the garbage
    collection Python makes as it exits, which went over every object a build left (a
    build gives back to the collector what it froze: 33 ms of the seed's 0.3 s build with
    its caches in place).  It is all freed with the process."""
    gc.freeze()


def _main(argv: Sequence[str] | None) -> int:
    args = parser().parse_args(argv)
    verbosity = -1 if getattr(args, "quiet", False) else getattr(args, "verbose", 0)
    out = Printer(verbosity)
    run = {
        "build": cmd_build,
        "check": cmd_check,
        "serve": cmd_serve,
        "add": cmd_add,
        "suggest": cmd_suggest,
        "init": cmd_init,
    }[args.command]
    try:
        return run(args, out)
    except UsageError as exc:
        told = shown_text(str(exc))  # an argument's ESC, as typed or pasted, is not run
        print(f"archive-site {args.command}: error: {told}", file=sys.stderr, flush=True)
        return EXIT_USAGE
    except ArchiveError as exc:
        where = _where(exc.diagnostics, args)
        out.problems(exc.diagnostics, where)
        if args.command == "build":
            print(
                "archive-site: nothing was written; the output folder is unchanged.",
                file=sys.stderr,
            )
        return EXIT_USAGE if where == "the command line" else EXIT_PROBLEMS
    except KeyboardInterrupt:
        print("archive-site: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`archive-site build -v | head`): stop
        # quietly, as other command-line tools do, and keep Python from complaining
        # when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except OSError as exc:
        full = exc.errno in _FULL
        if (exc.filename is None and not full) or getattr(args, "debug", False):
            return _internal(exc, args)
        # A folder the system will not let the build list or write (no permission, a name
        # too long, a file where a folder must be), a full disk: not a bug.
        where = _told_at(exc.filename, args)
        message = exc.strerror or str(exc)
        if full:
            message += ": make room, then run the command again"
        out.problems([Diagnostic(where, None, message)], "the files")
        return EXIT_PROBLEMS
    except ModuleNotFoundError as exc:
        if (exc.name or "archive_site").partition(".")[0] == "archive_site":
            return _internal(exc, args)
        # a library archive-site needs, missing from the Python it runs in: not a bug
        print(
            f"archive-site: the library '{exc.name}' is not installed for this Python "
            f"({sys.executable}): run `make site` once, then .venv/bin/python build.py "
            "(or .venv/bin/archive-site)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    except Exception as exc:
        return _internal(exc, args)


def _told_at(filename: object, args: argparse.Namespace) -> str:
    """Where a refusal of the system is told: at the file it names, but the folder a
    command makes (the output, init's folder) for a file of its own beside it (the
    build's ``.dist.stamp``, ``.dist.new-PID-*/...``, init's ``.NAME.init-PID``), whose
    name would only puzzle; the output, or the working folder, when it names none."""
    made = getattr(args, "output", None)
    if args.command == "init":
        made = args.folder
    if not isinstance(filename, (str, bytes)):
        return display_path(made if made is not None else ".")
    path = Path(os.fsdecode(filename))
    if made is not None:
        target = Path(made).absolute()
        for step in (path.absolute(), *path.absolute().parents):
            if step.parent == target.parent and step.name.startswith(f".{target.name}."):
                return display_path(Path(made))
    return display_path(path)


def _where(diagnostics: Sequence[Diagnostic], args: argparse.Namespace) -> str:
    """Where the problems are, for the heading: the command line (an option's value: a
    usage error), the output folder, the capture ``add`` was given, the folder ``init`` was
    given, else the content."""
    paths = {d.path for d in diagnostics}
    if paths and all(p.startswith("--") for p in paths):
        return "the command line"
    output = getattr(args, "output", None)
    if output is not None and paths == {display_path(Path(output))}:
        return "the output folder"
    if args.command == "init":
        return "the new archive's folder"
    return "the capture" if args.command == "add" else "the content"


def _internal(exc: Exception, args: argparse.Namespace) -> int:
    """An exception the program did not expect: a bug."""
    if getattr(args, "debug", False):
        raise exc
    print(
        f"archive-site: internal error: {type(exc).__name__}: {exc}\n"
        "(this is a bug in archive-site; run again with --debug for the traceback)",
        file=sys.stderr,
    )
    return EXIT_INTERNAL


def build_py_main(argv: Sequence[str] | None = None) -> int:
    """``python build.py [ARGS]``: like ``archive-site``, with ``build`` as the default command."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or (args[0] not in COMMANDS and args[0] not in ("-h", "--help")):
        args.insert(0, "build")
    code = main(args)
    if argv is None:
        _ending()
    return code
