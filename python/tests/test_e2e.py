"""End to end over real HTTP: the library builds each request and reads each answer, urllib
moves the bytes, and the local SMSC emulator answers as the documentation describes."""

import urllib.request
from decimal import Decimal

import pytest

import smsc_core
from smsc_core import Client, send


def advance(base_url, seconds):
    req = urllib.request.Request(f"{base_url}/emulator/advance?seconds={seconds}", method="POST")
    urllib.request.urlopen(req).read()


def test_send_then_status_then_balance(base_url):
    client = Client("demo", "demo-password", base_url=base_url)
    sent = send(client.send_sms("79991234567", "Hello from Python", cost=3))
    assert sent["sms_count"] == 1
    assert sent["cost"] == Decimal("2.50")
    assert sent["balance"] == Decimal("997.50")

    first = send(client.status(sent["id"], "79991234567"))["messages"][0]
    assert first["status"] == -1 and not first["is_final"]
    advance(base_url, 15)
    later = send(client.status(sent["id"], "79991234567", all=1))["messages"][0]
    assert later["status"] == 1 and later["status_text"] == "Delivered" and later["is_final"]
    assert later["message"] == "Hello from Python"

    balance = send(client.balance(currency=True))
    assert balance == {"balance": Decimal("997.50"), "currency": "RUB"}

    assert send(client.delete_message(sent["id"], "79991234567")) == {"deleted": 1}
    gone = send(client.status(sent["id"], "79991234567"))["messages"][0]
    assert gone["status"] == -3 and gone["status_text"] == "Message not found"
    with pytest.raises(smsc_core.DeleteFailedError):
        send(client.delete_message(sent["id"], "79991234567"))


def test_long_cyrillic_message_is_counted_and_priced(base_url):
    client = Client(api_key="demo-api-key", base_url=base_url)
    price = send(client.cost(["79991234567", "79991234568"], "я" * 71))
    assert price == {"cost": Decimal("10.00"), "sms_count": 4}
    assert send(client.balance())["balance"] == Decimal("1000.00")


@pytest.mark.parametrize("fmt", ["json", "text", "csv", "xml"])
def test_every_format_reads_the_same(base_url, fmt):
    client = Client("credit", "credit-password", base_url=base_url, format=fmt)
    balance = send(client.balance(currency=True))
    assert balance == {"balance": Decimal("10.00"), "credit": Decimal("100.00"), "currency": "RUB"}
    sent = send(client.send_sms("79991234567", "Hi", cost=3))
    got = (sent["sms_count"], sent["cost"], sent["balance"])
    assert got == (1, Decimal("2.50"), Decimal("7.50"))


def test_documented_errors_arrive_as_exceptions(base_url):
    with pytest.raises(smsc_core.AuthError):
        send(Client("demo", "wrong", base_url=base_url).balance())
    poor = Client("poor", "poor-password", base_url=base_url)
    with pytest.raises(smsc_core.InsufficientFundsError) as funds:
        send(poor.send_sms("79991234567", "Hi", id=77))
    assert funds.value.message_id == "77"
    with pytest.raises(smsc_core.InvalidPhoneError):
        send(poor.send_sms("+12345678", "Hi"))
    client = Client("demo", "demo-password", base_url=base_url, method="GET")
    for _ in range(10):
        send(client.balance())
    with pytest.raises(smsc_core.RateLimitError) as limited:
        send(client.balance())
    assert limited.value.code == 9


def test_an_unreachable_server_is_a_transport_error():
    client = Client("demo", "demo-password", base_url="http://127.0.0.1:9")
    with pytest.raises(smsc_core.TransportError):
        send(client.balance())


def test_other_channels_of_send(base_url):
    client = Client("demo", "demo-password", base_url=base_url)
    hlr = send(client.send_hlr(phones=["79991234567", "79991234568"], cost=3))
    assert (hlr["sms_count"], hlr["cost"]) == (2, Decimal("5.00"))
    mail = send(
        client.send_email(
            phones="anna@example.com", message="Hi", subj="News", sender="shop@example.net"
        )
    )
    assert mail["sms_count"] == 1
    tg = send(client.send_telegram(phones=["@anna_k", "#42"], message="Hi", bot="@shop_bot"))
    assert tg["sms_count"] == 2
    # The typed method has no `message` keyword (tests/test_types.py); the core still refuses
    # one given by name.
    with pytest.raises(smsc_core.InvalidArgumentError) as refused:
        client.prepare("send_hlr", {"phones": "79991234567", "message": "no text for HLR"})
    assert refused.value.field == "message"


