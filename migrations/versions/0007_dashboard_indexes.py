"""indexes for the dashboard's counts: requests sent, finalised outcomes, actions agreed

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 19:00:00.000000

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('advice_request', schema=None) as batch_op:
        batch_op.create_index('ix_advice_request_dashboard',
                              ['submitted_at', 'status', 'school_id', 'child_id'], unique=False)

    with op.batch_alter_table('consultation_outcome', schema=None) as batch_op:
        batch_op.create_index('ix_consultation_outcome_dashboard',
                              ['status', 'child_id', 'finalised_at', 'id', 'school_id',
                               'next_step', 'social_worker_attended', 'scale_now'],
                              unique=False)

    with op.batch_alter_table('agreed_action', schema=None) as batch_op:
        batch_op.create_index('ix_agreed_action_dashboard',
                              ['created_at', 'due_on', 'done_on', 'school_id', 'child_id'],
                              unique=False)


def downgrade():
    with op.batch_alter_table('agreed_action', schema=None) as batch_op:
        batch_op.drop_index('ix_agreed_action_dashboard')

    with op.batch_alter_table('consultation_outcome', schema=None) as batch_op:
        batch_op.drop_index('ix_consultation_outcome_dashboard')

    with op.batch_alter_table('advice_request', schema=None) as batch_op:
        batch_op.drop_index('ix_advice_request_dashboard')
