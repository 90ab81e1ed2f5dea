"""100 000 prepare + parse calls must not grow the memory Python traces once warmed up: a
reference kept per call (a request, a result, an exception) would show as growth. Rust's own
allocations are not traced by tracemalloc; the C suite covers them under valgrind."""

import gc
import tracemalloc

from smsc_core import Client, RateLimitError

CALLS = 100_000
# Room for interpreter caches (interned strings, free lists) that settle in the first rounds;
# a leak of even 10 bytes per call would be ten times this.
BOUND = 100 * 1024


def round_trip(client, i):
    request = client.send_sms("79991234567", f"Hello {i}", cost=3)
    sent = request.parse(200, b'{"id": 7, "cnt": 1, "cost": "2.50", "balance": "997.50"}')
    assert sent["id"] == "7"
    if i % 10 == 0:
        try:
            request.parse(200, b'{"error": "x", "error_code": 9}')
        except RateLimitError:
            pass
        else:
            raise AssertionError("the error answer was accepted")


def test_traced_memory_does_not_grow_over_100000_calls():
    client = Client("demo", "demo-password")
    tracemalloc.start()
    try:
        for i in range(2_000):
            round_trip(client, i)
        gc.collect()
        before = tracemalloc.take_snapshot()
        for i in range(CALLS):
            round_trip(client, i)
        gc.collect()
        after = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    growth = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
    print(f"traced memory growth over {CALLS} calls: {growth} bytes")
    assert growth < BOUND, f"grew by {growth} bytes: {after.compare_to(before, 'lineno')[:5]}"