def test_the_json_endpoint(base_url):
    client = Client("demo", "demo-password", base_url=base_url)
    req = client.send_sms_json(phones="79991234567", message="Hi", cost=3)
    assert req.url.endswith("/rest/send/") and req.headers["Content-Type"] == "application/json"
    sent = send(req)
    assert (sent["sms_count"], sent["balance"]) == (1, Decimal("997.50"))


def test_different_texts_in_one_request(base_url):
    client = Client("demo", "demo-password", base_url=base_url)
    sent = send(
        client.prepare(
            "send_sms",
            {
                "list": [
                    {"phones": "79991234567", "message": "Code 1111"},
                    {"phones": ["79991234568", "79991234569"], "message": "я" * 71},
                ],
                "cost": 3,
            },
        )
    )
    assert (sent["sms_count"], sent["cost"]) == (5, Decimal("12.50"))


def test_mailing_lists(base_url):
    client = Client("demo", "demo-password", base_url=base_url)
    created = send(
        client.job_add(
            name="Spring sale",
            phones=["79991234567", "79997654321"],
            message="Sale -20%",
            cost=1,
            rpt=2,
            rptn=3,
        )
    )
    assert created == {"id": "1", "cost": Decimal("5.00")}
    job = send(client.job(id=created["id"]))
    assert (job["id"], job["name"], job["fields"]["status"]) == ("1", "Spring sale", "-1")
    assert send(client.job_cancel(id=1)) == {"id": "1", "cancelled": True}
    assert send(client.job(id=1))["fields"]["status"] == "-2"
    # One identical action a minute on mailing lists.
    with pytest.raises(smsc_core.RateLimitError):
        send(client.job_cancel(id=1))
    assert [j["id"] for j in send(client.jobs(start="01.01.2000"))["jobs"]] == ["1"]
    assert send(client.jobs(end="01.01.2000")) == {"jobs": []}
    assert send(client.job_delete(id=1)) == {"id": "1", "deleted": True}
    with pytest.raises(smsc_core.SaveFailedError) as gone:
        send(client.job(id=1))
    assert (gone.value.code, gone.value.reason) == (3, "save_failed")
    with pytest.raises(smsc_core.InvalidArgumentError) as refused:
        client.job_add(name="Sale", phones="79991234567", message="Hi", cost=3)
    assert refused.value.field == "cost"


@pytest.mark.parametrize("fmt", ["json", "text", "csv", "xml"])
def test_mailing_lists_in_every_format(base_url, fmt):
    client = Client("demo", "demo-password", base_url=base_url, format=fmt)
    created = send(client.job_add(name="Sale, spring", phones="79991234567", message="Hi", cost=1))
    assert created == {"id": "1", "cost": Decimal("2.50")}
    assert send(client.job_add(name="Plain", phones="79991234567", message="Hi")) == {"id": "2"}
    jobs = send(client.jobs())["jobs"]
    assert len(jobs) == 2
    if fmt == "csv":
        assert [j["values"][0] for j in jobs] == ["1", "2"]
    else:
        assert [(j["id"], j["name"]) for j in jobs] == [("1", "Sale, spring"), ("2", "Plain")]
    assert send(client.job(id=2))["id"] == "2"
    assert send(client.job_delete(id=2)) == {"id": "2", "deleted": True}


def test_message_templates_and_a_mailing_list_from_one(base_url):
    client = Client("demo", "demo-password", base_url=base_url, format="xml")
    added = send(client.template_add(name="Greeting", message="Hello, friend", format="sms"))
    assert added == {"id": "1"}
    assert send(client.template_update(id=1, message="Hi again", autosign=True)) == {
        "id": "1",
        "updated": True,
    }
    [template] = send(client.templates())["templates"]
    assert (template["name"], template["fields"]["msg"]) == ("Greeting", "Hi again")
    assert template["fields"]["autosign"] == "1"
    job = send(client.job_add(name="From template", phones="79991234567", tpl=1))
    assert send(client.job(id=job["id"]))["fields"]["mes"] == "Hi again"
    assert send(client.template_delete(id=1)) == {"id": "1", "deleted": True}
    assert send(client.templates()) == {"templates": []}
    with pytest.raises(smsc_core.ParametersError):
        send(client.template_delete(id=1))


def test_operator_templates(base_url):
    client = Client(api_key="demo-api-key", base_url=base_url, format="text")
    added = send(
        client.operator_template_add(
            sender="SHOP", message="Your code: %CODE%", mts_auth=True, mega_auth=True
        )
    )
    assert added == {"created": True}
    listed = send(client.operator_templates(sender="SHOP", message="Your code: %CODE%"))
    names = [(t["id"], t["name"]) for t in listed["templates"]]
    assert names == [("1", "MTS authorisation"), ("2", "MegaFon authorisation")]
    with pytest.raises(smsc_core.InvalidArgumentError) as refused:
        client.operator_template_add(sender="SHOP", message="Hi")
    assert refused.value.field == "params"


