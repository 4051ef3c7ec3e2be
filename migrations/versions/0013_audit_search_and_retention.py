"""audit trail: searched by action, record, reference and school; kept from change

Events name their record's school and reference (filled in for those already written), are
indexed for the VS admin's search, and on PostgreSQL a trigger refuses UPDATE and DELETE
except the retention purge's.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-27 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

# The types of record that belong to one school (a school_id column), by their table.
SCHOOL_RECORDS = {
    'ChildRecord': 'child_record', 'AdviceRequest': 'advice_request',
    'Booking': 'booking', 'ConsultationOutcome': 'consultation_outcome',
    'TacMeeting': 'tac_meeting', 'Action': 'agreed_action',
    'WaitingListEntry': 'waiting_list_entry', 'User': 'user_account',
}
REFERENCED_RECORDS = {
    'ChildRecord': 'child_record', 'AdviceRequest': 'advice_request',
    'Booking': 'booking', 'TacMeeting': 'tac_meeting',
}

# As in app/models/audit.py.
PROTECT_FUNCTION = """
CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('convene.purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit events cannot be changed or deleted'
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql
"""
PROTECT_TRIGGER = """
CREATE TRIGGER audit_event_refuse_change BEFORE UPDATE OR DELETE ON audit_event
FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()
"""


def _postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade():
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('record_reference', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('school_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_audit_event_school_id_school'), 'school',
                                    ['school_id'], ['id'])
        batch_op.create_index('ix_audit_event_action_at', ['action', 'at'], unique=False)
        batch_op.create_index('ix_audit_event_record', ['record_type', 'record_id'],
                              unique=False)
        batch_op.create_index('ix_audit_event_record_reference', ['record_reference'],
                              unique=False)
        batch_op.create_index('ix_audit_event_school_at', ['school_id', 'at'], unique=False)

    # The events already written name their record's school and reference too (before the
    # trigger exists: after it, nothing may change them).
    for record_type, table in SCHOOL_RECORDS.items():
        op.execute(sa.text(
            f"UPDATE audit_event SET school_id = (SELECT t.school_id FROM {table} t "
            f"WHERE CAST(t.id AS VARCHAR(60)) = audit_event.record_id) "
            f"WHERE record_type = '{record_type}'"))
    op.execute(sa.text("UPDATE audit_event SET school_id = CAST(record_id AS INTEGER) "
                       "WHERE record_type = 'School'"))
    for record_type, table in REFERENCED_RECORDS.items():
        op.execute(sa.text(
            f"UPDATE audit_event SET record_reference = (SELECT t.reference FROM {table} t "
            f"WHERE CAST(t.id AS VARCHAR(60)) = audit_event.record_id) "
            f"WHERE record_type = '{record_type}'"))
    op.execute(sa.text(
        "UPDATE audit_event SET record_reference = (SELECT b.reference "
        "FROM consultation_outcome o JOIN booking b ON b.id = o.booking_id "
        "WHERE CAST(o.id AS VARCHAR(60)) = audit_event.record_id) "
        "WHERE record_type = 'ConsultationOutcome'"))

    if _postgresql():
        op.execute(PROTECT_FUNCTION)
        op.execute(PROTECT_TRIGGER)


def downgrade():
    if _postgresql():
        op.execute("DROP TRIGGER IF EXISTS audit_event_refuse_change ON audit_event")
        op.execute("DROP FUNCTION IF EXISTS audit_event_refuse_change()")
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_event_school_at')
        batch_op.drop_index('ix_audit_event_record_reference')
        batch_op.drop_index('ix_audit_event_record')
        batch_op.drop_index('ix_audit_event_action_at')
        batch_op.drop_constraint(batch_op.f('fk_audit_event_school_id_school'),
                                 type_='foreignkey')
        batch_op.drop_column('school_id')
        batch_op.drop_column('record_reference')
