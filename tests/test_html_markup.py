"""HTML is built with markupsafe (explorer/formats/markup.py): text going into a page is escaped, markup
already built is not escaped twice, and the bytes are those the standard library's escaping gave."""

import html
import re
from pathlib import Path

from explorer import explore, load_knowledge
from explorer.formats.html import card_fragment, page, result_fragment
from explorer.formats.markup import Html
from explorer.formats.svg import render_svg
from explorer.reasoning.rulesview import fired_network

FORMATS = Path(__file__).resolve().parent.parent / "explorer" / "formats"
HOSTILE = "<img src=x onerror=alert(1)> & 'it' \"is\" \x1b[31m\u202e"


def test_text_put_into_html_is_escaped_with_controls_shown():
    built = Html("<li>{}</li>").format(HOSTILE)
    assert (
        built == "<li>&lt;img src=x onerror=alert(1)&gt; &amp; &#x27;it&#x27; &quot;is&quot; ^[[31m&lt;U+202E&gt;</li>"
    )
    assert Html(", ").join(["<b>", Html("<b>")]) == "&lt;b&gt;, <b>"
    assert Html("<p>") + "<" == "<p>&lt;"


def test_entities_are_spelled_as_the_standard_library_spells_them():
    text = 'Sjögren\'s "dry" <eyes> & mouth'
    assert Html.escape(text) == html.escape(text, quote=True)


def test_fragments_are_markup_so_a_page_holds_them_unescaped_once():
    kb = load_knowledge()
    result = explore(["numbness", "dry eyes", HOSTILE], kb=kb)
    body = result_fragment(result)
    assert isinstance(body, Html) and isinstance(render_svg(fired_network(result)), Html)
    assert isinstance(card_fragment(kb.conditions["sjogren_syndrome"], kb), Html)
    whole = page("a <title>", body)
    assert "<svg " in whole and "&lt;svg" not in whole and "&amp;lt;" not in whole
    assert "<title>a &lt;title&gt;</title>" in whole and "<img" not in whole and "\x1b" not in whole


def test_no_html_module_escapes_by_hand():
    for name in ("html.py", "svg.py"):
        source = (FORMATS / name).read_text()
        assert not re.search(r"\bescape(_html)?\(", source), name
