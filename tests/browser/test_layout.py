"""Reflow (WCAG 1.4.10, DESIGN.md §4): readable at 320 px wide and at 200 % zoom.

A 640 x 800 window zoomed to 200 % is, for the page, a viewport of
320 x 400 CSS px with two device pixels to each CSS pixel; that is also
the narrowest phone we design for. On every page kind, in English, Arabic
(right to left), Tigrinya (Ethiopic) and Georgian (long words):

- the page never scrolls sideways (scrollWidth <= clientWidth);
- no element reaches past the viewport's edge;
- no text sticks out of its box (p, li, label, legend, headings, table
  cells, dt/dd, buttons and links).
"""
import pytest

from tests.browser import page_checks
from tests.browser.every_page import ALL_KINDS, walk

ZOOMED = {"viewport": {"width": 320, "height": 400}, "device_scale_factor": 2}


@pytest.mark.parametrize("lang", ["en", "ar", "ti", "ka"])
def test_every_page_reflows_at_320_px_and_200_percent_zoom(context_factory, live_server, lang):
    context = context_factory(locale=lang, **ZOOMED)
    page = context.new_page()
    assert page.evaluate("() => [document.documentElement.clientWidth, devicePixelRatio]") == [320, 2]
    problems, checked = [], []
    for kind in walk(page, live_server, lang):
        problems += [f"{lang} {kind} ({page.url}): {problem}"
                     for problem in page_checks.reflow(page)]
        checked.append(kind)
    assert checked == list(ALL_KINDS)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
