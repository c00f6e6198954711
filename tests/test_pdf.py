"""The checklist as a PDF made on the server (WeasyPrint): what a lawyer
gets when the person downloads it."""
import gc
import html as html_module
import io
import os
import re
import subprocess
import unicodedata

import pypdf
import pytest
from flask_babel import force_locale, gettext

from tests.walkers import Person, add_document, add_fact, finish, walk_to_facts, walk_to_reasons
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
    # The first document is the one of fact 1, "I have new documents" (asked inside it).
    kind, _fact, language, _translation, form, received = DOCUMENTS[0]
    add_fact(person, 0, "new_document", note="Party card", document={
        "kind": kind, "language": language, "form": form, "received": received})
    add_fact(person, 1, "personal_situation", new="unsure", note="Summons")
    add_fact(person, 2, "country_change", concerns="group", group="religion", belong="yes")
    person.answer("list/facts", {"add": "no"})
    for index, (kind, fact, language, translation, form, received) in enumerate(DOCUMENTS[1:], 1):
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
    # Six documents, three facts, every warning, the honest dates and the
    # provisional measure: at most three A4 pages (page numbers on each).
    assert 1 <= pages <= 3, f"{pages} pages"
    assert checklist.status_code == 200


def test_no_pdf_download_at_the_kiosk(person, app):
    app.config["KIOSK"] = True
    full_check(person)
    assert "checklist.pdf" not in person.get("checklist?lawyer=nl").get_data(as_text=True)
    assert person.get("checklist.pdf?lawyer=nl").status_code == 404


# --- only the app's own static files reach the PDF ---------------------------

STATIC = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "static")
HOSTNAME = open("/etc/hostname", encoding="utf-8").read().strip()
APP_PY_LINE = "def create_app("  # a line of app.py, one folder above static/

# Files outside static/, as the page would name them (review §24).
OUTSIDE = ["/static//etc/hostname", "/static/../app.py", "/static/%2e%2e/app.py",
           "/static/..%2fapp.py", "/static/%2fetc/hostname", "file:///etc/hostname",
           "http://example.org/static/style.css", "data:text/plain,not-ours"]


def page(head, body=""):
    return (f'<!doctype html><html lang="en"><head><title>Test</title>{head}</head>'
            f'<body><p>Visible text</p><p class="no-print">Screen only</p>{body}</body></html>')


