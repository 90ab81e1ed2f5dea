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
from urllib.parse import quote

from smsc_core import Client

LOGIN, PASSWORD = "demo", "demo-password"
client = Client(LOGIN, PASSWORD)

SEND_JSON = b'{"id": 1234, "cnt": 1, "cost": "2.50", "balance": "997.50"}'
SEND_CSV = "1234,1,2.50,997.50"
BALANCE_JSON = b'{"balance": "250.80"}'
BALANCE_CSV = "250.80"
STATUS_JSON = b'{"status": 1, "last_date": "13.03.2026 15:50:50", "last_timestamp": 1773406250, "err": 0}'
STATUS_CSV = "1,1773406250,0"


def baseline_query(cmd: str, arg: str) -> str:
    # What the official script builds for every call: credentials and format glued in front.
    return (
        "https://smsc.ru/sys/"
        + cmd
        + ".php?login="
        + quote(LOGIN)
        + "&psw="
        + quote(PASSWORD)
        + "&fmt=1&charset=utf-8&"
        + arg
    )


def baseline_send() -> list[str]:
    baseline_query(
        "send",
        "cost=3&phones=" + quote("79991234567") + "&mes=" + quote("Hello") + "&translit=0&id=0",
    )
    return SEND_CSV.split(",")


def baseline_balance() -> str:
    baseline_query("balance", "")
    return SEND_CSV and BALANCE_CSV.split(",")[0]


def baseline_status() -> list[str]:
    baseline_query("status", "phone=" + quote("79991234567") + "&id=" + quote("1234") + "&all=0")
    return STATUS_CSV.split(",")


def core_send() -> object:
    return client.send_sms("79991234567", "Hello", cost=3).parse(200, SEND_JSON)


def core_balance() -> object:
    return client.balance().parse(200, BALANCE_JSON)


def core_status() -> object:
    return client.status(1234, "79991234567").parse(200, STATUS_JSON)


def best_of(fn: object) -> float:
    timer = timeit.Timer(fn)  # type: ignore[arg-type]
    n, _ = timer.autorange()
    return min(timer.repeat(number=n, repeat=7)) / n


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
            "message": f"Hello, world: your code is {i:06d}. Thank you for using our service today!",
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
        c, b = best_of(core), best_of(base)
        print(f"  {name:30s} {c * 1e6:9.2f} {b * 1e6:10.2f} {c / b:7.2f}x")

    history = client.history(start="01.03.2026", end="31.03.2026", cnt=1000)
    print("history page (ms)                  smsc-core json.loads   ratio")
    for messages in [2500, 5000, 10000, 20000]:
        body = history_page(messages)
        c = min(timeit.repeat(lambda: history.parse(200, body), number=1, repeat=5))
        j = min(timeit.repeat(lambda: json.loads(body), number=1, repeat=5))
        size = f"{len(body) / 1e6:.2f} MB"
        print(f"  {size:30s} {c * 1e3:9.2f} {j * 1e3:10.2f} {c / j:7.2f}x")


if __name__ == "__main__":
    main()
