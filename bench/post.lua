-- wrk: post one valid form again and again, as one person mid-check.
-- bench/load sets the environment: BENCH_COOKIE (the nfc_state value) and
-- BENCH_BODY (the urlencoded form with its CSRF token). The app answers
-- with a 302 to the next page; wrk counts 2xx and 3xx as success.
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "nfc_state=" .. os.getenv("BENCH_COOKIE")
