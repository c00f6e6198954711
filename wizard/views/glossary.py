"""The Glossary page, and `glossary_terms()` for the templates: which words of
the glossary a page's own texts use (the `explain_terms` macro of templates/macros.html)."""
import re

from flask import current_app, g, render_template
from flask_babel.speaklater import LazyString

from wizard import audio, flow, glossary
from wizard.i18n import request_translations, translate
from wizard.messages import Text
from wizard.views import pages
from wizard.views.fragments import kept_for_language


@pages.route("/glossary")
def glossary_page():
    return render_template("glossary.html", terms=glossary.TERMS)


@pages.app_template_global()
def glossary_terms(*parts):
    """The glossary terms in a page's texts, each once, in the order they come.

    A part is a message id (str), a translated text (Markup, a lazy string),
    a Text, a flow step (its question and hint), a form or a form field (the
    choices and their hints), or a list, tuple, named tuple or dict of these.
    A person's own note is not the page's text: left out."""
    translations = request_translations()
    lang = g.get("lang") or "en"
    steps = _steps_only(parts)
    if steps is not None:
        # A question page: its words are the same for everyone (its glossary
        # is drawn once per language and kept: templates/question.html).
        texts = [(str(translate(text)), True)
                 for step in steps for text in audio.step_texts(step)]
        return glossary.terms_in(texts, translations.ugettext, lang)
    return glossary.terms_in(_texts(parts, [], translations.ugettext), translations.ugettext, lang)


@pages.app_template_global()
def kept_term_details():
    """{anchor: markup} of every glossary term's closed details (the
    term_details macro), in this request's language: drawn once per process
    and language, for every term at once, so what is kept says nothing of
    the words anyone's pages used. Drawing them was a tenth of the result page."""
    def draw_all():
        draw = current_app.jinja_env.get_template("macros.html").module.term_details
        return {term.anchor: draw(term) for term in glossary.TERMS}
    return kept_for_language("nfc_term_details", draw_all)


def _steps_only(parts):
    """The flow steps of a question page's parts (a step, (name, step) pairs,
    None), or None when another part is there. A step's words are what its
    Listen control reads (audio.step_texts): question, hint, choices with
    their hints, follow-up questions."""
    steps = []
    for part in parts:
        if part is None:
            continue
        if isinstance(part, flow.Step):
            steps.append(part)
        elif isinstance(part, list) and all(
                isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[1], flow.Step)
                for pair in part):
            steps.extend(step for _name, step in part)
        else:
            return None
    return steps


_PLACEHOLDER = re.compile(r"%\(\w+\)s")


def catalog_words(message):
    """A translated catalog message without its placeholders."""
    return _PLACEHOLDER.sub(" ", message) if "%(" in message else message


def _texts(part, found, gettext):
    """[(text, shared)] of each text in `part`: shared when it is the same for
    everyone (a catalog message: glossary.terms_in keeps what it matches),
    not when it may hold a person's answers (the names of their facts in a
    form's choices). A message with a person's values in it (a number of
    days, a date) gives its catalog words and its catalog parameters, never
    the values: matching a whole such line anew was a tenth of the result page.
    (A list filled in place, not a generator: the walk was a tenth too.)
    `gettext`: this request's translation of a message id."""
    kind = type(part)
    if part is None:
        return found
    if kind is Text:
        # A message's catalog words (matched once and kept), then its
        # parameters that are messages too.
        found.append((catalog_words(gettext(part.msgid)), True))
        for value in part.params.values():
            if type(value) is Text:
                _texts(value, found, gettext)
    elif kind is list or kind is tuple:
        for item in part:
            _texts(item, found, gettext)
    elif hasattr(part, "_fields") and hasattr(part, "validate"):  # a form: its fields
        _texts(list(part), found, gettext)
    elif hasattr(part, "validate"):  # a field: its choices (a text field: none)
        # (before __html__: a field has one too, and drawing it would put the
        # person's own words among the page's)
        for choice in getattr(part, "choices", None) or ():
            _texts([choice[1], *(choice[2].values() if len(choice) > 2 else ())], found, gettext)
    elif isinstance(part, LazyString) or hasattr(part, "__html__"):  # translated already
        found.append((str(part), False))
    elif isinstance(part, str):  # a message id (or the operator's contacts)
        found.append(((gettext(part) if part else ""), True))
    elif hasattr(part, "question") and hasattr(part, "hint"):  # a flow step: its words
        _texts([part.question, part.hint], found, gettext)
    elif isinstance(part, dict) or hasattr(part, "_asdict"):
        for key, value in (part if isinstance(part, dict) else part._asdict()).items():
            if key != "note":
                _texts(value, found, gettext)
    elif isinstance(part, (list, tuple)):
        for item in part:
            _texts(item, found, gettext)
    return found
