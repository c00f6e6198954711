"""A second yardstick for bench/load: the real app (create_app(), with its
encrypted state, CSRF protection, security headers and request hooks) with
the question page replaced by the least any page must do for a person: read
the state, make the CSRF token and return a body of the page's size, with
no form, template, translation or rule. The question page can be no faster
than this; the gap between the two is what the page itself costs, and the
gap between this and the bare app is what every request costs here."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from flask import session  # noqa: E402
from app import create_app  # noqa: E402
from wizard.views.template_globals import csrf_token  # noqa: E402 (the pages' own token)

app = create_app()
BODY = "x" * 3400  # the size of /en/question/detained (English)


def question():
    session.get("answers")
    return BODY + csrf_token()


# A rule without variables wins over the blueprint's /<lang>/question/<name>.
app.add_url_rule("/en/question/detained", "floor_question", question)
