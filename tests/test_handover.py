"""The hand-over file (issue 15, items 2 and 3; README "The hand-over file"):
the checklist PDF carries the answers as answers.json, the person continues
from it on the start page, and a wrong file is refused in their language.

Every scenario of tests/scenarios/ goes the whole way: its answers are in
the state, the app makes the checklist PDF, a new person uploads it and
lands on "Check your answers" with the same answers, and the result shows
the scenario's outcome. Answers with which the app makes no checklist (the
route ends early, or a page is still to answer) go up as answers.json.
"""
import copy
import functools
import io
import json
import logging
import pathlib
import time
import zlib

import pypdf
import pytest

from app import create_app
from tests.conftest import TEST_SECRET
from tests.pages import Seen, path_of, words_in
from tests.walkers import Person, finish, walk_to_facts, walk_to_reasons
from wizard import flow, handover, rules, session_answers
from wizard import vocabulary as v
from wizard.answers import normalise
from wizard.state import StateTooLarge

SCENARIOS = sorted((pathlib.Path(__file__).parent / "scenarios").glob("*.json"))
CONFIG = {"TESTING": True, "SECRET_KEY": TEST_SECRET, "SESSION_COOKIE_SECURE": False}


def scenario(path):
    return json.loads(path.read_text(encoding="utf-8"))


def state_answers(raw):
    """The answers as the pages would have kept them."""
    return flow.prune(handover.for_session(normalise(copy.deepcopy(raw))))


@pytest.fixture(scope="module")
def shared_app():
    """One app for all the PDFs: WeasyPrint's fonts are set up once."""
    return create_app(CONFIG)


def checklist_pdf(app, answers, lang="en"):
    """The checklist PDF the app makes for these answers, or None where it
    makes none (the route ended early, or a page is still to answer)."""
    client = app.test_client()
    with client.session_transaction() as session:
        session["answers"] = state_answers(answers)
        session["confirmed"] = sorted(flow.LISTS)
    # The lawyer reads the person's language: one language, a faster PDF.
    response = client.get(f"/{lang}/checklist.pdf?lawyer={lang}")
    if response.status_code == 302:
        return None
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    return response.data


def upload(client, data, lang="en", filename="checklist.pdf", follow=False):
    """Open the start page and send `data` with its form, as a browser would."""
    person = Person(client, lang)
    person.get("")
    form = {"csrf_token": person.token()}
    if data is not None:
        form["file"] = (io.BytesIO(data), filename)
    return client.post(f"/{lang}/continue", data=form, content_type="multipart/form-data",
                       follow_redirects=follow)


def kept_answers(client):
    with client.session_transaction() as session:
        return session.get("answers")


# --- every scenario round-trips ----------------------------------------------------

@pytest.mark.parametrize("path", SCENARIOS, ids=[path.stem for path in SCENARIOS])
def test_every_scenario_comes_back_from_its_checklist_pdf(shared_app, path):
    case = scenario(path)
    expected = case["expected"]
    data = checklist_pdf(shared_app, case["answers"])
    filename = "checklist.pdf"
    if data is None:
        data, filename = handover.dumps(case["answers"]), "answers.json"
    else:
        attached = pypdf.PdfReader(io.BytesIO(data)).attachments[handover.FILENAME]
        document = json.loads(attached[0])
        assert document["outcome"] == expected["outcome"]
        assert document["tests"] == expected["tests"]
        assert set(document["flags"]) == set(expected["flags"])

    client = shared_app.test_client()
    response = upload(client, data, filename=filename)
    assert response.status_code == 302, Seen(response).field_errors()
    answers = kept_answers(client)
    # Every answer is back, as the pages had kept it.
    assert answers == state_answers(case["answers"])
    result = rules.assess(answers)
    assert result == rules.assess(case["answers"])
    assert result["outcome"] == expected["outcome"]
    assert result["tests"] == expected["tests"]
    assert set(result["flags"]) == set(expected["flags"])

    walk = flow.Walk(answers, flow.LISTS)
    if filename == "answers.json":
        assert path_of(response.headers["Location"]).startswith("/en/")
        assert walk.missing is not None  # the app makes no checklist for these
        return
    assert path_of(response.headers["Location"]) == "/en/review"
    review = client.get("/en/review")
    assert review.status_code == 200
    assert Seen(review).review_rows()
    page = Seen(client.get("/en/result"))
    assert page.status == 200
    assert page.shows(words_in(shared_app, "en", v.label(v.OUTCOMES, expected["outcome"])))


