"""Typed use of the client: pyright must find no error here (tests/test_types.py runs it).

Never run; it only has to type-check.
"""

from decimal import Decimal

import smsc_core
from smsc_core import Client, send
from smsc_core.types import Callback, HistoryResult, SendSmsParams


def typed_calls(client: Client) -> None:
    sent = send(client.send_sms("79991234567", "Hi", sender="SMSC.RU", translit=1, cost=3))
    count: int = sent["sms_count"]
    cost: Decimal | None = sent.get("cost")
    for phone in sent.get("phones", []):
        print(phone["phone"], phone.get("status_text"))
    print(count, cost)

    hlr = client.send_hlr(["79991234567", "79991234568"], cost=3)
    mail = client.send_email("anna@example.com", "Hi", sender="shop@example.net", subj="News")
    print(hlr.operation, mail.effect == "send")

    status = send(client.status("order-1", "79991234567", all=1))
    first = status["messages"][0]
    final: bool = first["is_final"]
    print(first["status"], final)

    page: HistoryResult = send(client.history(start="01.01.2026", cnt=100, phone="79991234567"))
    for message in page["messages"]:
        print(message.get("int_id"), message["status"])
    if "next_prev_id" in page:
        send(client.history(prev_id=page["next_prev_id"]))

    balance = send(client.balance(currency=True))
    amount: Decimal = balance["balance"]
    print(amount, balance.get("currency", ""))

    params: SendSmsParams = {"phones": ["79991234567"], "message": "Hi", "cost": 3}
    print(client.prepare("send_sms", dict(params)).url)

    request = client.job_add(name="Sale", phones="79991234567", message="Hi", rpt=2)
    try:
        send(request)
    except smsc_core.SmscError as err:
        advice = request.advice(err)
        if advice["action"] == "check_status" and "status_check" in advice:
            print(advice["status_check"]["messages"][0]["id"])


def notification(body: bytes) -> str:
    event: Callback = smsc_core.parse_callback(body, secret="s3cret")
    if event["kind"] == "status":
        return f"{event['id']}: {event['status']}"
    if event["kind"] == "incoming":
        return event["message"]
    return event["phone"]


def smtp(client: Client) -> str:
    mail = client.smtp_message("79991234567", "Hi")
    return mail["to"] + mail["body"]


def reliable(client: Client) -> Decimal:
    sent = smsc_core.deliver(
        client,
        client.send_sms("79991234567", "Hi", id="order-1"),
        transport=smsc_core.requests_transport(),
        max_attempts=3,
        deadline=30,
        on_attempt=lambda a: print(a.purpose, a.number, a.request),
    )
    print(sent["sms_count"])
    try:
        balance = smsc_core.deliver(client, client.balance(), timeout=5)
    except smsc_core.SmscError as err:
        if err.advice is not None:
            print(err.advice["action"])
        raise
    return balance["balance"]


async def reliable_async(client: Client) -> int:
    import httpx

    async with httpx.AsyncClient() as http:
        sent = await smsc_core.deliver_async(
            client,
            client.send_sms("79991234567", "Hi"),
            transport=smsc_core.httpx_async_transport(http),
        )
    return sent["sms_count"]


def paged(client: Client) -> int:
    total = 0
    for page in smsc_core.pages(client, client.history(cnt=100)):
        total += len(page["messages"])
    return total


def dated(client: Client) -> None:
    import datetime

    client.send_sms("79991234567", "Hi", time=datetime.datetime.now(datetime.timezone.utc))
    client.history(start=datetime.date(2026, 3, 1), end="31.03.2026")


def maths() -> Decimal:
    s = smsc_core.segments("Hi", price_per_part=Decimal("2.35"))
    if s["alphabet"] == "ucs2" and "ucs2_because" in s:
        print(s["ucs2_because"]["character"])
    assert smsc_core.normalize_phone("8 999 123 45 67")["valid"]
    return s.get("price", Decimal(0))
