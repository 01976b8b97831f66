"""The real pages in headless Chromium (Debian's chromium and chromium-driver, driven by selenium) against
a live uvicorn server in this process. Skipped, with the reason, only when no Chromium can be found.

Set SYMPTOM_EXPLORER_SCREENSHOT=docs/serve-explore.png to refresh the README's screenshot."""

import importlib.util
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from explorer.web import create_app
from tests.chromium import load as load_page

selenium = pytest.importorskip("selenium", reason="selenium is in the test extra: pip install '.[test]'")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

pytestmark = pytest.mark.slow  # a real browser: left out by pytest -m 'not slow'

REPO = Path(__file__).resolve().parents[1]
# The sentence once the free-text parser (explorer/language/parser.py) is there; until then, what
# the vocabulary understands of it.
HAS_PARSER = importlib.util.find_spec("explorer.language.parser") is not None
SJOGREN_FINDINGS = "tingling in my feet, dry eyes" if HAS_PARSER else "tingling feet, dry eyes"


@pytest.fixture(scope="module")
def server(kb):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    app_server = uvicorn.Server(uvicorn.Config(create_app(kb), log_level="warning"))
    thread = threading.Thread(target=app_server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not app_server.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/"
    app_server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def driver(chromium):
    """The test process's Chromium (tests/conftest.py), shared with the other browser modules."""
    return chromium


@pytest.fixture
def page(driver, server):
    """A fresh page; after the test, the console must hold no error (CSP violations included)."""
    driver.get_log("browser")  # this test's page alone: the Chromium is shared with the other browser modules
    load_page(driver, server + "#explore")  # a load of its own, whatever the last test left
    wait(driver, lambda d: d.find_element(By.ID, "explore-text").is_displayed())
    yield driver
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, errors


def wait(driver, condition, timeout=15):
    """``condition(driver)`` once it is true. A page re-rendered between finding an element and reading it is
    only "not yet", not a failure. Asked at once, again after 20 ms (not WebDriverWait's 0.5 s: the stepper waits
    once per step), then less and less often up to every 0.25 s: each asking is a round trip through the
    driver into the page (about 6 ms of CPU), so on a loaded machine a fixed 20 ms spent a third of a core
    on asking alone, slowing the page it was waiting for."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, TimeoutException

    deadline, pause = time.monotonic() + timeout, 0.02
    while True:
        try:
            value = condition(driver)
            if value:
                return value
        except (NoSuchElementException, StaleElementReferenceException):
            pass
        if time.monotonic() > deadline:
            raise TimeoutException(f"still not true after {timeout} s")
        time.sleep(pause)
        pause = min(pause * 1.5, 0.25)


def text_of(driver, element_id) -> str:
    return driver.find_element(By.ID, element_id).text


def suggestions(driver) -> list[str]:
    return [s.text for s in driver.find_elements(By.CSS_SELECTOR, ".suggestion summary")]


def enter_findings(driver, text):
    box = driver.find_element(By.ID, "explore-text")
    box.send_keys(text)
    box.send_keys(Keys.ENTER)
    wait(driver, lambda d: suggestions(d))


def test_typed_findings_suggest_sjogren_and_flipping_dry_eyes_moves_it(page):
    enter_findings(page, SJOGREN_FINDINGS)
    assert suggestions(page)[0].startswith("1. Sjögren's syndrome")
    chips = {c.get_attribute("data-finding"): c for c in page.find_elements(By.CSS_SELECTOR, ".chip")}
    assert "dry_eyes" in chips and len(chips) == 2
    page.find_element(By.CSS_SELECTOR, ".suggestion summary").click()  # opens to supporting / missing / against
    assert "Supporting" in page.find_element(By.CSS_SELECTOR, ".suggestion").text
    _screenshot(page)
    chips["dry_eyes"].click()
    wait(page, lambda d: "no longer suggested" in text_of(d, "explore-changes"))
    assert "Dry eyes reported absent" in text_of(page, "explore-changes")
    assert not any("Sjögren" in s for s in suggestions(page))
    assert page.find_element(By.CSS_SELECTOR, '.chip[data-finding="dry_eyes"]').get_attribute("data-state") == "absent"
    assert page.find_elements(By.CSS_SELECTOR, ".suggestion.moved"), "what moved is highlighted"


def _screenshot(driver):
    target = os.environ.get("SYMPTOM_EXPLORER_SCREENSHOT")
    png = driver.get_screenshot_as_png()
    assert png.startswith(b"\x89PNG")
    if target:
        (REPO / target).parent.mkdir(parents=True, exist_ok=True)
        (REPO / target).write_bytes(png)


def test_step_through_the_trace_to_the_end(page):
    enter_findings(page, SJOGREN_FINDINGS)
    page.find_element(By.CSS_SELECTOR, 'nav a[data-page="reasoning"]').click()
    wait(page, lambda d: text_of(d, "step-counter").startswith("step "))
    total = int(text_of(page, "step-counter").rsplit(" ", 1)[1])
    assert total >= 3
    assert text_of(page, "step-counter") == f"step {total} of {total}", "the whole path is lit at first"
    # cytoscape keeps its instance on the container: read the diagram's classes, and tap a node
    lit = page.execute_script(
        "const cy = document.getElementById('graph')._cyreg.cy;"
        "return cy.elements('.lit, .current').map((e) => e.id()).filter((id) => !id.startsWith('e'));"
    )
    assert "condition:sjogren_syndrome" in lit and "pattern:sicca_symptoms" in lit
    page.execute_script("document.getElementById('graph')._cyreg.cy.getElementById('finding:dry_eyes').emit('tap')")
    wait(page, lambda d: "Rules about Dry eyes" in text_of(d, "node-rules"))
    assert "pattern.sicca" in text_of(page, "node-rules")
    body = page.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.HOME)
    wait(page, lambda d: text_of(d, "step-counter") == f"step 0 of {total}")
    assert "Agenda before this firing" in text_of(page, "step-panel")
    for number in range(1, total + 1):
        body.send_keys(Keys.ARROW_RIGHT)
        wait(page, lambda d, n=number: text_of(d, "step-counter") == f"step {n} of {total}")
        panel = text_of(page, "step-panel")
        assert f"Step {number}:" in panel and "IF " in panel and "THEN " in panel and "Added:" in panel
    assert not page.find_element(By.ID, "step-next").is_enabled()
    page.find_element(By.ID, "step-first").click()
    wait(page, lambda d: text_of(d, "step-counter") == f"step 0 of {total}")
    # Play from two steps before the end, at the fastest speed the menu offers: it moves on by itself and stops
    # at the last step ("normal" would wait a second a step for nothing more).
    from selenium.webdriver.support.ui import Select

    for _ in range(total - 2):
        body.send_keys(Keys.ARROW_RIGHT)
    wait(page, lambda d: text_of(d, "step-counter") == f"step {total - 2} of {total}")
    page.find_element(By.ID, "step-back").click()
    wait(page, lambda d: text_of(d, "step-counter") == f"step {total - 3} of {total}")
    Select(page.find_element(By.ID, "step-speed")).select_by_visible_text("fast")
    page.find_element(By.ID, "step-play").click()
    wait(page, lambda d: text_of(d, "step-counter") == f"step {total - 2} of {total}", timeout=2)
    wait(page, lambda d: text_of(d, "step-counter") == f"step {total} of {total}", timeout=30)
    assert not page.find_element(By.ID, "step-next").is_enabled()


def test_questionnaire_three_answers_then_back(page):
    page.find_element(By.CSS_SELECTOR, 'nav a[data-page="ask"]').click()
    box = page.find_element(By.ID, "ask-text")
    box.send_keys("numbness, dry eyes")
    box.send_keys(Keys.ENTER)
    wait(page, lambda d: "2 answer(s)" in d.find_element(By.CSS_SELECTOR, ".answers-given").text)
    # the spread first, a choice (the face or hands as early as the feet fits Sjögren's syndrome): not sure
    assert text_of(page, "question-text") == "Where did it start, and has it moved since?"
    page.find_element(By.XPATH, '//div[@id="ask-choices"]/button[text()="Not sure"]').click()
    wait(page, lambda d: "3 answer(s)" in d.find_element(By.CSS_SELECTOR, ".answers-given").text)
    asked = []
    for number, button in enumerate(("Yes", "No", "Not sure"), start=4):
        asked.append(text_of(page, "question-text"))
        assert asked[-1].startswith("Have you noticed this") or asked[-1].startswith("Does this apply")
        page.find_element(By.XPATH, f'//div[@id="ask-question"]//button[text()="{button}"]').click()
        wait(page, lambda d, n=number: f"{n} answer(s)" in d.find_element(By.CSS_SELECTOR, ".answers-given").text)
    page.find_element(By.ID, "ask-back").click()
    wait(page, lambda d: "5 answer(s)" in d.find_element(By.CSS_SELECTOR, ".answers-given").text)
    assert text_of(page, "question-text") == asked[-1], "back asks the last question again"
    given = page.find_element(By.CSS_SELECTOR, ".answers-given").text
    assert given.count("not sure") == 1 and "Spread: ascending, moving upward: not sure" in given


def test_why_on_a_warning_sign_question_says_first_why_it_is_asked_first(page):
    page.find_element(By.CSS_SELECTOR, 'nav a[data-page="ask"]').click()
    box = page.find_element(By.ID, "ask-text")
    box.send_keys("weak legs, flu")
    box.send_keys(Keys.ENTER)
    asked = "Have you noticed this: weakness that spreads or worsens quickly?"
    wait(page, lambda d: text_of(d, "question-text") == asked)
    page.find_element(By.XPATH, '//div[@id="ask-question"]//button[text()="Why?"]').click()
    why = text_of(page, "ask-why")
    assert why.startswith("Asked before any other question: this is a warning sign on its own"), why
    assert "Guillain-Barré syndrome" in why


def test_back_takes_back_questions_never_the_typed_findings(page):
    """As `ask` does: Back at the first question says there is nothing to go back to and keeps what was typed;
    later, Back takes back the last answer to a question even when more findings were typed after it."""
    open_tab(page, "ask")
    page.find_element(By.ID, "ask-text").send_keys("numbness, dry eyes", Keys.ENTER)
    wait(page, lambda d: "2 answer(s)" in d.find_element(By.CSS_SELECTOR, ".answers-given").text)
    first = text_of(page, "question-text")
    page.find_element(By.ID, "ask-back").click()
    wait(page, lambda d: "no question to go back to" in text_of(d, "ask-notes"))
    assert "2 answer(s)" in page.find_element(By.CSS_SELECTOR, ".answers-given").text
    assert text_of(page, "question-text") == first
    page.find_element(By.XPATH, '//div[@id="ask-choices"]/button[text()="Not sure"]').click()
    wait(page, lambda d: "3 answer(s)" in d.find_element(By.CSS_SELECTOR, ".answers-given").text)
    page.find_element(By.ID, "ask-text").send_keys("joint pain", Keys.ENTER)
    wait(page, lambda d: "4 answer(s)" in d.find_element(By.CSS_SELECTOR, ".answers-given").text)
    page.find_element(By.ID, "ask-back").click()
    wait(page, lambda d: "3 answer(s)" in d.find_element(By.CSS_SELECTOR, ".answers-given").text)
    given = page.find_element(By.CSS_SELECTOR, ".answers-given").text
    assert "not sure" not in given and "Joint pain" in given and "Dry eyes" in given, given
    page.find_element(By.ID, "ask-back").click()
    wait(page, lambda d: "no question to go back to" in text_of(d, "ask-notes"))
    assert "3 answer(s)" in page.find_element(By.CSS_SELECTOR, ".answers-given").text


def test_typed_markup_is_shown_as_text_and_never_runs(page):
    box = page.find_element(By.ID, "explore-text")
    box.send_keys('numbness, <script>window.__xss=1</script>, "><img src=x onerror="window.__xss=2">')
    box.send_keys(Keys.ENTER)
    wait(page, lambda d: "Not recognized" in text_of(d, "explore-notes"))
    notes = text_of(page, "explore-notes")
    assert "<script" in notes and "<img src=x" in notes, notes  # shown as the characters typed
    assert not page.find_elements(By.CSS_SELECTOR, "#explore-notes img, #explore-notes script")
    assert page.execute_script("return window.__xss === undefined")


def test_rules_compare_and_case_quiz(page):
    page.find_element(By.CSS_SELECTOR, 'nav a[data-page="rules"]').click()
    wait(page, lambda d: d.find_elements(By.CSS_SELECTOR, "#rule-list .rule"))
    assert "IF " in page.find_element(By.CSS_SELECTOR, "#rule-list .rule").text
    page.find_element(By.CSS_SELECTOR, "#compare-form button").click()
    wait(page, lambda d: "Findings that tell them apart" in text_of(d, "compare"))
    page.find_element(By.CSS_SELECTOR, 'nav a[data-page="cases"]').click()
    wait(page, lambda d: d.find_elements(By.CSS_SELECTOR, "[data-case] button"))
    page.find_element(By.CSS_SELECTOR, '[data-case="dryness-and-numb-feet"] button').click()
    page.find_element(By.CSS_SELECTOR, '[data-choice="sjogren_syndrome"]').click()
    page.find_element(By.XPATH, '//div[@id="quiz"]/button[text()="Reveal"]').click()
    wait(page, lambda d: d.find_elements(By.ID, "quiz-verdict"))
    assert text_of(page, "quiz-verdict").startswith("Yes")
    button = page.find_element(By.ID, "projector")
    looks_off = button.value_of_css_property("background-color")
    button.click()
    assert page.execute_script("return document.documentElement.classList.contains('projector')")
    assert page.execute_script("return getComputedStyle(document.documentElement).fontSize") == "24px"
    assert button.get_attribute("aria-pressed") == "true"
    assert button.value_of_css_property("background-color") != looks_off, "the button shows that it is on"


def test_the_vocabulary_suggests_as_you_type(page):
    page.find_element(By.ID, "explore-text").send_keys("numbness, dry")

    def options(driver):
        return [o.get_attribute("value") for o in driver.find_elements(By.CSS_SELECTOR, "#vocabulary option")]

    wait(page, lambda d: "numbness, Dry eyes" in options(d))


def test_saved_answers_load_back_into_the_questionnaire(page, tmp_path):
    saved = tmp_path / "answers.yaml"
    saved.write_text("- id: questionnaire\n  symptoms: [numbness, dry_eyes]\n  absent: [dry_mouth]\n", encoding="utf-8")
    page.find_element(By.CSS_SELECTOR, 'nav a[data-page="ask"]').click()
    page.find_element(By.ID, "ask-load").send_keys(str(saved))
    wait(page, lambda d: "3 answer(s)" in d.find_element(By.CSS_SELECTOR, ".answers-given").text)
    assert "Dry mouth: no" in page.find_element(By.CSS_SELECTOR, ".answers-given").text


def test_printing_leaves_out_the_controls(page):
    enter_findings(page, SJOGREN_FINDINGS)
    page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not page.find_element(By.CSS_SELECTOR, "header nav").is_displayed()
        assert not page.find_element(By.ID, "explore-form").is_displayed()
        assert page.find_element(By.CSS_SELECTOR, ".suggestion").is_displayed()
    finally:
        page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_red_flags_come_before_any_suggestion(page):
    enter_findings(page, "weak legs, tingling feet, recent stomach bug, weakness spreading up the legs")
    flag = page.find_element(By.CSS_SELECTOR, "#explore-flags .flag")
    assert "Because of:" in flag.text
    order = page.execute_script(
        "return document.querySelector('#explore-flags .flag')"
        ".compareDocumentPosition(document.querySelector('#explore-results .suggestion'));"
    )
    assert order & 4, "the warning is placed before the first suggestion"


def test_a_change_that_raises_a_flag_shows_it_first_with_level_and_action(page):
    enter_findings(page, "numbness")
    assert not page.find_elements(By.CSS_SELECTOR, "#explore-flags .flag")
    enter_findings(page, "trouble breathing")
    wait(page, lambda d: "New warning" in text_of(d, "explore-changes"))
    first_change = page.find_element(By.CSS_SELECTOR, "#explore-changes li").text
    assert first_change.startswith("New warning (emergency now): Trouble breathing: Call your local emergency number")
    flag = page.find_element(By.CSS_SELECTOR, "#explore-flags .flag")
    assert flag.text.startswith("Emergency now: trouble breathing")
    order = page.execute_script(
        "return document.querySelector('#explore-flags .flag')"
        ".compareDocumentPosition(document.getElementById('explore-changes'));"
    )
    assert order & 4, "the warning comes before what the change moved"
    page.find_element(By.CSS_SELECTOR, '.chip[data-finding="trouble_breathing"]').click()  # now absent
    wait(page, lambda d: "Warning no longer raised" in text_of(d, "explore-changes"))
    assert "Warning no longer raised (emergency now): Trouble breathing: Call your local" in text_of(
        page, "explore-changes"
    )
    assert not page.find_elements(By.CSS_SELECTOR, "#explore-flags .flag")


def test_past_events_are_absent_and_a_relatives_illness_set_aside_not_offered(page):
    box = page.find_element(By.ID, "explore-text")
    box.send_keys("numbness, family history of diabetes, chest pain years ago, chest pian, my mother has lupus")
    box.send_keys(Keys.ENTER)
    wait(page, lambda d: "Reported absent" in text_of(d, "explore-notes"))
    notes = " ".join(text_of(page, "explore-notes").split())
    assert (
        "Not read as the person's own: \"family history of diabetes\" (said of someone else ('family'): Diabetes"
        in notes
    )
    assert "Reported absent: Chest pain (from \"chest pain\"; a past event ('years ago'): if it is" in notes
    assert "enter it without the time words. Chest pain needs emergency care" in notes
    # shown, never weighed: no absent chip for the past episode, as the command line leaves it out of the weighing
    assert [c.get_attribute("data-finding") for c in page.find_elements(By.CSS_SELECTOR, ".chip")] == ["numbness"]
    assert 'Not recognized: "chest pian" (did you mean: Chest pain,' in notes
    assert "If you meant Chest pain: Chest pain needs emergency care" in notes  # a slip near an urgent finding
    assert 'Not recognized: "family history' not in notes
    assert "(said of someone else ('mother'): Systemic lupus erythematosus; see its card under Rules" in notes


# --- A room: the reasoning graph readable at 1280x800, in projector mode and on a phone; axe-core on every
# view; every control reached and worked by keyboard (issue 24).

AXE = REPO / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
TABS = ("explore", "reasoning", "ask", "rules", "cases", "lab")


@pytest.fixture(scope="module")
def axe_source():
    if not AXE.exists() and shutil.which("npm"):
        import subprocess

        subprocess.run(["npm", "ci", "--prefix", str(AXE.parents[2]), "--no-audit", "--no-fund"], capture_output=True)
    if not AXE.exists():
        pytest.fail("axe-core is missing: run npm ci --prefix tests/browser")
    return AXE.read_text(encoding="utf-8")


def axe_violations(driver, source) -> list:
    """Every axe-core violation on the page as it is now, of any impact, with the elements it names."""
    driver.set_script_timeout(60)
    if not driver.execute_script("return typeof window.axe === 'object'"):  # once a page: it is 0.5 MB of script
        driver.execute_script(source)
    return driver.execute_async_script(
        "const done = arguments[0];"
        "axe.run(document, {resultTypes: ['violations']}).then((r) => done(r.violations.map((v) =>"
        " [v.id, v.impact, v.nodes.map((n) => n.target.join(' '))])));"
    )


@pytest.fixture
def screen(page):
    """Set the page's screen size (and phone-ness) with ``screen(width, height)``; reset afterwards."""

    def resize(width, height, mobile=False):
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile}
        page.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)

    yield resize
    page.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def open_tab(driver, name):
    driver.find_element(By.CSS_SELECTOR, f'nav a[data-page="{name}"]').click()
    wait(driver, lambda d: d.find_element(By.ID, f"page-{name}").is_displayed())


