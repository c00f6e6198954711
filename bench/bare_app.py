"""The yardstick for bench/load: a bare Flask app that returns a short string,
served by gunicorn with the same settings as the real app."""
from flask import Flask

app = Flask(__name__)


@app.route("/", methods=["GET", "POST"])
def index():
    return "Hello"
