-- wrk: post one valid form again and again, as one person mid-check.
-- bench/load sets the environment: BENCH_COOKIE (the state cookie's value),
-- BENCH_COOKIE_NAME (its name: nfc_state, or session for bench/plain_app.py)
-- and BENCH_BODY (the urlencoded form with its CSRF token). The app answers
-- with a 302 to the next page; wrk counts 2xx and 3xx as success.
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = (os.getenv("BENCH_COOKIE_NAME") or "nfc_state") .. "=" .. os.getenv("BENCH_COOKIE")
