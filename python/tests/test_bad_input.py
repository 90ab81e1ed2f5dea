"""Bad input that only Python can give: None, bytes, bools, sets, NaN, huge ints, cycles, deep
nesting, and answers too big or too deep. Each case carries its id in docs/bad-input.md."""

import pytest

import smsc_core
from smsc_core import Client, InvalidArgumentError, ParseError

P = "79991234567"
DEEP = 100_000


def deep_list(levels):
    value = []
    for _ in range(levels):
        value = [value]
    return value


def cyclic():
    d = {"phones": P}
    d["message"] = d
    return d


client = Client("demo", "s3cret-pw")

# (id, params for send_sms, field, words the message must contain)
PREPARE_CASES = [
    ("PY01", {"phones": None, "message": "Hi"}, "phones", "no recipients given; give `phones`"),
    ("PY02", {"phones": P, "message": None}, "message", "the message text is missing"),
    ("PY03", {"phones": P, "message": b"Hi"}, "message", "bytes is not accepted"),
    ("PY04", {"phones": [b"79991234567"], "message": "Hi"}, "phones[0]", "bytes is not accepted"),
    ("PY05", {"phones": P, "message": "Hi", "maxsms": True}, "maxsms", "expected a whole number"),
    ("PY06", {"phones": P, "message": "Hi", "period": float("nan")}, "period", "NaN"),
    ("PY07", {"phones": P, "message": "Hi", "period": float("inf")}, "period", "infinity"),
    ("PY08", {"phones": P, "message": "Hi", "id": 2**80}, "id", "too large"),
    ("PY09", {"phones": {"first": P}, "message": "Hi"}, "phones", "list of strings"),
    ("PY10", {"phones": {P}, "message": "Hi"}, "phones", "type set is not accepted"),
    ("PY11", {"phones": P, "message": "Hi", "sender": ["SMSC"]}, "sender", "expected a string"),
    ("PY12", {"phones": P, "message": "Hi\ud800"}, "message", "not valid Unicode"),
    ("PY13", cyclic(), "message", "contains itself"),
    ("PY14", {"phones": deep_list(DEEP), "message": "Hi"}, "phones", "nests deeper than 128"),
    ("PY15", {"phones": P, "message": "Hi", "flash": 1}, "flash", "expected true or false"),
    ("PY24", {"phones": P, "message": "Hi\x00there"}, "message", "NUL character"),
]


@pytest.mark.parametrize(
    "case_id,params,field,words", PREPARE_CASES, ids=[c[0] for c in PREPARE_CASES]
)
def test_wrong_python_values_are_invalid_arguments(case_id, params, field, words):
    with pytest.raises(InvalidArgumentError) as info:
        client.prepare("send_sms", params)
    assert type(info.value) is InvalidArgumentError
    assert info.value.field == field, str(info.value)
    assert words in str(info.value), str(info.value)
    assert "s3cret-pw" not in str(info.value)


def test_none_for_a_required_keyword_is_a_missing_value():
    """[PY16] the keyword API drops None, so the core reports the value as missing."""
    with pytest.raises(InvalidArgumentError) as info:
        client.send_sms(P, None)
    assert info.value.field == "message" and "missing" in str(info.value)


def test_an_operation_name_that_is_not_a_str():
    """[PY17] pyo3 would raise TypeError; the package raises its own class."""
    with pytest.raises(InvalidArgumentError) as info:
        client.prepare(42, {})
    assert info.value.field == "op" and "must be a str" in str(info.value)


def test_client_settings_of_the_wrong_type():
    """[PY18] a number for the login, a missing password."""
    with pytest.raises(InvalidArgumentError) as info:
        Client(123, "pw")
    assert info.value.field == "login" and "expected a string" in str(info.value)
    with pytest.raises(InvalidArgumentError) as info:
        Client("demo", None)
    assert info.value.field == "password"


@pytest.mark.parametrize("status", [True, None, -1, 70_000, 200.0, "200"])
def test_statuses_that_are_not_http_statuses(status):
    """[PY19] a bool is an int in Python, but True is not an HTTP status."""
    with pytest.raises(InvalidArgumentError) as info:
        client.balance().parse(status, b"1.00")
    assert info.value.field == "status" and "int from 0 to 65535" in str(info.value)


@pytest.mark.parametrize("body", [None, 100, [49], memoryview(b"1.00")])
def test_bodies_that_are_not_bytes_or_text(body):
    """[PY20]"""
    with pytest.raises(InvalidArgumentError) as info:
        client.balance().parse(200, body)
    assert info.value.field == "body" and "bytes, bytearray or str" in str(info.value)


def test_a_10_mb_body_is_a_typed_error_or_a_result():
    """[PY21] neither a crash nor a hang: junk is a ParseError, a padded answer a result."""
    junk = b"x" * (10 * 1024 * 1024)
    with pytest.raises(ParseError):
        client.send_sms(P, "Hi").parse(200, junk)
    padded = b'{"balance": "1.00", "pad": "' + junk + b'"}'
    assert str(client.balance().parse(200, padded)["balance"]) == "1.00"


@pytest.mark.parametrize(
    "body,words",
    [
        ("[" * DEEP + "]" * DEEP, "nested deeper than 128 levels"),
        ('{"a":' * DEEP + "1" + "}" * DEEP, "nested deeper than 128 levels"),
        ("<a>" * DEEP + "</a>" * DEEP, "nests deeper than 32 levels"),
    ],
    ids=["json-array", "json-object", "xml"],
)
def test_answers_nested_100000_deep_are_parse_errors(body, words):
    """[PY22] the readers stop at their depth limit instead of overflowing the stack."""
    with pytest.raises(ParseError) as info:
        client.balance().parse(200, body)
    assert words in str(info.value)


def test_notification_bodies_and_options_of_the_wrong_type():
    """[PY23]"""
    with pytest.raises(InvalidArgumentError) as info:
        smsc_core._native.parse_callback(None)
    assert info.value.field == "body"
    with pytest.raises(InvalidArgumentError) as info:
        smsc_core._native.parse_callback(b"id=1", {"secert": "x"})
    assert info.value.field == "secert" and "did you mean `secret`?" in str(info.value)
    with pytest.raises(ParseError) as info:
        smsc_core.parse_callback('{"a":' * DEEP + "1" + "}" * DEEP)
    assert "recursion limit" in str(info.value)
