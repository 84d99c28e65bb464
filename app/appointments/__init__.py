"""Appointments (预约服务): bookable slots per window or item, booking, moving, cancelling,
check-in on arrival, no-shows, and the confirmation slip."""
