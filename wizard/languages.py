"""The languages the wizard is offered in.

A language is offered only when its catalog is complete (tests/test_i18n.py
checks that). `review` says honestly who checked the translation; it is
shown on the start page and on the checklist.
"""
from collections import namedtuple

from wizard.messages import N_

Language = namedtuple("Language", "code name direction review")

# English is the source language: its texts are the message ids.
REVIEW_SOURCE = "source"
REVIEW_MACHINE = "machine-assisted"

REVIEW_TEXT = {
    REVIEW_SOURCE: N_("This is the original text of the check."),
    REVIEW_MACHINE: N_("This language was translated with machine help and has not yet been checked by a native speaker."),
}

# Each under its own name, in its own script (DESIGN.md §6). Dari's
# catalog is fa_AF (Babel rejects prs), Kurmanji's is ku (not kmr).
LANGUAGES = (
    Language("nl", "Nederlands", "ltr", REVIEW_MACHINE),
    Language("en", "English", "ltr", REVIEW_SOURCE),
    Language("ar", "العربية", "rtl", REVIEW_MACHINE),
    Language("fa", "فارسی", "rtl", REVIEW_MACHINE),
    Language("fa_AF", "دری", "rtl", REVIEW_MACHINE),
    Language("ps", "پښتو", "rtl", REVIEW_MACHINE),
    Language("ckb", "کوردیی ناوەندی", "rtl", REVIEW_MACHINE),
    Language("ku", "Kurmancî", "ltr", REVIEW_MACHINE),
    Language("ur", "اردو", "rtl", REVIEW_MACHINE),
    Language("ti", "ትግርኛ", "ltr", REVIEW_MACHINE),
    Language("am", "አማርኛ", "ltr", REVIEW_MACHINE),
    Language("so", "Soomaali", "ltr", REVIEW_MACHINE),
    Language("tr", "Türkçe", "ltr", REVIEW_MACHINE),
    Language("fr", "Français", "ltr", REVIEW_MACHINE),
    Language("es", "Español", "ltr", REVIEW_MACHINE),
    Language("ru", "Русский", "ltr", REVIEW_MACHINE),
    Language("uk", "Українська", "ltr", REVIEW_MACHINE),
    Language("ka", "ქართული", "ltr", REVIEW_MACHINE),
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
