"""One-time notices (一次性告知单), return visits, extra demands and refusals (不予受理)."""
