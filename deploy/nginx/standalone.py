#!/usr/bin/env python3
"""Write an nginx configuration that runs the production set-up from a
folder of its own, without root and without touching /etc/nginx:

    python3 deploy/nginx/standalone.py --prefix DIR --port 8080 --upstream 8001 --upstream 8002
    nginx -p DIR -c DIR/nginx.conf       # in the foreground; Ctrl-C or kill -TERM stops it

It writes DIR/nginx.conf: pid file, error log and temporary files in DIR,
and an http {} block with deploy/nginx/http.conf, an upstream of the given
gunicorn instances, and one server that includes deploy/nginx/app.conf (and
brotli.conf when Debian's brotli module is installed) with $nfc_root set
to this checkout. It is deploy/nginx/site.conf with other ports and
paths, and optional TLS (--tls-port with --cert and --key). Used by
scripts/serve and tests/test_production_stack.py.
"""
import argparse
import os
import pwd
import sys

NGINX_DIR = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(NGINX_DIR))
MIME_TYPES = "/etc/nginx/mime.types"
# Where Debian's libnginx-mod-http-brotli-filter puts the module.
BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so"


def brotli_module():
    """The brotli module's path when it is installed, else None."""
    return BROTLI_MODULE if os.path.exists(BROTLI_MODULE) else None


def _address(upstream):
    upstream = str(upstream)
    return upstream if ":" in upstream else f"127.0.0.1:{upstream}"


def render(prefix, port, upstreams, host="127.0.0.1", root=REPO, tls_port=None, cert=None,
           key=None, brotli=None, error_log="stderr", worker_processes=1):
    """The text of a whole nginx.conf (see the module's docstring)."""
    if brotli is None:
        brotli = brotli_module() is not None
    if tls_port and not (cert and key):
        raise ValueError("--tls-port needs --cert and --key")
    prefix = os.path.abspath(prefix)
    temp = os.path.join(prefix, "temp")
    lines = [
        "# Written by deploy/nginx/standalone.py: deploy/nginx/site.conf on other",
        "# ports and paths, for running from this folder (nginx -p ... -c ...).",
        "daemon off;",
        f"worker_processes {worker_processes};",
        f"pid {prefix}/nginx.pid;",
        f"error_log {error_log} warn;",
    ]
    if os.geteuid() == 0:
        # nginx started by root runs its workers as "nobody", who may not
        # read a checkout in /root: run them as the checkout's owner.
        owner = pwd.getpwuid(os.stat(root).st_uid).pw_name
        lines.append(f"user {owner};")
    if brotli:
        lines.append(f"load_module {BROTLI_MODULE};")
    lines += [
        "events {",
        "    worker_connections 1024;",
        "}",
        "http {",
        f"    include {MIME_TYPES};",
        "    default_type application/octet-stream;",
        "    sendfile on;",
        f"    client_body_temp_path {temp}/body;",
        f"    proxy_temp_path {temp}/proxy;",
        f"    fastcgi_temp_path {temp}/fastcgi;",
        f"    uwsgi_temp_path {temp}/uwsgi;",
        f"    scgi_temp_path {temp}/scgi;",
        f"    include {NGINX_DIR}/http.conf;",
        "    upstream new_facts_check {",
    ]
    lines += [f"        server {_address(u)} max_fails=1 fail_timeout=5s;" for u in upstreams]
    lines += [
        "    }",
        "    server {",
        f"        listen {host}:{port} default_server;",
    ]
    if tls_port:
        lines += [
            f"        listen {host}:{tls_port} ssl default_server;",
            f"        ssl_certificate {os.path.abspath(cert)};",
            f"        ssl_certificate_key {os.path.abspath(key)};",
        ]
    lines += [
        "        server_name _;",
        f"        set $nfc_root {root};",
        f"        include {NGINX_DIR}/app.conf;",
    ]
    if brotli:
        lines.append(f"        include {NGINX_DIR}/brotli.conf;")
    lines += ["    }", "}", ""]
    return "\n".join(lines)


def write(prefix, *args, **kwargs):
    """Write PREFIX/nginx.conf (and the folder for temporary files), and the
    static files as they travel to <root>/build/static/; return its path."""
    os.makedirs(os.path.join(prefix, "temp"), exist_ok=True)
    build_static_files(kwargs.get("root", REPO))
    path = os.path.join(os.path.abspath(prefix), "nginx.conf")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(render(prefix, *args, **kwargs))
    return path


def build_static_files(root):
    """The style sheet and script without comments (wizard/static_files.py),
    where app.conf looks before the files as written."""
    sys.path.insert(0, REPO)
    from wizard import static_files
    static_files.build(os.path.join(root, "static"), os.path.join(root, "build"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prefix", required=True, help="a folder for the configuration, "
                        "pid file, logs and temporary files")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1", help="the address to listen on")
    parser.add_argument("--upstream", action="append", required=True,
                        help="a gunicorn instance: PORT or HOST:PORT (repeat)")
    parser.add_argument("--tls-port", type=int)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--error-log", default="stderr")
    args = parser.parse_args()
    if not os.path.exists(MIME_TYPES):
        sys.exit(f"{MIME_TYPES} is missing: install nginx (apt-get install nginx)")
    path = write(args.prefix, args.port, args.upstream, host=args.host,
                 tls_port=args.tls_port, cert=args.cert, key=args.key,
                 error_log=args.error_log)
    print(path)


if __name__ == "__main__":
    main()
