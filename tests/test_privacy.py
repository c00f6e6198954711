"""The server writes nothing of a person's answers anywhere (DESIGN.md §5).

A whole check through a real gunicorn (access log, error log at debug level
and the app's own logging all captured) with a unique marker in every
free-text field: each fact's note, each document's note, and a refused
note. Afterwards no marker may be found in the logs, in any address
requested (redirects included), in the state cookie, or in any file that
was written or changed under the repository, /tmp, /var/tmp or /dev/shm
while the check ran.
"""
import base64
import os
import secrets

import pytest

from tests.servers import REPO, Browser, gunicorn, path_of, scenario, whole_check
from wizard import pdf

WATCHED = [REPO, "/tmp", "/var/tmp", "/dev/shm"]
MAX_READ = 64 * 1024 * 1024


def snapshot(roots, skip):
    """Every regular file under `roots`: (mtime, size, inode)."""
    files = {}
    for root in roots:
        for folder, dirs, names in os.walk(root, onerror=lambda error: None):
            if any(folder == s or folder.startswith(s + os.sep) for s in skip):
                dirs[:] = []
                continue
            for name in names:
                path = os.path.join(folder, name)
                try:
                    stat = os.lstat(path)
                except OSError:
                    continue
                if os.path.isfile(path) and not os.path.islink(path):
                    files[path] = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
    return files


def written_since(before, after):
    return sorted(path for path, info in after.items() if before.get(path) != info)


def encodings(marker):
    """The marker as it could be written: plain, lower case, and the core of
    its base64 at each byte alignment."""
    forms = {marker.encode(), marker.lower().encode(), marker.encode("utf-16-le")}
    for shift in range(3):
        for encode in (base64.b64encode, base64.urlsafe_b64encode):
            encoded = encode(b"x" * shift + marker.encode())
            forms.add(encoded[4 if shift else 0:-4])
    return forms


@pytest.fixture
def markers():
    """A unique, harmless marker per free-text field."""
    return {field: f"Mrk{secrets.token_hex(6)}{field}" for field in
            ("fact1", "fact2", "fact3", "doc1", "doc2", "refused")}


def test_a_whole_check_leaves_no_trace_of_the_answers(tmp_path, markers):
    capture = tmp_path / "capture"
    capture.mkdir()
    skip = [str(tmp_path)]
    before = snapshot(WATCHED, skip)

    with gunicorn(capture, secret="privacy-test-secret", workers=2) as server:
        browser = Browser([server.url])
        answers = scenario((markers["fact1"], markers["fact2"], markers["fact3"]),
                           (markers["doc1"], markers["doc2"]))
        review = whole_check(browser, answers)
        # The notes are there for the person to see ...
        for field in ("fact1", "fact2", "fact3", "doc1", "doc2"):
            assert markers[field] in review.text, field

        # ... a refused note (a hidden direction character) is shown back, not logged ...
        # (the first fact's note is on its last page, "do you belong to the group?")
        note_page = "/en/list/facts/0/you_belong"
        browser.get(note_page)
        browser.post(note_page, {"answer": "yes", "note": markers["refused"] + "\u202e"})
        assert browser.page.status == 200
        assert markers["refused"] in browser.page.text
        # ... and one far too big to send.
        browser.get(note_page)
        browser.post(note_page, {"answer": "yes", "note": markers["refused"] * 2000})
        assert browser.page.status == 413

        result = browser.get("/en/result")
        assert result.status == 200
        checklist = browser.get("/en/checklist?lawyer=nl")
        assert checklist.status == 200
        assert markers["doc2"] in checklist.text
        if pdf.available():
            made = browser.get("/en/checklist.pdf?lawyer=nl")
            assert made.status == 200 and made.body.startswith(b"%PDF")

        cookie = browser.cookie()
        assert cookie

        browser.get("/en/erase")  # "Erase all your answers?"
        browser.post("/en/erase", {"confirm": "yes"})
        assert path_of(browser.page.location) == "/en/erased"
        assert browser.cookie() is None, "erasing left the state cookie"
        logs = server.logs()

    after = snapshot(WATCHED, skip)
    changed = written_since(before, after)

    assert "GET /en/review" in logs, "the access log was not captured"
    found = []
    for field, marker in markers.items():
        for form in encodings(marker):
            text = form.decode("latin-1")
            if text in logs:
                found.append(("log", field))
            if any(text in url for url in browser.urls):
                found.append(("url", field))
            if text in cookie:
                found.append(("cookie", field))
    for path in changed:
        try:
            if os.path.getsize(path) > MAX_READ:
                continue
            with open(path, "rb") as handle:
                content = handle.read()
        except OSError:
            continue
        for field, marker in markers.items():
            if any(form in content for form in encodings(marker)):
                found.append((path, field))
    assert not found, found
    # The check did request pages and post forms.
    assert len(browser.urls) > 50
