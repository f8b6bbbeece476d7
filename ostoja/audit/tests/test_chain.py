"""The access and change log is hash-chained, append-only and verifiable."""

import pytest
from auditlog.models import LogEntry
from django.contrib import admin
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.db.models import ProtectedError
from django.test import RequestFactory

from ostoja.audit.chain import verify
from ostoja.audit.models import AppendOnlyError, LogChain, LogChainHead
from ostoja.audit.selectors import log_entry_search
from ostoja.audit.services import record_export, record_read
from ostoja.families.models import Family
from ostoja.families.services import family_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged(demo):
    """The demo data plus a change, a read and an export by the head of konin."""
    head = demo["konin"]["head"]
    family = Family.objects.filter(office=head.office).first()
    family_update(acting_user=head, family=family, notes="Wywiad środowiskowy – ciąg dalszy")
    record_read(head, family)
    record_export(head, "lista rodzin (CSV)", rows=6)
    return demo


def raw_sql(sql: str, params=()) -> None:
    """Run SQL directly, as an intruder with database access would (triggers off)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET session_replication_role = replica")  # triggers off
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = origin")


def test_table_names_used_by_the_raw_sql():
    assert LogEntry._meta.db_table == "auditlog_logentry"
    assert LogChain._meta.db_table == "audit_logchain"


def test_every_entry_is_chained_and_the_chain_verifies(logged, capsys):
    assert LogEntry.objects.count() >= 3
    assert LogChain.objects.count() == LogEntry.objects.count()
    head = LogChainHead.objects.get()
    assert head.position == LogEntry.objects.count()
    report = verify()
    assert report.ok and report.checked == LogEntry.objects.count()
    call_command("verify_audit_chain")
    assert "nienaruszony" in capsys.readouterr().out


def test_an_entry_altered_in_the_database_is_named(logged):
    victim = LogEntry.objects.order_by("pk")[1]
    raw_sql("UPDATE auditlog_logentry SET object_repr = %s WHERE id = %s", ["Ktoś inny", victim.pk])
    report = verify()
    assert report.broken_entry_id == victim.pk
    with pytest.raises(CommandError, match=rf"wpis nr {victim.pk}\b.*zmieniona"):
        call_command("verify_audit_chain")


def test_a_changed_actor_or_time_is_detected_too(logged):
    victim = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).order_by("pk").last()
    raw_sql("UPDATE auditlog_logentry SET actor_id = NULL WHERE id = %s", [victim.pk])
    assert verify().broken_entry_id == victim.pk


def test_removed_tail_entries_are_detected(logged):
    last = LogChain.objects.order_by("-position").first()
    raw_sql("DELETE FROM audit_logchain WHERE id = %s", [last.pk])
    raw_sql("DELETE FROM auditlog_logentry WHERE id = %s", [last.entry_id])
    report = verify()
    assert not report.ok and "koniec łańcucha" in report.problem


def test_an_entry_slipped_in_without_the_chain_is_detected(logged):
    sneaky = LogEntry.objects.bulk_create(
        [
            LogEntry(
                content_type_id=LogEntry.objects.first().content_type_id,
                object_pk="1",
                object_repr="dopisany",
                action=LogEntry.Action.ACCESS,
            )
        ]
    )[0]
    entry = LogEntry.objects.get(object_repr="dopisany") if sneaky.pk is None else sneaky
    assert verify().broken_entry_id == entry.pk


def test_the_application_refuses_to_change_or_delete_the_log(logged):
    entry = LogEntry.objects.first()
    entry.object_repr = "zmiana"
    with pytest.raises(AppendOnlyError), transaction.atomic():
        entry.save()
    with pytest.raises((AppendOnlyError, ProtectedError)), transaction.atomic():
        LogEntry.objects.filter(pk=entry.pk).delete()
    link = LogChain.objects.first()
    with pytest.raises(AppendOnlyError):
        link.save()
    with pytest.raises(AppendOnlyError):
        link.delete()
    assert verify().ok


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL triggers")
def test_postgresql_refuses_update_and_delete_below_the_application(logged):
    entry = LogEntry.objects.first()
    for sql in (
        "UPDATE auditlog_logentry SET object_repr = 'x' WHERE id = %s",
        "DELETE FROM audit_logchain WHERE entry_id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [entry.pk])


def test_admin_site_cannot_change_or_delete_entries_even_for_a_superuser(logged):
    request = RequestFactory().get("/admin/")
    request.user = logged["konin"]["administrator"]
    request.user.is_superuser = True
    for model in (LogEntry, LogChain, LogChainHead):
        model_admin = admin.site._registry[model]
        assert not model_admin.has_add_permission(request)
        assert not model_admin.has_change_permission(request)
        assert not model_admin.has_delete_permission(request)


def test_exports_are_logged_and_found_by_the_auditor(logged):
    auditor = logged["konin"]["auditor"]
    entries = log_entry_search(auditor, action=LogEntry.Action.ACCESS)
    export = [e for e in entries if (e.additional_data or {}).get("export")]
    assert len(export) == 1
    assert export[0].additional_data["export"] == "lista rodzin (CSV)"
    assert export[0].additional_data["rows"] == 6
    assert export[0].actor == logged["konin"]["head"]
    other_auditor = logged["wieruszow"]["auditor"]
    assert not [
        e for e in log_entry_search(other_auditor) if (e.additional_data or {}).get("export")
    ]
