"""The kiosk: the next person never sees the last one's answers."""
import re
import time

from tests.browser.conftest import KIOSK_IDLE_SECONDS, KIOSK_WARNING_SECONDS, SECRET
from tests.browser.walker import walk_to_checklist
from wizard.state import decode

MARKER = "Party card of Person A 7731"


def test_two_people_at_the_kiosk(context_factory, kiosk_server):
    # One browser profile for both, as at a real kiosk.
    context = context_factory(viewport={"width": 1024, "height": 768})
    page = context.new_page()

    # Person A answers up to the checklist, without typing a number.
    walk_to_checklist(page, kiosk_server, "en", note=MARKER, kiosk=True)
    assert MARKER in page.inner_text("main")
    assert page.locator("text=Finish and erase my answers").is_visible()
    assert page.locator("a:has-text('Download PDF')").count() == 0  # no downloads
    assert page.locator("button.js-print").is_visible()

    # A walks away: the warning comes, announced, with a countdown.
    warning = page.locator("#kiosk-warning")
    warning.wait_for(state="visible", timeout=(KIOSK_IDLE_SECONDS + 3) * 1000)
    assert warning.get_attribute("role") == "alertdialog"
    assert page.evaluate("document.activeElement.hasAttribute('data-kiosk-extend')")
    assert page.locator("#kiosk-announce").inner_text().startswith("Your answers will be erased in")
    # "I need more time" gives it back, as often as needed (WCAG 2.2.1).
    for _ in range(2):
        page.click("[data-kiosk-extend]")
        assert warning.is_hidden()
        warning.wait_for(state="visible", timeout=(KIOSK_IDLE_SECONDS + 3) * 1000)
    assert "/checklist" in page.url

    # Nobody answers: the answers are erased and the language choice is back.
    page.wait_for_url(re.compile(r"/\?erased=1"),
                      timeout=(KIOSK_WARNING_SECONDS + 5) * 1000)
    assert "The answers are erased" in page.inner_text("main")

    # Person B finds nothing of A: not on screen, not through Back...
    assert MARKER not in page.content()
    for _ in range(6):
        if not page.evaluate("history.length > 1"):
            break
        page.go_back()
        assert MARKER not in page.content()
        assert "Party card" not in page.content()
    # ...not by going straight to A's pages...
    for path in ("review", "result", "checklist?lawyer=nl", "list/facts/0/note"):
        page.goto(f"{kiosk_server}/en/{path}")
        assert MARKER not in page.content(), path
        note_fields = page.locator("input.text-input")
        if note_fields.count():
            assert note_fields.input_value() == ""
            assert note_fields.get_attribute("autocomplete") == "off"
    # ...not in cookies or storage.
    for cookie in context.cookies():
        if cookie["name"] == "nfc_state":
            state = decode(cookie["value"], SECRET, 3600) or {}
            assert not state.get("answers"), state
        assert "Party" not in cookie["value"]
    storage = page.evaluate("[localStorage.length, sessionStorage.length]")
    assert storage == [0, 0]


def test_the_kiosk_also_wipes_itself_without_javascript(context_factory, kiosk_server):
    context = context_factory(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{kiosk_server}/ar/")
    page.click("main button[type=submit]")
    page.check("main input[value='yes']")
    page.click("main form button.button[type=submit]")
    assert "/ar/question/applied_before_nl" in page.url
    started = time.monotonic()
    page.wait_for_url(re.compile(r"/\?erased=1"),
                      timeout=(KIOSK_IDLE_SECONDS + KIOSK_WARNING_SECONDS + 5) * 1000)
    assert time.monotonic() - started >= KIOSK_IDLE_SECONDS  # not before the idle time
    # In the browser's language, not the last person's (that would tell).
    assert page.locator("html").get_attribute("lang") == "en"
    assert "The answers are erased" in page.inner_text("main")
    page.goto(f"{kiosk_server}/ar/review")
    assert "/ar/question/in_netherlands" in page.url   # nothing remembered
