"""Doing things with the keyboard alone, as a person without a mouse would."""

MAX_TABS = 80


def tab_to(page, selector):
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"could not reach {selector} with Tab")


def choose_radio(page, value, name=None):
    """Tab into the radio group (the next one, or the field `name`: a
    follow-up under the choice just made), then move with the arrow keys to
    `value`."""
    tab_to(page, f"input[type=radio][name='{name}']" if name else "input[type=radio]")
    for _ in range(20):
        if page.evaluate("() => document.activeElement.value") == value:
            page.keyboard.press("Space")
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"no radio with value {value}")


def tick_checkboxes(page, values):
    for value in values:
        tab_to(page, f"input[type=checkbox][value='{value}']")
        page.keyboard.press("Space")


def type_text(page, text, name=None):
    tab_to(page, f"input.text-input[name='{name}']" if name else "input.text-input")
    page.keyboard.type(text)


def press_continue(page):
    tab_to(page, "main button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def follow_link(page, selector):
    tab_to(page, selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")