@pytest.mark.parametrize("fmt", ["json", "text", "csv", "xml"])
def test_monitoring_events(base_url, fmt):
    client = Client("demo", "demo-password", base_url=base_url, format=fmt)
    event = client.monitoring_event(id=3, name="web-1", host="10.0.0.7", info="HTTP 502", ok=True)
    assert send(event) == {"id": "3", "accepted": True}
    with pytest.raises(smsc_core.AuthError):
        send(Client("demo", "wrong", base_url=base_url, format=fmt).monitoring_event(id=3))


def admin(base_url, path):
    req = urllib.request.Request(f"{base_url}/emulator/{path}", method="POST")
    return urllib.request.urlopen(req).read()


@pytest.mark.parametrize("fmt", ["json", "text", "csv", "xml"])
def test_history_statistics_and_incoming_messages(base_url, fmt):
    client = Client("demo", "demo-password", base_url=base_url, format=fmt)
    send(client.send_sms("79991234567", "First, with a comma"))
    send(client.send_sms("79991234568", "Second"))
    advance(base_url, 15)

    page = send(client.history(cnt=1))
    assert [m["message"] for m in page["messages"]] == ["Second"]
    first = page["messages"][0]
    assert (first["status"], first["is_final"], first["cost"]) == (1, True, Decimal("2.50"))
    older = send(client.history(cnt=1, prev_id=page["next_prev_id"]))
    assert older["messages"][0]["message"] == "First, with a comma"
    assert send(client.history(phone=["79991234567"]))["messages"][0]["phone"] == "79991234567"
    with pytest.raises(smsc_core.InvalidArgumentError) as bad:
        client.history(start="01.01.2026", end="02.07.2026")
    assert bad.value.field == "end"

    stat = send(client.statistics(start="01.01.2000"))["accounts"]
    assert stat == [
        {
            "login": "demo",
            "count": 2,
            "credit": Decimal("5.00"),
            "debit": Decimal("0.00"),
            "currency": "RUB",
        }
    ]

    # In the line formats an empty list is an empty body, read as no records.
    assert send(client.incoming()) == {"messages": []}
    reply = "login=demo&phone=79991234567&to_phone=79000000001&message=Yes%2C+please"
    admin(base_url, f"incoming?{reply}")
    inbox = send(client.incoming(hour=1))
    got = [(m["phone"], m["message"]) for m in inbox["messages"]]
    assert got == [("79991234567", "Yes, please")]
    assert inbox["next_after_id"] == 1
    assert send(client.incoming(after_id=inbox["next_after_id"]))["messages"] == []


@pytest.mark.parametrize("fmt", ["json", "text", "csv", "xml"])
def test_rates_operators_and_short_links(base_url, fmt):
    client = Client("demo", "demo-password", base_url=base_url, format=fmt)
    zones = send(client.rates())["zones"]
    assert (zones[0]["name"], zones[0]["api"]) == ("Russia", Decimal("2.50"))

    found = send(client.operator_info(phone="79991234567, 77011234567"))["phones"]
    assert [(p["phone"], p["country"], p["mcc"]) for p in found] == [
        ("79991234567", "Russia", "250"),
        ("77011234567", "Kazakhstan", "401"),
    ]
    with pytest.raises(smsc_core.NotFoundError) as unknown:
        send(client.operator_info(phone="79990000000"))
    assert (unknown.value.code, unknown.value.reason) == (3, "not_found")

    send(client.send_sms("79991234567", "Sale https://example.com/sale", tinyurl=True))
    admin(base_url, "click?id=1")
    link = send(client.short_link(link="https://example.com/sale"))
    assert (link["id"], link["clicks"], link["clicks_today"]) == ("1", 1, 1)
    with pytest.raises(smsc_core.NotFoundError):
        send(client.short_link(id=2))
    with pytest.raises(smsc_core.InvalidArgumentError):
        client.short_link(id=1, link="https://example.com/sale")