def open_reasoning(driver):
    open_tab(driver, "reasoning")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#graph-twin tr[data-node]"))
    wait(driver, lambda d: text_of(d, "step-counter").startswith("step "))


GRAPH = "document.getElementById('graph')._cyreg.cy"


def label_sizes(driver) -> list[float]:
    """Each label's size on screen in CSS px: cytoscape draws on a canvas, so its style times the zoom."""
    return driver.execute_script(
        f"const cy = {GRAPH}; return cy.nodes().map((n) => parseFloat(n.style('font-size')) * cy.zoom());"
    )


def overlapping_labels(driver) -> list:
    """Pairs of nodes whose drawn boxes (node and label together) overlap on screen."""
    return driver.execute_script(
        f"const cy = {GRAPH};"
        "const boxes = cy.nodes().map((n) => [n.id(), n.renderedBoundingBox({includeEdges: false})]);"
        "const out = []; boxes.forEach(([a, p], i) => boxes.slice(i + 1).forEach(([b, q]) => {"
        " if (p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2) out.push([a, b]); })); return out;"
    )


def save_screenshot(driver, name):
    """Written only when SYMPTOM_EXPLORER_SCREENSHOTS names a folder (docs/screenshots), so a normal run
    leaves tracked files alone."""
    png = driver.get_screenshot_as_png()
    assert png.startswith(b"\x89PNG")
    folder = os.environ.get("SYMPTOM_EXPLORER_SCREENSHOTS")
    if folder:
        (REPO / folder).mkdir(parents=True, exist_ok=True)
        (REPO / folder / name).write_bytes(png)


