"""A counter in its own process, booking appointments through the services. It logs in, says
READY, waits for a line on stdin (so several workers start at the same moment), then tries one
booking per slot given and prints ``OK <number>``, ``FULL <message>`` (no place left) or
``PHONE <message>`` (the visitor's phone is booked that day already) for each. With a phone
given, every booking is for that one visitor."""

from __future__ import annotations

import sys
from datetime import date

from app.appointments.records import BookingRequest
from app.appointments.service import book_appointment
from app.auth import login
from app.clock import SystemClock
from app.errors import ValidationError
from db.engine import make_engine
from db.uow import SqlUnitOfWork


def main(
    url: str, schema: str, login_name: str, schedule_id: int, day: str, starts: str, one_phone: str
) -> None:
    kwargs = {"connect_args": {"options": f"-csearch_path={schema}"}} if schema else {}
    engine = make_engine(url, **kwargs)
    actor = login(SqlUnitOfWork(engine, SystemClock()), login_name, "demo-2026")
    booked_day = date.fromisoformat(day)
    print("READY", flush=True)
    sys.stdin.readline()
    for start in (int(s) for s in starts.split(",")):
        phone = one_phone or f"139{actor.staff_id:02d}{start:06d}"  # or one per counter and slot
        request = BookingRequest(
            schedule_id, booked_day, start, f"来访{actor.name}", phone, "MZ-001", "", "phone"
        )
        try:
            result = book_appointment(SqlUnitOfWork(engine, SystemClock()), actor, request)
        except ValidationError as exc:
            if "phone" in exc.errors:
                print("PHONE", exc.errors["phone"], flush=True)
            else:
                print("FULL", exc.errors.get("slot", exc.message), flush=True)
        else:
            print("OK", result.number, flush=True)
    engine.dispose()


if __name__ == "__main__":
    args = sys.argv[1:]
    main(args[0], args[1], args[2], int(args[3]), args[4], args[5], (args[6:] or [""])[0])
