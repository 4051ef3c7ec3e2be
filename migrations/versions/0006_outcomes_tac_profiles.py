"""consultation outcomes, Team Around the Child meetings, agreed actions and One Page Profiles

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 17:43:11.373346

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('profile_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('admire', sa.Text(), nullable=False),
    sa.Column('important', sa.Text(), nullable=False),
    sa.Column('support', sa.Text(), nullable=False),
    sa.Column('triggers', sa.Text(), nullable=False),
    sa.Column('distress_signs', sa.Text(), nullable=False),
    sa.Column('calming', sa.Text(), nullable=False),
    sa.Column('completed_by', sa.String(length=200), nullable=False),
    sa.Column('with_child', sa.Boolean(), nullable=False),
    sa.Column('with_home', sa.Boolean(), nullable=False),
    sa.Column('with_social_care', sa.Boolean(), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=False),
    sa.Column('saved_by_id', sa.Integer(), nullable=False),
    sa.Column('saved_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child_record.id'], name=op.f('fk_profile_version_child_id_child_record')),
    sa.ForeignKeyConstraint(['saved_by_id'], ['user_account.id'], name=op.f('fk_profile_version_saved_by_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_profile_version')),
    sa.UniqueConstraint('child_id', 'version', name='uq_profile_version_child_id_version')
    )
    with op.batch_alter_table('profile_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_profile_version_child_id'), ['child_id'], unique=False)

    op.create_table('tac_meeting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=16), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('scheduled', 'held', 'cancelled', name='tac_status', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('location', sa.String(length=300), nullable=True),
    sa.Column('meeting_url', sa.String(length=500), nullable=True),
    sa.Column('uid', sa.String(length=100), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('key_adult', sa.String(length=200), nullable=True),
    sa.Column('supportive_adults', sa.Text(), nullable=True),
    sa.Column('academic_progress', sa.Text(), nullable=True),
    sa.Column('attainment', sa.Text(), nullable=True),
    sa.Column('attendance', sa.Text(), nullable=True),
    sa.Column('wellbeing', sa.Text(), nullable=True),
    sa.Column('belonging', sa.Text(), nullable=True),
    sa.Column('aspirations', sa.Text(), nullable=True),
    sa.Column('next_review_on', sa.Date(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('ends_at > starts_at', name=op.f('ck_tac_meeting_ends_after_starts')),
    sa.ForeignKeyConstraint(['child_id'], ['child_record.id'], name=op.f('fk_tac_meeting_child_id_child_record')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_tac_meeting_created_by_id_user_account')),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_tac_meeting_school_id_school')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tac_meeting')),
    sa.UniqueConstraint('reference', name=op.f('uq_tac_meeting_reference')),
    sa.UniqueConstraint('uid', name=op.f('uq_tac_meeting_uid'))
    )
    with op.batch_alter_table('tac_meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tac_meeting_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tac_meeting_school_id'), ['school_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tac_meeting_starts_at'), ['starts_at'], unique=False)

    op.create_table('tac_attendee',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('job_role', sa.String(length=120), nullable=False),
    sa.Column('agency', sa.String(length=120), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.ForeignKeyConstraint(['meeting_id'], ['tac_meeting.id'], name=op.f('fk_tac_attendee_meeting_id_tac_meeting'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tac_attendee'))
    )
    with op.batch_alter_table('tac_attendee', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tac_attendee_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('consultation_outcome',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('booking_id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'final', name='outcome_status', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('best_hopes', sa.Text(), nullable=True),
    sa.Column('already_working', sa.Text(), nullable=True),
    sa.Column('strengths', sa.Text(), nullable=True),
    sa.Column('scale_now', sa.Integer(), nullable=True),
    sa.Column('one_point_higher', sa.Text(), nullable=True),
    sa.Column('next_step', sa.Enum('follow_up', 'tac_meeting', 'referral', 'close', name='next_step', native_enum=False, create_constraint=True, length=40), nullable=True),
    sa.Column('follow_up_on', sa.Date(), nullable=True),
    sa.Column('social_worker_attended', sa.Boolean(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finalised_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('summary_sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("status = 'draft' OR finalised_at IS NOT NULL", name=op.f('ck_consultation_outcome_final_has_finalised_at')),
    sa.CheckConstraint('scale_now IS NULL OR scale_now BETWEEN 0 AND 10', name=op.f('ck_consultation_outcome_scale_range')),
    sa.ForeignKeyConstraint(['booking_id'], ['booking.id'], name=op.f('fk_consultation_outcome_booking_id_booking')),
    sa.ForeignKeyConstraint(['child_id'], ['child_record.id'], name=op.f('fk_consultation_outcome_child_id_child_record')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user_account.id'], name=op.f('fk_consultation_outcome_recorded_by_id_user_account')),
    sa.ForeignKeyConstraint(['request_id'], ['advice_request.id'], name=op.f('fk_consultation_outcome_request_id_advice_request')),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_consultation_outcome_school_id_school')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consultation_outcome')),
    sa.UniqueConstraint('booking_id', name=op.f('uq_consultation_outcome_booking_id'))
    )
    with op.batch_alter_table('consultation_outcome', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consultation_outcome_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_consultation_outcome_finalised_at'), ['finalised_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_consultation_outcome_request_id'), ['request_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_consultation_outcome_school_id'), ['school_id'], unique=False)

    op.create_table('agreed_action',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('outcome_id', sa.Integer(), nullable=True),
    sa.Column('tac_meeting_id', sa.Integer(), nullable=True),
    sa.Column('what', sa.Text(), nullable=False),
    sa.Column('who_role', sa.String(length=120), nullable=False),
    sa.Column('who_name', sa.String(length=120), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('done_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(outcome_id IS NULL) != (tac_meeting_id IS NULL)', name=op.f('ck_agreed_action_from_outcome_or_tac')),
    sa.ForeignKeyConstraint(['child_id'], ['child_record.id'], name=op.f('fk_agreed_action_child_id_child_record')),
    sa.ForeignKeyConstraint(['done_by_id'], ['user_account.id'], name=op.f('fk_agreed_action_done_by_id_user_account')),
    sa.ForeignKeyConstraint(['outcome_id'], ['consultation_outcome.id'], name=op.f('fk_agreed_action_outcome_id_consultation_outcome'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_agreed_action_school_id_school')),
    sa.ForeignKeyConstraint(['tac_meeting_id'], ['tac_meeting.id'], name=op.f('fk_agreed_action_tac_meeting_id_tac_meeting'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreed_action'))
    )
    with op.batch_alter_table('agreed_action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreed_action_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreed_action_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreed_action_outcome_id'), ['outcome_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreed_action_school_id'), ['school_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreed_action_tac_meeting_id'), ['tac_meeting_id'], unique=False)

    op.create_table('consultation_outcome_theme',
    sa.Column('outcome_id', sa.Integer(), nullable=False),
    sa.Column('theme_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['outcome_id'], ['consultation_outcome.id'], name=op.f('fk_consultation_outcome_theme_outcome_id_consultation_outcome'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['theme_id'], ['theme.id'], name=op.f('fk_consultation_outcome_theme_theme_id_theme')),
    sa.PrimaryKeyConstraint('outcome_id', 'theme_id', name=op.f('pk_consultation_outcome_theme'))
    )
    with op.batch_alter_table('consultation_outcome_theme', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consultation_outcome_theme_theme_id'), ['theme_id'], unique=False)

    op.create_table('outcome_amendment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('outcome_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('by_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['by_id'], ['user_account.id'], name=op.f('fk_outcome_amendment_by_id_user_account')),
    sa.ForeignKeyConstraint(['outcome_id'], ['consultation_outcome.id'], name=op.f('fk_outcome_amendment_outcome_id_consultation_outcome'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outcome_amendment'))
    )
    with op.batch_alter_table('outcome_amendment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outcome_amendment_outcome_id'), ['outcome_id'], unique=False)

    op.create_table('outcome_attendee',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('outcome_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('job_role', sa.String(length=120), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('is_social_worker', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['outcome_id'], ['consultation_outcome.id'], name=op.f('fk_outcome_attendee_outcome_id_consultation_outcome'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outcome_attendee'))
    )
    with op.batch_alter_table('outcome_attendee', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outcome_attendee_outcome_id'), ['outcome_id'], unique=False)



def downgrade():
    with op.batch_alter_table('outcome_attendee', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outcome_attendee_outcome_id'))

    op.drop_table('outcome_attendee')
    with op.batch_alter_table('outcome_amendment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outcome_amendment_outcome_id'))

    op.drop_table('outcome_amendment')
    with op.batch_alter_table('consultation_outcome_theme', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consultation_outcome_theme_theme_id'))

    op.drop_table('consultation_outcome_theme')
    with op.batch_alter_table('agreed_action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreed_action_tac_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_agreed_action_school_id'))
        batch_op.drop_index(batch_op.f('ix_agreed_action_outcome_id'))
        batch_op.drop_index(batch_op.f('ix_agreed_action_due_on'))
        batch_op.drop_index(batch_op.f('ix_agreed_action_child_id'))

    op.drop_table('agreed_action')
    with op.batch_alter_table('consultation_outcome', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consultation_outcome_school_id'))
        batch_op.drop_index(batch_op.f('ix_consultation_outcome_request_id'))
        batch_op.drop_index(batch_op.f('ix_consultation_outcome_finalised_at'))
        batch_op.drop_index(batch_op.f('ix_consultation_outcome_child_id'))

    op.drop_table('consultation_outcome')
    with op.batch_alter_table('tac_attendee', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tac_attendee_meeting_id'))

    op.drop_table('tac_attendee')
    with op.batch_alter_table('tac_meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tac_meeting_starts_at'))
        batch_op.drop_index(batch_op.f('ix_tac_meeting_school_id'))
        batch_op.drop_index(batch_op.f('ix_tac_meeting_child_id'))

    op.drop_table('tac_meeting')
    with op.batch_alter_table('profile_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_profile_version_child_id'))

    op.drop_table('profile_version')
