"""Per-call cost of smsc-core from Python, next to a hand-written pure-Python client doing the
least a correct client must: encode the form, decode the JSON, check for the error envelope and
keep money exact. Prints microseconds per call; timings are the machine's, not assertions."""

import json
import timeit
import urllib.parse
from decimal import Decimal

from smsc_core import Client

ANSWER = b'{"id": 1234, "cnt": 1, "cost": "2.50", "balance": "997.50"}'
client = Client("demo", "demo-password")


def with_smsc_core():
    req = client.send_sms("79991234567", "Hello", cost=3)
    return req.parse(200, ANSWER)


def hand_written():
    body = urllib.parse.urlencode(
        {
            "login": "demo",
            "psw": "demo-password",
            "phones": "79991234567",
            "mes": "Hello",
            "cost": 3,
            "fmt": 3,
            "charset": "utf-8",
        }
    )
    data = json.loads(ANSWER.decode("utf-8"))
    if "error_code" in data:
        raise RuntimeError(data.get("error"))
    return body, {
        "id": str(data["id"]),
        "sms_count": data["cnt"],
        "cost": Decimal(data["cost"]),
        "balance": Decimal(data["balance"]),
    }


for name, fn in [
    ("smsc-core send_sms prepare+parse", with_smsc_core),
    ("hand-written urlencode+json+Decimal", hand_written),
]:
    n, total = timeit.Timer(fn).autorange()
    best = min(timeit.repeat(fn, number=n, repeat=5)) / n
    print(f"{name:40s} {best * 1e6:8.2f} us/call")
