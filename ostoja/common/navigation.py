"""Main menu: each app registers its entries with the predicate that shows them."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise

StrOrPromise = str | Promise


@dataclass(frozen=True)
class MenuEntry:
    label: StrOrPromise
    url_name: str
    visible: Callable[..., bool]
    order: int = 100


_ENTRIES: list[MenuEntry] = []


def register_menu(
    label: StrOrPromise, url_name: str, visible: Callable[..., bool], order: int = 100
) -> None:
    """Add a main-menu entry shown to users for whom `visible(user)` is true."""
    if any(e.url_name == url_name for e in _ENTRIES):
        return
    _ENTRIES.append(MenuEntry(label, url_name, visible, order))
    _ENTRIES.sort(key=lambda e: e.order)


def menu_for(user, current_path: str) -> list[dict]:
    items = []
    for entry in _ENTRIES:
        if not entry.visible(user):
            continue
        url = reverse(entry.url_name)
        current = current_path == url or (url != "/" and current_path.startswith(url))
        items.append({"label": str(entry.label), "url": url, "current": current})
    return items
