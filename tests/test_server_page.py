"""The paste-and-check page at ``/`` in a real headless Chromium, driven by Selenium.

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them). Without a
browser the test fails and says how to install one: a page nobody tested is not done.
"""
from __future__ import annotations

import os
import shutil
import warnings

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*")

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
INSTALL = ("no headless browser for the page test: install Debian's Chromium and its driver with "
           "'apt-get update && apt-get install -y chromium chromium-driver' (as root), and "
           "'pip install selenium' (in the test extra)")

DRAFT = ("WASHINGTON (AP) — The council met on Tuesday 😀 and voted on the budget.\n\n"
         "Similarily, the mayor said the goverment would answer. “We are ready,” she said.\n")


def _marks(browser) -> dict[str, str]:
    """The underlined words and their categories, read in one script so that a redraw in
    between cannot leave a stale element."""
    pairs = browser.execute_script(
        "return Array.from(document.querySelectorAll('#view mark'), m => [m.textContent, m.dataset.category]);")
    return {text: category for text, category in pairs}


def _browser(tmp_path):
    browser = CHROMIUM if os.access(CHROMIUM, os.X_OK) else shutil.which("chromium")
    driver = CHROMEDRIVER if os.access(CHROMEDRIVER, os.X_OK) else shutil.which("chromedriver")
    if not browser or not driver:
        pytest.fail(INSTALL)
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.fail(INSTALL)
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                f"--user-data-dir={tmp_path / 'chromium-profile'}", "--window-size=1200,900"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(driver), options=options)


@pytest.fixture(scope="module")
def server_url():
    from serving import running_server

    from lint.server.app import create_app

    with running_server(create_app()) as url:
        yield url


def test_paste_check_open_a_finding_and_apply_a_fix(server_url: str, tmp_path) -> None:
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    browser = _browser(tmp_path)
    try:
        browser.get(server_url + "/")
        # The page redraws its underlines after each check: an element read mid-redraw is stale.
        wait = WebDriverWait(browser, 30, ignored_exceptions=(StaleElementReferenceException,))
        draft = browser.find_element(By.ID, "draft")
        # Typing a long draft key by key is slow; set it as a paste would, then use the keyboard.
        browser.execute_script("arguments[0].value = arguments[1];", draft, DRAFT)
        browser.execute_script("arguments[0].value = '2025-11-20';", browser.find_element(By.ID, "date"))
        draft.send_keys(Keys.CONTROL, Keys.ENTER)
        wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#view mark"))
        marks = {m.text: m for m in browser.find_elements(By.CSS_SELECTOR, "#view mark")}
        assert "Similarily" in marks and "goverment" in marks
        assert marks["Similarily"].get_attribute("data-category") == "spelling"
        assert "article date 2025-11-20" in browser.find_element(By.ID, "status").text
        # The text around the emoji is intact: underlines sit on the right words.
        assert "Tuesday 😀 and voted" in browser.find_element(By.ID, "view").text
        # Underlined in the category's colour.
        colour = marks["goverment"].value_of_css_property("text-decoration-color")
        assert colour.replace(" ", "") in ("rgb(198,40,40)", "rgba(198,40,40,1)")

        # Keyboard: focus the underline and press Enter to open it.
        marks["goverment"].send_keys(Keys.ENTER)
        wait.until(ec.visibility_of_element_located((By.ID, "details")))
        assert "goverment" in browser.find_element(By.ID, "d-message").text
        assert "spelling.misspelling" in browser.find_element(By.ID, "d-rule").text
        wait.until(lambda b: b.find_element(By.ID, "d-why").text)  # the rule's explanation
        assert "government" in browser.find_element(By.ID, "d-suggestions").text
        apply = browser.find_element(By.ID, "apply")
        assert apply.is_displayed()
        browser.save_screenshot(str(tmp_path / "newslint-page-finding.png"))
        apply.send_keys(Keys.ENTER)
        wait.until(lambda b: "the government would answer" in b.find_element(By.ID, "draft").get_attribute("value"))
        wait.until(lambda b: "goverment" not in _marks(b) and _marks(b))
        assert "Similarily" in _marks(browser)
        assert "Fixed" in browser.find_element(By.ID, "status").text

        # Filtering by category hides its underlines and list entries.
        browser.find_element(By.ID, "filter-spelling").click()
        assert "spelling" not in _marks(browser).values()
        browser.find_element(By.ID, "filter-spelling").click()
        assert "Similarily" in _marks(browser)
        path = tmp_path / "newslint-page.png"
        browser.save_screenshot(str(path))
        assert path.stat().st_size > 1000
        print(f"screenshots: {tmp_path}")
    finally:
        browser.quit()
