"""How long a receipt takes to render, warm, against plain reportlab drawing the same content.

A clerk presses "print" with a queue waiting; the PDF is made off the GUI thread, but it still
stands between the button and the paper. In one process, after one warm-up of each (fonts
registered, caches filled), the runs alternate:

* (a) ``app.printing.render(receipt)``: the whole template (platypus layout, per-run font choice
  with ``app.fonts.split_runs``, tables, QR code, stub page, ToUnicode fix);
* (b) the same strings, boxes and QR code drawn with bare ``reportlab.pdfgen.canvas`` calls at
  fixed positions, fonts chosen by hand: the floor for this content with reportlab.

The receipt's applicant has rare characters (HanaMin fallback font), the worst common case.
Figures: median and p95 (nearest rank) in ms, and the ratio of the medians a/b. Goal: (a) at
most 100 ms warm. Also reported: the first render in a fresh process (font registration).

    .venv/bin/python bench/receipt_pdf.py              # 60 runs each; updates RESULTS.md
    .venv/bin/python bench/receipt_pdf.py --no-write   # print only
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

# bench/common.py (the script's own folder)
from common import RESULTS, cpu_model, load_average, percentile, ram, replace_section, reproduce

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GOAL_MS = 100.0
FIRST_RUNS = 3


def sample_receipt():  # type: ignore[no-untyped-def]
    """The receipt of tests/helpers/printing.py, with a payload of real length."""
    import dataclasses
    from datetime import date

    from app.printing.kinds import DocumentKind
    from app.signing import format_payload
    from tests.helpers.printing import sample_documents

    doc = sample_documents()["receipt"]
    payload = format_payload(
        DocumentKind.RECEIPT, "QH", doc.number, date(2026, 11, 24), os.urandom(64)
    )
    return dataclasses.replace(doc, qr_payload=payload)


def plain_reportlab(doc) -> bytes:  # type: ignore[no-untyped-def]
    """The receipt's strings drawn straight on a canvas, no layout engine, no run splitting."""
    import qrcode
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from app.fonts import font_by_key

    for key, name in (("wqy-microhei", "plain-main"), ("hanamin-a", "plain-rare")):
        if name not in pdfmetrics.getRegisteredFontNames():
            font = font_by_key(key)
            pdfmetrics.registerFont(TTFont(name, str(font.path), subfontIndex=font.subfont_index))

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, initialFontName="plain-main")
    width, height = A4
    left = 18 * mm

    def line(y: float, text: str, size: float = 10, x: float = left) -> None:
        c.setFont("plain-main", size)
        name = doc.applicant.name
        if name in text:  # the rare characters, by hand
            before, after = text.split(name, 1)
            c.drawString(x, y, before)
            x += pdfmetrics.stringWidth(before, "plain-main", size)
            c.drawString(x, y, name[0])
            x += pdfmetrics.stringWidth(name[0], "plain-main", size)
            c.setFont("plain-rare", size)
            c.drawString(x, y, name[1:])
            x += pdfmetrics.stringWidth(name[1:], "plain-rare", size)
            c.setFont("plain-main", size)
            c.drawString(x, y, after)
        else:
            c.drawString(x, y, text)

    for page, title in ((1, doc.title), (2, f"{doc.title}（存根）")):
        c.setFont("plain-main", 12)
        c.drawCentredString(width / 2, height - 25 * mm, doc.center_name)
        c.setFont("plain-main", 20)
        c.drawCentredString(width / 2, height - 35 * mm, title)
        c.setFont("plain-main", 9)
        c.drawCentredString(width / 2, height - 41 * mm, f"编号：{doc.number}")
        if page == 1:
            code = qrcode.QRCode(border=4)
            code.add_data(doc.qr_payload)
            code.make(fit=True)
            matrix = code.get_matrix()
            module = 30 * mm / len(matrix)
            x0, y0 = width - left - 30 * mm, height - 48 * mm
            for y, row in enumerate(matrix):
                for x, dark in enumerate(row):
                    if dark:
                        c.rect(
                            x0 + x * module,
                            y0 + (len(matrix) - y) * module,
                            module,
                            module,
                            stroke=0,
                            fill=1,
                        )
        y = height - 55 * mm
        for block in doc.body() if page == 1 else doc.stub_body():
            for text in lines_of(block):
                c.rect(left, y - 3, width - 2 * left, 14, stroke=1, fill=0)
                line(y, text[:60], 9)
                y -= 15
        line(40 * mm, doc.desk.line())
        c.drawRightString(width - left, 30 * mm, f"{doc.center_name}（盖章）")
        c.showPage()
    c.save()
    return out.getvalue()


