"""Where answers live between requests: encrypted, authenticated cookies.

Nothing of a person's answers is written to the server's disk or logs
(DESIGN.md §5). The Flask session is written as JSON (UTF-8, not `\\u`
escapes: Ethiopic and Arabic notes cost 3 and 2 bytes a letter, not 6),
compressed, and encrypted with AES-GCM under a key derived from
SECRET_KEY, so any number of app instances with the same secret can serve
one person, and a phone that is examined shows nothing readable.

A token is, in URL-safe base64 without padding:

    version (1 byte) | written at (8) | nonce (12) | ciphertext | tag (16)

The version and the write time are the header: not secret, but
authenticated with the rest. The ciphertext holds when the first answer
was given (8 bytes) and the raw-deflated JSON.

Two limits (README "Privacy and state"): the idle expiry refuses a state
written longer than STATE_MAX_AGE ago (reading a page renews it), and the
absolute lifetime refuses it STATE_MAX_LIFETIME after the first answer,
however often it was renewed, so a copied cookie cannot be kept alive for
ever. The kiosk has its own, shorter limit (see `limits`).

A state too large for one cookie (long notes in Ethiopic or Arabic
script) is cut into parts: `nfc_state` holds "<count>." and the first
part, `nfc_state.1` ... the others. A state that fits one cookie is the
token alone, with no count.
"""
import base64
import collections
import functools
import hashlib
import json
import os
import struct
import time
import zlib

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from flask import request
from flask.sessions import SecureCookieSession, SessionInterface

VERSION = 1
HEADER = struct.Struct(">BQ")  # version, written at (seconds since 1970)
CREATED = struct.Struct(">Q")  # first answer at (seconds since 1970), encrypted
NONCE_BYTES = 12  # random: far fewer than 2**32 states are written under one key
TAG_BYTES = 16

# Browsers keep about 4096 bytes per cookie, name and attributes included:
# each part's value stays under this.
MAX_COOKIE_BYTES = 3900
# The browser sends every part in one Cookie header, and gunicorn (like
# nginx) refuses a header line over 8 KB: two full parts (about 7.8 KB) is
# the most a request can carry. The largest state the limits allow (notes
# in Ethiopic letters) takes about 5,000 bytes, 1.3 parts (README "Privacy
# and state").
MAX_PARTS = 2
# Reading a page keeps the state alive (the expiry counts from the last
# visit), but re-encrypting it on every page costs time: renew it when it
# is older than this, or when it changed.
RENEW_AFTER_SECONDS = 5 * 60
# Instances' clocks may differ a little; a state written further in the
# future than this is refused, as Fernet did.
MAX_CLOCK_SKEW_SECONDS = 60
# A decompression bomb in a forged cookie cannot pass the tag, but keep
# the inflated size bounded anyway.
MAX_JSON_BYTES = 64 * 1024

# What a token that was read holds: the session's data and its two times.
Stored = collections.namedtuple("Stored", "data written_at created_at")


class StateTooLarge(Exception):
    """The answers would not fit in what a browser keeps and sends."""


class EncryptedSession(SecureCookieSession):
    # True when the browser sent state we could not read (expired,
    # tampered, a part missing, from another secret): the person is told,
    # not left puzzled.
    unreadable = False
    # When the state the browser sent was written (its header).
    written_at = None
    # When its first answer was given; None while there is none. Renewals
    # keep it: the absolute lifetime counts from it.
    created_at = None

    def clear(self):
        super().clear()
        # Erased: whatever is answered next starts a lifetime of its own.
        self.created_at = None


# --- the token ------------------------------------------------------------------

@functools.lru_cache(maxsize=4)
def _aes(secret_key):
    secret = secret_key if isinstance(secret_key, bytes) else secret_key.encode()
    # A label of its own, so this key is not the one Fernet's state used.
    return AESGCM(hashlib.sha256(b"new-facts-check state v2 aes-gcm" + secret).digest())


