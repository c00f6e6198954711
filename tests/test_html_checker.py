"""Every kind of page passes the W3C HTML checker (the Nu Html Checker,
vnu.jar), run here offline, never the online service (issue 13, item 9).

The pages come from the Flask test client: a walk in English, one in
Arabic (right to left) and one on the kiosk (its meta refresh), each up to
the checklist, with the detours to the pages the walk does not pass (an
error, a removal, an exit, the error pages, erasing). All the files are
checked by one run of the checker: one Java start, which is the slow part.

scripts/test installs the checker (npm's vnu-jar, pinned, into .venv/vnu)
and Java (Debian's default-jre-headless). Without them the test is skipped
on a developer's machine, and fails under CI=true.
"""
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from app import create_app
from tests.conftest import TEST_SECRET
from tests.pages import path_of
from tests.walkers import Person, add_document, add_fact, finish, walk_to_facts

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = Path(os.environ.get("VNU_JAR")
               or ROOT / ".venv" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar")
IN_CI = os.environ.get("CI") == "true"

# The page kinds each walk must have met (the list).
KINDS = {
    "languages", "start", "radio", "checkboxes", "number", "text", "error",
    "list-empty", "list-items", "item", "remove", "review", "result",
    "checklist", "checklist-one-language", "exit", "sources", "404",
    "expired", "erase",
}
# Not on the kiosk: "Erase my answers" goes to the language choice there.
KINDS_OUTSIDE_THE_KIOSK = {"erased"}


def checker():
    """The command that runs vnu.jar, or a skip (a failure in CI) saying what is missing."""
    java = shutil.which("java")
    missing = [what for what, there in (("java (default-jre-headless)", java),
                                        (f"vnu.jar at {VNU_JAR}", VNU_JAR.is_file())) if not there]
    if missing:
        message = f"the HTML checker needs {', '.join(missing)}: run scripts/test to install them"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return [java, "-jar", str(VNU_JAR)]


class Recorder(Person):
    """A person (tests/walkers.py) who keeps each page seen, by its address,
    and notes which kinds of page it was."""

    def __init__(self, client, lang):
        super().__init__(client, lang)
        self.pages = {}   # name -> html
        self.kinds = {}   # kind -> name

    def get(self, path, **kwargs):
        response = super().get(path, **kwargs)
        if response.status_code == 200 and response.mimetype == "text/html":
            self.keep(page_kinds(response.request.path, self.text()), response)
        return response

    def keep(self, kinds, response, status=200):
        assert response.status_code == status, (kinds, response.status_code)
        assert response.mimetype == "text/html", (kinds, response.mimetype)
        name = response.request.full_path.strip("/?").replace("/", "_").replace("?", "_") or "root"
        self.pages[name] = response.get_data(as_text=True)
        for kind in kinds:
            self.kinds.setdefault(kind, name)
        return response


def page_kinds(path, html):
    """The kinds a page is of, from its address and its form."""
    parts = path.strip("/").split("/")[1:]
    if not parts:
        return ["start"]
    if parts[0] == "list":
        if len(parts) == 2:
            return ["list-items" if "/remove" in html else "list-empty"]
        return ["remove"] if parts[-1] == "remove" else ["item"] + page_kinds("/x/question", html)[1:]
    if parts[0] == "question":
        kinds = ["question"]
        if 'type="checkbox"' in html:
            kinds.append("checkboxes")
        if 'type="radio"' in html:
            kinds.append("radio")
        if "number-input" in html:  # a number (on the kiosk with its keypad)
            kinds.append("number")
        if re.search(r'<input(?![^>]*number-input)[^>]*type="text"|<textarea', html):
            kinds.append("text")
        return kinds
    return [parts[0]]


def walk_every_page_kind(lang, kiosk=False):
    """The pages of one person's whole walk, and its detours."""
    app = create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET, "SESSION_COOKIE_SECURE": False,
                      "KIOSK": kiosk})
    client = app.test_client()
    person = Recorder(client, lang)
    person.keep(["languages"], client.get("/"))
    walk_to_facts(person, removal="flight_booked", days=3, reasons=("political", "religion"))
    add_fact(person, 0, "new_document", note="Party card, arrived in March")
    add_fact(person, 1, "country_change", concerns="group", group="religion", belong="yes")
    add_document(person, 1, "court_or_arrest_document", fact="1", language="other",
                 translation="none", form="photo", received="courier")
    finish(person, lawyer="previous_declined")
    person.get("review")
    for path in ("list/facts", "list/facts/0/remove", "result", "sources", "glossary"):
        person.get(path)
    person.keep(["checklist"], person.get("checklist?lawyer=" + ("en" if lang == "nl" else "nl")))
    person.keep(["checklist-one-language"], person.get(
        "checklist?lawyer=" + (lang if lang in ("nl", "en") else "en")))
    person.keep(["404"], person.get("no-such-page"), 404)

    # An answer left out: the page again, with its errors.
    person.get("question/in_netherlands")
    person.keep(["error"], person.post_form(person.url("question/in_netherlands"), {}))
    # A post without its token: "Your answers have expired".
    person.keep(["expired"], client.post(person.url("question/in_netherlands"),
                                         data={"answer": "yes"}), 400)
    # Not in the Netherlands: an exit page.
    other = Recorder(create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET,
                                 "SESSION_COOKIE_SECURE": False, "KIOSK": kiosk}).test_client(), lang)
    other.start()
    other.answer("question/in_netherlands", {"answer": "no"})
    assert path_of(other.location()).endswith("/exit"), other.location()
    person.keep(["exit"], other.get("exit"))

    person.get("erase")
    erased = person.post_form(person.url("erase"), {"confirm": "yes"})
    assert erased.status_code in (302, 303), erased.status_code
    person.get(path_of(erased.headers["Location"]))
    return person


