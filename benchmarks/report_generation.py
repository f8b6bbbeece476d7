"""Benchmark: time to compute and render each worked example's annual report.

Run after `make demo` (or `ostoja demo_setup`) has loaded the examples:

    .venv/bin/python benchmarks/report_generation.py [--repeat 5]

Prints, per example and format, the number of SQL queries, the database time and the
wall time (median of the repeats). Targets: a bounded number of queries and well
under one second of database time per report.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ostoja.config.settings.base")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from ostoja.accounts.models import Office  # noqa: E402
from ostoja.examples.registry import EXAMPLES  # noqa: E402
from ostoja.reporting import services  # noqa: E402
from ostoja.reporting.build import build_document, compute_live  # noqa: E402
from ostoja.reporting.renderers import render  # noqa: E402


def run_once(office, year: int, fmt: str) -> tuple[int, float, float]:
    start = time.perf_counter()
    with CaptureQueriesContext(connection) as ctx:
        snapshot = services.template_snapshot(services.template_for_office(office))
        figures = compute_live(office, year, snapshot)
        doc = build_document(office=office, year=year, snapshot=snapshot, figures=figures)
    render(doc, fmt)
    wall = time.perf_counter() - start
    db = sum(float(q["time"]) for q in ctx.captured_queries)
    return len(ctx.captured_queries), db, wall


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"{'example':<16}{'format':<7}{'queries':>8}{'db s':>9}{'wall s':>9}")
    for example in EXAMPLES.values():
        office = Office.objects.filter(slug=example.office_slug).first()
        if office is None:
            print(f"{example.slug:<16}not loaded (run `ostoja demo_setup`)")
            continue
        for fmt in ("json", "html", "docx", "pdf"):
            runs = [run_once(office, example.year, fmt) for _ in range(args.repeat)]
            queries = runs[-1][0]
            db = statistics.median(r[1] for r in runs)
            wall = statistics.median(r[2] for r in runs)
            print(f"{example.slug:<16}{fmt:<7}{queries:>8}{db:>9.3f}{wall:>9.3f}")


if __name__ == "__main__":
    main()
