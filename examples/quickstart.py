"""Python quickstart: send an SMS, read its status and the balance, with the stdlib only.

    SMSC_LOGIN=demo SMSC_PASSWORD=demo-password SMSC_BASE_URL=http://127.0.0.1:8080 \\
        python examples/quickstart.py

Without SMSC_BASE_URL the client talks to https://smsc.ru. Any HTTP client works in place of
``smsc_core.send``: ``requests.request(req.method, req.url, headers=req.headers, data=req.body)``
and then ``req.parse(resp.status_code, resp.content)``.
"""

import os

import smsc_core
from smsc_core import Client, send

client = Client(
    os.environ.get("SMSC_LOGIN"),
    os.environ.get("SMSC_PASSWORD"),
    base_url=os.environ.get("SMSC_BASE_URL"),
)
phone = "79991234567"
try:
    sent = send(client.send_sms(phone, "Hello from smsc-core (Python)", cost=3))
    # A result's optional keys may be absent (type checkers say so): `.get` reads them.
    message_id = sent.get("id")
    print(
        f"python: sent message {message_id}: {sent['sms_count']} SMS, "
        f"cost {sent.get('cost')}, balance left {sent.get('balance')}"
    )
    status = send(client.status(message_id, phone))["messages"][0]
    print(f"python: status of {message_id}: {status['status']} ({status.get('status_text')})")
    balance = send(client.balance(currency=True))
    print(f"python: balance {balance['balance']} {balance.get('currency', '')}")
except smsc_core.InsufficientFundsError:
    print("python: not enough money on the account")
except smsc_core.SmscError as err:
    print(f"python: {err.kind} error: {err}")
    raise SystemExit(1) from err
