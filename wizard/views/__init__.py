"""The pages, one module per feature, on one blueprint whose addresses all
start with the language, /<language:lang>/… (the converter is in wizard/i18n.py):

    questions.py    one question per page, the add-another lists, removing an item
    finish.py       check your answers, the exit page, the result, the checklist and its PDF
    fixed_pages.py  the start page, begin, sources, erase, and the kiosk's wipe
    leave.py        "Leave this page": erase at once and open a neutral site
    handover.py     continue from the checklist PDF (its attached answers.json)
    context.py      what every template is given, and the address of a flow page

The language choice at / has no language: it is on the app (app.py), and the
error pages are registered in the factory too (wizard/errors.py).
"""
from flask import Blueprint, g

pages = Blueprint("wizard", __name__, url_prefix="/<language:lang>")


@pages.url_value_preprocessor
def pull_language(endpoint, values):
    g.lang = values.pop("lang")


@pages.url_defaults
def add_language(endpoint, values):
    if "lang" not in values and g.get("lang"):
        values["lang"] = g.lang


from wizard.views import context, finish, fixed_pages, glossary, handover, leave, questions  # noqa: E402,F401 (the routes)
from wizard.views import audio  # noqa: E402,F401 (the Listen control's audio)


def register(app):
    """The pages, and the language choice at / (outside the blueprint: no language)."""
    app.register_blueprint(pages)
    app.add_url_rule("/", "choose_language", fixed_pages.choose_language)
