"""Deliberate mistakes pyright must report, each on the line marked ``# expect: <rule>``
(tests/test_types.py compares the lines and rules). Never run.
"""

import smsc_core
from smsc_core import Client, parse_callback, send


def mistakes(client: Client) -> None:
    client.send_sms("79991234567", "Hi", sendr="SMSC.RU")  # expect: reportCallIssue
    client.send_sms("79991234567", "Hi", translit=5)  # expect: reportArgumentType
    client.send_sms("79991234567", "Hi", maxsms="3")  # expect: reportArgumentType
    client.history(cnt="100")  # expect: reportArgumentType
    client.send_hlr("79991234567", message="no text")  # expect: reportCallIssue
    client.send_email("anna@example.com", "Hi", subj="News")  # expect: reportCallIssue
    sent = send(client.send_sms("79991234567", "Hi"))
    print(sent["sms_cnt"])  # expect: reportGeneralTypeIssues
    print(sent["id"])  # expect: reportTypedDictNotRequiredAccess
    event = parse_callback(b"id=1&phone=79991234567&status=1")
    print(event["message"])  # expect: reportGeneralTypeIssues
    balance = client.balance()
    smsc_core.deliver(client, balance, timeout="5")  # expect: reportArgumentType
    smsc_core.deliver(client, balance, transport=lambda r: (200, b""))  # expect: reportArgumentType
    print(smsc_core.deliver(client, balance)["sms_count"])  # expect: reportGeneralTypeIssues
