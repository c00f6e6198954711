"""The pages, as a person uses them (Flask test client, DESIGN.md §2–§5).

Each test is one person's story: they open pages, answer, follow links and
redirects, and we check what they would see: the words on the page, where a
link or a redirect goes, what the checklist holds. Nothing here looks at the
app's internals; the flow and the vocabulary are only used to know which
pages exist and which English message ids a page should show.

Every story runs in English and in Dutch. The Dutch words are the Dutch
catalog's translation of the English message id, and must differ from the
English, so an untranslated catalog fails here.
"""
import base64
import datetime
import re
from html.parser import HTMLParser

import flask_babel
import pytest

from conftest import ROUTE_OK, Person, add_document, add_fact, finish, walk_to_reasons
from wizard import checklist as texts
from wizard import flow, languages
from wizard import vocabulary as v
from wizard.catalogs import SAME_AS_ENGLISH_ALLOWED
from wizard.sources import SOURCES

LANGS = ["en", "nl"]
STATE_COOKIE = "nfc_state"


# --- reading a page as a person sees it ---------------------------------------

def norm(text):
    """Whitespace as a reader sees it: runs of spaces and newlines are one space."""
    return " ".join(str(text).split())


class Element:
    def __init__(self, tag, attrs):
        self.tag = tag
        self.attrs = {name: value or "" for name, value in attrs}
        self.parts = []
        self.children = []

    @property
    def text(self):
        return norm("".join(self.parts))

    def has_class(self, name):
        return name in self.attrs.get("class", "").split()

    def find_all(self, tag=None, cls=None):
        found = []
        for child in self.children:
            if (tag is None or child.tag == tag) and (cls is None or child.has_class(cls)):
                found.append(child)
            found.extend(child.find_all(tag, cls))
        return found


class _Reader(HTMLParser):
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("document", [])
        self.open = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs)
        self.open[-1].children.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.open[-1].children.append(Element(tag, attrs))

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data):
        for element in self.open:
            element.parts.append(data)


class Seen:
    """One page as a person sees it: its title, its words, its links."""

    def __init__(self, response):
        self.response = response
        self.status = response.status_code
        self.location = response.headers.get("Location")
        reader = _Reader()
        reader.feed(response.get_data(as_text=True))
        self.root = reader.root

    def all(self, tag=None, cls=None):
        return self.root.find_all(tag, cls)

    def first(self, tag=None, cls=None):
        found = self.all(tag, cls)
        return found[0] if found else None

    @property
    def title(self):
        title = self.first("title")
        return title.text if title else ""

    @property
    def html_lang(self):
        return self.first("html").attrs.get("lang")

    @property
    def text(self):
        """The words in the body (not the <title>)."""
        body = self.first("body")
        return body.text if body else ""

    def shows(self, text):
        return norm(text) in self.text

    def lines(self, text):
        """How many times `text` is a whole line (an element's full text) on the page."""
        wanted = norm(text)
        return sum(1 for element in self.all()
                   if element.text == wanted
                   and not any(child.text == wanted for child in element.children))

    def links(self):
        return [(a.text, a.attrs.get("href", "")) for a in self.all("a")]

    def link(self, text):
        """The address of the link whose words are `text` (or start with it)."""
        for words, href in self.links():
            if words == norm(text) or words.startswith(norm(text) + " "):
                return href
        raise AssertionError(f"no link {text!r} on the page; links: {self.links()}")

    def back(self):
        links = [a.attrs["href"] for a in self.all("a", "back-link")]
        return links[0] if links else None

    def error_summary(self):
        summary = self.first("div", "error-summary")
        return summary.text if summary else None

    def field_errors(self):
        return [p.text for p in self.all("p", "field-error")]

    def input_value(self, name="answer"):
        for field in self.all("input"):
            if field.attrs.get("name") == name:
                return field.attrs.get("value")
        raise AssertionError(f"no input {name!r}")

    def review_rows(self):
        """The rows of "Check your answers": (question, answer, Change address)."""
        rows = []
        for row in self.all("div", "summary-row"):
            key = row.find_all("dt")[0].text
            value = row.find_all("dd", "summary-value")[0].text
            change = [a.attrs["href"] for a in row.find_all("a")]
            rows.append((key, value, change[0] if change else None))
        return rows

    def review_answer(self, question):
        for key, value, _change in self.review_rows():
            if key == norm(question):
                return value
        raise AssertionError(f"no row {question!r} in {[k for k, _, _ in self.review_rows()]}")


def link_in(element, text):
    """The address of the link inside `element` whose words are `text` (or start with it)."""
    for a in element.find_all("a"):
        if a.text == norm(text) or a.text.startswith(norm(text) + " "):
            return a.attrs.get("href")
    raise AssertionError(f"no link {text!r} in {element.text!r}")


def path_of(location):
    """A redirect's address without the host (Werkzeug may send it relative)."""
    return re.sub(r"^https?://[^/]+", "", location or "")


# --- words in the person's language ----------------------------------------------

def words_in(app, lang, msgid, **params):
    """What the catalog of `lang` makes of an English message id.

    In any language but English the translation must differ from the English,
    so a message nobody translated fails the test that shows it.
    """
    with app.test_request_context(), flask_babel.force_locale(lang):
        raw = flask_babel.gettext(msgid)
        text = flask_babel.gettext(msgid, **params) if params else raw
    if lang != "en" and msgid not in SAME_AS_ENGLISH_ALLOWED:
        assert raw != msgid, f"not translated into {lang}: {msgid!r}"
    return text


@pytest.fixture(params=LANGS)
def lang(request):
    return request.param


@pytest.fixture
def visitor(client, lang):
    """A person who uses the check in `lang`."""
    return Person(client, lang)


