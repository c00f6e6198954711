"""The checklist as a PDF, made on the server with WeasyPrint.

WeasyPrint needs Pango from the system (Debian: libpango-1.0-0,
libpangoft2-1.0-0) and fonts for every script (fonts-noto-core). Where
they are missing, `available()` is False and the download is not offered.
"""
import ctypes.util
import functools
import gc
import importlib.util
import mimetypes
import os
import re
import threading
import urllib.parse

from werkzeug.exceptions import ServiceUnavailable

# The system libraries WeasyPrint opens when it is imported.
SYSTEM_LIBRARIES = ("gobject-2.0", "pango-1.0", "pangoft2-1.0", "harfbuzz", "fontconfig")

# The page is laid out as if it came from here, so that its own links
# (url_for('static', ...)) name files under STATIC_PATH of this host.
BASE_URL = "http://localhost/"
STATIC_PATH = "/static/"
STYLE_SHEET = "style.css"

# A PDF costs a second or more of CPU. One at a time per worker, and the
# next person is told to come back in a moment instead of waiting unseen
# behind it (or piling up threads that slow every other page).
ONE_AT_A_TIME = threading.Lock()
RETRY_AFTER_S = 5


class Busy(ServiceUnavailable):
    """Another PDF is being made in this worker. The app's error pages show
    it as "try again in a moment", in the person's language."""

    def __init__(self):
        super().__init__(retry_after=RETRY_AFTER_S)


@functools.lru_cache(maxsize=1)
def available():
    """Whether a PDF can be made here. Looks for WeasyPrint and its libraries
    without importing it: the import alone adds about 30 MB to a worker, which
    only a worker that makes a PDF should pay."""
    return importlib.util.find_spec("weasyprint") is not None and all(
        ctypes.util.find_library(name) for name in SYSTEM_LIBRARIES)


def render(html, static_folder, attachments=()):
    """Tagged PDF bytes for a rendered checklist page, with `attachments`
    (name, bytes, description) embedded as files; Busy while another PDF is
    being made in this worker."""
    if not ONE_AT_A_TIME.acquire(blocking=False):
        raise Busy()
    # Python's cycle collector is paused while WeasyPrint works: it makes
    # millions of objects and the collector went over them again and again.
    # It stays paused until the PDF is sent (switched on again, it would go
    # over them all at the next allocation, 50-60 ms here, before the person
    # has the file): the view asks for collect_garbage once it is sent.
    pausing = gc.isenabled()
    gc.disable()
    try:
        data = write_pdf(html, static_folder, attachments)
    except BaseException:
        if pausing:
            gc.enable()
        raise
    finally:
        ONE_AT_A_TIME.release()
    if pausing:
        COLLECTION_DUE.set()
    return data


# Set while a PDF's garbage waits for collect_garbage (the collector paused).
COLLECTION_DUE = threading.Event()


def collect_garbage():
    """What a PDF left behind, collected in one go, and the collector on
    again: for Response.call_on_close, which the server calls once the last
    byte is sent, and before every request (a response a test never closed)."""
    if COLLECTION_DUE.is_set():
        COLLECTION_DUE.clear()
        gc.enable()
        gc.collect()


def write_pdf(html, static_folder, attachments=()):
    import weasyprint

    document = weasyprint.HTML(string=with_isolates(html), base_url=BASE_URL,
                               url_fetcher=own_static_files_only(static_folder))
    # Tagged, so that a screen reader can read it in order; the language
    # (/Lang) and title come from the page's <html lang> and <title>. Plain
    # tags rather than the "pdf/ua-1" variant, which would claim a
    # conformance that no validator here has checked.
    # The hand-over file (wizard/handover.py) rides along as an embedded file:
    # "Data", the PDF's relationship for the data behind what the page shows.
    files = [weasyprint.Attachment(string=content, name=name, description=description,
                                   relationship="Data")
             for name, content, description in attachments]
    return document.write_pdf(stylesheets=print_stylesheets(static_folder),
                              font_config=font_configuration(),
                              pdf_tags=True, attachments=files)


