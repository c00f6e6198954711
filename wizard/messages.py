"""Message ids to translate later: N_() marks them, Text carries one with its
parameters. Pure Python (no Flask), so the rules, the flow and the checklist
can use them; wizard/i18n.py translates them when a page is drawn.
"""
from collections import namedtuple


def N_(message):
    """Mark a string for translation without translating it (gettext's no-op)."""
    return message


_new_tuple = tuple.__new__


class Text(namedtuple("Text", "msgid params")):
    """A message to translate later; params may be Text themselves. The
    checklist translates each one twice: for the person and for the lawyer."""

    __slots__ = ()

    def __new__(cls, msgid, **params):
        # What namedtuple's own __new__ does, without its extra call: a
        # result page makes about a hundred of these.
        return _new_tuple(cls, (msgid, params))
