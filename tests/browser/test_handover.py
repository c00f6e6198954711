"""The hand-over file in a real browser, without JavaScript (issue 15, items
2 and 3): a person saves the checklist PDF on the review page, closes the
browser, and days later continues from that file on the start page: every
answer is back, their own note too; a wrong file gets a clear message in
their language on the same page."""
from tests.browser.walker import tap, walk_to_review

NOTE = "Mijn broer zag de brief"


def test_save_then_continue_from_the_pdf_in_a_new_browser(context_factory, live_server,
                                                         tmp_path):
    lang = "fa"  # right to left
    first = context_factory(java_script_enabled=False, accept_downloads=True).new_page()
    walk_to_review(first, live_server, lang, note=NOTE)
    review_text = first.inner_text("main")
    assert NOTE in review_text
    with first.expect_download() as download_info:
        first.click(".save-for-later a.button")
    saved = tmp_path / "checklist.pdf"
    download_info.value.save_as(saved)
    assert saved.read_bytes()[:5] == b"%PDF-"
    first.context.close()  # the browser is closed: the answers are gone from it

    later = context_factory(java_script_enabled=False).new_page()
    later.goto(f"{live_server}/{lang}/")
    later.set_input_files("#handover-file", str(saved))
    tap(later, "section.handover button[type=submit]")
    assert later.url.endswith(f"/{lang}/review"), later.url
    assert later.locator("html").get_attribute("dir") == "rtl"
    assert later.inner_text("main") == review_text  # every answer, the note too

    # And on to the result, as if nothing had happened in between.
    tap(later, "main a.button")
    assert f"/{lang}/result" in later.url, later.url
    assert later.locator("main h1").count() == 1


def test_a_wrong_file_is_refused_in_the_persons_language(context_factory, live_server, tmp_path):
    lang = "ar"
    wrong = tmp_path / "photo.pdf"
    wrong.write_bytes(b"\xff\xd8\xff\xe0 not a PDF at all")
    page = context_factory(java_script_enabled=False).new_page()
    page.goto(f"{live_server}/{lang}/")
    page.set_input_files("#handover-file", str(wrong))
    tap(page, "section.handover button[type=submit]")
    error = page.locator("#handover-file-error")
    assert error.is_visible()
    message = error.inner_text().strip()
    # In Arabic (the file names in it stay as they are), not in English.
    assert sum("\u0600" <= ch <= "\u06ff" for ch in message) > 20, message
    assert "file" not in message.replace("answers.json", ""), message
    assert page.locator("html").get_attribute("lang") == "ar"
    # The person can choose another file right there.
    assert page.locator("#handover-file").is_visible()
