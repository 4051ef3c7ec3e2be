"""schools, users and the audit log

Revision ID: 0001
Revises: 
Create Date: 2026-11-25 14:51:53.348768

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    
    op.create_table('school',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('urn', sa.String(length=6), nullable=False),
    sa.Column('phase', sa.Enum('early_years', 'primary', 'secondary', 'all_through', 'special', 'alternative_provision', 'post_16', name='phase', native_enum=False, create_constraint=True, length=30), nullable=False),
    sa.Column('local_authority', sa.String(length=120), nullable=False),
    sa.CheckConstraint('length(urn) = 6', name=op.f('ck_school_urn_six_digits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_school')),
    sa.UniqueConstraint('urn', name=op.f('uq_school_urn'))
    )
    op.create_table('user_account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('role', sa.Enum('vs_admin', 'vs_advisor', 'educational_psychologist', 'school_staff', 'social_worker', name='role', native_enum=False, create_constraint=True, length=30), nullable=False),
    sa.Column('job_title', sa.String(length=120), nullable=True),
    sa.Column('school_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=True),
    sa.Column('last_signed_in_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('session_version', sa.Integer(), nullable=False),
    sa.CheckConstraint("(role = 'school_staff') = (school_id IS NOT NULL)", name=op.f('ck_user_account_school_staff_have_a_school')),
    sa.CheckConstraint('email = lower(email)', name=op.f('ck_user_account_email_lower_case')),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_user_account_school_id_school')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_account')),
    sa.UniqueConstraint('email', name=op.f('uq_user_account_email'))
    )
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_account_school_id'), ['school_id'], unique=False)

    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('record_type', sa.String(length=60), nullable=True),
    sa.Column('record_id', sa.String(length=60), nullable=True),
    sa.Column('ip_address', sa.String(length=45), nullable=True),
    sa.Column('detail', sa.String(length=500), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['user_account.id'], name=op.f('fk_audit_event_actor_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_event_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_at'), ['at'], unique=False)

    


def downgrade():
    
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_event_at'))
        batch_op.drop_index(batch_op.f('ix_audit_event_actor_id'))

    op.drop_table('audit_event')
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_account_school_id'))

    op.drop_table('user_account')
    op.drop_table('school')
    
