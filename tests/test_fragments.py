"""The parts of pages drawn once and kept ({% cache %}, wizard/views/fragments.py):
they hold words and addresses only, never anything of a person, and each
language and mount point gets its own."""
import re

from tests.walkers import Person, add_fact, walk_everything, walk_to_facts

# The blocks the templates keep. A new one must be added here on purpose,
# after asking: is any of it a person's?
KEPT_BLOCKS = {"header-start", "header-end", "footer", "head-files", "question-terms",
               "question-part", "question-choices", "question-listen", "result-lawyer",
               "who-can-help"}

NOTE = "Uncle Yohannes wrote to me"


def kept(app):
    return app.jinja_env.kept_fragments


def test_nothing_of_a_person_is_kept(app, client):
    """A person answers everything, with a note and a document, and sees the
    review, the result and the checklist: the kept parts hold none of their
    answers, no CSRF token and no ticked choice."""
    person = Person(client)
    walk_everything(person)
    person.get("question/reasons")
    for page in ("review", "result", "checklist"):
        assert person.get(page).status_code == 200
    token = person.token()
    assert kept(app), "no part of a page was kept"
    assert {key[0] for key in kept(app)} <= KEPT_BLOCKS
    for key, html in kept(app).items():
        assert all(isinstance(part, str) for part in key), key
        for mine in (token, "csrf_token", "Church burned", " checked", 'type="text"', "<textarea"):
            assert mine not in html, (key, mine)
        if key[0] not in ("question-choices", "result-lawyer"):
            for choice in ('type="radio"', 'type="checkbox"', "value="):
                assert choice not in html, (key, choice)


CHOICE = re.compile(r'<input type="(?:radio|checkbox)"[^>]*name="(\w+)" value="(\w+)"([^>]*)>')


def ticked(html):
    """{field: [values ticked]} of a page's radios and checkboxes."""
    found = {}
    for name, value, rest in CHOICE.findall(html):
        if " checked" in rest:
            found.setdefault(name, []).append(value)
    return found


def test_each_person_sees_their_own_ticks_in_kept_choices(app):
    """The choices are kept unticked and ticked for each person: one who said
    yes and one who said no to the same question each see their own answer
    ticked, and only it, whichever came first; the same for checkboxes
    (reasons), a follow-up under a choice (a fact's group) and the "Does any
    of this apply?" page. No page carries the kept part's marks."""
    first, second = Person(app.test_client()), Person(app.test_client())
    walk_to_facts(first, detained="yes", reasons=("political", "religion"))
    walk_to_facts(second, detained="no", reasons=("gender",))
    add_fact(first, 0, "country_change", concerns="group", group="religion", belong="yes")
    add_fact(second, 0, "country_change", concerns="group", group="political", belong="no")
    expected = [
        ("question/detained", {"answer": ["yes"]}, {"answer": ["no"]}),
        ("question/reasons", {"answer": ["political", "religion"]},
         {"answer": ["gender"]}),
        ("question/circumstances", {"answer": ["none"]}, {"answer": ["none"]}),
        ("list/facts/0/concerns", {"answer": ["group"], "group": ["religion"]},
         {"answer": ["group"], "group": ["political"]}),
    ]
    for _ in range(2):
        for path, mine, theirs in expected:
            for person, answer in ((first, mine), (second, theirs), (first, mine)):
                html = person.get(path).get_data(as_text=True)
                assert ticked(html) == answer, (path, ticked(html))
                assert "\x00" not in html
        assert any(key[0] == "question-choices" for key in kept(app))
        kept(app).clear()  # and again with the other person first
        first, second = second, first
        expected = [(path, theirs, mine) for path, mine, theirs in expected]


