"""All the forms, in one place.

Question forms are made from the flow's steps, so a new question is a new
`Step`, not a new class. Each has one field called `answer`; labels and
errors are translated lazily, when the page is drawn.
"""
import functools
import unicodedata

from flask_babel import lazy_gettext
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectMultipleField, StringField
from wtforms.validators import InputRequired, ValidationError

from wizard import languages
from wizard import vocabulary as v
from wizard.messages import N_

# Characters that reorder text invisibly (the "Trojan Source" kind) or
# control characters: they have no place in a short note.
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _lazy(message):
    return lazy_gettext(message) if message else None


def _choices(choices):
    """(value, label) or, where a choice has an explanation, (value, label,
    {"hint": …}): the radio macro shows it under its choice (GOV.UK item hints)."""
    return [(choice.value, _lazy(choice.label)) + (({"hint": _lazy(choice.hint)},) if choice.hint else ())
            for choice in choices]


class OneOf:
    """Like WTForms' AnyOf, with our own translated message."""

    def __init__(self, allowed, message):
        self.allowed = set(allowed)
        self.message = message

    def __call__(self, form, field):
        data = field.data if isinstance(field.data, list) else [field.data]
        if not data or any(value not in self.allowed for value in data):
            raise ValidationError(self.message)
        if len(set(data)) != len(data):
            raise ValidationError(self.message)


def plain_text(form, field):
    """Refuse control and bidi-override characters in free text."""
    text = field.data or ""
    for char in text:
        if char in _BIDI_CONTROLS or (unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn")):
            raise ValidationError(lazy_gettext(
                "Remove the special or invisible characters from your note"))


def short_note(form, field):
    """Never cut a note silently (the field has no maxlength): say how many
    characters were typed, and the limit."""
    count = len(field.data or "")
    if count > v.MAX_NOTE_LENGTH:
        raise ValidationError(lazy_gettext(
            "You wrote %(count)s characters. Write %(max)s characters or fewer.",
            count=count, max=v.MAX_NOTE_LENGTH))


def whole_days(form, field):
    text = (field.data or "").strip()
    if text == "":
        return
    # isdecimal() also accepts Arabic-Indic and other digits people type.
    # The length check first: int() refuses (ValueError) over 4300 digits.
    if not text.isdecimal() or len(text) > 20 or int(text) > v.MAX_DEPARTURE_DAYS:
        raise ValidationError(lazy_gettext("Write the number of days as a whole number, for example 5"))


class QuestionForm(FlaskForm):
    """The base of every question form."""


def form_class(step, fact_choices=()):
    """A form class with one field, `answer`, for a flow step."""
    if step.kind == "fact_choice":
        # Its choices name the person's own facts: made anew, never kept.
        return _make_form_class(step, fact_choices)
    return _form_class_of(step)


@functools.lru_cache(maxsize=None)
def _form_class_of(step):
    # Kept: WTForms prepares a form class on first use, the same every time.
    return _make_form_class(step, ())


def _make_form_class(step, fact_choices):
    label = _lazy(step.question)
    error = _lazy(step.error)
    if step.kind == "radio":
        field = RadioField(label, choices=_choices(step.choices), validate_choice=False,
                           validators=[InputRequired(message=error),
                                       OneOf(v.values(step.choices), error)])
    elif step.kind == "fact_choice":
        field = RadioField(label, choices=list(fact_choices), validate_choice=False,
                           validators=[InputRequired(message=error),
                                       OneOf([value for value, _ in fact_choices], error)])
    elif step.kind == "checkboxes":
        field = SelectMultipleField(label, choices=_choices(step.choices), validate_choice=False,
                                    validators=[OneOf(v.values(step.choices), error)])
    elif step.kind == "number":
        field = StringField(label, validators=[whole_days])
    elif step.kind == "text":
        field = StringField(label, validators=[
            short_note,
            plain_text,
        ])
    else:
        raise ValueError(step.kind)
    return type(f"{step.name.title()}Form", (QuestionForm,), {"answer": field})


def to_answer(step, data):
    """The form's data as the answer contract wants it."""
    if step.kind == "number":
        text = (data or "").strip()
        return int(text) if text else None
    if step.kind == "text":
        return (data or "").strip()
    if step.kind == "fact_choice":
        return None if data == "none" else int(data)
    if step.kind == "checkboxes":
        # Keep the order of the vocabulary, not of the post.
        return [value for value in v.values(step.choices) if value in data]
    return data


def to_form_data(step, answer):
    """An answer as the form field wants it, to show what was chosen before."""
    if answer is None:
        return "none" if step.kind == "fact_choice" else None
    if step.kind in ("number", "fact_choice"):
        return str(answer)
    return answer


class AddAnotherForm(FlaskForm):
    add = RadioField(choices=_choices(v.YES_NO), validate_choice=False)

    def __init__(self, error, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add.validators = [InputRequired(message=error), OneOf(("yes", "no"), error)]


class EraseForm(FlaskForm):
    """"Erase all your answers?" Yes / No: one tap in the header must not wipe a check."""
    confirm = RadioField(choices=_choices(v.YES_NO), validate_choice=False, validators=[
        InputRequired(message=lazy_gettext("Select yes if you want to erase your answers")),
        OneOf(("yes", "no"), lazy_gettext("Select yes if you want to erase your answers")),
    ])


class RemoveForm(FlaskForm):
    confirm = RadioField(choices=_choices(v.YES_NO), validate_choice=False, validators=[
        InputRequired(message=lazy_gettext("Select yes if you want to remove it")),
        OneOf(("yes", "no"), lazy_gettext("Select yes if you want to remove it")),
    ])


NONE_OF_THEM = N_("None of them, or I am not sure")


class LawyerLanguageForm(FlaskForm):
    """On the result page: the language the lawyer reads the checklist in (a GET
    to the checklist page, which checks the value itself; no CSRF needed)."""

    class Meta:
        csrf = False

    lawyer = RadioField(default=languages.LAWYER_LANGUAGES[0], validate_choice=False, choices=[
        (code, lazy_gettext("My lawyer reads %(language)s", language=languages.get(code).name))
        for code in languages.LAWYER_LANGUAGES])
