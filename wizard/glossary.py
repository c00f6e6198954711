"""The glossary: each hard word of the check, explained in one plain sentence,
with the Dutch word the person meets on paper (docs/legal-sources.md,
section 12). Pure Python: the term and its explanation are message ids,
translated where they are shown; the Dutch word is never translated.

`terms_in()` finds which terms a page's own (translated) texts use, so the
page can explain each one once; the catalog check in wizard/catalogs.py uses
`occurs()` to find where the English uses a term.
"""
import functools
import re
from collections import namedtuple

from wizard.messages import N_

# anchor: the id on the Glossary page (the same in every language);
# also: other English forms that name the same thing on a page.
Term = namedtuple("Term", "anchor term explanation dutch also", defaults=((),))

# In a logical order (who, what you hand in, the procedure), the same in
# every language: a sort by letters would differ by script.
TERMS = (
    Term("ind", N_("IND"),
         N_("The IND is the Dutch government office that decides on asylum applications."),
         "IND (Immigratie- en Naturalisatiedienst)"),
    Term("vluchtelingenwerk", N_("VluchtelingenWerk"),
         N_("VluchtelingenWerk Nederland is a human rights organisation that explains the asylum "
            "procedure and the letters from the IND and your lawyer."),
         "VluchtelingenWerk Nederland"),
    Term("legal-aid-board", N_("Legal Aid Board"),
         N_("The Legal Aid Board makes sure that you get help from a lawyer if you cannot pay "
            "for one yourself."),
         "Raad voor Rechtsbijstand"),
    Term("v-number", N_("V-number"),
         N_("Your V-number is your own number as a foreign national in the Netherlands: your "
            "lawyer needs it, but this check never asks for it."),
         "V-nummer"),
    Term("repeat-application", N_("repeat application"),
         N_("A repeat application is a new asylum application after the IND rejected your "
            "earlier one: it needs something new that matters for you."),
         "herhaalde asielaanvraag", ("repeat asylum application",)),
    Term("form-m35-o", N_("form M35-O"),
         N_("Form M35-O is the written application form for a repeat application: it is only "
            "in Dutch, so ask your lawyer to help you fill it in."),
         "formulier M35-O", ("M35-O",)),
    Term("ter-apel", N_("Ter Apel"),
         N_("Ter Apel is the place with the application centre where you hand in a repeat "
            "application in person."),
         "Ter Apel"),
    Term("original", N_("original"),
         N_("An original is the real paper document itself, not a copy, a photo or a scan: the "
            "IND cannot check whether a copy is real."),
         "origineel"),
    Term("sworn-translator", N_("sworn translator"),
         N_("A sworn translator is a translator who was sworn in by a Dutch court: a translation "
            "made in the Netherlands must be made by one."),
         "beëdigd vertaler", ("sworn translation",)),
    Term("legalised-translation", N_("legalised translation"),
         N_("A legalised translation is a translation made in another country with an official "
            "confirmation that it is real: usually the document needs one too."),
         "gelegaliseerde vertaling"),
    Term("dublin", N_("Dublin"),
         N_("Dublin is the name of the European rules that decide which country must look at "
            "an asylum application."),
         "Dublinprocedure"),
    Term("appeal", N_("appeal"),
         N_("An appeal means that your lawyer asks a court to look at the IND's decision again."),
         "beroep"),
    Term("provisional-measure", N_("provisional measure"),
         N_("A provisional measure is a quick decision that your lawyer can ask a court for, "
            "because an appeal alone does not stop a removal."),
         "voorlopige voorziening"),
    Term("last-minute-procedure", N_("last-minute procedure"),
         N_("If your flight is booked and leaves within 8 days, the IND may use a very quick "
            "procedure: then only a complete application stops the departure."),
         "LMA"),
    Term("removal", N_("removal"),
         N_("Removal means that the Dutch government makes you leave the Netherlands, if "
            "needed by force, for example on a booked flight."),
         "uitzetting"),
    Term("detention", N_("detention"),
         N_("Detention means that you are held in a closed place that you may not leave, for "
            "example a detention centre."),
         "vreemdelingenbewaring"),
)

BY_ANCHOR = {term.anchor: term for term in TERMS}

# A short word in a script with capitals ("IND", "LMA") must stand alone:
# "IND" is not in "INDIENER". Other terms match anywhere: Arabic writes "the",
# "and" or "by" onto the word itself (الطعن), and "appeal" is in "appeals".
SHORT = 4


def pattern(needle):
    """The search for one written form of a term, on casefolded text."""
    needle = needle.casefold()
    if len(needle) <= SHORT and needle.upper() != needle.lower():
        return re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
    return re.compile(re.escape(needle))


def occurs(needle, text):
    """Whether `needle` is written in `text` (case-insensitive; whole word if short)."""
    return bool(needle) and pattern(needle).search(text.casefold()) is not None


def needles(term, translate):
    """The written forms of a term on a page in one language: its translation,
    the English forms and the Dutch word (often written beside it in brackets)."""
    forms = [translate(term.term), term.term, *term.also, term.dutch.split(" (")[0]]
    return list(dict.fromkeys(form for form in forms if form))


_PATTERNS = {}  # per language: [(term, [patterns])], as the catalogs never change while the app runs


def _patterns(language, translate):
    found = _PATTERNS.get(language)
    if found is None:
        found = _PATTERNS[language] = [(term, [pattern(n) for n in needles(term, translate)])
                                       for term in TERMS]
    return found


def terms_in(texts, translate, language):
    """The terms written in `texts` (in `language`), each once, in the order
    they first appear. `translate` turns a message id into `language`.

    A text is a string, or a pair (string, shared): a shared string is the
    same for everyone (a catalog message), so what it matches is kept, as
    the matching costs more than the rest of a page; any other string (a
    line with a date or a number of days) is matched and forgotten, so that
    nothing of a person stays in the server's memory."""
    first = {}
    for index, text in enumerate(texts):
        text, shared = text if isinstance(text, tuple) else (text, False)
        if not text:
            continue
        found = (_matches_kept if shared else _matches)(str(text), translate, language)
        for start, order, term in found:
            first.setdefault(term, ((index, start), order))
    return [term for term, _place in sorted(first.items(), key=lambda item: item[1])]


def _matches(text, translate, language):
    """(where, order, term) of each term in one text: its first place."""
    text = text.casefold()
    found = []
    for order, (term, patterns) in enumerate(_patterns(language, translate)):
        places = [match.start() for search in patterns for match in [search.search(text)] if match]
        if places:
            found.append((min(places), order, term))
    return tuple(found)


_matches_kept = functools.lru_cache(maxsize=8192)(_matches)
