"""The style sheet and script as they travel: without comments and spare
white space (a third fewer bytes after compression on the first visit, on
slow data). The files in static/ stay as written, comments and all.

The app sends them so (app.py); for nginx, `python -m wizard.static_files
build <folder>` writes them to <folder>/static/, where deploy/nginx/app.conf
looks first (README "Running in production").
"""
import os
import re
import sys

_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_SPACE = re.compile(r"\s+")
# Only around braces and semicolons: a space before ":" or "," can matter in a selector.
_CSS_PUNCTUATION = re.compile(r"\s*([{};])\s*")
_JS_COMMENT_LINE = re.compile(r"^\s*//.*\n", re.M)
_BLANK_LINES = re.compile(r"\n\s*\n+")


def minified(filename, data):
    """`data` (bytes) of the static file `filename`, smaller; other files unchanged."""
    if filename.endswith(".css"):
        text = _CSS_COMMENT.sub("", data.decode("utf-8"))
        text = _CSS_PUNCTUATION.sub(r"\1", _SPACE.sub(" ", text)).strip()
        return text.encode("utf-8") + b"\n"
    if filename.endswith(".js"):
        # Whole-line comments only: nothing inside a line is touched.
        text = _JS_COMMENT_LINE.sub("", data.decode("utf-8"))
        return _BLANK_LINES.sub("\n", text).encode("utf-8")
    return data


def build(static_folder, out_folder):
    """Write every file of `static_folder`, minified, to `out_folder`/static/."""
    target = os.path.join(out_folder, "static")
    os.makedirs(target, exist_ok=True)
    written = []
    for name in sorted(os.listdir(static_folder)):
        source = os.path.join(static_folder, name)
        if not os.path.isfile(source):
            continue
        with open(source, "rb") as handle:
            data = minified(name, handle.read())
        partial = os.path.join(target, f".{name}.part")
        with open(partial, "wb") as handle:
            handle.write(data)
        os.replace(partial, os.path.join(target, name))
        written.append((name, len(data)))
    return written


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "build":
        sys.exit("usage: python -m wizard.static_files build <folder>")
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for name, size in build(os.path.join(here, "static"), sys.argv[2]):
        print(f"{name}: {size} bytes")
