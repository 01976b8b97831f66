"""Short reprs for a Python shell. A result's fields run to tens of thousands of characters, so ``repr``
names the record and counts the rest, in a few hundred characters at most; the whole of it stays in
``to_dict`` and, in a notebook, ``_repr_html_``."""

from collections.abc import Iterable

LIMIT = 3  # items named before "..."
WIDTH = 60  # characters of one item: a condition name with its strength fits; a person's own words may not


def counted(n: int, noun: str, plural: str = "") -> str:
    """ "1 red flag", "2 red flags"."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def first_few(texts: Iterable[str]) -> str:
    """The first LIMIT texts, each cut at WIDTH characters, then "..." when there are more."""
    items = list(texts)
    shown = [t if len(t) <= WIDTH else t[: WIDTH - 3] + "..." for t in items[:LIMIT]]
    return ", ".join(shown + ["..."] * (len(items) > LIMIT))


def counted_with_names(texts: Iterable[str], noun: str, plural: str = "") -> str:
    """ "2 suggestions (Sjögren's syndrome strong, Peripheral neuropathy weak)"; "0 suggestions"."""
    items = list(texts)
    return counted(len(items), noun, plural) + (f" ({first_few(items)})" if items else "")
