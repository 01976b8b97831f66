"""The Lab tab in headless Chromium, as a class would use it: a rule written through the form, checked as
it is typed (and a broken one shown with the messages of `check`), run on the current case, seen on the
agenda of the Reasoning page's stepper marked as the learner's, downloaded, and uploaded again after a
reload; the YAML view edited by hand, and the pack tried on every case. Skipped, with the reason, only
when no Chromium can be found (as tests/test_web_browser.py)."""

import re
import time
from pathlib import Path

import pytest

pytest.importorskip("selenium", reason="selenium is in the test extra: pip install '.[test]'")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

from . import test_web_browser as browser  # noqa: E402
from .test_web_browser import enter_findings, load_page, open_tab, save_screenshot, tab_through, text_of, wait  # noqa: E402

server, driver = browser.server, browser.driver  # the same live server and Chromium fixtures
pytestmark = pytest.mark.slow  # a real browser: left out by pytest -m 'not slow'

EXERCISE = Path(__file__).resolve().parents[1] / "data" / "lab" / "exercise1_sjogren_or_lupus.yaml"
MARK = "(learner's rule)"
# A pack checked as it is typed is invalid on purpose here: the check answers 422, as run and try do for an
# invalid pack, and Chromium logs every 4xx answer to a fetch as an error. Nothing else may be logged.
CHECKED = re.compile(r"/api/lab/validate - Failed to load resource: the server responded with a status of 422")


@pytest.fixture
def page(driver, server):
    """A fresh page (as test_web_browser.page); after the test, the console holds no error but the check's."""
    driver.get_log("browser")  # this test's page alone (the Chromium is shared)
    load_page(driver, server + "#explore")  # a load of its own, whatever the last test left
    wait(driver, lambda d: d.find_element(By.ID, "explore-text").is_displayed())
    yield driver
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE" and not CHECKED.search(e["message"])]
    assert not errors, errors


def open_lab(driver):
    open_tab(driver, "lab")
    wait(driver, lambda d: checked(d) == "true")


def checked(driver) -> str | None:
    """'true' once the pack in the Lab is valid, 'false' while it has problems, None before an answer."""
    found = driver.find_elements(By.CSS_SELECTOR, "#lab-check [data-valid]")
    return found[0].get_attribute("data-valid") if found else None


def retype(driver, element_id, text):
    """Replace a field's text by typing, as a person does (each key an input event)."""
    field = driver.find_element(By.ID, element_id)
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.DELETE)
    field.send_keys(text)


def pick(driver, part, name):
    box = driver.find_element(By.ID, f"lab-{part}-input")
    box.send_keys(name, Keys.ENTER)


def yaml_text(driver) -> str:
    return driver.execute_script("return document.getElementById('lab-yaml').value")


def write_class_rule(driver):
    """A second rule through the form only: dry eyes with joint pain suggest rheumatoid arthritis."""
    driver.find_element(By.ID, "lab-add").click()
    retype(driver, "lab-id", "class.dry-eyes-joints")
    pick(driver, "all", "Dry eyes")
    wait(driver, lambda d: "Dry eyes" in d.find_element(By.CSS_SELECTOR, '.pick[data-part="all"] .chosen').text)
    pick(driver, "all", "joint pain")  # a label, typed in any case
    driver.find_element(By.ID, "lab-target").send_keys("Rheumatoid")  # typed on the select, as a person picks
    wait(driver, lambda d: "  suggest: rheumatoid_arthritis\n" in yaml_text(d))
    driver.find_element(By.ID, "lab-strength").send_keys("m")
    wait(driver, lambda d: "  suggest: rheumatoid_arthritis\n  strength: moderate\n" in yaml_text(d))
    retype(driver, "lab-explanation", "Dry eyes with sore joints, as our class read it.")
    retype(driver, "lab-source", "https://example.org/our-class-notes")


