"""Shared fixtures: the app, a test client, a `person` who walks the pages, and
`visitor`/`say` for a story told in English and in Dutch."""
import pytest

from app import create_app
from tests.pages import words_in
from tests.walkers import Person

LANGS = ["en", "nl"]

TEST_SECRET = "test-secret-not-for-production"

# The state cookie's name, as the app is configured (not written again here).
STATE_COOKIE = create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET}).config["SESSION_COOKIE_NAME"]


@pytest.fixture
def app():
    return create_app({
        "TESTING": True,
        "SECRET_KEY": TEST_SECRET,
        "SESSION_COOKIE_SECURE": False,
    })


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def person(client):
    return Person(client)


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
