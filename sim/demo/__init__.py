"""``frontdesk demo`` and ``init --demo``: days of a hall's work, every action through the
services (``sim.demo.activity`` runs a day; the other modules plan its parts)."""
