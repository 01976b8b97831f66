"""Output formats. Each takes a Result (and the knowledge base, for labels) and returns text.

Renderers are imported when first used, so a command pays only for the format it prints."""

import importlib
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # what __getattr__ below imports on first use, with its real types for type checkers
    from .json_format import render_json
    from .markdown_format import render_markdown
    from .text_format import render_text

# format name -> (module in this package, function), imported on first look-up
_MODULES = {
    "text": ("text_format", "render_text"),
    "json": ("json_format", "render_json"),
    "markdown": ("markdown_format", "render_markdown"),
}


# The handout and the diagrams import their modules only when asked for: a plain `match` stays as quick.
def render_html(result, explain=False):
    from .html import render_html as render

    return render(result, explain)


def render_mermaid(result, explain=False):
    from .diagram import render_mermaid_path

    return render_mermaid_path(result, explain)


def render_dot(result, explain=False):
    from .diagram import render_dot_path

    return render_dot_path(result, explain)


_LOCAL = {"html": render_html, "mermaid": render_mermaid, "dot": render_dot}


class _Renderers(Mapping):
    """format name -> render function, importing the function's module on first look-up."""

    def __getitem__(self, fmt):
        if fmt in _LOCAL:
            return _LOCAL[fmt]
        module, name = _MODULES[fmt]
        return getattr(importlib.import_module(f"{__name__}.{module}"), name)

    def __iter__(self):
        return iter([*_MODULES, *_LOCAL])

    def __len__(self):
        return len(_MODULES) + len(_LOCAL)


RENDERERS = _Renderers()


def __getattr__(name: str):
    for fmt, (_, function) in _MODULES.items():
        if function == name:
            return RENDERERS[fmt]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["RENDERERS", "render_dot", "render_html", "render_json", "render_markdown", "render_mermaid", "render_text"]