@pytest.mark.parametrize("fmt", ["json", "text", "csv", "xml"])
def test_contacts_groups_and_blacklist(base_url, fmt):
    client = Client("demo", "demo-password", base_url=base_url, format=fmt)
    group = send(client.group_add(name="Clients", number=5))
    assert group == {"id": "1"}
    contact = send(client.contact_add(phone="79991234567", name="Smith, John", groups=group["id"]))
    assert contact == {"id": "2"}
    send(client.contact_add(phone="79997654321", name="Ivan"))
    [first, second] = send(client.contacts())["contacts"]
    assert (first["id"], first["phones"], first["name"], first["groups"]) == (
        "2",
        ["79991234567"],
        "Smith, John",
        ["1"],
    )
    assert "groups" not in second
    assert send(client.contact_group_add(group=1, phone="79997654321")) == {"ok": True}
    assert send(client.contacts())["contacts"][1]["groups"] == ["1"]
    assert send(client.contact_update(phone="79997654321", name="Ivan P")) == {"ok": True}
    assert send(client.groups())["groups"] == [{"id": "1", "number": "5", "name": "Clients"}]
    assert send(client.contact_delete(phone="79991234567")) == {"ok": True}
    with pytest.raises(smsc_core.NotFoundError) as gone:
        send(client.contact_delete(phone="79991234567"))
    assert (gone.value.code, gone.value.reason) == (3, "not_found")
    assert send(client.group_delete(group=1)) == {"ok": True}
    assert send(client.blacklist_add(phone="79991234567", type=1)) == {"id": "4"}
    assert send(client.blacklist_delete(phone="79991234567")) == {"ok": True}
    with pytest.raises(smsc_core.InvalidArgumentError) as refused:
        client.group_add(name="Clients", number=0)
    assert refused.value.field == "number"


@pytest.mark.parametrize("fmt", ["json", "text", "csv", "xml"])
def test_sub_clients_and_their_invoices(base_url, fmt):
    client = Client("demo", "demo-password", base_url=base_url, format=fmt)
    assert send(client.subclient_add(user="sub1", password="Sub-secret-1")) == {"ok": True}
    before = send(client.balance())["balance"]
    assert send(client.subclient_pay(user="sub1", sum="150.50")) == {"ok": True}
    assert send(client.balance())["balance"] == before - Decimal("150.50")
    [stat] = send(client.subclient_stats())["subclients"]
    assert (stat["user"], stat["balance"]) == ("sub1", Decimal("150.50"))
    assert send(client.subclient_update(user="sub1", new_login="sub2")) == {"ok": True}
    detailed = send(client.subclient_stats_detailed())["subclients"]
    assert [s["user"] for s in detailed] == ["sub2"]
    with pytest.raises(smsc_core.SubclientNotFoundError):
        send(client.subclient_pay(user="sub1", sum=1))
    with pytest.raises(smsc_core.InsufficientFundsError):
        send(client.subclient_pay(user="sub2", sum=-500))
    invoice = send(client.invoice_add(user="sub2", sum=1000, service="SMS"))
    assert invoice == {"ok": True, "id": "2"}
    pdf = send(client.invoice_get(user="sub2", id=invoice["id"]))
    assert pdf["content_type"] == "application/pdf" and pdf["size"] > 0
    assert send(client.act_get(user="sub2", num="A-7"))["content_type"] == "application/pdf"
    with pytest.raises(smsc_core.NotFoundError):
        send(client.invoice_get(user="sub2", id=99))
    with pytest.raises(smsc_core.InvalidArgumentError) as refused:
        client.subclient_add(user="sub3", password="pw", flags={"fl[99]": True})
    assert "Sub-secret-1" not in repr(client.subclient_add(user="s", password="Sub-secret-1"))
    assert refused.value.field == "flags.fl[99]"


@pytest.mark.parametrize("fmt", ["json", "text", "csv", "xml"])
def test_sender_names(base_url, fmt):
    client = Client("demo", "demo-password", base_url=base_url, format=fmt)
    assert send(client.sender_add(sender="SHOP", comment="our shop")) == {"ok": True}
    assert send(client.sender_update(id=1, comment="the shop")) == {"ok": True}
    [shop] = send(client.senders())["senders"]
    assert (shop["id"], shop["sender"], shop["status"], shop["comment"]) == (
        "1",
        "SHOP",
        "0",
        "the shop",
    )
    assert send(client.sender_send_code(sender="79991234567")) == {"ok": True}
    with pytest.raises(smsc_core.CodeAlreadySentError):
        send(client.sender_send_code(sender="79991234567"))
    with pytest.raises(smsc_core.InvalidCodeError):
        send(client.sender_check_code(sender="79991234567", code="0000"))
    assert send(client.sender_check_code(sender="79991234567", code="4567")) == {"ok": True}
    assert [s["sender"] for s in send(client.senders())["senders"]] == ["SHOP", "79991234567"]
    assert send(client.sender_delete(sender="SHOP")) == {"ok": True}
    with pytest.raises(smsc_core.NotFoundError):
        send(client.sender_delete(sender="SHOP"))
