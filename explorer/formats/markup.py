"""HTML built with markupsafe: text put into an ``Html`` string (by ``format``, ``join``, ``+`` or ``%``)
is escaped unless it is already ``Html``, so a fragment can never let a finding, a note or a label in
unescaped, and no escape call has to be remembered at each place text goes in."""

import html

from markupsafe import Markup

from .escape import terminal_safe


class Html(Markup):
    """Markup whose escaping also shows control characters as ``terminal_safe`` does (typed input cannot
    hide text or reorder it), and spells entities as the standard library does (``&#x27;``, ``&quot;``),
    so pages are byte for byte what they were before markupsafe built them."""

    __slots__ = ()

    @classmethod
    def escape(cls, s) -> "Html":
        if hasattr(s, "__html__"):
            return cls(s.__html__())
        return cls(html.escape(terminal_safe(str(s)), quote=True))


NEWLINE = Html("\n")
