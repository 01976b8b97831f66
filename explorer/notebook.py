"""The HTML a notebook shows for a Result, a Condition or a Comparison (their ``_repr_html_``)."""

import importlib


def repr_html(record: object) -> str:
    """The same HTML as the handout (explorer.formats.html). The formatter is looked up by name and only
    when asked for, so that no record imports a formatter (the layer contract)."""
    html: str = importlib.import_module(".formats.html", __package__).html_fragment(record)
    return html
