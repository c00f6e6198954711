"""Every page with its CSS, JavaScript and icon, as a browser receives them, against a budget.

    .venv/bin/python bench/page_size.py [--budget BYTES]
    .venv/bin/python bench/page_size.py --url http://127.0.0.1:8080   # through a server

A page that fits in about 14 KB arrives in the first round trip on a slow
line. Each page and each file it links (/static/...?v=...) is requested
with the Accept-Encoding a browser sends, and its body is counted as it
arrives: compressed when the server compresses it (the app itself does,
with Flask-Compress; behind nginx, nginx does), in full when it does not.
The headers are not counted. A first visit costs the page and its three
files; after it the browser keeps the files, so each further page is one
request.

Without --url the requests go to the app in this process (create_app(),
the Flask test client): a full check in every language, in normal and
kiosk mode. With --url they go over HTTP to a running server (for example
`bash scripts/serve`, which needs COOKIE_SECURE=0 for plain http), in
normal mode: every language, or those given with --lang.

Prints each page's bytes, largest first, and exits 1 when any page is over
the budget.
"""
import argparse
import gzip
import http.cookiejar
import os
import re
import sys
import types
import urllib.error
import urllib.parse
import urllib.request
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from tests.walkers import (Person, add_document, add_fact, finish,  # noqa: E402
                            walk_to_reasons)
from wizard import languages  # noqa: E402

BUDGET = 14 * 1024
# What a browser says it takes (Chromium also sends zstd, which neither the
# app nor nginx offers).
ACCEPT_ENCODING = "gzip, deflate, br"
STATIC_LINK = re.compile(r'(?:href|src)="(/static/[^"?]+(?:\?v=\w+)?)"')


def decode(body, encoding):
    if encoding in (None, "", "identity"):
        return body
    if encoding == "gzip":
        return gzip.decompress(body)
    if encoding == "deflate":
        return zlib.decompress(body)
    if encoding == "br":
        import brotli  # Flask-Compress brings it
        return brotli.decompress(body)
    raise ValueError(f"unknown Content-Encoding {encoding!r}")


class AppClient:
    """The Flask test client with a browser's Accept-Encoding. Each
    response gets `wire` (the body's bytes as sent) and `encoding`; its data
    is then decoded, so that Person can read the page and its CSRF token."""

    def __init__(self, app, accept_encoding=ACCEPT_ENCODING):
        self.client = app.test_client()
        self.accept_encoding = accept_encoding

    def _headers(self, headers):
        return {"Accept-Encoding": self.accept_encoding, **(headers or {})}

    def get(self, path, headers=None, **kwargs):
        return self._received(self.client.get(path, headers=self._headers(headers), **kwargs))

    def post(self, url, headers=None, **kwargs):
        return self._received(self.client.post(url, headers=self._headers(headers), **kwargs))

    @staticmethod
    def _received(response):
        body = response.get_data()
        response.wire = len(body)
        response.encoding = response.headers.get("Content-Encoding", "identity")
        if "Content-Encoding" in response.headers:
            response.set_data(decode(body, response.encoding))
            del response.headers["Content-Encoding"]
        return response


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class HttpResponse:
    """What Person reads of a response, as the Flask test client has it."""

    def __init__(self, status, headers, body, path, query):
        self.status_code = status
        self.headers = headers
        self.wire = len(body)
        self.encoding = headers.get("Content-Encoding", "identity")
        self.data = decode(body, self.encoding)
        self.request = types.SimpleNamespace(path=path, query_string=query.encode())

    def get_data(self, as_text=False):
        return self.data.decode("utf-8", "replace") if as_text else self.data


class HttpClient:
    """A browser over HTTP (cookies kept, redirects not followed), with the
    interface of the Flask test client that Person uses."""

    def __init__(self, base, accept_encoding=ACCEPT_ENCODING, timeout=30):
        self.base = base.rstrip("/")
        self.accept_encoding = accept_encoding
        self.timeout = timeout
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect())

    def get(self, path, headers=None):
        return self._request("GET", path, None, headers)

    def post(self, url, data=None, headers=None, follow_redirects=False):
        assert not follow_redirects, "HttpClient does not follow redirects"
        body = urllib.parse.urlencode(data or {}, doseq=True).encode()
        return self._request("POST", url, body, headers)

    def _request(self, method, path, body, headers):
        headers = {"Accept-Encoding": self.accept_encoding, **(headers or {})}
        request = urllib.request.Request(self.base + path, data=body, method=method,
                                         headers=headers)
        parts = urllib.parse.urlsplit(path)
        try:
            with self.opener.open(request, timeout=self.timeout) as reply:
                status, reply_headers, content = reply.status, reply.headers, reply.read()
        except urllib.error.HTTPError as error:
            status, reply_headers, content = error.code, error.headers, error.read()
        return HttpResponse(status, reply_headers, content, parts.path, parts.query)


