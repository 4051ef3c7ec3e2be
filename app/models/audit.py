"""The audit log: who did what to which record, when and from where. Events are only ever
added: no route changes or deletes one, and on PostgreSQL a trigger refuses UPDATE and
DELETE, except the retention purge's DELETE of events past the audit period."""

from datetime import datetime

from sqlalchemy import DDL, ForeignKey, Index, String, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.types import UTCDateTime, utcnow

# The purge sets this for its own transaction alone (SET LOCAL), and only then may events go.
PURGE_SETTING = "convene.purge"


class AuditEvent(db.Model):
    __tablename__ = "audit_event"
    __table_args__ = (
        # The VS admin's search, newest first: by action, by record, by school.
        Index("ix_audit_event_action_at", "action", "at"),
        Index("ix_audit_event_record", "record_type", "record_id"),
        Index("ix_audit_event_record_reference", "record_reference"),
        # Also a school's own list of who has viewed its records.
        Index("ix_audit_event_school_at", "school_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    # None when nobody was signed in (a failed sign-in, say).
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    actor = relationship("User")
    action: Mapped[str] = mapped_column(String(60))
    record_type: Mapped[str | None] = mapped_column(String(60))
    record_id: Mapped[str | None] = mapped_column(String(60))
    # What people call the record (C-7KQ2MD, SFC-2026-0042), kept so that the event still
    # names it when the record itself has been purged.
    record_reference: Mapped[str | None] = mapped_column(String(40))
    # The school whose record it is, when it is one school's.
    school_id: Mapped[int | None] = mapped_column(ForeignKey("school.id"))
    ip_address: Mapped[str | None] = mapped_column(String(45))
    detail: Mapped[str | None] = mapped_column(String(500))


# The same function and trigger as migration 0013, for databases made with create_all (the
# tests). A DELETE passes only inside a transaction that said SET LOCAL convene.purge = 'on'.
PROTECT_FUNCTION = f"""
CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('{PURGE_SETTING}', true) = 'on' THEN
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

for _statement in (PROTECT_FUNCTION, PROTECT_TRIGGER):
    event.listen(AuditEvent.__table__, "after_create",
                 DDL(_statement).execute_if(dialect="postgresql"))
