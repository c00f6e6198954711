"""The explanation under a choice (GOV.UK radios with item hints): shown in the
person's language under its own choice, and read with it by a screen reader."""
from tests.pages import Seen, norm
from tests.walkers import walk_to_facts
from wizard import vocabulary as v


def test_the_kinds_of_new_facts_are_explained_under_each_choice(visitor, say):
    walk_to_facts(visitor)
    visitor.answer("list/facts", {"add": "yes"})
    page = Seen(visitor.get("list/facts/0/kind"))
    inputs = {field.attrs["value"]: field for field in page.all("input")
              if field.attrs.get("name") == "answer"}
    hints = {p.attrs["id"]: p.text for p in page.all("p", "choice-hint")}
    explained = [choice for choice in v.FACT_KINDS if choice.hint]
    assert len(explained) >= 5 and len(hints) == len(explained)
    for choice in v.FACT_KINDS:
        described = inputs[choice.value].attrs.get("aria-describedby")
        if choice.hint:
            assert hints[described] == norm(say(choice.hint)), choice.value
        else:
            assert described is None, choice.value
    if visitor.lang == "en":
        assert "For example a child was born, I married, or I have a new relationship" in hints.values()
