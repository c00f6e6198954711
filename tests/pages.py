"""Reading a page as a person sees it (its title, words, links, review rows),
and the words a person reads in their language."""
import re
from html.parser import HTMLParser

import flask_babel

from wizard import vocabulary as v
from wizard.catalogs import SAME_AS_ENGLISH_ALLOWED


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
        """The rows of "Check your answers": (question, answer, Change address).
        A row of a fact's or document's card reads "Fact 1: <question>", with
        the card's Change address."""
        in_card = {}
        for card in self.all("div", "summary-card"):
            title = card.find_all("h3")[0].text
            change = [a.attrs["href"] for a in card.find_all("ul", "summary-card-actions")[0]
                      .find_all("a")][0]
            for row in card.find_all("div", "summary-row"):
                in_card[id(row)] = (title, change)
        rows = []
        for row in self.all("div", "summary-row"):
            key = row.find_all("dt")[0].text
            value = row.find_all("dd", "summary-value")[0].text
            change = [a.attrs["href"] for a in row.find_all("a")]
            if id(row) in in_card:
                title, card_change = in_card[id(row)]
                rows.append((f"{title}: {key}", value, card_change))
            else:
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


def label(choices, value):
    return v.label(choices, value)


def fact_title(say, number, kind):
    """'Fact 1: I have new documents' as the person reads it."""
    return say("Fact %(number)s: %(kind)s", number=number,
               kind=say(label(v.FACT_KINDS, kind)))
