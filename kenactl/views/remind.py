"""``remind``: one line per item due, or nothing at all; the JSON form for scripts."""

from typing import TYPE_CHECKING, Any

from kenactl.core import dates
from kenactl.core.money import format_money

if TYPE_CHECKING:
    from kenactl.core.delivery import Delivery
    from kenactl.core.reminders import Item

TONES = {"RENEWAL": "info", "RESTART": "ok", "SIM-VALIDITY": "warn", "COMPLAINT": "warn"}


def item_json(item: "Item") -> dict[str, Any]:
    """One due item: kind, line, the moment it is about (a renewal's also as ``next_renewal``/``_at``), its
    text and the minimum top-up (or null)."""
    from kenactl.views import iso

    renewal = {"next_renewal": dates.in_rome(item.due).date().isoformat(), "next_renewal_at": iso(item.due)}
    return {
        "kind": item.kind.lower(),
        "line": item.line,
        "due": iso(item.due),
        "date": item.day.isoformat(),
        **(renewal if item.kind == "RENEWAL" else {}),
        "text": item.headline.english(),
        "topup": None if item.topup is None else format_money(item.topup),
        "key": "-".join(item.key),
    }


def show_remind(items: "list[Item]", *, as_json: bool) -> None:
    """Print the due items; with none due and no ``--json`` print nothing at all (cron mails only then: the
    renderer is loaded only when there is something to print)."""
    if not items and not as_json:
        return
    from kenactl.render import Note, emit

    blocks = [Note(str(item.headline), "bad" if item.topup else TONES.get(item.kind, "info")) for item in items]
    emit(blocks, {"items": [item_json(item) for item in items]}, as_json=as_json)


def delivery_json(delivery: "Delivery") -> dict[str, Any]:
    """A delivered reminder: the item's JSON, its stage (``2d``, ``open``, ``urgent``) and whether it is late."""
    return {**item_json(delivery.item), "text": delivery.text.english(), "stage": delivery.stage,
            "late": delivery.late, "urgent": delivery.urgent}


def show_deliveries(deliveries: "list[Delivery]", *, as_json: bool) -> None:
    """Print the reminders delivered now; with none and no ``--json`` print nothing at all (nor load the renderer)."""
    if not deliveries and not as_json:
        return
    from kenactl.render import Note, emit

    blocks = [Note(str(delivery.text),
                   "bad" if delivery.urgent or delivery.item.topup else TONES.get(delivery.item.kind, "info"))
              for delivery in deliveries]
    emit(blocks, {"items": [delivery_json(delivery) for delivery in deliveries]}, as_json=as_json)