# <bdi> and <bdi dir="ltr|rtl">, as Unicode's isolates (FSI, LRI, RLI ... PDI).
ISOLATES = {None: "\u2068", "ltr": "\u2066", "rtl": "\u2067"}
END_OF_ISOLATE = "\u2069"
BDI_TAG = re.compile(r'(?P<plain><bdi(?: dir="(?P<dir>ltr|rtl)")?>)|<bdi\b[^>]*>|</bdi>')


def with_isolates(html):
    """The page with each plain <bdi> element (no attribute but dir) written
    as the Unicode isolate that means the same (HTML: <bdi> is FSI ... PDI).
    For WeasyPrint: each inline element costs it a box and a text layout of
    its own (the checklist's seventy <bdi> were 7 % of a PDF), while Pango
    keeps a number or a name in its own direction from the characters; it
    also isolates an Arabic note on an English line, where WeasyPrint's
    <bdi> did not. A <bdi> with a lang or class stays an element."""
    converted = []  # one entry per open <bdi>: whether it became an isolate

    def replace(tag):
        if tag.group("plain"):
            converted.append(True)
            return ISOLATES[tag.group("dir")]
        if tag.group(0) != "</bdi>":
            converted.append(False)
            return tag.group(0)
        return END_OF_ISOLATE if converted and converted.pop() else tag.group(0)

    return BDI_TAG.sub(replace, html)


def print_stylesheets(static_folder):
    """The app's style sheet for print, parsed once per process (and again
    when the file changes): parsing it took 6 % of every PDF. The PDF's HTML
    leaves out the <link> that would parse it again (templates/layout.html).
    No sheet where the folder has no such file (the tests' own folders)."""
    try:
        modified = os.stat(os.path.join(static_folder, STYLE_SHEET)).st_mtime_ns
    except FileNotFoundError:
        return []
    return [parsed_stylesheet(static_folder, modified)]


@functools.lru_cache(maxsize=1)
def font_configuration():
    """One WeasyPrint font configuration per process, for every PDF. Made anew
    for each PDF (WeasyPrint's default), it found and opened the same fonts
    again each time: 8 % of every PDF. What it keeps is fonts and the sizes
    of lines in each style, never a page's text."""
    from weasyprint.text.fonts import FontConfiguration
    return FontConfiguration()


@functools.lru_cache(maxsize=2)
def parsed_stylesheet(static_folder, _modified):
    import weasyprint
    with open(os.path.join(static_folder, STYLE_SHEET), encoding="utf-8") as handle:
        # Its base is the address the page would link it from, so that any
        # url() in it is judged by the same fetcher as the page's own links.
        return weasyprint.CSS(string=handle.read(), media_type="print",
                              base_url=urllib.parse.urljoin(BASE_URL, STATIC_PATH + STYLE_SHEET),
                              url_fetcher=own_static_files_only(static_folder),
                              font_config=font_configuration())


def own_static_files_only(static_folder):
    """A WeasyPrint URL fetcher that opens the app's static files and nothing
    else (see static_file)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class OwnStaticFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            path = static_file(url, static_folder)
            if path is None:
                # WeasyPrint leaves the resource out and goes on.
                raise ValueError("not one of the app's static files")
            with open(path, "rb") as handle:
                return URLFetcherResponse(url, body=handle.read(), headers={
                    "Content-Type": mimetypes.guess_type(path)[0] or "application/octet-stream"})

    return OwnStaticFilesOnly()


def static_file(url, static_folder):
    """The path of the file in `static_folder` that `url` names, or None for
    anything else: another scheme or host (file:, data:, the network), an
    absolute name, `..`, or a link that leads out of the folder."""
    parts = urllib.parse.urlsplit(url)
    if (parts.scheme, parts.netloc) != ("http", "localhost") or \
            not parts.path.startswith(STATIC_PATH):
        return None
    # Decoded first, so that %2e%2e and %2f are judged as what they open.
    name = urllib.parse.unquote(parts.path[len(STATIC_PATH):])
    if not name or "\0" in name or os.path.isabs(name) or ".." in name.split("/"):
        return None
    # realpath on both sides: a symbolic link may not lead out either.
    folder = os.path.realpath(static_folder)
    path = os.path.realpath(os.path.join(folder, name))
    if os.path.commonpath([folder, path]) != folder or not os.path.isfile(path):
        return None
    return path
