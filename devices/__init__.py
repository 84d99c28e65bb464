"""Drivers for the counter's devices: each loads a vendor's library and implements a port of
app/ (app.idcard.IdCardReader). No Qt, no database here."""
