"""What every `sohoa` command shares: its Rich consoles (results on stdout, messages on stderr) and the
services of this process, with the database brought to the newest migration.

The command modules import the pipeline inside each command, not at the top: `sohoa --help` and
`sohoa restore` then start without loading SQLAlchemy, Pillow or numpy."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console

if TYPE_CHECKING:
    from ingest.store.services import Services

__all__ = ["err", "out", "services"]

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def services() -> Services:
    """This process's services, the database migrated to the newest revision first."""
    from ingest.store.db import upgrade
    from ingest.store.services import get_services

    svc = get_services()
    upgrade(svc.settings.database_url)
    return svc
