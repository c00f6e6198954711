"""Screenshots of the main pages, to look at as a person would.

    .venv/bin/python scripts/screenshots.py [LANG ...]

Writes PNGs (360x740 phone, 1280x800 desktop) and the printed checklist as
PDF and PNG into test-artifacts/. Needs Debian's chromium and pdftoppm.
"""
import os
import subprocess
import sys
import threading

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from playwright.sync_api import sync_playwright  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from app import create_app  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.browser.walker import tap, walk_to_checklist  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "test-artifacts")


def walk(page, base, lang, shoot):
    """The pages of one check, with a screenshot of each kind."""
    page.goto(f"{base}/{lang}/")
    shoot("start")
    tap(page, "main button[type=submit]")
    shoot("question")
    tap(page, "main form button.button[type=submit]")
    shoot("error")
    walk_to_checklist(page, base, lang, note="Party card")
    shoot("checklist")
    for name in ("list/facts", "review", "result"):
        page.goto(f"{base}/{lang}/{name}")
        shoot(name.replace("list/", "") + ("-list" if name.startswith("list") else ""))
    page.goto(f"{base}/{lang}/checklist?lawyer=nl")


def main(langs):
    os.makedirs(OUT, exist_ok=True)
    app = create_app({"SECRET_KEY": "screens", "SESSION_COOKIE_SECURE": False})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for lang in langs:
            for width, height in ((360, 740), (1280, 800)):
                context = browser.new_context(viewport={"width": width, "height": height})
                page = context.new_page()

                def shoot(name):
                    page.screenshot(path=f"{OUT}/{lang}-{width}-{name}.png", full_page=True)

                walk(page, base, lang, shoot)
                if width == 360:
                    pdf = f"{OUT}/{lang}-checklist.pdf"
                    page.emulate_media(media="print")
                    page.pdf(path=pdf, format="A4", print_background=True)
                    subprocess.run(["pdftoppm", "-png", "-r", "60", pdf, f"{OUT}/{lang}-checklist"],
                                   check=True)
                context.close()
        browser.close()
    server.shutdown()
    print("written to", os.path.abspath(OUT))


if __name__ == "__main__":
    main(sys.argv[1:] or ["en"])
