""""Who can help" (issue 13, item 5): the organisations a host lists in
CONTACTS_FILE are on the exit pages, the result and the checklist (also
its PDF); without the file only what the seeds say, never a number or an
address; a broken file refuses to start."""
import os
import re
import subprocess
import sys

import pytest

from app import create_app
from tests.conftest import TEST_SECRET
from tests.pages import Seen
from tests.servers import REPO, free_port
from tests.walkers import ROUTE_OK, Person, follow, walk_everything
from wizard import contacts, pdf, texts

SAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "contacts-sample.toml")
GUNICORN = os.path.join(os.path.dirname(sys.executable), "gunicorn")

# What the sample file says, written out here (not read from the file).
HELP_DESK = {
    "name": "EXAMPLE Refugee Help Desk",
    "helps_with": "Explains letters from the IND and helps you find a lawyer.",
    "phone": "+31 (0)00 000 0001",
    "address": ["Examplestraat 1", "0000 XX Exampletown"],
    "hours": "Monday to Friday, 9:00 to 17:00",
    "web": "https://help-desk.example.org/",
    "languages": "English, Arabic, Tigrinya",
}
LEGAL_OFFICE = {
    "name": "EXAMPLE Rechtshulpbureau",
    "helps_with": "Helpt je een advocaat te vinden als je er geen kunt betalen.",
    "phone": "+31 (0)00 000 0002",
    "web": "https://rechtshulp.example.nl/",
}
ORGANISATIONS = [HELP_DESK, LEGAL_OFFICE]
# A phone number: digits in groups, as any host would write one.
PHONE_NUMBER = re.compile(r"\+?\d[\d ()\-]{6,}\d")


def make_app(**config):
    return create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET,
                       "SESSION_COOKIE_SECURE": False, **config})


def exit_page(person):
    """The exit page of someone who is not in the Netherlands."""
    person.start()
    name, _usual = ROUTE_OK[0]
    person.answer(f"question/{name}", {"answer": "no"})
    return Seen(follow(person))


def result_and_checklist(person, lawyer="nl"):
    walk_everything(person)
    result = Seen(person.get("result"))
    checklist = Seen(person.get(f"checklist?lawyer={lawyer}"))
    assert result.status == checklist.status == 200
    return result, checklist


def who_can_help(page):
    section = page.first("section", "who-can-help")
    assert section is not None, "no 'Who can help' on the page"
    return section


def assert_shows_every_field(section, kiosk=False, heading="Who can help"):
    text = section.text
    assert heading in section.find_all("h2")[0].text
    for organisation in ORGANISATIONS:
        for field, value in organisation.items():
            for line in value if isinstance(value, list) else [value]:
                assert line in text, (field, line)
    webs = [a.attrs.get("href") for a in section.find_all("a")]
    if kiosk:
        assert webs == [], webs  # no link leaves the kiosk
    else:
        assert webs == [HELP_DESK["web"], LEGAL_OFFICE["web"]]


def the_sample_app(**config):
    return make_app(CONTACTS_FILE=SAMPLE, **config)


def test_the_sample_file_is_clearly_an_example():
    for organisation in contacts.read(SAMPLE):
        assert "EXAMPLE" in organisation.name
        assert organisation.phone is None or "000 000" in organisation.phone
        assert organisation.web is None or ".example." in organisation.web


def test_an_exit_page_shows_each_organisation_of_the_file():
    section = who_can_help(exit_page(Person(the_sample_app().test_client())))
    assert_shows_every_field(section)
    # The person's lawyer comes first, as always.
    assert texts.WHO_CAN_HELP[0] in section.find_all("li")[0].text


def test_the_result_and_the_checklist_show_each_organisation_of_the_file():
    result, checklist = result_and_checklist(Person(the_sample_app().test_client()))
    assert_shows_every_field(who_can_help(result))
    assert_shows_every_field(who_can_help(checklist))


