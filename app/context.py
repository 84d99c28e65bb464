"""What a front end (the window or the command line) holds: the store and the clock."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.clock import Clock
from app.ports import StoreAdmin, UnitOfWork


@dataclass
class AppContext:
    store: StoreAdmin
    clock: Clock
    data_dir: Path

    def uow(self) -> UnitOfWork:
        return self.store.unit_of_work()

    @property
    def location(self) -> str:
        return self.store.location
