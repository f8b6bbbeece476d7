"""Chain the entries written before the chain existed; on PostgreSQL add triggers that
refuse UPDATE and DELETE on the log and the chain (append-only below the application)."""

from django.db import migrations

TABLES = ("auditlog_logentry", "audit_logchain")

CREATE_FUNCTION = """
CREATE OR REPLACE FUNCTION ostoja_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Ostoja audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
"""


def chain_existing(apps, schema_editor):
    from ostoja.audit import chain

    LogEntry = apps.get_model("auditlog", "LogEntry")
    LogChain = apps.get_model("audit", "LogChain")
    LogChainHead = apps.get_model("audit", "LogChainHead")
    head, _ = LogChainHead.objects.get_or_create(pk=1)
    for entry in LogEntry.objects.filter(chain__isnull=True).order_by("pk").iterator():
        digest = chain.link_hash(entry, head.hash)
        LogChain.objects.create(
            entry=entry, position=head.position + 1, prev_hash=head.hash, hash=digest
        )
        head.position += 1
        head.hash = digest
    head.save()


def create_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(CREATE_FUNCTION, params=None)
    for table in TABLES:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION ostoja_audit_append_only()"
        )


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
    schema_editor.execute("DROP FUNCTION IF EXISTS ostoja_audit_append_only()")


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_hash_chain"),
        ("auditlog", "0017_add_actor_email"),
    ]

    operations = [
        migrations.RunPython(chain_existing, migrations.RunPython.noop),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
