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

# The three rarely-yes questions asked together on "Does any of this apply to you?".
CIRCUMSTANCES = ("protection_elsewhere", "ukraine_temporary_protection", "returned_home")


def circumstances(answers):
    """The ticks on "Does any of this apply to you?" for these answers."""
    ticked = [f"{name}:{answers[name]}" for name in CIRCUMSTANCES
              if answers.get(name, "no") != "no"]
    return ticked or ["none"]


def route_pages(route):
    """The route questions as the pages ask them: (page, form data)."""
    answers = dict(ROUTE_OK, **route)
    pages = [("in_netherlands", {"answer": answers["in_netherlands"]})]
    if answers["in_netherlands"] != "yes":
        return pages
    pages.append(("applied_before_nl", {"answer": answers["applied_before_nl"],
                                        "previous_outcome": answers["previous_outcome"]}))
    pages += [("appeal", {"answer": answers["appeal"]}),
              ("earlier_repeat_applications", {"answer": answers["earlier_repeat_applications"]}),
              ("circumstances", {"answer": circumstances(answers)})]
    return pages


def walk_to_reasons(person, removal="none", days=None, detained="no", applying_for="me_alone",
                    **route):
    """Answer the route and urgency questions of a person for whom the route fits
    (`route` changes a route answer, e.g. appeal="pending")."""
    person.start()
    for name, data in route_pages(route):
        person.answer(f"question/{name}", data)
        assert person.page.status_code == 302, (name, person.text()[:500])
    person.answer("question/removal", {"answer": removal, "departure_in_days":
                                       "" if days is None else str(days)})
    person.answer("question/detained", {"answer": detained})
    person.answer("question/applying_for", {"answer": applying_for})


def answer_item(person, list_name, index, values):
    """Answer one fact or document, page by page: each page gets `answer` for
    its own question and the values of any other question it asks (a
    follow-up, a note). Ends back on the list."""
    path = f"list/{list_name}/{index}/{next(iter(values))}"
    for _page in range(20):
        person.get(path)
        assert person.page.status_code == 200, (path, person.page.status_code)
        field = path.rsplit("/", 1)[1]
        data = {"answer": values[field]}
        for name in re.findall(r'name="([a-z_]+)"', person.text()):
            if name not in ("answer", "csrf_token", "change") and name in values:
                data[name] = values[name]
        person.post_form(person.page.request.path, data)
        assert person.page.status_code == 302, (path, re.findall(
            r'class="field-error"[^>]*>(.*?)</p>', person.text()))
        path = path_of(person.location())
        if path.endswith(f"/list/{list_name}"):
            return
        path = path.split("/", 2)[2]
    raise AssertionError("the item never ended")


def add_fact(person, index, kind, new="yes", concerns="you_personally", group=None,
             belong=None, note="", document=None):
    """Add a fact; `document` (kind, language, translation, form, received) for
    "I have new documents", asked inside the fact."""
    person.answer("list/facts", {"add": "yes"})
    values = {"kind": kind, "new_since_decision": new, "concerns": concerns, "group": group,
              "you_belong": belong, "note": note}
    if kind == "new_document":
        document = dict({"kind": "membership", "language": "en", "form": "original",
                         "received": "post"}, **(document or {}))
        values.update({f"document_{key}": value for key, value in document.items()})
    answer_item(person, "facts", index, {k: v for k, v in values.items() if v is not None})
    assert person.location().endswith("/list/facts"), person.location()


def add_document(person, index, kind, fact="0", language="en", translation=None,
                 form="original", received="post", note=""):
    """Add one of the other documents (those that show a fact that is not
    "I have new documents")."""
    person.answer("list/documents", {"add": "yes"})
    values = {"kind": kind, "fact": fact, "language": language, "translation": translation,
              "form": form, "received": received, "note": note}
    answer_item(person, "documents", index, {k: v for k, v in values.items() if v is not None})
    assert person.location().endswith("/list/documents"), person.location()


def finish(person, lawyer="previous_will_help", more_facts=False):
    """Close the lists and answer the lawyer question (asked unless an appeal
    runs: lawyer=None); land on the review."""
    person.answer("list/facts", {"add": "no"})
    if path_of(person.location()).endswith("/list/documents"):
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


def change_through(person, path, changes):
    """From a Change link (`path`, in change mode) through the pages that follow,
    keeping what each page shows as answered except `changes` ({field: value});
    ends where the app sends the person at the end (the review). Returns the
    pages passed, by their question's name."""
    passed = []
    for _page in range(20):
        person.get(path)
        assert person.page.status_code == 200, (path, person.page.status_code)
        html = person.text()
        field = path_of(person.page.request.path).rsplit("/", 1)[1]
        passed.append(field)
        data = {}
        for name, value in re.findall(r'<input[^>]*name="([a-z_]+)"[^>]*value="([^"]*)"[^>]*checked', html):
            data.setdefault(name, []).append(value)
        for name, value in re.findall(r'<input[^>]*name="([a-z_]+)"[^>]*type="text"[^>]*value="([^"]*)"', html):
            data[name] = value
        for name, value in re.findall(r'<input[^>]*type="text"[^>]*name="([a-z_]+)"[^>]*value="([^"]*)"', html):
            data[name] = value
        for name in list(data):
            if isinstance(data[name], list) and 'type="radio" id="' in html and len(data[name]) == 1:
                data[name] = data[name][0]
        data.pop("csrf_token", None)
        if field in changes:
            data["answer"] = changes[field]
        for name, value in changes.items():
            if name != field and re.search(rf'name="{name}"', html):
                data[name] = value
        data["change"] = "1"
        person.post_form(person.page.request.path + "?change=1", data)
        assert person.page.status_code == 302, (path, re.findall(
            r'class="field-error"[^>]*>(.*?)</p>', person.text()))
        target = path_of(person.location())
        if "change=1" not in target:
            return passed
        path = target
    raise AssertionError("never back at the review")


def contract_form(path, html, answers, other_documents):
    """The form data a person with `answers` (the contract's shape) sends on the
    page at `path` (".../question/<name>" or ".../list/<list>/<index>/<field>"),
    whose HTML is `html`. `other_documents`: {address index: contract index}
    of the documents asked in their own list, filled in as they are met."""
    from wizard import flow

    parts = path.split("?")[0].strip("/").split("/")[1:]
    names = set(re.findall(r'name="([a-z_]+)"', html)) - {"csrf_token", "change", "answer"}

    def form_value(value):
        if value is None:
            return "none" if parts[0] == "list" and parts[-1] == "fact" else ""
        return value if isinstance(value, list) else str(value)

    if parts[0] == "question":
        name = parts[1]
        data = {"answer": circumstances(answers) if name == "circumstances"
                else form_value(answers.get(name))}
        data.update({other: form_value(answers.get(other)) for other in names})
        return data
    list_name, index, field = parts[1], int(parts[2]), parts[3]
    if list_name == "facts":
        item = flow.item_view(answers, "facts", index)
    else:
        if index not in other_documents:
            listed = [i for i, _ in flow.other_documents(answers)]
            other_documents[index] = listed[len(other_documents)]
        item = answers["documents"][other_documents[index]]
    data = {"answer": form_value(item.get(field))}
    data.update({other: form_value(item.get(other)) for other in names})
    return data


def items_to_add(answers, list_name):
    """How many items a person with `answers` adds on a list page."""
    from wizard import flow

    if list_name == "documents":
        return len(flow.other_documents(answers))
    return len(answers.get(list_name) or [])
