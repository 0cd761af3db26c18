"""The explainer-i18n command line: a click group over the pipeline and check commands."""

from __future__ import annotations

import click

from explainer_i18n import __version__
from explainer_i18n.cli_check import check, glossary
from explainer_i18n.cli_pipeline import build, extract, status, update


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="explainer-i18n")
def cli() -> None:
    """German news explainers → gettext catalogs → localized editions, checked for CI."""


for _command in (extract, update, build, status, check, glossary):
    cli.add_command(_command)


def main() -> None:
    """Entry point of the ``explainer-i18n`` script and ``python -m explainer_i18n``."""
    cli(prog_name="explainer-i18n")
