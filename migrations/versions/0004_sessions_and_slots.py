"""consultation sessions and their slots

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 16:38:07.669856

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('consultation_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('mode', sa.Enum('online', 'in_person', name='session_mode', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('meeting_url', sa.String(length=500), nullable=True),
    sa.Column('venue', sa.String(length=300), nullable=True),
    sa.Column('educational_psychologist_id', sa.Integer(), nullable=False),
    sa.Column('advisor_id', sa.Integer(), nullable=True),
    sa.Column('slot_minutes', sa.Integer(), nullable=False),
    sa.Column('gap_minutes', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('published', 'cancelled', name='session_status', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('cancel_reason', sa.String(length=500), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('series_key', sa.String(length=40), nullable=True),
    sa.CheckConstraint("(mode != 'in_person') OR (venue IS NOT NULL)", name=op.f('ck_consultation_session_in_person_has_venue')),
    sa.CheckConstraint("(mode != 'online') OR (meeting_url IS NOT NULL)", name=op.f('ck_consultation_session_online_has_meeting_url')),
    sa.CheckConstraint('ends_at > starts_at', name=op.f('ck_consultation_session_ends_after_starts')),
    sa.ForeignKeyConstraint(['advisor_id'], ['user_account.id'], name=op.f('fk_consultation_session_advisor_id_user_account')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_consultation_session_created_by_id_user_account')),
    sa.ForeignKeyConstraint(['educational_psychologist_id'], ['user_account.id'], name=op.f('fk_consultation_session_educational_psychologist_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consultation_session'))
    )
    with op.batch_alter_table('consultation_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consultation_session_educational_psychologist_id'), ['educational_psychologist_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_consultation_session_series_key'), ['series_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_consultation_session_starts_at'), ['starts_at'], unique=False)

    op.create_table('slot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.CheckConstraint('ends_at > starts_at', name=op.f('ck_slot_ends_after_starts')),
    sa.ForeignKeyConstraint(['session_id'], ['consultation_session.id'], name=op.f('fk_slot_session_id_consultation_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_slot')),
    sa.UniqueConstraint('session_id', 'position', name='uq_slot_session_id_position')
    )


def downgrade():
    op.drop_table('slot')
    with op.batch_alter_table('consultation_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consultation_session_starts_at'))
        batch_op.drop_index(batch_op.f('ix_consultation_session_series_key'))
        batch_op.drop_index(batch_op.f('ix_consultation_session_educational_psychologist_id'))

    op.drop_table('consultation_session')
