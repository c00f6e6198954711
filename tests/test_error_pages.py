"""Error pages that cannot fail twice (issue: "Error pages that cannot fail twice").

A bug in the rules must end on the app's own page in the person's language,
not on the server's bare English "Internal Server Error".
"""
import pytest

from tests.walkers import Person, walk_to_reasons
from wizard import rules


def break_the_rules(monkeypatch):
    # Every page's urgency banner reads the flags; the result reads them too.
    def broken(answers):
        raise RuntimeError("a bug in the rules")
    monkeypatch.setattr(rules, "assess", broken)
    monkeypatch.setattr(rules, "flags", broken)


@pytest.mark.parametrize("lang, heading", [
    ("en", "Sorry, something went wrong"),
    ("nl", "Sorry, er ging iets mis"),
])
def test_a_bug_in_the_rules_ends_on_our_own_page_in_the_persons_language(
        client, monkeypatch, lang, heading):
    person = Person(client, lang)
    walk_to_reasons(person)
    break_the_rules(monkeypatch)
    page = person.get("question/reasons")
    body = page.get_data(as_text=True)
    assert page.status_code == 500
    assert f'<html lang="{lang}"' in body
    assert heading in body
    assert "Internal Server Error" not in body


def test_in_debug_mode_the_developer_sees_the_error(app, monkeypatch):
    person = Person(app.test_client(), "en")
    walk_to_reasons(person)
    break_the_rules(monkeypatch)
    app.debug = True
    with pytest.raises(RuntimeError, match="a bug in the rules"):
        person.get("question/reasons")
