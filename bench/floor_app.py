"""A second yardstick for bench/load: the least any page of the check must
do for a person, and nothing more. It reads the encrypted state cookie
(wizard.state, as the app does), makes a CSRF token (Flask-WTF) and returns
a body of the question page's size, with no template, translation or rule.
The question page can be no faster than this; the gap between the two is
what the templates, translations and rules cost."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from flask import Flask, session  # noqa: E402
from flask_wtf.csrf import CSRFProtect, generate_csrf  # noqa: E402

from wizard.state import EncryptedSessionInterface  # noqa: E402

app = Flask(__name__)
app.config.update(SECRET_KEY=os.environ["SECRET_KEY"], SESSION_COOKIE_NAME="nfc_state",
                  STATE_MAX_AGE=4 * 60 * 60)
app.session_interface = EncryptedSessionInterface()
CSRFProtect(app)
BODY = "x" * 2400  # the size of /en/question/detained (English)


@app.route("/en/question/detained")
def question():
    session.get("answers")
    return BODY + generate_csrf()
