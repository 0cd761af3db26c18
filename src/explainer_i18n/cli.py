"""The explainer-i18n command line: a click group over the pipeline and check commands."""

from __future__ import annotations

import importlib

import click

from explainer_i18n import __version__

COMMANDS = {
    "extract": "explainer_i18n.cli_pipeline",
    "update": "explainer_i18n.cli_pipeline",
    "build": "explainer_i18n.cli_pipeline",
    "status": "explainer_i18n.cli_pipeline",
    "check": "explainer_i18n.cli_check",
    "glossary": "explainer_i18n.cli_check",
}
"""Each command and the module defining it, imported only when the command runs: a no-op
``extract`` need not load the checks, and CI runs many such commands."""


class _Commands(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        command = getattr(importlib.import_module(module), cmd_name)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="explainer-i18n")
def cli() -> None:
    """German news explainers → gettext catalogs → localized editions, checked for CI."""


def main() -> None:
    """Entry point of the ``explainer-i18n`` script and ``python -m explainer_i18n``."""
    cli(prog_name="explainer-i18n")
