"""A counter in its own process: accepts N cases through the services and prints each case
number only after its commit returned. Used by the concurrency and crash tests.

    python -m tests.helpers.accept_worker URL SCHEMA N LOGIN CODE [ROLLBACK_PCT SEED]

With ROLLBACK_PCT, that share of the attempts is rolled back on purpose at the last moment of
the acceptance transaction (the number drawn, the case, its materials and audit row written):
a clerk's PC that loses the connection just before the commit. Those attempts print nothing;
the worker keeps going until N acceptances committed, then prints ``rolled back: K`` on
stderr.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from app.auth import login
from app.cases.records import AcceptRequest, ApplicantInput
from app.cases.service import accept_case
from app.catalog.service import current_version
from app.clock import SystemClock
from db.engine import make_engine
from db.uow import SqlUnitOfWork
from tests.helpers.catalog import resident_id


class DeliberateRollback(Exception):
    """Raised inside the acceptance transaction, after its writes, before the commit."""


class RollingBackUnitOfWork(SqlUnitOfWork):
    """Rolls the outermost write transaction back after the service did all its work."""

    @contextmanager
    def write(self) -> Iterator[None]:
        outermost = self._session is None
        with super().write():
            yield
            if outermost:
                self._session.flush()  # type: ignore[union-attr]  # every row really written
                raise DeliberateRollback


def main(
    url: str,
    schema: str,
    count: int,
    login_name: str,
    code: str,
    rollback_pct: float = 0.0,
    seed: int = 0,
) -> None:
    kwargs = {"connect_args": {"options": f"-csearch_path={schema}"}} if schema else {}
    engine = make_engine(url, **kwargs)
    uow = SqlUnitOfWork(engine, SystemClock())
    actor = login(uow, login_name, "demo-2026")
    item = current_version(uow, code)
    ids = {m.name: m.id for m in item.materials}
    rng = random.Random(seed)
    committed = rolled_back = 0
    while committed < count:
        request = AcceptRequest(
            item_version_id=item.id,
            applicant=ApplicantInput(
                name="申请人" + "甲乙丙丁戊己庚辛壬癸"[committed % 10],
                id_number=resident_id(),
                phone="13812345678",
            ),
            received_material_ids=frozenset({ids["居民身份证"], ids["户口簿"]}),
            not_applicable_material_ids=frozenset({ids["收入证明"]}),
        )
        if rng.random() * 100 < rollback_pct:
            try:
                accept_case(RollingBackUnitOfWork(engine, SystemClock()), actor, request)
            except DeliberateRollback:
                rolled_back += 1
                continue
            raise AssertionError("the acceptance committed although it was to roll back")
        result = accept_case(SqlUnitOfWork(engine, SystemClock()), actor, request)
        print(result.number, flush=True)
        committed += 1
    print(f"rolled back: {rolled_back}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    extra = sys.argv[6:8]
    main(
        sys.argv[1],
        sys.argv[2],
        int(sys.argv[3]),
        sys.argv[4],
        sys.argv[5],
        float(extra[0]) if extra else 0.0,
        int(extra[1]) if len(extra) > 1 else 0,
    )
