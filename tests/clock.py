"""A frozen clock for tests that walk across publishing edges and midnight."""

import datetime
from zoneinfo import ZoneInfo

LOCAL = ZoneInfo("Europe/Copenhagen")


def at(hour: int, minute: int = 0, second: int = 0) -> datetime.datetime:
    """A moment on 3 March 2027, in the site's time zone."""
    return datetime.datetime(2027, 3, 3, hour, minute, second, tzinfo=LOCAL)


class Clock:
    """A frozen clock for django.utils.timezone.now, moved by the test."""

    def __init__(self, moment: datetime.datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime.datetime:
        return self.moment.astimezone(datetime.UTC)
