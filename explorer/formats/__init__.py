"""Output formats. Which format renders which view, and with which function, is said once, in
``registry.py``; every command's ``--format`` choices are read from there. Renderers are imported when
first used, so a command pays only for the format it prints."""

from collections.abc import Callable, Iterator, Mapping

from .registry import FORMATS, VIEWS, Context, formats_for, render, renderer


class _ResultRenderers(Mapping):
    """format name -> ``render(result, explain=False) -> str``: the ``result`` view of the registry, for
    scripts and tests that render a Result in every format."""

    def __getitem__(self, fmt: str) -> Callable[..., str]:
        function = renderer("result", fmt)  # a KeyError for a format that does not render a result

        def render_result(result, explain: bool = False) -> str:
            return function(result, Context(explain=explain))

        return render_result

    def __iter__(self) -> Iterator[str]:
        return iter(formats_for("result"))

    def __len__(self) -> int:
        return len(formats_for("result"))


RENDERERS = _ResultRenderers()

__all__ = ["FORMATS", "RENDERERS", "VIEWS", "Context", "formats_for", "render", "renderer"]