def test_the_hosts_words_are_as_written_and_marked_with_a_language_only_when_given():
    app = the_sample_app()
    person = Person(app.test_client(), "ar")
    section = who_can_help(exit_page(person))
    names = {h3.text: h3.attrs.get("lang") for h3 in section.find_all("h3")}
    # Not translated into Arabic; lang only where the file says "nl".
    assert names == {HELP_DESK["name"]: None, LEGAL_OFFICE["name"]: "nl"}
    assert HELP_DESK["helps_with"] in section.text


def test_on_the_kiosk_the_web_addresses_are_text_not_links():
    app = the_sample_app(KIOSK=True)
    assert_shows_every_field(who_can_help(exit_page(Person(app.test_client()))), kiosk=True)
    result, checklist = result_and_checklist(Person(app.test_client()))
    assert_shows_every_field(who_can_help(result), kiosk=True)
    assert_shows_every_field(who_can_help(checklist), kiosk=True)


def test_the_checklist_in_two_languages_says_who_can_help_in_both():
    # An Arabic reader, a Dutch lawyer: ours in both, the host's words once.
    _result, checklist = result_and_checklist(Person(the_sample_app().test_client(), "ar"))
    section = who_can_help(checklist)
    heading = section.find_all("h2")[0]
    assert [span.attrs.get("lang") for span in heading.find_all("span", "line-lawyer")] == ["nl"]
    assert section.text.count(HELP_DESK["phone"]) == 1
    assert_shows_every_field(section, heading="Wie kan helpen")


def test_the_pdf_shows_the_organisations(tmp_path):
    if not pdf.available():
        pytest.fail("WeasyPrint cannot make PDFs here (tests/test_pdf.py says why)")
    person = Person(the_sample_app().test_client())
    walk_everything(person)
    person.get("checklist?lawyer=nl")
    response = person.get("checklist.pdf?lawyer=nl")
    assert response.status_code == 200
    path = tmp_path / "checklist.pdf"
    path.write_bytes(response.data)
    text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    for words in (HELP_DESK["name"], HELP_DESK["phone"], HELP_DESK["web"],
                  LEGAL_OFFICE["name"], LEGAL_OFFICE["phone"]):
        assert words in text, words


def test_operator_text_is_escaped(tmp_path):
    path = tmp_path / "contacts.toml"
    path.write_text('[[organisation]]\nname = "EXAMPLE <b>Desk</b> & Co"\n'
                    'helps_with = "<script>alert(1)</script>"\n', encoding="utf-8")
    person = Person(make_app(CONTACTS_FILE=str(path)).test_client())
    exit_page(person)
    html = person.text()
    assert "<script>alert(1)</script>" not in html and "<b>Desk</b>" not in html
    assert "EXAMPLE &lt;b&gt;Desk&lt;/b&gt; &amp; Co" in html


def test_the_file_is_read_once_when_the_app_starts(tmp_path):
    path = tmp_path / "contacts.toml"
    path.write_text('[[organisation]]\nname = "EXAMPLE First"\n', encoding="utf-8")
    app = make_app(CONTACTS_FILE=str(path))
    path.write_text('[[organisation]]\nname = "EXAMPLE Second"\n', encoding="utf-8")
    section = who_can_help(exit_page(Person(app.test_client())))
    assert "EXAMPLE First" in section.text and "EXAMPLE Second" not in section.text


# --- without the file: only what the seeds say ----------------------------------

def test_without_the_file_only_the_seeds_organisations_and_no_number_or_address():
    app = make_app()
    exit_section = who_can_help(exit_page(Person(app.test_client())))
    result, checklist = result_and_checklist(Person(app.test_client()))
    for section in (exit_section, who_can_help(result), who_can_help(checklist)):
        for name in ("VluchtelingenWerk Nederland", "Legal Aid Board (Raad voor Rechtsbijstand)"):
            assert name in section.text
        for line in texts.WHO_CAN_HELP:
            assert line in section.text
        assert not PHONE_NUMBER.search(section.text), section.text
        assert section.find_all("a") == [] and section.find_all("dl") == []


