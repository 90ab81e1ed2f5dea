"""Parameters are read straight from the Python values given. Every request and every error
must be the same as when the values are first made JSON data, which the fixture corpus
describes. These cases give what only Python can give: tuples, dates, subclasses, enums,
huge integers, cycles."""

import datetime
import enum
from collections import OrderedDict

import pytest

from smsc_core import Client, SmscError

P = "79991234567"
client = Client("demo", "s3cret-pw")
native = client._native


class Cost(enum.IntEnum):
    BALANCE = 3


class Text(str):
    pass


def cyclic():
    d: dict[str, object] = {"phones": P}
    d["message"] = d
    return d


MSK = datetime.timezone(datetime.timedelta(hours=3))

# (op, params) that make a request.
GOOD = [
    ("send_sms", {"phones": (P, "79990000000"), "message": "Hi"}),
    ("send_sms", {"phones": [P], "message": Text("Hi"), "cost": Cost.BALANCE}),
    ("send_sms", OrderedDict([("message", "Hi"), ("phones", P), ("flash", True)])),
    ("send_sms", {"phones": P, "message": "Hi", "time": datetime.datetime(2026, 3, 13, 15, 50)}),
    (
        "send_sms",
        {"phones": P, "message": "Hi", "time": datetime.datetime(2026, 3, 13, 15, 50, tzinfo=MSK)},
    ),
    ("send_sms", {"phones": P, "message": "Hi", "period": 1.5, "freq": 10, "tz": -2}),
    ("send_sms", {"phones": P, "message": "Hi", "id": 2**31 - 1, "sender": None}),
    ("send_sms", {"list": ({"phones": (P,), "message": "one"}, {"phones": P, "mes": "two"})}),
    ("status", {"messages": ({"id": 1, "phone": P}, {"id": "order-2", "phone": P}), "all": 2}),
    ("status", {"id": 1234, "phone": P}),
    ("history", {"start": datetime.date(2026, 3, 1), "end": datetime.date(2026, 3, 31)}),
    ("balance", {}),
]

# (op, params) that are refused.
BAD = [
    ("send_sms", {"phones": P, "message": "Hi", "id": 2**80}),
    ("send_sms", {"phones": P, "message": "Hi", "maxsms": True}),
    ("send_sms", {"phones": P, "message": "Hi", "period": float("nan")}),
    ("send_sms", {"phones": P, "message": "Hi\ud800"}),
    ("send_sms", {"phones": {P}, "message": "Hi"}),
    ("send_sms", {"phones": P, "message": b"Hi"}),
    ("send_sms", {"phones": P, "message": "Hi", "mes": "Hi"}),
    ("send_sms", {"phones": P, "message": "Hi", "nmae": 1}),
    ("send_sms", {"phones": P, "message": "Hi", 5: "x"}),
    ("send_sms", {"list": [{"phones": P, "message": "one"}, {"phones": [P, 5], "message": "x"}]}),
    ("send_sms", cyclic()),
    ("send_sms", [P, "Hi"]),
    ("no_such_operation", {}),
    ("status", {"messages": [{"id": 1}]}),
]


def same_request(a, b):
    assert (a.method, a.url, a.headers, a.body, a.operation) == (
        b.method,
        b.url,
        b.headers,
        b.body,
        b.operation,
    )


@pytest.mark.parametrize("op,params", GOOD)
def test_python_values_make_the_request_their_json_makes(op, params):
    in_place = native._prepare_in_place(op, params)
    assert in_place is not None, "not read in place"
    same_request(in_place, native._prepare_by_value(op, params))
    same_request(native.prepare(op, params), in_place)


def test_no_parameters_are_none():
    same_request(native.prepare("balance", None), native.prepare("balance", {}))


@pytest.mark.parametrize("op,params", BAD)
def test_a_mistake_is_reported_as_through_json(op, params):
    with pytest.raises(SmscError) as fast:
        native.prepare(op, params)
    with pytest.raises(SmscError) as slow:
        native._prepare_by_value(op, params)
    assert type(fast.value) is type(slow.value)
    assert str(fast.value) == str(slow.value)
    assert fast.value.field == slow.value.field
    assert "s3cret-pw" not in str(fast.value)
    # Refused in place too, where the reading or the checks after it fail.
    try:
        assert native._prepare_in_place(op, params) is None
    except SmscError as e:
        assert str(e) == str(slow.value)