def test_kept_choices_drawn_first_for_someone_who_has_not_answered_yet(app):
    """The first person to open a question (its choices drawn then, and
    kept) has not answered it: every choice is there, none ticked; the next
    person, who answered yes, sees yes; the first, back again, still none;
    the same in Arabic, where the choices are drawn again."""
    for lang in ("en", "ar"):
        kept(app).clear()
        new, answered = Person(app.test_client(), lang), Person(app.test_client(), lang)
        new.start()
        answered.start()
        answered.answer("question/in_netherlands", {"answer": "yes"})
        for person, expected in ((new, {}), (answered, {"answer": ["yes"]}), (new, {})):
            html = person.get("question/in_netherlands").get_data(as_text=True)
            assert person.page.status_code == 200
            assert len(CHOICE.findall(html)) >= 2, html
            assert ticked(html) == expected, (lang, ticked(html))
        assert any(key[0] == "question-choices" for key in kept(app))


def test_choices_with_an_error_are_drawn_for_the_person(app, client):
    """A question sent without an answer shows its error on the page, at
    its choices; nothing ticked, and the error is not kept for the next one."""
    person = Person(client)
    walk_to_facts(person)
    person.get("question/detained")
    response = person.post_form(person.url("question/detained"), {})
    html = response.get_data(as_text=True)
    assert "Select yes if you are in detention now" in html
    assert 'class="form-group form-group-error"' in html and ticked(html) == {}
    again = Person(app.test_client())
    walk_to_facts(again)
    html = again.get("question/detained").get_data(as_text=True)
    assert "form-group-error" not in html and ticked(html) == {"answer": ["no"]}


def test_a_note_on_a_question_page_is_not_kept(app, client):
    person = Person(client)
    walk_everything(person)
    person.get("list/facts/0/you_belong")
    assert "Church burned" in person.text()
    assert not any("Church burned" in html for html in kept(app).values())


def test_the_next_person_gets_their_own_token_in_the_kept_header(app):
    """The Leave form sits between two kept parts of the header: each person's
    form carries their own token (every form does: tests/test_headers.py)."""
    first, second = Person(app.test_client()), Person(app.test_client())
    first.start()
    second.start()
    first.get("question/in_netherlands")
    second.get("question/in_netherlands")
    assert first.token() != second.token()
    leave = re.search(r'<form class="leave-form".*?</form>', second.text()).group(0)
    assert second.token() in leave and first.token() not in leave


def test_each_language_has_its_own_header_and_footer(app, client):
    english = client.get("/en/sources").get_data(as_text=True)
    arabic = client.get("/ar/sources").get_data(as_text=True)
    english_again = client.get("/en/sources").get_data(as_text=True)
    assert "Leave this page" in english and "Leave this page" not in arabic
    assert 'href="/ar/erase"' in arabic and 'href="/en/erase"' in english_again
    assert english_again.count("Words explained") == english.count("Words explained") >= 1
    footer = re.search(r"<footer.*?</footer>", arabic, re.S).group(0)
    assert "/ar/glossary" in footer and "Words explained" not in footer


def test_a_question_page_explains_its_own_words_in_each_language(app, client):
    person = Person(client)
    walk_everything(person)
    english = person.get("question/detained").get_data(as_text=True)
    dutch = person.get("/nl/question/detained").get_data(as_text=True)
    assert "What does “detention” mean?" in english
    assert "vreemdelingenbewaring" in dutch and "What does “detention” mean?" not in dutch
    removal = person.get("question/removal").get_data(as_text=True)
    assert "What does “detention” mean?" not in removal


def test_under_another_mount_point_the_addresses_are_its_own(app):
    """Mounted at /check (a host's proxy prefix) the kept header and footer
    link there, and at / they do not."""
    mounted = app.test_client().get("/en/sources", base_url="http://localhost/check/")
    html = mounted.get_data(as_text=True)
    plain = app.test_client().get("/en/sources").get_data(as_text=True)
    assert 'href="/check/en/erase"' in html and 'href="/check/en/glossary"' in html
    assert 'href="/en/erase"' in plain and "/check/" not in plain