def test_the_attachment_is_the_documented_json(shared_app):
    case = scenario(pathlib.Path(__file__).parent / "scenarios" / "full_case_ready_for_lawyer.json")
    reader = pypdf.PdfReader(io.BytesIO(checklist_pdf(shared_app, case["answers"], "ar")))
    (embedded,) = [item for item in reader.attachment_list if item.name == "answers.json"]
    assert embedded.subtype == "/application/json"
    document = json.loads(embedded.content.decode("utf-8"))
    assert list(document) == list(handover.KEYS)
    assert document["app"] == "New Facts Check"
    assert document["format_version"] == 1
    assert document["answers"] == normalise(state_answers(case["answers"]))
    assert set(document["answers"]) == set(normalise({}))  # every key of the contract


# --- the pages ------------------------------------------------------------------------

def test_the_start_page_offers_to_continue_from_the_pdf(client):
    page = Seen(client.get("/en/"))
    assert page.shows("Continue from your checklist PDF")
    assert page.shows("the only way to keep them")
    form = [f for f in page.all("form") if f.attrs.get("action") == "/en/continue"]
    assert form and form[0].attrs.get("enctype") == "multipart/form-data"
    assert [i for i in form[0].find_all("input") if i.attrs.get("type") == "file"]


def test_save_to_continue_later_on_review_and_result_downloads_the_pdf(client, person):
    walk_to_facts(person)
    finish(person)
    for address in ("review", "result"):
        page = Seen(person.get(address))
        assert page.link("Save to continue later") == "/en/checklist.pdf"
    pdf = client.get("/en/checklist.pdf").data
    answers = kept_answers(client)
    # A new person continues from it: the same answers.
    other = create_app(CONFIG).test_client()
    response = upload(other, pdf)
    assert path_of(response.headers["Location"]) == "/en/review"
    assert kept_answers(other) == answers


def test_a_kiosk_offers_neither_and_has_no_upload(person):
    kiosk = create_app({**CONFIG, "KIOSK": True}).test_client()
    assert "/continue" not in kiosk.get("/en/").get_data(as_text=True)
    assert kiosk.get("/en/continue").status_code == 404
    person.client = kiosk
    token = Person(kiosk).token(kiosk.get("/en/").get_data(as_text=True))
    response = kiosk.post("/en/continue", data={"csrf_token": token, "file": (
        io.BytesIO(handover.dumps({"in_netherlands": "yes"})), "answers.json")},
        content_type="multipart/form-data")
    assert response.status_code == 404
    assert kept_answers(kiosk) is None
    walk_to_facts(person)
    finish(person)
    for address in ("review", "result"):
        assert not Seen(person.get(address)).shows("Save to continue later")


def test_an_upload_replaces_the_answers_of_before(client, person):
    walk_to_reasons(person, removal="flight_booked", days=3)
    response = upload(client, handover.dumps(
        scenario(pathlib.Path(__file__).parent / "scenarios" / "war_breaks_out_everyone.json")["answers"]),
        filename="answers.json")
    assert response.status_code == 302
    assert kept_answers(client).get("removal") != "flight_booked"


# --- hostile files ----------------------------------------------------------------------

