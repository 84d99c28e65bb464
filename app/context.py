"""What a front end (the window or the command line) holds: the store and the clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.clock import Clock
from app.idcard import IdCardReader
from app.ports import StoreAdmin, UnitOfWork


@dataclass
class AppContext:
    store: StoreAdmin
    clock: Clock
    data_dir: Path
    # Opens this PC's ID card reader from its library path and port (devices.sdtapi.SdtReader,
    # given by the wiring); None where no driver is wired (tests of other things).
    card_readers: Callable[[str, int], IdCardReader] | None = None

    def uow(self) -> UnitOfWork:
        return self.store.unit_of_work()

    @property
    def location(self) -> str:
        return self.store.location