@pytest.fixture
def say(app, lang):
    """The words the person reads for an English message id."""
    def say(msgid, **params):
        return words_in(app, lang, msgid, **params)
    return say


def label(choices, value):
    return v.label(choices, value)


def fact_title(say, number, kind):
    """'Fact 1: I have new documents' as the person reads it."""
    return say("Fact %(number)s: %(kind)s", number=number,
               kind=say(label(v.FACT_KINDS, kind)))


# --- walking the check ---------------------------------------------------------

def walk_to_facts(person, removal="none", days=None, detained="no", reasons=("political",)):
    """Route and urgency answered, reasons given: the person is at the facts list."""
    walk_to_reasons(person, removal=removal, days=days, detained=detained)
    person.answer("question/reasons", {"answer": list(reasons)})
    assert path_of(person.location()) == person.url("list/facts")


def walk_everything(person, removal="flight_booked", days=12):
    """A person for whom every page applies: a booked flight, a fact about a
    group, a document in another language. Ends on the review."""
    walk_to_facts(person, removal=removal, days=days)
    add_fact(person, 0, "country_change", concerns="group", group="religion", belong="yes",
             note="Church burned")
    add_document(person, 0, "membership", fact="0", language="other", translation="sworn")
    finish(person)


def follow(person):
    """Follow the redirect the person was just sent."""
    assert person.page.status_code in (302, 303), (person.page.status_code, person.text()[:300])
    return person.get(path_of(person.location()))


# === 1. Every outcome, reached through the pages ==================================

EXITS = [
    # (why the route ends, the one answer that ends it; earlier answers as in ROUTE_OK)
    ("not_in_netherlands", "in_netherlands", "no"),
    ("no_earlier_application", "applied_before_nl", "no"),
    ("still_pending", "previous_outcome", "pending"),
    ("granted", "previous_outcome", "granted"),
    ("dublin", "previous_outcome", "dublin_not_examined"),
    ("protection_elsewhere", "protection_elsewhere", "yes"),
    ("ukraine_protection", "ukraine_temporary_protection", "yes"),
]


# What each exit page says, written here and not taken from wizard/texts.py,
# so two swapped texts fail (the English page; the Dutch follows the catalog).
EXIT_WORDS = {
    "not_in_netherlands": ("This check is for people who are in the Netherlands",
                           "can only be made by someone who is in the Netherlands"),
    "no_earlier_application": ("You can apply for asylum for the first time",
                               "If you have not, you make a first application."),
    "still_pending": ("Wait for the decision on your application",
                      "The IND has not decided on your application yet."),
    "granted": ("You already have an asylum permit",
                "If you got a letter that your permit may be taken away, talk to your lawyer."),
    "dublin": ("Your case goes another way (Dublin)",
               "only if the Netherlands is now responsible for your application"),
    "protection_elsewhere": ("This check does not cover protection in another European country",
                             "New facts about that protection can still matter"),
    "ukraine_protection": ("Other rules apply to refugees from Ukraine",
                           "Temporary protection for refugees from Ukraine has its own rules"),
}


@pytest.mark.parametrize("reason, question, value", EXITS,
                         ids=[f"{q}={a}" for _, q, a in EXITS])
def test_a_person_for_whom_this_route_is_not_meant_lands_on_a_page_that_says_what_to_do(
        visitor, say, reason, question, value):
    visitor.start()
    for name, usual in ROUTE_OK:
        visitor.answer(f"question/{name}", {"answer": value if name == question else usual})
        if name == question:
            break
        assert path_of(visitor.location()) != visitor.url("exit"), name

    # The answer that ends the route sends the person to the exit page ...
    assert path_of(visitor.location()) == visitor.url("exit")
    page = Seen(follow(visitor))
    assert page.status == 200
    title, explanation = texts.EXIT_TEXT[reason]
    assert page.first("h1").text == norm(say(title))
    if visitor.lang == "en":
        heading, words = EXIT_WORDS[reason]
        assert page.first("h1").text == heading
        assert page.shows(words), words
    assert page.title.startswith(norm(say(title)))
    assert page.shows(say(explanation))
    if reason != "protection_elsewhere":  # its title says "this check does not cover it"
        assert page.shows(say(label(v.OUTCOMES, "not_this_route")))
    # ... with who can help, and a way back to the answer that led there.
    assert page.shows(say("Who can help"))
    for line in texts.WHO_CAN_HELP:
        assert page.shows(say(line))
    assert page.shows(say(texts.NOT_LEGAL_ADVICE))
    assert page.link(say("Change your answer")) == visitor.url(f"question/{question}")

    # The result and the review cannot be reached past it.
    for elsewhere in ("review", "result", "checklist"):
        visitor.get(elsewhere)
        assert path_of(visitor.location()) == visitor.url("exit"), elsewhere


def story_no_new_facts(person):
    walk_to_facts(person)
    finish(person)  # "Is there anything new?" No.


def story_only_a_job_here(person):
    walk_to_facts(person)
    add_fact(person, 0, "life_in_netherlands", note="Job in a bakery")
    finish(person)


def story_document_without_translation(person):
    walk_to_facts(person)
    add_fact(person, 0, "new_document")
    add_document(person, 0, "court_or_arrest_document", fact="0", language="other",
                 translation="none")
    finish(person)


def story_only_a_photo(person):
    walk_to_facts(person)
    add_fact(person, 0, "new_document")
    add_document(person, 0, "police_report", fact="0", language="en", form="photo")
    finish(person)


def story_original_in_english(person):
    walk_to_facts(person)
    add_fact(person, 0, "new_document")
    add_document(person, 0, "membership", fact="0", language="en", form="original")
    finish(person)