def tiny_pdf(content=None, name="answers.json", flate=False, declared=None, stream=None):
    """A small PDF written by hand, with `content` as an embedded file
    (Flate-compressed with `flate`; `stream`: these bytes as they are)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R%s >>" % (
        b" /Names << /EmbeddedFiles 4 0 R >>" if content is not None else b""),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
    if content is not None:
        if stream is None:
            stream = zlib.compress(content) if flate else content
        objects += [
            b"<< /Names [(%s) 5 0 R] >>" % name.encode(),
            b"<< /Type /Filespec /F (%s) /UF (%s) /EF << /F 6 0 R >> >>" % (
                name.encode(), name.encode()),
            b"<< /Type /EmbeddedFile /Subtype /application#2fjson /Length %d%s "
            b"/Params << /Size %d >> >>\nstream\n" % (
                len(stream), b" /Filter /FlateDecode" if flate else b"",
                declared if declared is not None else len(content)) + stream + b"\nendstream"]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


@functools.lru_cache(maxsize=None)
def zip_bomb_pdf(megabytes=300):
    """An attachment of about 300 KB, which says it is 2 KB, and is a valid
    zlib stream of `megabytes` MB of zeros. Made quickly: after a full flush
    each megabyte of zeros deflates to the same block."""
    chunk = b"\0" * (1024 * 1024)
    deflater = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = deflater.compress(chunk) + deflater.flush(zlib.Z_FULL_FLUSH)
    checksum = 1
    for _ in range(megabytes):
        checksum = zlib.adler32(chunk, checksum)
    stream = (b"\x78\xda" + block * megabytes + deflater.flush()
              + checksum.to_bytes(4, "big"))
    return tiny_pdf(b"", flate=True, declared=2048, stream=stream)


def good_document(**changes):
    document = handover.build(scenario(SCENARIOS[0])["answers"])
    document.update(changes)
    return document


def encoded(document):
    return json.dumps(document).encode()


@functools.lru_cache(maxsize=None)
def tampered_app_pdf(shared_app):
    case = scenario(pathlib.Path(__file__).parent / "scenarios" / "full_case_ready_for_lawyer.json")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(checklist_pdf(shared_app, case["answers"])))
    (embedded,) = [item for item in writer.attachment_list if item.name == "answers.json"]
    document = json.loads(embedded.content)
    document["answers"]["facts"][0]["kind"] = "secret_police_file"  # not in the contract
    document["answers"]["facts"][0]["note"] = "NOTE-NEVER-LOGGED"
    embedded.content = json.dumps(document).encode()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


HOSTILE = {
    "not_a_pdf": (lambda app: b"Hello, this is a letter.\n" * 20, "unreadable", 400),
    "an_image": (lambda app: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "unreadable", 400),
    "a_broken_pdf": (lambda app: b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "unreadable", 400),
    "a_pdf_without_the_attachment": (lambda app: tiny_pdf(), "no_answers", 400),
    "a_pdf_with_another_file": (lambda app: tiny_pdf(b"hello", name="invoice.txt"), "no_answers", 400),
    "a_huge_attachment": (lambda app: tiny_pdf(b"{" + b" " * 300_000 + b"}"), "too_large", 413),
    "a_zip_bomb": (lambda app: zip_bomb_pdf(), "too_large", 413),
    "a_damaged_attachment": (lambda app: tiny_pdf(b"{}", flate=True, stream=b"\x78\x9c garbage"),
                             "unreadable", 400),
    "invalid_json_in_the_pdf": (lambda app: tiny_pdf(b'{"app": "New Facts Check", '), "invalid", 400),
    "unknown_keys_in_the_answers": (lambda app: tiny_pdf(encoded(good_document(
        answers={**good_document()["answers"], "name": "A. Person"}))), "invalid", 400),
    "an_unknown_key_beside_them": (lambda app: tiny_pdf(encoded(good_document(
        v_number="1234567890"))), "invalid", 400),
    "a_key_given_twice": (lambda app: tiny_pdf(encoded(good_document())[:-1] + b', "app": "x"}'),
                          "invalid", 400),
    "another_apps_json": (lambda app: tiny_pdf(encoded({"app": "Other", "answers": {}})),
                          "no_answers", 400),
    "a_newer_format": (lambda app: tiny_pdf(encoded(good_document(format_version=2))),
                       "invalid", 400),
    "a_tampered_app_pdf": (tampered_app_pdf, "invalid", 400),
    "bare_invalid_json": (lambda app: b'{"app": "New Facts Check", "answers": {"in_netherlands": '
                          b'"perhaps"}, "format_version": 1}', "invalid", 400),
    "an_empty_file": (lambda app: b"", "no_file", 400),
}


@pytest.mark.parametrize("name", HOSTILE)
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_wrong_file_is_refused_clearly_in_the_persons_language(
        shared_app, name, lang, caplog):
    make, reason, status = HOSTILE[name]
    data = make(shared_app)
    client = shared_app.test_client()
    started = time.monotonic()
    with caplog.at_level(logging.DEBUG):
        response = upload(client, data, lang=lang)
    assert time.monotonic() - started < 2
    assert response.status_code == status
    page = Seen(response)
    assert page.html_lang == lang
    message = words_in(shared_app, lang, handover.REASONS[reason][0])
    assert message in page.error_summary()
    assert message in page.field_errors()[0]
    assert page.title.startswith(words_in(shared_app, lang, "Error:"))
    # The form is there again, to choose another file.
    assert [f for f in page.all("form") if f.attrs.get("action") == f"/{lang}/continue"]
    assert kept_answers(client) is None
    assert "NOTE-NEVER-LOGGED" not in caplog.text
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]


def test_no_file_chosen(shared_app):
    response = upload(shared_app.test_client(), None)
    assert response.status_code == 400
    assert words_in(shared_app, "en", handover.REASONS["no_file"][0]) in Seen(response).error_summary()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_file_over_the_upload_limit_gets_a_friendly_page(shared_app, lang):
    client = shared_app.test_client()
    response = upload(client, b"%PDF-1.7\n" + b"0" * (handover.MAX_UPLOAD_BYTES + 64 * 1024), lang)
    assert response.status_code == 413
    page = Seen(response)
    assert page.html_lang == lang
    assert words_in(shared_app, lang, handover.REASONS["too_large"][0]) in page.error_summary()


def test_the_general_form_limit_still_holds_elsewhere(shared_app):
    person = Person(shared_app.test_client())
    person.get("")
    response = person.client.post("/en/begin", data={"csrf_token": person.token(),
                                                     "x": "y" * (64 * 1024)})
    assert response.status_code == 413


def test_without_the_csrf_token_nothing_is_read(shared_app):
    client = shared_app.test_client()
    response = client.post("/en/continue", data={"file": (io.BytesIO(encoded(good_document())),
                                                          "answers.json")},
                           content_type="multipart/form-data")
    assert response.status_code == 400
    assert kept_answers(client) is None


def test_answers_too_large_for_the_state_are_refused(shared_app, monkeypatch):
    def too_large(*args):
        raise StateTooLarge()
    monkeypatch.setattr(session_answers, "check_fits", too_large)
    response = upload(shared_app.test_client(), encoded(good_document()), filename="answers.json")
    assert response.status_code == 400
    assert words_in(shared_app, "en", handover.REASONS["invalid"][0]) in Seen(response).error_summary()


def test_a_zip_bomb_is_refused_without_inflating_it():
    # Read directly: the cap stops the inflating at 64 KB, so this is quick.
    data = zip_bomb_pdf()
    assert len(data) < handover.MAX_UPLOAD_BYTES
    started = time.monotonic()
    with pytest.raises(handover.Refused) as refused:
        handover.read(data)
    assert refused.value.reason == "too_large"
    assert time.monotonic() - started < 0.5
