"""The Glossary page, and `glossary_terms()` for the templates: which words of
the glossary a page's own texts use (templates/glossary_macros.html)."""
from flask import g, render_template
from flask_babel.speaklater import LazyString

from wizard import glossary
from wizard.i18n import request_translations, translate
from wizard.messages import Text
from wizard.views import pages


@pages.route("/glossary")
def glossary_page():
    return render_template("glossary.html", terms=glossary.TERMS)


@pages.app_template_global()
def glossary_terms(*parts):
    """The glossary terms in a page's texts, each once, in the order they come.

    A part is a message id (str), a translated text (Markup, a lazy string),
    a Text, a flow step (its question and hint), a form or a form field (the
    choices and their hints), or a list, tuple, named tuple or dict of these. A person's own note is not the page's
    text: left out."""
    translations = request_translations()
    return glossary.terms_in(list(_texts(parts)), translations.ugettext, g.get("lang") or "en")


def _texts(part):
    if part is None:
        return
    if isinstance(part, Text):
        yield str(translate(part))
    elif hasattr(part, "_fields") and hasattr(part, "validate"):  # a form: its fields
        yield from _texts(list(part))
    elif hasattr(part, "choices") and hasattr(part, "validate"):  # a field: its choices
        # (before __html__: a field has one too, and drawing it costs)
        for choice in part.choices:
            yield from _texts([choice[1], *(choice[2].values() if len(choice) > 2 else ())])
    elif isinstance(part, LazyString) or hasattr(part, "__html__"):  # translated already
        yield str(part)
    elif isinstance(part, str):
        yield request_translations().ugettext(part) if part else ""
    elif hasattr(part, "question") and hasattr(part, "hint"):  # a flow step: its words
        yield from _texts([part.question, part.hint])
    elif isinstance(part, dict) or hasattr(part, "_asdict"):
        for key, value in (part if isinstance(part, dict) else part._asdict()).items():
            if key != "note":
                yield from _texts(value)
    elif isinstance(part, (list, tuple)):
        for item in part:
            yield from _texts(item)