def test_a_rule_written_in_the_form_is_checked_run_stepped_downloaded_and_uploaded(page, tmp_path):
    enter_findings(page, "dry eyes, joint pain")
    open_lab(page)
    assert "my.dry-eyes-with-mouth-ulcers" in yaml_text(page), "the template `rules new` writes, valid as written"
    write_class_rule(page)
    wait(page, lambda d: checked(d) == "true" and "Includes 2 rules" in text_of(d, "lab-check"))
    text = yaml_text(page)
    assert (
        "- id: class.dry-eyes-joints\n  when:\n    all: [dry_eyes, joint_pain]\n  suggest: rheumatoid_arthritis\n"
        in text
    )
    assert "  strength: moderate\n" in text and text.startswith("# A rule pack"), "the template's comments stay"
    page.execute_script("document.getElementById('h-lab').scrollIntoView()")
    save_screenshot(page, "lab-form.png")

    # an error: a finding the explorer does not know, refused in the form; an id of its own, by the check
    pick(page, "any", "dry eys")
    assert "is not a finding or pattern the explorer knows" in text_of(page, "lab-any-problem")
    retype(page, "lab-id", "sjogren.sicca")
    wait(page, lambda d: checked(d) == "false")
    problems = text_of(page, "lab-check")
    assert "my_rules.yaml:" in problems and "'sjogren.sicca' is the explorer's own" in problems
    assert page.find_element(By.XPATH, '//div[@id="lab-check"]//button[starts-with(text(), "Show line ")]')
    retype(page, "lab-id", "class.dry-eyes-joints")
    wait(page, lambda d: checked(d) == "true")

    page.find_element(By.ID, "lab-run").click()
    wait(page, lambda d: d.find_elements(By.ID, "lab-fired"))
    assert "class.dry-eyes-joints" in text_of(page, "lab-fired")
    output = text_of(page, "lab-output")
    assert "Includes 2 rules from my_rules.yaml, not part of the explorer's knowledge" in output
    page.find_element(By.CSS_SELECTOR, "#lab-output .suggestion[data-condition='rheumatoid_arthritis'] summary").click()
    assert f"class.dry-eyes-joints {MARK}" in text_of(page, "lab-output")

    open_tab(page, "reasoning")
    wait(page, lambda d: "Includes 2 rules from my_rules.yaml" in text_of(d, "reasoning-lab"))
    wait(page, lambda d: text_of(d, "step-counter").startswith("step "))
    page.find_element(By.ID, "step-first").click()
    wait(page, lambda d: text_of(d, "step-counter").startswith("step 0 of"))
    waiting = [li.text for li in page.find_elements(By.CSS_SELECTOR, "#step-panel .agenda li.learner")]
    assert any(line.startswith(f"class.dry-eyes-joints {MARK} (salience 10") for line in waiting), waiting
    total = int(text_of(page, "step-counter").rsplit(" ", 1)[1])
    for _ in range(total):
        page.find_element(By.ID, "step-next").click()
        heading = page.find_element(By.CSS_SELECTOR, "#step-panel h3").text
        if "class.dry-eyes-joints" in heading:
            break
    assert heading.endswith(f": class.dry-eyes-joints {MARK}"), heading
    assert "THEN suggest: Rheumatoid arthritis (moderate)" in text_of(page, "step-panel")
    row = page.find_element(By.CSS_SELECTOR, '#graph-twin tr[data-node="condition:rheumatoid_arthritis"]')
    assert f"Dry eyes, rule class.dry-eyes-joints {MARK}" in row.text, "the graph's table marks it too"
    page.execute_script("document.getElementById('reasoning-lab').scrollIntoView()")
    save_screenshot(page, "lab-reasoning.png")

    open_tab(page, "lab")
    page.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    link = page.find_element(By.ID, "lab-download")
    assert link.get_attribute("href").startswith("blob:") and link.get_attribute("download") == "my_rules.yaml"
    written = yaml_text(page)
    link.click()
    saved = tmp_path / "my_rules.yaml"
    deadline = time.monotonic() + 15
    while not (saved.exists() and saved.read_text(encoding="utf-8") == written) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert saved.read_text(encoding="utf-8") == written

    page.refresh()  # the page keeps nothing: the Lab starts again from the template
    open_lab(page)
    assert "class.dry-eyes-joints" not in yaml_text(page)
    page.find_element(By.ID, "lab-upload").send_keys(str(saved))
    wait(page, lambda d: checked(d) == "true" and "class.dry-eyes-joints" in text_of(d, "lab-check"))
    assert yaml_text(page) == written
    Select(page.find_element(By.ID, "lab-rule")).select_by_visible_text("class.dry-eyes-joints")
    assert page.find_element(By.ID, "lab-id").get_attribute("value") == "class.dry-eyes-joints"
    chosen = page.find_element(By.CSS_SELECTOR, '.pick[data-part="all"] .chosen').text
    assert "Dry eyes" in chosen and "Joint pain" in chosen
    assert Select(page.find_element(By.ID, "lab-target")).first_selected_option.get_attribute("value") == (
        "rheumatoid_arthritis"
    )


