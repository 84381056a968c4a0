"""The embedded default's broker transport: Kombu's SQLAlchemy transport on an SQLite file, with a
polling rhythm suited to long tasks.

Kombu's virtual transports poll: when there is nothing to take they sleep a fixed interval and
look again. A worker with every slot taken (prefetch 1, late acknowledgement: one unacknowledged
task per pool process) is told "nothing to take" without a query, and then sleeps the same interval
before it notices that a finished task freed its slot: on average half an interval of idle pool
process per task (~55 ms a page at our 0.1 s, ~5 % of a page's time). This transport looks again
after 5 ms while every slot is taken (no query is made then, so it costs next to nothing) and keeps
the 0.1 s interval for querying the database when a slot is free (~2.5 % of a core while idle;
0.02 s would cost ~10 %)."""

from __future__ import annotations

from time import monotonic, sleep

from kombu.transport import TRANSPORT_ALIASES
from kombu.transport.sqlalchemy import Transport
from kombu.transport.virtual.base import Empty

ALIAS = "sohoa-sqla"  # the URL prefix that selects this transport (registered by `use_for`)


class SqliteTransport(Transport):
    """The SQLAlchemy transport, looking again soon after a slot frees instead of a whole interval."""

    polling_interval = 0.1   # between queries for new messages, when a slot is free
    slot_interval = 0.005    # between checks for a freed slot, while every slot is taken

    def _slots_taken(self) -> bool:
        consuming = [ch for ch in self.channels if ch._consumers]
        return bool(consuming) and not any(ch.qos.can_consume() for ch in consuming)

    def drain_events(self, connection: object, timeout: float | None = None) -> None:
        start = monotonic()
        while True:
            try:
                self.cycle.get(self._deliver, timeout=timeout)
                return
            except Empty:
                if timeout is not None and monotonic() - start >= timeout:
                    raise TimeoutError() from None  # socket.timeout, what Celery expects
                wait = self.slot_interval if self._slots_taken() else self.polling_interval
                sleep(min(wait, timeout) if timeout else wait)


def use_for(broker_url: str) -> str:
    """The broker URL that selects this transport for an SQLAlchemy (``sqla+``) URL; other URLs
    are returned as they are."""
    if not broker_url.startswith("sqla+"):
        return broker_url
    TRANSPORT_ALIASES.setdefault(ALIAS, f"{__name__}:SqliteTransport")
    return f"{ALIAS}+{broker_url[len('sqla+'):]}"