def show_graph(driver):
    driver.execute_script("document.querySelector('.graph-tools').scrollIntoView()")


def test_graph_labels_are_room_sized_at_1280x800_and_larger_in_projector_mode(page, screen):
    screen(1280, 800)
    enter_findings(page, SJOGREN_FINDINGS)
    open_reasoning(page)
    sizes = label_sizes(page)
    assert len(sizes) >= 5 and min(sizes) >= 14, sizes
    assert not overlapping_labels(page)
    show_graph(page)
    save_screenshot(page, "reasoning-1280x800.png")
    page.find_element(By.ID, "graph-zoom-out").click()
    page.find_element(By.ID, "graph-zoom-out").click()
    assert page.execute_script(f"return {GRAPH}.zoom()") < 0.7
    assert min(label_sizes(page)) >= 14, "zooming out never shrinks a label below the page's text"
    page.find_element(By.ID, "graph-zoom-in").click()
    page.find_element(By.ID, "graph-zoom-in").click()
    page.find_element(By.ID, "graph-zoom-in").click()
    assert min(label_sizes(page)) > 16, "zooming in enlarges the labels"
    page.find_element(By.ID, "graph-fit").click()  # fitted: the path is shorter than the window, so as it was
    assert page.find_element(By.ID, "graph-fit").get_attribute("aria-pressed") == "true"
    assert page.execute_script(f"return {GRAPH}.zoom()") == 1
    page.find_element(By.ID, "graph-fit").click()
    page.find_element(By.ID, "projector").click()
    wait(page, lambda d: min(label_sizes(d)) >= 24)
    assert not overlapping_labels(page)
    show_graph(page)
    save_screenshot(page, "reasoning-projector.png")