def lines_of(block) -> list[str]:  # type: ignore[no-untyped-def]
    from app.printing.blocks import Fields, Grid

    if isinstance(block, Fields):
        return [f"{label}    {value}" for label, value in block.rows]
    if isinstance(block, Grid):
        return ["  ".join(block.headers)] + ["  ".join(row) for row in block.rows]
    return [block.text]


def first_render_ms(warmed: bool = False) -> float:
    """A fresh process: imports excluded, font registration and the first layout included.
    ``warmed``: after ``app.printing.warm_up()``, as the program runs it in the background once
    the main window has painted (the first receipt a clerk prints)."""
    script = (
        f"import time, sys; sys.path[:0] = [{str(ROOT)!r}, {str(ROOT / 'bench')!r}]\n"
        "from bench.receipt_pdf import sample_receipt\n"
        "from app.printing import render, warm_up\n"
        "doc = sample_receipt(); import app.printing.template\n"
        + ("warm_up()\n" if warmed else "")
        + "t = time.perf_counter(); render(doc); print((time.perf_counter() - t) * 1000)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return float(done.stdout.strip())


def measure(runs: int) -> dict[str, list[float]]:
    from app.printing import render

    doc = sample_receipt()
    ours, plain = render(doc), plain_reportlab(doc)  # warm-up: fonts, caches
    assert ours.startswith(b"%PDF") and plain.startswith(b"%PDF")
    times: dict[str, list[float]] = {"a": [], "b": []}
    for _ in range(runs):
        for key, work in (("a", lambda: render(doc)), ("b", lambda: plain_reportlab(doc))):
            start = time.perf_counter()
            work()
            times[key].append((time.perf_counter() - start) * 1000)
    return times


def machine() -> str:
    cpu, memory, load = cpu_model(), ram(), load_average()
    from importlib import metadata

    return (
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} CPUs ({cpu}), "
        f"{memory} RAM, {platform.system()} {platform.release()}; Python "
        f"{platform.python_version()}, reportlab {metadata.version('reportlab')}. "
        f"Load average when the runs began: {load}"
    )


def section(
    times: dict[str, list[float]], first_ms: float, warmed_ms: float, runs: int, where: str
) -> str:
    a, b = times["a"], times["b"]
    ma, mb = statistics.median(a), statistics.median(b)
    verdict = "met" if ma <= GOAL_MS else "NOT met"
    return (
        "\n".join(
            [
                "<!-- receipt_pdf:begin -->",
                "## Receipt PDF: template vs plain reportlab",
                "",
                f"Measured {where}. {runs} runs each, alternating, in one warm process (fonts "
                "registered, one untimed render of each first). The receipt has two pages (the "
                "applicant's copy and the stub), a QR code and a name with rare characters.",
                "",
                "| | median ms | p95 ms | min ms | max ms |",
                "| --- | ---: | ---: | ---: | ---: |",
                f"| (a) `app.printing.render(receipt)` | {ma:.1f} | {percentile(a, 95):.1f} | "
                f"{min(a):.1f} | {max(a):.1f} |",
                f"| (b) plain reportlab canvas, same content | {mb:.1f} | "
                f"{percentile(b, 95):.1f} | {min(b):.1f} | {max(b):.1f} |",
                "",
                f"**Ratio a/b: {ma / mb:.2f}** (medians). Goal for (a): <= {GOAL_MS:.0f} ms warm "
                f"({verdict}). First render in a fresh process (font registration and first "
                f"layout, imports excluded): {first_ms:.0f} ms; after `app.printing.warm_up()` "
                f"(the program runs it in the background once the main window has painted): "
                f"{warmed_ms:.0f} ms (median of {FIRST_RUNS} processes each; the rare-character "
                "face is still registered by this first receipt, as the warm-up leaves it unread).",
                "",
                *reproduce(
                    "Reproduce:",
                    ".venv/bin/python bench/receipt_pdf.py --runs " + str(runs),
                    "receipt_pdf",
                ),
            ]
        )
        + "\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    parser.add_argument(
        "--max-ratio",
        type=float,
        default=None,
        help="CI: exit 1 when the median ratio template/plain exceeds this (ratios only)",
    )
    args = parser.parse_args(argv)
    where = machine()
    firsts: list[float] = []
    warmed: list[float] = []
    for _ in range(FIRST_RUNS):  # alternating, like the warm runs
        firsts.append(first_render_ms())
        warmed.append(first_render_ms(warmed=True))
    times = measure(args.runs)
    text = section(times, statistics.median(firsts), statistics.median(warmed), args.runs, where)
    print(text)
    if not args.no_write:
        replace_section(RESULTS, "receipt_pdf", text)
    if args.max_ratio is not None:
        ratio = statistics.median(times["a"]) / statistics.median(times["b"])
        print(f"ratio a/b {ratio:.2f} (limit {args.max_ratio:g})")
        return 0 if ratio <= args.max_ratio else 1
    return 0 if statistics.median(times["a"]) <= GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main())
