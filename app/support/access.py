"""Finding a TAC meeting the signed-in member of staff may see, or a 404.

Only staff of the child's school see its TAC meetings; the Virtual School, educational
psychologists and social workers are refused at the door (each view allows school staff
only), so here it is enough to keep to the user's own school.
"""

from flask_login import current_user
from sqlalchemy.orm import joinedload, selectinload

from app.extensions import db
from app.models import TacMeeting


def get_meeting_or_404(meeting_id: int) -> TacMeeting:
    stmt = (db.select(TacMeeting)
            .where(TacMeeting.id == meeting_id, TacMeeting.school_id == current_user.school_id)
            .options(joinedload(TacMeeting.child), selectinload(TacMeeting.attendees),
                     selectinload(TacMeeting.actions)))
    return db.first_or_404(stmt)


