"""Options and error handling shared by the explainer-i18n commands."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from explainer_i18n.errors import ExplainerError
from explainer_i18n.fsio import project_lock
from explainer_i18n.project import Project

F = TypeVar("F", bound=Callable[..., Any])
EXIT_OK, EXIT_FOUND, EXIT_ERROR = 0, 1, 2
EXIT_SIGPIPE = 141
"""What a shell reports for a program killed by SIGPIPE, as C tools are when a pipe closes."""


def reports_errors(command: F) -> F:
    """Turn the tool's errors into one line on stderr and exit 2, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ExplainerError as error:
            click.echo(f"explainer-i18n: error: {error}", err=True)
            sys.exit(EXIT_ERROR)
        except KeyboardInterrupt:
            click.echo("explainer-i18n: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            # Whoever read our output stopped (``| head``): stop too, quietly, as the shell's
            # own tools do; stdout goes to /dev/null so that the exit flush does not fail again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_SIGPIPE)
        except OSError as error:
            # A file-system failure no reader or writer turned into an InputError, such as a
            # full disk under stdout: still one line, not a traceback.
            where = f"{error.filename}: " if error.filename else ""
            click.echo(f"explainer-i18n: error: {where}{error.strerror or error}", err=True)
            sys.exit(EXIT_ERROR)

    return wrapper  # type: ignore[return-value]


def project_option(command: F) -> F:
    """The ``-C/--project DIR`` option every command takes."""
    return click.option(
        "-C",
        "--project",
        "project_dir",
        default=".",
        show_default=True,
        type=click.Path(file_okay=False, path_type=Path),
        help="The content project's folder (with source/ and locales/).",
    )(command)


def quiet_option(command: F) -> F:
    """The ``-q/--quiet`` option: only errors and the result."""
    return click.option(
        "-q", "--quiet", is_flag=True, help="Print nothing but errors and results."
    )(command)


def lock_option(command: F) -> F:
    """How long a writing command waits for another run on the same project."""
    return click.option(
        "--lock-timeout",
        default=60.0,
        show_default=True,
        type=click.FloatRange(min=0),
        help="Seconds to wait for another run on the same project to finish.",
    )(command)


def say(message: str, quiet: bool = False) -> None:
    """Progress and summaries go to stderr, so stdout stays for results."""
    if not quiet:
        click.echo(message, err=True)


def locked(project: Project, timeout: float) -> Any:
    """The project lock, telling the user when it has to wait."""
    return project_lock(project.root, timeout, on_wait=lambda text: say(f"explainer-i18n: {text}"))


def progress_for(label: str, quiet: bool) -> Callable[[int, int], None] | None:
    """A progress line on stderr for long runs on a terminal; nothing in CI or with --quiet."""
    if quiet or os.environ.get("CI") or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        click.echo(f"\r{label}: {done}/{total}", err=True, nl=False)
        if end:
            click.echo("", err=True)

    return show