def test_pages_of_questions_with_the_same_name_keep_their_own_words(app, client):
    """A fact and a document each have a "kind" question, with other words:
    whichever is seen first, each page explains its own (the fact's names the
    IND, the document's nothing)."""
    person = Person(client)
    walk_everything(person)
    for _ in range(2):
        for path, terms in (("list/facts/0/kind", ["IND"]), ("list/documents/0/kind", [])):
            html = person.get(path).get_data(as_text=True)
            assert re.findall(r"What does “(.*?)” mean\?", html) == terms, path
        app.jinja_env.kept_fragments.clear()
        # and the other way round
        for path, terms in (("list/documents/0/kind", []), ("list/facts/0/kind", ["IND"])):
            html = person.get(path).get_data(as_text=True)
            assert re.findall(r"What does “(.*?)” mean\?", html) == terms, path


def test_the_glossary_is_kept_for_every_term_at_once(app, client):
    """The words a page explains are drawn from details kept per language for
    every term of the glossary, drawn all at once: what is kept says nothing
    of which words a person's pages used, and holds nothing of theirs."""
    from wizard.glossary import TERMS

    person = Person(client)
    walk_everything(person)
    english = person.get("result").get_data(as_text=True)
    dutch = person.get("/nl/result").get_data(as_text=True)
    store = app.extensions["nfc_term_details"]
    assert set(store) == {("", "en"), ("", "nl")}
    for details in store.values():
        assert set(details) == {term.anchor for term in TERMS}
        for html in details.values():
            assert "Church burned" not in html and person.token() not in html
    shown = re.findall(r'<details class="glossary-term">.*?</details>', english, re.S)
    assert shown and all(html in store["", "en"].values() for html in shown)
    assert "What does “IND” mean?" in english and "What does “IND” mean?" not in dutch
    assert re.findall(r'<details class="glossary-term">', dutch) == \
        re.findall(r'<details class="glossary-term">', english)


def test_a_sections_listen_control_is_kept_without_its_address(app):
    """The result page's Listen controls are drawn once per language and kept
    with marks where a section's id and address go: each person's page has
    the addresses of their own sections' words, and what is kept has none."""
    from wizard.views.audio import ID_MARK, URL_MARK

    control = re.compile(r'<div class="listen no-print">.*?</div>', re.S)
    address = re.compile(r'<source src="([^"]+\.mp3)"')
    pages = []
    for removal in ("flight_booked", "none"):
        person = Person(app.test_client())
        walk_everything(person, removal=removal)
        pages.append(person.get("result").get_data(as_text=True))
    flight, no_flight = ([address.search(html).group(1) for html in control.findall(page)]
                         for page in pages)
    assert len(flight) == len(no_flight) == 4, (flight, no_flight)  # no flags to tell
    # The first section (the outcome) reads the flight's warning for one of them only.
    assert flight[0] != no_flight[0] and "/result/outcome/" in flight[0]
    store = app.extensions["nfc_listen_controls"]
    assert list(store) == [("", "en")]
    for kept_control in store[("", "en")].values():
        assert ID_MARK in kept_control and URL_MARK in kept_control
        assert ".mp3" not in kept_control and "result-" not in kept_control
    for html in control.findall(pages[0]) + control.findall(pages[1]):
        assert "\x00" not in html
        section = re.search(r'id="listen-(result-\w+)"', html).group(1)
        url = address.search(html).group(1)
        assert any(html in kept_control.replace(ID_MARK, section).replace(URL_MARK, url)
                   for kept_control in store[("", "en")].values()), html


def test_the_result_pages_lawyer_choice_is_ticked_at_dutch_for_everyone(app):
    """The result page's "My lawyer reads ..." choice is kept unticked and
    drawn without a form: every person, in every language, sees Dutch ticked
    (the form's default) and nothing else, and can still choose another."""
    for lang in ("en", "ar", "en"):
        person = Person(app.test_client(), lang=lang)
        walk_everything(person)
        html = person.get("result").get_data(as_text=True)
        assert ticked(html) == {"lawyer": ["nl"]}, (lang, ticked(html))
        assert 'name="lawyer" value="en"' in html
        assert "\x00" not in html
    assert any(key[0] == "result-lawyer" for key in kept(app))
