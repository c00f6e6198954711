"""The languages the wizard is offered in.

A language is offered only when its catalog is complete (tests/test_i18n.py
checks that). `review` says honestly who checked the translation; it is
shown on the start page and on the checklist.
"""
from collections import namedtuple

from wizard.vocabulary import N_

Language = namedtuple("Language", "code name direction review")

# English is the source language: its texts are the message ids.
REVIEW_SOURCE = "source"
REVIEW_MACHINE = "machine-assisted"

REVIEW_TEXT = {
    REVIEW_SOURCE: N_("This is the original text of the check."),
    REVIEW_MACHINE: N_("This language was translated with machine help and has not yet been checked by a native speaker."),
}

LANGUAGES = (
    Language("en", "English", "ltr", REVIEW_SOURCE),
    Language("nl", "Nederlands", "ltr", REVIEW_MACHINE),
)

BY_CODE = {language.code: language for language in LANGUAGES}
CODES = tuple(BY_CODE)
DEFAULT = "en"

# The languages a lawyer reads the checklist in (DESIGN.md §1).
LAWYER_LANGUAGES = ("nl", "en")

# Browsers send codes Babel does not use for our catalogs (DESIGN.md §6).
ACCEPT_LANGUAGE_ALIASES = {"prs": "fa_AF", "kmr": "ku"}


def get(code):
    return BY_CODE.get(code)
