"""Where answers live between requests: an encrypted, signed cookie.

Nothing of a person's answers is written to the server's disk or logs
(DESIGN.md §5). The Flask session is serialised as compressed JSON and
encrypted with Fernet (AES + HMAC) under a key derived from SECRET_KEY,
so any number of app instances with the same secret can serve one person,
and a phone that is examined shows nothing readable. Fernet's timestamp
lets us refuse state older than STATE_MAX_AGE.
"""
import base64
import functools
import hashlib
import json
import time
import zlib

from cryptography.fernet import Fernet, InvalidToken
from flask.sessions import SecureCookieSession, SessionInterface

# Browsers keep about 4096 bytes per cookie, name and attributes included.
MAX_COOKIE_BYTES = 3900
# Reading a page keeps the state alive (the expiry counts from the last
# visit), but re-encrypting it on every page costs time: renew it when it
# is older than this, or when it changed.
RENEW_AFTER_SECONDS = 5 * 60
# A decompression bomb in a forged cookie cannot pass Fernet's HMAC, but
# keep the inflated size bounded anyway.
MAX_JSON_BYTES = 64 * 1024


class StateTooLarge(Exception):
    """The answers would not fit in what a browser keeps."""


class EncryptedSession(SecureCookieSession):
    # True when the browser sent state we could not read (expired,
    # tampered, from another secret): the person is told, not left puzzled.
    unreadable = False
    # When the state the browser sent was written (Fernet's timestamp).
    written_at = None


@functools.lru_cache(maxsize=4)
def _fernet(secret_key):
    digest = hashlib.sha256(b"new-facts-check state v1" + secret_key.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def encode(data, secret_key):
    payload = zlib.compress(json.dumps(data, separators=(",", ":")).encode(), 9)
    return _fernet(secret_key).encrypt(payload).decode("ascii")


def decode(token, secret_key, max_age):
    """The state dict, or None when it is expired, forged or broken."""
    return decode_with_time(token, secret_key, max_age)[0]


def decode_with_time(token, secret_key, max_age):
    """(state dict, when it was written), or (None, None)."""
    try:
        fernet = _fernet(secret_key)
        payload = fernet.decrypt(token.encode("ascii"), ttl=max_age)
        written_at = fernet.extract_timestamp(token.encode("ascii"))
        inflater = zlib.decompressobj()
        raw = inflater.decompress(payload, MAX_JSON_BYTES)
        if inflater.unconsumed_tail:
            return None, None
        data = json.loads(raw)
    except (InvalidToken, UnicodeError, ValueError, zlib.error, TypeError):
        return None, None
    return (data, written_at) if isinstance(data, dict) else (None, None)


def check_fits(data, secret_key):
    """Raise StateTooLarge when `data` would not fit in one cookie."""
    if len(encode(data, secret_key)) > MAX_COOKIE_BYTES:
        raise StateTooLarge()


class EncryptedSessionInterface(SessionInterface):
    session_class = EncryptedSession

    def open_session(self, app, request):
        token = request.cookies.get(self.get_cookie_name(app))
        if not token:
            return self.session_class()
        data, written_at = decode_with_time(token, app.secret_key,
                                            int(app.config["STATE_MAX_AGE"]))
        if data is None:
            session = self.session_class()
            session.unreadable = True
            return session
        session = self.session_class(data)
        session.written_at = written_at
        return session

    def save_session(self, app, session, response):
        name = self.get_cookie_name(app)
        domain = self.get_cookie_domain(app)
        path = self.get_cookie_path(app)
        if not session:
            if session.modified or session.unreadable:
                response.delete_cookie(name, domain=domain, path=path,
                                       secure=self.get_cookie_secure(app),
                                       samesite=self.get_cookie_samesite(app),
                                       httponly=True)
            return
        response.vary.add("Cookie")
        if not (session.modified or session.written_at is None
                or time.time() - session.written_at > RENEW_AFTER_SECONDS):
            return
        response.set_cookie(
            name,
            encode(dict(session), app.secret_key),
            httponly=True,
            secure=self.get_cookie_secure(app),
            samesite=self.get_cookie_samesite(app),
            domain=domain,
            path=path,
            # No expiry date: the cookie goes when the browser closes, and
            # Fernet's timestamp refuses it after STATE_MAX_AGE anyway.
        )
