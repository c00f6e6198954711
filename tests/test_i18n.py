"""Every language offered is complete, and each page speaks it.

A catalog with a gap, a lost placeholder or an untranslated message fails
here, with a list of what is missing (DESIGN.md §6).
"""
import re
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po
from flask import g
from flask_babel import force_locale, gettext, ngettext, refresh

from wizard.i18n import negotiate_language, template_gettext
from tests.walkers import Person, add_document, add_fact, finish, walk_to_reasons
from wizard import catalogs, languages
from wizard import vocabulary as v

OFFERED = [language.code for language in languages.LANGUAGES]
TRANSLATED = [code for code in OFFERED if code != "en"]
RTL = {"ar", "fa", "fa_AF", "ps", "ckb", "ur"}


def test_eighteen_languages_are_offered_each_under_its_own_name():
    assert len(OFFERED) == 18
    names = {language.code: language.name for language in languages.LANGUAGES}
    assert names["fa_AF"] == "دری" and names["ku"] == "Kurmancî" and names["ti"] == "ትግርኛ"
    assert {code for code in OFFERED if languages.get(code).direction == "rtl"} == RTL


def test_the_message_template_holds_every_message_in_the_code(tmp_path):
    """A message added to the code but not extracted fails here, listed."""
    fresh = tmp_path / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract",
                    "-F", "babel.cfg", "-k", "N_", "-k", "lazy_gettext", "-k", "T",
                    "--no-location", "-o", str(fresh), "."], check=True,
                   cwd=catalogs.ROOT, capture_output=True)
    with open(fresh, "rb") as handle:
        in_code = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    missing = sorted(in_code - catalogs.template_ids())
    assert not missing, "extract and update the catalogs; new messages: %s" % missing


@pytest.mark.parametrize("code", TRANSLATED)
def test_each_catalog_is_complete_and_keeps_placeholders(code):
    problems = catalogs.problems(code)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("code", TRANSLATED)
def test_each_catalog_compiles(code, tmp_path):
    result = subprocess.run([sys.executable, "-m", "babel.messages.frontend", "compile",
                             "-d", str(catalogs.TRANSLATIONS), "-l", code,
                             "-o", str(tmp_path / "messages.mo")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_gap_in_a_catalog_is_caught(tmp_path, monkeypatch):
    """The check itself works: blank one message and a placeholder, see both listed."""
    source = catalogs.TRANSLATIONS / "nl" / "LC_MESSAGES" / "messages.po"
    text = source.read_text(encoding="utf-8")
    text = text.replace('msgstr "Terug"', 'msgstr ""')
    text = re.sub(r'(msgid "Fact %\(number\)s"\nmsgstr ")[^"]*(")', r"\1Feit\2", text)
    broken = tmp_path / "nl" / "LC_MESSAGES"
    broken.mkdir(parents=True)
    (broken / "messages.po").write_text(text, encoding="utf-8")
    monkeypatch.setattr(catalogs, "TRANSLATIONS", tmp_path)
    problems = "\n".join(catalogs.problems("nl"))
    assert "not translated: 'Back'" in problems
    assert "placeholders differ in 'Fact %(number)s'" in problems


@pytest.mark.parametrize("header, expected", [
    ("ti-ER", "ti"), ("so-SO", "so"), ("prs", "fa_AF"), ("prs-AF", "fa_AF"), ("kmr", "ku"),
    ("fa-AF", "fa_AF"), ("fa-IR", "fa"), ("ar-SY", "ar"), ("ckb-IQ", "ckb"), ("am-ET", "am"),
    ("de-DE,nl;q=0.5", "nl"), ("de-DE", "en"), ("", "en"), ("*", "en"),
])
def test_the_browser_language_is_matched(header, expected):
    assert negotiate_language(header) == expected


def test_the_language_choice_page_follows_the_browser_and_lists_every_language(client):
    page = client.get("/", headers={"Accept-Language": "ti-ER,ti;q=0.9"}).get_data(as_text=True)
    assert '<html lang="ti" dir="ltr">' in page
    for language in languages.LANGUAGES:
        assert f">{language.name}</a>" in page


@pytest.mark.parametrize("code", ["ti", "am"])
def test_tigrinya_and_amharic_treat_zero_as_singular(app, code):
    with app.test_request_context(), force_locale(code):
        zero = ngettext("You added %(num)d item.", "You added %(num)d items.", 0)
        one = ngettext("You added %(num)d item.", "You added %(num)d items.", 1)
        two = ngettext("You added %(num)d item.", "You added %(num)d items.", 2)
    assert zero.replace("0", "1") == one != two.replace("2", "1")


def test_a_change_of_language_within_a_request_is_heard(app):
    """The request's translations are looked up once, and again when the
    language changes in the middle of it: an error page that learns the
    language only then (flask_babel.refresh, wizard/errors.py), and the
    lawyer's language for a while (force_locale)."""
    with app.test_request_context("/en/"):
        g.lang = "en"
        assert template_gettext("Leave this page") == "Leave this page"
        with force_locale("nl"):
            dutch = template_gettext("Leave this page")
        assert dutch != "Leave this page"
        assert template_gettext("Leave this page") == "Leave this page"
        g.lang = "ar"
        refresh()
        arabic = template_gettext("Leave this page")
        assert arabic not in ("Leave this page", dutch) and re.search("[\u0600-\u06ff]", arabic)


@pytest.mark.parametrize("code", OFFERED)
def test_every_page_kind_speaks_the_language(app, client, code):
    """Start, a question, an error, the result and the checklist, all translated."""
    person = Person(client, code)

    def says(message):
        with app.test_request_context(), force_locale(code):
            words = gettext(message)
        if code != "en":
            assert words != message, f"{message!r} is not translated into {code}"
        return words

    direction = "rtl" if code in RTL else "ltr"
    page = person.get("").get_data(as_text=True)
    assert f'<html lang="{code.replace("_", "-")}" dir="{direction}">' in page
    assert says("Check if you are ready for a repeat asylum application") in page
    assert says(languages.REVIEW_TEXT[languages.get(code).review]) in page

    walk_to_reasons(person, removal="flight_booked", days=3)
    person.get("question/reasons")
    person.post_form(person.url("question/reasons"), {})
    error_page = person.text()
    assert f"<title>{says('Error:')} " in error_page
    assert says("Select at least one reason") in error_page

    person.answer("question/reasons", {"answer": ["religion"]})
    add_fact(person, 0, "new_document")
    add_document(person, 0, "court_or_arrest_document", language="other", translation="none",
                 form="photo")
    finish(person)
    result = person.get("result").get_data(as_text=True)
    assert says(v.label(v.OUTCOMES, "needs_preparation")) in result
    assert says("Urgent: contact your lawyer today") in result

    sheet = person.get("checklist?lawyer=nl").get_data(as_text=True)
    assert says("Checklist for your lawyer") in sheet
    assert re.search(r"<bdi dir=\"ltr\">\d{2}-\d{2}-\d{4}</bdi>", sheet), "date in Latin digits"
