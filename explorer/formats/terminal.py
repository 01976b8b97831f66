"""How text is laid out for a terminal: the width to wrap at (never mid-word) and whether to colour.
The command line decides both (terminal size, a pipe, NO_COLOR, --no-color); formatters only obey."""

import textwrap
from collections.abc import Iterable

from ..records import record

WIDTH = 88  # the widest we wrap, even on a wide terminal: long lines are hard to read
MIN_WIDTH = 40

_CODES = {"bold": "1", "red": "31", "green": "32", "yellow": "33", "blue": "34", "magenta": "35", "cyan": "36"}
STRENGTH_STYLE = {"strong": ("bold", "green"), "moderate": ("yellow",), "weak": ("cyan",)}
_GLUE = "\x00"  # stands for a space inside a kept token while wrapping (text shown here never holds NUL)


@record
class Display:
    width: int = WIDTH
    color: bool = False

    def wrap(self, text: str, indent: str = "", subsequent: str | None = None, keep: Iterable[str] = ()) -> list[str]:
        """``text`` wrapped to the width at spaces only (a word longer than a line stays whole). Each of
        ``keep`` (a path, a command to copy) stays whole on one line, even with spaces inside."""
        for token in keep:
            text = text.replace(token, token.replace(" ", _GLUE))
        lines = textwrap.wrap(
            text,
            self.width,
            initial_indent=indent,
            subsequent_indent=indent if subsequent is None else subsequent,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [indent.rstrip()]
        return [line.replace(_GLUE, " ") for line in lines]

    def fit(self, text: str) -> str:
        """Every line of ``text`` that is too wide, wrapped at spaces under its own indentation (+4)."""
        out = []
        for line in text.split("\n"):
            if len(line) <= self.width:
                out.append(line)
            else:
                indent = line[: len(line) - len(line.lstrip())]
                out += self.wrap(line.strip(), indent, indent + "    ")
        return "\n".join(out)

    def paint(self, text: str, *styles: str) -> str:
        """``text`` in the given styles ("bold", "red", ...) when colour is on."""
        if not self.color or not styles or not text:
            return text
        codes = ";".join(_CODES[s] for s in styles)
        return f"\x1b[{codes}m{text}\x1b[0m"

    def strength(self, word: str) -> str:
        return self.paint(word, *STRENGTH_STYLE.get(word, ()))
