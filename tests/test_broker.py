"""The embedded broker's polling rhythm (workers/broker.py), on a real SQLite broker file: while
every slot is taken the transport only checks for a freed slot, every few milliseconds and without
a query; with a slot free it queries the database at the usual interval."""

from __future__ import annotations

import pytest
from kombu import Connection, Consumer, Exchange, Producer, Queue

from workers import broker


class _Slept(Exception):
    pass


def test_a_freed_slot_is_noticed_at_once_and_the_database_is_polled_at_the_interval(tmp_path, monkeypatch):
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
            monkeypatch.setattr(broker, "sleep", sleep)
            with pytest.raises(_Slept):  # every slot taken: look again soon, no query
                conn.drain_events(timeout=5)
            assert slept == [broker.SqliteTransport.slot_interval]
            received[0].ack()
            monkeypatch.undo()
            conn.drain_events(timeout=5)  # the slot is free: page 2 at once
            assert [m.payload["page"] for m in received] == [1, 2]
            received[1].ack()
            slept.clear()
            monkeypatch.setattr(broker, "sleep", sleep)
            with pytest.raises(_Slept):  # a free slot and an empty queue: the usual interval
                conn.drain_events(timeout=5)
            assert slept == [broker.SqliteTransport.polling_interval]
