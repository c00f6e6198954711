"""Every language, seen in a real browser: the text is the catalog's, every
glyph has a font, right-to-left pages mirror, and the printed checklist
holds both languages."""
import functools
import re
import subprocess
import unicodedata

import pytest
from flask_babel import force_locale, gettext

from app import create_app
from tests.browser.walker import checklist_page, remember_checklist, tap, walk_to_checklist
from wizard import languages
from wizard import vocabulary as v

APP = create_app({"SECRET_KEY": "x"})


def catalog(lang, message):
    with APP.test_request_context(), force_locale(lang):
        return gettext(message)


@functools.lru_cache(maxsize=1)
def covered_code_points():
    """Every code point some installed font has a glyph for (fontconfig)."""
    listing = subprocess.run(["fc-list", "--format", "%{charset}\n"], capture_output=True,
                             text=True, check=True).stdout
    points = set()
    for line in listing.splitlines():
        for part in line.split():
            start, _, end = part.partition("-")
            points.update(range(int(start, 16), int(end or start, 16) + 1))
    return points


def assert_every_glyph_renders(page, where):
    text = page.evaluate("document.body.innerText")
    assert "\ufffd" not in text, f"replacement character on {where}"
    missing = {char for char in text if not char.isspace()
               and unicodedata.category(char)[0] != "C"
               and ord(char) not in covered_code_points()}
    assert not missing, f"no font for {sorted(missing)} on {where}"
    # What Chromium itself used for the heading: a real font, not a fallback box.
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    heading = session.send("DOM.querySelector", {"nodeId": root, "selector": "h1"})["nodeId"]
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": heading})["fonts"]
    assert fonts and all(f["familyName"] and "LastResort" not in f["familyName"] for f in fonts), fonts
    session.detach()


@pytest.mark.parametrize("lang", languages.CODES)
def test_each_language_reads_right_in_the_browser(context_factory, live_server, lang):
    page = context_factory().new_page()
    page.goto(f"{live_server}/{lang}/")
    assert page.inner_text("h1") == catalog(lang, "Check if you are ready for a repeat asylum application")
    assert_every_glyph_renders(page, "start")
    tap(page, "main button[type=submit]")
    assert page.inner_text("h1") == catalog(lang, "Are you in the Netherlands now?")
    assert_every_glyph_renders(page, "question")
    tap(page, "main form button.button[type=submit]")          # nothing chosen
    assert catalog(lang, "Select yes if you are in the Netherlands now") in page.inner_text(".error-summary")
    assert page.title().startswith(catalog(lang, "Error:"))
    assert_every_glyph_renders(page, "error")

    walk_to_checklist(page, live_server, lang)
    remember_checklist(page, live_server, lang)
    assert catalog(lang, "Checklist for your lawyer") in page.inner_text("h1")
    assert_every_glyph_renders(page, "checklist")
    page.goto(f"{live_server}/{lang}/result")
    assert page.inner_text("h1") == catalog(lang, v.label(v.OUTCOMES, "needs_preparation"))
    assert_every_glyph_renders(page, "result")


@pytest.mark.parametrize("lang, side", [("ar", "right"), ("fa", "right"), ("en", "left")])
def test_right_to_left_pages_mirror(context_factory, live_server, lang, side):
    page = context_factory().new_page()
    page.goto(f"{live_server}/{lang}/")
    tap(page, "main button[type=submit]")
    width = page.viewport_size["width"]
    for selector in ("a.back-link", "main form button.button", "main h1", "#answer"):
        box = page.locator(selector).first.bounding_box()
        if side == "right":
            assert box["x"] + box["width"] > width - 40 and box["x"] > 16, (selector, box)
        else:
            assert box["x"] < 40, (selector, box)
    assert page.locator("html").get_attribute("dir") == ("rtl" if side == "right" else "ltr")


@pytest.mark.parametrize("lang", ["ar", "ti"])
def test_the_printed_checklist_holds_both_languages(context_factory, live_server, artifacts, lang):
    # The person walked there in this language already (above): their answers.
    page = checklist_page(context_factory, live_server, lang)
    pdf_path = f"{artifacts}/checklist-{lang}-nl.pdf"
    page.emulate_media(media="print")
    page.pdf(path=pdf_path, format="A4", print_background=True)
    text = subprocess.run(["pdftotext", pdf_path, "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = letters_only(text)
    for language in (lang, "nl"):
        for message in ("Checklist for your lawyer", v.label(v.OUTCOMES, "needs_preparation"),
                        v.label(v.DOCUMENT_FORMS, "photo")):
            words = catalog(language, message)
            # Word by word: a table cell wraps (the lawyer's line is full size
            # in print), and pdftotext may put the next column between its lines.
            missing = [word for word in words.split() if letters_only(word) not in flat]
            assert not missing, (language, words, missing)
    assert re.search(r"\d{2}-\d{2}-\d{4}", text), "the date in Latin digits"


def letters_only(text):
    """Text as pdftotext gives it back, compared fairly: it adds bidi marks
    and spaces around Arabic vowel signs, and uses presentation forms."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(char for char in text if not char.isspace()
                   and unicodedata.category(char) not in ("Mn", "Cf")
                   and unicodedata.category(char)[0] != "P")  # pdftotext moves punctuation in RTL
