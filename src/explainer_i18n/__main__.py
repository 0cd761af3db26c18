"""Run the command line as ``python -m explainer_i18n``."""

from explainer_i18n.cli import main

main()
