"""Output formats. Each takes a Result (and the knowledge base, for labels) and returns text."""

from .json_format import render_json
from .markdown_format import render_markdown
from .text_format import render_text

RENDERERS = {"text": render_text, "json": render_json, "markdown": render_markdown}

__all__ = ["RENDERERS", "render_json", "render_markdown", "render_text"]
