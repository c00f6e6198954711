"""The printed checklist in two columns (issue 13, item 9): each line in the
person's language and, beside it at the same height, in the lawyer's, each
in its own direction, and the lawyer's always in the same column. An
Arabic and Dutch checklist: the Arabic on the right (the page's start
side), the Dutch on the left, so a line no longer zigzags from one edge
of the page to the other.

Read from the PDF the server makes (WeasyPrint), with the word boxes
pdftotext gives (-bbox).
"""
import re
import subprocess
import unicodedata
from html import unescape

import pytest

from tests.pages import words_in
from tests.test_pdf import full_check
from wizard import texts

# Lines outside the tables (a table cell keeps its two halves one under the other).
LINES = [
    ("Checklist for your lawyer", {}),
    ("Fill in by pen", {}),
    ("Bring to the meeting", {}),
    ("What happens after you apply", {}),
    ("Keep the envelope or courier receipt of document %(number)s.", {"number": 2}),
    (texts.NOT_LEGAL_ADVICE, {}),
    *[(line, {}) for line in texts.WHAT_TO_BRING],
]
ARABIC = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
# Points: a line's words share a baseline; a column's words start within a
# list's indent of each other.
SAME_HEIGHT = 2.0
SAME_COLUMN = 14.0


def letters(text):
    """Letters only, as pdftotext and the catalog both write them (it uses
    presentation forms and moves punctuation in right-to-left text)."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if unicodedata.category(c)[0] in "LN")


def word_boxes(path):
    """[(page, x_min, y_min, x_max, text)], the page's width and height."""
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    boxes, width, height = [], None, None
    for number, page in enumerate(re.findall(r"<page (.*?)</page>", out, re.S)):
        width = float(re.search(r'width="([\d.]+)"', page).group(1))
        height = float(re.search(r'height="([\d.]+)"', page).group(1))
        for x_min, y_min, x_max, text in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>',
                page):
            boxes.append((number, float(x_min), float(y_min), float(x_max), unescape(text)))
    return boxes, width, height


def find_line(boxes, words):
    """The boxes of the first place where `words` follow each other."""
    texts_only = [box[4] for box in boxes]
    for start in range(len(boxes) - len(words) + 1):
        if texts_only[start:start + len(words)] == words:
            return boxes[start:start + len(words)]
    return None


@pytest.fixture(scope="module")
def arabic_dutch_pdf(tmp_path_factory):
    from app import create_app
    from tests.conftest import TEST_SECRET
    from tests.walkers import Person
    app = create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET, "SESSION_COOKIE_SECURE": False})
    person = Person(app.test_client(), "ar")
    full_check(person)
    response = person.get("checklist.pdf?lawyer=nl")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    path = tmp_path_factory.mktemp("columns") / "checklist-ar-nl.pdf"
    path.write_bytes(response.data)
    return app, path


def test_each_printed_pair_stands_side_by_side_the_dutch_always_in_the_left_column(
        arabic_dutch_pdf):
    app, path = arabic_dutch_pdf
    boxes, width, _ = word_boxes(path)
    middle = width / 2
    dutch_starts = []
    for message, params in LINES:
        dutch = words_in(app, "nl", message, **params).split()
        arabic = letters(words_in(app, "ar", message, **params))
        # A to-do line may begin with its deadline, "Before the flight on …:".
        arabic += letters(words_in(app, "ar", texts.BEFORE_THE_FLIGHT, date="", task=""))
        found = find_line(boxes, dutch[:4])
        assert found, ("the Dutch line is not in the PDF", dutch)
        page, _, y, _, _ = found[0]
        # The Dutch half: left to right, in the left column.
        assert all(box[3] <= middle + 1 for box in found), (dutch, found)
        # Where its line starts (a to-do line may begin with a deadline).
        dutch_starts.append(min(box[1] for box in boxes if box[0] == page and
                                abs(box[2] - y) <= SAME_HEIGHT and box[3] <= middle + 1))
        # Its Arabic half at the same height, in the right column.
        beside = [box for box in boxes if box[0] == page and abs(box[2] - y) <= SAME_HEIGHT
                  and ARABIC.search(box[4])]
        assert beside, ("no Arabic beside the Dutch line", dutch)
        assert all(box[1] >= middle - 1 for box in beside), (dutch, beside)
        # ... and it is this line's Arabic (pdftotext gives a word's letters
        # in the order they are seen, right to left).
        for box in beside:
            word = letters(box[4])
            assert word in arabic or word[::-1] in arabic, (dutch, box[4], arabic)
    # The same column on every line: the Dutch starts at the left margin.
    assert max(dutch_starts) - min(dutch_starts) <= SAME_COLUMN, dutch_starts


def test_a_heading_is_never_the_last_line_of_a_page(arabic_dutch_pdf):
    """A heading keeps at least one line of what follows it on its page."""
    app, path = arabic_dutch_pdf
    boxes, _, height = word_boxes(path)
    # The page number sits in the bottom margin (11 mm): not a line of the checklist.
    bottom = height - 11 / 25.4 * 72
    for message in ("Fill in by pen", "Bring to the meeting", "What happens after you apply",
                    "To do", "Important", "Documents", "What is new", "Sources"):
        dutch = words_in(app, "nl", message).split()
        found = find_line(boxes, dutch)
        if found is None:
            continue  # not on this checklist
        page, _, y, _, _ = found[0]
        below = [box for box in boxes if box[0] == page and y + SAME_HEIGHT * 3 < box[2] < bottom]
        assert below, f"the heading {' '.join(dutch)!r} is alone at the bottom of page {page + 1}"
