"""Backup and restore of the whole database, with a manifest of record counts.

A backup is a tar archive holding `manifest.json` and the data: `database.sqlite3` (a copy
made with SQLite's online backup API) or `database.pgdump` (`pg_dump -Fc`, taken in the
same snapshot as the record counts). Restoring checks the archive's checksum, loads the
data into the configured database (SQLite backup API, or `pg_restore --clean`), then
compares the record count of every table with the manifest.
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection

FORMAT = 1
MANIFEST = "manifest.json"
DATA = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class BackupError(Exception):
    """A backup or restore could not be made or did not verify."""


@dataclass
class RestoreReport:
    tables: int
    records: int
    mismatches: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.mismatches


def engine() -> str:
    vendor = connection.vendor
    if vendor not in DATA:
        raise BackupError(f"Unsupported database: {vendor}.")
    return vendor


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _table_counts(cursor, tables: list[str]) -> dict[str, int]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
        counts[table] = cursor.fetchone()[0]
    return counts


def live_counts() -> dict[str, int]:
    """Record count of every table of the configured database."""
    with connection.cursor() as cursor:
        return _table_counts(cursor, connection.introspection.table_names(cursor))


def _pg_args() -> tuple[list[str], dict[str, str]]:
    params = connection.settings_dict
    args = []
    if params.get("HOST"):
        args += ["-h", str(params["HOST"])]
    if params.get("PORT"):
        args += ["-p", str(params["PORT"])]
    if params.get("USER"):
        args += ["-U", str(params["USER"])]
    env = dict(os.environ)
    if params.get("PASSWORD"):
        env["PGPASSWORD"] = str(params["PASSWORD"])
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    binary = shutil.which(command[0])
    if binary is None:
        raise BackupError(f"{command[0]} not found on PATH.")
    result = subprocess.run(  # noqa: S603 - fixed binary, arguments from settings
        [binary, *command[1:]], env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _dump_sqlite(target: Path) -> dict[str, int]:
    connection.ensure_connection()
    source = connection.connection
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
        status = copy.execute("PRAGMA integrity_check").fetchone()[0]
        if status != "ok":
            raise BackupError(f"SQLite integrity check of the copy failed: {status}")
        tables = [
            row[0]
            for row in copy.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return _table_counts(copy.cursor(), tables)
    finally:
        copy.close()


def _dump_postgresql(target: Path) -> dict[str, int]:
    raw = connection.get_new_connection(connection.get_connection_params())
    try:
        with raw.cursor() as cursor:
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            tables = connection.introspection.table_names(cursor)
            counts = _table_counts(cursor, tables)
            args, env = _pg_args()
            name = str(connection.settings_dict["NAME"])
            _run(
                [
                    "pg_dump",
                    "-Fc",
                    "--no-owner",
                    f"--snapshot={snapshot}",
                    *args,
                    "-f",
                    str(target),
                    name,
                ],
                env,
            )
            cursor.execute("COMMIT")
    finally:
        raw.close()
    return counts


def _audit_head() -> dict | None:
    from ostoja.audit.models import LogChainHead

    head = LogChainHead.objects.filter(pk=1).first()
    return {"position": head.position, "hash": head.hash} if head else None


def backup(output: Path) -> dict:
    """Write a backup archive to `output`; return its manifest."""
    kind = engine()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / DATA[kind]
        counts = _dump_sqlite(data) if kind == "sqlite" else _dump_postgresql(data)
        manifest = {
            "format": FORMAT,
            "engine": kind,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "data_file": data.name,
            "sha256": _sha256(data),
            "tables": counts,
            "records": sum(counts.values()),
            "audit_chain_head": _audit_head(),
        }
        body = json.dumps(manifest, indent=2, sort_keys=True).encode()
        output.parent.mkdir(parents=True, exist_ok=True)
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w") as archive:
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(body)
            info.mtime = int(datetime.datetime.now().timestamp())
            archive.addfile(info, io.BytesIO(body))
            archive.add(data, arcname=data.name)
        partial.replace(output)
    return manifest


def read_manifest(path: Path) -> dict:
    try:
        with tarfile.open(path, "r") as archive:
            member = archive.extractfile(MANIFEST)
            if member is None:
                raise KeyError(MANIFEST)
            return json.loads(member.read())
    except (OSError, KeyError, tarfile.TarError, ValueError) as exc:
        raise BackupError(f"Not an Ostoja backup: {path} ({exc}).") from exc


def _extract_data(path: Path, manifest: dict, tmp: Path) -> Path:
    name = manifest["data_file"]
    if name not in DATA.values():
        raise BackupError(f"Unexpected data file in the backup: {name}.")
    with tarfile.open(path, "r") as archive:
        archive.extract(name, tmp, filter="data")
    data = tmp / name
    if _sha256(data) != manifest["sha256"]:
        raise BackupError("The backup's data does not match its checksum: the file is damaged.")
    return data


def _restore_sqlite(data: Path) -> None:
    source = sqlite3.connect(data)
    try:
        status = source.execute("PRAGMA integrity_check").fetchone()[0]
        if status != "ok":
            raise BackupError(f"SQLite integrity check of the backup failed: {status}")
        connection.close()
        connection.ensure_connection()
        source.backup(connection.connection)
    finally:
        source.close()
    connection.close()


def _restore_postgresql(data: Path) -> None:
    connection.close()
    args, env = _pg_args()
    name = str(connection.settings_dict["NAME"])
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            *args,
            "-d",
            name,
            str(data),
        ],
        env,
    )


def restore(path: Path) -> RestoreReport:
    """Replace the configured database's content with the backup at `path` and verify."""
    manifest = read_manifest(path)
    kind = engine()
    if manifest.get("format") != FORMAT or manifest.get("engine") != kind:
        raise BackupError(
            f"The backup is for {manifest.get('engine')}, the configured database is {kind}."
        )
    with tempfile.TemporaryDirectory() as tmp:
        data = _extract_data(path, manifest, Path(tmp))
        if kind == "sqlite":
            _restore_sqlite(data)
        else:
            _restore_postgresql(data)
    return compare(manifest)


def compare(manifest: dict) -> RestoreReport:
    expected: dict[str, int] = manifest["tables"]
    actual = live_counts()
    mismatches = [
        f"{table}: {actual.get(table, 'brak tabeli')} zamiast {count}"
        for table, count in sorted(expected.items())
        if actual.get(table) != count
    ]
    return RestoreReport(tables=len(expected), records=sum(actual.values()), mismatches=mismatches)
