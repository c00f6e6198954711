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

OUT = os.path.join(os.path.dirname(__file__), "..", "test-artifacts")


def click(page, selector):
    with page.expect_navigation():
        page.click(selector)


def pick(page, value):
    page.check(f"input[value='{value}']")
    click(page, "main button[type=submit]")


def walk(page, base, lang, shoot):
    page.goto(f"{base}/{lang}/")
    shoot("start")
    click(page, "main button[type=submit]")
    shoot("question")
    click(page, "main button[type=submit]")
    shoot("error")
    for value in ["yes", "yes", "rejected", "none_or_finished", "none", "no", "no", "flight_booked"]:
        pick(page, value)
    page.fill("input.text-input", "3")
    click(page, "main button[type=submit]")
    pick(page, "no")
    page.check("input[value='political']")
    click(page, "main button[type=submit]")
    pick(page, "yes")
    for value in ["new_document", "yes", "you_personally"]:
        pick(page, value)
    page.fill("input.text-input", "Party card")
    click(page, "main button[type=submit]")
    shoot("facts-list")
    pick(page, "no")
    pick(page, "yes")
    for value in ["court_or_arrest_document", "0", "other", "none", "photo", "courier"]:
        pick(page, value)
    click(page, "main button[type=submit]")
    pick(page, "no")
    pick(page, "not_asked")
    shoot("review")
    click(page, "main a.button")
    shoot("result")
    page.check("input[value='nl']")
    click(page, "main button[type=submit]")
    shoot("checklist")
    return page


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
