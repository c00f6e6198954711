"""Message ids to translate later: N_() marks them, Text carries one with its
parameters. Pure Python (no Flask), so the rules, the flow and the checklist
can use them; wizard/i18n.py translates them when a page is drawn.
"""
from collections import namedtuple


def N_(message):
    """Mark a string for translation without translating it (gettext's no-op)."""
    return message


class Text(namedtuple("Text", "msgid params")):
    """A message to translate later; params may be Text themselves. The
    checklist translates each one twice: for the person and for the lawyer."""

    def __new__(cls, msgid, **params):
        return super().__new__(cls, msgid, params)
