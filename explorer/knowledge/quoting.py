"""What a message may show of a file's contents: names, never anything else.

A message about a file (a knowledge file, a case file) must point at the place and say what is wrong
without echoing what the file says: the file may be a symlink to a secret (``/etc/passwd``, a key, an
``.env``) and the message may end up in a log or a web page. So a value is quoted only when it is shaped
like a name of our vocabulary (an id, a key, an HPO or ORPHA code, a short phrase), which a knowledge
author needs to see to fix a typo; anything else is described by its kind and length.
"""

import re

MAX_SHOWN = 100  # the longest of our ids (generated annotation rules) is 89 characters
# Letters (any script), digits, spaces and the few marks ids, codes and phrases use; no '/', '=', '+', '$',
# '@', quotes or line breaks, which secrets and paths are made of.
_NAME = re.compile(r"\w[\w .:'()-]*")


def shown(value, quote: bool = True) -> str:
    """``value`` (quoted, unless ``quote`` is false) when it is a name (short, made of name characters),
    else what it is."""
    if isinstance(value, str) and len(value) <= MAX_SHOWN and _NAME.fullmatch(value):
        return repr(value) if quote else value
    if isinstance(value, str):
        return f"text of {len(value)} characters (not shown)" if value.strip() else "empty text"
    return described(value)


def described(value) -> str:
    """What a YAML or JSON value is, never what it says."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text" if value.strip() else "empty text"
    if isinstance(value, dict):
        return "a mapping"
    return "a list" if isinstance(value, list) else "another value"
