"""phrases that are never names, and confirmations that a flagged phrase is not a name

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 15:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('never_a_name',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('phrase', sa.String(length=120), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('added_by_id', sa.Integer(), nullable=True),
    sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['added_by_id'], ['user_account.id'], name=op.f('fk_never_a_name_added_by_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_never_a_name')),
    sa.UniqueConstraint('key', name=op.f('uq_never_a_name_key'))
    )
    op.create_table('name_confirmation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_type', sa.String(length=60), nullable=False),
    sa.Column('record_id', sa.String(length=60), nullable=False),
    sa.Column('field', sa.String(length=120), nullable=False),
    sa.Column('field_label', sa.String(length=200), nullable=False),
    sa.Column('phrase', sa.String(length=200), nullable=False),
    sa.Column('confirmed_by_id', sa.Integer(), nullable=False),
    sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['confirmed_by_id'], ['user_account.id'], name=op.f('fk_name_confirmation_confirmed_by_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_name_confirmation'))
    )
    with op.batch_alter_table('name_confirmation', schema=None) as batch_op:
        batch_op.create_index('ix_name_confirmation_record', ['record_type', 'record_id'], unique=False)


def downgrade():
    with op.batch_alter_table('name_confirmation', schema=None) as batch_op:
        batch_op.drop_index('ix_name_confirmation_record')

    op.drop_table('name_confirmation')
    op.drop_table('never_a_name')
