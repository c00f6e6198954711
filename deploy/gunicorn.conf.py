"""gunicorn's settings for New Facts Check (README "Running in production").

    BIND=127.0.0.1:8001 SECRET_KEY=... TRUSTED_PROXIES=1 \
        .venv/bin/gunicorn -c deploy/gunicorn.conf.py 'app:create_app()'

One instance per port behind nginx (deploy/nginx/), started by
deploy/new-facts-check@.service or scripts/serve. The environment sets:

  BIND             where to listen (default 127.0.0.1:8000). Keep it on
                   127.0.0.1 behind nginx: with TRUSTED_PROXIES=1 the app
                   believes the X-Forwarded-* headers of whoever connects.
  WEB_CONCURRENCY  the number of workers (default: one per CPU core).
"""
import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")

# Sync workers, one per core: a page is 1-3 ms of CPU, so a core is kept
# busy by one worker; more would only wait for the CPU. They serve one
# request at a time, so they must sit behind a proxy that buffers whole
# requests (deploy/nginx/app.conf): a slow client would hold one otherwise.
worker_class = "sync"
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count())

# A worker silent for 30 s is killed and replaced (the PDF takes about 1 s).
timeout = 30
# On TERM (a restart, systemctl stop) the workers finish what they are
# serving within this time; nginx sends new requests to the other instance.
graceful_timeout = 20

# A worker is replaced after a few thousand requests, at a time of its own
# (jitter), so that all workers never restart at once. A replacement
# imports the app anew (about 0.5 s of CPU): at thousands of requests that
# costs nothing; at 50 it divided the rate by eight (security review §17).
max_requests = 5000
max_requests_jitter = 1000

# Each worker imports the app itself: a HUP (systemctl reload) then loads new code.
preload_app = False

# The workers' heartbeat files in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# Who may say "this came over https": the app decides, through Werkzeug's
# ProxyFix and TRUSTED_PROXIES (app.py), in one place. gunicorn's own
# trust of X-Forwarded-Proto and X-Forwarded-Ssl from 127.0.0.1 is off.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "")

# No access log: the pages a person opened, with their address, are theirs
# (README "Privacy and state"). Errors go to stderr (the journal).
accesslog = None
errorlog = "-"
loglevel = "info"
proc_name = "new-facts-check"
