"""Words explained: the Glossary page, a term explained where a page uses it,
the checklist's printed list, and the catalog check that a term is written
the same way in every message of a language."""
import re

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from tests.pages import Seen, norm
from tests.walkers import Person, add_fact, walk_everything, walk_to_facts
from wizard import catalogs, glossary

SWORN = glossary.BY_ANCHOR["sworn-translator"]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_glossary_page_lists_every_term_with_its_dutch_word(client, lang):
    page = Seen(client.get(f"/{lang}/glossary"))
    assert page.status == 200
    entries = {entry.attrs["id"]: entry for entry in page.all("div", "glossary-entry")}
    assert list(entries) == [term.anchor for term in glossary.TERMS]
    for term in glossary.TERMS:
        entry = entries[term.anchor]
        dutch = entry.find_all("bdi", "glossary-dutch")
        assert [d.text for d in dutch] == [norm(term.dutch)], term.anchor
        assert dutch[0].attrs["lang"] == "nl"
        assert entry.find_all("dt")[0].text  # the term, in the person's language
    if lang == "en":
        assert norm(SWORN.explanation) in entries["sworn-translator"].text
        assert entries["sworn-translator"].find_all("dt")[0].text == "sworn translator"


def test_every_page_links_to_the_glossary(client):
    page = Seen(client.get("/en/"))
    assert page.link("Words explained") == "/en/glossary"


def translation_question(person):
    """The page asking "Is there a translation of this document?" of a
    document in another language, at the address the walkers use."""
    walk_everything(person)
    return Seen(person.get("list/documents/0/translation"))


def test_a_question_whose_hint_names_sworn_translator_explains_it_once(person):
    page = translation_question(person)
    assert page.status == 200
    assert "sworn translator" in norm(page.first("p", "hint").text)
    explained = [d for d in page.all("details", "glossary-term")
                 if d.find_all("summary")[0].text == "What does “sworn translator” mean?"]
    assert len(explained) == 1, [d.text for d in page.all("details", "glossary-term")]
    assert norm(SWORN.explanation) in explained[0].text
    assert "beëdigd vertaler" in explained[0].text
    assert page.text.count(norm(SWORN.explanation)) == 1
    # Inside the form, before "Continue": read before going on.
    form = [f for f in page.all("form") if "Continue" in f.text][0]
    assert explained[0] in form.find_all("details")
    assert form.text.index("What does “sworn translator” mean?") < form.text.index("Continue")
    # Each term once on the page.
    summaries = [d.find_all("summary")[0].text for d in page.all("details", "glossary-term")]
    assert len(summaries) == len(set(summaries))


def test_a_page_without_hard_words_explains_nothing(person):
    person.start()
    page = Seen(person.get(person.location()))  # "Are you in the Netherlands now?"
    assert page.status == 200
    assert not page.all("details", "glossary-term")


def test_a_note_the_person_typed_is_not_explained(person):
    # "Ter Apel" and "IND" in the person's own note, on a page whose own
    # words name neither: neither is explained (the note is not the page's
    # text, and is not kept by the glossary's cache of a page's terms).
    walk_to_facts(person)
    add_fact(person, 0, "country_change", note="I went to Ter Apel with the IND letter")
    person.get("list/facts/0/concerns")
    assert person.page.status_code == 200
    assert "I went to Ter Apel" in person.text()  # the note is on this page
    explained = re.findall(r"<summary>(.*?)</summary>", person.text())
    assert not [term for term in explained if "Ter Apel" in term or "IND" in term], explained


def test_the_glossary_keeps_nothing_of_a_persons_result(app):
    # The result and the checklist carry the flight's day ("Before the flight
    # on …", "Days until the flight: …"): the glossary matches those lines'
    # catalog words only, never the day. A second person with another
    # flight day adds nothing to what the server keeps.
    def result_and_checklist(days):
        person = Person(app.test_client(), "en")
        walk_everything(person, days=days)
        for path in ("result", "checklist?lawyer=nl"):
            person.get(path)
            assert person.page.status_code == 200, path
        assert "Days until the flight:" in person.text()

    result_and_checklist(12)
    kept = glossary._matches_kept.cache_info().currsize
    result_and_checklist(13)
    assert glossary._matches_kept.cache_info().currsize == kept


def printed_terms(page):
    """The checklist's "Words explained": each term as the person reads it."""
    section = page.first("section", "glossary-print")
    assert section is not None
    return section, [entry.find_all("dt")[0].text.split(" – ")[0]
                     for entry in section.find_all("div", "glossary-entry")]


