"""The errors explainer-i18n reports to users: each becomes one line on stderr and exit 2."""

from __future__ import annotations


class ExplainerError(Exception):
    """Base of every error the tool reports to its user instead of a traceback."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        # All three in args, so the error survives pickling from a worker process.
        super().__init__(message, path, line)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class InputError(ExplainerError):
    """A file the user gave (source, catalog, glossary, config) cannot be used as it is."""


class ConfigError(ExplainerError):
    """The project's configuration is wrong: unknown key, bad value, unknown language."""


class UsageError(ExplainerError):
    """The command line asks for something that cannot be done (missing folder, bad option)."""


class LockError(ExplainerError):
    """Another run holds the project's lock."""
