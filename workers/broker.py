"""The embedded default's broker transport: Kombu's SQLAlchemy transport on an SQLite file, with a
waiting rhythm suited to long tasks.

Kombu's virtual transports poll: when there is nothing to take they sleep a fixed interval and
look again. A worker with every slot taken (prefetch 1, late acknowledgement: one unacknowledged
task per pool process) is told "nothing to take" without a query, and would then sleep the same
interval before noticing that a finished task freed its slot: on average half an interval of idle
pool process per task (~50 ms a page at our 0.1 s, ~4 % of a page's time).

Here, while every slot is taken, the consuming thread waits on an event that the acknowledgement of
a task sets (Celery 5.7 acknowledges from the pool's result thread at once), so it takes the next
message as soon as a slot frees and does not wake up otherwise (looking every 5 ms instead cost
~2.4 % of a core for the whole run, taken from the pool processes when they fill every core). With
a slot free it queries the database every 0.1 s (~2.5 % of a core while idle; 0.02 s would cost
~10 %)."""

from __future__ import annotations

import math
import threading
from time import monotonic, sleep

from kombu.transport import TRANSPORT_ALIASES
from kombu.transport.sqlalchemy import Channel, Transport
from kombu.transport.virtual.base import Empty, QoS

ALIAS = "sohoa-sqla"  # the URL prefix that selects this transport (registered by `use_for`)


class SlotQoS(QoS):
    """Kombu's prefetch accounting, telling the transport when an acknowledgement frees a slot
    (from whichever thread acknowledges)."""

    def ack(self, delivery_tag: object) -> None:
        super().ack(delivery_tag)
        self.channel.connection.slot_freed.set()

    def reject(self, delivery_tag: object, requeue: bool = False) -> None:
        super().reject(delivery_tag, requeue=requeue)
        self.channel.connection.slot_freed.set()


class SlotChannel(Channel):
    QoS = SlotQoS


class SqliteTransport(Transport):
    """The SQLAlchemy transport, taking the next message as soon as a slot frees."""

    Channel = SlotChannel
    polling_interval = 0.1   # between queries for new messages, when a slot is free
    slot_wait = 0.1          # longest wait for a freed slot before looking again (prefetch changes)

    def __init__(self, client: object, **kwargs: object) -> None:
        super().__init__(client, **kwargs)
        self.slot_freed = threading.Event()

    def _slots_taken(self) -> bool:
        consuming = [ch for ch in self.channels if ch._consumers]
        return bool(consuming) and not any(ch.qos.can_consume() for ch in consuming)

    def drain_events(self, connection: object, timeout: float | None = None) -> None:
        start = monotonic()
        while True:
            self.slot_freed.clear()  # before looking: an acknowledgement after this wakes the wait
            try:
                self.cycle.get(self._deliver, timeout=timeout)
                return
            except Empty:
                left = math.inf if timeout is None else timeout - (monotonic() - start)
                if left <= 0:
                    raise TimeoutError() from None  # socket.timeout, what Celery expects
                if self._slots_taken():
                    self.slot_freed.wait(min(self.slot_wait, left))
                else:
                    sleep(min(self.polling_interval, left))


def use_for(broker_url: str) -> str:
    """The broker URL that selects this transport for an SQLAlchemy (``sqla+``) URL; other URLs
    are returned as they are."""
    if not broker_url.startswith("sqla+"):
        return broker_url
    TRANSPORT_ALIASES.setdefault(ALIAS, f"{__name__}:SqliteTransport")
    return f"{ALIAS}+{broker_url[len('sqla+'):]}"
