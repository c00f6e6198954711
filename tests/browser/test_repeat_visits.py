"""On slow data every round trip counts: after the first page, the next pages
cost one request each. The style sheet, script and icon are kept by the
browser (cache headers) and /favicon.ico is never asked for (the pages name
their icon)."""
import threading

import pytest

from app import create_app
from tests.browser.conftest import SECRET, serve


class CountingRequests:
    """WSGI middleware: the paths the browser asked for, nothing else."""

    def __init__(self, app):
        self.app = app
        self.paths = []
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            self.paths.append(environ["PATH_INFO"])
        return self.app(environ, start_response)


@pytest.fixture
def counted_server():
    counter = CountingRequests(create_app({"SECRET_KEY": SECRET, "SESSION_COOKIE_SECURE": False}))
    server = serve(counter)
    yield f"http://127.0.0.1:{server.server_port}", counter
    server.shutdown()


def test_the_next_pages_cost_one_request_each(context_factory, counted_server):
    base, counter = counted_server
    page = context_factory(locale="ar").new_page()
    page.goto(f"{base}/ar/")
    page.wait_for_load_state("load")
    # The browser asks for the icon after the page has loaded; give it time.
    for _ in range(20):
        if "/static/favicon.svg" in counter.paths:
            break
        page.wait_for_timeout(100)
    first = list(counter.paths)
    assert {"/ar/", "/static/style.css", "/static/app.js"} <= set(first), first

    counter.paths.clear()
    page.click("footer a")  # Sources
    page.wait_for_load_state("load")
    page.go_back()
    page.wait_for_load_state("load")
    page.click("header .service-name")  # the start page again
    page.wait_for_load_state("load")
    assert page.locator("h1").count() == 1
    # Three pages, three requests: no style sheet, script or icon again.
    assert counter.paths == ["/ar/sources", "/ar/", "/ar/"], counter.paths
    assert "/favicon.ico" not in first + counter.paths
