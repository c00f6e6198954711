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
from wtforms.validators import InputRequired, StopValidation, ValidationError

from wizard import languages
from wizard import vocabulary as v
from wizard.i18n import lazy_text
from wizard.messages import N_

# Characters that reorder text invisibly (the "Trojan Source" kind) or
# control characters: they have no place in a short note.
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _lazy(message):
    return lazy_text(message) if message else None


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

    class Meta:
        # CSRFProtect checks the token of every post before the view; the
        # page writes the one token of the request (macros.html csrf_field),
        # so the form's own CSRF field would only sign it again (issue 14).
        csrf = False


def form_class(fields, fact_choices=()):
    """The form of one page. `fields`: the page's questions (flow.page_fields or
    flow.item_page_fields): the first is the field `answer`, each other one is
    named after its question (a follow-up under one choice, a note)."""
    fields = tuple(fields)
    if any(step.kind == "fact_choice" for step in fields):
        # Its choices name the person's own facts: made anew, never kept.
        return _make_form_class(fields, tuple(fact_choices))
    return _form_class_of(fields)


@functools.lru_cache(maxsize=None)
def _form_class_of(fields):
    # Kept: WTForms prepares a form class on first use, the same every time.
    return _make_form_class(fields, ())


def _make_form_class(fields, fact_choices):
    main = fields[0]
    attributes = {"answer": _field(main, fact_choices)}
    for step in fields[1:]:
        only_when = main.follow_up[0] if main.follow_up and main.follow_up[1] is step else None
        attributes[step.name] = _field(step, fact_choices, only_when)
    return type(f"{main.name.title()}Form", (QuestionForm,), attributes)


class OnlyWhen:
    """A follow-up question counts only when its choice is the page's answer."""

    def __init__(self, value):
        self.value = value

    def __call__(self, form, field):
        if form.answer.data != self.value:
            field.errors[:] = []
            raise StopValidation()


def _field(step, fact_choices=(), only_when=None):
    label = _lazy(step.question)
    error = _lazy(step.error)
    first = [OnlyWhen(only_when)] if only_when else []
    if step.kind == "radio":
        return RadioField(label, choices=_choices(step.choices), validate_choice=False,
                          validators=first + [InputRequired(message=error),
                                              OneOf(v.values(step.choices), error)])
    if step.kind == "fact_choice":
        return RadioField(label, choices=list(fact_choices), validate_choice=False,
                          validators=first + [InputRequired(message=error),
                                              OneOf([value for value, _ in fact_choices], error)])
    if step.kind == "checkboxes":
        return SelectMultipleField(label, choices=_choices(step.choices), validate_choice=False,
                                   validators=first + [OneOf(v.values(step.choices), error)])
    if step.kind == "checks":
        return SelectMultipleField(label, choices=_choices(step.choices), validate_choice=False,
                                   validators=[OneOf(v.values(step.choices), error),
                                               checks_make_sense])
    if step.kind == "number":
        return StringField(label, validators=first + [whole_days])
    if step.kind == "text":
        return StringField(label, validators=first + [short_note, plain_text])
    raise ValueError(step.kind)


def checks_make_sense(form, field):
    """"None of these" stands alone, and one question gets one answer."""
    ticked = field.data or []
    if "none" in ticked and len(ticked) > 1:
        raise ValidationError(lazy_gettext(
            "Select “None of these” only if nothing else applies to you"))
    questions = [value.split(":")[0] for value in ticked]
    if len(set(questions)) != len(questions):
        raise ValidationError(lazy_gettext(
            "Select either that you have protection in another EU country, or that you are not sure"))


def to_answer(step, data):
    """The form's data as the answer contract wants it ("checks": a dict of the
    page's questions and their answers)."""
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
    if step.kind == "checks":
        answers = {value.split(":")[0]: "no" for value in v.values(step.choices) if value != "none"}
        answers.update(value.split(":") for value in data if value != "none")
        return answers
    return data


def to_form_data(step, answer):
    """An answer as the form field wants it, to show what was chosen before."""
    if step.kind == "checks":
        # `answer`: all the answers; ticked is what is not "no"; "none" when all are "no".
        ticked = [value for value in v.values(step.choices)
                  if ":" in value and answer.get(value.split(":")[0]) == value.split(":")[1]]
        questions = {value.split(":")[0] for value in v.values(step.choices) if ":" in value}
        if not ticked and all(answer.get(name) == "no" for name in questions):
            return ["none"]
        return ticked
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

    # What the result page ticks: the default (the page is never sent a choice).
    TICKS = {"lawyer": languages.LAWYER_LANGUAGES[0]}

    lawyer = RadioField(default=TICKS["lawyer"], validate_choice=False, choices=[
        (code, lazy_gettext("My lawyer reads %(language)s", language=languages.get(code).name))
        for code in languages.LAWYER_LANGUAGES])
