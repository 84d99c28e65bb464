"""Appointment screens: the day's appointments of a window (booking, moving, cancelling,
check-in, no-shows) and the administrator's schedule settings."""