def encode(data, secret_key, created_at=None, now=None):
    """The token for `data`, written `now` (default: now), whose first
    answer was at `created_at` (default: `now`)."""
    now = int(time.time() if now is None else now)
    header = HEADER.pack(VERSION, now)
    nonce = os.urandom(NONCE_BYTES)
    plain = CREATED.pack(int(now if created_at is None else created_at)) + _deflate(data)
    sealed = _aes(secret_key).encrypt(nonce, plain, header)
    return base64.urlsafe_b64encode(header + nonce + sealed).rstrip(b"=").decode("ascii")


def _deflate(data):
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Raw deflate, without zlib's header and checksum: the tag checks it all.
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    # surrogatepass: a stray surrogate is kept as it was, never an error
    # (json.loads reads it back the same way).
    return compressor.compress(text.encode("utf-8", "surrogatepass")) + compressor.flush()


def _inflate(payload):
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    raw = inflater.decompress(payload, MAX_JSON_BYTES)
    if inflater.unconsumed_tail or not inflater.eof:
        raise ValueError("state inflates too much, or is cut short")
    return json.loads(raw)


def read(token, secret_key):
    """The Stored state in `token`, or None when it is forged, broken or
    not ours. Says nothing about its age: see `is_fresh`."""
    try:
        raw = base64.b64decode(token + "=" * (-len(token) % 4), altchars=b"-_", validate=True)
        if len(raw) < HEADER.size + NONCE_BYTES + TAG_BYTES or raw[0] != VERSION:
            return None
        header, rest = raw[:HEADER.size], raw[HEADER.size:]
        plain = _aes(secret_key).decrypt(rest[:NONCE_BYTES], rest[NONCE_BYTES:], header)
        _version, written_at = HEADER.unpack(header)
        (created_at,) = CREATED.unpack_from(plain)
        data = _inflate(plain[CREATED.size:])
    except (InvalidTag, ValueError, TypeError, struct.error, zlib.error):
        return None
    return Stored(data, written_at, created_at) if isinstance(data, dict) else None


def is_fresh(stored, max_age, max_lifetime=None, now=None):
    """Whether `stored` is within the idle expiry (from its last write) and
    the absolute lifetime (from its first answer)."""
    now = time.time() if now is None else now
    if stored.written_at > now + MAX_CLOCK_SKEW_SECONDS:
        return False
    if now - stored.written_at > max_age:
        return False
    return max_lifetime is None or now - stored.created_at <= max_lifetime


def decode(token, secret_key, max_age, max_lifetime=None):
    """The state dict, or None when it is expired, forged or broken."""
    stored = read(token, secret_key)
    return stored.data if stored and is_fresh(stored, max_age, max_lifetime) else None


def check_fits(data, secret_key):
    """Raise StateTooLarge when `data` would not fit in the cookies a
    browser keeps and sends. Within the app's limits (8 facts, 10
    documents, notes of 100 letters in any script) it always fits."""
    if len(split(encode(data, secret_key))) > MAX_PARTS:
        raise StateTooLarge()


# --- the token in cookies -----------------------------------------------------------

def part_name(name, index):
    """The name of cookie `index` (0: the first, which carries the count)."""
    return name if index == 0 else f"{name}.{index}"


def split(token):
    """The cookie values that carry `token`: the token alone when it fits
    one cookie; else "<count>." and the first part, then the others."""
    if len(token) <= MAX_COOKIE_BYTES:
        return [token]
    first = MAX_COOKIE_BYTES - len("9.")
    rest = token[first:]
    parts = [token[:first]] + [rest[start:start + MAX_COOKIE_BYTES]
                               for start in range(0, len(rest), MAX_COOKIE_BYTES)]
    return [f"{len(parts)}.{parts[0]}"] + parts[1:]


PART_COUNTS = {str(count) for count in range(2, MAX_PARTS + 1)}


def join(cookies, name):
    """The token the browser sent: "" when it sent none, None when a part
    is missing or the count is odd (unreadable, never half a state). Parts
    beyond the count are left over from a larger state, and ignored."""
    first = cookies.get(name)
    if not first:
        return ""
    count, dot, first_part = first.partition(".")
    if not dot:
        return first
    if count not in PART_COUNTS:
        return None
    parts = [first_part] + [cookies.get(part_name(name, index)) for index in range(1, int(count))]
    return "".join(parts) if all(parts) else None


