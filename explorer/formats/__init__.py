"""Output formats. Each takes a Result (and the knowledge base, for labels) and returns text.

Renderers are imported when first used, so a command pays only for the format it prints."""

import importlib
from collections.abc import Mapping

_MODULES = {
    "text": ("text_format", "render_text"),
    "json": ("json_format", "render_json"),
    "markdown": ("markdown_format", "render_markdown"),
}


class _Renderers(Mapping):
    """format name -> render function, importing the function's module on first look-up."""

    def __getitem__(self, fmt):
        module, name = _MODULES[fmt]
        return getattr(importlib.import_module(f"{__name__}.{module}"), name)

    def __iter__(self):
        return iter(_MODULES)

    def __len__(self):
        return len(_MODULES)


RENDERERS = _Renderers()


def __getattr__(name: str):
    for fmt, (_, function) in _MODULES.items():
        if function == name:
            return RENDERERS[fmt]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["RENDERERS", "render_json", "render_markdown", "render_text"]
