"""child records, themes, advice requests

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 15:05:29.751054

"""
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa

# The themes Virtual Schools most often hear about; the VS admin can add, rename and retire them.
SEED_THEMES = [
    "Emotionally based school avoidance",
    "Risk of exclusion",
    "Part-time timetable",
    "Transition",
    "Social, emotional and mental health (SEMH)",
    "SEND or EHCP",
    "Attachment and trauma",
    "Young carer",
    "Online safety",
    "Attendance",
    "Behaviour and regulation",
    "Friendships and belonging",
    "Speech, language and communication",
    "Learning and attainment",
    "Neurodiversity (autism, ADHD)",
    "Relationships with home",
    "Child criminal or sexual exploitation",
    "Self-harm",
    "Bereavement and loss",
    "Moves of home or placement",
]

DEFAULT_SIGNPOSTING = (
    "The Virtual School's duty covers children who have or had a social worker in the past "
    "six years, children in care, previously looked-after children and children in kinship "
    "care. For a child outside these groups, such as a child with special educational needs "
    "only, contact the local authority's SEND team or the Local Offer, your school's link "
    "educational psychologist, or the Early Help team."
)


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    
    op.create_table('reference_counter',
    sa.Column('prefix', sa.String(length=10), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('prefix', 'year', name=op.f('pk_reference_counter'))
    )
    op.create_table('theme',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_theme')),
    sa.UniqueConstraint('name', name=op.f('uq_theme_name'))
    )
    op.create_table('child_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=8), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('initials', sa.String(length=3), nullable=False),
    sa.Column('year_group', sa.Enum('nursery', 'reception', 'year_1', 'year_2', 'year_3', 'year_4', 'year_5', 'year_6', 'year_7', 'year_8', 'year_9', 'year_10', 'year_11', 'year_12', 'year_13', 'year_14', name='year_group', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('cohort', sa.Enum('child_in_need', 'child_protection', 'previously_had_social_worker', 'child_in_care', 'previously_looked_after', 'kinship_care', 'none_of_these', name='cohort', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('sen_status', sa.Enum('none', 'sen_support', 'ehcp', name='sen_status', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('school_note', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('length(initials) BETWEEN 1 AND 3', name=op.f('ck_child_record_initials_length')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_child_record_created_by_id_user_account')),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_child_record_school_id_school')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_child_record')),
    sa.UniqueConstraint('reference', name=op.f('uq_child_record_reference'))
    )
    with op.batch_alter_table('child_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_child_record_school_id'), ['school_id'], unique=False)

    op.create_table('service_setting',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['updated_by_id'], ['user_account.id'], name=op.f('fk_service_setting_updated_by_id_user_account')),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_service_setting'))
    )
    op.create_table('advice_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=16), nullable=True),
    sa.Column('status', sa.Enum('draft', 'submitted', 'accepted', 'declined', 'booked', 'consulted', 'closed', name='request_status', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('attendance_percent', sa.Numeric(precision=4, scale=1), nullable=True),
    sa.Column('tried', sa.Text(), nullable=True),
    sa.Column('tried_for', sa.String(length=100), nullable=True),
    sa.Column('support_wanted', sa.Enum('consultation', 'written_advice', 'signposting', name='support_wanted', native_enum=False, create_constraint=True, length=40), nullable=True),
    sa.Column('question', sa.Text(), nullable=True),
    sa.Column('social_worker', sa.Enum('allocated_involved', 'allocated_not_involved', 'not_allocated', name='social_worker', native_enum=False, create_constraint=True, length=40), nullable=True),
    sa.Column('consent_given_by', sa.Enum('parent', 'carer', 'kinship_carer', 'local_authority', name='consent_giver', native_enum=False, create_constraint=True, length=40), nullable=True),
    sa.Column('consent_date', sa.Date(), nullable=True),
    sa.Column('consent_scope', sa.Text(), nullable=True),
    sa.Column('consent_confirmed', sa.Boolean(), nullable=False),
    sa.Column('route', sa.Enum('consultation', 'written_advice', 'signpost', name='route', native_enum=False, create_constraint=True, length=40), nullable=True),
    sa.Column('decline_reason', sa.Text(), nullable=True),
    sa.Column('written_advice', sa.Text(), nullable=True),
    sa.Column('written_advice_by_id', sa.Integer(), nullable=True),
    sa.Column('written_advice_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("status = 'draft' OR reference IS NOT NULL", name=op.f('ck_advice_request_sent_has_reference')),
    sa.CheckConstraint('attendance_percent BETWEEN 0 AND 100', name=op.f('ck_advice_request_attendance_range')),
    sa.ForeignKeyConstraint(['child_id'], ['child_record.id'], name=op.f('fk_advice_request_child_id_child_record')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_advice_request_created_by_id_user_account')),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_advice_request_school_id_school')),
    sa.ForeignKeyConstraint(['written_advice_by_id'], ['user_account.id'], name=op.f('fk_advice_request_written_advice_by_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_advice_request')),
    sa.UniqueConstraint('reference', name=op.f('uq_advice_request_reference'))
    )
    with op.batch_alter_table('advice_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_advice_request_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_advice_request_school_id'), ['school_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_advice_request_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_advice_request_submitted_at'), ['submitted_at'], unique=False)

    op.create_table('advice_request_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('from_status', sa.Enum('draft', 'submitted', 'accepted', 'declined', 'booked', 'consulted', 'closed', name='from_status', native_enum=False, create_constraint=True, length=40), nullable=True),
    sa.Column('to_status', sa.Enum('draft', 'submitted', 'accepted', 'declined', 'booked', 'consulted', 'closed', name='to_status', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['user_account.id'], name=op.f('fk_advice_request_event_actor_id_user_account')),
    sa.ForeignKeyConstraint(['request_id'], ['advice_request.id'], name=op.f('fk_advice_request_event_request_id_advice_request'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_advice_request_event'))
    )
    with op.batch_alter_table('advice_request_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_advice_request_event_request_id'), ['request_id'], unique=False)

    op.create_table('advice_request_indicator',
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('indicator', sa.Enum('wellbeing', 'attendance', 'attainment', 'behaviour', 'engagement', name='indicator', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['advice_request.id'], name=op.f('fk_advice_request_indicator_request_id_advice_request'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('request_id', 'indicator', name=op.f('pk_advice_request_indicator'))
    )
    with op.batch_alter_table('advice_request_indicator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_advice_request_indicator_indicator'), ['indicator'], unique=False)

    op.create_table('advice_request_theme',
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('theme_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['advice_request.id'], name=op.f('fk_advice_request_theme_request_id_advice_request'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['theme_id'], ['theme.id'], name=op.f('fk_advice_request_theme_theme_id_theme')),
    sa.PrimaryKeyConstraint('request_id', 'theme_id', name=op.f('pk_advice_request_theme'))
    )
    with op.batch_alter_table('advice_request_theme', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_advice_request_theme_theme_id'), ['theme_id'], unique=False)

    


    theme = sa.table("theme", sa.column("name", sa.String), sa.column("active", sa.Boolean),
                     sa.column("position", sa.Integer))
    op.bulk_insert(theme, [{"name": name, "active": True, "position": n}
                           for n, name in enumerate(SEED_THEMES)])
    setting = sa.table("service_setting", sa.column("key", sa.String),
                       sa.column("value", sa.Text), sa.column("updated_at", sa.DateTime))
    op.bulk_insert(setting, [{"key": "eligibility_signposting", "value": DEFAULT_SIGNPOSTING,
                              "updated_at": datetime.now(timezone.utc)}])


def downgrade():
    
    with op.batch_alter_table('advice_request_theme', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_advice_request_theme_theme_id'))

    op.drop_table('advice_request_theme')
    with op.batch_alter_table('advice_request_indicator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_advice_request_indicator_indicator'))

    op.drop_table('advice_request_indicator')
    with op.batch_alter_table('advice_request_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_advice_request_event_request_id'))

    op.drop_table('advice_request_event')
    with op.batch_alter_table('advice_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_advice_request_submitted_at'))
        batch_op.drop_index(batch_op.f('ix_advice_request_status'))
        batch_op.drop_index(batch_op.f('ix_advice_request_school_id'))
        batch_op.drop_index(batch_op.f('ix_advice_request_child_id'))

    op.drop_table('advice_request')
    op.drop_table('service_setting')
    with op.batch_alter_table('child_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_child_record_school_id'))

    op.drop_table('child_record')
    op.drop_table('theme')
    op.drop_table('reference_counter')
    
