"""Cases (办件): acceptance, the life cycle, deadlines, warnings and accountability."""
