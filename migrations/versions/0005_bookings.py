"""bookings with their attendees, the waiting list, and personal calendar feeds

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 17:32:27.808153

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():

    op.create_table('calendar_feed',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_calendar_feed_user_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_feed')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_calendar_feed_token_hash'))
    )
    with op.batch_alter_table('calendar_feed', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calendar_feed_user_id'), ['user_id'], unique=False)

    op.create_table('booking',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=16), nullable=False),
    sa.Column('uid', sa.String(length=100), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('booked', 'cancelled', name='booking_status', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('slot_id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('booked_by_id', sa.Integer(), nullable=False),
    sa.Column('booked_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('slot_chosen_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('cancelled_by_id', sa.Integer(), nullable=True),
    sa.Column('cancel_reason', sa.String(length=500), nullable=True),
    sa.CheckConstraint('sequence >= 0', name=op.f('ck_booking_sequence_not_negative')),
    sa.ForeignKeyConstraint(['booked_by_id'], ['user_account.id'], name=op.f('fk_booking_booked_by_id_user_account')),
    sa.ForeignKeyConstraint(['cancelled_by_id'], ['user_account.id'], name=op.f('fk_booking_cancelled_by_id_user_account')),
    sa.ForeignKeyConstraint(['request_id'], ['advice_request.id'], name=op.f('fk_booking_request_id_advice_request')),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_booking_school_id_school')),
    sa.ForeignKeyConstraint(['slot_id'], ['slot.id'], name=op.f('fk_booking_slot_id_slot')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_booking')),
    sa.UniqueConstraint('reference', name=op.f('uq_booking_reference')),
    sa.UniqueConstraint('uid', name=op.f('uq_booking_uid'))
    )
    with op.batch_alter_table('booking', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_booking_request_id'), ['request_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_booking_school_id'), ['school_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_booking_slot_id'), ['slot_id'], unique=False)
        batch_op.create_index('uq_booking_live_request', ['request_id'], unique=True, sqlite_where=sa.text("status = 'booked'"), postgresql_where=sa.text("status = 'booked'"))
        batch_op.create_index('uq_booking_live_slot', ['slot_id'], unique=True, sqlite_where=sa.text("status = 'booked'"), postgresql_where=sa.text("status = 'booked'"))

    op.create_table('waiting_list_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('joined_by_id', sa.Integer(), nullable=False),
    sa.Column('joined_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.Enum('waiting', 'offered', 'booked', 'expired', 'withdrawn', 'closed', name='wait_status', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('offered_slot_id', sa.Integer(), nullable=True),
    sa.Column('offered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('offer_expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("status != 'offered' OR (offered_slot_id IS NOT NULL AND offer_expires_at IS NOT NULL)", name=op.f('ck_waiting_list_entry_offer_has_slot_and_expiry')),
    sa.ForeignKeyConstraint(['joined_by_id'], ['user_account.id'], name=op.f('fk_waiting_list_entry_joined_by_id_user_account')),
    sa.ForeignKeyConstraint(['offered_slot_id'], ['slot.id'], name=op.f('fk_waiting_list_entry_offered_slot_id_slot')),
    sa.ForeignKeyConstraint(['request_id'], ['advice_request.id'], name=op.f('fk_waiting_list_entry_request_id_advice_request')),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_waiting_list_entry_school_id_school')),
    sa.ForeignKeyConstraint(['session_id'], ['consultation_session.id'], name=op.f('fk_waiting_list_entry_session_id_consultation_session')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_waiting_list_entry'))
    )
    with op.batch_alter_table('waiting_list_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_waiting_list_entry_offer_expires_at'), ['offer_expires_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_waiting_list_entry_request_id'), ['request_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_waiting_list_entry_school_id'), ['school_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_waiting_list_entry_session_id'), ['session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_waiting_list_entry_status'), ['status'], unique=False)
        batch_op.create_index('uq_waiting_live_offer', ['offered_slot_id'], unique=True, sqlite_where=sa.text("status = 'offered'"), postgresql_where=sa.text("status = 'offered'"))
        batch_op.create_index('uq_waiting_live_request', ['session_id', 'request_id'], unique=True, sqlite_where=sa.text("status IN ('waiting', 'offered')"), postgresql_where=sa.text("status IN ('waiting', 'offered')"))

    op.create_table('booking_attendee',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('booking_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('school_staff', 'social_worker', 'other', name='attendee_kind', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('job_role', sa.String(length=120), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('removed_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('email = lower(email)', name=op.f('ck_booking_attendee_email_lower_case')),
    sa.ForeignKeyConstraint(['booking_id'], ['booking.id'], name=op.f('fk_booking_attendee_booking_id_booking'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_booking_attendee_user_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_booking_attendee'))
    )
    with op.batch_alter_table('booking_attendee', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_booking_attendee_booking_id'), ['booking_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_booking_attendee_email'), ['email'], unique=False)
        batch_op.create_index('uq_booking_attendee_live_email', ['booking_id', 'email'], unique=True, sqlite_where=sa.text('removed_at IS NULL'), postgresql_where=sa.text('removed_at IS NULL'))




def downgrade():

    with op.batch_alter_table('booking_attendee', schema=None) as batch_op:
        batch_op.drop_index('uq_booking_attendee_live_email', sqlite_where=sa.text('removed_at IS NULL'), postgresql_where=sa.text('removed_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_booking_attendee_email'))
        batch_op.drop_index(batch_op.f('ix_booking_attendee_booking_id'))

    op.drop_table('booking_attendee')
    with op.batch_alter_table('waiting_list_entry', schema=None) as batch_op:
        batch_op.drop_index('uq_waiting_live_request', sqlite_where=sa.text("status IN ('waiting', 'offered')"), postgresql_where=sa.text("status IN ('waiting', 'offered')"))
        batch_op.drop_index('uq_waiting_live_offer', sqlite_where=sa.text("status = 'offered'"), postgresql_where=sa.text("status = 'offered'"))
        batch_op.drop_index(batch_op.f('ix_waiting_list_entry_status'))
        batch_op.drop_index(batch_op.f('ix_waiting_list_entry_session_id'))
        batch_op.drop_index(batch_op.f('ix_waiting_list_entry_school_id'))
        batch_op.drop_index(batch_op.f('ix_waiting_list_entry_request_id'))
        batch_op.drop_index(batch_op.f('ix_waiting_list_entry_offer_expires_at'))

    op.drop_table('waiting_list_entry')
    with op.batch_alter_table('booking', schema=None) as batch_op:
        batch_op.drop_index('uq_booking_live_slot', sqlite_where=sa.text("status = 'booked'"), postgresql_where=sa.text("status = 'booked'"))
        batch_op.drop_index('uq_booking_live_request', sqlite_where=sa.text("status = 'booked'"), postgresql_where=sa.text("status = 'booked'"))
        batch_op.drop_index(batch_op.f('ix_booking_slot_id'))
        batch_op.drop_index(batch_op.f('ix_booking_school_id'))
        batch_op.drop_index(batch_op.f('ix_booking_request_id'))

    op.drop_table('booking')
    with op.batch_alter_table('calendar_feed', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calendar_feed_user_id'))

    op.drop_table('calendar_feed')

