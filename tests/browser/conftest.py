"""Browser tests: the real app served on 127.0.0.1, driven in Debian's chromium.

These tests fail, never skip, when chromium cannot start: CI must notice a
missing browser (README "Run the tests").
"""
import os
import shutil
import threading

import pytest
from werkzeug.serving import make_server

from app import create_app

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


SECRET = "browser-test-secret"
# Short on purpose: the kiosk tests wait for the inactivity wipe.
KIOSK_IDLE_SECONDS = 4
KIOSK_WARNING_SECONDS = 4


def serve(app):
    """The app in a thread, like `flask run`, on a free port of 127.0.0.1."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="session")
def live_server():
    server = serve(create_app({"SECRET_KEY": SECRET, "SESSION_COOKIE_SECURE": False}))
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def kiosk_server():
    server = serve(create_app({
        "SECRET_KEY": SECRET, "SESSION_COOKIE_SECURE": False, "KIOSK": True,
        "KIOSK_IDLE_SECONDS": KIOSK_IDLE_SECONDS, "KIOSK_WARNING_SECONDS": KIOSK_WARNING_SECONDS,
    }))
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.fail(f"chromium not found at {CHROMIUM}: install Debian's chromium "
                    "(scripts/test does this as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context_factory(browser):
    contexts = []

    def make(**options):
        options.setdefault("viewport", {"width": 360, "height": 740})
        context = browser.new_context(**options)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def artifacts():
    """Where screenshots and PDFs go, to look at after a run."""
    path = os.path.join(os.path.dirname(__file__), "..", "..", "test-artifacts")
    os.makedirs(path, exist_ok=True)
    return os.path.abspath(path)
