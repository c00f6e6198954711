"""The checklist as a PDF, made on the server with WeasyPrint.

WeasyPrint needs Pango from the system (Debian: libpango-1.0-0,
libpangoft2-1.0-0) and fonts for every script (fonts-noto-core). Where
they are missing, `available()` is False and the download is not offered.
"""
import functools
import mimetypes
import os


@functools.lru_cache(maxsize=1)
def available():
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


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