def test_without_the_file_the_environment_names_none(monkeypatch):
    monkeypatch.delenv("CONTACTS_FILE", raising=False)
    assert make_app().extensions["contacts"] == contacts.WITHOUT_A_FILE
    monkeypatch.setenv("CONTACTS_FILE", SAMPLE)
    assert [o.name for o in make_app().extensions["contacts"].organisations] == \
        [HELP_DESK["name"], LEGAL_OFFICE["name"]]


# --- a broken file refuses to start ---------------------------------------------

BROKEN = [
    ('[[organisation]]\nname = "EXAMPLE"\nphone = "+31\n', "is not valid TOML"),
    ('[[organisation]]\nhelps_with = "Letters"\n', "organisation 1 has no name"),
    ('[[organisation]]\nname = "EXAMPLE"\n[[organisation]]\nname = "  "\n',
     "organisation 2 has no name"),
    ('[[organisation]]\nname = "EXAMPLE"\nphone = 200000000\n', "phone must be text in quotes"),
    ('[[organisation]]\nname = "EXAMPLE"\nphon = "+31"\n', "unknown field 'phon'"),
    ('[[organisation]]\nname = "EXAMPLE"\nweb = "javascript:alert(1)"\n',
     "web must be an address starting with https://"),
    ('[[organisation]]\nname = "EXAMPLE"\nlang = "Dutch language"\n', "must be a language code"),
    ('[[organisation]]\nname = "EXAMPLE"\nlanguages = [1, 2]\n', "languages must be text"),
    ('name = "EXAMPLE"\n', "unknown key 'name' at the top"),
    ('# nothing yet\n', "lists no organisation"),
]


@pytest.mark.parametrize("content, problem", BROKEN, ids=[p for _, p in BROKEN])
def test_a_broken_file_refuses_to_start_and_says_which_and_why(tmp_path, content, problem):
    path = tmp_path / "contacts.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RuntimeError) as raised:
        make_app(CONTACTS_FILE=str(path))
    message = str(raised.value)
    assert message.startswith(f"CONTACTS_FILE {path}: ")
    assert problem in message
    assert "\n" not in message


def test_a_missing_file_or_one_that_is_not_utf8_refuses_to_start(tmp_path):
    with pytest.raises(RuntimeError, match="there is no such file"):
        make_app(CONTACTS_FILE=str(tmp_path / "nowhere.toml"))
    latin = tmp_path / "latin.toml"
    latin.write_bytes('[[organisation]]\nname = "Caf\u00e9"\n'.encode("latin-1"))
    with pytest.raises(RuntimeError, match="not UTF-8|not valid TOML"):
        make_app(CONTACTS_FILE=str(latin))


def test_the_production_command_with_a_broken_file_exits_and_says_why(tmp_path):
    path = tmp_path / "contacts.toml"
    path.write_text('[[organisation]]\nhelps_with = "Letters"\n', encoding="utf-8")
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("FLASK_DEBUG", "FLASK_RUN_FROM_CLI")}
    environment.update(SECRET_KEY="x" * 32, COOKIE_SECURE="0", CONTACTS_FILE=str(path))
    command = [GUNICORN, "-w", "1", "-b", f"127.0.0.1:{free_port()}", "app:create_app()"]
    finished = subprocess.run(command, cwd=REPO, env=environment, stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=60)
    output = (finished.stdout + finished.stderr).decode("utf-8", "replace")
    assert finished.returncode != 0
    assert f"CONTACTS_FILE {path}: organisation 1 has no name" in output


def test_the_readme_example_is_a_valid_file_and_clearly_an_example(tmp_path):
    readme = open(os.path.join(REPO, "README.md"), encoding="utf-8").read()
    section = readme[readme.index("## Who can help: the contacts file"):]
    example = re.search(r"```toml\n(.*?)```", section, re.S).group(1)
    path = tmp_path / "contacts.toml"
    path.write_text(example, encoding="utf-8")
    organisations = contacts.read(str(path))
    assert organisations and all(o.name.startswith("EXAMPLE") for o in organisations)
    assert all("000 000" in o.phone for o in organisations if o.phone)
