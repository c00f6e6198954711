"""The answer model: the keys, values and limits of the answer contract
(DESIGN.md §3), checked and completed by normalise().

Answers are a plain JSON-compatible dict. The wizard holds partial answers,
so a question not answered yet is None; the rules cope with that.
No Flask, no I/O.
"""
from . import vocabulary as v
from .vocabulary import values

# The top-level keys, in the order of the contract in DESIGN.md §3.
KEYS = (
    "in_netherlands",
    "applied_before_nl",
    "previous_outcome",
    "appeal",
    "earlier_repeat_applications",
    "protection_elsewhere",
    "ukraine_temporary_protection",
    "removal",
    "departure_in_days",
    "detained",
    "reasons",
    "facts",
    "documents",
    "lawyer",
    "applying_for",
    "returned_home",
)

# The top-level keys whose value is one choice.
CHOICES = {
    "in_netherlands": v.YES_NO,
    "applied_before_nl": v.YES_NO,
    "previous_outcome": v.PREVIOUS_OUTCOME,
    "appeal": v.APPEAL,
    "earlier_repeat_applications": v.EARLIER_REPEAT_APPLICATIONS,
    "protection_elsewhere": v.YES_NO_UNSURE,
    "ukraine_temporary_protection": v.YES_NO,
    "removal": v.REMOVAL,
    "detained": v.YES_NO,
    "lawyer": v.LAWYER,
    "applying_for": v.APPLYING_FOR,
    "returned_home": v.YES_NO,
}

# DESIGN.md §3: "Optional keys and their defaults when left out".
DEFAULTS = {"earlier_repeat_applications": "none", "applying_for": "me_alone",
            "returned_home": "no"}

FACT_KEYS = ("kind", "new_since_decision", "concerns", "group", "you_belong", "note")
DOCUMENT_KEYS = ("kind", "fact", "language", "translation", "form", "received", "note")



class AnswerError(ValueError):
    """An answer that breaks the contract; `key` says where, e.g. `facts[2].kind`."""

    def __init__(self, key, message):
        super().__init__(f"{key}: {message}")
        self.key = key
        self.message = message


class Answers(dict):
    """Answers normalise() made, given back as they are when normalised again
    (the result page normalised the same answers three times). Read them
    only: a copy, dict(answers), is checked again."""


def normalise(raw):
    """Check raw answers against the contract; return a new dict with defaults filled in.

    A top-level key that is missing (or null) and has no default becomes None:
    "not answered yet". Raises AnswerError on the first problem found.
    """
    if type(raw) is Answers:
        return raw
    if not isinstance(raw, dict):
        raise AnswerError("answers", f"expected an object with the answers, got {_type_name(raw)}")
    _reject_unknown_keys(raw, KEYS, "")
    answers = Answers()
    for key in KEYS:
        if key in CHOICES:
            answers[key] = _choice(raw.get(key), CHOICES[key], key, DEFAULTS.get(key))
        elif key == "departure_in_days":
            answers[key] = _departure_in_days(raw.get(key))
        elif key == "reasons":
            answers[key] = _reasons(raw.get(key))
        elif key == "facts":
            answers[key] = _facts(raw.get(key))
        elif key == "documents":
            answers[key] = _documents(raw.get(key), len(answers["facts"]))
    return answers


def _fact(raw, path):
    """One new fact; group and you_belong are kept only when the fact concerns a group."""
    _require_object(raw, path)
    _reject_unknown_keys(raw, FACT_KEYS, path)
    fact = {
        "kind": _required_choice(raw.get("kind"), v.FACT_KINDS, f"{path}.kind"),
        "new_since_decision": _choice(
            raw.get("new_since_decision"), v.NEW_SINCE_DECISION, f"{path}.new_since_decision", "yes"
        ),
        "concerns": _choice(raw.get("concerns"), v.CONCERNS, f"{path}.concerns"),
    }
    # Checked even when dropped: a wrong value is a mistake wherever it is.
    group = _choice(raw.get("group"), v.REASONS, f"{path}.group")
    you_belong = _choice(raw.get("you_belong"), v.YES_NO_UNSURE, f"{path}.you_belong")
    if fact["concerns"] == "group":
        fact["group"] = group
        fact["you_belong"] = you_belong
    fact["note"] = _note(raw.get("note"), f"{path}.note")
    return fact


