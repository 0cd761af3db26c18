"""explainer-i18n: German news explainers through gettext PO catalogs to localized editions."""

__version__ = "0.1.0"
