""""Leave this page" without JavaScript (issue 13, item 10): from a question
page with ticked answers and typed text, one press erases everything and
opens the neutral site; whoever then presses Back, again and again, finds
no ticked choice, no typed text and none of the person's words."""
import pytest

from app import create_app
from tests.browser.conftest import SECRET, serve
from tests.browser.test_kiosk import (MARKER, SENSITIVE_REASON, assert_a_is_gone_everywhere,
                                      assert_back_shows_nothing_of_a)
from tests.browser.walker import tap, walk_to_fact_note

NEUTRAL_PAGE = b"<!doctype html><title>Weather</title><h1>The weather today</h1>"


def neutral_site(environ, start_response):
    """Stands in for the weather site (the tests make no request outside)."""
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
    return [NEUTRAL_PAGE]


@pytest.fixture(scope="module")
def leave_url():
    # Another host name than the app's 127.0.0.1: truly outside the app.
    server = serve(neutral_site)
    yield f"http://localhost:{server.server_port}/weather"
    server.shutdown()


@pytest.fixture(scope="module")
def app_server(leave_url):
    server = serve(create_app({"SECRET_KEY": SECRET, "SESSION_COOKIE_SECURE": False,
                               "LEAVE_URL": leave_url}))
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_leave_without_javascript_and_back_shows_nothing(context_factory, app_server, leave_url):
    live_server = app_server
    context = context_factory(java_script_enabled=False)
    page = context.new_page()

    walk_to_fact_note(page, live_server, "en", reasons=("political", SENSITIVE_REASON))
    page.fill("input.text-input", MARKER)  # typed, not sent
    assert page.locator("header form.leave-form button").is_visible()

    with page.expect_navigation(url=leave_url):
        page.click("header form.leave-form button")
    assert page.url == leave_url
    assert "The weather today" in page.inner_text("body")

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
