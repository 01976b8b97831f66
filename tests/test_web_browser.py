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

selenium = pytest.importorskip("selenium", reason="selenium is in the test extra: pip install '.[test]'")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

pytestmark = pytest.mark.slow  # a real browser: left out by pytest -m 'not slow'

REPO = Path(__file__).resolve().parents[1]
# The sentence once the free-text parser (explorer/knowledge/parser.py) is there; until then, what
# the vocabulary understands of it.
HAS_PARSER = importlib.util.find_spec("explorer.knowledge.parser") is not None
SJOGREN_FINDINGS = "tingling in my feet, dry eyes" if HAS_PARSER else "tingling feet, dry eyes"


def _browser_paths():
    chromium = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
    driver = shutil.which("chromedriver") or ("/usr/lib/chromium/chromedriver" if chromium else None)
    if not chromium or not driver or not os.path.exists(driver):
        pytest.skip("no Chromium with chromedriver found (Debian: apt-get install chromium chromium-driver)")
    return chromium, driver


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
def driver():
    chromium, chromedriver = _browser_paths()
    options = Options()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(options=options, service=Service(chromedriver))
    yield browser
    browser.quit()


@pytest.fixture
def page(driver, server):
    """A fresh page; after the test, the console must hold no error (CSP violations included)."""
    driver.get(server + "#explore")
    driver.refresh()
    wait(driver, lambda d: d.find_element(By.ID, "explore-text").is_displayed())
    yield driver
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, errors


def wait(driver, condition, timeout=15):
    # A page re-rendered between finding an element and reading it is only "not yet", not a failure.
    from selenium.common.exceptions import StaleElementReferenceException

    return WebDriverWait(driver, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(condition)


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
    page.find_element(By.ID, "step-back").click()
    wait(page, lambda d: text_of(d, "step-counter") == f"step {total - 1} of {total}")
    page.find_element(By.ID, "step-first").click()
    wait(page, lambda d: text_of(d, "step-counter") == f"step 0 of {total}")
    page.find_element(By.ID, "step-play").click()
    wait(page, lambda d: text_of(d, "step-counter") == f"step {total} of {total}", timeout=30)


def test_questionnaire_three_answers_then_back(page):
    page.find_element(By.CSS_SELECTOR, 'nav a[data-page="ask"]').click()
    box = page.find_element(By.ID, "ask-text")
    box.send_keys("numbness, dry eyes")
    box.send_keys(Keys.ENTER)
    wait(page, lambda d: "2 answer(s)" in d.find_element(By.CSS_SELECTOR, ".answers-given").text)
    asked = []
    for number, button in enumerate(("Yes", "No", "Not sure"), start=3):
        asked.append(text_of(page, "question-text"))
        assert asked[-1].startswith("Have you noticed this") or asked[-1].startswith("Does this apply")
        page.find_element(By.XPATH, f'//div[@id="ask-question"]//button[text()="{button}"]').click()
        wait(page, lambda d, n=number: f"{n} answer(s)" in d.find_element(By.CSS_SELECTOR, ".answers-given").text)
    page.find_element(By.ID, "ask-back").click()
    wait(page, lambda d: "4 answer(s)" in d.find_element(By.CSS_SELECTOR, ".answers-given").text)
    assert text_of(page, "question-text") == asked[-1], "back asks the last question again"
    assert "not sure" not in page.find_element(By.CSS_SELECTOR, ".answers-given").text


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
    page.find_element(By.ID, "projector").click()
    assert page.execute_script("return document.documentElement.classList.contains('projector')")
    assert page.execute_script("return getComputedStyle(document.documentElement).fontSize") == "24px"


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


def test_past_events_and_a_relatives_illness_are_set_aside_not_offered(page):
    box = page.find_element(By.ID, "explore-text")
    box.send_keys("numbness, family history of diabetes, chest pain years ago, chest pian, my mother has lupus")
    box.send_keys(Keys.ENTER)
    wait(page, lambda d: "Set aside" in text_of(d, "explore-notes"))
    notes = " ".join(text_of(page, "explore-notes").split())
    assert (
        "Not read as the person's own: \"family history of diabetes\" (said of someone else ('family'): Diabetes"
        in notes
    )
    assert "Set aside: \"chest pain\" (a past event ('years ago'): Chest pain;" in notes
    assert 'Not recognized: "chest pian" (did you mean: Chest pain,' in notes
    assert "If you meant Chest pain: Chest pain needs emergency care" in notes  # a slip near an urgent finding
    assert 'Not recognized: "family history' not in notes
    assert "(said of someone else ('mother'): Systemic lupus erythematosus; see its card under Rules" in notes
