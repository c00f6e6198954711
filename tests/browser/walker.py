"""A person answering the whole check by tapping, as on a phone or kiosk."""

# The route questions of a person for whom the route fits, in order: in the
# Netherlands, applied here before, rejected, no appeal running, no earlier
# repeat application, no protection elsewhere, not from Ukraine, not gone
# back home; the flight comes next.
ROUTE = ["yes", "yes", "rejected", "none_or_finished", "none", "no", "no", "no"]


def tap(page, selector):
    with page.expect_navigation():
        page.click(selector)


def pick(page, value):
    page.check(f"main input[value='{value}']")
    tap(page, "main form button.button[type=submit]")


def keypad(page, digits):
    """The kiosk's on-screen number keys: no typing."""
    for digit in digits:
        tap(page, f"button.key[value='{digit}']")
    tap(page, "main form button.button[type=submit]")


def walk_to_fact_note(page, base, lang, reasons=("political",), kiosk=False):
    """From the start page to the first fact's note: a flight in 3 days, not
    detained, applying alone for `reasons`, one new document about oneself."""
    page.goto(f"{base}/{lang}/")
    tap(page, "main button[type=submit]")
    for value in ROUTE + ["flight_booked"]:
        pick(page, value)
    if kiosk:
        keypad(page, "3")
    else:
        page.fill("input.text-input", "3")
        tap(page, "main form button.button[type=submit]")
    pick(page, "no")                                # detained
    pick(page, "me_alone")                          # who the application is for
    for reason in reasons:
        page.check(f"main input[value='{reason}']")
    tap(page, "main form button.button[type=submit]")
    pick(page, "yes")
    for value in ["new_document", "yes", "you_personally"]:
        pick(page, value)
    assert page.url.endswith(f"/{lang}/list/facts/0/note"), page.url
    return page


def walk_to_review(page, base, lang, note="", document_note="", reasons=("political",),
                   lawyer="not_asked", kiosk=False):
    """A person with a court summons, only a photo, in another language,
    answers everything up to the review (`note`: the fact's note,
    `document_note`: the document's, `lawyer`: the lawyer answer)."""
    walk_to_fact_note(page, base, lang, reasons=reasons, kiosk=kiosk)
    if note:
        page.fill("input.text-input", note)
    tap(page, "main form button.button[type=submit]")
    pick(page, "no")
    pick(page, "yes")
    for value in ["court_or_arrest_document", "0", "other", "none", "photo", "courier"]:
        pick(page, value)
    if document_note:
        page.fill("input.text-input", document_note)
    tap(page, "main form button.button[type=submit]")
    pick(page, "no")
    pick(page, lawyer)
    assert page.url.endswith(f"/{lang}/review"), page.url
    return page


def walk_to_checklist(page, base, lang, note="", lawyer="nl", kiosk=False):
    """The same person, on to the result and the checklist for a lawyer
    who reads `lawyer`."""
    walk_to_review(page, base, lang, note=note, kiosk=kiosk)
    tap(page, "main a.button")                      # see the result
    page.check(f"main input[value='{lawyer}']")
    tap(page, "main form button.button[type=submit]")
    return page
