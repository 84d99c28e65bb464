"""A counter in its own process: accepts N cases through the services and prints each case
number only after its commit returned. Used by the concurrency and crash tests."""

from __future__ import annotations

import sys

from app.auth import login
from app.cases.records import AcceptRequest, ApplicantInput
from app.cases.service import accept_case
from app.catalog.service import current_version
from app.clock import SystemClock
from db.engine import make_engine
from db.uow import SqlUnitOfWork
from tests.helpers.catalog import resident_id


def main(url: str, schema: str, count: int, login_name: str, code: str) -> None:
    kwargs = {"connect_args": {"options": f"-csearch_path={schema}"}} if schema else {}
    engine = make_engine(url, **kwargs)
    uow = SqlUnitOfWork(engine, SystemClock())
    actor = login(uow, login_name, "demo-2026")
    item = current_version(uow, code)
    ids = {m.name: m.id for m in item.materials}
    for i in range(count):
        request = AcceptRequest(
            item_version_id=item.id,
            applicant=ApplicantInput(
                name="申请人" + "甲乙丙丁戊己庚辛壬癸"[i % 10],
                id_number=resident_id(),
                phone="13812345678",
            ),
            received_material_ids=frozenset({ids["居民身份证"], ids["户口簿"]}),
            not_applicable_material_ids=frozenset({ids["收入证明"]}),
        )
        result = accept_case(SqlUnitOfWork(engine, SystemClock()), actor, request)
        print(result.number, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5])
