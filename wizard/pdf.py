"""The checklist as a PDF, made on the server with WeasyPrint.

WeasyPrint needs Pango from the system (Debian: libpango-1.0-0,
libpangoft2-1.0-0) and fonts for every script (fonts-noto-core). Where
they are missing, `available()` is False and the download is not offered.
"""
import ctypes.util
import functools
import importlib.util
import mimetypes
import os


# The system libraries WeasyPrint opens when it is imported.
SYSTEM_LIBRARIES = ("gobject-2.0", "pango-1.0", "pangoft2-1.0", "harfbuzz", "fontconfig")


@functools.lru_cache(maxsize=1)
def available():
    """Whether a PDF can be made here. Looks for WeasyPrint and its libraries
    without importing it: the import alone adds about 30 MB to a worker, which
    only a worker that makes a PDF should pay."""
    return importlib.util.find_spec("weasyprint") is not None and all(
        ctypes.util.find_library(name) for name in SYSTEM_LIBRARIES)


def render(html, static_folder):
    """PDF bytes for a rendered checklist page."""
    import weasyprint
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            return local_files_only(url)

    def local_files_only(url):
        # Never fetch anything over the network: our own static files only.
        marker = "/static/"
        if marker in url:
            name = os.path.normpath(url.split(marker, 1)[1].split("?")[0])
            path = os.path.join(static_folder, name)
            if not name.startswith("..") and os.path.isfile(path):
                with open(path, "rb") as handle:
                    return URLFetcherResponse(url, body=handle.read(), headers={
                        "Content-Type": mimetypes.guess_type(path)[0] or "text/css"})
        raise ValueError("no external resources")

    document = weasyprint.HTML(string=html, base_url="http://localhost/",
                               url_fetcher=LocalFilesOnly())
    return document.write_pdf()