def extra_parts_sent(cookies, name, keep):
    """The names of the parts the browser sent beyond the first `keep`, of
    all the format can name (the count is one digit)."""
    return [part_name(name, index) for index in range(max(keep, 1), 10)
            if part_name(name, index) in cookies]


# --- the session --------------------------------------------------------------------

def limits(config, answered=True):
    """(idle limit, absolute lifetime) in seconds, for this app's config and
    a state that holds answers (`answered`) or only a CSRF token."""
    if config["KIOSK"] and answered:
        # On a shared kiosk the next person must never find the last one's
        # answers, even when the page's timer does not run (a crash
        # dialog, another page). The state is renewed on every request
        # (see `due_for_renewal`), so this limit counts from the last
        # request: it is the kiosk's idle limit and its absolute one
        # (issue 11) without ever cutting off a person who keeps going.
        # The working-day lifetime stays as an outer bound. A state without
        # answers holds nothing of anyone: it keeps the ordinary limits, so
        # someone who reads the start page for a while can still begin.
        kiosk = config["KIOSK_IDLE_SECONDS"] + config["KIOSK_WARNING_SECONDS"]
        return kiosk, config["STATE_MAX_LIFETIME"]
    return config["STATE_MAX_AGE"], config["STATE_MAX_LIFETIME"]


def has_answers(data):
    """Whether the state holds answers: its lifetime starts with the first
    one, not with the CSRF token of the start page."""
    return bool(data.get("answers"))


def due_for_renewal(app, session):
    if session.modified or session.written_at is None:
        return True
    if request.endpoint in ("static", "favicon"):
        # A file kept a year by the browser (and maybe a proxy) carries no
        # state; the page that asked for it has just renewed it.
        return False
    if app.config["KIOSK"]:
        return True  # the kiosk's limit counts from the last request
    return time.time() - session.written_at > RENEW_AFTER_SECONDS


class EncryptedSessionInterface(SessionInterface):
    session_class = EncryptedSession

    def open_session(self, app, request):
        token = join(request.cookies, self.get_cookie_name(app))
        if token == "":
            return self.session_class()
        stored = read(token, app.secret_key) if token else None
        if stored is None or not is_fresh(
                stored, *limits(app.config, has_answers(stored.data))):
            session = self.session_class()
            session.unreadable = True
            return session
        session = self.session_class(stored.data)
        session.written_at = stored.written_at
        if has_answers(stored.data):
            session.created_at = stored.created_at
        return session

    def save_session(self, app, session, response):
        name = self.get_cookie_name(app)
        if not session:
            if session.modified or session.unreadable:
                self._delete(app, response, [name] + extra_parts_sent(request.cookies, name, 1))
            return
        response.vary.add("Cookie")
        if not due_for_renewal(app, session):
            return
        now = int(time.time())
        created_at = session.created_at if session.created_at is not None else now
        values = split(encode(dict(session), app.secret_key, created_at, now))
        for index, value in enumerate(values):
            response.set_cookie(
                part_name(name, index),
                value,
                httponly=True,
                secure=self.get_cookie_secure(app),
                samesite=self.get_cookie_samesite(app),
                domain=self.get_cookie_domain(app),
                path=self.get_cookie_path(app),
                # No expiry date: the cookies go when the browser closes,
                # and the write time refuses them after STATE_MAX_AGE anyway.
            )
        # A state that shrank leaves no stale part behind.
        self._delete(app, response, extra_parts_sent(request.cookies, name, len(values)))

    def _delete(self, app, response, names):
        for name in names:
            response.delete_cookie(name, domain=self.get_cookie_domain(app),
                                   path=self.get_cookie_path(app),
                                   secure=self.get_cookie_secure(app),
                                   samesite=self.get_cookie_samesite(app), httponly=True)
