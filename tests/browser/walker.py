"""A person answering the whole check by tapping, as on a phone or kiosk."""


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


def walk_to_checklist(page, base, lang, note="", lawyer="nl", kiosk=False):
    """A person with a court summons, only a photo, in another language."""
    page.goto(f"{base}/{lang}/")
    tap(page, "main button[type=submit]")
    for value in ["yes", "yes", "rejected", "none_or_finished", "none", "no", "no",
                  "flight_booked"]:
        pick(page, value)
    if kiosk:
        keypad(page, "3")
    else:
        page.fill("input.text-input", "3")
        tap(page, "main form button.button[type=submit]")
    pick(page, "no")
    page.check("main input[value='political']")
    tap(page, "main form button.button[type=submit]")
    pick(page, "yes")
    for value in ["new_document", "yes", "you_personally"]:
        pick(page, value)
    if note:
        page.fill("input.text-input", note)
    tap(page, "main form button.button[type=submit]")
    pick(page, "no")
    pick(page, "yes")
    for value in ["court_or_arrest_document", "0", "other", "none", "photo", "courier"]:
        pick(page, value)
    tap(page, "main form button.button[type=submit]")
    pick(page, "no")
    pick(page, "not_asked")
    tap(page, "main a.button")                      # see the result
    page.check(f"main input[value='{lawyer}']")
    tap(page, "main form button.button[type=submit]")
    return page
