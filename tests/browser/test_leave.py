""""Leave this page" without JavaScript (issue 13, item 10): from a question
page with ticked answers and typed text, one press erases everything and
opens the neutral site; whoever then presses Back, again and again, finds
no ticked choice, no typed text and none of the person's words."""
import re

from tests.browser.test_kiosk import (MARKER, SENSITIVE_REASON, assert_a_is_gone_everywhere,
                                      assert_back_shows_nothing_of_a)
from tests.browser.walker import tap, walk_to_fact_note

LEAVE_URL = "https://www.knmi.nl/"
NEUTRAL_PAGE = "<!doctype html><title>Weather</title><h1>The weather today</h1>"


def test_leave_without_javascript_and_back_shows_nothing(context_factory, live_server, artifacts):
    context = context_factory(java_script_enabled=False)
    # The neutral site, served here: the tests make no request outside.
    outside = []
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: (
        outside.append(route.request.url),
        route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)))
    page = context.new_page()

    walk_to_fact_note(page, live_server, "en", reasons=("political", SENSITIVE_REASON))
    page.fill("input.text-input", MARKER)  # typed, not sent
    assert page.locator("header form.leave-form button").is_visible()

    with page.expect_navigation(url=LEAVE_URL):
        page.click("header form.leave-form button")
    assert page.url == LEAVE_URL
    assert "The weather today" in page.inner_text("body")
    assert outside == [LEAVE_URL]

    # Someone else takes the phone and presses Back to the start of history.
    assert_back_shows_nothing_of_a(page, live_server)
    assert_a_is_gone_everywhere(page, context, live_server)


def test_leave_on_the_kiosk_shows_the_language_choice(context_factory, kiosk_server):
    context = context_factory(java_script_enabled=False)
    page = context.new_page()
    walk_to_fact_note(page, kiosk_server, "en", kiosk=True)
    tap(page, "header form.leave-form button")
    assert page.url == f"{kiosk_server}/"
    assert page.locator("html").get_attribute("lang") == "en"
    page.goto(f"{kiosk_server}/en/review")
    assert page.url == f"{kiosk_server}/en/"  # nothing remembered: the start