OUTCOME_STORIES = [
    # (story, outcome, what the review shows of the answers, a line of the result)
    (story_no_new_facts, "no_new_facts",
     [("Is there anything new since the IND's last decision?", "No")],
     texts.TEST_TEXT[("new_facts", "fail")]),
    (story_only_a_job_here, "not_relevant",
     [("What is new?", label(v.FACT_KINDS, "life_in_netherlands"))],
     texts.TEST_TEXT[("relevance", "fail")]),
    (story_document_without_translation, "needs_preparation",
     [("What document is it?", label(v.DOCUMENT_KINDS, "court_or_arrest_document")),
      ("Is there a translation of this document?", label(v.TRANSLATIONS, "none"))],
     texts.TEST_TEXT[("translation", "fail")]),
    (story_only_a_photo, "needs_preparation",
     [("Do you have the original document?", label(v.DOCUMENT_FORMS, "photo"))],
     texts.TEST_TEXT[("originals", "fail")]),
    (story_original_in_english, "ready_for_lawyer",
     [("What document is it?", label(v.DOCUMENT_KINDS, "membership")),
      ("In which language is the document written?", label(v.DOCUMENT_LANGUAGES, "en"))],
     texts.TEST_TEXT[("originals", "pass")]),
]


# The result's heading per outcome, written here (not from wizard/vocabulary.py).
OUTCOME_HEADINGS = {
    "no_new_facts": "You did not name anything new",
    "not_relevant": "What is new does not seem to concern your own reasons",
    "needs_preparation": "Something must be done before you can apply",
    "ready_for_lawyer": "Ready to talk to your lawyer",
}


@pytest.mark.parametrize("story, outcome, answers, explanation", OUTCOME_STORIES,
                         ids=[s[0].__name__.replace("story_", "") for s in OUTCOME_STORIES])
def test_a_person_who_answers_everything_reviews_the_answers_and_sees_the_outcome(
        visitor, say, story, outcome, answers, explanation):
    story(visitor)

    review = Seen(visitor.get("review"))
    assert review.status == 200
    assert review.first("h1").text == norm(say("Check your answers"))
    # The route answers, the reason and the lawyer are all there ...
    assert review.review_answer(
        say("How did your last asylum application in the Netherlands end?")) == norm(
        say(label(v.PREVIOUS_OUTCOME, "rejected")))
    assert review.review_answer(say("Why are you afraid to go back now?")) == norm(
        say(label(v.REASONS, "political")))
    assert review.review_answer(
        say("Have you asked the lawyer of your last asylum application for help?")) == norm(
        say(label(v.LAWYER, "previous_will_help")))
    # ... and so are the facts and documents of this story.
    for question, answer in answers:
        shown = [value for key, value, _ in review.review_rows() if key.endswith(norm(say(question)))]
        assert norm(say(answer)) in shown, (question, shown)

    result = Seen(visitor.get(review.link(say("See the result"))))
    assert result.status == 200
    assert result.first("h1").text == norm(say(label(v.OUTCOMES, outcome)))
    if visitor.lang == "en":
        assert result.first("h1").text == OUTCOME_HEADINGS[outcome]
    assert result.shows(say(texts.OUTCOME_TEXT[outcome]))
    assert result.shows(say(explanation))


# === 2. The checklist for the lawyer ================================================

@pytest.mark.parametrize("lawyer", ["nl", "en"])
def test_the_checklist_shows_every_line_in_the_persons_and_the_lawyers_language(
        app, visitor, say, lawyer):
    story_document_without_translation(visitor)
    both = [visitor.lang] if lawyer == visitor.lang else [visitor.lang, lawyer]

    sheet = Seen(visitor.get(f"checklist?lawyer={lawyer}"))
    assert sheet.status == 200

    for language in both:
        def words(msgid, **params):
            return words_in(app, language, msgid, **params)
        document_kind = words(label(v.DOCUMENT_KINDS, "court_or_arrest_document"))
        lines = [
            words(label(v.OUTCOMES, "needs_preparation")),
            words(texts.OUTCOME_TEXT["needs_preparation"]),
            # the document table: what it is, which fact it shows, its language
            document_kind,
            words("Fact %(number)s: %(kind)s", number=1,
                  kind=words(label(v.FACT_KINDS, "new_document"))),
            words(label(v.DOCUMENT_LANGUAGES, "other")),
            words(label(v.TRANSLATIONS, "none")),
            # the to-do list
            words("Get a sworn translation of document %(number)s (%(kind)s).",
                  number=1, kind=document_kind),
            words("Keep the envelope or courier receipt of document %(number)s.", number=1),
            words(texts.NOT_LEGAL_ADVICE),
        ] + [words(line) for line in texts.FILL_IN_BY_PEN]
        for line in lines:
            assert sheet.shows(line), (language, line)

    # The sources are quoted as published, in English.
    for source in SOURCES:
        assert sheet.shows(source.title)

    # One line per thing: twice only when the lawyer reads another language.
    for line in [label(v.OUTCOMES, "needs_preparation"), *texts.FILL_IN_BY_PEN,
                 "Keep the envelope or courier receipt of document %(number)s."]:
        params = {"number": 1} if "%(number)s" in line else {}
        for language in both:
            assert sheet.lines(words_in(app, language, line, **params)) == 1, (language, line)
    if lawyer == visitor.lang:
        other = "en" if lawyer == "nl" else "nl"
        assert not sheet.shows(words_in(app, other, label(v.OUTCOMES, "needs_preparation")))