def embedded_files(data):
    """The names of the files embedded in a PDF: attached to the document,
    or to a link (a FileAttachment annotation)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    names = list(reader.attachments)
    for each in reader.pages:
        for annotation in each.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/FileAttachment":
                names.append(str(annotation["/FS"].get_object().get("/UF")))
    return names


def pdf_text(data, tmp_path):
    path = tmp_path / "made.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.parametrize("href", OUTSIDE)
def test_the_fetcher_refuses_everything_but_the_apps_static_files(href):
    url = href if ":" in href else "http://localhost" + href
    assert pdf.static_file(url, STATIC) is None
    assert pdf.static_file("http://localhost/static/style.css?v=0123abcd", STATIC) == \
        os.path.realpath(os.path.join(STATIC, "style.css"))


def test_files_outside_static_are_never_attached_and_our_style_sheet_still_loads(tmp_path):
    links = "".join(f'<link rel="stylesheet" href="{href}"><link rel="attachment" href="{href}">'
                    for href in OUTSIDE)
    anchors = "".join(f'<a rel="attachment" href="{href}">file {number}</a>'
                      for number, href in enumerate(OUTSIDE))
    data = pdf.render(page('<link rel="stylesheet" href="/static/style.css">' + links +
                           '<link rel="attachment" href="/static/favicon.svg">', anchors), STATIC)

    # Only our own file is attached: this also shows that the test would see one.
    assert embedded_files(data) == ["favicon.svg"]
    text = pdf_text(data, tmp_path)
    assert "Visible text" in text
    assert "Screen only" not in text  # style.css hides .no-print in print: it was read
    assert HOSTNAME not in text.replace("Visible text", "") and APP_PY_LINE not in text


@pytest.mark.parametrize("href", [
    "/static/{outside}/leak.css",  # /static//tmp/...: an absolute name
    "/static/../leak.css", "/static/%2e%2e/leak.css", "/static/..%2fleak.css",
    "/static/link.css",  # a symbolic link inside static/ that leads out of it
    "file://{outside}/leak.css",
    "data:text/css,body::after{{content:'LEAKED'}}",
])
def test_a_style_sheet_from_outside_static_is_not_read(tmp_path, href):
    static = tmp_path / "static"
    static.mkdir()
    (static / "own.css").write_text('body::before { content: "OWN STYLE" }')
    (tmp_path / "leak.css").write_text('body::after { content: "LEAKED" }')
    (static / "link.css").symlink_to(tmp_path / "leak.css")
    href = href.format(outside=tmp_path)
    data = pdf.render(page('<link rel="stylesheet" href="/static/own.css">'
                           f'<link rel="stylesheet" href="{href}">'), str(static))
    text = pdf_text(data, tmp_path)
    assert "OWN STYLE" in text
    assert "LEAKED" not in text


# --- one PDF at a time per worker --------------------------------------------

def test_one_pdf_at_a_time_the_next_person_is_asked_to_come_back(app, person):
    full_check(person)
    with pdf.ONE_AT_A_TIME:  # as if someone else's PDF were being made
        for lang in ("en", "nl"):
            person.lang = lang
            response = person.get("checklist.pdf?lawyer=nl")
            assert response.status_code == 503, lang
            assert response.mimetype == "text/html"
            page_text = person.text()
            assert f'<html lang="{lang}"' in page_text
            # The app's own error page, with a way back and the language list.
            assert f'href="/{lang}/checklist?lawyer=nl"' in page_text
            assert html_module.escape(words(app, lang, "Go to the start")) in page_text
            assert html_module.escape(words(app, lang, "Choose your language")) in page_text
        person.lang = "en"
        person.get("checklist.pdf?lawyer=nl")
        english = person.text()
        assert "The checklist PDF is being made for someone else" in english
        assert "Try again in a moment. Your answers are kept." in english
        assert "Back to the checklist" in english

    response = person.get("checklist.pdf?lawyer=nl")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    assert not pdf.ONE_AT_A_TIME.locked()


def test_the_busy_answer_says_when_to_try_again():
    with pdf.ONE_AT_A_TIME, pytest.raises(pdf.Busy) as busy:
        pdf.render(page(""), STATIC)
    assert busy.value.code == 503
    assert ("Retry-After", str(pdf.RETRY_AFTER_S)) in busy.value.get_headers()
    assert 1 <= pdf.RETRY_AFTER_S <= 10


def test_the_busy_page_carries_retry_after(person):
    full_check(person)
    with pdf.ONE_AT_A_TIME:
        response = person.get("checklist.pdf?lawyer=nl")
    assert response.status_code == 503
    assert response.headers.get("Retry-After") == str(pdf.RETRY_AFTER_S)


def test_the_lock_is_freed_when_a_pdf_fails(monkeypatch):
    def fail(*_arguments):
        raise RuntimeError("layout failed")
    monkeypatch.setattr(pdf, "write_pdf", fail)
    with pytest.raises(RuntimeError):
        pdf.render(page(""), STATIC)
    assert not pdf.ONE_AT_A_TIME.locked()
    # The collector, paused while WeasyPrint works, runs again.
    assert gc.isenabled()


def test_the_worker_collects_what_a_pdf_left_once_it_is_sent(person):
    """The collector is paused while the PDF is made; after the download it
    must run, or every PDF would leave its tens of MB in the worker."""
    full_check(person)
    full_collections = []

    def count(phase, info):
        if phase == "stop" and info["generation"] == 2:
            full_collections.append(info["collected"])
    gc.callbacks.append(count)
    try:
        response = person.get("checklist.pdf?lawyer=nl")
        assert response.status_code == 200 and response.data.startswith(b"%PDF")
        full_collections.clear()
        response.close()  # what the WSGI server does once the bytes are sent
        assert full_collections and full_collections[0] > 1000, full_collections
        assert gc.isenabled()

        # A response nobody closed (a WSGI server always does): the next
        # request collects, and the collector is on again.
        response = person.get("checklist.pdf?lawyer=nl")
        assert response.status_code == 200
        full_collections.clear()
        assert person.get("checklist?lawyer=nl").status_code == 200
        assert full_collections and full_collections[0] > 1000, full_collections
        assert gc.isenabled()
    finally:
        gc.callbacks.remove(count)


# --- a PDF a screen reader can read ------------------------------------------

def structure_text(path):
    """The text of a tagged PDF in the order of its structure tree: the
    order in which a screen reader reads it."""
    tree = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True,
                          text=True, check=True).stdout
    return "".join(re.findall(r'^\s*"(.*)"$', tree, re.M))


def test_the_pdf_is_tagged_with_its_language_and_title(app, person, tmp_path):
    person.lang = "ar"
    full_check(person)
    title = html_module.unescape(re.search(r"<title>(.*?)</title>",
                                           person.get("checklist?lawyer=nl").get_data(
                                               as_text=True), re.S).group(1)).strip()
    data = person.get("checklist.pdf?lawyer=nl").data
    path = tmp_path / "checklist.pdf"
    path.write_bytes(data)

    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M), info
    catalog = pypdf.PdfReader(io.BytesIO(data)).trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"].value is True  # pypdf: bool(False object) is True
    assert catalog["/StructTreeRoot"]["/K"]
    assert catalog["/Lang"] == "ar"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert pypdf.PdfReader(io.BytesIO(data)).metadata.title == title

    # In reading order: the heading, the outcome, then the documents as
    # entered (the lawyer's Dutch half: left to right, so no bidi reordering).
    flat = letters_only(structure_text(path))
    in_order = [words(app, "nl", "Checklist for your lawyer"),
                words(app, "nl", v.label(v.OUTCOMES, "needs_preparation"))] + [
        words(app, "nl", v.label(v.DOCUMENT_KINDS, kind)) for kind, *_ in DOCUMENTS]
    places = [flat.find(letters_only(text)) for text in in_order]
    assert -1 not in places, list(zip(in_order, places))
    assert places == sorted(places), list(zip(in_order, places))


# --- fonts and directions ----------------------------------------------------

def pdf_fonts(path):
    """The names of the fonts a PDF embeds (pdffonts), without their subset tags."""
    table = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    return {line.split()[0].split("+", 1)[-1] for line in table}


@pytest.mark.parametrize("lang, script_font", [
    ("en", None), ("ar", "Noto-Naskh-Arabic"), ("am", "Noto-Sans-Ethiopic")])
def test_every_line_of_the_pdf_page_numbers_too_is_in_the_noto_fonts(
        person, tmp_path, lang, script_font):
    # The page numbers were in a serif font of their own (a margin box
    # inherits no font): a third font in every PDF, and an odd look.
    person.lang = lang
    full_check(person)
    path = tmp_path / "checklist.pdf"
    path.write_bytes(person.get("checklist.pdf?lawyer=nl").data)
    fonts = pdf_fonts(path)
    expected = {"Noto-Sans", "Noto-Sans-Bold"}
    if script_font:
        expected |= {script_font, script_font + "-Bold"}
    assert fonts == expected, fonts
    assert re.search(r"\b1 ?/ ?\d\b", pdf_text(path.read_bytes(), tmp_path))  # its number


def test_a_pdf_made_after_another_persons_holds_nothing_of_theirs(app, tmp_path):
    # The worker keeps one font configuration for every PDF (wizard/pdf.py):
    # fonts and line sizes, never a page's text.
    first = Person(app.test_client(), "ar")
    full_check(first)
    first_pdf = first.get("checklist.pdf?lawyer=nl").data
    second = Person(app.test_client(), "en")
    walk_to_facts(second)
    add_fact(second, 0, "personal_situation", note="Letter from my sister")
    finish(second)
    second_pdf = second.get("checklist.pdf?lawyer=nl").data

    path = tmp_path / "second.pdf"
    path.write_bytes(second_pdf)
    text = pdf_text(second_pdf, tmp_path)
    assert "Letter from my sister" in text
    for note in ("Party card", "Summons"):  # the first person's notes
        assert note in pdf_text(first_pdf, tmp_path)
        assert note not in text
    # No Arabic font carried over from the first PDF: English and Dutch only.
    assert pdf_fonts(path) == {"Noto-Sans", "Noto-Sans-Bold"}
    # The first person's PDF, made again, reads as it did.
    assert pdf_text(first.get("checklist.pdf?lawyer=nl").data, tmp_path) == \
        pdf_text(first_pdf, tmp_path)


def visual_lines(path):
    """Each line of a PDF's first page as its words stand, left to right."""
    xml = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
                         capture_output=True, text=True, check=True).stdout
    words = sorted((float(y), float(x), html_module.unescape(word)) for x, y, word in re.findall(
        r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', xml))
    lines = []  # [(bottom, [(x, word)])]: words of two fonts differ in height, not by 2 pt
    for bottom, x, word in words:
        if lines and bottom - lines[-1][0] < 2:
            lines[-1][1].append((x, word))
        else:
            lines.append((bottom, [(x, word)]))
    return [" ".join(word for _x, word in sorted(line)) for _bottom, line in lines]


def test_an_arabic_note_on_an_english_checklist_reads_right_to_left_in_the_pdf(
        person, tmp_path):
    # The note is isolated (<bdi>, in the PDF Unicode's FSI ... PDI): its
    # closing "!" stands at its left end, where a reader of Arabic looks
    # for it, not after the Arabic word as the English line would put it.
    note = "شكرا 123!"
    walk_to_facts(person)
    add_fact(person, 0, "personal_situation", note=note)
    finish(person)
    path = tmp_path / "checklist.pdf"
    path.write_bytes(person.get("checklist.pdf?lawyer=nl").data)
    line = next((line for line in visual_lines(path) if "123" in line), None)
    assert line is not None, visual_lines(path)
    word = "شكرا"[::-1]  # pdftotext gives the letters as they stand, left to right
    assert "!" in line and word in line, line
    assert line.find("!") < line.find("123") < line.find(word), line


def test_plain_bdi_elements_become_unicode_isolates_for_weasyprint():
    assert pdf.with_isolates('<p>Days: <bdi>4</bdi>, date: <bdi dir="ltr">07-12-2026</bdi>, '
                             '<bdi dir="rtl">x</bdi></p>') == \
        "<p>Days: \u20684\u2069, date: \u206607-12-2026\u2069, \u2067x\u2069</p>"
    # Nested, and inside an element that stays one (its lang is needed).
    assert pdf.with_isolates('<bdi lang="nl">a <bdi>b <bdi>c</bdi></bdi></bdi>') == \
        '<bdi lang="nl">a \u2068b \u2068c\u2069\u2069</bdi>'
    # A person's text is escaped before this: never an element.
    assert pdf.with_isolates("&lt;bdi&gt;note&lt;/bdi&gt;") == "&lt;bdi&gt;note&lt;/bdi&gt;"
