"""One timeline per family: apps register providers of dated events.

A provider is ``provider(family, user) -> Iterable[TimelineEvent]``; it must use
a bounded number of queries and return only what `user` may see (the Blue Card
provider, for instance, returns nothing to users without the Blue Card role).
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class TimelineEvent:
    date: datetime.date
    kind: str  # short Polish category shown as a label, e.g. "Kontakt"
    title: str
    url: str = ""
    detail: str = ""


_PROVIDERS: list[Callable[..., Iterable[TimelineEvent]]] = []


def register_timeline(provider: Callable[..., Iterable[TimelineEvent]]):
    """Register a timeline provider; use as a decorator."""
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def family_timeline(family, user) -> list[TimelineEvent]:
    """Every event of a family the user may see, newest first."""
    events: list[TimelineEvent] = []
    for provider in _PROVIDERS:
        events.extend(provider(family, user))
    return sorted(events, key=lambda e: e.date, reverse=True)
