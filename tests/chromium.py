"""One headless Chromium for every browser test of a test process (Debian's chromium and chromium-driver,
driven by selenium): started when the first browser test asks for it and shared by the modules that draw
pages (test_web_browser, test_web_lab_browser, test_browser), instead of one start per module."""

import itertools
import os
import shutil
from collections.abc import Iterator

import pytest

# Flags that leave out what a test never uses (GPU emulation, background downloads, sync, a first-run page).
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,1000",
)


def browser_paths() -> tuple[str, str]:
    """Chromium and its driver, or the test is skipped with what to install."""
    chromium = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
    driver = shutil.which("chromedriver") or ("/usr/lib/chromium/chromedriver" if chromium else None)
    if not chromium or not driver or not os.path.exists(driver):
        pytest.skip("no Chromium with chromedriver found (Debian: apt-get install chromium chromium-driver)")
    return chromium, driver


def start(profile: str) -> Iterator:
    """A Chromium with its own profile folder, its console kept (tests fail on any error logged), quit after."""
    pytest.importorskip("selenium", reason="selenium is in the test extra: pip install '.[test]'")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    chromium, chromedriver = browser_paths()
    options = Options()
    options.binary_location = chromium
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(options=options, service=Service(chromedriver))
    browser.set_script_timeout(60)
    try:
        yield browser
    finally:
        browser.quit()


_LOADS = itertools.count()


def load(driver, url: str) -> None:
    """``url`` loaded afresh: the shared Chromium may still show the last test's page, and going to the same
    address with only another ``#`` part would keep that page (a fragment change, not a load), so each load
    adds a query of its own."""
    address, _, fragment = url.partition("#")
    driver.get(f"{address}?load={next(_LOADS)}" + (f"#{fragment}" if fragment else ""))
