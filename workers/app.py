"""The Celery application, configured from ingest.core.settings.Settings (SQLite broker by default;
Redis/RabbitMQ by SOHOA_BROKER_URL)."""

from __future__ import annotations

from celery import Celery
from celery.signals import worker_process_init

from ingest.core.settings import Settings, get_settings


def make_app(settings: Settings) -> Celery:
    broker_url = settings.broker_url
    if broker_url.startswith("sqla"):
        # SQLite: our polling rhythm (workers/broker.py), WAL and a busy timeout on its files
        from sqlalchemy import event
        from sqlalchemy.engine import Engine

        from workers.broker import use_for

        broker_url = use_for(broker_url)
        if not event.contains(Engine, "connect", _broker_pragmas):  # broker and result SQLite files
            event.listen(Engine, "connect", _broker_pragmas)
    app = Celery("sohoa", broker=broker_url, backend=settings.result_backend, include=["workers.tasks"])
    app.conf.update(
        task_default_queue=settings.queue,
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        task_acks_late=True,               # a task is acknowledged only after it ran
        task_reject_on_worker_lost=True,   # a worker killed mid-task gives the task back
        worker_prefetch_multiplier=1,      # OCR tasks are long: take one at a time
        broker_connection_retry_on_startup=True,
        result_expires=24 * 3600,
        worker_hijack_root_logger=False,
        broker_transport_options=_transport_options(settings),
        beat_schedule={"sweep": {"task": "sohoa.sweep", "schedule": float(settings.sweep_interval)}},
        beat_schedule_filename=str(settings.home / "celerybeat-schedule"),
    )
    return app


def _transport_options(settings: Settings) -> dict:
    if settings.broker_url.startswith("sqla"):
        # the SQLAlchemy transport hands these to create_engine: wait on SQLite's lock, not fail
        return {"connect_args": {"timeout": 30}}
    if settings.broker_url.startswith(("redis", "rediss")):
        # an unacknowledged task goes back to the queue after this long (a killed worker's tasks);
        # longer than any page may take, so a slow page is not handed out twice
        return {"visibility_timeout": settings.visibility_timeout or 2 * settings.page_time_limit + 60}
    return {}


def _broker_pragmas(dbapi_conn: object, _record: object) -> None:
    import sqlite3

    if isinstance(dbapi_conn, sqlite3.Connection):
        from ingest.store.db import sqlite_pragmas

        sqlite_pragmas(dbapi_conn)


app = make_app(get_settings())


@worker_process_init.connect
def _warm_up(**_kwargs: object) -> None:
    """Each worker process reads its pages on one core and loads its models before taking work.
    (Database engines are cached per process id, so a forked child opens its own connections anyway.)"""
    from ingest.pipeline.read import warm_up
    from ingest.recognise.cores import use_one_core

    use_one_core()
    warm_up(get_settings().ocr_lang)
