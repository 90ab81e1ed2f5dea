"""Days and times given as ``datetime.date`` and ``datetime.datetime``: written in the forms the
pages document (the core reads their ISO 8601 text)."""

import datetime as dt

import pytest

import smsc_core
from smsc_core import Client

MOSCOW = dt.timezone(dt.timedelta(hours=3))


def body(request):
    return request.body or ""


def test_an_aware_datetime_is_sent_as_the_instant_it_names():
    client = Client("demo", "pw")
    moscow = client.send_sms(
        "79991234567", "hi", time=dt.datetime(2026, 12, 2, 17, 0, tzinfo=MOSCOW)
    )
    utc = client.send_sms(
        "79991234567", "hi", time=dt.datetime(2026, 12, 2, 14, 0, tzinfo=dt.timezone.utc)
    )
    assert "time=01796220000" in body(moscow)
    assert "time=01796220000" in body(utc)


def test_a_naive_datetime_is_sent_as_smsc_text_in_the_zone_tz_gives():
    request = Client("demo", "pw").send_sms(
        "79991234567", "hi", time=dt.datetime(2026, 12, 2, 17, 5, 30), tz=2
    )
    assert "time=02.12.26+17%3A05&tz=2" in body(request)


def test_days_are_written_dd_mm_yyyy():
    client = Client("demo", "pw")
    history = client.history(start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31))
    assert "start=01.03.2026&end=31.03.2026" in body(history)
    stats = client.statistics(start=dt.date(2026, 1, 15))
    assert "start=15.01.2026" in body(stats)


def test_a_day_is_no_send_time_and_other_objects_are_refused():
    client = Client("demo", "pw")
    with pytest.raises(smsc_core.InvalidArgumentError) as caught:
        client.send_sms("79991234567", "hi", time=dt.date(2026, 12, 2))
    assert caught.value.field == "time"
    with pytest.raises(smsc_core.InvalidArgumentError, match="date or datetime"):
        client.history(start=dt.timedelta(days=1))  # pyright: ignore[reportArgumentType]
