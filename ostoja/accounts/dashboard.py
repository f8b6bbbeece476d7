"""Dashboard cards: each app registers a provider giving cards for a user."""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Card:
    title: str
    value: str = ""
    text: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)
    order: int = 100


_PROVIDERS: list[Callable] = []


def register_dashboard(provider: Callable) -> Callable:
    """Register `provider(user) -> list[Card]`; use as a decorator."""
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def dashboard_cards(user) -> list[Card]:
    cards: list[Card] = []
    for provider in _PROVIDERS:
        cards.extend(provider(user))
    return sorted(cards, key=lambda c: c.order)
