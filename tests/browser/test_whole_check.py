"""A person completes the whole check with the keyboard alone, then prints
the checklist for a lawyer; the PDF holds the outcome, the document table
and both languages."""
import re
import subprocess

import pytest
from flask_babel import force_locale, gettext

from app import create_app
from tests.browser.keyboard import (choose_radio, follow_link, press_continue, tab_to,
                                    tick_checkboxes, type_text)
from wizard import vocabulary as v


def translated(lang, message):
    app = create_app({"SECRET_KEY": "x"})
    with app.test_request_context(), force_locale(lang):
        return gettext(message)


def answer_everything(page):
    """A person with a party card in Tigrinya, asked inside its fact, and a
    flight in 3 days. Three follow-ups are answered under their choice:
    how the last application ended, the days until the flight, the group."""
    choose_radio(page, "yes")         # in the Netherlands
    press_continue(page)
    choose_radio(page, "yes")         # applied here before ...
    choose_radio(page, "rejected", name="previous_outcome")   # ... and how it ended
    press_continue(page)
    choose_radio(page, "none_or_finished")
    press_continue(page)
    choose_radio(page, "none")        # no earlier repeat application
    press_continue(page)
    tick_checkboxes(page, ["none"])   # none of "Does any of this apply to you?"
    press_continue(page)
    choose_radio(page, "flight_booked")
    type_text(page, "3", name="departure_in_days")
    press_continue(page)
    choose_radio(page, "no")          # detained
    press_continue(page)
    choose_radio(page, "me_alone")    # who the application is for
    press_continue(page)
    tick_checkboxes(page, ["political"])
    press_continue(page)
    choose_radio(page, "yes")         # something new
    press_continue(page)
    for value in ["new_document", "yes"]:
        choose_radio(page, value)
        press_continue(page)
    choose_radio(page, "group")       # it concerns a group ...
    choose_radio(page, "political", name="group")             # ... of political opinion
    press_continue(page)
    for value in ["yes", "membership", "other", "none", "original", "courier"]:
        choose_radio(page, value)     # belongs to it; the document
        if value != "courier":
            press_continue(page)
    type_text(page, "Party card, arrived in March", name="note")   # with how it came
    press_continue(page)
    choose_radio(page, "no")          # nothing else new: no list of other documents
    press_continue(page)
    choose_radio(page, "previous_will_help")
    press_continue(page)


@pytest.mark.parametrize("lang, lawyer, javascript", [
    ("en", "nl", True),
    ("nl", "en", False),
])
def test_whole_check_by_keyboard_then_print(context_factory, live_server, artifacts,
                                            lang, lawyer, javascript):
    context = context_factory(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{live_server}/{lang}/")
    tab_to(page, "main button[type=submit]")       # Start now
    with page.expect_navigation():
        page.keyboard.press("Enter")
    answer_everything(page)

    assert page.url.endswith(f"/{lang}/review")
    assert translated(lang, "Check your answers") in page.inner_text("h1")
    assert "Party card, arrived in March" in page.inner_text("main")
    follow_link(page, "main a.button")              # See the result
    outcome = translated(lang, v.label(v.OUTCOMES, "needs_preparation"))
    assert page.inner_text("h1") == outcome
    urgent = translated(lang, "Urgent: contact your lawyer today")
    assert urgent in page.inner_text("body")

    choose_radio(page, lawyer)
    press_continue(page)
    assert f"/{lang}/checklist" in page.url

    pdf_path = f"{artifacts}/checklist-{lang}-{lawyer}.pdf"
    page.emulate_media(media="print")
    page.pdf(path=pdf_path, format="A4", print_background=True)
    text = subprocess.run(["pdftotext", pdf_path, "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = re.sub(r"\s+", " ", text)
    for language in (lang, lawyer):
        assert translated(language, v.label(v.OUTCOMES, "needs_preparation")) in flat
        assert translated(language, "Checklist for your lawyer") in flat
    # The document table: the document, its language, no translation, courier.
    for language in (lang, lawyer):
        for label in (v.label(v.DOCUMENT_KINDS, "membership"), "Another language",
                      "No, there is no translation", "By courier (keep the receipt)"):
            words = translated(language, label)
            assert words.split(" (")[0] in flat, (language, words)
    assert "Erase my answers" not in flat and translated(lang, "Erase my answers") not in flat
    assert "If the IND definitively rejects your asylum application" in flat  # sources

    info = subprocess.run(["pdfinfo", pdf_path], capture_output=True, text=True,
                          check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 1 <= pages <= 4, pages
    assert re.search(r"Page size:\s+595\.\d* x 841\.\d*|Page size:\s+595\.\d* x 842", info), info
