"""The languages the wizard is offered in.

A language is offered only when its catalog is complete (tests/test_i18n.py
checks that). `review` says honestly who checked the translation; it is
shown on the start page and on the checklist.
"""
from collections import namedtuple

from wizard.messages import N_

AUDIO_RECORDED = "recorded"
AUDIO_COMPUTER = "computer voice"


class Language(namedtuple("Language", "code name direction review voice recorded",
                          defaults=(None, False))):
    """`voice`: the espeak-ng voice (`espeak-ng --voices`) that reads the pages
    aloud, or None; `recorded`: a native speaker recorded every message
    (README "Listening"). None is recorded today."""

    @property
    def audio(self):
        """Which audio this language has, honestly: "recorded", "computer voice" or None."""
        if self.recorded:
            return AUDIO_RECORDED
        return AUDIO_COMPUTER if self.voice else None


# English is the source language: its texts are the message ids.
REVIEW_SOURCE = "source"
REVIEW_MACHINE = "machine-assisted"

REVIEW_TEXT = {
    REVIEW_SOURCE: N_("This is the original text of the check."),
    REVIEW_MACHINE: N_("This language was translated with machine help and has not yet been checked by a native speaker."),
}

# Each under its own name, in its own script (DESIGN.md §6). Dari's
# catalog is fa_AF (Babel rejects prs), Kurmanji's is ku (not kmr).
# `voice`: checked with `espeak-ng --voices` (espeak-ng 1.51, Debian 12).
# It has no voice for Pashto, Sorani, Tigrinya or Somali: those pages have
# no Listen control. Dari has none of its own; it is read with the Iranian
# Persian voice ("fa"), and the control says so (wizard/views/audio.py):
# the script and most words are the same and Dari speakers widely follow
# Iranian Persian, but the accent and some words differ; a Dari speaker's
# recordings (RECORDED_AUDIO_DIR/fa_AF/) replace it message by message.
LANGUAGES = (
    Language("nl", "Nederlands", "ltr", REVIEW_MACHINE, voice="nl"),
    Language("en", "English", "ltr", REVIEW_SOURCE, voice="en-gb"),
    Language("ar", "العربية", "rtl", REVIEW_MACHINE, voice="ar"),
    Language("fa", "فارسی", "rtl", REVIEW_MACHINE, voice="fa"),
    Language("fa_AF", "دری", "rtl", REVIEW_MACHINE, voice="fa"),
    Language("ps", "پښتو", "rtl", REVIEW_MACHINE),
    Language("ckb", "کوردیی ناوەندی", "rtl", REVIEW_MACHINE),
    Language("ku", "Kurmancî", "ltr", REVIEW_MACHINE, voice="ku"),
    Language("ur", "اردو", "rtl", REVIEW_MACHINE, voice="ur"),
    Language("ti", "ትግርኛ", "ltr", REVIEW_MACHINE),
    Language("am", "አማርኛ", "ltr", REVIEW_MACHINE, voice="am"),
    Language("so", "Soomaali", "ltr", REVIEW_MACHINE),
    Language("tr", "Türkçe", "ltr", REVIEW_MACHINE, voice="tr"),
    Language("fr", "Français", "ltr", REVIEW_MACHINE, voice="fr-fr"),
    Language("es", "Español", "ltr", REVIEW_MACHINE, voice="es"),
    Language("ru", "Русский", "ltr", REVIEW_MACHINE, voice="ru"),
    Language("uk", "Українська", "ltr", REVIEW_MACHINE, voice="uk"),
    Language("ka", "ქართული", "ltr", REVIEW_MACHINE, voice="ka"),
)

# A voice that is not the language's own: the control names it.
BORROWED_VOICE = {"fa_AF": N_("computer voice, with an Iranian Persian accent")}

BY_CODE = {language.code: language for language in LANGUAGES}
CODES = tuple(BY_CODE)
DEFAULT = "en"

# The languages a lawyer reads the checklist in (DESIGN.md §1).
LAWYER_LANGUAGES = ("nl", "en")

# Browsers send codes Babel does not use for our catalogs (DESIGN.md §6).
ACCEPT_LANGUAGE_ALIASES = {"prs": "fa_AF", "kmr": "ku"}


def get(code):
    return BY_CODE.get(code)
