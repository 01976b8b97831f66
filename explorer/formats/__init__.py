"""Output formats. Each takes a Result (and the knowledge base, for labels) and returns text."""

from .json_format import render_json
from .markdown_format import render_markdown
from .text_format import render_text


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


RENDERERS = {
    "text": render_text,
    "json": render_json,
    "markdown": render_markdown,
    "html": render_html,
    "mermaid": render_mermaid,
    "dot": render_dot,
}

__all__ = ["RENDERERS", "render_dot", "render_html", "render_json", "render_markdown", "render_mermaid", "render_text"]