def problems(report, name):
    """The checker's errors about the file `name`."""
    return [f"{name}:{message.get('lastLine')}: {message.get('message')} "
            f"[{message.get('extract', '').strip()[:160]}]"
            for message in report["messages"]
            if Path(message.get("url", "")).name == name
            and (message.get("type") == "error" or message.get("subType") == "fatal")]


# A page with a mistake: the checker must find it, or the test could not fail.
BROKEN = ('<!doctype html><html lang="en"><head><title>Broken</title></head>'
          '<body><p><div>A block in a paragraph</div></p></body></html>')


def test_every_kind_of_page_passes_the_w3c_html_checker(tmp_path):
    command = checker()
    walks = {"en": walk_every_page_kind("en"), "ar": walk_every_page_kind("ar"),
             "en-kiosk": walk_every_page_kind("en", kiosk=True)}
    for name, walk in walks.items():
        wanted = KINDS | (set() if "kiosk" in name else KINDS_OUTSIDE_THE_KIOSK)
        assert wanted <= set(walk.kinds), (name, sorted(wanted - set(walk.kinds)))
    # The kiosk's pages wipe themselves without JavaScript: a meta refresh, checked too.
    kiosk = walks["en-kiosk"]
    assert '<meta http-equiv="refresh"' in kiosk.pages[kiosk.kinds["radio"]]
    assert 'dir="rtl"' in walks["ar"].pages[walks["ar"].kinds["checklist"]]

    names = []
    for name, walk in walks.items():
        for page, html in walk.pages.items():
            names.append(f"{name}-{page}.html")
            (tmp_path / names[-1]).write_text(html, encoding="utf-8")
    (tmp_path / "broken.html").write_text(BROKEN, encoding="utf-8")
    # One run over all the files: one Java start.
    run = subprocess.run(command + ["--errors-only", "--format", "json", "--stdout",
                                    "--exit-zero-always",
                                    *(str(tmp_path / name) for name in names + ["broken.html"])],
                         capture_output=True, text=True, timeout=300)
    assert run.stdout.startswith("{"), (run.returncode, run.stdout[-2000:], run.stderr[-2000:])
    report = json.loads(run.stdout)
    assert problems(report, "broken.html"), report
    found = [problem for name in names for problem in problems(report, name)]
    assert not found, f"{len(found)} errors in {len(names)} pages:\n" + "\n".join(found)
