"""Text normalization shared by everything that matches what a person typed."""

import re

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def normalize(text: str) -> str:
    """Lower-case, strip accents and punctuation, fold spacing: "Sjögren's  Syndrome" -> "sjogrens syndrome"."""
    if text.isascii():  # nothing to decompose (most text, and every name at start-up): the same, faster
        plain = text.lower()
    else:
        import unicodedata  # only for text beyond ASCII: no name at start-up needs it

        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    # Apostrophes join words ("can't" -> "cant") rather than splitting them.
    plain = plain.replace("'", "").replace("\u2019", "")
    return _NOT_WORD.sub(" ", plain).strip()
