"""A person walking the check with the Flask test client, and the usual walks."""
import re

from tests.pages import path_of


class Person:
    """Someone using the check with the Flask test client, as a browser would:
    read the page, take its CSRF token, post the form, follow the redirect."""

    def __init__(self, client, lang="en"):
        self.client = client
        self.lang = lang
        self.page = None

    def url(self, path):
        return f"/{self.lang}/{path.lstrip('/')}"

    def get(self, path, **kwargs):
        self.page = self.client.get(self.url(path) if not path.startswith("/") else path, **kwargs)
        return self.page

    def text(self):
        return self.page.get_data(as_text=True)

    def token(self, html=None):
        html = html or self.text()
        match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
        assert match, "no CSRF token on the page"
        return match.group(1)

    def start(self):
        self.get("")
        return self.post_form(self.url("begin"), {})

    def post_form(self, url, data, follow=False):
        """Post `data` to `url` with the token from the page last seen."""
        data = dict(data)
        data["csrf_token"] = self.token()
        self.page = self.client.post(url, data=data, follow_redirects=follow)
        return self.page

    def answer(self, path, data, follow=False):
        """Open the page at `path`, fill it in, send it."""
        self.get(path)
        assert self.page.status_code == 200, (path, self.page.status_code)
        return self.post_form(self.page.request.path + (
            "?" + self.page.request.query_string.decode() if self.page.request.query_string else ""),
            data, follow)

    def location(self):
        return self.page.headers.get("Location")


ROUTE_OK = [
    ("in_netherlands", "yes"),
    ("applied_before_nl", "yes"),
    ("previous_outcome", "rejected"),
    ("appeal", "none_or_finished"),
    ("earlier_repeat_applications", "none"),
    ("protection_elsewhere", "no"),
    ("ukraine_temporary_protection", "no"),
    ("returned_home", "no"),
]


def walk_to_reasons(person, removal="none", days=None, detained="no", applying_for="me_alone",
                    **route):
    """Answer the route and urgency questions of a person for whom the route fits
    (`route` changes a route answer, e.g. appeal="pending")."""
    person.start()
    for name, value in ROUTE_OK:
        person.answer(f"question/{name}", {"answer": route.get(name, value)})
        assert person.page.status_code == 302, (name, person.text()[:500])
    person.answer("question/removal", {"answer": removal})
    if removal == "flight_booked":
        person.answer("question/departure_in_days", {"answer": "" if days is None else str(days)})
    person.answer("question/detained", {"answer": detained})
    person.answer("question/applying_for", {"answer": applying_for})


def add_fact(person, index, kind, new="yes", concerns="you_personally", group=None,
             belong=None, note=""):
    person.answer("list/facts", {"add": "yes"})
    person.answer(f"list/facts/{index}/kind", {"answer": kind})
    person.answer(f"list/facts/{index}/new_since_decision", {"answer": new})
    if kind != "life_in_netherlands":
        person.answer(f"list/facts/{index}/concerns", {"answer": concerns})
        if concerns == "group":
            person.answer(f"list/facts/{index}/group", {"answer": group})
            person.answer(f"list/facts/{index}/you_belong", {"answer": belong})
    person.answer(f"list/facts/{index}/note", {"answer": note})
    assert person.location().endswith("/list/facts"), person.location()


def add_document(person, index, kind, fact="0", language="en", translation=None,
                 form="original", received="post", note=""):
    person.answer("list/documents", {"add": "yes"})
    person.answer(f"list/documents/{index}/kind", {"answer": kind})
    person.get(f"list/documents/{index}/fact")
    if person.page.status_code == 200:
        person.post_form(person.url(f"list/documents/{index}/fact"), {"answer": fact})
    person.answer(f"list/documents/{index}/language", {"answer": language})
    if language == "other":
        person.answer(f"list/documents/{index}/translation", {"answer": translation})
    person.answer(f"list/documents/{index}/form", {"answer": form})
    person.answer(f"list/documents/{index}/received", {"answer": received})
    person.answer(f"list/documents/{index}/note", {"answer": note})
    assert person.location().endswith("/list/documents"), person.location()


def finish(person, lawyer="previous_will_help", more_facts=False):
    """Close the lists and answer the lawyer question (asked unless an appeal
    runs: lawyer=None); land on the review."""
    person.answer("list/facts", {"add": "no"})
    person.answer("list/documents", {"add": "no"})
    if lawyer is not None:
        person.answer("question/lawyer", {"answer": lawyer})
    assert person.location().endswith("/review"), person.location()


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
