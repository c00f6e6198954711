"""The checklist as a PDF made on the server (WeasyPrint): what a lawyer
gets when the person downloads it."""
import re
import subprocess
import unicodedata

import pytest
from flask_babel import force_locale, gettext

from tests.conftest import add_document, add_fact, finish, walk_to_reasons
from wizard import pdf
from wizard import vocabulary as v

DOCUMENTS = [
    ("membership", "0", "en", None, "original", "post"),
    ("court_or_arrest_document", "1", "other", "none", "photo", "courier"),
    ("medical_report", "2", "other", "sworn", "original_coming", "person"),
    ("news_or_report", "none", "fr", None, "digital", "digital"),
]


def full_check(person):
    walk_to_reasons(person, removal="flight_booked", days=5, detained="no")
    person.answer("question/reasons", {"answer": ["political", "religion"]})
    add_fact(person, 0, "new_document", note="Party card")
    add_fact(person, 1, "personal_situation", new="unsure", note="Summons")
    add_fact(person, 2, "country_change", concerns="group", group="religion", belong="yes")
    for index, (kind, fact, language, translation, form, received) in enumerate(DOCUMENTS):
        add_document(person, index, kind, fact=fact, language=language,
                     translation=translation, form=form, received=received)
    finish(person, lawyer="previous_declined")


def words(app, lang, message):
    with app.test_request_context(), force_locale(lang):
        return gettext(message)


def letters_only(text):
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) not in ("Mn", "Cf")
                   and unicodedata.category(c)[0] != "P")  # pdftotext moves punctuation in RTL text


def test_the_pdf_can_be_made_here():
    # scripts/test installs Pango and the Noto fonts; without them the
    # download is hidden, which would hide a broken install here.
    assert pdf.available()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_downloaded_pdf_holds_the_outcome_every_document_and_both_languages(
        app, person, tmp_path, lang):
    person.lang = lang
    full_check(person)
    checklist = person.get("checklist?lawyer=nl")
    assert 'href="/%s/checklist.pdf?lawyer=nl"' % lang in person.text()
    response = person.get("checklist.pdf?lawyer=nl")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert "attachment" in response.headers["Content-Disposition"]
    path = tmp_path / "checklist.pdf"
    path.write_bytes(response.data)

    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = letters_only(text)
    for language in (lang, "nl"):
        assert letters_only(words(app, language, v.label(v.OUTCOMES, "needs_preparation"))) in flat
        for kind, *_ in DOCUMENTS:
            label = words(app, language, v.label(v.DOCUMENT_KINDS, kind))
            # Word by word: a table cell wraps, and pdftotext may put the
            # next column between its lines.
            missing = [w for w in label.split() if letters_only(w) not in flat]
            assert not missing, (language, label, missing)
    assert re.search(r"\d{2}-\d{2}-\d{4}", text)

    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    assert "(A4)" in info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 1 <= pages <= 2, f"{pages} pages"
    assert checklist.status_code == 200


def test_no_pdf_download_at_the_kiosk(person, app):
    app.config["KIOSK"] = True
    full_check(person)
    assert "checklist.pdf" not in person.get("checklist?lawyer=nl").get_data(as_text=True)
    assert person.get("checklist.pdf?lawyer=nl").status_code == 404
