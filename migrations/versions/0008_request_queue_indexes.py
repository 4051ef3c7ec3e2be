"""indexes for the triage queue, and a school's requests: of one status, oldest first

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26 01:00:00.000000

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('advice_request', schema=None) as batch_op:
        batch_op.create_index('ix_advice_request_queue', ['status', 'submitted_at', 'id'],
                              unique=False)
        batch_op.create_index('ix_advice_request_school_queue',
                              ['school_id', 'status', 'submitted_at', 'id'], unique=False)


def downgrade():
    with op.batch_alter_table('advice_request', schema=None) as batch_op:
        batch_op.drop_index('ix_advice_request_school_queue')
        batch_op.drop_index('ix_advice_request_queue')