def test_the_path_by_default_the_whole_network_on_request_and_a_table_of_the_same(page, server):
    enter_findings(page, SJOGREN_FINDINGS)
    open_reasoning(page)

    def drawn(d):
        return sorted(d.execute_script(f"return {GRAPH}.nodes().map((n) => n.id());"))

    def listed(d):  # one script, not a round trip to the browser per row of the whole network
        rows = "return [...document.querySelectorAll('#graph-twin tr[data-node]')].map((r) => r.dataset.node);"
        return sorted(d.execute_script(rows))

    path = drawn(page)
    assert "condition:sjogren_syndrome" in path and "finding:dry_eyes" in path and len(path) < 20
    assert listed(page) == path
    row = page.find_element(By.CSS_SELECTOR, '#graph-twin tr[data-node="pattern:sicca_symptoms"]')
    assert row.find_element(By.CSS_SELECTOR, "td").text == "pattern"
    assert "Dry eyes, rule pattern.sicca" in row.text and "Sjögren's syndrome, rule sjogren.sicca" in row.text
    assert "reached" in row.text
    whole = page.find_element(By.ID, "graph-whole")
    assert whole.get_attribute("aria-pressed") == "false"
    whole.click()
    wait(page, lambda d: len(drawn(d)) > 3 * len(path))
    assert whole.get_attribute("aria-pressed") == "true"
    assert listed(page) == drawn(page)
    full = page.execute_script("return fetch('/api/network').then((r) => r.json())")
    assert drawn(page) == sorted(n["id"] for n in full["nodes"])
    assert page.execute_script("return document.getElementById('graph').clientHeight") > 1000, "full size"
    page.find_element(By.ID, "graph-fit").click()
    assert page.execute_script("return document.getElementById('graph').clientHeight <= window.innerHeight")
    assert page.execute_script(f"return {GRAPH}.zoom()") < 0.5 and min(label_sizes(page)) >= 14
    page.find_element(By.ID, "graph-fit").click()
    whole.click()
    wait(page, lambda d: drawn(d) == path)