def walk(client, lang):
    """Yield (name, response) for each page kind of one full check."""
    person = Person(client, lang)
    yield "language choice", client.get("/", headers={"Accept-Language": lang})
    yield "start", person.get("")
    yield "question", person.get("question/in_netherlands")
    person.post_form(person.url("question/in_netherlands"), {})
    yield "error", person.page
    walk_to_reasons(person, removal="flight_booked", days=3, detained="yes")
    yield "question with a follow-up", person.get("question/removal")
    yield "checkboxes question", person.get("question/reasons")
    person.answer("question/reasons", {"answer": ["political", "religion", "gender"]})
    # Three new documents asked inside their facts, and one fact that the
    # other documents show.
    for index in range(3):
        add_fact(person, index, "new_document", note="A note of some length " * 3,
                 document={"language": "other", "translation": "none", "form": "photo"})
    add_fact(person, 3, "personal_situation", note="A note of some length " * 3)
    yield "facts list", person.get("list/facts")
    for index in range(4):
        add_document(person, 3 + index, "court_or_arrest_document", fact="3",
                     language="other", translation="none", form="photo",
                     note="Summons from the court " * 3)
    yield "fact choice question", person.get("list/documents/3/fact")
    yield "documents list", person.get("list/documents")
    yield "remove", person.get("list/documents/3/remove")
    finish(person, lawyer="no_lawyer")
    yield "review", person.get("review")
    yield "result", person.get("result")
    yield "checklist", person.get("checklist?lawyer=nl")
    yield "sources", person.get("sources")
    yield "not found", client.get(f"/{lang}/nope")


def page_sizes(client, lang, files=None):
    """Yield (total, page, name, encoding) for every page kind in `lang`:
    the page's bytes as received, and with the files it links. `files`
    keeps each file's (bytes, encoding) by address across calls."""
    files = {} if files is None else files
    for name, response in walk(client, lang):
        assert response.status_code in (200, 404), (lang, name, response.status_code)
        linked = sorted(set(STATIC_LINK.findall(response.get_data(as_text=True))))
        for url in linked:
            if url not in files:
                asset = client.get(url)
                assert asset.status_code == 200, (url, asset.status_code)
                files[url] = (asset.wire, asset.encoding)
        total = response.wire + sum(files[url][0] for url in linked)
        yield total, response.wire, name, response.encoding


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=int, default=BUDGET)
    parser.add_argument("--url", help="a running server (plain http: COOKIE_SECURE=0)")
    parser.add_argument("--lang", action="append", help="only these languages (repeat)")
    parser.add_argument("--accept-encoding", default=ACCEPT_ENCODING)
    args = parser.parse_args()
    codes = args.lang or list(languages.CODES)
    files = {}
    sizes = []
    if args.url:
        for lang in codes:
            client = HttpClient(args.url, args.accept_encoding)
            sizes += [(*size, lang) for size in page_sizes(client, lang, files)]
    else:
        from app import create_app
        for kiosk in (False, True):
            app = create_app({"SECRET_KEY": "bench", "SESSION_COOKIE_SECURE": False,
                              "KIOSK": kiosk})
            for lang in codes:
                client = AppClient(app, args.accept_encoding)
                sizes += [(total, page, name + (" (kiosk)" if kiosk else ""), encoding, lang)
                          for total, page, name, encoding in page_sizes(client, lang, files)]
    sizes.sort(key=lambda size: size[0], reverse=True)
    where = args.url or "the app (Flask test client)"
    print(f"as received from {where}, Accept-Encoding: {args.accept_encoding}")
    print(", ".join(f"{url.split('?')[0].rsplit('/', 1)[-1]} {wire} B {encoding}"
                    for url, (wire, encoding) in sorted(files.items())))
    print(f"{'total':>7} {'page':>7} {'as':>8}  page")
    for total, page, name, encoding, lang in sizes[:25]:
        print(f"{total:7d} {page:7d} {encoding:>8}  {lang} {name}")
    over = [size for size in sizes if size[0] > args.budget]
    print(f"{len(sizes)} pages; largest {sizes[0][0]} B; budget {args.budget} B; "
          f"{len(over)} over budget")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
