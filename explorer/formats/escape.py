"""Escaping by output format, for text that came from the user (findings as typed, case ids, notes,
error messages that quote them). Each renderer calls the function for its format; knowledge text is
written by the project and is not escaped here. HTML is escaped by markupsafe as it is built (markup.py).

- escape_markdown: HTML-significant characters as entities and Markdown punctuation backslash-escaped,
  so no tag, attribute, link or table cell can be opened; line breaks become spaces.
- csv_cell: a cell starting with = + - @ (or a tab or carriage return) gets a leading apostrophe, so a
  spreadsheet shows it as text instead of running it as a formula (OWASP's CSV injection advice).
- terminal_safe: control characters (escape sequences, carriage returns, bells) shown as visible
  placeholders, so typed input cannot move the cursor, recolour or retitle the terminal.
- valid_utf8: lone surrogates replaced by U+FFFD, so the text can always be written as UTF-8.
"""

import re

_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 and C1 controls except tab and newline, and DEL; also the bidirectional overrides that reorder text.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#!|~])")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def valid_utf8(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text)


def has_lone_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def terminal_safe(text: str) -> str:
    """Echoed input for a terminal: controls shown as ^[-style or U+ placeholders, never executed."""
    return _CONTROL.sub(_visible, valid_utf8(text))


def _visible(match) -> str:
    code = ord(match.group())
    return f"^{chr(code + 64)}" if code < 0x20 else "^?" if code == 0x7F else f"<U+{code:04X}>"


def escape_markdown(text: str) -> str:
    """User text inside Markdown (also safe inside a table cell): no HTML, links, emphasis or new lines."""
    plain = " ".join(terminal_safe(text).split())
    # Punctuation first, then & < > as entities (an entity's own '#' must not be escaped), as
    # html.escape(quote=False) would: importing html costs every `match` about 2 ms.
    escaped = _MARKDOWN_PUNCTUATION.sub(r"\\\1", plain)
    return escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def csv_cell(value) -> str:
    """One CSV cell that a spreadsheet shows as text, never evaluates (and a terminal never obeys)."""
    text = terminal_safe(str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text


def quoted(text: str, limit: int = 80) -> str:
    """User text quoted inside a one-line message: repr (so controls show as escapes), cut at ``limit``."""
    return repr(text if len(text) <= limit else text[:limit] + "...")