@pytest.mark.parametrize("person_lang, lawyer", [("ar", "nl"), ("ti", "en"), ("nl", "en")])
def test_the_checklist_says_when_and_in_which_languages_in_a_whole_line_each(
        app, client, person_lang, lawyer):
    """Date and languages once in each language, as one line: a right-to-left
    line with Dutch words mixed in reads jumbled to both readers."""
    person = Person(client, person_lang)
    story_document_without_translation(person)
    sheet = Seen(person.get(f"checklist?lawyer={lawyer}"))
    made_on = texts.format_date(datetime.date.today())
    names = f"{languages.get(person_lang).name} / {languages.get(lawyer).name}"
    for language in (person_lang, lawyer):
        line = (f"{words_in(app, language, 'Made on')}: {made_on} · "
                f"{words_in(app, language, 'Languages')}: {names}")
        assert sheet.lines(line) == 1, (language, line)
    lawyer_line = [element for element in sheet.all("p", "line-lawyer")
                   if element.text.startswith(words_in(app, lawyer, "Made on"))]
    assert [element.attrs.get("lang") for element in lawyer_line] == [lawyer]


# === 3. Adding, changing and removing facts and documents =============================

def test_the_lists_show_each_item_with_change_and_remove(visitor, say):
    walk_to_facts(visitor)
    add_fact(visitor, 0, "country_change", concerns="everyone")
    add_fact(visitor, 1, "new_document")

    facts = Seen(visitor.get("list/facts"))
    rows = facts.all("div", "summary-row")
    assert [row.text.split(" ")[0] for row in rows] == ["1.", "2."]
    assert norm(say(label(v.FACT_KINDS, "country_change"))) in rows[0].text
    assert norm(say(label(v.FACT_KINDS, "new_document"))) in rows[1].text
    for index, row in enumerate(rows):
        # From the list, Change walks through the item again and comes back to the list.
        assert link_in(row, say("Change")) == visitor.url(f"list/facts/{index}/kind")
        assert link_in(row, say("Remove")) == visitor.url(f"list/facts/{index}/remove")
    assert facts.shows(say("Is there anything else new?"))

    visitor.answer("list/facts", {"add": "no"})
    add_document(visitor, 0, "medical_report", fact="1", language="fr")
    documents = Seen(visitor.get("list/documents"))
    row, = documents.all("div", "summary-row")
    assert norm(say(label(v.DOCUMENT_KINDS, "medical_report"))) in row.text
    assert link_in(row, say("Change")) == visitor.url("list/documents/0/kind")
    assert link_in(row, say("Remove")) == visitor.url("list/documents/0/remove")
    assert documents.shows(say("Do you have another document?"))


def test_removing_a_fact_asks_first_and_documents_keep_pointing_to_their_fact(visitor, say):
    walk_to_facts(visitor)
    add_fact(visitor, 0, "country_change", concerns="everyone")
    add_fact(visitor, 1, "new_document")
    visitor.answer("list/facts", {"add": "no"})
    # The party card shows the second fact, the new documents.
    add_document(visitor, 0, "membership", fact="1", language="en")
    finish(visitor)
    shows_question = say("Which new fact does this document show?")
    assert Seen(visitor.get("review")).review_answer(
        say("Document %(number)s", number=1) + ": " + shows_question) == norm(
        fact_title(say, 2, "new_document"))

    # Remove the first fact: the page asks first, and "No" keeps it.
    remove_url = Seen(visitor.get("list/facts")).link(say("Remove"))
    confirm = Seen(visitor.get(remove_url))
    assert confirm.first("h1").text == norm(say("Are you sure you want to remove it?"))
    assert confirm.shows("1. " + say(label(v.FACT_KINDS, "country_change")))
    visitor.post_form(remove_url, {"confirm": "no"})
    assert path_of(visitor.location()) == visitor.url("list/facts")
    assert len(Seen(visitor.get("list/facts")).all("div", "summary-row")) == 2

    visitor.get(remove_url)
    visitor.post_form(remove_url, {"confirm": "yes"})
    facts = Seen(follow(visitor))
    row, = facts.all("div", "summary-row")
    assert norm(say(label(v.FACT_KINDS, "new_document"))) in row.text
    assert not facts.shows(say(label(v.FACT_KINDS, "country_change")))

    # The party card still shows the new documents, now fact 1.
    review = Seen(visitor.get("review"))
    assert review.status == 200
    assert review.review_answer(say("Document %(number)s", number=1) + ": " + shows_question) == norm(
        fact_title(say, 1, "new_document"))
    sheet = Seen(visitor.get("checklist?lawyer=nl"))
    assert sheet.shows(fact_title(say, 1, "new_document"))


def test_removing_a_document_asks_first_and_leaves_the_facts(visitor, say):
    walk_to_facts(visitor)
    add_fact(visitor, 0, "new_document")
    visitor.answer("list/facts", {"add": "no"})
    add_document(visitor, 0, "identity", fact="0", language="nl")
    add_document(visitor, 1, "threat", fact="0", language="en")

    remove_url = visitor.url("list/documents/0/remove")
    confirm = Seen(visitor.get(remove_url))
    assert confirm.shows(say("Are you sure you want to remove it?"))
    assert confirm.shows("1. " + say(label(v.DOCUMENT_KINDS, "identity")))
    visitor.post_form(remove_url, {"confirm": "yes"})
    documents = Seen(follow(visitor))
    row, = documents.all("div", "summary-row")
    assert norm(say(label(v.DOCUMENT_KINDS, "threat"))) in row.text
    assert len(Seen(visitor.get("list/facts")).all("div", "summary-row")) == 1


