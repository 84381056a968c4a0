"""Celery app and thin tasks that hand work to ingest.pipeline."""
