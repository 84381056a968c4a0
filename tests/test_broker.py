"""The embedded broker's waiting rhythm (workers/broker.py), on a real SQLite broker file: while
every slot is taken the transport waits, without a query, until an acknowledgement from another
thread frees a slot, and takes the next message then; with a slot free it queries the database at
the usual interval."""

from __future__ import annotations

import threading

import pytest
from kombu import Connection, Consumer, Exchange, Producer, Queue

from workers import broker


class _Slept(Exception):
    pass


class _RecordedEvent(threading.Event):
    """The transport's slot event, recording how each wait ended (True: woken, False: timed out)."""

    def __init__(self) -> None:
        super().__init__()
        self.waits: list[bool] = []

    def wait(self, timeout: float | None = None) -> bool:
        self.waits.append(super().wait(timeout))
        return self.waits[-1]


def test_a_freed_slot_wakes_the_consumer_and_the_database_is_polled_at_the_interval(tmp_path, monkeypatch):
    url = broker.use_for(f"sqla+sqlite:///{tmp_path / 'broker.db'}")
    assert url.startswith(broker.ALIAS + "+sqlite")
    assert broker.use_for("redis://127.0.0.1:6379/0") == "redis://127.0.0.1:6379/0"
    queue = Queue("pages", Exchange("pages"), routing_key="pages")
    received = []
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        raise _Slept

    with Connection(url) as conn:
        assert isinstance(conn.transport, broker.SqliteTransport)
        channel = conn.channel()
        producer = Producer(channel, exchange=queue.exchange, routing_key="pages")
        producer.publish({"page": 1}, declare=[queue])
        producer.publish({"page": 2}, declare=[queue])
        consumer = Consumer(channel, queues=[queue], callbacks=[lambda body, msg: received.append(msg)])
        consumer.qos(prefetch_count=1)
        with consumer:
            conn.drain_events(timeout=5)
            assert [m.payload["page"] for m in received] == [1]

            # every slot taken: no query and no polling, until the task is acknowledged elsewhere
            queries = []
            get = type(channel)._get
            monkeypatch.setattr(type(channel), "_get", lambda self, q: (queries.append(q), get(self, q))[1])
            monkeypatch.setattr(broker.SqliteTransport, "slot_wait", 60.0)  # only the ack can wake it
            monkeypatch.setattr(broker, "sleep", sleep)
            conn.transport.slot_freed = event = _RecordedEvent()
            acked = threading.Timer(0.3, received[0].ack)
            acked.start()
            conn.drain_events(timeout=20)
            acked.join()
            assert event.waits == [True]  # woken by the acknowledgement, not by the timeout
            assert [m.payload["page"] for m in received] == [1, 2]
            assert len(queries) == 1 and not slept  # one query, made after the slot was freed
            received[1].ack()

            with pytest.raises(_Slept):  # a free slot and an empty queue: the usual interval
                conn.drain_events(timeout=5)
            assert slept == [broker.SqliteTransport.polling_interval]