def test_without_a_case_the_whole_network_is_shown_and_says_why(page):
    open_tab(page, "reasoning")
    wait(page, lambda d: d.find_elements(By.CSS_SELECTOR, "#graph-twin tr[data-node]"))
    assert "no case yet" in text_of(page, "graph-shown")
    rows = len(page.find_elements(By.CSS_SELECTOR, "#graph-twin tr[data-node]"))
    assert rows == page.execute_script(f"return {GRAPH}.nodes().length") > 50


def test_on_a_phone_the_graph_fits_the_width_and_its_table_is_shown(page, screen):
    enter_findings(page, SJOGREN_FINDINGS)
    screen(390, 844, mobile=True)
    open_reasoning(page)
    assert page.execute_script("return document.scrollingElement.scrollWidth") <= 390
    box = page.execute_script("return document.getElementById('graph').getBoundingClientRect().toJSON()")
    assert box["left"] >= 0 and box["right"] <= 390
    extent = page.execute_script(f"return {GRAPH}.elements().renderedBoundingBox()")
    assert extent["x1"] >= 0 and extent["x2"] <= box["width"], "every node and label inside the graph"
    assert min(label_sizes(page)) >= 14
    assert not overlapping_labels(page), "an outline on a phone: one node a row"
    assert page.find_element(By.CSS_SELECTOR, "#graph-twin table").is_displayed()
    show_graph(page)
    save_screenshot(page, "reasoning-390x844.png")


