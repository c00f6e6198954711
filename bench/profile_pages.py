#!/usr/bin/env python3
"""In-process cost of one request, through the Flask test client.

    bench/profile_pages.py                 # CPU µs per request, 7 interleaved rounds
    bench/profile_pages.py 3000 question   # 3000 requests a round, one target
    BENCH_PROFILE=1 bench/profile_pages.py 2000 question   # + cProfile's top functions

Targets: bare (bench/bare_app.py GET /), floor (bench/floor_app.py), question
(/en/question/detained, a person mid-check), post (a valid answer), result
(/en/result, a person who finished), plain (bench/plain_app.py's question).
CPU time is process_time, the minimum of the rounds, so that other programs
on the machine distort it less. The test client itself costs some 40 µs a
request that a real server does not pay; it is the same for every target,
so compare ratios. bench/load measures the same pages under gunicorn.
"""
import cProfile
import os
import pstats
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

benchlib.use_venv()
os.environ.setdefault("SECRET_KEY", benchlib.SECRET)
os.environ.setdefault("COOKIE_SECURE", "0")


def targets():
    import bare_app
    import floor_app
    import plain_app

    cookie_mid, token = benchlib.mid_check()
    cookie_done = benchlib.full_check()[0]
    question = "/en/question/detained"

    def with_cookie(app, name, value):
        client = app.test_client()
        client.set_cookie(name, value)
        return client

    app = benchlib.test_app()
    floor_app.app.config["SESSION_COOKIE_SECURE"] = False
    bare = bare_app.app.test_client()
    floor = with_cookie(floor_app.app, "nfc_state", cookie_mid)
    mid = with_cookie(app, "nfc_state", cookie_mid)
    done = with_cookie(app, "nfc_state", cookie_done)
    poster = with_cookie(app, "nfc_state", cookie_mid)
    plain_cookie, _plain_token = plain_app.mid_check(benchlib.SECRET)
    plain = with_cookie(plain_app.create_app(benchlib.SECRET), "session", plain_cookie)

    def post():
        # The cookie is set again: a post writes a new one.
        poster.set_cookie("nfc_state", cookie_mid)
        return poster.post(question, data={"csrf_token": token, "answer": "no"})

    return {
        "bare": lambda: bare.get("/"),
        "floor": lambda: floor.get(question),
        "question": lambda: mid.get(question),
        "post": post,
        "result": lambda: done.get("/en/result"),
        "plain": lambda: plain.get(question),
    }


def run(target, count):
    start = time.process_time()
    for _ in range(count):
        response = target()
        response.close()
    return (time.process_time() - start) / count * 1e6


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    chosen = sys.argv[2:] or None
    every = targets()
    names = [name for name in every if not chosen or name in chosen]
    for name in names:
        status = every[name]().status_code
        assert status in (200, 302), (name, status)
        run(every[name], 50)  # warm
    best = {name: float("inf") for name in names}
    for _ in range(int(os.environ.get("BENCH_ROUNDS", "7"))):
        for name in names:
            best[name] = min(best[name], run(every[name], count))
    for name in names:
        line = f"{name:<10} {best[name]:8.0f} µs/request"
        if "bare" in best:
            line += f"   bare/x {best['bare'] / best[name]:5.2f}"
        if "plain" in best and name != "plain":
            line += f"   plain/x {best['plain'] / best[name]:5.2f}"
        print(line)
    if os.environ.get("BENCH_PROFILE"):
        for name in names:
            profile = cProfile.Profile(time.process_time)
            profile.runcall(run, every[name], count)
            print(f"\n== {name}: cProfile (inflates small calls) ==")
            stats = pstats.Stats(profile).sort_stats("cumulative")
            stats.print_stats(int(os.environ.get("BENCH_PROFILE_LINES", "45")))


if __name__ == "__main__":
    main()