def test_changing_a_fact_to_a_group_asks_the_group_questions_then_returns_to_the_review(
        visitor, say):
    walk_to_facts(visitor)
    add_fact(visitor, 0, "country_change", concerns="you_personally")
    finish(visitor)

    concerns = say("Fact %(number)s", number=1) + ": " + say("Whom does it concern?")
    change = Seen(visitor.get("review")).review_rows()
    change_url = [href for key, _, href in change if key == norm(concerns)][0]
    assert change_url == visitor.url("list/facts/0/concerns?change=1")

    visitor.answer(change_url, {"answer": "group"})
    assert path_of(visitor.location()) == visitor.url("list/facts/0/group?change=1")
    group_page = Seen(follow(visitor))
    assert group_page.first("h1").text == norm(say("Which group does it concern?"))
    visitor.post_form(visitor.url("list/facts/0/group?change=1"), {"answer": "journalist_activist"})
    assert path_of(visitor.location()) == visitor.url("list/facts/0/you_belong?change=1")
    visitor.answer("list/facts/0/you_belong?change=1", {"answer": "no"})
    assert path_of(visitor.location()) == visitor.url("review")

    review = Seen(follow(visitor))
    fact = say("Fact %(number)s", number=1) + ": "
    assert review.review_answer(fact + say("Whom does it concern?")) == norm(
        say(label(v.CONCERNS, "group")))
    assert review.review_answer(fact + say("Which group does it concern?")) == norm(
        say(label(v.GROUPS, "journalist_activist")))
    assert review.review_answer(fact + say("Do you belong to this group?")) == norm(say("No"))


def test_at_the_limit_the_facts_list_says_no_more_can_be_added(visitor, say):
    walk_to_facts(visitor)
    for index in range(v.MAX_FACTS):
        add_fact(visitor, index, "country_change", concerns="everyone")

    page = Seen(visitor.get("list/facts"))
    assert len(page.all("div", "summary-row")) == v.MAX_FACTS
    assert page.shows(say("You cannot add more"))
    assert not page.shows(say("Is there anything else new?"))
    assert not [i for i in page.all("input") if i.attrs.get("name") == "add"]
    # An add page for one more fact is not offered either.
    visitor.get(f"list/facts/{v.MAX_FACTS}/kind")
    assert path_of(visitor.location()) == visitor.url("list/facts")
    # Continue still goes on to the documents.
    visitor.answer("list/facts", {})
    assert path_of(visitor.location()) == visitor.url("list/documents")


# === 4. Changing an answer from the review keeps every other answer ====================

def test_changing_removal_asks_the_days_then_keeps_every_other_answer(visitor, say):
    walk_to_facts(visitor, removal="none")
    add_fact(visitor, 0, "personal_situation", note="Converted in 2025")
    add_document(visitor, 0, "other", fact="0", language="de")
    finish(visitor)
    before = Seen(visitor.get("review")).review_rows()
    removal = norm(say("Does the Dutch government plan to send you back?"))
    days = norm(say("In how many days is the flight?"))
    assert days not in [key for key, _, _ in before]

    change_url = [href for key, _, href in before if key == removal][0]
    visitor.answer(change_url, {"answer": "flight_booked"})
    # The new branch is asked, in change mode, then back to the review.
    assert path_of(visitor.location()) == visitor.url("question/departure_in_days?change=1")
    visitor.answer("question/departure_in_days?change=1", {"answer": "5"})
    assert path_of(visitor.location()) == visitor.url("review")

    after = Seen(follow(visitor))
    assert after.review_answer(removal) == norm(say(label(v.REMOVAL, "flight_booked")))
    assert after.review_answer(days) == "5"
    unchanged = [(key, value) for key, value, _ in after.review_rows() if key not in (removal, days)]
    assert unchanged == [(key, value) for key, value, _ in before if key != removal]

    # Back to "no": the days answer goes (its branch is gone), nothing else does.
    visitor.answer(change_url, {"answer": "none"})
    assert path_of(visitor.location()) == visitor.url("review")
    again = Seen(follow(visitor))
    assert [(key, value) for key, value, _ in again.review_rows()] == [
        (key, value) for key, value, _ in before]

    # The days were really dropped, not just hidden: a flight booked again
    # asks them again, with an empty field.
    visitor.answer(change_url, {"answer": "flight_booked"})
    assert path_of(visitor.location()) == visitor.url("question/departure_in_days?change=1")
    assert Seen(follow(visitor)).input_value() == ""


def test_changing_a_documents_language_to_another_asks_about_the_translation(visitor, say):
    walk_to_facts(visitor)
    add_fact(visitor, 0, "new_document")
    add_document(visitor, 0, "membership", fact="0", language="en")
    finish(visitor)
    document = say("Document %(number)s", number=1) + ": "
    rows = Seen(visitor.get("review")).review_rows()
    change_url = [href for key, _, href in rows
                  if key == norm(document + say("In which language is the document written?"))][0]

    visitor.answer(change_url, {"answer": "other"})
    # A document in another language needs a translation: the person is asked.
    assert path_of(visitor.location()) == visitor.url("list/documents/0/translation?change=1")
    visitor.answer("list/documents/0/translation?change=1", {"answer": "sworn"})
    assert path_of(visitor.location()) == visitor.url("review")
    review = Seen(follow(visitor))
    assert review.review_answer(document + say("Is there a translation of this document?")) == norm(
        say(label(v.TRANSLATIONS, "sworn")))


# === 5. Every validation error ===========================================================

def _question_pages():
    pages = []
    for step in flow.STEPS:
        if isinstance(step, flow.ListStep):
            pages.append((f"list/{step.name}", step.add_error, "add"))
            for item in step.item_steps:
                if item.error and item.kind in ("radio", "checkboxes", "fact_choice"):
                    pages.append((f"list/{step.name}/0/{item.name}", item.error, "answer"))
        elif step.kind in ("radio", "checkboxes"):
            pages.append((f"question/{step.name}", step.error, "answer"))
    return pages