def _document(raw, path, fact_count):
    """One document; the translation is settled for the four languages the IND reads."""
    _require_object(raw, path)
    _reject_unknown_keys(raw, DOCUMENT_KEYS, path)
    language = _choice(raw.get("language"), v.DOCUMENT_LANGUAGES, f"{path}.language")
    translation = v.settled_translation(
        language, _choice(raw.get("translation"), v.TRANSLATIONS, f"{path}.translation"))
    return {
        "kind": _required_choice(raw.get("kind"), v.DOCUMENT_KINDS, f"{path}.kind"),
        "fact": _fact_index(raw.get("fact"), f"{path}.fact", fact_count),
        "language": language,
        "translation": translation,
        "form": _choice(raw.get("form"), v.DOCUMENT_FORMS, f"{path}.form"),
        "received": _choice(raw.get("received"), v.RECEIVED, f"{path}.received"),
        "note": _note(raw.get("note"), f"{path}.note"),
    }


def _facts(raw):
    items = _list(raw, "facts", v.MAX_FACTS, "facts")
    return [_fact(item, f"facts[{i}]") for i, item in enumerate(items)]


def _documents(raw, fact_count):
    items = _list(raw, "documents", v.MAX_DOCUMENTS, "documents")
    return [_document(item, f"documents[{i}]", fact_count) for i, item in enumerate(items)]


def _reasons(raw):
    reasons = []
    for i, item in enumerate(_list(raw, "reasons", len(v.REASONS), "reasons")):
        reason = _required_choice(item, v.REASONS, f"reasons[{i}]")
        if reason in reasons:
            raise AnswerError(f"reasons[{i}]", f"{reason!r} is listed twice")
        reasons.append(reason)
    return reasons


def _departure_in_days(raw):
    key = "departure_in_days"
    if raw is None:
        return None
    # bool is a subclass of int in Python; true is not a number of days.
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise AnswerError(key, f"expected a whole number of days or null, got {_type_name(raw)}")
    if raw < 0:
        raise AnswerError(key, f"must be 0 or more, got {raw}")
    if raw > v.MAX_DEPARTURE_DAYS:
        raise AnswerError(key, f"must be at most {v.MAX_DEPARTURE_DAYS}, got {raw}")
    return raw


def _fact_index(raw, key, fact_count):
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise AnswerError(key, f"expected the number of a fact (0, 1, ...) or null, got {_type_name(raw)}")
    if not 0 <= raw < fact_count:
        raise AnswerError(key, f"there is no fact {raw} (there are {fact_count} facts, counted from 0)")
    return raw


def _note(raw, key):
    if raw is None:
        return ""
    if not isinstance(raw, str):
        raise AnswerError(key, f"expected a string, got {_type_name(raw)}")
    if len(raw) > v.MAX_NOTE_LENGTH:
        raise AnswerError(key, f"too long: {len(raw)} characters (at most {v.MAX_NOTE_LENGTH})")
    return raw


def _choice(raw, choices, key, default=None):
    """One value from a vocabulary tuple; None (not answered) becomes the default."""
    if raw is None:
        return default
    if not isinstance(raw, str):
        raise AnswerError(key, f"expected a string, got {_type_name(raw)}")
    allowed = values(choices)
    if raw not in allowed:
        raise AnswerError(key, f"unknown value {_shown(raw)} (expected one of: {', '.join(allowed)})")
    return raw


def _required_choice(raw, choices, key):
    if raw is None:
        raise AnswerError(key, f"missing (expected one of: {', '.join(values(choices))})")
    return _choice(raw, choices, key)


def _list(raw, key, limit, what):
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise AnswerError(key, f"expected a list, got {_type_name(raw)}")
    if len(raw) > limit:
        raise AnswerError(key, f"too many {what}: {len(raw)} (at most {limit})")
    return raw


def _require_object(raw, key):
    if not isinstance(raw, dict):
        raise AnswerError(key, f"expected an object, got {_type_name(raw)}")


def _reject_unknown_keys(raw, allowed, path):
    for key in raw:
        if key not in allowed:
            name = key if isinstance(key, str) and key.isidentifier() else _shown(key)
            where = f"{path}.{name}" if path else name
            raise AnswerError(where, f"unknown key (expected one of: {', '.join(allowed)})")


def _type_name(value):
    """The JSON name of a value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {_shown(value)}"
    if isinstance(value, str):
        return f"the string {_shown(value)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _shown(value, limit=40):
    """A value quoted on one line (repr escapes newlines and control characters)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
