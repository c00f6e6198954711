"""normalise(): the answer contract of DESIGN.md §3, its defaults and its limits."""
import pytest

from wizard import vocabulary
from wizard.answers import KEYS, AnswerError, normalise


def fact(**changes):
    return {"kind": "country_change", "concerns": "everyone", **changes}


def document(**changes):
    return {"kind": "membership", "fact": 0, "language": "other", "translation": "sworn",
            "form": "original", **changes}


def error_for(raw):
    with pytest.raises(AnswerError) as caught:
        normalise(raw)
    return caught.value


def test_keys_follow_the_contract():
    assert KEYS[0] == "in_netherlands" and KEYS[-1] == "returned_home"
    assert len(KEYS) == len(set(KEYS)) == 16


def test_empty_answers_get_the_defaults_and_none_for_the_rest():
    answers = normalise({})
    assert list(answers) == list(KEYS)
    assert answers["earlier_repeat_applications"] == "none"
    assert answers["departure_in_days"] is None
    assert answers["reasons"] == answers["facts"] == answers["documents"] == []
    assert answers["in_netherlands"] is None
    assert answers["lawyer"] is None


def test_fact_and_document_defaults():
    answers = normalise({"facts": [{"kind": "new_document", "concerns": "you_personally"}],
                         "documents": [{"kind": "identity", "language": "nl", "form": "original"}]})
    assert answers["facts"] == [{"kind": "new_document", "new_since_decision": "yes",
                                 "concerns": "you_personally", "note": ""}]
    assert answers["documents"] == [{"kind": "identity", "fact": None, "language": "nl",
                                     "translation": "not_needed", "form": "original",
                                     "received": None, "note": ""}]


def test_normalise_does_not_change_its_input_and_is_idempotent():
    raw = {"facts": [fact(concerns="group", group="religion", you_belong="yes")],
           "documents": [document(language="en")]}
    before = repr(raw)
    once = normalise(raw)
    assert repr(raw) == before
    assert normalise(once) == once
    # Normalised answers are given back as they are; a changed copy is
    # checked again, so a wrong answer cannot slip through.
    assert normalise(once) is once
    with pytest.raises(AnswerError):
        normalise(dict(once, removal="teleport"))


@pytest.mark.parametrize("language", vocabulary.READABLE_LANGUAGES)
def test_translation_is_not_needed_for_readable_languages(language):
    for given in ("none", "not_sworn", "sworn", None):
        raw = {"facts": [fact()], "documents": [document(language=language, translation=given)]}
        assert normalise(raw)["documents"][0]["translation"] == "not_needed"


def test_translation_missing_for_another_language_is_not_answered():
    raw = {"facts": [fact()], "documents": [document(language="other")]}
    del raw["documents"][0]["translation"]
    assert normalise(raw)["documents"][0]["translation"] is None


def test_group_answers_are_dropped_when_the_fact_does_not_concern_a_group():
    answers = normalise({"facts": [fact(concerns="everyone", group="religion", you_belong="no")]})
    assert "group" not in answers["facts"][0] and "you_belong" not in answers["facts"][0]


def test_group_answers_are_kept_for_a_group():
    answers = normalise({"facts": [fact(concerns="group", group="gender")]})
    assert answers["facts"][0]["group"] == "gender"
    assert answers["facts"][0]["you_belong"] is None


@pytest.mark.parametrize(
    "raw, key",
    [
        ({"colour": "blue"}, "colour"),
        ({"facts": [fact(colour="blue")]}, "facts[0].colour"),
        ({"facts": [fact()], "documents": [document(size=3)]}, "documents[0].size"),
        ({"in_netherlands": "maybe"}, "in_netherlands"),
        ({"previous_outcome": "lost"}, "previous_outcome"),
        ({"lawyer": "cousin"}, "lawyer"),
        ({"facts": [fact(), fact(kind="foo")]}, "facts[1].kind"),
        ({"facts": [fact(concerns="me")]}, "facts[0].concerns"),
        ({"facts": [fact(new_since_decision="later")]}, "facts[0].new_since_decision"),
        ({"facts": [fact(concerns="group", group="footballers")]}, "facts[0].group"),
        ({"facts": [fact(concerns="everyone", group="footballers")]}, "facts[0].group"),
        ({"facts": [fact(concerns="group", you_belong="perhaps")]}, "facts[0].you_belong"),
        ({"facts": [fact()], "documents": [document(kind="letter")]}, "documents[0].kind"),
        ({"facts": [fact()], "documents": [document(language="ti")]}, "documents[0].language"),
        ({"facts": [fact()], "documents": [document(translation="google")]}, "documents[0].translation"),
        ({"facts": [fact()], "documents": [document(form="fax")]}, "documents[0].form"),
        ({"facts": [fact()], "documents": [document(received="pigeon")]}, "documents[0].received"),
        ({"reasons": ["political", "money"]}, "reasons[1]"),
    ],
)
def test_unknown_keys_and_values_name_the_key(raw, key):
    err = error_for(raw)
    assert err.key == key
    assert str(err).startswith(f"{key}: ")
    assert "\n" not in str(err)