QUESTION_PAGES = _question_pages()


@pytest.mark.parametrize("path, error, field", QUESTION_PAGES, ids=[p for p, _, _ in QUESTION_PAGES])
def test_sending_a_question_page_without_an_answer_says_what_to_do(
        visitor, say, path, error, field):
    walk_everything(visitor)
    visitor.answer(path, {})

    page = Seen(visitor.page)
    assert page.status == 200
    assert page.title.startswith(norm(say("Error:")) + " ")
    assert page.error_summary().startswith(norm(say("There is a problem")))
    assert norm(say(error)) in page.error_summary()
    # The summary links to the first choice, and the message is beside the field.
    summary_link = page.first("div", "error-summary").find_all("a")[0].attrs["href"]
    assert summary_link == f"#{field}"  # the first choice carries the field's id
    assert [norm(say("Error:")) + " " + norm(say(error))] == page.field_errors()


def test_a_number_of_days_that_is_not_a_number_is_kept_and_explained(visitor, say):
    walk_to_reasons(visitor, removal="none")
    visitor.answer("question/removal", {"answer": "flight_booked"})
    visitor.answer("question/departure_in_days", {"answer": "abc"})

    page = Seen(visitor.page)
    assert page.status == 200
    message = say("Write the number of days as a whole number, for example 5")
    assert page.title.startswith(norm(say("Error:")))
    assert norm(message) in page.error_summary()
    assert page.field_errors() == [norm(say("Error:")) + " " + norm(message)]
    assert page.input_value() == "abc"


def test_arabic_indic_digits_for_the_days_are_read_as_a_number(visitor, say):
    walk_to_reasons(visitor, removal="none")
    visitor.answer("question/removal", {"answer": "flight_booked"})
    visitor.answer("question/departure_in_days", {"answer": "\u0663"})  # ٣
    assert path_of(visitor.location()) == visitor.url("question/detained")
    visitor.answer("question/detained", {"answer": "no"})
    visitor.answer("question/reasons", {"answer": ["war_violence"]})
    finish(visitor)

    review = Seen(visitor.get("review"))
    assert review.review_answer(say("In how many days is the flight?")) == "3"
    # Three days is within the last-minute procedure.
    assert review.shows(say(texts.FLAG_TEXT["last_minute_procedure"]))


def test_a_note_that_is_too_long_is_kept_and_explained(visitor, say):
    walk_to_facts(visitor)
    add_fact(visitor, 0, "country_change", note="Short")
    too_long = "Soldiers came to my village " + "x" * v.MAX_NOTE_LENGTH

    visitor.answer("list/facts/0/note", {"answer": too_long})
    page = Seen(visitor.page)
    assert page.status == 200
    message = say("Write %(max)d characters or fewer", max=v.MAX_NOTE_LENGTH)
    assert norm(message) in page.error_summary()
    assert page.field_errors() == [norm(say("Error:")) + " " + norm(message)]
    assert page.input_value() == too_long
    # Nothing was silently cut or lost: the earlier note is still there.
    assert "Short" in Seen(visitor.get("list/facts")).all("div", "summary-row")[0].text


def test_a_note_with_a_hidden_direction_character_is_refused_clearly(visitor, say):
    walk_to_facts(visitor)
    add_fact(visitor, 0, "country_change", note="Short")

    visitor.answer("list/facts/0/note", {"answer": "Paid \u202e0001 euro"})
    page = Seen(visitor.page)
    assert page.status == 200
    message = say("Remove the special or invisible characters from your note")
    assert norm(message) in page.error_summary()
    assert page.field_errors() == [norm(say("Error:")) + " " + norm(message)]
    assert "\u202e" not in Seen(visitor.get("list/facts")).text


@pytest.mark.parametrize("path, data, error", [
    ("question/in_netherlands", {"answer": "maybe"}, "Select yes if you are in the Netherlands now"),
    ("question/reasons", {"answer": ["political", "maybe"]}, "Select at least one reason"),
    ("list/facts", {"add": "maybe"}, "Select yes if you want to add something new"),
], ids=["radio", "checkboxes", "add-another"])
def test_a_choice_that_is_not_offered_is_refused(visitor, say, path, data, error):
    walk_to_facts(visitor)
    visitor.answer(path, data)
    page = Seen(visitor.page)
    assert page.status == 200
    assert norm(say(error)) in page.error_summary()


def test_an_unknown_kind_of_fact_is_refused(visitor, say):
    walk_to_facts(visitor)
    visitor.answer("list/facts", {"add": "yes"})
    visitor.answer("list/facts/0/kind", {"answer": "maybe"})
    page = Seen(visitor.page)
    assert page.status == 200
    assert norm(say("Select what is new")) in page.error_summary()
    # Nothing was added.
    assert not Seen(visitor.get("list/facts")).all("div", "summary-row")


# === 6. Urgency on every later page ======================================================

def test_a_flight_in_three_days_is_shown_on_every_later_page(visitor, say):
    walk_to_reasons(visitor, removal="flight_booked", days=3)
    warning = say(texts.FLAG_TEXT["last_minute_procedure"])
    banner = say("Urgent: contact your lawyer today")

    pages = {"reasons": Seen(visitor.get("question/reasons"))}
    visitor.answer("question/reasons", {"answer": ["political"]})
    pages["facts list"] = Seen(visitor.get("list/facts"))
    add_fact(visitor, 0, "country_change", concerns="everyone")
    finish(visitor)
    pages["review"] = Seen(visitor.get("review"))
    pages["result"] = Seen(visitor.get("result"))
    pages["checklist"] = Seen(visitor.get("checklist?lawyer=nl"))

    for name, page in pages.items():
        assert page.status == 200, name
        assert page.shows(banner), name
        assert page.shows(warning), name
        assert not page.shows(say(texts.FLAG_TEXT["detained"])), name


