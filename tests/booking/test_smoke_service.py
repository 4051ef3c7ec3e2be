from app.extensions import db
from app.models import BookingStatus, OutboxMessage, RequestStatus
from app.services import bookings
from tests.booking.factories import make_accepted_request, make_bookable_session, make_booking


def test_book_move_cancel(app):
    session = make_bookable_session()
    booking = make_booking(slot=session.slots[0])
    assert booking.reference.startswith("SFC-")
    assert booking.request.status == RequestStatus.BOOKED
    assert db.session.scalar(db.select(db.func.count(OutboxMessage.id))) == 3
    by = booking.request.created_by
    bookings.move(booking, session.slots[1], by)
    db.session.commit()
    assert booking.sequence == 1
    other = make_accepted_request()
    try:
        bookings.book(other, session.slots[1], [], other.created_by)
    except bookings.SlotTaken:
        db.session.rollback()
    else:
        raise AssertionError("booked twice")
    bookings.cancel(booking, "ill", by)
    db.session.commit()
    assert booking.status == BookingStatus.CANCELLED and booking.sequence == 2
    assert booking.request.status == RequestStatus.ACCEPTED
