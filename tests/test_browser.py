"""The handout and the diagrams in a real browser: headless Chromium (Debian's chromium and
chromium-driver, driven through Selenium). Each page must load without a console error, show its
diagram with every node drawn, and print to PDF. The Mermaid and DOT text is drawn by the libraries
pinned in tests/browser/package.json (installed with `npm ci --prefix tests/browser`; .ci/run does it).

Skipped, with the reason, only where no browser can be had."""

import base64
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from explorer import explore, fired_network, knowledge_network
from explorer.cli import cli
from tests.shared import one_at_a_time

pytestmark = pytest.mark.slow  # a real browser: left out by pytest -m 'not slow'

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is a test dependency: pip install '.[test]'")

ASSETS = Path(__file__).parent / "browser"
MERMAID = ASSETS / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
VIZ = ASSETS / "node_modules" / "@viz-js" / "viz" / "dist" / "viz-global.js"
AXE = ASSETS / "node_modules" / "axe-core" / "axe.min.js"


def _program(*names):
    return next((found for name in names if (found := shutil.which(name))), None)


@pytest.fixture(scope="module")
def browser(chromium):
    """The test process's Chromium (tests/conftest.py), shared with the other browser modules."""
    return chromium


@pytest.fixture(scope="module")
def libraries():
    """The pinned JavaScript libraries, installed from the npm registry when missing."""
    with one_at_a_time(ASSETS):  # another xdist worker may be installing them
        if not (MERMAID.exists() and VIZ.exists() and AXE.exists()):
            npm = _program("npm")
            if npm:
                subprocess.run([npm, "ci", "--prefix", str(ASSETS), "--no-audit", "--no-fund"], capture_output=True)
    if not (MERMAID.exists() and VIZ.exists()):
        pytest.fail("the diagram libraries are missing: run npm ci --prefix tests/browser")
    return MERMAID, VIZ


def _open(driver, path: Path):
    driver.get(path.as_uri())
    driver.get_log("browser")  # drop anything from an earlier page


def _errors(driver) -> list:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def _prints_to_pdf(driver):
    pdf = base64.b64decode(driver.print_page())
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000


def _drawn(driver, selector: str) -> list:
    """Width and height of every element matching ``selector`` as laid out in the page."""
    return driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map(e => {"
        " const r = e.getBoundingClientRect(); return [r.width, r.height]; });",
        selector,
    )


def test_handout_opens_draws_its_diagram_and_prints(browser, tmp_path):
    page = tmp_path / "case.html"
    findings = ["numbness", "dry eyes", "trouble breathing", "<script>alert(1)</script>"]
    CliRunner().invoke(cli, ["match", *findings, "--format", "html", "-o", str(page)])
    _open(browser, page)
    assert browser.title == "Symptom explorer handout"
    assert not _errors(browser)
    result = explore(findings)
    path = fired_network(result)  # as the handout draws it: annotation firings through one node
    boxes = _drawn(browser, ".diagram svg g.node rect")
    assert len(boxes) == len(path.nodes) and all(w > 50 and h > 10 for w, h in boxes)
    assert len(_drawn(browser, ".diagram svg path.edge")) >= len({(e.source, e.target) for e in path.edges})
    text = browser.find_element("tag name", "body").text
    # shown as text (the parser splits the typed markup at "/", so its first part is what comes back)
    assert "Urgent" in text and "Sjögren's syndrome" in text and "<script>alert(1)<" in text
    assert browser.execute_script("return document.scripts.length") == 0  # the handout runs no script at all
    _prints_to_pdf(browser)


def test_comparison_page_prints(browser, tmp_path):
    page = tmp_path / "compare.html"
    CliRunner().invoke(cli, ["compare", "gbs", "ms", "--format", "html", "-o", str(page)])
    _open(browser, page)
    assert not _errors(browser)
    assert "Questions that best tell them apart" in browser.find_element("tag name", "body").text
    _prints_to_pdf(browser)


DIAGRAM_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>diagram</title>
<script src="{library}"></script></head><body><div id="out"></div><script>
window.drawn = null;
(async () => {{
  try {{
    const text = {text};
    {draw}
    window.drawn = "ok";
  }} catch (e) {{ window.drawn = "error: " + e; console.error(String(e)); }}
}})();
</script></body></html>"""

DRAW = {
    "mermaid": "mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});"
    " const {svg} = await mermaid.render('network', text);"
    " document.getElementById('out').innerHTML = svg;",
    "dot": "const viz = await Viz.instance(); document.getElementById('out').appendChild(viz.renderSVGElement(text));",
}
# Mermaid's own parser (mermaid.parse throws on a syntax error), without laying the diagram out
MERMAID_PARSE = "mermaid.initialize({startOnLoad: false, securityLevel: 'strict'}); await mermaid.parse(text);"
NODE_SELECTOR = {"mermaid": "#out svg g.node", "dot": "#out svg g.node"}


@pytest.mark.parametrize("fmt", ["mermaid", "dot"])
@pytest.mark.parametrize(
    "args, network",
    [
        (["rules", "--all"], lambda: knowledge_network()),
        (
            ["match", "numbness", "dry eyes", "trouble breathing"],
            lambda: fired_network(explore(["numbness", "dry eyes", "trouble breathing"])),
        ),
    ],
    ids=["whole-network", "fired-path"],
)
def test_diagram_text_is_drawn_in_the_browser(browser, libraries, tmp_path, fmt, args, network):
    """Each diagram drawn by its library, every node laid out, and printed. The whole network in Mermaid is
    parsed by Mermaid, not laid out: its layout alone took 10-18 s of the suite, and what could break it on
    that size is its text limits (tests/test_teaching_cli.py checks both)."""
    text = CliRunner().invoke(cli, [*args, "--format", fmt]).stdout
    library = libraries[0] if fmt == "mermaid" else libraries[1]
    parse_only = fmt == "mermaid" and args[0] == "rules"
    page = tmp_path / f"{fmt}.html"
    draw = MERMAID_PARSE if parse_only else DRAW[fmt]
    page.write_text(DIAGRAM_PAGE.format(library=library.as_uri(), text=json.dumps(text), draw=draw), encoding="utf-8")
    _open(browser, page)
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 60).until(lambda d: d.execute_script("return window.drawn"))
    assert browser.execute_script("return window.drawn") == "ok"
    assert not _errors(browser)
    if parse_only:
        return
    nodes = _drawn(browser, NODE_SELECTOR[fmt])
    assert len(nodes) == len(network().nodes) and all(w > 0 and h > 0 for w, h in nodes)
    _prints_to_pdf(browser)


@pytest.mark.parametrize(
    "args",
    [["match", "numbness", "dry eyes", "trouble breathing", "zzqx"], ["compare", "gbs", "ms"]],
    ids=["handout", "comparison"],
)
def test_the_handout_passes_axe_core_with_its_content_in_landmarks(browser, libraries, tmp_path, args):
    """axe-core (pinned in tests/browser/package.json) on the handout and the comparison page: no
    violation of any impact."""
    page = tmp_path / "page.html"
    CliRunner().invoke(cli, [*args, "--format", "html", "-o", str(page)])
    _open(browser, page)
    assert AXE.exists(), "axe-core is missing: run npm ci --prefix tests/browser"
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    violations = browser.execute_async_script(
        "const done = arguments[0];"
        "axe.run(document).then((r) => done(r.violations.map((v) => [v.id, v.impact, v.nodes.length])));"
    )
    assert violations == []
    assert browser.execute_script("return document.querySelectorAll('body > :not(main)').length") == 0