def prepare(driver, tab, mode=""):
    """Each tab with content in it (a case entered, a question asked, a comparison, a quiz started, a rule
    pack run), at 1280x1000, in projector mode or at a phone's 390x844."""
    enter_findings(driver, SJOGREN_FINDINGS)
    if mode == "phone":
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}
        )
    if mode == "projector":
        driver.find_element(By.ID, "projector").click()
    open_tab(driver, tab)
    if tab == "reasoning":
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#graph-twin tr[data-node]"))
    if tab == "ask":
        driver.find_element(By.ID, "ask-text").send_keys("numbness, dry eyes", Keys.ENTER)
        wait(driver, lambda d: d.find_elements(By.ID, "question-text"))
    if tab == "rules":
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#rule-list .rule"))
        driver.find_element(By.CSS_SELECTOR, "#compare-form button").click()
        wait(driver, lambda d: "tell them apart" in text_of(d, "compare"))
    if tab == "cases":
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "[data-case] button"))
        driver.find_element(By.CSS_SELECTOR, "[data-case] button").click()
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "[data-choice]"))
    if tab == "lab":  # the template's rule, checked, then run on the case entered
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, '#lab-check [data-valid="true"]'))
        driver.find_element(By.ID, "lab-run").click()
        wait(driver, lambda d: d.find_elements(By.ID, "lab-fired"))


def in_each_mode(page, check) -> dict:
    """``check(page)`` as the page is now at a phone's 390x844, then at 1280x1000, then in projector mode: one
    page for the three, laid out afresh as a window resized and the Projector button pressed are."""
    found = {"phone": check(page)}
    page.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    found[""] = check(page)
    page.find_element(By.ID, "projector").click()
    found["projector"] = check(page)
    return found


NO_VIOLATION = {"phone": [], "": [], "projector": []}


@pytest.mark.parametrize("tab", TABS)
def test_axe_finds_no_violation(page, axe_source, tab):
    try:
        prepare(page, tab, "phone")
        assert in_each_mode(page, lambda p: axe_violations(p, axe_source)) == NO_VIOLATION
        assert page.find_elements(By.CSS_SELECTOR, "header nav") and page.find_elements(By.CSS_SELECTOR, "footer")
        assert not page.find_elements(By.CSS_SELECTOR, "body > :not(header, main, footer, script)")
    finally:
        page.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize("tab", ["reasoning", "rules", "cases", "lab"])
def test_no_tab_is_wider_than_a_room_screen(page, screen, tab):
    """At 1280x800 in projector mode and at 1024x768 without it, nothing widens the page past the screen
    (a long rule id on the stepper's agenda once did): the class never scrolls sideways."""
    widths = {}
    for width, height, projector in ((1024, 768, False), (1280, 800, True)):
        screen(width, height)
        load_page(page, page.current_url.split("?")[0].split("#")[0] + "#explore")
        wait(page, lambda d: d.find_element(By.ID, "explore-text").is_displayed())
        if tab == "reasoning":  # a step whose agenda names a generated rule's long id
            if projector:
                page.find_element(By.ID, "projector").click()
            enter_findings(page, "weak legs, trouble swallowing")
            open_reasoning(page)
            page.find_element(By.TAG_NAME, "body").send_keys(Keys.HOME, Keys.ARROW_RIGHT)
            wait(page, lambda d: "annotation." in text_of(d, "step-panel"))
        else:
            prepare(page, tab, "projector" if projector else "")
        widths[(width, projector)] = page.execute_script("return document.scrollingElement.scrollWidth")
    assert widths[(1024, False)] <= 1024 and widths[(1280, True)] <= 1280, widths


def tab_through(driver, stop=None, limit=200) -> list[dict]:
    """Press Tab from the top of the page: each element focused, with whether its focus is drawn."""
    driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0);")
    body = driver.find_element(By.TAG_NAME, "body")
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).move_to_element_with_offset(body, 0, 0)
    seen = []
    for _ in range(limit):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focused = driver.execute_script(
            "const e = document.activeElement; const s = getComputedStyle(e);"
            "const row = e.closest('[data-node]');"
            "return {key: e.id || e.dataset.finding || e.dataset.choice || (row && row.dataset.node)"
            " || e.getAttribute('aria-label') || e.textContent.trim().slice(0, 40), tag: e.tagName,"
            " control: e.dataset.control === undefined ? null : e.dataset.control,"
            " outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2};"
        )
        if seen and focused == seen[0]:
            break
        seen.append(focused)
        if stop and focused["key"] == stop:
            break
    return seen


CONTROLS = "header a[href], main a[href], button, select, input, summary"


@pytest.mark.parametrize("tab", TABS)
def test_tab_reaches_every_control_and_draws_its_focus(page, tab):
    prepare(page, tab)
    count = page.execute_script(
        "const shown = [...document.querySelectorAll(arguments[0])].filter((e) => !e.disabled"
        " && e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden');"
        "shown.forEach((e, i) => { e.dataset.control = i; }); return shown.length;",
        CONTROLS,
    )
    reached = tab_through(page, limit=count + 20)
    assert sorted({int(f["control"]) for f in reached if f["control"] is not None}) == list(range(count))
    assert all(f["outline"] for f in reached if f["tag"] != "BODY"), [f for f in reached if not f["outline"]]
    if tab == "reasoning":
        keys = [f["key"] for f in reached]
        assert {"graph-whole", "graph-fit", "graph-zoom-in", "graph-zoom-out", "step-first", "step-speed"} <= set(keys)
        assert "condition:sjogren_syndrome" in keys, "a node reached through its table row"