def test_a_yaml_edit_is_checked_with_line_numbers_and_the_form_follows_once_it_is_valid(page):
    open_lab(page)
    box = page.find_element(By.ID, "lab-yaml")
    page.execute_script("arguments[0].focus(); arguments[0].setSelectionRange(0, arguments[0].value.length)", box)
    box.send_keys(EXERCISE.read_text(encoding="utf-8").replace("mouth_ulcers, joint_pain", "mouth_ulcer, joint_pain"))
    wait(page, lambda d: checked(d) == "false")
    problems = text_of(page, "lab-check")
    assert "my_rules.yaml:7: rule 'lab.lupus-ulcers-with-joints'.when.all: unknown finding 'mouth_ulcer'" in problems
    assert "(did you mean 'mouth_ulcers'?)" in problems
    assert not page.find_element(By.ID, "lab-id").is_enabled(), "the form waits for a valid pack"
    page.find_element(By.XPATH, '//div[@id="lab-check"]//button[text()="Show line 7"]').click()
    selected = page.execute_script(
        "const b = document.getElementById('lab-yaml'); return b.value.slice(b.selectionStart, b.selectionEnd)"
    )
    assert selected == "    all: [mouth_ulcer, joint_pain, fatigue, dry_eyes]"
    box.send_keys("    all: [mouth_ulcers, joint_pain, fatigue, dry_eyes]")  # typed over the line shown
    wait(page, lambda d: checked(d) == "true")
    assert page.find_element(By.ID, "lab-id").is_enabled()
    assert page.find_element(By.ID, "lab-id").get_attribute("value") == "lab.lupus-ulcers-with-joints"
    chosen = page.find_element(By.CSS_SELECTOR, '.pick[data-part="all"] .chosen').text
    assert all(name in chosen for name in ("Mouth ulcers", "Joint pain", "Fatigue", "Dry eyes"))


def test_try_on_all_cases_shows_the_table_of_rules_try(page):
    open_lab(page)
    page.find_element(By.ID, "lab-upload").send_keys(str(EXERCISE))
    wait(page, lambda d: checked(d) == "true" and "lab.lupus-ulcers-with-joints" in text_of(d, "lab-check"))
    page.find_element(By.ID, "lab-try").click()
    wait(page, lambda d: d.find_elements(By.CSS_SELECTOR, "#lab-output table"))
    table = page.find_element(By.CSS_SELECTOR, "#lab-output table")
    assert table.find_element(By.TAG_NAME, "caption").text.startswith("Tried on ")
    assert "the pack's rules fired in 1 and changed the outcome of 1." in table.text
    row = table.find_element(By.CSS_SELECTOR, 'tr[data-case="lookalike-lupus"]')
    assert "Systemic lupus erythematosus: rank 2 -> 1" in row.text and "lab.lupus-ulcers-with-joints" in row.text
    assert "Includes 1 rule from exercise1_sjogren_or_lupus.yaml" in text_of(page, "lab-output")


