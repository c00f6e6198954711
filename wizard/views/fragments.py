"""{% cache %}: parts of a page that read the same for everyone, drawn once.

    {% cache "footer", language.code, request.script_root %}…{% endcache %}

The block is drawn the first time its name and values are met, and kept in
this process's memory; after that its kept text is used. The header, the
footer, a question's glossary and its "Part 2 of 6" line are kept this way
(templates/layout.html, templates/question.html): they were a fifth of the
work of a question page (instructions counted with valgrind).

Only words and addresses may go in such a block, never anything of a
person: no answer, no CSRF token, no field value. What is kept is shared
by everyone the process serves (tests/test_fragments.py looks).

A question's choices are kept too, unticked: where a choice would say
`checked`, the kept text holds a mark naming the field and the choice
(`tick_mark`), and the `ticked` filter turns each mark into ` checked` or
nothing from this person's form, after the block is read:

    {% filter ticked(form) %}{% cache "question-choices", … %}…{% endcache %}{% endfilter %}

Drawing the choices was about 8 % of a question page (valgrind).

Values kept the same way in Python (every question's address, every
glossary term's details) use `kept_for_language`: made all at once for a
language, so what is kept says nothing of where anyone went.

The tag is Flask-Caching's (Django's before it); Flask-Caching's own reads
and writes every fragment through pickle and its cache object, which cost a
twentieth of the question page, so this is the same tag over a dictionary.
"""
import re

from flask import current_app, g, request
from jinja2 import nodes
from jinja2.ext import Extension
from markupsafe import Markup

# More than every language's fragments; past it (addresses under many mount
# points?) the store starts again rather than grow.
MAX_FRAGMENTS = 5000


class FragmentCache(Extension):
    tags = {"cache"}

    def __init__(self, environment):
        super().__init__(environment)
        # The app's templates live as long as its environment: so does the store.
        environment.extend(kept_fragments={})
        environment.globals["tick_mark"] = tick_mark
        environment.filters["ticked"] = ticked

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        key = [parser.parse_expression()]  # the block's name, then what it varies on
        while parser.stream.skip_if("comma"):
            key.append(parser.parse_expression())
        body = parser.parse_statements(("name:endcache",), drop_needle=True)
        return nodes.CallBlock(self.call_method("_kept", [nodes.Tuple(key, "load")]),
                               [], [], body).set_lineno(lineno)

    def _kept(self, key, caller):
        if self.environment.auto_reload:
            return caller()  # templates are being edited (debug): draw anew
        store = self.environment.kept_fragments
        found = store.get(key)
        if found is None:
            if len(store) >= MAX_FRAGMENTS:
                store.clear()
            found = store[key] = Markup(caller())
        return found


# NUL never comes out of a template otherwise: a catalog's words and the
# flow's names are escaped text without control characters.
_MARK = re.compile("\x00([^\x00\x1f]*)\x1f([^\x00]*)\x00")


def tick_mark(field_name, value):
    """Where a kept choice says ` checked` if the person chose it."""
    return Markup(f"\x00{field_name}\x1f{value}\x00")


def ticked(html, form):
    """`html` with each tick mark made ` checked` where this person's `form`
    has that choice, and nothing elsewhere. `form` may also be a dict of
    {field name: value or values} (a form's defaults, without making it)."""
    def tick(mark):
        data = form.get(mark.group(1)) if isinstance(form, dict) else form[mark.group(1)].data
        # As the form's fields would hold it (coerced to str; None: nothing chosen).
        chosen = data if isinstance(data, (list, tuple)) else [data]
        return " checked" if mark.group(2) in [str(value) for value in chosen
                                               if value is not None] else ""
    return Markup(_MARK.sub(tick, str(html)))


def kept_for_language(name, make):
    """make()'s value for this request's language and mount point, made once
    per process and kept in the app's extensions under `name` (anew each
    time in debug mode, as the fragments are)."""
    app = current_app._get_current_object()  # one context lookup, not two
    store = app.extensions.setdefault(name, {})
    key = (request.script_root, g.get("lang"))
    found = store.get(key)
    if found is None or app.jinja_env.auto_reload:
        if len(store) >= MAX_FRAGMENTS:
            store.clear()
        found = store[key] = make()
    return found