def test_unknown_value_message_lists_the_allowed_values():
    err = error_for({"facts": [fact(kind="foo")]})
    assert str(err) == (
        "facts[0].kind: unknown value 'foo' (expected one of: new_document, country_change, "
        "personal_situation, family_change, policy_change, court_judgment, undisclosed_information, "
        "life_in_netherlands)"
    )


@pytest.mark.parametrize(
    "raw, key",
    [
        ({"in_netherlands": True}, "in_netherlands"),
        ({"appeal": 1}, "appeal"),
        ({"reasons": "political"}, "reasons"),
        ({"reasons": [["political"]]}, "reasons[0]"),
        ({"facts": {"kind": "new_document"}}, "facts"),
        ({"facts": ["new_document"]}, "facts[0]"),
        ({"facts": [fact(kind=3)]}, "facts[0].kind"),
        ({"facts": [fact(note=42)]}, "facts[0].note"),
        ({"facts": [fact()], "documents": [document(fact="0")]}, "documents[0].fact"),
        ({"facts": [fact()], "documents": [document(fact=True)]}, "documents[0].fact"),
        ({"departure_in_days": "3"}, "departure_in_days"),
        ({"departure_in_days": 2.5}, "departure_in_days"),
    ],
)
def test_wrong_types_name_the_key(raw, key):
    assert error_for(raw).key == key


def test_answers_must_be_an_object():
    for raw in ([], "yes", None, 3):
        assert error_for(raw).key == "answers"


def test_a_fact_and_a_document_need_a_kind():
    assert error_for({"facts": [{"concerns": "everyone"}]}).key == "facts[0].kind"
    assert error_for({"documents": [{"language": "nl"}]}).key == "documents[0].kind"


@pytest.mark.parametrize("days", [True, False])
def test_bool_is_not_a_number_of_days(days):
    assert error_for({"departure_in_days": days}).key == "departure_in_days"


@pytest.mark.parametrize("days, ok", [(0, True), (8, True), (3650, True), (-1, False), (3651, False)])
def test_departure_in_days_limits(days, ok):
    if ok:
        assert normalise({"departure_in_days": days})["departure_in_days"] == days
    else:
        assert error_for({"departure_in_days": days}).key == "departure_in_days"


def test_duplicate_reason_is_rejected():
    err = error_for({"reasons": ["religion", "gender", "religion"]})
    assert err.key == "reasons[2]"
    assert "twice" in str(err)


def test_at_most_max_facts():
    assert len(normalise({"facts": [fact()] * vocabulary.MAX_FACTS})["facts"]) == vocabulary.MAX_FACTS
    assert error_for({"facts": [fact()] * (vocabulary.MAX_FACTS + 1)}).key == "facts"


def test_at_most_max_documents():
    documents = [document()] * vocabulary.MAX_DOCUMENTS
    assert len(normalise({"facts": [fact()], "documents": documents})["documents"]) == vocabulary.MAX_DOCUMENTS
    err = error_for({"facts": [fact()], "documents": documents + [document()]})
    assert err.key == "documents"


def test_note_length_limit():
    longest = "x" * vocabulary.MAX_NOTE_LENGTH
    assert normalise({"facts": [fact(note=longest)]})["facts"][0]["note"] == longest
    err = error_for({"facts": [fact(), fact(note=longest + "x")]})
    assert err.key == "facts[1].note"
    assert "too long" in str(err)


def test_document_fact_must_point_at_a_fact():
    assert normalise({"facts": [fact(), fact()], "documents": [document(fact=1)]})["documents"][0]["fact"] == 1
    for index in (1, -1, 99):
        assert error_for({"facts": [fact()], "documents": [document(fact=index)]}).key == "documents[0].fact"
    assert error_for({"documents": [document(fact=0)]}).key == "documents[0].fact"


def test_odd_keys_stay_on_one_line():
    err = error_for({"bad\nkey\u202e": 1})
    assert "\n" not in str(err)
    assert "\u202e" not in str(err)


def test_who_the_application_is_for_and_a_return_home_have_defaults():
    answers = normalise({})
    assert answers["applying_for"] == "me_alone"
    assert answers["returned_home"] == "no"
    assert normalise({"applying_for": "minor_alone"})["applying_for"] == "minor_alone"
    assert str(error_for({"applying_for": "family"})) == (
        "applying_for: unknown value 'family' (expected one of: me_alone, with_children, minor_alone)")
    assert str(error_for({"returned_home": "maybe"})) == (
        "returned_home: unknown value 'maybe' (expected one of: yes, no)")