def test_detention_is_shown_with_its_own_words(visitor, say):
    walk_to_reasons(visitor, removal="none", detained="yes")
    page = Seen(visitor.get("question/reasons"))
    assert page.shows(say(texts.FLAG_TEXT["detained"]))
    assert not page.shows(say(texts.FLAG_TEXT["last_minute_procedure"]))
    visitor.answer("question/reasons", {"answer": ["political"]})
    add_fact(visitor, 0, "country_change", concerns="everyone")
    finish(visitor)
    for path in ("review", "result", "checklist?lawyer=en"):
        page = Seen(visitor.get(path))
        assert page.shows(say(texts.FLAG_TEXT["detained"])), path


# === 7. Back links ==========================================================================

def expected_way_back(flight_booked):
    """From the review back to the start, page by page, in reverse flow order."""
    names = [step for step in flow.STEPS
             if flight_booked or step.name != "departure_in_days"]
    pages = [("list/" if isinstance(step, flow.ListStep) else "question/") + step.name
             for step in reversed(names)]
    return pages + [""]


@pytest.mark.parametrize("flight_booked", [True, False], ids=["flight-booked", "no-flight"])
def test_pressing_back_from_the_review_passes_every_question_in_reverse(
        visitor, say, flight_booked):
    walk_everything(visitor, removal="flight_booked" if flight_booked else "none")

    page = Seen(visitor.get("review"))
    visited = []
    while page.back():
        assert page.link(say("Back")) == page.back()
        visited.append(page.back())
        page = Seen(visitor.get(page.back()))
        assert page.status == 200, visited[-1]
    assert visited == [visitor.url(p) for p in expected_way_back(flight_booked)]


@pytest.mark.parametrize("list_name", ["facts", "documents"])
def test_pressing_back_inside_a_fact_or_document_goes_to_the_question_before(
        visitor, list_name):
    walk_everything(visitor)
    fields = [s.name for s in flow.LISTS[list_name].item_steps]
    for before, field in zip([None] + fields, fields):
        page = Seen(visitor.get(f"list/{list_name}/0/{field}"))
        expected = f"list/{list_name}/0/{before}" if before else f"list/{list_name}"
        assert page.back() == visitor.url(expected), field


def test_the_result_and_the_checklist_go_back_the_way_the_person_came(visitor):
    walk_everything(visitor)
    assert Seen(visitor.get("result")).back() == visitor.url("review")
    assert Seen(visitor.get("checklist?lawyer=nl")).back() == visitor.url("result")
    # While changing an answer, Back returns to the review.
    assert Seen(visitor.get("question/detained?change=1")).back() == visitor.url("review")


# === 8. Erase my answers ====================================================================

def test_erasing_forgets_everything(visitor, say):
    walk_everything(visitor)
    review = Seen(visitor.get("review"))
    assert review.shows("Church burned")

    visitor.post_form(visitor.url("erase"), {})
    assert path_of(visitor.location()) == visitor.url("erased")
    cookie = [h for h in visitor.page.headers.getlist("Set-Cookie") if h.startswith(STATE_COOKIE + "=")]
    assert cookie, "the erase does not touch the state cookie"
    assert re.search(r"Expires=Thu, 01 Jan 1970|Max-Age=0", cookie[0]), cookie[0]

    erased = Seen(follow(visitor))
    assert erased.first("h1").text == norm(say("Your answers are erased"))
    assert not erased.shows("Church burned")

    # Nothing is remembered: the review sends the person to the start.
    visitor.get("review")
    assert path_of(visitor.location()) == visitor.url("")
    visitor.get("list/facts")
    assert "Church burned" not in visitor.text()


# === 9. What is kept between pages, and how =============================================

def test_the_state_cookie_shows_nothing_of_the_answers(visitor, client):
    walk_to_facts(visitor)
    add_fact(visitor, 0, "country_change", note="MARKER-XYZ")
    # The cookie the note was saved in is for the server only, and this site only.
    header, = [h for h in visitor.page.headers.getlist("Set-Cookie")
               if h.startswith(STATE_COOKIE + "=")]
    assert "HttpOnly" in header and "SameSite=Lax" in header
    assert "MARKER-XYZ" in Seen(visitor.get("list/facts")).text

    raw = client.get_cookie(STATE_COOKIE).value
    assert "MARKER" not in raw.upper()
    marker = b"MARKER-XYZ"
    for shift in range(3):  # base64 of the marker at each byte alignment
        for encode in (base64.b64encode, base64.urlsafe_b64encode):
            encoded = encode(b"x" * shift + marker).decode()
            core = encoded[4 if shift else 0:-4]  # the part that is the marker's alone
            assert core not in raw, core


def test_a_tampered_cookie_says_the_answers_have_expired(visitor, client, say):
    walk_to_facts(visitor)
    raw = client.get_cookie(STATE_COOKIE).value
    middle = len(raw) // 2
    flipped = raw[:middle] + ("A" if raw[middle] != "A" else "B") + raw[middle + 1:]
    client.set_cookie(STATE_COOKIE, flipped)

    page = Seen(visitor.get("review"))
    assert page.status == 400
    assert page.html_lang == visitor.lang, "the expired page is not in the person's language"
    assert page.first("h1").text == norm(say("Your answers have expired"))
    assert page.link(say("Go to the start")) == visitor.url("")
    # Starting again works.
    visitor.start()
    assert path_of(visitor.location()) == visitor.url("question/in_netherlands")