def test_keyboard_alone_works_the_graph_the_chips_and_the_quiz(page):
    from selenium.webdriver.common.action_chains import ActionChains

    def press(key):
        ActionChains(page).send_keys(key).perform()

    enter_findings(page, SJOGREN_FINDINGS)
    tab_through(page, stop="dry_eyes")
    press(Keys.ENTER)  # a chip: present to absent
    wait(
        page,
        lambda d: (
            d.find_element(By.CSS_SELECTOR, '.chip[data-finding="dry_eyes"]').get_attribute("data-state") == "absent"
        ),
    )
    press(Keys.SPACE)  # absent to unknown
    wait(
        page,
        lambda d: (
            d.find_element(By.CSS_SELECTOR, '.chip[data-finding="dry_eyes"]').get_attribute("data-state") == "unknown"
        ),
    )
    press(Keys.SPACE)
    wait(
        page,
        lambda d: (
            d.find_element(By.CSS_SELECTOR, '.chip[data-finding="dry_eyes"]').get_attribute("data-state") == "present"
        ),
    )
    tab_through(page, stop="Reasoning")
    press(Keys.ENTER)
    wait(page, lambda d: d.find_elements(By.CSS_SELECTOR, "#graph-twin tr[data-node]"))
    tab_through(page, stop="graph-whole")
    press(Keys.SPACE)
    wait(page, lambda d: d.find_element(By.ID, "graph-whole").get_attribute("aria-pressed") == "true")
    press(Keys.SPACE)
    wait(page, lambda d: d.find_element(By.ID, "graph-whole").get_attribute("aria-pressed") == "false")
    tab_through(page, stop="finding:dry_eyes")
    press(Keys.ENTER)
    wait(page, lambda d: "Rules about Dry eyes" in text_of(d, "node-rules"))
    assert page.execute_script(f"return {GRAPH}.getElementById('finding:dry_eyes').hasClass('chosen')")
    assert page.execute_script(f"return {GRAPH}.zoom()") >= 1.5
    press(Keys.HOME)
    wait(page, lambda d: text_of(d, "step-counter").startswith("step 0 of"))
    press(Keys.ARROW_RIGHT)
    wait(page, lambda d: text_of(d, "step-counter").startswith("step 1 of"))
    tab_through(page, stop="Cases")
    press(Keys.ENTER)
    wait(page, lambda d: d.find_elements(By.CSS_SELECTOR, "[data-case] button"))
    quiz = page.find_element(By.CSS_SELECTOR, '[data-case="dryness-and-numb-feet"] button')
    assert quiz.accessible_name == "Quiz: dryness and numb feet"
    names = [b.accessible_name for b in page.find_elements(By.CSS_SELECTOR, "[data-case] button")]
    assert len(set(names)) == len(names), "each case's button is named for its case"
    tab_through(page, stop="Quiz: dryness and numb feet")
    press(Keys.ENTER)
    wait(page, lambda d: d.execute_script("return document.activeElement.id") == "quiz-heading")
    assert page.switch_to.active_element.text == "Quiz: Dryness and numb feet"
    press(Keys.TAB)
    assert page.switch_to.active_element.get_attribute("data-choice"), "the next Tab goes to the quiz's first choice"


# --- Time course and pattern (issue 21): the compare rows of a look-alike pair, what Explore read, and the
# onset asked as a choice, answered by keyboard; axe-core on each of those states.

LOOK_ALIKES = ("time-diabetic-acute-weakness", "time-diabetic-slow-numbness")  # data/cases/teaching.yaml
COURSE_STORY = "diabetes, my legs got weak over the weekend, cant walk"


def compare_look_alikes(driver, kb) -> tuple[str, str]:
    """The Rules page comparing the conditions the two look-alike cases put first."""
    from selenium.webdriver.support.ui import Select

    from explorer import list_cases

    cases = {c.id: c.to_dict() for c in list_cases(kb=kb)}
    a, b = (cases[case]["expect"]["first"] for case in LOOK_ALIKES)
    open_tab(driver, "rules")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, f'#compare-b option[value="{b}"]'))
    Select(driver.find_element(By.ID, "compare-a")).select_by_value(a)
    Select(driver.find_element(By.ID, "compare-b")).select_by_value(b)
    driver.find_element(By.CSS_SELECTOR, "#compare-form button").click()
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#compare-course tbody tr"))
    return a, b


def ask_onset(driver):
    open_tab(driver, "ask")
    driver.find_element(By.ID, "ask-text").send_keys("diabetes, numb feet", Keys.ENTER)
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#ask-choices [data-choice]"))


