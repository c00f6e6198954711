"""Small things a person notices, in a real browser (issue "Fewer pages, plainer
words"): the note's character count, the Print button without JavaScript, and
the direction of the Back arrow in a right-to-left language."""
from tests.browser.walker import checklist_page, walk_to_fact_note


def test_a_long_note_is_counted_while_typing_and_never_cut(context_factory, live_server):
    page = context_factory().new_page()
    walk_to_fact_note(page, live_server, "en")
    assert page.locator("main").inner_text().count("You can write up to 100 characters.") == 1
    note = page.locator("input.text-input")
    note.fill("x" * 95)
    assert page.locator(".character-count").inner_text() == "You have 5 characters left"
    note.fill("x" * 105)
    assert page.locator(".character-count").inner_text() == "You have 5 characters too many"
    assert len(note.input_value()) == 105  # nothing cut
    page.click("main form button.button[type=submit]")
    assert "You wrote 105 characters. Write 100 characters or fewer." in page.inner_text("main")
    assert len(page.locator("input.text-input").input_value()) == 105


def test_without_javascript_no_print_button_shows(context_factory, live_server):
    page = checklist_page(context_factory, live_server, "en", java_script_enabled=False)
    assert page.locator("button.js-print").count() == 1
    assert not page.locator("button.js-print").is_visible()
    # With JavaScript it shows: the same answers (the cookie), the same checklist.
    page = checklist_page(context_factory, live_server, "en")
    assert page.locator("button.js-print").is_visible()


def chevron_points(image, at_right):
    """Which way a chevron drawn at one edge of `image` points: its tip (the
    middle rows of the glyph) lies on that side of its arms (the top and bottom rows)."""
    width, height = image.size
    order = range(width - 1, -1, -1) if at_right else range(width)
    block = []
    for x in order:
        if any(image.getpixel((x, y)) < 128 for y in range(height)):
            block.append(x)
        elif block:
            break  # the gap between the chevron and the word
    dark = [(x, y) for x in block for y in range(height) if image.getpixel((x, y)) < 128]
    top, bottom = min(y for _, y in dark), max(y for _, y in dark)
    middle = (top + bottom) / 2
    band = (bottom - top) / 4
    tip = [x for x, y in dark if abs(y - middle) <= band / 2]
    arms = [x for x, y in dark if abs(y - middle) >= band * 1.5]
    return "left" if sum(tip) / len(tip) < sum(arms) / len(arms) else "right"


def test_the_back_arrow_points_back_in_right_to_left_languages(context_factory, live_server):
    import io

    from PIL import Image
    directions = {}
    for lang in ("en", "ar"):
        page = context_factory(bypass_csp=True).new_page()  # for the one style below
        page.goto(f"{live_server}/{lang}/")
        page.click("main button[type=submit]")
        page.check("main input[value='yes']")
        page.click("main form button.button[type=submit]")
        # The underline runs under the chevron too: hide it (and only it) to read the glyph.
        page.add_style_tag(content="a.back-link { text-decoration: none !important; }")
        shot = Image.open(io.BytesIO(page.locator("a.back-link").screenshot())).convert("L")
        directions[lang] = chevron_points(shot, at_right=lang == "ar")
    # Back points to where a line begins: left in English, right in Arabic.
    assert directions == {"en": "left", "ar": "right"}, directions
