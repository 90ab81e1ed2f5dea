"""Per-call cost of smsc-core from Python, side by side in one process with a baseline doing the
work SMSC's own Python library does for the same call: the query glued together as a string with
``quote()`` per value, and the fmt=1 answer split on commas (the network is stubbed out, as it is
for smsc-core). Also a large history page against ``json.loads`` of the same bytes, at growing
sizes, to show the cost grows linearly. Prints microseconds (or milliseconds) per call and the
ratio; timings are the machine's, never assertions.
"""

from __future__ import annotations

import json
import timeit
from collections.abc import Callable
from urllib.parse import quote

from smsc_core import Client

LOGIN, PASSWORD = "demo", "demo-password"
client = Client(LOGIN, PASSWORD)

# A realistic text: SMSC's users mostly write Cyrillic, which `quote()` percent-encodes.
TEXT = "Ваш код подтверждения: 1234"
SEND_JSON = b'{"id": 1234, "cnt": 1, "cost": "2.50", "balance": "997.50"}'
SEND_CSV = b"1234,1,2.50,997.50"
BALANCE_JSON = b'{"balance": "250.80"}'
BALANCE_CSV = b"250.80"
STATUS_JSON = b'{"status": 1, "last_timestamp": 1773406250, "err": 0}'
STATUS_CSV = b"1,1773406250,0"


class StubResponse:
    """What the network would hand back: an object with ``read()``, as ``urlopen`` returns."""

    __slots__ = ("body",)

    def __init__(self, body: bytes) -> None:
        self.body = body

    def read(self) -> bytes:
        return self.body


def stub_urlopen(answer: bytes) -> Callable[..., StubResponse]:
    # A stand-in for urllib's urlopen, answering at once.
    def urlopen(url: str, data: bytes | None = None) -> StubResponse:
        return StubResponse(answer)

    return urlopen


def baseline_call(cmd: str, arg: str, answer: bytes) -> list[str]:
    """The work SMSC's own Python library does around every call: credentials and format glued
    in front of the query with ``quote()``, the request tried until an answer comes back (here
    at once), the answer decoded and split on commas (fmt=1)."""
    urlopen = stub_urlopen(answer)
    url = "https://smsc.ru/sys/" + cmd + ".php"
    arg = "login=" + quote(LOGIN) + "&psw=" + quote(PASSWORD) + "&fmt=1&charset=utf-8&" + arg
    ret = ""
    attempt = 0
    while ret == "" and attempt <= 5:
        if attempt > 0:
            url = url.replace("smsc.ru/", "www" + str(attempt) + ".smsc.ru/")
        attempt += 1
        try:
            ret = str(urlopen(url + "?" + arg).read().decode("utf-8"))
        except OSError:
            ret = ""
    return ret.split(",")


def baseline_send() -> list[str]:
    sender, time, query, translit, msg_id, fmt = False, "", "", 0, 0, 0
    arg = (
        "cost=3&phones="
        + quote("79991234567")
        + "&mes="
        + quote(TEXT)
        + "&translit="
        + str(translit)
        + "&id="
        + str(msg_id)
        + ("&flash=1" if fmt > 0 else "")
        + ("" if sender is False else "&sender=" + quote(str(sender)))
        + ("&time=" + quote(time) if time else "")
        + ("&" + query if query else "")
    )
    return baseline_call("send", arg, SEND_CSV)


def baseline_balance() -> str:
    return baseline_call("balance", "", BALANCE_CSV)[0]


def baseline_status() -> list[str]:
    arg = "phone=" + quote("79991234567") + "&id=" + quote(str(1234)) + "&all=" + str(0)
    return baseline_call("status", arg, STATUS_CSV)


def core_send() -> object:
    # The request's body is what an HTTP client sends; reading it is part of the call.
    req = client.send_sms("79991234567", TEXT, cost=3)
    req.body  # noqa: B018
    return req.parse(200, SEND_JSON)


def core_balance() -> object:
    return client.balance().parse(200, BALANCE_JSON)


def core_status() -> object:
    return client.status(1234, "79991234567").parse(200, STATUS_JSON)


def side_by_side(core: Callable[[], object], base: Callable[[], object]) -> tuple[float, float]:
    """Seconds per call of each, best of 25 rounds of about 50 ms. The rounds alternate between
    the two, so that a slower stretch of a shared machine weighs on both alike rather than on
    one; many short rounds make the best of them less a matter of luck than a few long ones."""
    timers = [timeit.Timer(core), timeit.Timer(base)]
    numbers = [max(1, timer.autorange()[0] // 4) for timer in timers]
    best = [float("inf"), float("inf")]
    for _ in range(25):
        for i, (timer, number) in enumerate(zip(timers, numbers, strict=True)):
            best[i] = min(best[i], timer.timeit(number) / number)
    return best[0], best[1]


def history_page(messages: int) -> bytes:
    # Shaped like tests/fixtures/history/json_page.json, with distinct ids and texts.
    page = [
        {
            "status": 1,
            "last_date": "13.03.2026 15:50:50",
            "last_timestamp": 1773406250 + i,
            "err": 0,
            "send_date": "13.03.2026 15:50:46",
            "send_timestamp": 1773406246 + i,
            "phone": f"7999{i:07d}",
            "cost": "2.50",
            "sender_id": "SMSC.RU",
            "status_name": "Delivered",
            "message": f"Hello, world: your code is {i:06d}. Thank you for using our service!",
            "type": 0,
            "country": "Russia",
            "operator": "Beeline",
            "region": "Moscow",
            "id": f"order-{i}",
            "int_id": 5000 + i,
            "sms_cnt": 1,
            "format": 0,
            "crc": "1a2b3c",
            "mccmnc": "25099",
        }
        for i in range(messages)
    ]
    return json.dumps(page).encode()


def main() -> None:
    print("per call (us)                      smsc-core   baseline   ratio")
    for name, core, base in [
        ("send + read the answer", core_send, baseline_send),
        ("balance", core_balance, baseline_balance),
        ("status", core_status, baseline_status),
    ]:
        c, b = side_by_side(core, base)
        print(f"  {name:30s} {c * 1e6:9.2f} {b * 1e6:10.2f} {c / b:7.2f}x")

    history = client.history(start="01.03.2026", end="31.03.2026", cnt=1000)
    print("history page (ms)                  smsc-core json.loads   ratio")
    for messages in [2500, 5000, 10000, 20000]:
        body = history_page(messages)
        c, j = float("inf"), float("inf")
        for _ in range(9):
            c = min(c, timeit.timeit(lambda b=body: history.parse(200, b), number=1))
            j = min(j, timeit.timeit(lambda b=body: json.loads(b), number=1))
        size = f"{len(body) / 1e6:.2f} MB"
        print(f"  {size:30s} {c * 1e3:9.2f} {j * 1e3:10.2f} {c / j:7.2f}x")


if __name__ == "__main__":
    main()