def test_the_checklist_prints_the_terms_it_uses(person):
    walk_everything(person)
    page = Seen(person.get("checklist?lawyer=en"))  # English only: one half a line
    section, printed = printed_terms(page)
    rest = page.text.replace(section.text, "")  # the checklist without its list
    used = [term.term for term in glossary.TERMS
            if any(glossary.occurs(form, rest) for form in glossary.needles(term, str))]
    assert sorted(printed) == sorted(used)
    assert {"IND", "original", "Ter Apel", "appeal", "provisional measure"} <= set(printed)
    assert "Dublin" not in printed  # this person's checklist never says it
    for term in glossary.TERMS:
        if term.term in printed:
            assert norm(term.explanation) in section.text
            assert norm(term.dutch) in section.text


def test_the_checklist_prints_the_terms_for_the_person_with_the_dutch_word(app, person):
    # The words are explained to the person, in their language; the lawyer
    # reads the heading in their own language and the Dutch word of each term.
    walk_everything(person)
    section, printed = printed_terms(Seen(person.get("checklist?lawyer=nl")))
    assert printed and len(printed) == len(set(printed))
    heading = section.find_all("h2")[0]
    assert [half.attrs["lang"] for half in heading.find_all(cls="line-lawyer")] == ["nl"]
    for entry in section.find_all("div", "glossary-entry"):
        assert not entry.find_all(cls="line-lawyer")
        assert entry.find_all("bdi")[0].attrs["lang"] == "nl"


def test_the_result_explains_its_words_at_the_end(person):
    walk_everything(person)
    page = Seen(person.get("result"))
    summaries = [d.find_all("summary")[0].text for d in page.all("details", "glossary-term")]
    assert "What does “IND” mean?" in summaries
    assert len(summaries) == len(set(summaries))


# --- the catalog check ---------------------------------------------------------

def write_catalog(path, locale, messages):
    catalog = Catalog(locale=locale)
    for english, translated in messages.items():
        catalog.add(english, translated)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        write_po(handle, catalog)
    return catalogs.read(path)


def test_the_catalog_check_finds_a_term_written_another_way(tmp_path):
    catalog = write_catalog(tmp_path / "nl.po", "nl", {
        "appeal": "beroep",
        "IND": "IND",
        "You can appeal within one week.": "Je kunt binnen een week in Beroep gaan.",
        "The appeal does not stop a removal.": "Het bezwaar houdt een uitzetting niet tegen.",
        "The IND decides.": "De INDIENER beslist.",
        "Bring your appeals.": "Neem je beroepen mee.",
        "Dublin rules": "Dublinregels",  # "Dublin" has no translation here yet
    })
    found, untranslated = catalogs.glossary_problems("nl", catalog)
    assert len(found) == 2, found
    assert any("'The appeal does not stop a removal.'" in line and "'beroep'" in line
               for line in found)
    # A short term is a whole word: "INDIENER" is not "IND".
    assert any("'The IND decides.'" in line for line in found)
    assert "Dublin" in untranslated and "appeal" not in untranslated


def test_the_catalog_check_reads_other_scripts(tmp_path):
    catalog = write_catalog(tmp_path / "ar.po", "ar", {
        "appeal": "طعن",
        "sworn translator": "مترجم محلف",
        # "the appeal": the article is written onto the word, and still matches.
        "The appeal does not stop a removal.": "الطعن لا يوقف الترحيل.",
        "Ask a sworn translator.": "اسأل مترجماً معتمداً.",
    })
    found, _untranslated = catalogs.glossary_problems("ar", catalog)
    assert found == ["ar: glossary term 'sworn translator' is 'مترجم محلف' in this language, "
                     "not written so in 'Ask a sworn translator.': 'اسأل مترجماً معتمداً.'"]


def test_the_translations_check_reports_glossary_problems(app, tmp_path, monkeypatch):
    messages = {"removal": "uitzetting", "Stop the removal.": "Stop de verwijdering."}
    write_catalog(tmp_path / "messages.pot", None, {key: "" for key in messages})
    write_catalog(tmp_path / "nl" / "LC_MESSAGES" / "messages.po", "nl", messages)
    monkeypatch.setattr(catalogs, "TRANSLATIONS", tmp_path)
    monkeypatch.setattr(catalogs, "TEMPLATE", tmp_path / "messages.pot")
    result = app.test_cli_runner().invoke(args=["translations", "check", "nl"])
    assert result.exit_code == 1
    assert "nl: glossary term 'removal' is 'uitzetting'" in result.output
    assert "1 problems in nl" in result.output
    status = catalogs.glossary_status("nl")
    assert status.startswith(f"glossary 1/{len(glossary.TERMS)} (untranslated: IND;")