def test_run_without_a_case_says_where_to_enter_one(page):
    open_lab(page)
    assert text_of(page, "lab-case").startswith("No current case yet")
    page.find_element(By.ID, "lab-run").click()
    wait(page, lambda d: "enter findings on the Explore page first" in text_of(d, "lab-output"))


def test_keyboard_alone_writes_a_rule_and_runs_it(page):
    from selenium.webdriver.common.action_chains import ActionChains

    def press(*keys):
        ActionChains(page).send_keys(*keys).perform()

    def focused() -> str:
        return page.execute_script("return document.activeElement.id")

    enter_findings(page, "dry eyes, joint pain")
    open_lab(page)
    tab_through(page, stop="lab-add")
    press(Keys.ENTER)
    assert focused() == "lab-id", "a new rule starts at its id"
    press(Keys.CONTROL, "a")
    press("kb.only")
    press(Keys.TAB)
    assert focused() == "lab-all-input"
    press("Dry eyes", Keys.ENTER)
    wait(page, lambda d: "Dry eyes" in d.find_element(By.CSS_SELECTOR, '.pick[data-part="all"] .chosen').text)
    assert focused() == "lab-all-input", "the focus stays to add the next finding"
    press("Joint pain", Keys.ENTER)
    wait(page, lambda d: "Joint pain" in d.find_element(By.CSS_SELECTOR, '.pick[data-part="all"] .chosen').text)
    tab_through(page, stop="lab-explanation")
    press("Typed with the keyboard alone.")
    wait(
        page,
        lambda d: (
            checked(d) == "false" and "kb.only'.sources[0].reference: expected non-empty" in text_of(d, "lab-check")
        ),
    )
    press(Keys.TAB, "https://example.org/our-class-notes")
    wait(page, lambda d: checked(d) == "true" and "kb.only" in text_of(d, "lab-check"))
    tab_through(page, stop="lab-run")
    press(Keys.ENTER)
    wait(page, lambda d: d.find_elements(By.ID, "lab-fired"))
    assert "kb.only" in text_of(page, "lab-fired")


def test_a_pattern_rule_offers_patterns_and_no_strength(page, kb):
    open_lab(page)
    page.find_element(By.ID, "lab-kind").send_keys("i")  # typed on the select: "infers a pattern"
    wait(page, lambda d: "  infer: " in yaml_text(d))
    offered = [o.get_attribute("value") for o in Select(page.find_element(By.ID, "lab-target")).options]
    assert offered == list(kb.patterns), "only patterns: the condition chosen before is not carried over"
    assert not page.find_element(By.ID, "lab-strength").is_enabled()
    text = yaml_text(page)
    assert f"  infer: {offered[0]}\n" in text and "strength:" not in text.split("- id:", 1)[1]
    wait(page, lambda d: checked(d) == "true")


def small_texts(driver) -> list:
    """Each shown element of the Lab holding text (or a control) whose type is under 14px."""
    return driver.execute_script(
        "return [...document.querySelectorAll('#page-lab *')].filter((e) => e.getClientRects().length"
        " && (e.matches('input, select, textarea, button') || [...e.childNodes].some((n) => n.nodeType === 3"
        " && n.textContent.trim()))).map((e) => [e.tagName, e.id || e.className, parseFloat(getComputedStyle(e)"
        ".fontSize)]).filter(([, , size]) => size < 14);"
    )


def test_every_text_in_the_lab_is_14px_or_larger(page):
    enter_findings(page, "dry eyes, joint pain")
    open_lab(page)
    page.find_element(By.ID, "lab-run").click()
    wait(page, lambda d: d.find_elements(By.ID, "lab-fired"))
    assert small_texts(page) == []  # the suggestions' rule tags were 12.8px
    page.find_element(By.ID, "lab-try").click()
    wait(page, lambda d: d.find_elements(By.CSS_SELECTOR, "#lab-output table"))
    assert small_texts(page) == []