@pytest.mark.parametrize("accept", ["en", "nl"])
def test_an_unknown_language_is_not_found_and_offers_the_languages(client, app, accept):
    response = client.get("/xx/", headers={"Accept-Language": accept})
    page = Seen(response)
    assert page.status == 404
    assert page.first("h1").text == norm(words_in(app, accept, "Page not found"))
    assert ("English", "/en/") in page.links()
    assert ("Nederlands", "/nl/") in page.links()


@pytest.mark.parametrize("path", ["", "question/in_netherlands", "review", "exit", "nope"])
def test_every_page_carries_the_security_headers(visitor, path):
    visitor.start()
    response = visitor.get(path)
    assert response.status_code in (200, 302, 404)
    headers = response.headers
    policy = headers.get("Content-Security-Policy", "")
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert headers.get("X-Content-Type-Options") == "nosniff"
    assert headers.get("Referrer-Policy") == "no-referrer"
    assert headers.get("Cache-Control") == "no-store"


# === 10. The review page ======================================================================

def test_every_review_row_has_a_change_link_that_comes_back(visitor, say):
    walk_everything(visitor)
    review = Seen(visitor.get("review"))
    rows = review.review_rows()
    assert len(rows) >= len(flow.STEPS)
    for key, _value, change in rows:
        assert change and change.endswith("change=1"), key
    for row in review.all("div", "summary-row"):
        assert row.find_all("a")[0].text.startswith(norm(say("Change"))), row.text

    # Change on a fact's answer goes to that fact's own page, in change mode.
    fact = say("Fact %(number)s", number=1) + ": "
    by_key = {key: change for key, _, change in rows}
    assert by_key[norm(fact + say("What is new?"))] == visitor.url("list/facts/0/kind?change=1")
    assert by_key[norm(fact + say("Which group does it concern?"))] == visitor.url(
        "list/facts/0/group?change=1")
    document = say("Document %(number)s", number=1) + ": "
    assert by_key[norm(document + say("Is there a translation of this document?"))] == visitor.url(
        "list/documents/0/translation?change=1")

    page = Seen(visitor.get(by_key[norm(fact + say("Which group does it concern?"))]))
    assert page.status == 200
    assert page.first("h1").text == norm(say("Which group does it concern?"))
    chosen = [i.attrs["value"] for i in page.all("input") if "checked" in i.attrs]
    assert chosen == ["religion"]

    # Saving the same answer goes straight back to the review, nothing lost.
    visitor.post_form(visitor.url("list/facts/0/group?change=1"), {"answer": "religion"})
    assert path_of(visitor.location()) == visitor.url("review")
    assert [r[:2] for r in Seen(follow(visitor)).review_rows()] == [r[:2] for r in rows]


# === 11. Odd addresses never break ===========================================================

@pytest.mark.parametrize("path", [
    "list/facts/99/kind", "list/facts/0/nope", "list/facts/0/remove", "list/documents/3/fact",
    "list/facts", "result", "review", "checklist", "exit", "question/departure_in_days",
    "question/detained",
])
def test_a_page_of_the_check_with_no_answers_yet_sends_the_person_to_the_start(visitor, path):
    # After an erase or a kiosk wipe, Back must never bring up an empty copy
    # of someone else's page: without answers every page goes to the start.
    visitor.start()
    visitor.get(path)
    assert visitor.page.status_code == 302, visitor.page.status_code
    assert path_of(visitor.location()) == visitor.url("")


@pytest.mark.parametrize("path, where", [
    ("list/facts/99/kind", "list/facts"),
    ("list/facts/0/nope", "list/facts"),
    ("list/facts/0/remove", "list/facts"),
    ("list/documents/3/fact", "list/documents"),
    ("result", "list/facts"),
    ("review", "list/facts"),
    ("checklist", "list/facts"),
    ("exit", "list/facts"),
    ("question/departure_in_days", "list/facts"),
])
def test_an_odd_address_halfway_leads_to_a_sensible_page(visitor, path, where):
    walk_to_facts(visitor)
    visitor.get(path)
    assert visitor.page.status_code == 302, visitor.page.status_code
    assert path_of(visitor.location()) == visitor.url(where)


@pytest.mark.parametrize("path", [
    "list/nope", "question/nope", "question/facts", "list/facts/0/nope", "list/nope/0/kind",
    "list/facts/-1/kind", "list/nope/0/remove",
])
def test_an_address_that_does_not_exist_is_not_found(visitor, say, path):
    walk_to_facts(visitor)
    add_fact(visitor, 0, "country_change", concerns="everyone")  # so fact 0 exists
    page = Seen(visitor.get(path))
    assert page.status == 404
    assert page.first("h1").text == norm(say("Page not found"))
    assert page.html_lang == visitor.lang


def test_a_note_far_too_big_to_send_gets_a_page_that_says_so(visitor, say):
    # The note field stops at 100 characters in a browser, but a pasted or
    # scripted post can be bigger than the server takes (DESIGN.md §5: huge
    # bodies get a clear message, never a 500).
    walk_to_facts(visitor)
    add_fact(visitor, 0, "country_change", note="Short")
    visitor.get("list/facts/0/note")
    page = Seen(visitor.post_form(visitor.url("list/facts/0/note"), {"answer": "x" * 20000}))
    assert page.status == 413
    assert page.first("h1").text == norm(say("What you sent is too long"))
    assert page.html_lang == visitor.lang
    # The other answers are kept.
    assert "Short" in Seen(visitor.get("list/facts")).text