def test_compare_shows_the_time_course_rows_of_a_look_alike_pair(page, kb):
    from explorer import compare

    a, b = compare_look_alikes(page, kb)
    assert (a, b) == ("guillain_barre_syndrome", "diabetic_neuropathy")
    table = page.find_element(By.ID, "compare-course")
    heads = [th.text for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
    assert heads[1:] == [kb.conditions[a].name, kb.conditions[b].name]
    shown = [
        [cell.text for cell in row.find_elements(By.CSS_SELECTOR, "th, td")]
        for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")
    ]
    # the rows `compare A B` prints, cell for cell
    assert [f"{dim}: {in_a} / {in_b}" for dim, in_a, in_b in shown] == list(compare(a, b, kb=kb).course_rows())
    assert shown[0][0] == "onset" and shown[0][2].startswith("chronic (months to years) [hallmark]")
    assert "acute (days) [hallmark]" in shown[0][1] and "[hallmark]" not in shown[0][2].split(",", 1)[1]


def test_explore_shows_what_was_read_as_time_course_near_the_findings(page):
    enter_findings(page, COURSE_STORY)
    wait(page, lambda d: d.find_elements(By.CSS_SELECTOR, "#explore-course li"))
    items = page.find_elements(By.CSS_SELECTOR, "#explore-course li")
    assert [i.get_attribute("data-value") for i in items] == ["onset_acute", "severity_cannot_walk"]
    assert items[0].text == 'Onset: acute (days) (from "over the weekend")'
    order = page.execute_script(
        "const box = document.getElementById('explore-course');"
        "return [document.getElementById('chips').compareDocumentPosition(box),"
        " box.compareDocumentPosition(document.getElementById('explore-results'))];"
    )
    assert order[0] & 4 and order[1] & 4, "between the findings and the suggestions"
    notes = page.execute_script(
        "return document.getElementById('explore-notes').compareDocumentPosition("
        "document.getElementById('explore-course'));"
    )
    assert notes & 4, "notes on the words typed come before the time course heading, never under it"
    assert suggestions(page)[0].startswith("1. Guillain-Barré syndrome")
    page.find_element(By.ID, "explore-clear").click()
    wait(page, lambda d: not d.find_elements(By.CSS_SELECTOR, "#explore-course li"))


def test_the_onset_question_is_a_choice_answered_by_keyboard(page, kb):
    from selenium.webdriver.common.action_chains import ActionChains

    ask_onset(page)
    wording = kb.time_course.ask[0][1]
    assert text_of(page, "question-text") == wording
    group = page.find_element(By.ID, "ask-choices")
    assert group.get_attribute("role") == "group" and group.accessible_name == wording
    assert [b.text for b in group.find_elements(By.TAG_NAME, "button")] == [
        "sudden (minutes to hours)",
        "acute (days)",
        "subacute (weeks)",
        "chronic (months to years)",
        "Not sure",
    ]
    assert not page.find_elements(By.XPATH, '//div[@id="ask-question"]//button[text()="Yes"]')
    page.find_element(By.XPATH, '//div[@id="ask-question"]//button[text()="Why?"]').click()
    assert text_of(page, "ask-why").startswith("How fast it came tells Diabetic neuropathy and Peripheral neuropathy")
    tab_through(page, stop="onset_acute")
    assert page.switch_to.active_element.get_attribute("data-choice") == "onset_acute"
    ActionChains(page).send_keys(Keys.ENTER).perform()
    wait(page, lambda d: "3 answer(s)" in d.find_element(By.CSS_SELECTOR, ".answers-given").text)
    assert "Onset: acute (days): yes" in page.find_element(By.CSS_SELECTOR, ".answers-given").text
    # over days, the spread tells Guillain-Barré syndrome from diabetic neuropathy: asked next, the same way
    spread = dict(kb.time_course.ask)["spread"]
    wait(page, lambda d: text_of(d, "question-text") == spread)
    group = page.find_element(By.ID, "ask-choices")
    assert group.get_attribute("role") == "group" and group.accessible_name == spread
    buttons = [b.text for b in group.find_elements(By.TAG_NAME, "button")]
    assert buttons[2] == "in the toes or feet first (the hands later, if at all)" and buttons[-1] == "Not sure"
    page.find_element(By.XPATH, '//div[@id="ask-question"]//button[text()="Why?"]').click()
    assert text_of(page, "ask-why").startswith("Where it started and how it moved tells Diabetic neuropathy")
    assert "Guillain-Barré syndrome" in text_of(page, "ask-why")
    tab_through(page, stop="spread_from_feet")
    assert page.switch_to.active_element.get_attribute("data-choice") == "spread_from_feet"
    ActionChains(page).send_keys(Keys.ENTER).perform()
    wait(page, lambda d: "4 answer(s)" in d.find_element(By.CSS_SELECTOR, ".answers-given").text)
    assert "Spread: distal first (length-dependent): yes" in page.find_element(By.CSS_SELECTOR, ".answers-given").text
    question = text_of(page, "question-text")
    assert question not in (wording, spread), "neither the onset nor the spread is asked again"


def smallest_course_text(page) -> float:
    """The smallest font size, in px, of the time-course texts shown (0 when none is shown)."""
    sizes = page.execute_script(
        "return [...document.querySelectorAll('#explore-course li, #ask-choices button, #compare-course th,"
        " #compare-course td')].filter((e) => e.getClientRects().length)"
        ".map((e) => parseFloat(getComputedStyle(e).fontSize));"
    )
    return min(sizes, default=0)


@pytest.mark.parametrize("state", ["explore", "ask", "rules"])
def test_axe_finds_no_violation_in_the_time_course_states(page, axe_source, kb, state):
    try:
        metrics = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}
        page.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        if state == "explore":
            enter_findings(page, COURSE_STORY)
            wait(page, lambda d: d.find_elements(By.CSS_SELECTOR, "#explore-course li"))
        if state == "ask":
            ask_onset(page)
        if state == "rules":
            compare_look_alikes(page, kb)
        found = in_each_mode(page, lambda p: (axe_violations(p, axe_source), smallest_course_text(p)))
        assert {mode: violations for mode, (violations, _) in found.items()} == NO_VIOLATION
        assert all(size >= 14 for _, size in found.values()), found
    finally:
        page.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
