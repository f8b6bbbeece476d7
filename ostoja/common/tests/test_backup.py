"""Backup → empty database → restore reproduces every table and a report's JSON."""

import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from ostoja.audit.services import record_export
from ostoja.common.backup import live_counts, read_manifest
from ostoja.examples.demo import demo_setup

pytestmark = pytest.mark.django_db(transaction=True)


def ostoja(*args: str, database_url: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(DJANGO_SETTINGS_MODULE="ostoja.config.settings.test", DATABASE_URL=database_url)
    return subprocess.run(
        [sys.executable, "-m", "ostoja", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def empty_database(tmp_path):
    """A URL of a new, empty database of the same kind as the test database."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    import psycopg

    params = connection.settings_dict
    name = f"ostoja_restore_{uuid.uuid4().hex[:12]}"
    admin = psycopg.connect(
        host=params["HOST"] or "",
        port=params["PORT"] or 5432,
        user=params["USER"],
        password=params["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    admin.execute(f'CREATE DATABASE "{name}"')
    auth = params["USER"] + (f":{params['PASSWORD']}" if params["PASSWORD"] else "")
    yield f"postgres://{auth}@{params['HOST']}:{params['PORT'] or 5432}/{name}"
    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def report_json() -> str:
    out = io.StringIO()
    call_command("metrics", office="konin", year=2026, format="json", stdout=out)
    return out.getvalue()


def test_backup_restores_into_an_empty_database(tmp_path, empty_database):
    users = demo_setup()
    record_export(users["konin"]["head"], "lista rodzin (CSV)")
    before = live_counts()
    report_before = report_json()
    archive = tmp_path / "ostoja.backup"

    call_command("backup", "-o", str(archive))
    manifest = read_manifest(archive)
    assert manifest["engine"] == connection.vendor
    assert manifest["tables"] == before
    assert manifest["tables"]["families_family"] == 12
    assert manifest["tables"]["auditlog_logentry"] > 0

    restored = ostoja("restore", str(archive), "--no-input", database_url=empty_database)
    assert restored.returncode == 0, restored.stderr
    assert "liczby rekordów zgodne" in restored.stdout
    checked = ostoja("verify_audit_chain", database_url=empty_database)
    assert checked.returncode == 0, checked.stderr
    assert "nienaruszony" in checked.stdout
    metrics = ostoja(
        "metrics",
        "--office",
        "konin",
        "--year",
        "2026",
        "--format",
        "json",
        database_url=empty_database,
    )
    assert metrics.returncode == 0, metrics.stderr
    assert metrics.stdout == report_before
    if connection.vendor == "sqlite":
        target = sqlite3.connect(empty_database.removeprefix("sqlite:///"))
        for table, count in before.items():
            query = f'SELECT COUNT(*) FROM "{table}"'  # noqa: S608 - names from the manifest
            assert target.execute(query).fetchone()[0] == count
        target.close()


def test_restore_over_changed_data_brings_the_backup_back(tmp_path):
    users = demo_setup()
    archive = tmp_path / "ostoja.backup"
    call_command("backup", "-o", str(archive))
    before = live_counts()
    record_export(users["konin"]["head"], "po kopii")
    assert live_counts() != before
    call_command("restore", str(archive), interactive=False)
    assert live_counts() == before


def test_a_damaged_backup_is_refused(tmp_path, empty_database):
    demo_setup()
    archive = tmp_path / "ostoja.backup"
    call_command("backup", "-o", str(archive))
    manifest = read_manifest(archive)
    damaged = tmp_path / "damaged.backup"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()  # type: ignore[union-attr]
            if member.name == manifest["data_file"]:
                # flip bytes across the file: the tail may already be zeros (free pages)
                damaged_bytes = bytearray(data)
                for i in range(0, len(damaged_bytes), max(1, len(damaged_bytes) // 64)):
                    damaged_bytes[i] ^= 0xFF
                data = bytes(damaged_bytes)
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    result = ostoja("restore", str(damaged), "--no-input", database_url=empty_database)
    assert result.returncode != 0
    assert "checksum" in result.stderr


def test_a_count_mismatch_after_restore_is_reported(tmp_path):
    demo_setup()
    archive = tmp_path / "ostoja.backup"
    call_command("backup", "-o", str(archive))
    manifest = read_manifest(archive)
    manifest["tables"]["families_family"] += 1
    forged = tmp_path / "forged.backup"
    with tarfile.open(archive) as source, tarfile.open(forged, "w") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()  # type: ignore[union-attr]
            if member.name == "manifest.json":
                data = json.dumps(manifest).encode()
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    with pytest.raises(CommandError, match="families_family: 12 zamiast 13"):
        call_command("restore", str(forged), interactive=False)


def test_not_a_backup_is_refused(tmp_path):
    bogus = tmp_path / "bogus.backup"
    bogus.write_text("hello")
    with pytest.raises(CommandError, match="Not an Ostoja backup"):
        call_command("restore", str(bogus), interactive=False)
    assert Path(bogus).exists()


def test_backup_restore_reproduces_both_example_reports(tmp_path, empty_database):
    """Approved example reports come out of a restored database byte for byte."""
    from ostoja.accounts.models import Office, User
    from ostoja.examples.registry import EXAMPLES
    from ostoja.reporting.models import ReportStatus
    from ostoja.reporting.services import report_create, report_transition

    demo_setup()
    before: dict[str, bytes] = {}
    for slug, example in EXAMPLES.items():
        call_command("load_example", slug, stdout=io.StringIO())
        office = Office.objects.get(slug=example.office_slug)
        head = User.objects.get(username=f"{office.slug}.kierownik")
        report = report_create(acting_user=head, office=office, year=example.year)
        report = report_transition(acting_user=head, report=report, to=ReportStatus.SUBMITTED)
        report_transition(acting_user=head, report=report, to=ReportStatus.APPROVED)
        out = tmp_path / f"{slug}-before.json"
        call_command(
            "annual_report",
            office=office.slug,
            year=example.year,
            format="json",
            output=str(out),
            stdout=io.StringIO(),
        )
        before[slug] = out.read_bytes()
        assert json.loads(before[slug])["report"]["frozen"] is True
    archive = tmp_path / "ostoja.backup"
    call_command("backup", "-o", str(archive))

    restored = ostoja("restore", str(archive), "--no-input", database_url=empty_database)
    assert restored.returncode == 0, restored.stderr
    for slug, example in EXAMPLES.items():
        after = tmp_path / f"{slug}-after.json"
        result = ostoja(
            "annual_report",
            "--office",
            example.office_slug,
            "--year",
            str(example.year),
            "--format",
            "json",
            "-o",
            str(after),
            database_url=empty_database,
        )
        assert result.returncode == 0, result.stderr
        assert after.read_bytes() == before[slug]
