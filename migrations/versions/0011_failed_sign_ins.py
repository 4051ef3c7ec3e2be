"""failed sign-ins, counted for the sign-in limits across workers and servers

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('failed_sign_in',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('account', sa.String(length=64), nullable=False),
    sa.Column('address', sa.String(length=45), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_failed_sign_in'))
    )
    with op.batch_alter_table('failed_sign_in', schema=None) as batch_op:
        batch_op.create_index('ix_failed_sign_in_address', ['address', 'at'], unique=False)
        batch_op.create_index('ix_failed_sign_in_account_address',
                              ['account', 'address', 'at'], unique=False)
        batch_op.create_index('ix_failed_sign_in_at', ['at'], unique=False)


def downgrade():
    with op.batch_alter_table('failed_sign_in', schema=None) as batch_op:
        batch_op.drop_index('ix_failed_sign_in_at')
        batch_op.drop_index('ix_failed_sign_in_account_address')
        batch_op.drop_index('ix_failed_sign_in_address')

    op.drop_table('failed_sign_in')
